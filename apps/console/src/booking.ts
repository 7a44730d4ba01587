/**
 * Face-to-face bookings in the console: the shapes of the booking API (see the server's
 * bookings/dto/booking.dto.ts), and the pure rules of the "book a session" panel and the day's
 * bookings — which call is being booked for, which days to offer, free times by day, the body of
 * `POST /api/bookings`, what a supervisor may record for a booking. No React, no browser APIs.
 */
import type { Me } from '@hotline/console-protocol';

export type Labels = { 'zh-CN': string; en: string };

export interface BookingOptions {
  hotlineName: string;
  timeZone: string;
  hotlinePhone: string | null;
  centreAddress: string | null;
  sessionMinutes: number;
  horizonDays: number;
  topics: { key: string; label: Labels }[];
  ageBands: { key: string; label: Labels }[];
}

export interface FreeSlot {
  start: string;
  end: string;
  localDate: string;
  localTime: string;
}

export interface Booked extends FreeSlot {
  reference: string;
  status: 'booked';
  topic: string;
  centreAddress: string | null;
  manageUrl: string;
}

export type BookingStatus = 'held' | 'booked' | 'cancelled' | 'attended' | 'no_show';

/** One booking of `GET /api/bookings?date=`. */
export interface StaffBooking extends FreeSlot {
  id: string;
  reference: string;
  status: BookingStatus;
  topic: string;
  expertName: string;
  roomName: string;
  parentName: string | null;
  childAgeBand: string | null;
  childGrade: string | null;
  language: string;
  hasPhone: boolean;
  /** A text to the family failed: someone must phone them. */
  needsCall?: boolean;
}

/** Who may see every booking of a day and record attendance. */
export const BOOKING_DESK_ROLES = ['supervisor', 'coordinator', 'admin'];
export const seesBookingsDay = (roles: string[]): boolean =>
  roles.some((role) => BOOKING_DESK_ROLES.includes(role));

/** Days of free times the panel shows: two weeks are plenty to agree on one on the phone. */
export const PANEL_DAYS = 14;

/** The call a session is booked for: the one being talked on, else the one being wrapped up. */
export function callToBookFor(me: Pick<Me, 'state' | 'callId' | 'wrapUpCallId'>): string | null {
  if (me.state === 'talking') return me.callId ?? null;
  if (me.state === 'wrap_up') return me.wrapUpCallId ?? me.callId ?? null;
  return null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The local date `days` after `date`; calendar arithmetic, no zone involved. */
export function shiftDate(date: string, days: number): string {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a date YYYY-MM-DD: ${date}`);
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
}

/** The days to ask free times for, from the hotline's today, within its horizon. */
export function panelRange(today: string, horizonDays: number): { from: string; to: string } {
  const days = Math.max(1, Math.min(PANEL_DAYS, Math.floor(horizonDays) || 1));
  return { from: today, to: shiftDate(today, days - 1) };
}

/** Free times by local day, in order, each start once. */
export function slotsByDay(slots: FreeSlot[]): { date: string; slots: FreeSlot[] }[] {
  const days = new Map<string, FreeSlot[]>();
  const seen = new Set<string>();
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    if (seen.has(slot.start)) continue;
    seen.add(slot.start);
    days.set(slot.localDate, [...(days.get(slot.localDate) ?? []), slot]);
  }
  return [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, list]) => ({ date, slots: list }));
}

export interface PanelForm {
  topic: string;
  start: string;
  parentName: string;
  /** `age:<band>` or `grade:<grade>`. */
  child: string;
  language: 'zh-CN' | 'en';
  consent: boolean;
}

export type PanelProblem = 'topic' | 'start' | 'parentName' | 'child' | 'consent';

/** What is still missing before the panel may book; in the order of the form. */
export function panelProblems(form: PanelForm): PanelProblem[] {
  const problems: PanelProblem[] = [];
  if (!form.topic) problems.push('topic');
  if (!form.start) problems.push('start');
  if (!form.parentName.trim()) problems.push('parentName');
  if (!/^(age|grade):.+/.test(form.child)) problems.push('child');
  if (!form.consent) problems.push('consent');
  return problems;
}

/**
 * `POST /api/bookings` for the caller of a call: no phone number, the server takes the caller's
 * own from the call (and never shows it).
 */
export function staffBookingBody(form: PanelForm, callId: string): Record<string, unknown> {
  const [kind, ...rest] = form.child.split(':');
  const key = rest.join(':');
  return {
    callId,
    start: form.start,
    topic: form.topic,
    parentName: form.parentName.trim(),
    ...(kind === 'grade' ? { childGrade: key } : { childAgeBand: key }),
    consent: true,
    language: form.language,
  };
}

/** The day's bookings by time; those that need a phone call first among equals of a time. */
export function dayOrder(bookings: StaffBooking[]): StaffBooking[] {
  return [...bookings].sort(
    (a, b) =>
      a.start.localeCompare(b.start) ||
      Number(!!b.needsCall) - Number(!!a.needsCall) ||
      a.reference.localeCompare(b.reference),
  );
}

/** Attendance is recorded for a booked session; a no-show may still turn out to have come. */
export const canRecordAttendance = (booking: StaffBooking): boolean =>
  booking.status === 'booked' || booking.status === 'no_show';

/** The 409 of a booking: its alternatives, if the body has well-formed ones. */
export function alternativesOf(body: unknown): FreeSlot[] {
  const list = (body as { alternatives?: unknown } | null)?.alternatives;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (slot): slot is FreeSlot =>
      !!slot &&
      typeof slot.start === 'string' &&
      typeof slot.localDate === 'string' &&
      typeof slot.localTime === 'string',
  );
}
