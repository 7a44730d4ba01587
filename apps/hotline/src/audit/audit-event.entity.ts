import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME, REFERENCE } from '../database/column-types';

/** Who read or changed which confidential record, and when. Never holds the confidential value. */
@Entity({ name: 'audit_event' })
@Index('idx_audit_event_subject', ['subjectType', 'subjectId'])
@Index('idx_audit_event_occurred_at', ['occurredAt'])
export class AuditEvent {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ name: 'occurred_at', ...DATETIME })
  occurredAt!: Date;

  @Column({ name: 'actor_id', ...REFERENCE, nullable: true })
  actorId!: string | null;

  /** e.g. `volunteer.phone.read`, `volunteer.updated`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ name: 'subject_id', ...REFERENCE })
  subjectId!: string;

  @Column({ name: 'hotline_id', ...REFERENCE, nullable: true })
  hotlineId!: string | null;

  /** Where from: the client's address for a request or a console event, `system` for jobs. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  origin!: string | null;
}
