import { io, Socket } from 'socket.io-client';
import type {
  ClientEvents,
  ContactFields,
  Me,
  RingingOffer,
  ServerEvents,
} from '@hotline/console-protocol';
import { HotlineApi, findByEmail } from './api';
import { Distribution, Random, draw } from './distributions';
import type { HotlineTime } from './hotline-time';
import { CRISIS_TOPIC } from './profile';

type ConsoleSocket = Socket<ServerEvents, ClientEvents>;

export interface VolunteerAccount {
  id: string;
  email: string;
  password: string;
  skills: string[];
  /** Their own phone (the hotline rings it behind the take-the-call screen). */
  phone: string;
}

/** How a volunteer leaves mid-evening (the `vanish` scenario). */
export type VanishMode = 'silent' | 'offline' | 'close';
export const VANISH_MODES: readonly VanishMode[] = ['silent', 'offline', 'close'];

/** The password of the accounts the simulator creates (they are test accounts). */
const SIM_PASSWORD = 'callsim-volunteer-1';

/**
 * A simulated volunteer's own phone: they have no browser softphone, so the hotline rings
 * this number (behind the take-the-call screen, which the simulated Twilio answers with 1).
 */
const simulatedPhone = (prefix: string, index: number) =>
  `${prefix}${String(index + 1).padStart(6, '0')}`;

/** Who the accounts are: volunteers (the default), or supervisors with their own phones. */
export interface AccountKind {
  /** `callsim-<n>` or `<name>-<n>` of the e-mail address. */
  name: string;
  roles: string[];
  /** The simulated phones' numbers start with this. */
  phonePrefix: string;
}

const VOLUNTEERS: AccountKind = {
  name: 'callsim',
  roles: ['volunteer'],
  phonePrefix: '+8613999',
};

/**
 * Accounts for the simulated volunteers: `callsim-<n>@<domain>` with the skills asked for,
 * created through the admin API, or reused (and their skills set) when they exist.
 */
export async function volunteerAccounts(
  admin: HotlineApi,
  staffing: string[][],
  domain = 'callsim.test',
  kind: AccountKind = VOLUNTEERS,
): Promise<VolunteerAccount[]> {
  const accounts: VolunteerAccount[] = [];
  for (const [index, skills] of staffing.entries()) {
    const email = `${kind.name}-${index + 1}@${domain}`;
    const phone = simulatedPhone(kind.phonePrefix, index);
    const found = await findByEmail(admin, email);
    if (found) {
      await admin.json('PATCH', `/api/volunteers/${found.id}`, {
        topicSkills: skills,
        phone,
        roles: kind.roles,
        active: true,
      });
      await admin.json(
        'PUT',
        `/api/volunteers/${found.id}/password`,
        { password: SIM_PASSWORD },
        [200, 204],
      );
      accounts.push({ id: found.id, email, password: SIM_PASSWORD, skills, phone });
    } else {
      const created = await admin.json<{ id: string }>('POST', '/api/volunteers', {
        name: `Simulated ${kind.roles[0]} ${index + 1}`,
        email,
        password: SIM_PASSWORD,
        expertKind: 'counsellor',
        roles: kind.roles,
        topicSkills: skills,
        phone,
      });
      accounts.push({ id: created.id, email, password: SIM_PASSWORD, skills, phone });
    }
  }
  return accounts;
}

export interface VolunteerBehaviour {
  think: Distribution;
  /** Wrap-up time of the call with this hotline id (the caller's drawn time), if known. */
  wrapUpOf: (callId: string) => number | undefined;
  /** The call's real topic (for the contact record), if known. */
  topicOf: (callId: string) => string | undefined;
  fallbackWrapUp: Distribution;
  /** Told when this volunteer took the call with this hotline id. */
  accepted?: (callId: string, volunteerId: string, at: number) => void;
}

/**
 * One simulated volunteer at the console: signs in, opens the socket the console page opens,
 * goes available, accepts each offer after a think time, and after the call writes the
 * contact record (topic, risk) once their wrap-up time has passed. All through the same
 * socket events the console page uses.
 */
export class SimVolunteer {
  private socket?: ConsoleSocket;
  private state: Me['state'] = 'offline';
  private stopped = false;
  /** Gone quiet: offers ring out, and a miss is not followed by going available again. */
  private silent = false;
  private closed = false;
  /** Offer ids accepted, and calls whose contact record was written. */
  readonly accepted: string[] = [];
  readonly wrappedUp: string[] = [];
  private readonly random: Random;

