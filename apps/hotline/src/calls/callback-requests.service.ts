import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { isUniqueViolation } from '../database/errors';
import { FieldCipher } from '../common/field-cipher';
import { hotlineFor } from '../hotlines/hotline-scope';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Call } from './call.entity';
import { CallbackReason, CallbackRequest } from './callback-request.entity';
import { CallbackRequestView } from './dto/calls.dto';

/** Callers who asked to be called back: the supervisors' list, each number an audited read. */
@Injectable()
export class CallbackRequestsService {
  constructor(
    @InjectRepository(CallbackRequest) private readonly callbacks: Repository<CallbackRequest>,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * A caller pressed 1 for a call-back: one request per call (a retried webhook adds none).
   * A caller without a number can be given no call-back, so nothing is stored for them.
   */
  async record(call: Call, reason: CallbackReason, forDate: string): Promise<void> {
    if (!call.callerNumberEncrypted || !call.callerHash) return;
    try {
      await this.callbacks.insert({
        id: randomUUID(),
        hotlineId: call.hotlineId,
        callId: call.id,
        callerNumberEncrypted: call.callerNumberEncrypted,
        callerHash: call.callerHash,
        reason,
        requestedAt: this.clock.now().toJSDate(),
        forDate,
        doneAt: null,
        doneBy: null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** Open call-back requests with their numbers: each number shown is an audited read. */
  async openCallbacks(actor: Volunteer, hotlineId?: string): Promise<CallbackRequestView[]> {
    const hotline = hotlineFor(actor, hotlineId);
    const open = await this.callbacks.find({
      where: { hotlineId: hotline, doneAt: IsNull() },
      order: { forDate: 'ASC', requestedAt: 'ASC' },
    });
    for (const request of open) {
      await this.audit.record({
        actorId: actor.id,
        action: 'callback_request.number.read',
        subjectType: 'callback_request',
        subjectId: request.id,
        hotlineId: hotline,
      });
    }
    return open.map((request) => ({
      id: request.id,
      callId: request.callId,
      callerNumber: this.cipher.decryptOptional(request.callerNumberEncrypted) ?? '',
      reason: request.reason,
      requestedAt: request.requestedAt,
      forDate: request.forDate,
      doneAt: request.doneAt,
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
