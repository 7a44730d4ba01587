import { DateTime, Interval } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local wall-clock range within one day, `HH:mm`-`HH:mm`, start before end. */
export interface TimeRange {
  start: string;
  end: string;
}

export type WeeklyHours = Record<Weekday, TimeRange[]>;

/** A local date (`yyyy-MM-dd`) on which the hotline stays closed. */
export interface Closure {
  date: string;
  reason?: string;
}

export interface HotlineSchedule {
  /** IANA zone in which every time of day and date is read. */
  zone: string;
  weekly: WeeklyHours;
  closures: Closure[];
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function everyDay(range: TimeRange): WeeklyHours {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, [{ ...range }]])) as WeeklyHours;
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

export function isValidTimeOfDay(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

export function isValidLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && DateTime.fromISO(value).isValid;
}

/** Problems with a schedule, in words a coordinator can act on; empty when it is valid. */
export function scheduleProblems(schedule: HotlineSchedule): string[] {
  const problems: string[] = [];
  if (!isValidZone(schedule.zone))
    problems.push(`timeZone "${schedule.zone}" is not an IANA time zone`);
  for (const day of WEEKDAYS) {
    const ranges = schedule.weekly[day];
    if (!Array.isArray(ranges)) {
      problems.push(
        `openingHours.${day} must be a list of {start, end} ranges (empty when closed)`,
      );
      continue;
    }
    const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((range, i) => {
      const where = `openingHours.${day}`;
      if (!isValidTimeOfDay(range.start) || !isValidTimeOfDay(range.end)) {
        problems.push(`${where}: times must be HH:mm, got ${range.start}-${range.end}`);
      } else if (range.start >= range.end) {
        problems.push(
          `${where}: ${range.start}-${range.end} must end after it starts, on the same day`,
        );
      } else if (i > 0 && sorted[i - 1].end > range.start) {
        problems.push(
          `${where}: ${sorted[i - 1].start}-${sorted[i - 1].end} overlaps ${range.start}-${range.end}`,
        );
      }
    });
  }
  for (const closure of schedule.closures) {
    if (!isValidLocalDate(closure.date))
      problems.push(`closures: "${closure.date}" is not a yyyy-MM-dd date`);
  }
  return problems;
}

/**
 * The opening intervals of one local date, as instants. Built from wall-clock times in the
 * hotline's zone, so 18:00 stays 18:00 local across a DST change; a start inside a
 * spring-forward gap moves to the first valid instant after it.
 */
export function openingsOn(schedule: HotlineSchedule, localDate: string): Interval[] {
  if (schedule.closures.some((closure) => closure.date === localDate)) return [];
  const day = DateTime.fromISO(localDate, { zone: schedule.zone });
  const weekday = WEEKDAYS[day.weekday - 1];
  return schedule.weekly[weekday]
    .map((range) =>
      Interval.fromDateTimes(
        DateTime.fromISO(`${localDate}T${range.start}`, { zone: schedule.zone }),
        DateTime.fromISO(`${localDate}T${range.end}`, { zone: schedule.zone }),
      ),
    )
    .filter((interval) => interval.isValid)
    .sort((a, b) => a.start!.toMillis() - b.start!.toMillis());
}

export function isOpenAt(schedule: HotlineSchedule, at: DateTime): boolean {
  return openingsOn(schedule, localDateOf(schedule, at)).some((interval) => interval.contains(at));
}

/** The opening interval in progress at `at`, else the next one within `horizonDays`, else null. */
export function currentOrNextOpening(
  schedule: HotlineSchedule,
  at: DateTime,
  horizonDays = 400,
): Interval | null {
  const firstDay = at.setZone(schedule.zone).startOf('day');
  for (let offset = 0; offset <= horizonDays; offset++) {
    const localDate = firstDay.plus({ days: offset }).toISODate()!;
    const found = openingsOn(schedule, localDate).find((interval) => interval.end! > at);
    if (found) return found;
  }
  return null;
}

export function localDateOf(schedule: HotlineSchedule, at: DateTime): string {
  return at.setZone(schedule.zone).toISODate()!;
}
