import { Column, Entity, Index } from 'typeorm';
import { BLOCK_REASONS, type BlockReason } from '@hotline/console-protocol';
import { DATETIME, REFERENCE } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';

/**
 * What a block is keyed on: a caller's keyed number hash, or a chat writer's device (a keyed
 * hash of the chat page's device id and the writer's address), on the same list.
 */
export const BLOCK_SUBJECT_KINDS = ['caller', 'device'] as const;
export type BlockSubjectKind = (typeof BLOCK_SUBJECT_KINDS)[number];

export { BLOCK_REASONS, type BlockReason };

/**
 * A caller the hotline refuses until `expiresAt` (null: permanent) or until it is lifted (by a
 * supervisor, or by the expiry job with `liftedBy` null). Rows are never deleted: the list is
 * its own history.
 */
@Entity({ name: 'caller_block' })
@Index('idx_caller_block_hotline_id_subject_hash', ['hotlineId', 'subjectHash'])
@Index('idx_caller_block_lifted_at_expires_at', ['liftedAt', 'expiresAt'])
export class CallerBlock extends HotlineRecord {
  @Column({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind!: BlockSubjectKind;

  @Column({ name: 'subject_hash', type: 'varchar', length: 64 })
  subjectHash!: string;

  @Column({ type: 'varchar', length: 16 })
  reason!: BlockReason;

  @Column({ name: 'blocked_by', ...REFERENCE })
  blockedBy!: string;

  @Column({ name: 'blocked_at', ...DATETIME })
  blockedAt!: Date;

  @Column({ name: 'expires_at', ...DATETIME, nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'lifted_at', ...DATETIME, nullable: true })
  liftedAt!: Date | null;

  @Column({ name: 'lifted_by', ...REFERENCE, nullable: true })
  liftedBy!: string | null;
}
