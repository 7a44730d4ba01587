import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { CallbackAttemptLive } from '@hotline/console-protocol';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';
import { CallbackOutcome, CallbackRequest } from '../calls/callback-request.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import type { AttemptStatus } from './attempt-machine';

/**
 * One try at calling a caller back: the volunteer's leg rung first, then the caller's from the
 * hotline's number into a conference of the attempt's own. Twilio's sids are kept to ask where
 * a leg is; the caller's number stays on the request (encrypted) and is never copied here.
 */
@Entity({ name: 'callback_attempt' })
@Index('idx_callback_attempt_request_id', ['requestId'])
@Index('idx_callback_attempt_hotline_id_started_at', ['hotlineId', 'startedAt'])
@Index('idx_callback_attempt_status_check_at', ['status', 'checkAt'])
export class CallbackAttempt extends HotlineRecord {
  @Column({ name: 'request_id', ...REFERENCE })
  requestId!: string;

  @ManyToOne(() => CallbackRequest, RESTRICT)
  @JoinColumn({ name: 'request_id' })
  request?: CallbackRequest;

  /** Who called back. */
  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @ManyToOne(() => Volunteer, RESTRICT)
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ type: 'varchar', length: 20 })
  status!: AttemptStatus;

  /** Set when it ends. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: CallbackOutcome | null;

  @Column({ name: 'started_at', ...DATETIME })
  startedAt!: Date;

  @Column({ name: 'volunteer_leg_sid', type: 'varchar', length: 64, nullable: true })
  volunteerLegSid!: string | null;

  @Column({ name: 'caller_leg_sid', type: 'varchar', length: 64, nullable: true })
  callerLegSid!: string | null;

  /** When a person (not a voicemail) picked up the caller's phone. */
  @Column({ name: 'answered_at', ...DATETIME, nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'ended_at', ...DATETIME, nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'talk_seconds', type: 'integer', nullable: true })
  talkSeconds!: number | null;

  /** When Twilio is next asked where the attempt's leg is, should no webhook have said. */
  @Column({ name: 'check_at', ...DATETIME, nullable: true })
  checkAt!: Date | null;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/** The attempt as the console of the volunteer making it follows it. */
export function attemptLive(attempt: CallbackAttempt): CallbackAttemptLive {
  return {
    attemptId: attempt.id,
    requestId: attempt.requestId,
    status: attempt.status,
    outcome: attempt.outcome,
    startedAt: attempt.startedAt.toISOString(),
    answeredAt: attempt.answeredAt?.toISOString() ?? null,
    endedAt: attempt.endedAt?.toISOString() ?? null,
  };
}
