import { DateTime } from 'luxon';
import { isValidLocalDate, isValidTimeOfDay, isValidZone } from './opening-hours';

/** A recurring volunteer shift, in the wall-clock time of the hotline's zone. */
export interface ShiftTemplate {
  id: string;
  /** ISO weekdays the shift runs on, 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
  /** Local wall-clock times 'HH:mm'; end after start (no shifts across midnight). */
  start: string;
  end: string;
  volunteersNeeded: number;
  supervisorsNeeded: number;
  /** Optional local dates 'YYYY-MM-DD' (inclusive) limiting when the template applies, e.g. exam weeks. */
  validFrom?: string | null;
  validTo?: string | null;
}

export interface PlannedShift {
  templateId: string;
  /** Local date 'YYYY-MM-DD' in the zone. */
  localDate: string;
  /** UTC instant of the local start. */
  startsAt: Date;
  endsAt: Date;
  volunteersNeeded: number;
  supervisorsNeeded: number;
}

export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

export interface StaffedShift extends TimeSpan {
  volunteersNeeded: number;
  supervisorsNeeded: number;
  volunteersSigned: number;
  supervisorsSigned: number;
}

export interface GapScore {
  neededPersonHours: number;
  coveredPersonHours: number;
  /** Share (0..1, 3 decimals) of the needed person-hours nobody signed up for; null if none needed. */
  gapScore: number | null;
}

export const MAX_HEADCOUNT = 50;

const HOUR_MS = 3_600_000;

/** Problems with a shift template, in words a coordinator can act on; empty when it is valid. */
export function shiftTemplateProblems(template: ShiftTemplate): string[] {
  const problems: string[] = [];
  if (typeof template.id !== 'string' || template.id.trim() === '')
    problems.push('id must not be empty');

  if (!Array.isArray(template.weekdays) || template.weekdays.length === 0) {
    problems.push('weekdays must name at least one day, 1 (Monday) to 7 (Sunday)');
  } else if (!template.weekdays.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)) {
    problems.push('weekdays must be 1 (Monday) to 7 (Sunday)');
  }

  const startOk = isValidTimeOfDay(template.start);
  const endOk = isValidTimeOfDay(template.end);
  if (!startOk) problems.push(`start must be HH:mm, got "${template.start}"`);
  if (!endOk) problems.push(`end must be HH:mm, got "${template.end}"`);
  // 'HH:mm' strings compare like the times they name.
  if (startOk && endOk && template.end <= template.start)
    problems.push('end must be after start (shifts cannot cross midnight)');

  const volunteersOk = checkHeadcount('volunteersNeeded', template.volunteersNeeded, problems);
  const supervisorsOk = checkHeadcount('supervisorsNeeded', template.supervisorsNeeded, problems);
  if (volunteersOk && supervisorsOk && template.volunteersNeeded + template.supervisorsNeeded === 0)
    problems.push('a shift must need at least one volunteer or supervisor');

  const fromOk = checkDate('validFrom', template.validFrom, problems);
  const toOk = checkDate('validTo', template.validTo, problems);
  if (
    fromOk &&
    toOk &&
    template.validFrom &&
    template.validTo &&
    template.validTo < template.validFrom
  )
    problems.push('validTo must not be before validFrom');
  return problems;
}

/**
 * The shifts the templates produce on each local date from `from` to `to` (both inclusive), sorted
 * by start, then template id. Times are wall-clock times in `zone`, so 18:00 stays 18:00 local
 * across a DST change. When several templates produce the same start and end on the same date,
 * a dated template (validFrom/validTo set, e.g. exam weeks) beats an undated one, and among
 * equally specific ones the later in the list wins: that is how a coordinator overrides a slot.
 */
export function planShifts(
  templates: ShiftTemplate[],
  from: string,
  to: string,
  zone: string,
): PlannedShift[] {
  if (!isValidZone(zone)) throw new RangeError(`"${zone}" is not an IANA time zone`);
  if (!isValidLocalDate(from)) throw new RangeError(`from "${from}" is not a YYYY-MM-DD date`);
  if (!isValidLocalDate(to)) throw new RangeError(`to "${to}" is not a YYYY-MM-DD date`);
  for (const template of templates) {
    const problems = shiftTemplateProblems(template);
    // A broken template would silently leave evenings unstaffed; better to refuse the whole plan.
    if (problems.length > 0)
      throw new RangeError(`shift template "${template.id}": ${problems.join('; ')}`);
  }
  if (from > to) return [];

  const shifts: PlannedShift[] = [];
  // Walk calendar dates in UTC: a date's weekday does not depend on the zone, and UTC days
  // are all 24 hours long.
  const last = DateTime.fromISO(to, { zone: 'utc' });
  for (
    let day = DateTime.fromISO(from, { zone: 'utc' });
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    const localDate = day.toISODate()!;
    // A zone can skip a whole date (Pacific/Apia skipped 2011-12-30); nobody works on it.
    if (DateTime.fromISO(localDate, { zone }).toISODate() !== localDate) continue;

    const winners = new Map<string, ShiftTemplate>();
    for (const template of templates) {
      if (!template.weekdays.includes(day.weekday) || !appliesOn(template, localDate)) continue;
      const slot = `${template.start}-${template.end}`;
      const current = winners.get(slot);
      // `>=` so that the later of two equally specific templates wins.
      if (!current || specificity(template) >= specificity(current)) winners.set(slot, template);
    }
    for (const template of winners.values()) {
      shifts.push({
        templateId: template.id,
        localDate,
        startsAt: wallClockInstant(localDate, template.start, zone).toJSDate(),
        endsAt: wallClockInstant(localDate, template.end, zone).toJSDate(),
        volunteersNeeded: template.volunteersNeeded,
        supervisorsNeeded: template.supervisorsNeeded,
      });
    }
  }
  return shifts.sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() ||
      (a.templateId < b.templateId ? -1 : a.templateId > b.templateId ? 1 : 0),
  );
}

