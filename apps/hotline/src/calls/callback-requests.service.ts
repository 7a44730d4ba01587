import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Not, Repository } from 'typeorm';
import type { CallbackReminder } from '@hotline/console-protocol';
import type { Clock } from '@hotline/clock';
import type { RecordingAudio } from '@hotline/telephony';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { isUniqueViolation } from '../database/errors';
import { FieldCipher } from '../common/field-cipher';
import { HotlineEvents } from '../events/hotline-events';
import type { Hotline } from '../hotlines/hotline.entity';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Call, CallerType } from './call.entity';
import {
  CallbackOutcome,
  CallbackReason,
  CallbackRequest,
  CallbackResult,
} from './callback-request.entity';

/** A message a writer left on the chat page, for the call-back list. */
export interface ChatPageMessage {
  hotlineId: string;
  text: string;
  callerType: string;
  topic: string;
}

/** A caller's message as Twilio recorded it (the recording status callback). */
export interface LeftMessage {
  recordingSid: string;
  seconds: number;
}

/** Who may be given call-backs to make: the people who take calls. */
const CALLING_ROLES = ['volunteer', 'supervisor'] as const;

/**
 * Callers who asked to be called back or left a message, and what became of it: who is to call
 * back, the attempt under way, how it ended. The only writer of `callback_request`; the
 * caller's number never leaves it except to be dialled (`numberToDial`, audited).
 */
@Injectable()
export class CallbackRequestsService {
  private readonly logger = new Logger('CallbackRequests');

