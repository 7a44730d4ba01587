import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ContactAccess } from '../contacts/contact-access';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { hotlineFor } from '../hotlines/hotline-scope';
import { namesOf } from '../volunteers/names-of';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ContactReview } from './contact-review.entity';
import { MyReviewsQuery, ReviewPage, ReviewQueueQuery, ReviewSummary } from './dto/review.dto';
import { ReviewStatus, TO_REVIEW } from './review-steps';

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
    const zone = (await this.directory.hotline(hotlineId)).timeZone;
    const filtered = (statuses: readonly ReviewStatus[] | null) => {
      const builder = this.reviews
        .createQueryBuilder('r')
        .select(['r.id', 'r.occurredAt'])
        .where('r.hotlineId = :hotlineId', { hotlineId })
        .andWhere('r.volunteerId <> :me', { me: actor.id });
      if (statuses) builder.andWhere('r.status IN (:...statuses)', { statuses });
      if (query.reason) builder.andWhere('r.reason = :reason', { reason: query.reason });
      if (query.volunteerId)
        builder.andWhere('r.volunteerId = :volunteerId', { volunteerId: query.volunteerId });
      if (query.from)
        builder.andWhere('r.occurredAt >= :from', {
          from: DateTime.fromISO(query.from, { zone }).startOf('day').toJSDate(),
        });
      if (query.to)
        builder.andWhere('r.occurredAt < :to', {
          to: DateTime.fromISO(query.to, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
        });
      return builder;
    };
    const statuses =
      query.status === 'to_review' ? TO_REVIEW : query.status ? [query.status] : null;
    // Each status read on its own index range: a database asked for several at once in time
    // order walks the whole queue in time order, done reviews and all.
    const parts = statuses ? statuses.map((status) => filtered([status])) : [filtered(null)];
    const page = await this.page(parts, filtered(statuses), query, {
      key: 'occurredAt',
      direction: query.status === 'to_review' ? 'ASC' : 'DESC',
    });
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
    // A supervisor's first entry sets both times; the index on the last one gives the order.
    const builder = this.reviews
      .createQueryBuilder('r')
      .select(['r.id', 'r.lastEntryAt'])
      .where('r.volunteerId = :me', { me: actor.id })
      .andWhere('r.lastEntryAt IS NOT NULL')
      .andWhere('r.feedbackAt IS NOT NULL');
    const page = await this.page([builder], builder, query, {
      key: 'lastEntryAt',
      direction: 'DESC',
    });
    await this.audit.record({
      actorId: actor.id,
      action: 'contact_review.feedback.read',
      subjectType: 'volunteer',
      subjectId: actor.id,
    });
    return page;
  }

  /**
   * A page of reviews in `order`, from one or more parts that together are the list (read
   * apart, each in the order of its index, and merged), with the number in all. Only the
   * page's reviews are then read whole, with the anonymous fields of their records.
   */
  private async page(
    parts: SelectQueryBuilder<ContactReview>[],
    all: SelectQueryBuilder<ContactReview>,
    { limit, offset }: { limit: number; offset: number },
    { key, direction }: { key: 'occurredAt' | 'lastEntryAt'; direction: 'ASC' | 'DESC' },
  ): Promise<ReviewPage> {
    // One direction for both keys, so the index gives the order (no sort of the whole list).
    const ordered = (part: SelectQueryBuilder<ContactReview>) =>
      part.orderBy(`r.${key}`, direction).addOrderBy('r.id', direction);
    const [heads, total] = await Promise.all([
      parts.length === 1
        ? ordered(parts[0]).offset(offset).limit(limit).getMany()
        : Promise.all(
            parts.map((part) =>
              ordered(part)
                .limit(offset + limit)
                .getMany(),
            ),
          ).then((found) =>
            found
              .flat()
              .sort(inOrder(key, direction))
              .slice(offset, offset + limit),
          ),
      all.getCount(),
    ]);
    const found = heads.length
      ? await this.reviews.find({
          where: { id: In(heads.map((head) => head.id)) },
          relations: { contact: true },
        })
      : [];
    const byId = new Map(found.map((review) => [review.id, review]));
    const names = await namesOf(
      this.people,
      found.map((review) => review.volunteerId),
    );
    return {
      total,
      offset,
      items: heads.flatMap((head) => {
        const review = byId.get(head.id);
        return review ? [reviewSummary(review, names.get(review.volunteerId) ?? null)] : [];
      }),
    };
  }
}

/** The order of a list: by its key, then by id, both in the one direction. */
const inOrder =
  (key: 'occurredAt' | 'lastEntryAt', direction: 'ASC' | 'DESC') =>
  (a: ContactReview, b: ContactReview): number => {
    const sign = direction === 'ASC' ? 1 : -1;
    const byKey = (a[key]?.getTime() ?? 0) - (b[key]?.getTime() ?? 0);
    return sign * (byKey !== 0 ? byKey : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };

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
