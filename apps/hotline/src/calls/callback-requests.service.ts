import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Not, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { isUniqueViolation } from '../database/errors';
import { FieldCipher } from '../common/field-cipher';
import { hotlineFor } from '../hotlines/hotline-scope';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Call } from './call.entity';
import { CallbackReason, CallbackRequest } from './callback-request.entity';
import { CallbackRequestView } from './dto/calls.dto';

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

/**
 * Callers who asked to be called back or left a message: the supervisors' list, each number
 * an audited read, each message played an audited read.
 */
@Injectable()
export class CallbackRequestsService {
  private readonly logger = new Logger('CallbackRequests');

  constructor(
    @InjectRepository(CallbackRequest) private readonly callbacks: Repository<CallbackRequest>,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly telephony: Telephony,
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
      channel: 'online',
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
        requestedAt: now,
        forDate,
        doneAt: null,
        doneBy: null,
        recordingSid: message?.recordingSid ?? null,
        recordingSeconds: message?.seconds ?? null,
        recordedAt: message ? now : null,
      });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return false;
    }
  }

  /**
   * A caller's message as MP3, streamed from Twilio for a supervisor or coordinator of its
   * hotline; each play is audited. Not found when there is none (or no longer one).
   */
  async message(actor: Volunteer, id: string): Promise<Buffer> {
    const request = await this.callbacks.findOneBy({ id });
    if (!request || !actor.worksFor(request.hotlineId) || !request.recordingSid)
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

  /** Open call-back requests with their numbers: each number shown is an audited read. */
  async openCallbacks(actor: Volunteer, hotlineId?: string): Promise<CallbackRequestView[]> {
    const hotline = hotlineFor(actor, hotlineId);
    const open = await this.callbacks.find({
      where: { hotlineId: hotline, doneAt: IsNull() },
      order: { forDate: 'ASC', requestedAt: 'ASC' },
    });
    for (const request of open) {
      for (const [value, action] of [
        [request.callerNumberEncrypted, 'callback_request.number.read'],
        [request.messageEncrypted, 'callback_request.message.read'],
      ] as const) {
        if (!value) continue;
        await this.audit.record({
          actorId: actor.id,
          action,
          subjectType: 'callback_request',
          subjectId: request.id,
          hotlineId: hotline,
        });
      }
    }
    return open.map((request) => ({
      id: request.id,
      callId: request.callId,
      channel: request.channel,
      ...(request.channel === 'online'
        ? {
            message: this.cipher.decryptOptional(request.messageEncrypted),
            callerType: request.callerType,
            topic: request.topic,
          }
        : {}),
      callerNumber: this.cipher.decryptOptional(request.callerNumberEncrypted) ?? '',
      reason: request.reason,
      requestedAt: request.requestedAt,
      forDate: request.forDate,
      doneAt: request.doneAt,
      hasMessage: request.recordingSid !== null,
      messageSeconds: request.recordingSeconds,
      messageLeftAt: request.recordedAt,
    }));
  }

  /** False when there is no such open request on a hotline the person works for. */
  async markCallbackDone(actor: Volunteer, id: string): Promise<boolean> {
    const request = await this.callbacks.findOneBy({ id, doneAt: IsNull() });
    if (!request || !actor.worksFor(request.hotlineId)) return false;
    const result = await this.callbacks.update(
      { id, doneAt: IsNull() },
      { doneAt: this.clock.now().toJSDate(), doneBy: actor.id },
    );
    return (result.affected ?? 0) > 0;
  }
}
