import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ContactAccess } from '../contacts/contact-access';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { hotlineFor } from '../hotlines/hotline-scope';
import { namesOf } from '../volunteers/names-of';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ContactReview } from './contact-review.entity';
import { MyReviewsQuery, ReviewPage, ReviewQueueQuery, ReviewSummary } from './dto/review.dto';
import { TO_REVIEW } from './review-steps';

/**
 * The lists of reviews: the supervisors' queue of a hotline, and each volunteer's feedback on
 * their own records. Lists carry no written text; each read is audited all the same, since
 * who was reviewed and why is itself about a child's consultation.
 */
@Injectable()
export class ReviewQueue {
  constructor(
    @InjectRepository(ContactReview) private readonly reviews: Repository<ContactReview>,
    @InjectRepository(Volunteer) private readonly people: Repository<Volunteer>,
    private readonly directory: HotlineDirectory,
    private readonly audit: AuditService,
  ) {}

  /**
   * A page of the hotline's queue, without the supervisor's own consultations (another
   * supervisor reviews those). What is to review comes oldest first; the rest newest first.
   */
  async queue(actor: Volunteer, query: ReviewQueueQuery): Promise<ReviewPage> {
    const hotlineId = hotlineFor(actor, query.hotlineId);
    if (!ContactAccess.supervises(actor, hotlineId)) return { total: 0, offset: 0, items: [] };
    const builder = this.withContact()
      .where('r.hotlineId = :hotlineId', { hotlineId })
      .andWhere('r.volunteerId <> :me', { me: actor.id });
    if (query.status === 'to_review')
      builder.andWhere('r.status IN (:...waiting)', { waiting: TO_REVIEW });
    else if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.reason) builder.andWhere('r.reason = :reason', { reason: query.reason });
    if (query.volunteerId)
      builder.andWhere('r.volunteerId = :volunteerId', { volunteerId: query.volunteerId });
    const zone = (await this.directory.hotline(hotlineId)).timeZone;
    if (query.from)
      builder.andWhere('r.occurredAt >= :from', {
        from: DateTime.fromISO(query.from, { zone }).startOf('day').toJSDate(),
      });
    if (query.to)
      builder.andWhere('r.occurredAt < :to', {
        to: DateTime.fromISO(query.to, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
      });
    const direction = query.status === 'to_review' ? 'ASC' : 'DESC';
    builder.orderBy('r.occurredAt', direction).addOrderBy('r.id', 'ASC');
    const page = await this.page(builder, query);
    await this.audit.record({
      actorId: actor.id,
      action: 'contact_review.queue.read',
      subjectType: 'hotline',
      subjectId: hotlineId,
      hotlineId,
    });
    return page;
  }

  /** The person's own records that a supervisor has written on, latest news first. */
  async mine(actor: Volunteer, query: MyReviewsQuery): Promise<ReviewPage> {
    const builder = this.withContact()
      .where('r.volunteerId = :me', { me: actor.id })
      .andWhere('r.feedbackAt IS NOT NULL')
      .orderBy('r.lastEntryAt', 'DESC')
      .addOrderBy('r.id', 'ASC');
    const page = await this.page(builder, query);
    await this.audit.record({
      actorId: actor.id,
      action: 'contact_review.feedback.read',
      subjectType: 'volunteer',
      subjectId: actor.id,
    });
    return page;
  }

  private withContact(): SelectQueryBuilder<ContactReview> {
    return this.reviews
      .createQueryBuilder('r')
      .innerJoin('r.contact', 'c')
      .addSelect(['c.id', 'c.channel', 'c.primaryTopic', 'c.riskLevel']);
  }

  private async page(
    builder: SelectQueryBuilder<ContactReview>,
    { limit, offset }: { limit: number; offset: number },
  ): Promise<ReviewPage> {
    // Many-to-one joins only, so offset and limit count reviews, not joined rows.
    const [found, total] = await Promise.all([
      builder.clone().offset(offset).limit(limit).getMany(),
      builder.getCount(),
    ]);
    const names = await namesOf(
      this.people,
      found.map((review) => review.volunteerId),
    );
    return {
      total,
      offset,
      items: found.map((review) => reviewSummary(review, names.get(review.volunteerId) ?? null)),
    };
  }
}

/** A review as lists show it: its state and the anonymous fields of its record. */
export function reviewSummary(review: ContactReview, volunteerName: string | null): ReviewSummary {
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    id: review.id,
    hotlineId: review.hotlineId,
    contactId: review.contactId,
    volunteerId: review.volunteerId,
    volunteerName,
    reason: review.reason,
    status: review.status,
    occurredAt: review.occurredAt.toISOString(),
    selectedAt: review.selectedAt.toISOString(),
    feedbackAt: iso(review.feedbackAt),
    reviewedAt: iso(review.reviewedAt),
    signedOffAt: iso(review.signedOffAt),
    lastEntryAt: iso(review.lastEntryAt),
    entryCount: review.entryCount,
    channel: review.contact!.channel,
    primaryTopic: review.contact!.primaryTopic,
    riskLevel: review.contact!.riskLevel,
  };
}