  constructor(
    @InjectRepository(CallbackRequest) private readonly callbacks: Repository<CallbackRequest>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly telephony: Telephony,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * A caller pressed 1 for a call-back: one request per call (a retried webhook adds none).
   * A caller without a number can be given no call-back, so nothing is stored for them.
   */
  async record(call: Call, reason: CallbackReason, forDate: string): Promise<boolean> {
    if (!call.callerNumberEncrypted || !call.callerHash) return false;
    await this.insertOnce(call, reason, forDate, null);
    return true;
  }

  /**
   * A caller's message, kept with the call-back requests (with their number when they have
   * one, so the supervisor can also call back). One per call: a retried callback adds none.
   */
  async recordMessage(
    call: Call,
    reason: CallbackReason,
    forDate: string,
    message: LeftMessage,
  ): Promise<void> {
    const inserted = await this.insertOnce(call, reason, forDate, message);
    if (inserted) return;
    // The caller had asked for a call-back first: the message joins that request.
    await this.callbacks.update(
      { callId: call.id, recordingSid: IsNull(), recordingSeconds: IsNull() },
      {
        recordingSid: message.recordingSid,
        recordingSeconds: message.seconds,
        recordedAt: this.clock.now().toJSDate(),
      },
    );
  }

  /** A message left on the chat page (no number, no call): read on the list, never called back. */
  async recordChatPageMessage(
    message: ChatPageMessage,
    reason: CallbackReason,
    forDate: string,
  ): Promise<void> {
    await this.callbacks.insert({
      id: randomUUID(),
      hotlineId: message.hotlineId,
      callId: null,
      source: 'chat',
      messageEncrypted: this.cipher.encrypt(message.text),
      callerType: message.callerType,
      topic: message.topic,
      callerNumberEncrypted: null,
      callerHash: null,
      reason,
      requestedAt: this.clock.now().toJSDate(),
      forDate,
      doneAt: null,
      doneBy: null,
      recordingSid: null,
      recordingSeconds: null,
      recordedAt: null,
    });
  }

  private async insertOnce(
    call: Call,
    reason: CallbackReason,
    forDate: string,
    message: LeftMessage | null,
  ): Promise<boolean> {
    const now = this.clock.now().toJSDate();
    try {
      await this.callbacks.insert({
        id: randomUUID(),
        hotlineId: call.hotlineId,
        callId: call.id,
        callerNumberEncrypted: call.callerNumberEncrypted,
        callerHash: call.callerHash,
        reason,
        source: 'phone',
        requestedAt: now,
        forDate,
        doneAt: null,
        doneBy: null,
        recordingSid: message?.recordingSid ?? null,
        recordingSeconds: message?.seconds ?? null,
        recordedAt: message ? now : null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return false;
    }
    this.changed(call.hotlineId);
    return true;
  }

  byId(id: string): Promise<CallbackRequest> {
    return this.callbacks.findOneByOrFail({ id });
  }

  /** Who the caller said they were on the call that left the request (pupil, parent, ...). */
  async callerTypeOf(request: CallbackRequest): Promise<CallerType | null> {
    const row = await this.callbacks
      .createQueryBuilder('r')
      .innerJoin('r.call', 'c')
      .select('c.callerType', 'callerType')
      .where('r.id = :id', { id: request.id })
      .getRawOne<{ callerType: CallerType | null }>();
    return row?.callerType ?? null;
  }

  /** A request on one of the person's hotlines; any other is answered 404, as if it did not exist. */
  async visible(actor: Volunteer, id: string): Promise<CallbackRequest> {
    const request = await this.callbacks.findOneBy({ id });
    if (!request || !actor.worksFor(request.hotlineId))
      throw new NotFoundException(`No call-back request ${id} on your hotlines.`);
    return request;
  }

  /**
   * A caller's message as MP3, streamed from Twilio, for a supervisor or coordinator of its
   * hotline or the person who is to call back; each play is audited. Not found when there is
   * none (or no longer one).
   */
  async message(actor: Volunteer, id: string): Promise<RecordingAudio> {
    const request = await this.callbacks.findOneBy({ id });
    const overseer = actor.hasRole('supervisor', 'coordinator');
    if (
      !request ||
      !actor.worksFor(request.hotlineId) ||
      !(overseer || request.assignedTo === actor.id) ||
      !request.recordingSid
    )
      throw new NotFoundException(`No message for call-back request ${id}.`);
    await this.audit.record({
      actorId: actor.id,
      action: 'callback_request.recording.played',
      subjectType: 'callback_request',
      subjectId: request.id,
      hotlineId: request.hotlineId,
    });
    const audio = await this.telephony.recordingMp3(request.recordingSid);
    if (!audio) throw new NotFoundException(`The message of call-back request ${id} is gone.`);
    return audio;
  }

  /**
   * The text a writer left on the chat page, for the same people who may hear a caller's
   * message; each read is audited. Not found when there is none (or no longer one).
   */
  async text(actor: Volunteer, id: string): Promise<string> {
    const request = await this.callbacks.findOneBy({ id });
    if (
      !request ||
      !actor.worksFor(request.hotlineId) ||
      !(actor.hasRole('supervisor', 'coordinator') || request.assignedTo === actor.id) ||
      !request.messageEncrypted
    )
      throw new NotFoundException(`No written message for call-back request ${id}.`);
    await this.audit.record({
      actorId: actor.id,
      action: 'callback_request.message.read',
      subjectType: 'callback_request',
      subjectId: request.id,
      hotlineId: request.hotlineId,
    });
    return this.cipher.decrypt(request.messageEncrypted);
  }

  /**
   * Deletes the messages left before `cutoff` at Twilio, then forgets their sids (the length
   * stays, for the list), and clears the texts left on the chat page. One Twilio cannot delete
   * now is tried again at the next run.
   */
  async clearMessagesBefore(hotlineId: string, cutoff: Date): Promise<number> {
    const written = await this.callbacks.update(
      { hotlineId, requestedAt: LessThan(cutoff), messageEncrypted: Not(IsNull()) },
      { messageEncrypted: null },
    );
    const old = await this.callbacks.find({
      where: { hotlineId, recordedAt: LessThan(cutoff), recordingSid: Not(IsNull()) },
    });
    let cleared = written.affected ?? 0;
    for (const request of old) {
      try {
        await this.telephony.deleteRecording(request.recordingSid!);
      } catch (error) {
        this.logger.warn(
          { err: (error as Error).message, callbackRequestId: request.id },
          'Twilio could not delete a message past retention; trying again next run',
        );
        continue;
      }
      const result = await this.callbacks.update(
        { id: request.id, recordingSid: request.recordingSid! },
        { recordingSid: null },
      );
      cleared += result.affected ?? 0;
    }
    return cleared;
  }

  /**
   * Gives an open request to someone of its hotline who takes calls (null: to nobody). Refused
   * while a call-back is under way: the person making it keeps it until it ends.
   */
  async assign(actor: Volunteer, id: string, volunteerId: string | null): Promise<void> {
    const request = await this.visible(actor, id);
    if (request.doneAt) throw new ConflictException('This call-back is done already.');
    if (volunteerId) {
      const assignee = await this.volunteers.findOne({
        where: { id: volunteerId, active: true },
        relations: { hotlines: true },
      });
      if (
        !assignee?.hotlines.some((hotline) => hotline.id === request.hotlineId) ||
        !CALLING_ROLES.some((role) => assignee.roles.includes(role))
      )
        throw new BadRequestException(
          'volunteerId must be an active volunteer or supervisor of the request’s hotline',
        );
    }
    const now = this.clock.now().toJSDate();
    const result = await this.callbacks.update(
      { id, doneAt: IsNull(), activeAttemptId: IsNull() },
      {
        assignedTo: volunteerId,
        assignedBy: volunteerId ? actor.id : null,
        assignedAt: volunteerId ? now : null,
      },
    );
    if (!result.affected)
      throw new ConflictException('A call-back of this request is under way, or it is done.');
    this.changed(request.hotlineId);
  }

  /** Closes a request by hand; false when there is no such open request with no call-back under way. */
  async markDone(actor: Volunteer, id: string): Promise<boolean> {
    const request = await this.callbacks.findOneBy({ id, doneAt: IsNull() });
    if (!request || !actor.worksFor(request.hotlineId)) return false;
    const result = await this.callbacks.update(
      { id, doneAt: IsNull(), activeAttemptId: IsNull() },
      { doneAt: this.clock.now().toJSDate(), doneBy: actor.id, result: 'marked_done' },
    );
    if (result.affected) this.changed(request.hotlineId);
    return (result.affected ?? 0) > 0;
  }

  /**
   * The person it is assigned to starts a call-back: one at a time, on an open request (a
   * conditional update, so two presses never start two). False otherwise.
   */
  async claim(request: CallbackRequest, attemptId: string, volunteerId: string): Promise<boolean> {
    const result = await this.callbacks.update(
      { id: request.id, doneAt: IsNull(), activeAttemptId: IsNull(), assignedTo: volunteerId },
      { activeAttemptId: attemptId },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * The caller's number, to be dialled for a call-back: decrypted here, handed to Twilio only,
   * and the use audited as the person's read.
   */
  async numberToDial(request: CallbackRequest, actorId: string): Promise<string | null> {
    const number = this.cipher.decryptOptional(request.callerNumberEncrypted);
    if (!number) return null;
    await this.audit.record({
      actorId,
      action: 'callback_request.number.dialled',
      subjectType: 'callback_request',
      subjectId: request.id,
      hotlineId: request.hotlineId,
    });
    return number;
  }

  /**
   * An attempt ended: the request is free for the next, counts it (unless the caller was never
   * rung) and, when it reached the caller, is done.
   */
  async attemptEnded(
    request: Pick<CallbackRequest, 'id' | 'hotlineId'>,
    attemptId: string,
    outcome: CallbackOutcome,
    volunteerId: string,
  ): Promise<void> {
    const at = this.clock.now().toJSDate();
    const counted = outcome !== 'not_placed';
    await this.callbacks
      .createQueryBuilder()
      .update()
      .set({
        activeAttemptId: null,
        ...(counted
          ? {
              attemptCount: () => 'attempt_count + 1',
              lastOutcome: outcome,
              lastAttemptAt: at,
            }
          : {}),
        ...(outcome === 'reached'
          ? { doneAt: at, doneBy: volunteerId, result: 'reached', reachedAt: at }
          : {}),
      })
      .where('id = :id AND active_attempt_id = :attemptId', { id: request.id, attemptId })
      .execute();
    this.changed(request.hotlineId);
  }

  /**
   * The record of a call-back that reached someone says who it was: the caller (`reached`), or
   * someone else at that number (`wrong_number`): then nobody was reached, and the request
   * stays done, as calling that number again would reach the same person.
   */
  async settleReached(request: CallbackRequest, caller: boolean): Promise<void> {
    const result: CallbackResult & CallbackOutcome = caller ? 'reached' : 'wrong_number';
    if (request.result === result || !request.doneAt) return;
    await this.callbacks.update(
      { id: request.id },
      {
        result,
        reachedAt: caller ? (request.reachedAt ?? request.doneAt) : null,
        lastOutcome: result,
      },
    );
    this.changed(request.hotlineId);
  }

  /** The open requests of a hotline whose evening has passed, and those due this evening. */
  async reminder(hotline: Pick<Hotline, 'id' | 'timeZone'>): Promise<CallbackReminder> {
    const hotlineId = hotline.id;
    const today = this.clock.now().setZone(hotline.timeZone).toISODate()!;
    const rows = await this.callbacks
      .createQueryBuilder('r')
      .select('SUM(CASE WHEN r.forDate < :today THEN 1 ELSE 0 END)', 'overdue')
      .addSelect('SUM(CASE WHEN r.forDate = :today THEN 1 ELSE 0 END)', 'today')
      .where('r.hotlineId = :hotlineId AND r.doneAt IS NULL', { hotlineId, today })
      .getRawOne<{ overdue: unknown; today: unknown }>();
    return { overdue: Number(rows?.overdue ?? 0), today: Number(rows?.today ?? 0) };
  }

  /** Hotlines with open requests (for the new evening's reminder). */
  async hotlinesWithOpenRequests(): Promise<string[]> {
    const rows = await this.callbacks
      .createQueryBuilder('r')
      .select('DISTINCT r.hotlineId', 'hotlineId')
      .where('r.doneAt IS NULL')
      .getRawMany<{ hotlineId: string }>();
    return rows.map((row) => row.hotlineId);
  }

  private changed(hotlineId: string): void {
    this.events.publish({ type: 'callbacks.changed', hotlineId });
  }
}
