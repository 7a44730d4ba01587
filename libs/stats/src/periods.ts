import { DateTime } from 'luxon';

/**
 * A period of local days cut into the whole calendar months it covers (read from the monthly
 * rollups) and the days at either end that only fill part of a month (read from the daily
 * ones), so a month or a year reads a handful of rows per figure whatever the volume.
 */
export interface PeriodParts {
  /** Whole months, YYYY-MM, in order. */
  months: string[];
  /** Ranges of local days, YYYY-MM-DD, both ends included. */
  days: [string, string][];
}

/** `from` and `to` are local dates (YYYY-MM-DD), both included. */
export function periodParts(from: string, to: string): PeriodParts {
  const first = DateTime.fromISO(from, { zone: 'utc' });
  const last = DateTime.fromISO(to, { zone: 'utc' });
  if (!first.isValid || !last.isValid || last < first) return { months: [], days: [] };
  const firstWhole = first.day === 1 ? first : first.plus({ months: 1 }).startOf('month');
  const afterWhole = last.plus({ days: 1 }).startOf('month');
  if (afterWhole <= firstWhole) return { months: [], days: [[from, to]] };

  const months: string[] = [];
  for (let month = firstWhole; month < afterWhole; month = month.plus({ months: 1 }))
    months.push(month.toFormat('yyyy-MM'));
  const days: [string, string][] = [];
  if (first < firstWhole) days.push([from, firstWhole.minus({ days: 1 }).toISODate()!]);
  if (afterWhole <= last) days.push([afterWhole.toISODate()!, to]);
  return { months, days };
}
