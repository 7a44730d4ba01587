import { DateTime } from 'luxon';
import { isValidLocalDate, isValidTimeOfDay, isValidZone } from './opening-hours';

/**
 * Face-to-face session times at the guidance centre. Experts' availability is written in the
 * local wall-clock time of the hotline's zone (weekly windows, dated windows that replace a
 * day's weekly ones, days off); sessions follow one another inside a window, each followed by
 * a buffer. A time is offered when at least one expert and one room are free for the session
 * and its buffer, not sooner than the minimum notice and not beyond the horizon.
 */

/** Bookings hold time in steps of this many minutes: every session, buffer and window edge is a multiple. */
export const SLOT_QUANTUM_MINUTES = 5;

export interface BookingRules {
  sessionMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
}

/** An expert's repeating window: ISO weekday (1 = Monday) and local 'HH:mm' times. */
export interface WeeklyWindow {
  expertId: string;
  weekday: number;
  start: string;
  end: string;
}

/**
 * A dated change of availability. With times, the expert's windows that day are the dated
 * ones instead of the weekly ones; without, the expert (or, with no expertId, the whole
 * centre) is off that day.
 */
export interface DatedWindow {
  expertId: string | null;
  date: string;
  start?: string | null;
  end?: string | null;
}

/** Time already taken: an active booking (or a held offer) of an expert in a room. */
export interface BusySpan {
  expertId: string;
  roomId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface SlotQuery {
  zone: string;
  /** Local dates, both inclusive. */
  from: string;
  to: string;
  now: Date;
  rules: BookingRules;
  weekly: WeeklyWindow[];
  dated: DatedWindow[];
  busy: BusySpan[];
  /** Rooms that can be booked. */
  rooms: string[];
  /** When given, only these experts are considered (e.g. those who take the topic). */
  experts?: string[];
}

export interface FreeSlot {
  startsAt: Date;
  endsAt: Date;
  /** Local date 'YYYY-MM-DD' and time 'HH:mm' of the start in the zone. */
  localDate: string;
  localTime: string;
  /** Who and where is free then, sorted by id. */
  experts: string[];
  rooms: string[];
}

const MINUTE_MS = 60_000;

/** Problems with the rules, in words a coordinator can act on; empty when they are valid. */
export function bookingRulesProblems(rules: BookingRules): string[] {
  const problems: string[] = [];
  const steps = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`${name} must be a whole number from ${min} to ${max}`);
    else if (value % SLOT_QUANTUM_MINUTES !== 0)
      problems.push(`${name} must be a multiple of ${SLOT_QUANTUM_MINUTES} minutes`);
  };
  steps('sessionMinutes', rules.sessionMinutes, 10, 240);
  steps('bufferMinutes', rules.bufferMinutes, 0, 120);
  if (!Number.isInteger(rules.minNoticeHours) || rules.minNoticeHours < 0)
    problems.push('minNoticeHours must be a whole number of hours, 0 or more');
  if (!Number.isInteger(rules.horizonDays) || rules.horizonDays < 1 || rules.horizonDays > 366)
    problems.push('horizonDays must be a whole number of days from 1 to 366');
  return problems;
}

/** Problems with a window's times ('HH:mm', end after start, on the quantum). */
export function windowProblems(start: string, end: string): string[] {
  const problems: string[] = [];
  if (!isValidTimeOfDay(start)) problems.push(`start must be HH:mm, got "${start}"`);
  if (!isValidTimeOfDay(end)) problems.push(`end must be HH:mm, got "${end}"`);
  if (problems.length > 0) return problems;
  if (end <= start) problems.push('end must be after start (windows cannot cross midnight)');
  for (const [name, time] of [
    ['start', start],
    ['end', end],
  ])
    if (Number(time.slice(3)) % SLOT_QUANTUM_MINUTES !== 0)
      problems.push(`${name} must be on a ${SLOT_QUANTUM_MINUTES}-minute step, like 18:05`);
  return problems;
}

/**
 * The free session times from `from` to `to`, each once, sorted by start. Windows are turned
 * into instants from their local wall-clock times (so 18:00 stays 18:00 across a DST change);
 * inside a window sessions follow one another at session + buffer, in real minutes.
 */