/** Half-open intervals: a shift ending at 20:00 does not overlap one starting at 20:00. */
export function overlaps(a: TimeSpan, b: TimeSpan): boolean {
  const [aStart, aEnd, bStart, bEnd] = [a.startsAt, a.endsAt, b.startsAt, b.endsAt].map((date) =>
    date.getTime(),
  );
  // An empty interval contains no instant, so it overlaps nothing.
  if (aStart >= aEnd || bStart >= bEnd) return false;
  return aStart < bEnd && bStart < aEnd;
}

/**
 * How much of the needed staffing nobody signed up for, in person-hours. Sign-ups are capped at
 * the need per shift and role: a third supervisor on Monday does not staff Tuesday's phone.
 */
export function gapScore(shifts: StaffedShift[]): GapScore {
  let neededPersonHours = 0;
  let coveredPersonHours = 0;
  for (const shift of shifts) {
    const hours = Math.max(0, shift.endsAt.getTime() - shift.startsAt.getTime()) / HOUR_MS;
    neededPersonHours += hours * (shift.volunteersNeeded + shift.supervisorsNeeded);
    coveredPersonHours +=
      hours *
      (covered(shift.volunteersSigned, shift.volunteersNeeded) +
        covered(shift.supervisorsSigned, shift.supervisorsNeeded));
  }
  return {
    neededPersonHours,
    coveredPersonHours,
    gapScore:
      neededPersonHours > 0
        ? Math.round(((neededPersonHours - coveredPersonHours) / neededPersonHours) * 1000) / 1000
        : null,
  };
}

/**
 * The instant of a local wall-clock time on a local date. A time that does not exist that day
 * (spring-forward gap) is moved forward by the gap, as luxon does: 02:30 becomes 03:30. A time
 * that happens twice (fall-back) takes the earlier offset, i.e. its first occurrence; luxon alone
 * picks either one depending on the zone, so we check both offsets around the date ourselves.
 */
function wallClockInstant(localDate: string, time: string, zone: string): DateTime {
  const wallClock = `${localDate}T${time}`;
  let instant = DateTime.fromISO(wallClock, { zone });
  // Any DST change near this time has the one offset before it and the other after it.
  for (const offset of [instant.minus({ days: 1 }).offset, instant.plus({ days: 1 }).offset]) {
    const candidate = instant.plus({ minutes: instant.offset - offset });
    if (candidate < instant && candidate.toFormat("yyyy-MM-dd'T'HH:mm") === wallClock)
      instant = candidate;
  }
  return instant;
}

function appliesOn(template: ShiftTemplate, localDate: string): boolean {
  // 'YYYY-MM-DD' strings compare like the dates they name.
  return (
    (!template.validFrom || template.validFrom <= localDate) &&
    (!template.validTo || localDate <= template.validTo)
  );
}

function specificity(template: ShiftTemplate): number {
  return template.validFrom || template.validTo ? 1 : 0;
}

function covered(signed: number, needed: number): number {
  return Math.max(0, Math.min(signed, needed));
}

/** Adds the problem with a headcount, if any; true when it is fine. */
function checkHeadcount(name: string, value: number, problems: string[]): boolean {
  if (!Number.isInteger(value)) {
    problems.push(`${name} must be a whole number`);
    return false;
  }
  if (value < 0 || value > MAX_HEADCOUNT) {
    problems.push(`${name} must be 0 to ${MAX_HEADCOUNT}`);
    return false;
  }
  return true;
}

/** Adds the problem with an optional date, if any; true when it is fine. */
function checkDate(name: string, value: string | null | undefined, problems: string[]): boolean {
  if (value == null || isValidLocalDate(value)) return true;
  problems.push(`${name} must be a YYYY-MM-DD date, got "${value}"`);
  return false;
}
