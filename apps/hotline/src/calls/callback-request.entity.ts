import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { HotlineRecord } from '../hotlines/hotline-record';
import { Call } from './call.entity';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';

export const CALLBACK_REASONS = ['closed_hours', 'overflow', 'service_error'] as const;
export type CallbackReason = (typeof CALLBACK_REASONS)[number];

/** A caller asked to be called back (closed hours, too long a wait); listed for the next evening. */
@Entity({ name: 'callback_request' })
@Index('uq_callback_request_call_id', ['callId'], { unique: true })
@Index('idx_callback_request_hotline_id_for_date', ['hotlineId', 'forDate'])
export class CallbackRequest extends HotlineRecord {
  @Column({ name: 'call_id', ...REFERENCE })
  callId!: string;

  @ManyToOne(() => Call, RESTRICT)
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  /** Cleared once the call-back is done and the retention period has passed. */
  @Column({ name: 'caller_number_encrypted', type: 'text', nullable: true })
  callerNumberEncrypted!: string | null;

  @Column({ name: 'caller_hash', type: 'varchar', length: 64 })
  callerHash!: string;

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
}
