import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';
import { Volunteer } from '../volunteers/volunteer.entity';

/** A shift's places are for volunteers or for supervisors. */
export const SLOTS = ['volunteer', 'supervisor'] as const;
export type Slot = (typeof SLOTS)[number];

/** A shift's count of people signed up for a slot, and of people it needs there. */
export const SIGNED: Record<Slot, 'volunteersSigned' | 'supervisorsSigned'> = {
  volunteer: 'volunteersSigned',
  supervisor: 'supervisorsSigned',
};
export const NEEDED: Record<Slot, 'volunteersNeeded' | 'supervisorsNeeded'> = {
  volunteer: 'volunteersNeeded',
  supervisor: 'supervisorsNeeded',
};

/** A repeating shift: which weekdays, which local hours, how many people of each kind. */
@Entity({ name: 'shift_template' })
export class ShiftTemplate extends HotlineRecord {
  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  @Column({ type: 'simple-json' })
  weekdays!: number[];

  /** Local wall-clock times, HH:mm. */
  @Column({ name: 'start_time', type: 'varchar', length: 5 })
  startTime!: string;

  @Column({ name: 'end_time', type: 'varchar', length: 5 })
  endTime!: string;

  @Column({ name: 'volunteers_needed', type: 'int' })
  volunteersNeeded!: number;

  @Column({ name: 'supervisors_needed', type: 'int' })
  supervisorsNeeded!: number;

  /** A dated template (exam weeks, holidays) wins over an undated one for the same hours. */
  @Column({ name: 'valid_from', type: 'varchar', length: 10, nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/**
 * One evening shift, as UTC instants built from local wall-clock times. The signed-up counts
 * are kept on the row so that a sign-up claims a place with one conditional update: two
 * people racing for the last place cannot both get it.
 */
@Entity({ name: 'shift' })
@Index('uq_shift_hotline_id_starts_at_ends_at', ['hotlineId', 'startsAt', 'endsAt'], {
  unique: true,
})
export class Shift extends HotlineRecord {
  @Column({ name: 'template_id', ...REFERENCE, nullable: true })
  templateId!: string | null;

  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate!: string;

  @Column({ name: 'starts_at', ...DATETIME })
  startsAt!: Date;

  @Column({ name: 'ends_at', ...DATETIME })
  endsAt!: Date;

  @Column({ name: 'volunteers_needed', type: 'int' })
  volunteersNeeded!: number;

  @Column({ name: 'supervisors_needed', type: 'int' })
  supervisorsNeeded!: number;

  @Column({ name: 'volunteers_signed', type: 'int' })
  volunteersSigned!: number;

  @Column({ name: 'supervisors_signed', type: 'int' })
  supervisorsSigned!: number;

  @Column({ name: 'cancelled_at', ...DATETIME, nullable: true })
  cancelledAt!: Date | null;

  /** Raised on every change, so calendar apps replace their copy (iCalendar SEQUENCE). */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'reminded_at', ...DATETIME, nullable: true })
  remindedAt!: Date | null;

  @Column({ name: 'gap_invited_at', ...DATETIME, nullable: true })
  gapInvitedAt!: Date | null;

  @OneToMany(() => ShiftSignup, (signup) => signup.shift)
  signups?: ShiftSignup[];

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/** A person on a shift, and whether they came. */
@Entity({ name: 'shift_signup' })
@Index('uq_shift_signup_shift_id_volunteer_id', ['shiftId', 'volunteerId'], { unique: true })
@Index('idx_shift_signup_volunteer_id', ['volunteerId'])
export class ShiftSignup {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ name: 'shift_id', ...REFERENCE })
  shiftId!: string;

  @ManyToOne(() => Shift, (shift) => shift.signups, RESTRICT)
  @JoinColumn({ name: 'shift_id' })
  shift?: Shift;

  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @ManyToOne(() => Volunteer, RESTRICT)
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ type: 'varchar', length: 16 })
  slot!: Slot;

  @Column({ name: 'signed_up_at', ...DATETIME })
  signedUpAt!: Date;

  /** The first time they went available in the console during the shift. */
  @Column({ name: 'checked_in_at', ...DATETIME, nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'minutes_late', type: 'int', nullable: true })
  minutesLate!: number | null;

  @Column({ name: 'no_show', type: 'boolean' })
  noShow!: boolean;

  /** Who corrected the attendance by hand, if anyone. */
  @Column({ name: 'corrected_by', ...REFERENCE, nullable: true })
  correctedBy!: string | null;
}
