/**
 * The coordinators' statistics: the report's shape (`GET /api/stats/…`, see the server's
 * statistics/dto/stats.dto.ts) and the pure rules around it — which period is asked for, its
 * address, its days, the CSV's name, whether a period has anything to show. No React and no
 * browser APIs here, so it runs under plain jest.
 */

export interface LabelText {
  'zh-CN': string;
  en: string;
}

export interface ShareRow {
  key: string;
  label: LabelText;
  count: number;
  /** Percent, one decimal; a block's shares add up to 100.0. */
  share: number;
}

export interface Block {
  total: number;
  rows: ShareRow[];
}

export interface ConsultationFigures {
  total: number;
  notCategorised: number;
  byChannel: Block;
  byPrimaryTopicGroup: Block;
  byPrimaryTopic: Block;
  byAnyTopicGroup: Block;
  byAnyTopic: Block;
  byCallerType: Block;
  byAgeBand: Block;
  byGender: Block;
  byRisk: Block;
  byOutcome: Block;
}

export interface CrisisFigures {
  opened: number;
  byTrigger: Block;
  referred: number;
  reportsOnTime: number;
  reportsLate: number;
  reportsPending: number;
}

export interface HourCount {
  /** Local hour of arrival, "00" to "23". */
  hour: string;
  count: number;
}

export interface CallFigures {
  offered: number;
  answered: number;
  abandoned: number;
  abandonmentRate: number | null;
  serviceLevel: { thresholdSeconds: number; answeredInTime: number; percent: number | null };
  averageWaitSeconds: number | null;
  longestWaitSeconds: number;
  averageTalkSeconds: number | null;
  averageWrapUpSeconds: number | null;
  overflowed: number;
  queueFull: number;
  closedHours: number;
  /** Calls refused because their caller was blocked (also those who then pressed 9). */
  blocked: number;
  /** Calls refused over the limit of calls per number. */
  overLimit: number;
  callbackRequests: number;
  byHour: HourCount[];
}

/** The call-back list in the period (see the server's `CallbackFigures`). */
export interface CallbackFigures {
  requests: number;
  reached: number;
  reachedWithinOneEvening: number;
  /** Consultations that were call-backs (phone, outbound). */
  consultations: number;
}

/** Silent, prank, wrong-number, hung-up, abusive and test contacts: counted apart. */
export interface NonCounsellingFigures {
  total: number;
  byType: Block;
  byHour: HourCount[];
}

export interface VolunteerFigures {
  volunteerId: string;
  name: string;
  callsAnswered: number;
  hoursOnDuty: number;
  /** Shifts signed up for and not attended. */
  noShows: number;
}

export interface TrendMonth {
  /** YYYY-MM */
  month: string;
  consultations: number;
  offered: number;
  answered: number;
  abandonmentRate: number | null;
  serviceLevel: number | null;
}

/** Case review of the period's consultations: how many were taken, reviewed, and how fast. */
export interface SupervisionFigures {
  selected: number;
  byReason: Block;
  reviewed: number;
  /** Reviewed ÷ selected, percent with one decimal; null when none was selected. */
  reviewedShare: number | null;
  signedOff: number;
  awaitingAnswer: number;
  medianSecondsToReview: number | null;
}

export interface StatsReport {
  hotlineId: string;
  period: { kind: 'month' | 'year' | 'range'; from: string; to: string; timeZone: string };
  consultations: ConsultationFigures;
  nonCounselling: NonCounsellingFigures;
  crisis: CrisisFigures;
  calls: CallFigures;
  callbacks: CallbackFigures;
  volunteers: VolunteerFigures[];
  trend: TrendMonth[];
  reviews: SupervisionFigures;
}

/** The consultation blocks, in the order the dashboard shows them. */
export const CONSULTATION_BLOCKS = [
  'byChannel',
  'byPrimaryTopicGroup',
  'byPrimaryTopic',
  'byAnyTopicGroup',
  'byAnyTopic',
  'byCallerType',
  'byAgeBand',
  'byGender',
  'byRisk',
  'byOutcome',
] as const satisfies readonly (keyof ConsultationFigures)[];

export type ConsultationBlock = (typeof CONSULTATION_BLOCKS)[number];