  constructor(
    readonly account: VolunteerAccount,
    private readonly serverUrl: string,
    private readonly time: HotlineTime,
    private readonly behaviour: VolunteerBehaviour,
    random: Random,
  ) {
    this.random = random.fork(account.email);
  }

  async start(): Promise<void> {
    const api = await HotlineApi.signIn(this.serverUrl, this.account.email, this.account.password);
    const socket: ConsoleSocket = io(`${this.serverUrl}/console`, {
      auth: { token: api.token },
      transports: ['websocket'],
    });
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('queue.snapshot', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on('offer.ringing', (offer) => void this.ringing(offer));
    socket.on('me.state', (me) => void this.changed(me));
    const ack = await this.command('presence.set', { state: 'available' });
    this.state = ack.me.state;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.socket || this.closed) return;
    await this.command('presence.set', { state: 'offline' }).catch(() => undefined);
    this.socket.close();
  }

  /**
   * Leaves mid-evening. `silent`: stays signed in and available but answers nothing more;
   * `offline`: finishes the call and contact record in hand, sets offline, closes the console;
   * `close`: the same but closes the console without setting offline.
   */
  async vanish(mode: VanishMode): Promise<void> {
    this.silent = true;
    if (mode === 'silent') return;
    // A volunteer does not hang up on a child: the call (and its record) in hand is finished.
    while (['offered', 'talking', 'wrap_up'].includes(this.state)) await this.time.sleep(10);
    if (mode === 'offline')
      await this.command('presence.set', { state: 'offline' }).catch(() => undefined);
    this.stopped = true;
    this.closed = true;
    this.socket?.close();
  }

  private async ringing(offer: RingingOffer): Promise<void> {
    if (this.silent) return;
    await this.time.sleep(draw(this.behaviour.think, this.random));
    if (this.stopped || this.silent) return;
    // Refused when the offer lapsed, was withdrawn or the caller hung up meanwhile.
    const at = this.time.nowMillis();
    const ack = await this.command('offer.accept', { offerId: offer.offerId }).catch(() => null);
    if (!ack) return;
    this.accepted.push(offer.offerId);
    this.behaviour.accepted?.(offer.callId, this.account.id, at);
  }

  private async changed(me: Me): Promise<void> {
    const before = this.state;
    this.state = me.state;
    if (this.stopped) return;
    if (me.state === 'wrap_up' && before !== 'wrap_up' && me.wrapUpCallId) {
      const callId = me.wrapUpCallId;
      await this.time.sleep(
        this.behaviour.wrapUpOf(callId) ?? draw(this.behaviour.fallbackWrapUp, this.random),
      );
      const topic = this.behaviour.topicOf(callId) ?? 'other';
      const crisis = topic === CRISIS_TOPIC;
      const contact: ContactFields = {
        primaryTopic: `${topic}.${childOf(topic)}`,
        riskLevel: crisis ? 'high' : 'low',
        outcome: crisis ? 'crisis_intervention' : 'advice_given',
      };
      const ack = await this.command('wrapup.submit', { callId, contact }).catch(() => null);
      if (ack) this.wrappedUp.push(callId);
    } else if (me.state === 'missed') {
      // An offer lapsed: back on duty after a moment, as a person would.
      await this.time.sleep(5);
      if (!this.stopped && !this.silent)
        await this.command('presence.set', { state: 'available' }).catch(() => null);
    }
  }

  private command<K extends 'presence.set' | 'offer.accept' | 'wrapup.submit'>(
    name: K,
    payload: Parameters<ClientEvents[K]>[0],
  ): Promise<Extract<Parameters<Parameters<ClientEvents[K]>[1]>[0], { ok: true }>> {
    const socket = this.socket!;
    return new Promise((resolve, reject) => {
      const emit = socket.emit.bind(socket) as unknown as (
        event: string,
        payload: unknown,
        ack: (result: { ok: boolean; error?: string }) => void,
      ) => void;
      emit(name, payload, (result) => {
        if (result.ok) resolve(result as never);
        else reject(new Error(`${name}: ${result.error}`));
      });
    });
  }
}

/** A sub-topic to record: the first under each top-level topic. */
const CHILDREN: Record<string, string> = {
  emotional: 'anxiety_stress',
  learning: 'exam_stress',
  parent_child: 'communication',
  behaviour: 'habits',
  peer_relations: 'friendship',
  clinical: 'tic_disorder',
  self_harm_suicide: 'ideation',
  violence_bullying: 'school_bullying',
  other: 'information',
};
const childOf = (topic: string) => CHILDREN[topic] ?? 'information';
