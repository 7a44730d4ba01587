import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AgeBand, Grade } from '../contacts/contact-fields';
import { DATETIME, REFERENCE } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';

export const BOOKING_LANGUAGES = ['zh-CN', 'en'] as const;
export type BookingLanguage = (typeof BOOKING_LANGUAGES)[number];

/**
 * `held`: a freed time kept for a waiting parent's offer (no parent yet); `booked`; then
 * `attended` or `no_show`; or `cancelled`. Only `held` and `booked` hold time.
 */
export const BOOKING_STATUSES = ['held', 'booked', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const DEFAULT_BOOKING_SETTINGS = {
  sessionMinutes: 50,
  bufferMinutes: 10,
  minNoticeHours: 24,
  horizonDays: 30,
  changeCutoffHours: 12,
  offerHoldMinutes: 30,
};

/** A hotline's face-to-face booking rules; a hotline without a row uses the defaults. */
@Entity({ name: 'booking_settings' })
export class BookingSettings {
  @PrimaryColumn({ name: 'hotline_id', ...REFERENCE })
  hotlineId!: string;

  @Column({ name: 'session_minutes', type: 'int' })
  sessionMinutes!: number;

  @Column({ name: 'buffer_minutes', type: 'int' })
  bufferMinutes!: number;

  @Column({ name: 'min_notice_hours', type: 'int' })
  minNoticeHours!: number;

  @Column({ name: 'horizon_days', type: 'int' })
  horizonDays!: number;

  @Column({ name: 'change_cutoff_hours', type: 'int' })
  changeCutoffHours!: number;

  @Column({ name: 'offer_hold_minutes', type: 'int' })
  offerHoldMinutes!: number;

  /** Where the guidance centre is; sent in every confirmation. */
  @Column({ name: 'centre_address', type: 'varchar', length: 300, nullable: true })
  centreAddress!: string | null;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/** A counselling room at the guidance centre. Rooms are deactivated, never deleted. */
@Entity({ name: 'room' })
export class Room extends HotlineRecord {
  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/** An expert's weekly face-to-face window, in local wall-clock time. */
@Entity({ name: 'expert_availability' })
@Index('idx_expert_availability_hotline_id_volunteer_id', ['hotlineId', 'volunteerId'])
export class ExpertAvailability extends HotlineRecord {
  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  /** ISO weekday, 1 = Monday. */
  @Column({ type: 'int' })
  weekday!: number;

  @Column({ name: 'start_time', type: 'varchar', length: 5 })
  startTime!: string;

  @Column({ name: 'end_time', type: 'varchar', length: 5 })
  endTime!: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}

/**
 * A dated change: with times, the expert's windows that day instead of the weekly ones;
 * without, a day off (for the whole centre when no expert is named).
 */
@Entity({ name: 'availability_date' })
@Index('idx_availability_date_hotline_id_local_date', ['hotlineId', 'localDate'])
export class AvailabilityDate extends HotlineRecord {
  @Column({ name: 'volunteer_id', ...REFERENCE, nullable: true })
  volunteerId!: string | null;

  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate!: string;

  @Column({ name: 'start_time', type: 'varchar', length: 5, nullable: true })
  startTime!: string | null;

  @Column({ name: 'end_time', type: 'varchar', length: 5, nullable: true })
  endTime!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  reason!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}

/**
 * One face-to-face session. The parent's name, phone and description are encrypted; the
 * manage token is stored only as its SHA-256. The time it holds is claimed in
 * `booking_claim`, whose unique key is what keeps two bookings off one expert or room.
 */
@Entity({ name: 'booking' })
@Index('uq_booking_reference', ['reference'], { unique: true })
@Index('uq_booking_manage_token_hash', ['manageTokenHash'], { unique: true })
@Index('idx_booking_hotline_id_local_date', ['hotlineId', 'localDate'])
@Index('idx_booking_expert_id_starts_at', ['expertId', 'startsAt'])
@Index('idx_booking_status_starts_at', ['status', 'startsAt'])
@Index('idx_booking_confirmation_sid', ['confirmationSid'])
@Index('idx_booking_reminder_sid', ['reminderSid'])
export class Booking extends HotlineRecord {
  /** Short and read out on the phone: `HB-` and five characters without look-alikes. */
  @Column({ type: 'varchar', length: 12 })
  reference!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: BookingStatus;

  @Column({ name: 'expert_id', ...REFERENCE })
  expertId!: string;

  @Column({ name: 'room_id', ...REFERENCE })
  roomId!: string;

  @Column({ name: 'starts_at', ...DATETIME })
  startsAt!: Date;

  @Column({ name: 'ends_at', ...DATETIME })
  endsAt!: Date;

  /** The buffer after the session, as booked (settings may change later). */
  @Column({ name: 'buffer_minutes', type: 'int' })
  bufferMinutes!: number;

  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate!: string;

  /** Top-level topic key. */
  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ name: 'parent_name_encrypted', type: 'text', nullable: true })
  parentNameEncrypted!: string | null;

  @Column({ name: 'phone_encrypted', type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  /** Keyed hash of the phone: finds a family's bookings without the number in the clear. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ name: 'description_encrypted', type: 'text', nullable: true })
  descriptionEncrypted!: string | null;

  @Column({ name: 'child_age_band', type: 'varchar', length: 16, nullable: true })
  childAgeBand!: AgeBand | null;

  @Column({ name: 'child_grade', type: 'varchar', length: 16, nullable: true })
  childGrade!: Grade | null;

  @Column({ type: 'varchar', length: 5 })
  language!: BookingLanguage;

  @Column({ name: 'manage_token_hash', type: 'varchar', length: 64, nullable: true })
  manageTokenHash!: string | null;

  /** The phone call it was booked during, if a volunteer booked it. */
  @Column({ name: 'call_id', ...REFERENCE, nullable: true })
  callId!: string | null;

  /** Who booked it in the console; null when the parent booked on the page. */
  @Column({ name: 'booked_by', ...REFERENCE, nullable: true })
  bookedBy!: string | null;

  /** A text to the parent failed: someone should phone them. */
  @Column({ name: 'needs_call', type: 'boolean' })
  needsCall!: boolean;

  @Column({ name: 'confirmation_sid', type: 'varchar', length: 64, nullable: true })
  confirmationSid!: string | null;

  @Column({ name: 'reminder_sid', type: 'varchar', length: 64, nullable: true })
  reminderSid!: string | null;

  /** Twilio's last word on the last text: queued, sent, delivered, failed, undelivered. */
  @Column({ name: 'sms_status', type: 'varchar', length: 16, nullable: true })
  smsStatus!: string | null;

  @Column({ name: 'reminded_at', ...DATETIME, nullable: true })
  remindedAt!: Date | null;

  /** Until when a held time waits for its offer to be accepted. */
  @Column({ name: 'held_until', ...DATETIME, nullable: true })
  heldUntil!: Date | null;

  @Column({ name: 'cancelled_at', ...DATETIME, nullable: true })
  cancelledAt!: Date | null;

  /** The face-to-face contact record opened when the family came. */
  @Column({ name: 'contact_id', ...REFERENCE, nullable: true })
  contactId!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/**
 * One 5-minute step of an expert's or a room's time, held by a booking: the primary key
 * (resource, step) is the database's refusal of a second booking in that time.
 */
@Entity({ name: 'booking_claim' })
@Index('idx_booking_claim_booking_id', ['bookingId'])
export class BookingClaim {
  /** An expert's or a room's id (both UUIDs, so they never collide). */
  @PrimaryColumn({ name: 'resource_id', ...REFERENCE })
  resourceId!: string;

  /** Minutes since the epoch, on a 5-minute step. */
  @PrimaryColumn({ name: 'at_minute', type: 'int' })
  atMinute!: number;

  @Column({ name: 'booking_id', ...REFERENCE })
  bookingId!: string;
}

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'passed'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/** A parent waiting for a time on a day; offered a freed time in turn. */
@Entity({ name: 'booking_waitlist' })
@Index('idx_booking_waitlist_hotline_id_local_date_status', ['hotlineId', 'localDate', 'status'])
@Index('uq_booking_waitlist_offer_token_hash', ['offerTokenHash'], { unique: true })
export class WaitlistEntry extends HotlineRecord {
  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate!: string;

  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: WaitlistStatus;

  /** Sorts the line first come, first served, also for parents who joined in the same millisecond. */
  @Column({ name: 'queue_key', type: 'varchar', length: 48 })
  queueKey!: string;

  @Column({ name: 'parent_name_encrypted', type: 'text' })
  parentNameEncrypted!: string;

  @Column({ name: 'phone_encrypted', type: 'text' })
  phoneEncrypted!: string;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64 })
  phoneHash!: string;

  @Column({ name: 'child_age_band', type: 'varchar', length: 16, nullable: true })
  childAgeBand!: AgeBand | null;

  @Column({ name: 'child_grade', type: 'varchar', length: 16, nullable: true })
  childGrade!: Grade | null;

  @Column({ type: 'varchar', length: 5 })
  language!: BookingLanguage;

  @Column({ name: 'offer_token_hash', type: 'varchar', length: 64, nullable: true })
  offerTokenHash!: string | null;

  /** The held booking offered to them. */
  @Column({ name: 'offer_booking_id', ...REFERENCE, nullable: true })
  offerBookingId!: string | null;

  @Column({ name: 'offer_expires_at', ...DATETIME, nullable: true })
  offerExpiresAt!: Date | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}
