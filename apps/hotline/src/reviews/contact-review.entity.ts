import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Contact } from '../contacts/contact.entity';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';
import type { ReviewEntryKind, ReviewReason, ReviewState, ReviewStatus } from './review-steps';

/**
 * A consultation in supervision's review queue: why it was taken, where its review stands,
 * and the times the statistics measure. What was written on it is in `contact_review_entry`.
 */
@Entity({ name: 'contact_review' })
@Index('uq_contact_review_contact_id', ['contactId'], { unique: true })
@Index('idx_contact_review_hotline_id_occurred_at', ['hotlineId', 'occurredAt'])
@Index('idx_contact_review_hotline_id_status_occurred_at', ['hotlineId', 'status', 'occurredAt'])
@Index('idx_contact_review_volunteer_id_last_entry_at', ['volunteerId', 'lastEntryAt'])
export class ContactReview extends HotlineRecord implements ReviewState {
  @Column({ name: 'contact_id', ...REFERENCE })
  contactId!: string;

  @ManyToOne(() => Contact, RESTRICT)
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact;

  /** Whose consultation it is: they read the feedback and answer it. */
  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @Column({ type: 'varchar', length: 16 })
  reason!: ReviewReason;

  @Column({ type: 'varchar', length: 24 })
  status!: ReviewStatus;

  /** When the consultation took place (the period the statistics count it in). */
  @Column({ name: 'occurred_at', ...DATETIME })
  occurredAt!: Date;

  /** When it entered the queue: the time to review starts here. */
  @Column({ name: 'selected_at', ...DATETIME })
  selectedAt!: Date;

  @Column({ name: 'feedback_at', ...DATETIME, nullable: true })
  feedbackAt!: Date | null;

  @Column({ name: 'reviewed_at', ...DATETIME, nullable: true })
  reviewedAt!: Date | null;

  /** Who gave the first verdict. */
  @Column({ name: 'reviewed_by', ...REFERENCE, nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'signed_off_at', ...DATETIME, nullable: true })
  signedOffAt!: Date | null;

  @Column({ name: 'last_entry_at', ...DATETIME, nullable: true })
  lastEntryAt!: Date | null;

  /** How many entries it has; the next one is numbered after them. */
  @Column({ name: 'entry_count', type: 'int', default: 0 })
  entryCount!: number;

  /** When retention cleared what was written on it. */
  @Column({ name: 'texts_cleared_at', ...DATETIME, nullable: true })
  textsClearedAt!: Date | null;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/** One thing written on a review: a supervisor's comment or verdict, or the volunteer's answer. */
@Entity({ name: 'contact_review_entry' })
@Index('uq_contact_review_entry_review_id_position', ['reviewId', 'position'], { unique: true })
export class ContactReviewEntry {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ name: 'review_id', ...REFERENCE })
  reviewId!: string;

  @ManyToOne(() => ContactReview, RESTRICT)
  @JoinColumn({ name: 'review_id' })
  review?: ContactReview;

  /** Its place in the review's thread (1, 2, ...): several may share a moment. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'author_id', ...REFERENCE })
  authorId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ReviewEntryKind;

  @Column({ ...DATETIME })
  at!: Date;

  /** Confidential, encrypted; null for a sign-off without words, or once retention cleared it. */
  @Column({ name: 'text_encrypted', type: 'text', nullable: true })
  textEncrypted!: string | null;
}
