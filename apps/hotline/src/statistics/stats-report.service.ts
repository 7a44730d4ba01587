import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { MAX_WAIT_BUCKET, localDay, percent, periodParts, sharesOf } from '@hotline/stats';
import { CallbackRequest } from '../calls/callback-request.entity';
import { InjectClock } from '../common/clock.provider';
import { CrisisCase } from '../crisis/crisis-case.entity';
import { Block, StatsReport, TrendMonth } from './dto/stats.dto';
import { DutyFigures } from './duty-figures';
import { labelOf } from './labels';
import { StatsDay, StatsMonth } from './rollup-cells.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { ReviewFigures } from '../reviews/review-figures';

export interface ReportPeriod {
  kind: 'month' | 'year' | 'range';
  /** First and last local day (YYYY-MM-DD), included. */
  from: string;
  to: string;
}

interface CellRow {
  metric: string;
  bucket: string;
  count: unknown;
  total: unknown;
  peak: unknown;
}

interface Cell {
  count: number;
  total: number;
  peak: number;
}

/** Summed rollup cells of a period: metric → bucket → cell. */
class Cells {
  constructor(private readonly cells: Map<string, Map<string, Cell>>) {}

  /** Rows of the same metric and bucket (from several reads) add up. */
  static of(rows: CellRow[]) {
    const cells = new Map<string, Map<string, Cell>>();
    for (const row of rows) {
      if (!cells.has(row.metric)) cells.set(row.metric, new Map());
      const buckets = cells.get(row.metric)!;
      const cell = buckets.get(row.bucket) ?? { count: 0, total: 0, peak: 0 };
      buckets.set(row.bucket, {
        count: cell.count + Number(row.count),
        total: cell.total + Number(row.total),
        peak: Math.max(cell.peak, Number(row.peak)),
      });
    }
    return new Cells(cells);
  }

  cell(metric: string, bucket = ''): Cell {
    return this.cells.get(metric)?.get(bucket) ?? { count: 0, total: 0, peak: 0 };
  }

  count(metric: string, bucket = ''): number {
    return this.cell(metric, bucket).count;
  }

  buckets(metric: string): [string, Cell][] {
    return [...(this.cells.get(metric) ?? new Map<string, Cell>()).entries()].filter(
      ([, cell]) => cell.count > 0,
    );
  }

  /** Answered within `seconds` (answer waits are kept per second); chats' with `chat_answer_wait`. */
  answeredWithin(seconds: number, metric = 'answer_wait'): number {
    return this.buckets(metric)
      .filter(([bucket]) => Number(bucket) <= seconds && Number(bucket) < MAX_WAIT_BUCKET)
      .reduce((sum, [, cell]) => sum + cell.count, 0);
  }
}

const average = (cell: Cell) => (cell.count === 0 ? null : Math.round(cell.total / cell.count));

/**
 * The coordinators' report: consultations, crises, service levels, volunteers and a
 * twelve-month trend for a hotline and a period of local days. Contacts and calls come from
 * the monthly rollups (the daily ones for partial months), so a month or a year reads a few
 * hundred rows per metric whatever the years of data;
 * crisis cases, call-back requests and presence changes are few and read directly.
 */