export function freeSlots(query: SlotQuery): FreeSlot[] {
  const { zone, rules } = query;
  if (!isValidZone(zone)) throw new RangeError(`"${zone}" is not an IANA time zone`);
  if (!isValidLocalDate(query.from) || !isValidLocalDate(query.to))
    throw new RangeError('from and to must be YYYY-MM-DD dates');
  const problems = bookingRulesProblems(rules);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  if (query.from > query.to) return [];

  const earliest = query.now.getTime() + rules.minNoticeHours * 3_600_000;
  const latest = query.now.getTime() + rules.horizonDays * 86_400_000;
  const step = (rules.sessionMinutes + rules.bufferMinutes) * MINUTE_MS;
  const session = rules.sessionMinutes * MINUTE_MS;
  const allowed = query.experts ? new Set(query.experts) : null;
  const expertIds = [...new Set(query.weekly.map((window) => window.expertId))]
    .concat(query.dated.flatMap((window) => (window.expertId ? [window.expertId] : [])))
    .filter((id, index, all) => all.indexOf(id) === index && (!allowed || allowed.has(id)));

  const byStart = new Map<number, { experts: Set<string> }>();
  const last = DateTime.fromISO(query.to, { zone: 'utc' });
  for (
    let day = DateTime.fromISO(query.from, { zone: 'utc' });
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    const date = day.toISODate()!;
    // A zone can skip a whole date; nobody works on it.
    if (DateTime.fromISO(date, { zone }).toISODate() !== date) continue;
    const dated = query.dated.filter((window) => window.date === date);
    if (dated.some((window) => window.expertId === null && !window.start)) continue;
    for (const expertId of expertIds) {
      const own = dated.filter((window) => window.expertId === expertId);
      const windows = own.length
        ? own.filter((window) => window.start && window.end)
        : query.weekly.filter(
            (window) => window.expertId === expertId && window.weekday === day.weekday,
          );
      for (const window of windows) {
        const opens = wallClock(date, window.start!, zone).getTime();
        const closes = wallClock(date, window.end!, zone).getTime();
        for (let start = opens; start + session <= closes; start += step) {
          if (start < earliest || start > latest) continue;
          const entry = byStart.get(start) ?? { experts: new Set<string>() };
          entry.experts.add(expertId);
          byStart.set(start, entry);
        }
      }
    }
  }

  const slots: FreeSlot[] = [];
  for (const [start, entry] of [...byStart.entries()].sort((a, b) => a[0] - b[0])) {
    const span = { startsAt: start, endsAt: start + session };
    const experts = [...entry.experts]
      .filter((id) => !query.busy.some((busy) => busy.expertId === id && clash(busy, span, rules)))
      .sort();
    const rooms = query.rooms
      .filter((id) => !query.busy.some((busy) => busy.roomId === id && clash(busy, span, rules)))
      .sort();
    if (experts.length === 0 || rooms.length === 0) continue;
    const local = DateTime.fromMillis(start, { zone });
    slots.push({
      startsAt: new Date(start),
      endsAt: new Date(span.endsAt),
      localDate: local.toISODate()!,
      localTime: local.toFormat('HH:mm'),
      experts,
      rooms,
    });
  }
  return slots;
}

/** Up to `count` slots nearest in time to `target`, in order of start. */
export function nearestSlots(slots: FreeSlot[], target: Date, count = 5): FreeSlot[] {
  return [...slots]
    .sort(
      (a, b) =>
        Math.abs(a.startsAt.getTime() - target.getTime()) -
          Math.abs(b.startsAt.getTime() - target.getTime()) ||
        a.startsAt.getTime() - b.startsAt.getTime(),
    )
    .slice(0, count)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * The steps of time a booking holds for its expert and its room: the session and the buffer
 * after it, as minutes since the epoch on the quantum. Two bookings of one expert or room
 * overlap (buffer included) exactly when their steps share one, so a unique key on
 * (resource, step) keeps them apart in the database.
 */
export function heldSteps(
  startsAt: Date,
  rules: Pick<BookingRules, 'sessionMinutes' | 'bufferMinutes'>,
): number[] {
  const first = Math.floor(startsAt.getTime() / MINUTE_MS);
  const steps: number[] = [];
  for (
    let minute = first - (first % SLOT_QUANTUM_MINUTES);
    minute < first + rules.sessionMinutes + rules.bufferMinutes;
    minute += SLOT_QUANTUM_MINUTES
  )
    steps.push(minute);
  return steps;
}

/** A session [start, start + session) clashes with a busy span when either's buffer would be cut. */
function clash(
  busy: BusySpan,
  span: { startsAt: number; endsAt: number },
  rules: BookingRules,
): boolean {
  const buffer = rules.bufferMinutes * MINUTE_MS;
  return (
    span.startsAt < busy.endsAt.getTime() + buffer && busy.startsAt.getTime() < span.endsAt + buffer
  );
}

/**
 * The instant of a local wall-clock time: a time in a spring-forward gap moves forward by the
 * gap (02:30 becomes 03:30); a time that happens twice takes its first occurrence.
 */
function wallClock(date: string, time: string, zone: string): Date {
  const instant = DateTime.fromISO(`${date}T${time}`, { zone });
  const earlier = instant.minus({ hours: 1 });
  // Only where the offset changes within the hour can the same wall-clock time come twice.
  if (earlier.offset === instant.offset) return instant.toJSDate();
  // In a fall-back hour the same wall-clock time an hour earlier (in real time) is the first one.
  if (earlier.toFormat('yyyy-MM-dd HH:mm') === instant.toFormat('yyyy-MM-dd HH:mm'))
    return earlier.toJSDate();
  return instant.toJSDate();
}
