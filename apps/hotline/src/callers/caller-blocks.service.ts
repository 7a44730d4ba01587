import {
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { hotlineFor } from '../hotlines/hotline-scope';
import { Telephony } from '../telephony/telephony';
import type { Volunteer } from '../volunteers/volunteer.entity';
import type { Call } from '../calls/call.entity';
import { BlockReason, BlockSubjectKind, CallerBlock } from './caller-block.entity';
import { inForce } from './caller-admission';
import type { CallerSubject } from './caller-subjects';

/** Who blocks: the hotline's supervisors, and admins (who alone may block for good). */
export const mayBlock = (actor: Volunteer, hotlineId: string): boolean =>
  actor.hasRole('supervisor', 'admin') && actor.worksFor(hotlineId);

/** A block lasts this long unless the supervisor says otherwise. */
export const DEFAULT_BLOCK_DAYS = 30;
/** How often expired blocks are recorded as lifted (real time). */
const EXPIRY_EVERY_MS = 60_000;

export interface BlockTerms {
  reason: BlockReason;
  /** Days until it lifts by itself; ignored when permanent. */
  days?: number;
  /** Never lifts by itself: only an admin may decide that. */
  permanent?: boolean;
}

/**
 * The hotline's block list: supervisors block and unblock callers, every change audited; a
 * block ends at its expiry (the decision reads the expiry, the job records the lift and audits
 * it). Another block of a caller already blocked replaces the one in force.
 */
@Injectable()
export class CallerBlocks implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CallerBlocks');
  private stop?: () => void;

  constructor(
    @InjectRepository(CallerBlock) private readonly blocks: Repository<CallerBlock>,
    private readonly audit: AuditService,
    private readonly telephony: Telephony,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob(
      'block expiry',
      EXPIRY_EVERY_MS,
      () => this.expire(),
      this.logger,
    );
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  /** Blocks a caller, or (`kind` device) a chat writer's device keyed by its hash. */
  async block(
    actor: Volunteer,
    subject: Pick<CallerSubject, 'hotlineId' | 'callerHash'>,
    terms: BlockTerms,
    kind: BlockSubjectKind = 'caller',
  ): Promise<CallerBlock> {
    if (terms.permanent && !actor.hasRole('admin'))
      throw new ForbiddenException('Only an admin may block a caller permanently.');
    const now = this.clock.now();
    const current = await this.inForce(subject.hotlineId, subject.callerHash, kind);
    if (current) await this.lift(current, actor.id, 'caller.block.replaced');
    const block = this.blocks.create({
      id: randomUUID(),
      hotlineId: subject.hotlineId,
      subjectKind: kind,
      subjectHash: subject.callerHash,
      reason: terms.reason,
      blockedBy: actor.id,
      blockedAt: now.toJSDate(),
      expiresAt: terms.permanent
        ? null
        : now.plus({ days: terms.days ?? DEFAULT_BLOCK_DAYS }).toJSDate(),
      liftedAt: null,
      liftedBy: null,
    });
    await this.blocks.insert(block);
    await this.record(block, actor.id, 'caller.blocked');
    return block;
  }

  /**
   * "Block and hang up" from the wall: the block first (it must hold even if Twilio fails),
   * then Twilio ends the call; its status callback settles it like any hang-up. False when
   * the call had ended or Twilio could not end it.
   */
  async blockAndHangUp(
    actor: Volunteer,
    subject: CallerSubject & { call: Call },
    terms: BlockTerms,
  ): Promise<{ block: CallerBlock; hungUp: boolean }> {
    const block = await this.block(actor, subject, terms);
    const { call } = subject;
    if (call.training || call.endedAt || call.status === 'ended') return { block, hungUp: false };
    try {
      await this.telephony.endCall(call.callSid);
      return { block, hungUp: true };
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, callId: call.id },
        'Twilio did not end the blocked call',
      );
      return { block, hungUp: false };
    }
  }

  async unblock(actor: Volunteer, blockId: string): Promise<void> {
    const block = await this.blocks.findOneBy({ id: blockId });
    if (!block || !mayBlock(actor, block.hotlineId) || !inForce(block, this.clock.now().toJSDate()))
      throw new NotFoundException(`No block ${blockId} in force on a hotline you supervise.`);
    await this.lift(block, actor.id, 'caller.unblocked');
  }

  /** The blocks in force on a hotline, newest first. */
  async list(actor: Volunteer, hotlineId?: string): Promise<CallerBlock[]> {
    const hotline = hotlineFor(actor, hotlineId);
    const now = this.clock.now().toJSDate();
    const open = await this.blocks.find({
      where: { hotlineId: hotline, liftedAt: IsNull() },
      order: { blockedAt: 'DESC' },
      take: 500,
    });
    return open.filter((block) => inForce(block, now));
  }

  /** The block in force on this caller (or device), if any; any of the hashes may match. */
  async inForce(
    hotlineId: string,
    hash: string | string[],
    kind: BlockSubjectKind = 'caller',
  ): Promise<CallerBlock | null> {
    const now = this.clock.now().toJSDate();
    const open = await this.blocks.findBy({
      hotlineId,
      subjectKind: kind,
      subjectHash: Array.isArray(hash) ? In(hash) : hash,
      liftedAt: IsNull(),
    });
    return open.find((block) => inForce(block, now)) ?? null;
  }

  /** Records every block past its expiry as lifted then (by nobody: it ran out), audited. */
  async expire(): Promise<number> {
    const due = await this.blocks.findBy({
      liftedAt: IsNull(),
      expiresAt: LessThanOrEqual(this.clock.now().toJSDate()),
    });
    let lifted = 0;
    for (const block of due) {
      const result = await this.blocks.update(
        { id: block.id, liftedAt: IsNull() },
        { liftedAt: block.expiresAt },
      );
      // Another instance's job may have recorded it first.
      if (!result.affected) continue;
      await this.record(block, null, 'caller.block.expired');
      lifted += 1;
    }
    return lifted;
  }

  private async lift(block: CallerBlock, actorId: string, action: string): Promise<void> {
    await this.blocks.update(
      { id: block.id, liftedAt: IsNull() },
      { liftedAt: this.clock.now().toJSDate(), liftedBy: actorId },
    );
    await this.record(block, actorId, action);
  }

  private record(block: CallerBlock, actorId: string | null, action: string): Promise<void> {
    return this.audit.record({
      actorId,
      action,
      subjectType: 'caller_block',
      subjectId: block.id,
      hotlineId: block.hotlineId,
    });
  }
}