@Injectable()
export class StatsReportService {
  constructor(
    @InjectRepository(StatsDay) private readonly days: Repository<StatsDay>,
    @InjectRepository(StatsMonth) private readonly months: Repository<StatsMonth>,
    @InjectRepository(CrisisCase) private readonly cases: Repository<CrisisCase>,
    @InjectRepository(CallbackRequest) private readonly callbacks: Repository<CallbackRequest>,
    private readonly directory: HotlineDirectory,
    private readonly duty: DutyFigures,
    private readonly reviews: ReviewFigures,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async report(
    hotlineId: string,
    period: ReportPeriod,
    serviceLevelSeconds: number,
  ): Promise<StatsReport> {
    const zone = (await this.directory.hotline(hotlineId)).timeZone;
    const from = DateTime.fromISO(period.from, { zone });
    const to = DateTime.fromISO(period.to, { zone });
    const start = from.toJSDate();
    const end = to.plus({ days: 1 }).toJSDate();
    // Independent reads, side by side on the connection pool.
    const cellsRead = this.cells(hotlineId, from.toISODate()!, to.toISODate()!);
    const [cells, crisis, callbacks, volunteers, trend, reviews] = await Promise.all([
      cellsRead,
      this.crisis(hotlineId, start, end),
      this.callbackFigures(hotlineId, start, end, zone),
      this.duty.figures(
        hotlineId,
        cellsRead.then(
          (read) => new Map(read.buckets('answered_by').map(([id, cell]) => [id, cell.count])),
        ),
        start,
        end,
        period,
      ),
      this.trend(hotlineId, to, serviceLevelSeconds),
      this.reviews.counts(hotlineId, start, end),
    ]);

    const contacts = cells.count('contacts');
    const block = (metric: string, dimension = metric, total?: number) =>
      this.block(cells.buckets(metric), dimension, total);
    const leftQueue =
      cells.count('calls', 'answered') +
      cells.count('abandoned_queued') +
      cells.count('calls', 'overflow_callback');
    const inTime = cells.answeredWithin(serviceLevelSeconds);
    const chatsLeft =
      cells.count('chats', 'answered') +
      cells.count('chats', 'abandoned') +
      cells.count('chats', 'closed');
    const chatsInTime = cells.answeredWithin(serviceLevelSeconds, 'chat_answer_wait');

    return {
      hotlineId,
      period: { kind: period.kind, from: from.toISODate()!, to: to.toISODate()!, timeZone: zone },
      consultations: {
        total: contacts,
        notCategorised: cells.count('primary_topic', 'not_categorised'),
        byChannel: block('channel'),
        byPrimaryTopicGroup: block('primary_group', 'topic'),
        byPrimaryTopic: block('primary_topic', 'topic'),
        byAnyTopicGroup: block('topic_group', 'topic'),
        byAnyTopic: block('topic', 'topic'),
        byCallerType: block('caller_type'),
        byAgeBand: block('age_band'),
        byGender: block('gender'),
        byRisk: block('risk'),
        byOutcome: block('outcome'),
      },
      nonCounselling: {
        total: cells.buckets('non_counselling').reduce((sum, [, cell]) => sum + cell.count, 0),
        byType: block('non_counselling'),
        byHour: byHour(cells, 'non_counselling_hour'),
      },
      crisis,
      calls: {
        offered: cells.count('queued'),
        answered: cells.count('calls', 'answered'),
        abandoned: cells.count('abandoned_queued'),
        abandonmentRate: percent(cells.count('abandoned_queued'), cells.count('queued')),
        serviceLevel: {
          thresholdSeconds: serviceLevelSeconds,
          answeredInTime: inTime,
          percent: percent(inTime, leftQueue),
        },
        averageWaitSeconds: average(cells.cell('wait')),
        longestWaitSeconds: cells.cell('wait').peak,
        averageTalkSeconds: average(cells.cell('talk')),
        averageWrapUpSeconds: average(cells.cell('wrap_up')),
        overflowed: cells.count('calls', 'overflow_callback'),
        queueFull: cells.count('calls', 'queue_full'),
        closedHours: cells.count('calls', 'closed_hours'),
        blocked: cells.count('refused', 'blocked'),
        overLimit: cells.count('refused', 'over_limit'),
        callbackRequests: callbacks.requests,
        byHour: byHour(cells, 'hour'),
      },
      callbacks: {
        ...callbacks,
        consultations: cells.buckets('outbound').reduce((sum, [, cell]) => sum + cell.count, 0),
      },
      chats: {
        offered: cells.count('chat_queued'),
        answered: cells.count('chats', 'answered'),
        abandoned: cells.count('chat_abandoned'),
        abandonmentRate: percent(cells.count('chat_abandoned'), cells.count('chat_queued')),
        serviceLevel: {
          thresholdSeconds: serviceLevelSeconds,
          answeredInTime: chatsInTime,
          percent: percent(chatsInTime, chatsLeft),
        },
        averageWaitSeconds: average(cells.cell('chat_wait')),
        longestWaitSeconds: cells.cell('chat_wait').peak,
        averageDurationSeconds: average(cells.cell('chat_talk')),
        closedHours: cells.count('chats', 'closed'),
        queueFull: cells.count('chats', 'queue_full'),
        byHour: byHour(cells, 'chat_hour'),
      },
      volunteers,
      trend,
      reviews: {
        selected: reviews.selected,
        byReason: this.block(
          [...reviews.byReason].map(([key, count]) => [key, { count, total: 0, peak: 0 }]),
          'review_reason',
        ),
        reviewed: reviews.reviewed,
        reviewedShare: percent(reviews.reviewed, reviews.selected),
        signedOff: reviews.signedOff,
        awaitingAnswer: reviews.awaitingAnswer,
        medianSecondsToReview: reviews.medianSecondsToReview,
      },
    };
  }

  /** The period's cells: whole months from the monthly rollups, the other days from the daily. */
  private async cells(hotlineId: string, from: string, to: string): Promise<Cells> {
    const { months, days } = periodParts(from, to);
    const reads: Promise<CellRow[]>[] = [];
    if (months.length)
      reads.push(
        this.summedCells(StatsMonth, hotlineId)
          .andWhere('c.month IN (:...months)', { months })
          .getRawMany(),
      );
    for (const [first, last] of days)
      reads.push(
        this.summedCells(StatsDay, hotlineId)
          .andWhere('c.day BETWEEN :first AND :last', { first, last })
          .getRawMany(),
      );
    return Cells.of((await Promise.all(reads)).flat());
  }

  private summedCells(rollup: typeof StatsDay | typeof StatsMonth, hotlineId: string) {
    return this.days.manager
      .createQueryBuilder(rollup, 'c')
      .select('c.metric', 'metric')
      .addSelect('c.bucket', 'bucket')
      .addSelect('SUM(c.count)', 'count')
      .addSelect('SUM(c.total)', 'total')
      .addSelect('MAX(c.peak)', 'peak')
      .where('c.hotlineId = :hotlineId', { hotlineId })
      .groupBy('c.metric')
      .addGroupBy('c.bucket');
  }

  /** Counts with shares of their sum (adding up to 100.0), largest first. */
  private block(buckets: [string, Cell][], dimension: string, total?: number): Block {
    const rows = buckets
      .map(([key, cell]) => ({ key, count: cell.count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    const shares = sharesOf(rows.map((row) => row.count));
    return {
      total: total ?? rows.reduce((sum, row) => sum + row.count, 0),
      rows: rows.map((row, index) => ({
        ...row,
        label: labelOf(dimension, row.key),
        share: shares[index],
      })),
    };
  }

  private async crisis(hotlineId: string, start: Date, end: Date) {
    const now = this.clock.now().toJSDate();
    const opened = await this.cases.find({
      where: { hotlineId, openedAt: Between(start, new Date(end.getTime() - 1)) },
      select: { id: true, trigger: true, partnerId: true, reportDueAt: true, reportFiledAt: true },
    });
    const triggers = new Map<string, number>();
    for (const crisisCase of opened)
      triggers.set(crisisCase.trigger, (triggers.get(crisisCase.trigger) ?? 0) + 1);
    const late = (c: CrisisCase) =>
      c.reportFiledAt ? c.reportFiledAt > c.reportDueAt : c.reportDueAt <= now;
    return {
      opened: opened.length,
      byTrigger: this.block(
        [...triggers].map(([key, count]) => [key, { count, total: 0, peak: 0 }]),
        'trigger',
      ),
      referred: opened.filter((c) => c.partnerId !== null).length,
      reportsOnTime: opened.filter((c) => c.reportFiledAt && !late(c)).length,
      reportsLate: opened.filter(late).length,
      reportsPending: opened.filter((c) => !c.reportFiledAt && !late(c)).length,
    };
  }

  /**
   * The period's call-back requests, those reached, and those reached by the end of the
   * evening they were due for (a request's `forDate`, in the hotline's zone).
   */
  private async callbackFigures(hotlineId: string, start: Date, end: Date, zone: string) {
    const made = await this.callbacks.find({
      where: { hotlineId, requestedAt: Between(start, new Date(end.getTime() - 1)) },
      select: { id: true, forDate: true, reachedAt: true },
    });
    const reached = made.filter((request) => request.reachedAt !== null);
    return {
      requests: made.length,
      reached: reached.length,
      reachedWithinOneEvening: reached.filter(
        (request) => localDay(request.reachedAt!, zone) <= request.forDate,
      ).length,
    };
  }

  /** The headline figures of the twelve months that end with the period's last month. */
  private async trend(
    hotlineId: string,
    to: DateTime,
    serviceLevelSeconds: number,
  ): Promise<TrendMonth[]> {
    const first = to.startOf('month').minus({ months: 11 });
    const rows = await this.months
      .createQueryBuilder('c')
      .select('c.month', 'month')
      .addSelect('c.metric', 'metric')
      .addSelect('c.bucket', 'bucket')
      .addSelect('c.count', 'count')
      .where('c.hotlineId = :hotlineId', { hotlineId })
      .andWhere('c.month BETWEEN :from AND :to', {
        from: first.toFormat('yyyy-MM'),
        to: to.toFormat('yyyy-MM'),
      })
      .andWhere('c.metric IN (:...metrics)', {
        metrics: ['contacts', 'queued', 'calls', 'abandoned_queued', 'answer_wait'],
      })
      // Of the answer waits (a bucket per second), only those within the service level.
      .andWhere(
        "(c.metric <> 'answer_wait' OR (c.bucket + 0 <= :seconds AND c.bucket + 0 < :cap))",
        {
          seconds: serviceLevelSeconds,
          cap: MAX_WAIT_BUCKET,
        },
      )
      .getRawMany<{ month: string; metric: string; bucket: string; count: string }>();
    return Array.from({ length: 12 }, (_, index) => {
      const month = first.plus({ months: index }).toFormat('yyyy-MM');
      const cells = Cells.of(
        rows.filter((row) => row.month === month).map((row) => ({ ...row, total: 0, peak: 0 })),
      );
      const leftQueue =
        cells.count('calls', 'answered') +
        cells.count('abandoned_queued') +
        cells.count('calls', 'overflow_callback');
      return {
        month,
        consultations: cells.count('contacts'),
        offered: cells.count('queued'),
        answered: cells.count('calls', 'answered'),
        abandonmentRate: percent(cells.count('abandoned_queued'), cells.count('queued')),
        serviceLevel: percent(cells.answeredWithin(serviceLevelSeconds), leftQueue),
      };
    });
  }
}

/** Counts by local hour, in the order of the day. */
const byHour = (cells: Cells, metric: string) =>
  cells
    .buckets(metric)
    .map(([hour, cell]) => ({ hour, count: cell.count }))
    .sort((a, b) => a.hour.localeCompare(b.hour));
