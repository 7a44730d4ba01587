/**
 * The roster: the shapes of `GET /api/shifts` and `GET /api/coverage` (see the server's
 * shifts/dto/shift.dto.ts) and the pure rules the roster page follows — which week, which days,
 * the grid of days × shift times, where the gaps are, what the signed-in person may do on a
 * shift. No React and no browser APIs here, so it runs under plain jest.
 */

export type Slot = 'volunteer' | 'supervisor';
export const SLOTS: Slot[] = ['volunteer', 'supervisor'];

export interface ShiftSignup {
  volunteerId: string;
  name: string;
  slot: Slot;
  checkedInAt: string | null;
  minutesLate: number | null;
  noShow: boolean;
}

export interface Shift {
  id: string;
  hotlineId: string;
  /** YYYY-MM-DD in the hotline's zone. */
  localDate: string;
  /** Instants (ISO, UTC). */
  startsAt: string;
  endsAt: string;
  /** HH:mm in the hotline's zone. */
  localStart: string;
  localEnd: string;
  volunteersNeeded: number;
  supervisorsNeeded: number;
  volunteersSigned: number;
  supervisorsSigned: number;
  cancelled: boolean;
  signups: ShiftSignup[];
  /** The signed-in person is on it. */
  mine: boolean;
}

export interface CoverageGap {
  shiftId: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  slot: Slot;
  missing: number;
}

export interface Coverage {
  from: string;
  to: string;
  shifts: Shift[];
  gaps: CoverageGap[];
  neededPersonHours: number;
  coveredPersonHours: number;
  /** Share (0-1) of the needed person-hours not covered; null when nothing was needed. */
  gapScore: number | null;
}

/** What the page needs of a hotline (`GET /api/hotlines`). */
export interface HotlineSummary {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
}

/** Who may see the coverage summary (`GET /api/coverage` refuses anyone else). */
export const PLANNING_ROLES = ['coordinator', 'supervisor', 'admin'];

export const isPlanner = (roles: string[]): boolean =>
  roles.some((role) => PLANNING_ROLES.includes(role));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcOf(date: string): Date {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a date YYYY-MM-DD: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (utc: Date) =>
  `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;

/** The local date `days` after (or before) `date`; calendar arithmetic, no time zone involved. */
export function addDays(date: string, days: number): string {
  const utc = utcOf(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return dateOf(utc);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return utcOf(date).getUTCDay() || 7;
}

/** Milliseconds since the epoch at midnight UTC of a local date: for formatting it as a day. */
export const dayInstant = (date: string): number => utcOf(date).getTime();

/** The Monday of the week (Monday to Sunday) a local date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven local dates of the week starting on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, day) => addDays(monday, day));
}

/** The local date of an instant in a time zone (YYYY-MM-DD), or null if the zone is unknown. */
export function localDateIn(instant: number, timeZone: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(instant));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const date = `${part('year')}-${part('month')}-${part('day')}`;
    return DATE.test(date) ? date : null;
  } catch {
    return null;
  }
}

/** The hotline the server answers for when none is named: the person's first, by creation. */
export function defaultHotline(
  hotlines: HotlineSummary[],
  preferred?: string | null,
): HotlineSummary | null {
  if (preferred) {
    const found = hotlines.find((hotline) => hotline.id === preferred);
    if (found) return found;
  }
  return [...hotlines].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0] ?? null;
}

/** Places still open, per role; a cancelled shift has none. */
export function missing(shift: Shift): Record<Slot, number> {
  if (shift.cancelled) return { volunteer: 0, supervisor: 0 };
  return {
    volunteer: Math.max(0, shift.volunteersNeeded - shift.volunteersSigned),
    supervisor: Math.max(0, shift.supervisorsNeeded - shift.supervisorsSigned),
  };
}

/** A shift short of people (as the coverage report counts gaps: cancelled shifts have none). */
export function hasGap(shift: Shift): boolean {
  const open = missing(shift);
  return open.volunteer > 0 || open.supervisor > 0;
}

/** The places the person could still take: open, not started, not cancelled, a role they hold. */
export function signUpSlots(shift: Shift, roles: string[], now: number): Slot[] {
  if (shift.cancelled || shift.mine || Date.parse(shift.startsAt) <= now) return [];
  const open = missing(shift);
  return SLOTS.filter((slot) => roles.includes(slot) && open[slot] > 0);
}

/** Whether to offer "withdraw": the person is on it and it has not started (the server checks the cut-off). */
export function canWithdraw(shift: Shift, now: number): boolean {
  return shift.mine && Date.parse(shift.startsAt) > now;
}

/** A row of the grid: every shift that runs from `start` to `end`, whatever the day. */
export interface TimeRow {
  key: string;
  start: string;
  end: string;
}

export interface RosterDay {
  date: string;
  /** One entry per time row: the shifts of this day at those times (usually one or none). */
  cells: Shift[][];
  shiftCount: number;
}

export interface RosterGrid {
  rows: TimeRow[];
  days: RosterDay[];
}

/** Days (the given dates, in order) × shift times (by local start, then end). */
export function rosterGrid(dates: string[], shifts: Shift[]): RosterGrid {
  const inPeriod = shifts.filter((shift) => dates.includes(shift.localDate));
  const rows = new Map<string, TimeRow>();
  for (const shift of inPeriod) {
    const key = `${shift.localStart}-${shift.localEnd}`;
    if (!rows.has(key)) rows.set(key, { key, start: shift.localStart, end: shift.localEnd });
  }
  const ordered = [...rows.values()].sort(
    (a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end),
  );
  return {
    rows: ordered,
    days: dates.map((date) => {
      const own = inPeriod.filter((shift) => shift.localDate === date);
      return {
        date,
        shiftCount: own.length,
        cells: ordered.map((row) =>
          own
            .filter((shift) => `${shift.localStart}-${shift.localEnd}` === row.key)
            .sort((a, b) => Number(a.cancelled) - Number(b.cancelled)),
        ),
      };
    }),
  };
}

/** 70.0% — the gap score (a share 0-1) as a percentage, or the dash when nothing was needed. */
export function formatShare(share: number | null, none = '—'): string {
  return share === null ? none : `${(share * 100).toFixed(1)}%`;
}

/** Person-hours: whole numbers as they are, others to one decimal. */
export function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}
