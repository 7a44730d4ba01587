import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { HotlineRecord } from '../hotlines/hotline-record';
import { Volunteer } from '../volunteers/volunteer.entity';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';

export const CALLER_TYPES = ['pupil', 'parent', 'teacher', 'other'] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

export const CALL_PRIORITIES = ['normal', 'crisis'] as const;
export type CallPriorityClass = (typeof CALL_PRIORITIES)[number];

/**
 * Where the call is now. `menu`: choosing; `waiting`/`offered`: queued; `connecting`: a
 * volunteer accepted and Twilio is dialling them; `talking`; `overflowing`: waited too long,
 * leaves the queue at its next hold message; `callback_menu`: being offered a message or a
 * call-back; `voicemail`: leaving a message; `callback_chosen`: chose a call-back while
 * holding and is leaving the queue for it; `ended`.
 */
export const CALL_STATUSES = [
  'menu',
  'waiting',
  'offered',
  'connecting',
  'talking',
  'overflowing',
  'callback_menu',
  'voicemail',
  'callback_chosen',
  'ended',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_OUTCOMES = [
  'answered',
  'abandoned',
  'overflow_callback',
  'queue_full',
  'closed_hours',
  'forwarded',
  'blocked',
  'over_limit',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * Why a call was refused on arrival (see `callers/caller-admission.ts`): its caller is blocked,
 * or called more often than the hotline's limit. A refused caller who presses the danger key is
 * queued as a crisis all the same; the refusal stays on the call for the statistics.
 */
export const CALL_REFUSALS = ['blocked', 'over_limit'] as const;
export type CallRefusal = (typeof CALL_REFUSALS)[number];

/** One phone call to a hotline, from the first webhook to the last. */
// `call` is a reserved word in MySQL: a table of that name would trip every hand-written query.
@Entity({ name: 'phone_call' })
@Index('uq_phone_call_call_sid', ['callSid'], { unique: true })
@Index('idx_phone_call_hotline_id_status', ['hotlineId', 'status'])
@Index('idx_phone_call_hotline_id_arrived_at', ['hotlineId', 'arrivedAt'])
@Index('idx_phone_call_caller_hash', ['callerHash'])
export class Call extends HotlineRecord {
  /** Twilio's id for the call; every webhook is idempotent on it. */
  @Column({ name: 'call_sid', type: 'varchar', length: 64 })
  callSid!: string;

  @Column({ name: 'caller_number_encrypted', type: 'text', nullable: true })
  callerNumberEncrypted!: string | null;

  /** Keyed hash of the number: counts repeat callers without the number in the clear. */
  @Column({ name: 'caller_hash', type: 'varchar', length: 64, nullable: true })
  callerHash!: string | null;

  @Column({ name: 'caller_type', type: 'varchar', length: 16, nullable: true })
  callerType!: CallerType | null;

  /** Top-level topic chosen in the menu. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  topic!: string | null;

  @Column({ type: 'varchar', length: 16 })
  priority!: CallPriorityClass;

  @Column({ type: 'varchar', length: 16 })
  status!: CallStatus;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome!: CallOutcome | null;

  /** Twilio's queue the caller waits in (learnt from the first hold-message request). */
  @Column({ name: 'queue_sid', type: 'varchar', length: 64, nullable: true })
  queueSid!: string | null;

  @Column({ name: 'volunteer_id', ...REFERENCE, nullable: true })
  volunteerId!: string | null;

  @ManyToOne(() => Volunteer, { ...RESTRICT, nullable: true })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ name: 'offer_count', type: 'int' })
  offerCount!: number;

  @Column({ name: 'arrived_at', ...DATETIME })
  arrivedAt!: Date;

  @Column({ name: 'queued_at', ...DATETIME, nullable: true })
  queuedAt!: Date | null;

  @Column({ name: 'first_offered_at', ...DATETIME, nullable: true })
  firstOfferedAt!: Date | null;

  @Column({ name: 'answered_at', ...DATETIME, nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'ended_at', ...DATETIME, nullable: true })
  endedAt!: Date | null;

  /** When Twilio last fetched the hold loop for this caller: their sign of life while queued. */
  @Column({ name: 'heard_at', ...DATETIME, nullable: true })
  heardAt!: Date | null;

  /** When Twilio fetched the dial to the volunteer of the latest accept (null until then). */
  @Column({ name: 'dial_started_at', ...DATETIME, nullable: true })
  dialStartedAt!: Date | null;

  /** Seconds from joining the queue to being answered or leaving. */
  @Column({ name: 'wait_seconds', type: 'int', nullable: true })
  waitSeconds!: number | null;

  @Column({ name: 'talk_seconds', type: 'int', nullable: true })
  talkSeconds!: number | null;

  /** A crisis caller nobody took in time: the crisis line they were forwarded to. */
  @Column({ name: 'forwarded_to', type: 'varchar', length: 32, nullable: true })
  forwardedTo!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  refusal!: CallRefusal | null;

  /** A practice call rung on one volunteer's console: no telephony, never in the statistics. */
  @Column({ type: 'boolean', default: false })
  training!: boolean;

  /** The conference Twilio runs for the answered call (learnt from its status callback). */
  @Column({ name: 'conference_sid', type: 'varchar', length: 64, nullable: true })
  conferenceSid!: string | null;

  /** The volunteer put the caller on hold: they hear hold music and nobody hears them. */
  @Column({ name: 'caller_on_hold', type: 'boolean', default: false })
  callerOnHold!: boolean;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}
