import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../../common/clock.provider';
import { Telephony } from '../../telephony/telephony';
import { Call } from '../call.entity';
import { CallerTransfer } from '../caller-transfer';
import { screenPath } from '../screening.twiml';
import { Switchboard } from '../switchboard';
import { CallParticipant } from './call-participant.entity';
import { legStatusPath } from './conference.twiml';
import { LiveCalls } from './live-calls';
import { WarmTransfer } from './warm-transfer';

/** The parameters of Twilio's conference status callbacks (those we read). */
export interface ConferenceParams {
  ConferenceSid?: string;
  StatusCallbackEvent?: string;
  /** The participant's leg, for participant events. */
  CallSid?: string;
  ParticipantLabel?: string;
  /** A call's status callback: its final status. */
  CallStatus?: string;
}

/**
 * The call's conference as Twilio runs it: the accepted volunteer is rung on a leg of their
 * own and joins the caller there (the answer), a leg that ends unanswered puts the caller back
 * in their place, and the conference's comings and goings are recorded and told to those in
 * the call (`LiveCalls`).
 */
@Injectable()
export class ConferenceLegs {
  private readonly logger = new Logger('Conference');

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallParticipant) private readonly participants: Repository<CallParticipant>,
    private readonly switchboard: Switchboard,
    private readonly transfer: CallerTransfer,
    private readonly telephony: Telephony,
    private readonly live: LiveCalls,
    private readonly warm: WarmTransfer,
    @InjectClock() private readonly clock: Clock,
  ) {}

  url(path: string): string {
    return this.transfer.url(path);
  }

  /**
   * Rings the volunteer who accepted: their softphone joins the conference at once, their own
   * phone is screened first (press 1). False when nothing of theirs can ring or Twilio refused.
   * A retried connect webhook finds the leg already rung.
   */
  async ringVolunteer(call: Call, ringSeconds: number): Promise<boolean> {
    const volunteerId = call.volunteerId!;
    const rung = await this.participants.existsBy({
      callId: call.id,
      volunteerId,
      role: 'volunteer',
      leftAt: IsNull(),
    });
    if (rung) return true;
    const target = await this.transfer.dialTarget(volunteerId);
    if (!target) return false;
    const softphone = 'client' in target;
    let legSid: string;
    try {
      legSid = await this.telephony.placeCall(
        softphone ? `client:${target.client}` : target.number,
        screenPath(call.id, softphone ? 'join' : undefined),
        ringSeconds,
        legStatusPath(call.id),
      );
    } catch (error) {
      this.logger.error(
        { err: (error as Error).message, callId: call.id },
        "Twilio did not ring the volunteer's leg",
      );
      return false;
    }
    await this.participants.insert({
      id: randomUUID(),
      hotlineId: call.hotlineId,
      callId: call.id,
      volunteerId,
      role: 'volunteer',
      mode: 'talk',
      legSid,
      muted: false,
      joinedAt: null,
      leftAt: null,
      createdAt: this.now(),
    });
    return true;
  }

  /** A conference status callback: who joined or left, and the end. */
  async event(callId: string | undefined, params: ConferenceParams): Promise<void> {
    const call = callId ? await this.calls.findOneBy({ id: callId }) : null;
    if (!call) return;
    if (params.ConferenceSid && call.conferenceSid !== params.ConferenceSid) {
      await this.calls.update(call.id, { conferenceSid: params.ConferenceSid });
      call.conferenceSid = params.ConferenceSid;
    }
    const row = params.CallSid
      ? await this.participants.findOneBy({ callId: call.id, legSid: params.CallSid })
      : null;
    switch (params.StatusCallbackEvent) {
      case 'participant-join':
        if (row) await this.joined(call, row);
        return;
      case 'participant-leave':
        if (row) await this.left(call, row);
        return;
      case 'conference-end':
        return this.live.endAll(call.id);
    }
  }

  /**
   * A volunteer's or supervisor's leg ended (its status callback). One that never joined was
   * not answered: a volunteer's caller goes back to their place in the queue.
   */
  async legEnded(callId: string | undefined, params: ConferenceParams): Promise<void> {
    if (!callId || !params.CallSid) return;
    const row = await this.participants.findOneBy({ callId, legSid: params.CallSid });
    if (!row || row.leftAt) return;
    const call = await this.calls.findOneByOrFail({ id: callId });
    if (row.joinedAt) return this.left(call, row);
    await this.participants.update(row.id, { leftAt: this.now() });
    if (row.mode === 'consult') await this.warm.colleagueLeft(call);
    if (
      row.role !== 'volunteer' ||
      call.status !== 'connecting' ||
      call.volunteerId !== row.volunteerId ||
      call.answeredAt
    )
      return this.live.publish(call.id, [row.volunteerId]);
    await this.switchboard.dialFailed(call);
    // The caller waits alone in the conference: back to the queue (the connect webhook
    // answers a waiting caller with their place).
    await this.telephony
      .sendCallerTo(call.callSid, null, `/twilio/voice/connect?call=${call.id}`)
      .catch((error: Error) =>
        this.logger.error({ err: error.message, callId }, 'could not bring the caller back'),
      );
  }

  /** The caller left: the call is over for everyone in it. */
  ended(callId: string): Promise<void> {
    return this.live.endAll(callId);
  }

  /** The volunteer joining is the answer: the call is talking from now. */
  private async joined(call: Call, row: CallParticipant): Promise<void> {
    const at = this.now();
    if (!row.joinedAt) await this.participants.update(row.id, { joinedAt: at });
    if (row.role === 'volunteer' && call.volunteerId === row.volunteerId) {
      await this.calls
        .createQueryBuilder()
        .update()
        .set({ answeredAt: at })
        .where('id = :id AND answered_at IS NULL', { id: call.id })
        .execute();
      await this.calls.update(
        { id: call.id, status: 'connecting' },
        { status: 'talking', updatedAt: at },
      );
      await this.switchboard.connected(await this.calls.findOneByOrFail({ id: call.id }));
    }
    await this.live.publish(call.id);
  }

  /**
   * Someone left the conference. The person the call is with (the volunteer, or the supervisor
   * who took it over) leaving ends it for the caller too, unless someone else is speaking with
   * them (a supervisor barged in): a child is never left alone on a silent line.
   */
  private async left(call: Call, row: CallParticipant): Promise<void> {
    if (row.leftAt) return;
    await this.participants.update(row.id, { leftAt: this.now() });
    if (row.mode === 'consult') await this.warm.colleagueLeft(call);
    const present = await this.live.present(call.id);
    const someoneTalks = present.some((other) => other.mode === 'talk' || other.mode === 'barge');
    if (
      call.volunteerId === row.volunteerId &&
      !someoneTalks &&
      call.conferenceSid &&
      !call.endedAt
    )
      await this.telephony
        .endConference(call.conferenceSid)
        .catch((error: Error) =>
          this.logger.error({ err: error.message, callId: call.id }, 'could not end the call'),
        );
    await this.live.publish(call.id, [row.volunteerId]);
  }

  private now(): Date {
    return this.clock.now().toJSDate();
  }
}
