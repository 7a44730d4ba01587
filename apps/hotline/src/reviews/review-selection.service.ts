import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { CRISIS_RISK_LEVELS } from '../contacts/contact-fields';
import { Contact } from '../contacts/contact.entity';
import { isUniqueViolation } from '../database/errors';
import { HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { HotlinesService } from '../hotlines/hotlines.service';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ContactReview } from './contact-review.entity';
import {
  REVIEW_REASONS,
  ReviewReason,
  inSample,
  newReviewState,
  selectionReason,
} from './review-steps';

/**
 * Which consultations supervision reviews: every high-risk one, every one of a trainee, and a
 * sample of the rest (the hotline's share), chosen when the record is written. The sample is
 * decided by a keyed hash of the contact's id, so it is the same every time it is asked, and
 * nobody can tell in advance which records will be read.
 */
@Injectable()
export class ReviewSelection implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ReviewSelection');
  private subscription?: Subscription;

  constructor(
    @InjectRepository(ContactReview) private readonly reviews: Repository<ContactReview>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly directory: HotlineDirectory,
    private readonly hotlines: HotlinesService,
    private readonly cipher: FieldCipher,
    private readonly events: HotlineEvents,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.on(
      'contact.recorded',
      (event) => this.consider(event.contactId),
      this.logger,
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /**
   * Takes a written record into the queue if a rule selects it; a record already there keeps
   * its review, and its reason grows stronger if a correction made it high-risk. Returns the
   * reason it is in the queue, if it is.
   */
  async consider(contactId: string): Promise<ReviewReason | null> {
    const contact = await this.contacts.findOne({
      where: { id: contactId },
      relations: { volunteer: true },
    });
    // Silent, prank and other non-counselling contacts hold no consultation to supervise.
    if (!contact?.primaryTopic || contact.contactType !== 'counselling') return null;
    const { reviewSamplePercent } = await this.directory.hotline(contact.hotlineId);
    const reason = selectionReason({
      highRisk: contact.riskLevel !== null && CRISIS_RISK_LEVELS.includes(contact.riskLevel),
      trainee: contact.volunteer?.expertKind === 'trainee',
      sampled: this.sampled(contact.id, reviewSamplePercent),
    });
    const existing = await this.reviews.findOneBy({ contactId });
    if (existing) {
      if (reason && REVIEW_REASONS.indexOf(reason) < REVIEW_REASONS.indexOf(existing.reason)) {
        await this.reviews.update(existing.id, { reason, updatedAt: this.now() });
        return reason;
      }
      return existing.reason;
    }
    if (!reason) return null;
    try {
      await this.reviews.insert({
        ...newReviewState(),
        id: randomUUID(),
        hotlineId: contact.hotlineId,
        contactId,
        volunteerId: contact.volunteerId,
        reason,
        occurredAt: contact.occurredAt,
        selectedAt: this.now(),
        reviewedBy: null,
        lastEntryAt: null,
        entryCount: 0,
        textsClearedAt: null,
        updatedAt: this.now(),
      });
    } catch (error) {
      // The wrap-up and the end of the call wrote the record at once: one review either way.
      if (!isUniqueViolation(error)) throw error;
    }
    return reason;
  }

  /** Whether the sample takes this contact at this share. */
  sampled(contactId: string, percent: number): boolean {
    return inSample(this.cipher.keyedHash(`contact-review:${contactId}`), percent);
  }

  async samplePercent(actor: Volunteer, hotlineId: string): Promise<number> {
    return (await this.hotlines.get(actor, hotlineId)).reviewSamplePercent;
  }

  /** Changes the share for records written from now on; those already chosen stay. */
  async setSamplePercent(actor: Volunteer, hotlineId: string, percent: number): Promise<number> {
    await this.hotlines.get(actor, hotlineId);
    const saved = await this.hotlines.setReviewSamplePercent(hotlineId, percent);
    await this.audit.record({
      actorId: actor.id,
      action: 'hotline.review_sample.changed',
      subjectType: 'hotline',
      subjectId: hotlineId,
      hotlineId,
    });
    return saved.reviewSamplePercent;
  }

  private now(): Date {
    return this.clock.now().toJSDate();
  }
}
