import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { HotlineRecord } from '../hotlines/hotline-record';
import { Call } from './call.entity';
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
 * A caller asked to be called back or left a message (closed hours, too long a wait, nobody on
 * duty); listed for the next evening. A message's audio stays at Twilio (see docs/decisions.md):
 * only its sid is kept here, until the retention job deletes it there.
 */
@Entity({ name: 'callback_request' })
@Index('uq_callback_request_call_id', ['callId'], { unique: true })
@Index('idx_callback_request_hotline_id_for_date', ['hotlineId', 'forDate'])
export class CallbackRequest extends HotlineRecord {
  /** Null for a message left on the chat page (`channel` online). */
  @Column({ name: 'call_id', ...REFERENCE, nullable: true })
  callId!: string | null;

  @ManyToOne(() => Call, { ...RESTRICT, nullable: true })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  /** `phone`: a caller's request; `online`: a message left on the chat page. */
  @Column({ type: 'varchar', length: 16, default: 'phone' })
  channel!: 'phone' | 'online';

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
}
