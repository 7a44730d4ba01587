import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { HotlineRecord } from '../hotlines/hotline-record';
import { Call } from './call.entity';
import type { CallbackOutcome } from '@hotline/console-protocol';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';

/**
 * Why the caller was offered a call-back or a message: outside opening hours, waited too long,
 * nobody on duty at all, chose it while holding, or a Twilio queue error.
 */
export const CALLBACK_REASONS = [
  'closed_hours',
  'overflow',
  'nobody_on_duty',
  'while_waiting',
  'service_error',
] as const;
export type CallbackReason = (typeof CALLBACK_REASONS)[number];

/**
 * Where a request came from: a phone call (a call-back asked for, or a message left), or the
 * chat page while the hotline is closed (a written message, no number: read, never called back).
 */
export const CALLBACK_SOURCES = ['phone', 'chat'] as const;
export type CallbackSource = (typeof CALLBACK_SOURCES)[number];

/**
 * How a request was closed: a call-back reached the caller, the number reached someone else
 * (wrong number), or a supervisor marked it done (called by other means, the caller rang again).
 */
export const CALLBACK_RESULTS = ['reached', 'wrong_number', 'marked_done'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

// How one attempt to call a caller back ended: the console shows the same list.
export { CALLBACK_OUTCOMES, type CallbackOutcome } from '@hotline/console-protocol';

/**
 * A caller asked to be called back or left a message (closed hours, too long a wait, nobody on
 * duty); listed for the next evening. A message's audio stays at Twilio (see docs/decisions.md):
 * only its sid is kept here, until the retention job deletes it there.
 */
@Entity({ name: 'callback_request' })
@Index('uq_callback_request_call_id', ['callId'], { unique: true })
@Index('idx_callback_request_hotline_id_for_date', ['hotlineId', 'forDate'])
@Index('idx_callback_request_hotline_id_requested_at_id', ['hotlineId', 'requestedAt', 'id'])
@Index('idx_callback_request_assigned_to_done_at', ['assignedTo', 'doneAt'])
export class CallbackRequest extends HotlineRecord {
  /** Null for a message left on the chat page (`source` chat). */
  @Column({ name: 'call_id', ...REFERENCE, nullable: true })
  callId!: string | null;

  @ManyToOne(() => Call, { ...RESTRICT, nullable: true })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  /** The text a chat page's writer left (encrypted); cleared past the retention. */
  @Column({ name: 'message_encrypted', type: 'text', nullable: true })
  messageEncrypted!: string | null;

  /** Who wrote it and about what, as the chat page asked. */
  @Column({ name: 'caller_type', type: 'varchar', length: 16, nullable: true })
  callerType!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  topic!: string | null;

  /** Cleared once the call-back is done and the retention period has passed. */
  @Column({ name: 'caller_number_encrypted', type: 'text', nullable: true })
  callerNumberEncrypted!: string | null;

  /** Null for a caller without caller id, who can only leave a message. */
  @Column({ name: 'caller_hash', type: 'varchar', length: 64, nullable: true })
  callerHash!: string | null;

  @Column({ type: 'varchar', length: 16 })
  reason!: CallbackReason;

  @Column({ name: 'requested_at', ...DATETIME })
  requestedAt!: Date;

  /** The local date of the opening in which to call back. */
  @Column({ name: 'for_date', type: 'varchar', length: 10 })
  forDate!: string;

  @Column({ name: 'done_at', ...DATETIME, nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'done_by', ...REFERENCE, nullable: true })
  doneBy!: string | null;

  /** Twilio's sid of the caller's message; cleared (and deleted at Twilio) by the retention job. */
  @Column({ name: 'recording_sid', type: 'varchar', length: 64, nullable: true })
  recordingSid!: string | null;

  @Column({ name: 'recording_seconds', type: 'integer', nullable: true })
  recordingSeconds!: number | null;

  @Column({ name: 'recorded_at', ...DATETIME, nullable: true })
  recordedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'phone' })
  source!: CallbackSource;

  /** Who is to call back; the supervisor who chose them, and when. */
  @Column({ name: 'assigned_to', ...REFERENCE, nullable: true })
  assignedTo!: string | null;

  @Column({ name: 'assigned_by', ...REFERENCE, nullable: true })
  assignedBy!: string | null;

  @Column({ name: 'assigned_at', ...DATETIME, nullable: true })
  assignedAt!: Date | null;

  /** The attempt under way: set by a conditional update, so two can never run at once. */
  @Column({ name: 'active_attempt_id', ...REFERENCE, nullable: true })
  activeAttemptId!: string | null;

  /** Attempts that rang the caller (one that never got past the volunteer's phone is not counted). */
  @Column({ name: 'attempt_count', type: 'integer', default: 0 })
  attemptCount!: number;

  @Column({ name: 'last_outcome', type: 'varchar', length: 16, nullable: true })
  lastOutcome!: CallbackOutcome | null;

  @Column({ name: 'last_attempt_at', ...DATETIME, nullable: true })
  lastAttemptAt!: Date | null;

  /** Why it is done (with `doneAt`); null while open. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  result!: CallbackResult | null;

  /** When a call-back reached the caller: the monthly statistics count it. */
  @Column({ name: 'reached_at', ...DATETIME, nullable: true })
  reachedAt!: Date | null;
}
