import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';
import { Volunteer } from '../volunteers/volunteer.entity';
import type {
  AgeBand,
  CallerType,
  Channel,
  ContactOutcome,
  ContactType,
  Direction,
  Gender,
  Grade,
  RiskLevel,
} from './contact-fields';

/**
 * One consultation, whatever its channel. A phone call gets its record when it is answered
 * (not yet categorised) and the volunteer completes it at wrap-up; face-to-face and online
 * consultations are entered whole. Only the notes are confidential; every other field is
 * what statistics count.
 */
@Entity({ name: 'contact' })
@Index('uq_contact_call_id', ['callId'], { unique: true })
@Index('uq_contact_chat_id', ['chatId'], { unique: true })
@Index('idx_contact_hotline_id_occurred_at', ['hotlineId', 'occurredAt'])
@Index('idx_contact_volunteer_id_occurred_at', ['volunteerId', 'occurredAt'])
@Index('idx_contact_hotline_id_caller_hash', ['hotlineId', 'callerHash'])
@Index('uq_contact_callback_request_id', ['callbackRequestId'], { unique: true })
export class Contact extends HotlineRecord {
  @Column({ type: 'varchar', length: 16 })
  channel!: Channel;

  /** Counselling, or a non-counselling contact (silent, prank, ...) counted apart. */
  @Column({ name: 'contact_type', type: 'varchar', length: 16, default: 'counselling' })
  contactType!: ContactType;

  /** The phone call this consultation was; null for face-to-face and online ones. */
  @Column({ name: 'call_id', ...REFERENCE, nullable: true })
  callId!: string | null;

  /** Inbound (the caller rang), or outbound: a call-back the hotline made. */
  @Column({ type: 'varchar', length: 8, default: 'inbound' })
  direction!: Direction;

  /** The call-back request an outbound call answered (its phone leg is not a `phone_call`). */
  @Column({ name: 'callback_request_id', ...REFERENCE, nullable: true })
  callbackRequestId!: string | null;
  /** The live chat this consultation was (channel online): its transcript is attached. */
  @Column({ name: 'chat_id', ...REFERENCE, nullable: true })
  chatId!: string | null;

  /** Who counselled. */
  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @ManyToOne(() => Volunteer, RESTRICT)
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  /** Who wrote the record: a coordinator may enter one on a volunteer's behalf. */
  @Column({ name: 'recorded_by', ...REFERENCE })
  recordedBy!: string;

  @Column({ name: 'occurred_at', ...DATETIME })
  occurredAt!: Date;

  @Column({ name: 'duration_minutes', type: 'int', nullable: true })
  durationMinutes!: number | null;

  @Column({ name: 'caller_type', type: 'varchar', length: 16, nullable: true })
  callerType!: CallerType | null;

  @Column({ name: 'age_band', type: 'varchar', length: 16, nullable: true })
  ageBand!: AgeBand | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  grade!: Grade | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender!: Gender | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  district!: string | null;

  /** Null while the record is not categorised (wrap-up ran out before it was written). */
  @Column({ name: 'primary_topic', type: 'varchar', length: 64, nullable: true })
  primaryTopic!: string | null;

  @Column({ name: 'risk_level', type: 'varchar', length: 16, nullable: true })
  riskLevel!: RiskLevel | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: ContactOutcome | null;

  @Column({ name: 'notes_encrypted', type: 'text', nullable: true })
  notesEncrypted!: string | null;

  /** When the retention job removed the notes. */
  @Column({ name: 'notes_cleared_at', ...DATETIME, nullable: true })
  notesClearedAt!: Date | null;

  /** Seconds from the end of the call to the record, when written during wrap-up. */
  @Column({ name: 'wrap_up_seconds', type: 'int', nullable: true })
  wrapUpSeconds!: number | null;

  /** Keyed hash of the caller's number: recognises a repeat caller without the number. */
  @Column({ name: 'caller_hash', type: 'varchar', length: 64, nullable: true })
  callerHash!: string | null;

  @OneToMany(() => ContactTopic, (topic) => topic.contact, { cascade: ['insert'] })
  topics?: ContactTopic[];

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/** A topic of a contact: one row each, so statistics and filters can count "any topic". */
@Entity({ name: 'contact_topic' })
@Index('idx_contact_topic_topic_key', ['topicKey'])
export class ContactTopic {
  @PrimaryColumn({ name: 'contact_id', ...REFERENCE })
  contactId!: string;

  @PrimaryColumn({ name: 'topic_key', type: 'varchar', length: 64 })
  topicKey!: string;

  @Column({ name: 'is_primary', type: 'boolean' })
  isPrimary!: boolean;

  @ManyToOne(() => Contact, (contact) => contact.topics, RESTRICT)
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact;
}
