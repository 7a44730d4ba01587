/**
 * The crisis desk's and case review's pure rules: how urgent a report is, what each list asks
 * the server for, and which page a list is on. No React and no browser APIs, so it runs under
 * plain jest.
 */
import type { components } from '@hotline/api-types';
import type { Translate } from './i18n';

type Schemas = components['schemas'];
export type CrisisCaseView = Schemas['CrisisCaseView'];
export type CrisisCaseDetail = Schemas['CrisisCaseDetail'];
export type PartnerView = Schemas['PartnerView'];
export type ContactView = Schemas['ContactView'];
export type ReviewSummary = Schemas['ReviewSummary'];
export type ReviewPage = Schemas['ReviewPage'];
export type ReviewDetail = Schemas['ReviewDetail'];
export type ReviewAction = ReviewDetail['actions'][number];

/** A report due within this long is shown amber; past due, red. */
export const DUE_SOON_MS = 2 * 3600_000;

/**
 * Where a case's written report stands: `overdue` (red), `soon` (amber, due within two hours),
 * `due` (time enough), `filed`, or the case is `closed`.
 */
export type ReportUrgency = 'overdue' | 'soon' | 'due' | 'filed' | 'closed';

export function reportUrgency(
  crisisCase: Pick<CrisisCaseView, 'reportDueAt' | 'reportFiledAt' | 'closedAt'>,
  serverNow: number,
): ReportUrgency {
  if (crisisCase.closedAt) return 'closed';
  if (crisisCase.reportFiledAt) return 'filed';
  const left = Date.parse(crisisCase.reportDueAt) - serverNow;
  if (left <= 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'soon' : 'due';
}

/** Milliseconds until the report is due (negative: how late it is). */
export const msUntilDue = (crisisCase: Pick<CrisisCaseView, 'reportDueAt'>, serverNow: number) =>
  Date.parse(crisisCase.reportDueAt) - serverNow;

export const CASE_FILTERS = ['open', 'overdue', 'closed', 'all'] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

/** Cases per page on the desk. */
export const CASE_PAGE = 20;

/**
 * The list the desk asks for: one more than a page, so that it knows whether there is a next
 * page without counting every case.
 */
export function casesPath(filter: CaseFilter, page: number): string {
  const query = new URLSearchParams({
    limit: String(CASE_PAGE + 1),
    offset: String(page * CASE_PAGE),
  });
  if (filter !== 'all') query.set(filter, 'true');
  return `/api/crisis-cases?${query.toString()}`;
}

/** A page of what the server answered, and whether there is more. */
export function casesPage(answered: CrisisCaseView[]): { cases: CrisisCaseView[]; more: boolean } {
  return { cases: answered.slice(0, CASE_PAGE), more: answered.length > CASE_PAGE };
}

export const QUEUE_STATUSES = [
  'to_review',
  'pending',
  'changes_requested',
  'answered',
  'signed_off',
  'all',
] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUSES)[number];
export const REVIEW_REASONS = ['all', 'high_risk', 'trainee', 'sample'] as const;
export type ReasonFilter = (typeof REVIEW_REASONS)[number];

/** Reviews per page. */
export const REVIEW_PAGE = 20;

export interface QueueFilters {
  status: QueueStatusFilter;
  reason: ReasonFilter;
  /** Local days, YYYY-MM-DD; empty: no bound. */
  from: string;
  to: string;
}

export const DEFAULT_QUEUE: QueueFilters = { status: 'to_review', reason: 'all', from: '', to: '' };

/** The queue's address for these filters and page; a half-typed date is left out. */
export function queuePath(filters: QueueFilters, page: number, hotlineId?: string): string {
  const query = new URLSearchParams({
    limit: String(REVIEW_PAGE),
    offset: String(page * REVIEW_PAGE),
  });
  if (hotlineId) query.set('hotlineId', hotlineId);
  if (filters.status !== 'all') query.set('status', filters.status);
  if (filters.reason !== 'all') query.set('reason', filters.reason);
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (day.test(filters.from)) query.set('from', filters.from);
  if (day.test(filters.to)) query.set('to', filters.to);
  return `/api/reviews?${query.toString()}`;
}

export const feedbackPath = (page: number) =>
  `/api/me/reviews?limit=${REVIEW_PAGE}&offset=${page * REVIEW_PAGE}`;

/** "21–40 of 57": the rows a page shows; none when the list is empty. */
export function pageRange(page: {
  total: number;
  offset: number;
  items: unknown[];
}): { first: number; last: number; total: number } | null {
  if (page.items.length === 0) return null;
  return { first: page.offset + 1, last: page.offset + page.items.length, total: page.total };
}

/** A date and time in the hotline's zone, short, in the page's language. */
export function formatInstant(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** "1 h 45 min", "20 min": a countdown or a time to review, to the minute, in words. */
export function durationText(t: Translate, ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0
    ? t('duration.hoursMinutes', { hours, minutes: minutes % 60 })
    : t('duration.minutes', { minutes });
}
