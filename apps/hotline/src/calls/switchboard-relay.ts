import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type {
  ChosenPresence,
  QueuePosition,
  QueueSnapshot,
  VolunteerView as EngineVolunteer,
  WaitingCallView,
} from '@hotline/routing';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { Cluster } from '../instances/cluster';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { Switchboard } from './switchboard';
import { SwitchboardLine, SwitchboardProtocol, VolunteerStates } from './switchboard-protocol';

/** A webhook answers without waiting longer than this on the leader (the call is durable first). */
const WEBHOOK_WAIT_MS = 1500;
const WEBHOOK_ASK = { timeoutMs: WEBHOOK_WAIT_MS, patienceMs: WEBHOOK_WAIT_MS };

/**
 * A follower's switchboard (another instance leads, docs/instances.md): asks the leader for
 * every step, and mirrors the leader's volunteer states for the reads that cannot wait.
 */
@Injectable()
export class SwitchboardRelay extends Switchboard {
  private readonly logger = new Logger('Switchboard');
  private readonly line?: SwitchboardLine;
  /** The leader's volunteer states, per hotline (see `LeadingSwitchboard.shareStates`). */
  private readonly mirror = new Map<string, Map<string, EngineVolunteer>>();

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectClock() private readonly clock: Clock,
    @Optional() cluster?: Cluster,
  ) {
    super();
    this.line = cluster?.line<SwitchboardProtocol>();
  }

  private get leader(): SwitchboardLine {
    if (!this.line) throw new Error('a single instance relays to no leader');
    return this.line;
  }

  enqueue(call: Call): Promise<'queued' | 'queue_full' | 'duplicate'> {
    return this.webhookStep('switchboard.enqueue', call, 'queued');
  }

  hangUp(call: Call): Promise<void> {
    return this.webhookStep('switchboard.hangUp', call, undefined);
  }

  takeOver(call: Call, supervisorId: string): Promise<void> {
    return this.leader.askLeader('switchboard.takeOver', { callId: call.id, supervisorId });
  }

  consult(call: Call, colleagueId: string): Promise<void> {
    return this.leader.askLeader('switchboard.consult', { callId: call.id, colleagueId });
  }

  endConsult(call: Call, complete: boolean): Promise<void> {
    return this.leader.askLeader('switchboard.endConsult', { callId: call.id, complete });
  }

  transferToQueue(call: Call, topic: string): Promise<void> {
    return this.leader.askLeader('switchboard.transferToQueue', { callId: call.id, topic });
  }

  /** Unanswered in time, the record (answered) stands: the connecting deadline's check settles it. */
  connected(call: Call): Promise<void> {
    return this.webhookStep('switchboard.connected', call, undefined);
  }

  async dialFailed(call: Call): Promise<void> {
    try {
      await this.leader.askLeader('switchboard.dialFailed', { callId: call.id }, WEBHOOK_ASK);
    } catch {
      // Back in line on record; the leader's sweep puts the caller back in the queue.
      await this.calls.update(call.id, {
        status: 'waiting',
        volunteerId: null,
        updatedAt: this.clock.now().toJSDate(),
      });
    }
  }

  placeOf(call: Pick<Call, 'id' | 'hotlineId'>): Promise<QueuePosition | undefined> {
    return this.leader
      .askLeader(
        'switchboard.position',
        { callId: call.id, hotlineId: call.hotlineId },
        { timeoutMs: WEBHOOK_WAIT_MS, patienceMs: 0 },
      )
      .catch(() => undefined);
  }

  snapshot(hotlineId: string): Promise<QueueSnapshot> {
    return this.leader.askLeader('switchboard.snapshot', { hotlineId });
  }

  setPresence(
    volunteer: Volunteer,
    hotlineId: string,
    presence: ChosenPresence,
  ): Promise<EngineVolunteer> {
    return this.leader.askLeader('switchboard.setPresence', {
      volunteerId: volunteer.id,
      hotlineId,
      presence,
    });
  }

  async accept(volunteer: Volunteer, offerId: string): Promise<Call> {
    const callId = await this.leader.askLeader('switchboard.accept', {
      volunteerId: volunteer.id,
      offerId,
    });
    return this.calls.findOneByOrFail({ id: callId });
  }

  decline(volunteer: Volunteer, offerId: string): Promise<void> {
    return this.leader.askLeader('switchboard.decline', { volunteerId: volunteer.id, offerId });
  }

  finishWrapUp(volunteer: Volunteer, call: Call): Promise<EngineVolunteer> {
    return this.leader.askLeader('switchboard.finishWrapUp', {
      volunteerId: volunteer.id,
      callId: call.id,
    });
  }

  reoffer(hotlineId: string, callId: string, volunteerId: string): Promise<void> {
    return this.leader.askLeader('switchboard.reoffer', { hotlineId, callId, volunteerId });
  }

  async liveOffer(volunteer: Volunteer): Promise<CallOffer | null> {
    const offerId = await this.leader.askLeader('switchboard.liveOffer', {
      volunteerId: volunteer.id,
    });
    return offerId ? this.offers.findOneBy({ id: offerId }) : null;
  }

  /** The leader's own roster job keeps its engines current; there is nothing to tell. */
  async setOnShift(): Promise<void> {}

  ringOnly(call: Call, volunteerId: string, topic: string): Promise<void> {
    return this.leader.askLeader('switchboard.ringOnly', { callId: call.id, volunteerId, topic });
  }

  release(call: Call): Promise<void> {
    return this.leader.askLeader('switchboard.release', { callId: call.id });
  }

  callBack(volunteerId: string, hotlineId: string, callbackId: string): Promise<void> {
    return this.leader.askLeader('switchboard.callBack', { volunteerId, hotlineId, callbackId });
  }

  /** A webhook's word: unanswered in time, the call-backs' sweep on the leader tells it again. */
  async callBackEnded(
    volunteerId: string,
    hotlineId: string,
    callbackId: string,
    reached: boolean,
  ): Promise<void> {
    await this.leader
      .askLeader(
        'switchboard.callBackEnded',
        { volunteerId, hotlineId, callbackId, reached },
        WEBHOOK_ASK,
      )
      .catch((error: Error) =>
        this.logger.warn({ err: error.message, callbackId }, 'no leader took a call-back end'),
      );
  }

  callBackRecorded(volunteerId: string, hotlineId: string, callbackId: string): Promise<void> {
    return this.leader.askLeader('switchboard.callBackRecorded', {
      volunteerId,
      hotlineId,
      callbackId,
    });
  }

  supervisorTook(call: Call, supervisorId: string): Promise<boolean> {
    return this.leader.askLeader('switchboard.supervisorTook', { callId: call.id, supervisorId });
  }

  volunteerState(hotlineId: string, volunteerId: string): EngineVolunteer | undefined {
    return this.mirror.get(hotlineId)?.get(volunteerId);
  }

  // No engine runs here: nothing is on duty, queued or held on this instance.

  onDuty(): { hotlineId: string; volunteerId: string }[] {
    return [];
  }

  openQueues(): { hotlineId: string; name: string; queue: QueueSnapshot }[] {
    return [];
  }

  callView(): WaitingCallView | undefined {
    return undefined;
  }

  /** Takes the states the leader shares after its steps (or had when it stood down). */
  mirrorStates(states: VolunteerStates): void {
    for (const [hotlineId, volunteers] of Object.entries(states)) {
      const known = this.mirror.get(hotlineId) ?? new Map<string, EngineVolunteer>();
      for (const volunteer of volunteers) known.set(volunteer.id, volunteer);
      this.mirror.set(hotlineId, known);
    }
  }

  /** Learns every state from a new leader (or on joining). */
  async refreshMirror(): Promise<void> {
    try {
      const states = await this.leader.askLeader('switchboard.states', {}, { patienceMs: 0 });
      this.mirror.clear();
      this.mirrorStates(states);
    } catch {
      // No leader yet: its announcement brings the states.
    }
  }

  /** This instance leads now: its own engines answer the reads. */
  forget(): void {
    this.mirror.clear();
  }

  /**
   * A webhook's step, asked of the leader without keeping the caller waiting: the call is in
   * the database already, so if the leader does not answer in time its sweep (or the next
   * leader's takeover) picks the call up.
   */
  private async webhookStep<
    M extends 'switchboard.enqueue' | 'switchboard.hangUp' | 'switchboard.connected',
  >(
    method: M,
    call: Call,
    fallback: SwitchboardProtocol['requests'][M]['result'],
  ): Promise<SwitchboardProtocol['requests'][M]['result']> {
    try {
      return await this.leader.askLeader(method, { callId: call.id }, WEBHOOK_ASK);
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, callId: call.id },
        `no leader took ${method.replace('switchboard.', '')}; the record stands and the leader's sweep will`,
      );
      return fallback;
    }
  }
}
