import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LessThanOrEqual, MoreThan, Not, Repository } from 'typeorm';
import type { CallbackOutcome } from '@hotline/console-protocol';
import type { Clock } from '@hotline/clock';
import { CallbackRequestsService } from '../calls/callback-requests.service';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { CallbackRecords, ReachedCallBack } from '../contacts/callback-records';
import { ContactFieldsDto, WrapUpView } from '../contacts/dto/contact.dto';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import {
  AttemptEffect,
  AttemptEvent,
  AttemptStatus,
  AttemptStep,
  AttemptTimes,
  RECHECK_SECONDS,
  checkAfter,
  decide,
  legToCheck,
} from './attempt-machine';
import { CallbackAttempt, attemptLive } from './callback-attempt.entity';
import {
  CALLER_RING_SECONDS,
  CallbackDialler,
  MACHINE_DETECTION_SECONDS,
  twilioFailure,
} from './callback-dialler';

/** How long the volunteer's own phone or browser rings for a call-back they started. */
export const VOLUNTEER_RING_SECONDS = 30;

const TIMES: AttemptTimes = {
  volunteerRingSeconds: VOLUNTEER_RING_SECONDS,
  callerRingSeconds: CALLER_RING_SECONDS + MACHINE_DETECTION_SECONDS,
};

/** Twilio's final statuses of a call. */
const ENDED_AT_TWILIO = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/** How far back the sweep looks for an ended call-back whose volunteer the routing still holds. */
const RECENTLY_ENDED_MS = 15 * 60_000;

/** A webhook's answer for the leg that asked, and the attempt as it stands after it. */
export interface Applied {
  attempt: CallbackAttempt;
  step: AttemptStep;
  /** Resolves once what the step asks of Twilio (and of the record) is done. */
  done: Promise<void>;
}

/**
 * Call-backs as they happen: the person a request is assigned to starts one, and Twilio's
 * webhooks move it on (`attempt-machine.ts` decides, this carries it out). Each step is one
 * conditional update from the state it was read in, so a retried or concurrent webhook never
 * moves an attempt twice; what it asks of Twilio is done after, outside the webhook's answer.
 * The volunteer is `talking` for the routing (offered no caller) from the start to the end,
 * then wraps up the record of a call-back that reached someone.
 */
@Injectable()
export class CallbackAttempts {
  private readonly logger = new Logger('CallbackDesk');

