import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Metric } from '@hotline/stats';
import { REFERENCE } from '../database/column-types';

/**
 * A rollup cell: how many contacts or calls of a hotline's local period fell into one bucket
 * of one metric, with their summed and longest seconds. Kept in step with every contact and
 * call in the same transaction; reports read these, never the raw rows.
 */
abstract class RollupCell {
  @PrimaryColumn({ name: 'hotline_id', ...REFERENCE })
  hotlineId!: string;

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

/** A local day's cells: ranges and the partial months at either end of a period. */
@Entity({ name: 'stats_day' })
export class StatsDay extends RollupCell {
  /** Local date in the hotline's zone, YYYY-MM-DD (sorts and ranges as text). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;
}

/** A local calendar month's cells: monthly and yearly reports and the trend read only these. */
@Entity({ name: 'stats_month' })
export class StatsMonth extends RollupCell {
  /** YYYY-MM in the hotline's zone. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;
}
