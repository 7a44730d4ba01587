import { PlacedCall, TwilioSide, Webhooks, newCallSid } from './caller';
import { Distribution, Random, draw } from './distributions';
import type { HotlineTime } from './hotline-time';
import { verb, verbText } from './twiml';
import type { VolunteerAccount } from './volunteer';

export interface SupervisorBehaviour {
  /** false: their phone rings out (asleep, out of reach). */
  answers: boolean;
  /** From the ring to picking up; a ring that lasts less is missed. */
  pickUp: Distribution;
  /** From picking up to pressing 1: listening to "a crisis caller is waiting". */
  press: Distribution;
}

/** A call of the escalation ladder as this supervisor lived it. */
export interface SupervisorRing {
  callId: string;
  at: number;
  /** answered and took the caller; too late (someone else had them); not answered; busy with another caller. */
  result: 'took' | 'too_late' | 'not_answered' | 'busy';
}

/**
 * A supervisor on call with their own phone, as the escalation ladder reaches them: the server
 * places a call (REST), Twilio rings the phone; picking up fetches the call's URL, pressing 1
 * posts the `<Gather>`'s action, and a `<Conference>` answer puts them with the caller until
 * the caller leaves. A supervisor with a caller does not pick up another ring.
 */
export class SimSupervisor {
  readonly rings: SupervisorRing[] = [];
  private busy = false;
  private readonly random: Random;

  constructor(
    readonly account: VolunteerAccount,
    private readonly webhooks: Webhooks,
    private readonly twilio: TwilioSide,
    private readonly time: HotlineTime,
    private readonly behaviour: SupervisorBehaviour,
    random: Random,
  ) {
    this.random = random.fork(account.email);
    twilio.answerPhone(account.phone, (call) => void this.ring(call).catch(() => undefined));
  }

  private async ring(call: PlacedCall): Promise<void> {
    const callId = new URL(call.url).searchParams.get('call') ?? '';
    const heard = (result: SupervisorRing['result']) =>
      this.rings.push({ callId, at: this.time.nowMillis(), result });
    const pickUp = draw(this.behaviour.pickUp, this.random);
    const press = draw(this.behaviour.press, this.random);
    if (!this.behaviour.answers || pickUp >= call.timeout) return void heard('not_answered');
    if (this.busy) return void heard('busy');
    this.busy = true;
    try {
      await this.time.sleep(pickUp);
      const params = {
        CallSid: newCallSid(),
        AccountSid: this.webhooks.settings.accountSid,
        From: call.from,
        To: call.to,
        Direction: 'outbound-api',
        CallStatus: 'in-progress',
      };
      const asked = await this.webhooks.post(call.url, params);
      const key = verb(asked.twiml, 'Gather')?.action;
      if (!key) return void heard('too_late');
      await this.time.sleep(press);
      const joined = await this.webhooks.post(key, { ...params, Digits: '1' });
      const conference = verbText(joined.twiml, 'Conference');
      if (!conference) return void heard('too_late');
      heard('took');
      // With the caller until they leave the conference (it ends when either leaves).
      await this.twilio.conference(conference).ended;
    } finally {
      this.busy = false;
    }
  }
}
