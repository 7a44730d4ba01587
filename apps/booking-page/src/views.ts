/**
 * The bodies of the public booking contract (`/api/public/...`) as the page reads and sends
 * them: the one place that knows their shape, so they can be swapped for types generated from
 * the API document.
 */
import type { Locale } from './i18n';

export type Labels = Record<Locale, string>;

export interface BookingOptions {
  hotlineName: string;
  timeZone: string;
  hotlinePhone: string | null;
  centreAddress: string | null;
  sessionMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
  changeCutoffHours: number;
  topics: { key: string; label: Labels }[];
  ageBands: { key: string; label: Labels }[];
  /** The hotline's local date, when the server tells it (its clock may differ from the browser's). */
  today?: string;
}

export interface SlotList {
  timeZone: string;
  slots: Slot[];
}

export interface Booked {
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  localDate: string;
  localTime: string;
  topic: string;
  centreAddress: string | null;
  manageToken: string;
  manageUrl: string;
}

export type BookingStatus = 'booked' | 'cancelled' | 'attended' | 'no_show';

export interface ManagedBooking {
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  localDate: string;
  localTime: string;
  topic: string;
  canChange: boolean;
  changeCutoffHours: number;
  hotlinePhone: string | null;
}

/** `DELETE /api/public/bookings/:token`. */
export interface Cancelled {
  reference: string;
  status: BookingStatus;
}

/** `POST /api/public/waitlist`: the parent's place in the queue of that day. */
export interface Waitlisted {
  date: string;
  position: number;
}

export interface WaitlistOffer {
  start: string;
  end: string;
  localDate: string;
  localTime: string;
  expiresAt: string;
}

/** A free time. */
export interface Slot {
  /** Instants (ISO, UTC). */
  start: string;
  end: string;
  /** YYYY-MM-DD and HH:mm in the hotline's zone. */
  localDate: string;
  localTime: string;
}

/** `POST /api/public/bookings`. */
export interface BookingRequest {
  start: string;
  topic: string;
  parentName: string;
  phone: string;
  childAgeBand?: string;
  childGrade?: string;
  description?: string;
  consent: true;
  language: Locale;
}

/** `POST /api/public/waitlist`. */
export interface WaitlistRequest {
  date: string;
  topic: string;
  parentName: string;
  phone: string;
  childAgeBand?: string;
  childGrade?: string;
  consent: true;
  language: Locale;
}
