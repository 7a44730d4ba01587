import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { In, IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { periodParts, percent, sharesOf, suppressedCells, tableGroups } from '@hotline/stats';
import { InjectClock } from '../common/clock.provider';
import { CHANNELS } from '../contacts/contact-fields';
import { CrisisCase } from '../crisis/crisis-case.entity';
import { Organisation, UnitReach } from '../units/unit-reach';
import type { Volunteer } from '../volunteers/volunteer.entity';
import {
  BreakdownRow,
  SuppressedBlock,
  UnitComparison,
  UnitCrisisOverview,
  UnitStatsReport,
} from './dto/unit-stats.dto';
import { labelOf } from './labels';
import { StatsDay, StatsMonth } from './rollup-cells.entity';
import type { ReportPeriod } from './stats-report.service';

/** The metrics a unit's report reads; nothing per volunteer or per call leaves the hotline. */
const UNIT_METRICS = [
  'contacts',
  'channel',
  'primary_group',
  'primary_topic',
  'caller_type',
  'age_band',
  'gender',
  'risk',
  'outcome',
  'queued',
  'calls',
  'abandoned_queued',
];

interface HotlineCell {
  hotlineId: string;
  metric: string;
  bucket: string;
  count: number;
}

/** A row of the breakdown: a child unit, or the unit's own hotlines. */
interface Part {
  unitId: string;
  name: string;
  own: boolean;
  hotlineIds: Set<string>;
}

/** Summed cells of some hotlines: metric → bucket → count. */
class Sums {
  private readonly counts = new Map<string, Map<string, number>>();

  constructor(cells: HotlineCell[], hotlineIds?: Set<string>) {
    for (const cell of cells) {
      if (hotlineIds && !hotlineIds.has(cell.hotlineId)) continue;
      const buckets = this.counts.get(cell.metric) ?? new Map<string, number>();
      buckets.set(cell.bucket, (buckets.get(cell.bucket) ?? 0) + cell.count);
      this.counts.set(cell.metric, buckets);
    }
  }

  count(metric: string, bucket = ''): number {
    return this.counts.get(metric)?.get(bucket) ?? 0;
  }

  buckets(metric: string): [string, number][] {
    return [...(this.counts.get(metric) ?? new Map<string, number>())].filter(([, n]) => n > 0);
  }
}

/**
 * Reports for a unit of the organisation: its whole subtree summed from the rollups (never
 * the raw rows, so a province reads as fast as a school), a breakdown by child unit with small
 * cells and their complements suppressed, and comparisons with the period before and the same
 * period a year before.
 */
@Injectable()
export class UnitReportService {
  constructor(
    @InjectRepository(StatsMonth) private readonly months: Repository<StatsMonth>,
    @InjectRepository(CrisisCase) private readonly cases: Repository<CrisisCase>,
    private readonly reach: UnitReach,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async report(
    actor: Volunteer,
    unitId: string,
    period: ReportPeriod,
    smallCell: number,
  ): Promise<UnitStatsReport> {
    const organisation = await this.readable(actor, unitId);
    const parts = this.parts(organisation, unitId);
    const hotlineIds = parts.flatMap((part) => [...part.hotlineIds]);
    const [cells, previous, yearBefore] = await Promise.all([
      this.cells(hotlineIds, period.from, period.to, UNIT_METRICS),
      this.comparison(hotlineIds, this.before(period)),
      this.comparison(hotlineIds, {
        from: shift(period.from, { years: -1 }),
        to: shift(period.to, { years: -1 }),
      }),
    ]);
    const sums = new Sums(cells);
    const block = (metric: string, dimension = metric) =>
      suppressedBlock(sums.buckets(metric), dimension, smallCell);
    return {
      unitId,
      name: organisation.units.get(unitId)!.name,
      period: { kind: period.kind, from: period.from, to: period.to },
      smallCell,
      hotlines: hotlineIds.length,
      consultations: {
        total: sums.count('contacts'),
        byChannel: block('channel'),
        byPrimaryTopicGroup: block('primary_group', 'topic'),
        byPrimaryTopic: block('primary_topic', 'topic'),
        byCallerType: block('caller_type'),
        byAgeBand: block('age_band'),
        byGender: block('gender'),
        byRisk: block('risk'),
        byOutcome: block('outcome'),
      },
      calls: {
        offered: sums.count('queued'),
        answered: sums.count('calls', 'answered'),
        abandoned: sums.count('abandoned_queued'),
      },
      comparisons: {
        previous: { ...previous, change: change(sums.count('contacts'), previous.consultations) },
        yearBefore: {
          ...yearBefore,
          change: change(sums.count('contacts'), yearBefore.consultations),
        },
      },
      breakdown: { rows: breakdown(parts, cells, smallCell) },
    };
  }

  /** Open crisis cases and reports overdue, per child unit: counts only, no names, notes or numbers. */
  async crisis(actor: Volunteer, unitId: string): Promise<UnitCrisisOverview> {
    const organisation = await this.readable(actor, unitId);
    const parts = this.parts(organisation, unitId);
    const hotlineIds = parts.flatMap((part) => [...part.hotlineIds]);
    const now = this.clock.now().toJSDate();
    const open = hotlineIds.length
      ? await this.cases.find({
          where: { hotlineId: In(hotlineIds), closedAt: IsNull() },
          select: { hotlineId: true, reportDueAt: true, reportFiledAt: true },
        })
      : [];
    const overdue = (c: CrisisCase) => !c.reportFiledAt && c.reportDueAt <= now;
    const rows = parts.map((part) => {
      const mine = open.filter((c) => part.hotlineIds.has(c.hotlineId));
      return {
        unitId: part.unitId,
        name: part.name,
        own: part.own,
        openCases: mine.length,
        overdueReports: mine.filter(overdue).length,
      };
    });
    return {
      unitId,
      name: organisation.units.get(unitId)!.name,
      openCases: open.length,
      overdueReports: open.filter(overdue).length,
      rows,
    };
  }

  /** The organisation, once the person may read the unit; otherwise 404, as if it did not exist. */
  private async readable(actor: Volunteer, unitId: string): Promise<Organisation> {
    const organisation = await this.reach.organisation();
    if (!UnitReach.reads(actor, organisation, unitId))
      throw new NotFoundException(`No unit ${unitId} among the units you work for.`);
    return organisation;
  }

  /** The unit's own hotlines (if any), then each child unit with its subtree's hotlines. */
  private parts(organisation: Organisation, unitId: string): Part[] {
    const own = organisation.hotlines.get(unitId) ?? [];
    const children = organisation.tree
      .childrenOf(unitId)
      .map((child) => organisation.units.get(child)!)
      .sort((a, b) => a.name.localeCompare(b.name));
    return [
      ...(own.length
        ? [
            {
              unitId,
              name: organisation.units.get(unitId)!.name,
              own: true,
              hotlineIds: new Set(own),
            },
          ]
        : []),
      ...children.map((child) => ({
        unitId: child.id,
        name: child.name,
        own: false,
        hotlineIds: new Set(UnitReach.hotlinesBelow(organisation, child.id)),
      })),
    ];
  }

  /** The period just before: the previous month, the previous year, or as many days. */
  private before(period: ReportPeriod): { from: string; to: string } {
    if (period.kind === 'month')
      return {
        from: shift(period.from, { months: -1 }),
        to: DateTime.fromISO(shift(period.from, { months: -1 }))
          .endOf('month')
          .toISODate()!,
      };
    if (period.kind === 'year')
      return { from: shift(period.from, { years: -1 }), to: shift(period.to, { years: -1 }) };
    const days = DateTime.fromISO(period.to).diff(DateTime.fromISO(period.from), 'days').days + 1;
    return { from: shift(period.from, { days: -days }), to: shift(period.from, { days: -1 }) };
  }

  private async comparison(
    hotlineIds: string[],
    other: { from: string; to: string },
  ): Promise<Omit<UnitComparison, 'change'>> {
    const sums = new Sums(
      await this.cells(hotlineIds, other.from, other.to, ['contacts', 'queued']),
    );
    return { ...other, consultations: sums.count('contacts'), callsOffered: sums.count('queued') };
  }

  /** Per hotline, metric and bucket: whole months from the monthly rollups, other days from the daily. */
  private async cells(
    hotlineIds: string[],
    from: string,
    to: string,
    metrics: string[],
  ): Promise<HotlineCell[]> {
    if (hotlineIds.length === 0) return [];
    const { months, days } = periodParts(from, to);
    const read = (rollup: typeof StatsMonth | typeof StatsDay) =>
      this.months.manager
        .createQueryBuilder(rollup, 'c')
        .select('c.hotlineId', 'hotlineId')
        .addSelect('c.metric', 'metric')
        .addSelect('c.bucket', 'bucket')
        .addSelect('SUM(c.count)', 'count')
        .where('c.hotlineId IN (:...hotlineIds)', { hotlineIds })
        .andWhere('c.metric IN (:...metrics)', { metrics })
        .groupBy('c.hotlineId')
        .addGroupBy('c.metric')
        .addGroupBy('c.bucket');
    const reads: Promise<
      { hotlineId: string; metric: string; bucket: string; count: unknown }[]
    >[] = [];
    if (months.length)
      reads.push(read(StatsMonth).andWhere('c.month IN (:...months)', { months }).getRawMany());
    for (const [first, last] of days)
      reads.push(
        read(StatsDay).andWhere('c.day BETWEEN :first AND :last', { first, last }).getRawMany(),
      );
    return (await Promise.all(reads)).flat().map((row) => ({ ...row, count: Number(row.count) }));
  }
}

const shift = (day: string, by: { years?: number; months?: number; days?: number }) =>
  DateTime.fromISO(day).plus(by).toISODate()!;

/** Percent change from `before` to `now`, one decimal; null when there was nothing before. */
const change = (now: number, before: number): number | null => percent(now - before, before);

/** A block whose small counts (and their complement) are null, largest first. */
function suppressedBlock(
  buckets: [string, number][],
  dimension: string,
  smallCell: number,
): SuppressedBlock {
  const rows = [...buckets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const counts = rows.map(([, count]) => count);
  const hidden = suppressedCells(counts, [counts.map((_, index) => index)], smallCell);
  const shares = sharesOf(counts);
  return {
    total: counts.reduce((sum, count) => sum + count, 0),
    rows: rows.map(([key, count], index) => ({
      key,
      label: labelOf(dimension, key),
      count: hidden[index] ? null : count,
      share: hidden[index] ? null : shares[index],
    })),
  };
}

/**
 * Each part's consultations by channel and in all, and calls offered, with small cells and
 * the cells that would give them back (through the unit's totals) suppressed.
 */
function breakdown(parts: Part[], cells: HotlineCell[], smallCell: number): BreakdownRow[] {
  const columns = CHANNELS.length + 1;
  const sums = parts.map((part) => new Sums(cells, part.hotlineIds));
  const table = sums.flatMap((part) => [
    ...CHANNELS.map((channel) => part.count('channel', channel)),
    part.count('contacts'),
  ]);
  const hidden = suppressedCells(table, tableGroups(parts.length, columns), smallCell);
  const offered = sums.map((part) => part.count('queued'));
  const offeredHidden = suppressedCells(offered, [offered.map((_, index) => index)], smallCell);
  const shown = (index: number) => (hidden[index] ? null : table[index]);
  return parts.map((part, row) => ({
    unitId: part.unitId,
    name: part.name,
    own: part.own,
    consultations: shown(row * columns + CHANNELS.length),
    byChannel: CHANNELS.map((channel, column) => ({
      channel,
      count: shown(row * columns + column),
    })),
    callsOffered: offeredHidden[row] ? null : offered[row],
  }));
}
