import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Metric } from '@hotline/stats';
import { REFERENCE } from '../database/column-types';

/**
 * A daily rollup cell: how many contacts or calls of a hotline's local day fell into one
 * bucket of one metric, with their summed and longest seconds. Kept in step with every
 * contact and call in the same transaction; reports read these, never the raw rows.
 */
@Entity({ name: 'stats_day' })
export class StatsDay {
  @PrimaryColumn({ name: 'hotline_id', ...REFERENCE })
  hotlineId!: string;

  /** Local date in the hotline's zone, YYYY-MM-DD (sorts and ranges as text). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  metric!: Metric;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  bucket!: string;

  @Column({ type: 'int' })
  count!: number;

  @Column({ type: 'int' })
  total!: number;

  @Column({ type: 'int' })
  peak!: number;
}
