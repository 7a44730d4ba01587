import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME, REFERENCE } from '../database/column-types';

/** One committed import of earlier years' records or tallies into a hotline. */
@Entity({ name: 'import_batch' })
@Index('idx_import_batch_hotline_id', ['hotlineId'])
export class ImportBatch {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ name: 'hotline_id', ...REFERENCE })
  hotlineId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'records' | 'tallies';

  /** Where the rows come from (a register, a former system); with each row's key, keys the row. */
  @Column({ type: 'varchar', length: 120 })
  source!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  /** Rows added; rows imported before are not added again. */
  @Column({ type: 'int' })
  added!: number;

  /** Consultations those rows count (a tally counts many). */
  @Column({ type: 'int' })
  consultations!: number;

  @Column({ name: 'imported_by', ...REFERENCE })
  importedBy!: string;

  @Column({ name: 'imported_at', ...DATETIME })
  importedAt!: Date;
}

/**
 * A row already imported, keyed by a hash of its source and its key (the file's record id, or
 * its content): importing the same file again finds it and adds nothing.
 */
@Entity({ name: 'imported_row' })
@Index('idx_imported_row_batch_id', ['batchId'])
export class ImportedRow {
  @PrimaryColumn({ name: 'hotline_id', ...REFERENCE })
  hotlineId!: string;

  @PrimaryColumn({ name: 'row_key', type: 'varchar', length: 64 })
  rowKey!: string;

  @Column({ name: 'batch_id', ...REFERENCE })
  batchId!: string;

  /** The contact made of it; null for a tally (it went to the rollups). */
  @Column({ name: 'contact_id', ...REFERENCE, nullable: true })
  contactId!: string | null;

  /** A tally's month (yyyy-MM), channel, topic and count: a rebuild counts it again from here. */
  @Column({ name: 'tally_month', type: 'varchar', length: 7, nullable: true })
  tallyMonth!: string | null;

  @Column({ name: 'tally_channel', type: 'varchar', length: 16, nullable: true })
  tallyChannel!: string | null;

  @Column({ name: 'tally_topic', type: 'varchar', length: 100, nullable: true })
  tallyTopic!: string | null;

  @Column({ name: 'tally_count', type: 'int', nullable: true })
  tallyCount!: number | null;
}
