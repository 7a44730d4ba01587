import { DateTime } from 'luxon';
import { invalidFields } from '../common/validation';
import type { ReportPeriod } from './stats-report.service';

/** A custom range covers at most this many days (three years). */
const MAX_RANGE_DAYS = 3 * 366;

/** A calendar month, YYYY-MM. */
export function monthPeriod(month: string): ReportPeriod {
  const start = DateTime.fromFormat(month, 'yyyy-MM');
  return {
    kind: 'month',
    from: start.startOf('month').toISODate()!,
    to: start.endOf('month').toISODate()!,
  };
}

export const yearPeriod = (year: number): ReportPeriod => ({
  kind: 'year',
  from: `${year}-01-01`,
  to: `${year}-12-31`,
});

/** Local days from `from` to `to`, both included; refused (400) when not a range of days. */
export function rangePeriod(query: { from: string; to: string }): ReportPeriod {
  const from = DateTime.fromISO(query.from);
  const to = DateTime.fromISO(query.to);
  if (!from.isValid || !to.isValid)
    throw invalidFields({ [from.isValid ? 'to' : 'from']: ['is not a date of the calendar'] });
  if (to < from) throw invalidFields({ to: ['to must be the same day as from or later'] });
  if (to.diff(from, 'days').days > MAX_RANGE_DAYS)
    throw invalidFields({ to: ['a range covers at most three years; ask for years one by one'] });
  return { kind: 'range', from: query.from, to: query.to };
}