  constructor(
    @InjectRepository(CallbackAttempt) private readonly attempts: Repository<CallbackAttempt>,
    private readonly requests: CallbackRequestsService,
    private readonly switchboard: Switchboard,
    private readonly dialler: CallbackDialler,
    private readonly records: CallbackRecords,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * The person a request is assigned to calls the caller back: refused (409, saying what to
   * do) without telephony, for a request without a number or with a call-back under way, when
   * nothing of theirs can ring, or when they are not free (on a call, wrapping up, offline).
   */
  async start(actor: Volunteer, requestId: string): Promise<CallbackAttempt> {
    const request = await this.requests.visible(actor, requestId);
    if (request.doneAt) throw new ConflictException('This call-back is done already.');
    if (request.assignedTo !== actor.id)
      throw new ConflictException('This call-back is not assigned to you.');
    if (!request.callerNumberEncrypted)
      throw new ConflictException('The caller left no number: there is no one to call back.');
    if (!this.dialler.enabled)
      throw new ConflictException('Telephony is off on this server: nothing can be dialled.');
    const target = await this.dialler.target(actor);
    if (!target)
      throw new ConflictException(
        'Nothing of yours can ring: switch on the browser phone or add a phone number.',
      );
    const attemptId = randomUUID();
    if (!(await this.requests.claim(request, attemptId, actor.id)))
      throw new ConflictException('A call-back of this request is under way, or it is done.');
    const now = this.clock.now().toJSDate();
    const attempt = this.attempts.create({
      id: attemptId,
      hotlineId: request.hotlineId,
      requestId: request.id,
      volunteerId: actor.id,
      status: 'ringing_volunteer',
      outcome: null,
      startedAt: now,
      volunteerLegSid: null,
      callerLegSid: null,
      answeredAt: null,
      endedAt: null,
      talkSeconds: null,
      checkAt: this.checkAt('ringing_volunteer'),
      updatedAt: now,
    });
    try {
      await this.attempts.insert(attempt);
      await this.switchboard.callBack(actor.id, request.hotlineId, attemptId);
    } catch (error) {
      // Refused (not free now) or not recorded: as if never started.
      await this.attempts.delete({ id: attemptId }).catch(() => undefined);
      await this.requests.attemptEnded(request, attemptId, 'not_placed', actor.id);
      throw error;
    }
    this.publish(attempt);
    try {
      const legSid = await this.dialler.ringVolunteer(attemptId, target, VOLUNTEER_RING_SECONDS);
      await this.attempts.update({ id: attemptId }, { volunteerLegSid: legSid });
      return { ...attempt, volunteerLegSid: legSid };
    } catch (error) {
      this.logger.error(
        { ...twilioFailure(error), attemptId },
        "Twilio did not ring the volunteer's leg",
      );
      const applied = await this.apply(attemptId, {
        type: 'volunteer_leg_ended',
        status: 'failed',
      });
      await applied?.done;
      return applied?.attempt ?? attempt;
    }
  }

  /** What Twilio reported, applied to the attempt (null: no such attempt). */
  async apply(attemptId: string, event: AttemptEvent): Promise<Applied | null> {
    for (;;) {
      const attempt = await this.attempts.findOneBy({ id: attemptId });
      if (!attempt) return null;
      const step = decide(attempt.status, event);
      if (step.status === attempt.status)
        return { attempt, step, done: this.carryOut(attempt, step.effects) };
      const moved = await this.move(attempt, step);
      // Another webhook moved it first: decide again from where it is now.
      if (!moved) continue;
      this.publish(moved);
      return { attempt: moved, step, done: this.carryOut(moved, step.effects) };
    }
  }

  find(attemptId: string): Promise<CallbackAttempt | null> {
    return this.attempts.findOneBy({ id: attemptId });
  }

  /**
   * The volunteer records the call-back that reached someone (again: a correction). Their
   * wrap-up of it ends. The record's type says who answered: `wrong_number`, someone else at
   * that number, so the caller was not reached (the request stays done: that number reaches
   * the same person again); any other, the caller.
   */
  async wrapUp(actor: Volunteer, attemptId: string, fields: ContactFieldsDto): Promise<WrapUpView> {
    const attempt = await this.attempts.findOneBy({ id: attemptId, volunteerId: actor.id });
    if (attempt?.status !== 'ended' || !attempt.answeredAt)
      throw new NotFoundException(`No call-back ${attemptId} of yours that reached someone.`);
    const held = this.switchboard.volunteerState(attempt.hotlineId, actor.id);
    const inWrapUp = held?.state === 'wrap_up' && held.callbackId === attempt.id;
    const record = await this.records.write(
      actor,
      await this.reachedCallBack(attempt),
      fields,
      inWrapUp,
    );
    const caller = fields.contactType !== 'wrong_number';
    await this.requests.settleReached(await this.requests.byId(attempt.requestId), caller);
    const outcome: CallbackOutcome = caller ? 'reached' : 'wrong_number';
    if (attempt.outcome !== outcome) {
      await this.attempts.update({ id: attempt.id }, { outcome, updatedAt: this.now() });
      this.publish({ ...attempt, outcome });
    }
    if (inWrapUp) await this.switchboard.callBackRecorded(actor.id, attempt.hotlineId, attempt.id);
    return record;
  }

  /**
   * Attempts past their check time, whose webhook never came: Twilio is asked where the leg
   * that decides them is; ended there, it is applied as the status callback would have; live
   * (a long conversation) or unknown (Twilio silent), asked again later. Then call-backs that
   * ended but whose volunteer the routing still holds (the word was lost between instances)
   * free them again.
   */
  async checkDue(): Promise<number> {
    const now = this.clock.now().toJSDate();
    const due = await this.attempts.find({
      where: { status: Not('ended'), checkAt: LessThanOrEqual(now) },
      order: { checkAt: 'ASC' },
      take: 100,
    });
    for (const attempt of due) await this.check(attempt);
    const recent = await this.attempts.find({
      where: {
        status: 'ended',
        endedAt: MoreThan(new Date(now.getTime() - RECENTLY_ENDED_MS * this.clock.speed)),
      },
    });
    for (const attempt of recent) {
      const held = this.switchboard.volunteerState(attempt.hotlineId, attempt.volunteerId);
      if (held?.state === 'talking' && held.callbackId === attempt.id)
        await this.switchboard.callBackEnded(
          attempt.volunteerId,
          attempt.hotlineId,
          attempt.id,
          attempt.outcome === 'reached',
        );
    }
    return due.length;
  }

  private async check(attempt: CallbackAttempt): Promise<void> {
    const leg = legToCheck(attempt.status);
    const sid = leg === 'volunteer' ? attempt.volunteerLegSid : attempt.callerLegSid;
    if (!sid) {
      // The leg was never placed (Twilio failed, or the server stopped in between).
      const applied = await this.apply(
        attempt.id,
        leg === 'volunteer'
          ? { type: 'volunteer_leg_ended', status: 'failed' }
          : { type: 'caller_not_rung' },
      );
      return applied?.done;
    }
    const status = await this.dialler.legStatus(sid);
    if (status && ENDED_AT_TWILIO.has(status)) {
      this.logger.warn(
        { attemptId: attempt.id, leg, twilio: status },
        'a call-back leg ended unheard',
      );
      const applied = await this.apply(
        attempt.id,
        leg === 'volunteer'
          ? { type: 'volunteer_leg_ended', status }
          : { type: 'caller_leg_ended', status },
      );
      return applied?.done;
    }
    await this.attempts.update(
      { id: attempt.id, status: attempt.status },
      { checkAt: this.clock.now().plus({ seconds: RECHECK_SECONDS }).toJSDate() },
    );
  }

  /** One conditional update: the attempt as moved, or null if it was no longer in `from`. */
  private async move(attempt: CallbackAttempt, step: AttemptStep): Promise<CallbackAttempt | null> {
    const now = this.clock.now().toJSDate();
    const ended = step.effects.find((effect) => effect.type === 'ended');
    const answeredAt = step.status === 'talking' ? now : attempt.answeredAt;
    const changes: Partial<CallbackAttempt> = {
      status: step.status,
      checkAt: this.checkAt(step.status),
      answeredAt,
      updatedAt: now,
      ...(ended?.type === 'ended'
        ? {
            outcome: ended.outcome,
            endedAt: now,
            talkSeconds: answeredAt
              ? Math.max(0, Math.round((now.getTime() - answeredAt.getTime()) / 1000))
              : null,
          }
        : {}),
    };
    const result = await this.attempts.update({ id: attempt.id, status: attempt.status }, changes);
    return result.affected ? { ...attempt, ...changes } : null;
  }

  /** Carries out a step's effects, each on its own: one Twilio refuses does not stop the others. */
  private async carryOut(attempt: CallbackAttempt, effects: AttemptEffect[]): Promise<void> {
    for (const effect of effects) {
      try {
        await this.effect(attempt, effect);
      } catch (error) {
        this.logger.error(
          { ...twilioFailure(error), attemptId: attempt.id, effect: effect.type },
          'a call-back step failed',
        );
      }
    }
  }

  private async effect(attempt: CallbackAttempt, effect: AttemptEffect): Promise<void> {
    switch (effect.type) {
      case 'dial_caller':
        return this.dialCaller(attempt);
      case 'cancel_caller':
        // Not rung yet (its sid not back from Twilio): `dialCaller` cancels it when it is.
        if (attempt.callerLegSid) await this.dialler.cancelCaller(attempt.id, attempt.callerLegSid);
        return;
      case 'hang_up_caller':
        if (attempt.callerLegSid) await this.dialler.hangUpCaller(attempt.id, attempt.callerLegSid);
        return;
      case 'release_volunteer':
        if (attempt.volunteerLegSid)
          await this.dialler.releaseVolunteer(attempt.id, attempt.volunteerLegSid);
        return;
      case 'ended':
        return this.ended(attempt, effect.outcome);
    }
  }

  private async dialCaller(attempt: CallbackAttempt): Promise<void> {
    const request = await this.requests.byId(attempt.requestId);
    const number = await this.requests.numberToDial(request, attempt.volunteerId);
    let legSid: string;
    try {
      if (!number) throw new Error('the request has no number any more');
      legSid = await this.dialler.ringCaller(attempt.id, attempt.hotlineId, number);
    } catch (error) {
      this.logger.error({ ...twilioFailure(error), attemptId: attempt.id }, 'caller not rung');
      const applied = await this.apply(attempt.id, { type: 'caller_not_rung' });
      return applied?.done;
    }
    await this.attempts.update({ id: attempt.id }, { callerLegSid: legSid });
    // The volunteer gave up while Twilio was placing it: it stops at once.
    const now = await this.attempts.findOneBy({ id: attempt.id });
    if (now?.status === 'ended' && !now.answeredAt)
      await this.dialler.cancelCaller(attempt.id, legSid);
  }

  /**
   * The volunteer is free of the call-back (wrapping up its record if it reached someone), the
   * request learns how it went, and a call-back that reached someone opens its contact record.
   */
  private async ended(attempt: CallbackAttempt, outcome: CallbackOutcome): Promise<void> {
    const request = await this.requests.byId(attempt.requestId);
    await this.requests.attemptEnded(request, attempt.id, outcome, attempt.volunteerId);
    await this.switchboard.callBackEnded(
      attempt.volunteerId,
      attempt.hotlineId,
      attempt.id,
      outcome === 'reached',
    );
    if (outcome !== 'reached') return;
    await this.records.open(await this.reachedCallBack(attempt));
  }

  /** What the contact record of a call-back that reached someone is made from. */
  private async reachedCallBack(attempt: CallbackAttempt): Promise<ReachedCallBack> {
    const request = await this.requests.byId(attempt.requestId);
    return {
      requestId: request.id,
      hotlineId: attempt.hotlineId,
      volunteerId: attempt.volunteerId,
      answeredAt: attempt.answeredAt ?? attempt.startedAt,
      endedAt: attempt.endedAt ?? this.now(),
      callerHash: request.callerHash,
      callerType: await this.requests.callerTypeOf(request),
    };
  }

  private now(): Date {
    return this.clock.now().toJSDate();
  }

  private checkAt(status: AttemptStatus): Date | null {
    const seconds = checkAfter(status, TIMES);
    return seconds === null ? null : this.clock.now().plus({ seconds }).toJSDate();
  }

  private publish(attempt: CallbackAttempt): void {
    this.events.publish({
      type: 'callback.attempt',
      hotlineId: attempt.hotlineId,
      volunteerId: attempt.volunteerId,
      attempt: attemptLive(attempt),
    });
  }
}