/** The period as the picker holds it: inputs may be half-typed, so each is a plain string. */
export type PeriodChoice =
  | { kind: 'month'; month: string }
  | { kind: 'year'; year: string }
  | { kind: 'range'; from: string; to: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether the inputs name a period the server can be asked about (it checks the rest). */
export function isComplete(choice: PeriodChoice): boolean {
  switch (choice.kind) {
    case 'month':
      return MONTH.test(choice.month);
    case 'year':
      return YEAR.test(choice.year);
    case 'range':
      return DATE.test(choice.from) && DATE.test(choice.to);
  }
}

/** The report's address (`/api/stats/…`), or null while the inputs are incomplete. */
export function statsPath(choice: PeriodChoice, format: 'json' | 'csv' = 'json'): string | null {
  if (!isComplete(choice)) return null;
  const query = new URLSearchParams();
  let endpoint: string;
  switch (choice.kind) {
    case 'month':
      endpoint = 'monthly';
      query.set('month', choice.month);
      break;
    case 'year':
      endpoint = 'yearly';
      query.set('year', choice.year);
      break;
    case 'range':
      endpoint = 'range';
      query.set('from', choice.from);
      query.set('to', choice.to);
      break;
  }
  if (format === 'csv') query.set('format', 'csv');
  return `/api/stats/${endpoint}?${query.toString()}`;
}

/** The first and last day (YYYY-MM-DD) a complete choice covers, as the server counts them. */
export function periodDays(choice: PeriodChoice): { from: string; to: string } | null {
  if (!isComplete(choice)) return null;
  switch (choice.kind) {
    case 'month': {
      const [year, month] = choice.month.split('-').map(Number);
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { from: `${choice.month}-01`, to: `${choice.month}-${String(last).padStart(2, '0')}` };
    }
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'range':
      return { from: choice.from, to: choice.to };
  }
}

/** The name the server gives the CSV: `hotline-statistics-<from>-<to>.csv`. */
export function csvFileName(days: { from: string; to: string }): string {
  return `hotline-statistics-${days.from}-${days.to}.csv`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM of an instant, in the browser's time zone. */
export function monthOf(instant: number): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** YYYY-MM-DD of an instant, in the browser's time zone. */
export function dayOf(instant: number): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The picker's starting point: the current month, its year, and the month so far as a range. */
export function defaultChoices(now: number): {
  month: PeriodChoice & { kind: 'month' };
  year: PeriodChoice & { kind: 'year' };
  range: PeriodChoice & { kind: 'range' };
} {
  const month = monthOf(now);
  return {
    month: { kind: 'month', month },
    year: { kind: 'year', year: month.slice(0, 4) },
    range: { kind: 'range', from: `${month}-01`, to: dayOf(now) },
  };
}

/** Nothing happened in the period: no consultation, call, crisis or volunteer on duty. */
export function isEmptyReport(report: StatsReport): boolean {
  const { consultations, calls, crisis, volunteers } = report;
  return (
    consultations.total === 0 &&
    report.nonCounselling.total === 0 &&
    calls.offered === 0 &&
    calls.closedHours === 0 &&
    calls.queueFull === 0 &&
    calls.callbackRequests === 0 &&
    calls.byHour.every((hour) => hour.count === 0) &&
    crisis.opened === 0 &&
    volunteers.length === 0
  );
}

/** All 24 hours of the day, those without calls as 0, for the chart's axis. */
export function everyHour(byHour: HourCount[]): HourCount[] {
  const counts = new Map(byHour.map((hour) => [Number(hour.hour), hour.count]));
  return Array.from({ length: 24 }, (_, hour) => ({
    hour: pad(hour),
    count: counts.get(hour) ?? 0,
  }));
}

/** Shares of the calls by hour (one decimal), for the table beside the chart. */
export function hourShares(byHour: HourCount[]): { hour: string; count: number; share: number }[] {
  const total = byHour.reduce((sum, hour) => sum + hour.count, 0);
  return byHour
    .filter((hour) => hour.count > 0)
    .map((hour) => ({
      ...hour,
      share: total === 0 ? 0 : Math.round((hour.count / total) * 1000) / 10,
    }));
}

/** 12.5% — or the dash when there is nothing to divide. */
export function formatPercent(value: number | null, none = '—'): string {
  return value === null ? none : `${value.toFixed(1)}%`;
}
