/**
 * The pure rules of the time picker over the server's free times (`GET /api/public/slots`): which days to ask for, free times grouped by the hotline's local day, days without a
 * free time, and how a day or an instant reads. No DOM here, so it runs under plain jest.
 */
import type { Locale } from './i18n';
import type { Slot } from './views';

export interface DayOfSlots {
  date: string;
  slots: Slot[];
}

/** The server takes at most this many days in one question. */
export const MAX_DAYS_PER_QUERY = 31;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcOf(date: string): Date {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a date YYYY-MM-DD: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date `days` after `date`; calendar arithmetic, no time zone involved. */
export function addDays(date: string, days: number): string {
  const utc = utcOf(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
}

/** The local date (YYYY-MM-DD) of an instant in a time zone; the browser's own zone if unknown. */
export function localDateIn(instant: number, timeZone: string): string {
  const parts = (zone?: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(instant));
  let found: Intl.DateTimeFormatPart[];
  try {
    found = parts(timeZone);
  } catch {
    found = parts();
  }
  const part = (type: string) => found.find((one) => one.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The days to ask free times for: from the hotline's today through its booking horizon, cut to
 * what the server answers in one question.
 */
export function slotRange(today: string, horizonDays: number): { from: string; to: string } {
  const days = Math.min(Math.max(1, Math.floor(horizonDays) || 1), MAX_DAYS_PER_QUERY);
  return { from: today, to: addDays(today, days - 1) };
}

/** Free times by local day, days and times in order; a start listed twice shows once. */
export function groupByDay(slots: Slot[]): DayOfSlots[] {
  const seen = new Set<string>();
  const byDay = new Map<string, Slot[]>();
  const sorted = [...slots].sort(
    (a, b) =>
      a.localDate.localeCompare(b.localDate) ||
      a.localTime.localeCompare(b.localTime) ||
      a.start.localeCompare(b.start),
  );
  for (const slot of sorted) {
    if (seen.has(slot.start)) continue;
    seen.add(slot.start);
    const day = byDay.get(slot.localDate);
    if (day) day.push(slot);
    else byDay.set(slot.localDate, [slot]);
  }
  return [...byDay].map(([date, daySlots]) => ({ date, slots: daySlots }));
}

/**
 * Days of the range with no free time: those a parent may join the waitlist for. Today is left
 * out: a freed place could not be offered in time.
 */
export function fullDays(range: { from: string; to: string }, days: DayOfSlots[]): string[] {
  const free = new Set(days.map((day) => day.date));
  const full: string[] = [];
  for (let date = addDays(range.from, 1); date <= range.to; date = addDays(date, 1))
    if (!free.has(date)) full.push(date);
  return full;
}

/** A local date as a parent reads it: "11月24日星期二", "Tuesday 24 November". */
export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(utcOf(date));
}

/** An instant as date and time in the hotline's zone: "11月24日星期二 14:30". */
export function formatInstant(instant: string, timeZone: string, locale: Locale): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${formatDay(localDateIn(at.getTime(), timeZone), locale)} ${time}`;
}
