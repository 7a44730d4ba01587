import { Column, Entity, Index, JoinTable, ManyToMany, PrimaryColumn } from 'typeorm';
import { Hotline } from '../hotlines/hotline.entity';
import { DATETIME, REFERENCE } from '../database/column-types';

export const ROLES = ['volunteer', 'supervisor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const EXPERT_KINDS = [
  'school_teacher',
  'university',
  'hospital',
  'counsellor',
  'trainee',
] as const;
export type ExpertKind = (typeof EXPERT_KINDS)[number];

/** Where a call offered to this person rings: the console's softphone or their own phone. */
export const ANSWER_CHANNELS = ['browser', 'phone'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** A person who works for one or more hotlines: volunteer expert, supervisor, coordinator or admin. */
@Entity({ name: 'volunteer' })
@Index('uq_volunteer_email', ['email'], { unique: true })
@Index('uq_volunteer_softphone_identity', ['softphoneIdentity'], { unique: true })
@Index('uq_volunteer_calendar_feed_token_hash', ['calendarFeedTokenHash'], { unique: true })
export class Volunteer {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  /** Encrypted with FieldCipher; never read without the service. */
  @Column({ name: 'phone_encrypted', type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  @Column({ name: 'expert_kind', type: 'varchar', length: 32 })
  expertKind!: ExpertKind;

  @Column({ name: 'topic_skills', type: 'simple-json' })
  topicSkills!: string[];

  @Column({ type: 'simple-json' })
  languages!: string[];

  @Column({ type: 'simple-json' })
  roles!: Role[];

  @Column({ name: 'softphone_identity', type: 'varchar', length: 64 })
  softphoneIdentity!: string;

  @Column({ name: 'answer_by', type: 'varchar', length: 16 })
  answerBy!: AnswerChannel;

  @Column({ type: 'boolean' })
  active!: boolean;

  @ManyToMany(() => Hotline)
  @JoinTable({
    name: 'volunteer_hotline',
    joinColumn: { name: 'volunteer_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'hotline_id', referencedColumnName: 'id' },
  })
  hotlines!: Hotline[];

  /** Hash of the private calendar-feed token (the token itself is shown once, never stored). */
  @Column({
    name: 'calendar_feed_token_hash',
    type: 'varchar',
    length: 64,
    nullable: true,
    select: false,
  })
  calendarFeedTokenHash!: string | null;

  /**
   * Stamped in every access token; moving it on (sign-out, a password change or reset, a
   * deactivation) ends every token issued before, at once and on every instance.
   */
  @Column({ name: 'session_version', type: 'int', default: 0, select: false })
  sessionVersion!: number;

  /**
   * The person's TOTP secret (base32), encrypted with FieldCipher; kept from enrolment on, and
   * only used for signing in once `twoFactorEnabledAt` is set (the first code confirmed it).
   */
  @Column({ name: 'two_factor_secret_encrypted', type: 'text', nullable: true, select: false })
  twoFactorSecretEncrypted!: string | null;

  /** When the person confirmed two-factor sign-in; null: not enrolled (a code is not asked). */
  @Column({ name: 'two_factor_enabled_at', ...DATETIME, nullable: true })
  twoFactorEnabledAt!: Date | null;

  /** The last time step whose code was accepted: that code, and older ones, are refused. */
  @Column({ name: 'two_factor_last_step', type: 'int', nullable: true, select: false })
  twoFactorLastStep!: number | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;

  @Column({ name: 'deactivated_at', ...DATETIME, nullable: true })
  deactivatedAt!: Date | null;

  /** Roles held at units of the organisation (not a column: read with the person, see UnitReach). */
  unitGrants?: { unitId: string; role: Role }[];

  /** Hotlines the unit roles reach: every hotline below those units (not a column). */
  reachedHotlineIds?: string[];

  /** A role of the person's own or one held at a unit. */
  hasRole(...roles: Role[]): boolean {
    return roles.some(
      (role) =>
        this.roles.includes(role) || (this.unitGrants ?? []).some((grant) => grant.role === role),
    );
  }

  /**
   * Admins act on every hotline, everyone else on their own and those below the units where
   * they hold a role (`hotlines` must be loaded).
   */
  worksFor(hotlineId: string): boolean {
    return this.hasRole('admin') || this.hotlineIds().includes(hotlineId);
  }

  /** The hotlines of the person's memberships, then those their unit roles reach. */
  hotlineIds(): string[] {
    return [
      ...new Set([
        ...this.hotlines.map((hotline) => hotline.id),
        ...(this.reachedHotlineIds ?? []),
      ]),
    ];
  }
}

/**
 * The acting "person" for changes the system makes itself (the demo seed): an admin with the
 * nil id, so the audit trail shows such changes as the system's.
 */
export const SYSTEM_ACTOR: Volunteer = Object.assign(new Volunteer(), {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'System',
  roles: ['admin'],
  hotlines: [],
});
