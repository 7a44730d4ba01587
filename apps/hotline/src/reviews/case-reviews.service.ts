import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { ContactAccess } from '../contacts/contact-access';
import { ContactReads } from '../contacts/contact-reads.service';
import { Transactions } from '../database/transactions';
import { namesOf } from '../volunteers/names-of';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ContactReview, ContactReviewEntry } from './contact-review.entity';
import { ReviewDetail } from './dto/review.dto';
import { reviewSummary } from './review-queue.service';
import { ReviewAction, ReviewPart, actionsFor, reviewStep } from './review-steps';

/**
 * One review as the people on it see it: the record with its notes, what was written on it,
 * and the steps each may take. A supervisor of the hotline comments, signs off or asks for
 * changes; the volunteer whose record it is reads the feedback and answers. Every read and
 * every step is audited; what is written is encrypted.
 */
@Injectable()
export class CaseReviews {
  constructor(
    @InjectRepository(ContactReview) private readonly reviews: Repository<ContactReview>,
    @InjectRepository(ContactReviewEntry) private readonly entries: Repository<ContactReviewEntry>,
    @InjectRepository(Volunteer) private readonly people: Repository<Volunteer>,
    private readonly contacts: ContactReads,
    private readonly transactions: Transactions,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async detail(actor: Volunteer, id: string): Promise<ReviewDetail> {
    const { review, part } = await this.reachable(actor, id);
    const contact = await this.contacts.get(actor, review.contactId);
    const entries = await this.entries.find({
      where: { reviewId: id },
      order: { position: 'ASC' },
    });
    const names = await namesOf(this.people, [
      review.volunteerId,
      ...entries.map((entry) => entry.authorId),
    ]);
    await this.record(actor, review, 'contact_review.read');
    return {
      ...reviewSummary(review, names.get(review.volunteerId) ?? null),
      contact,
      entries: entries.map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        at: entry.at.toISOString(),
        authorId: entry.authorId,
        authorName: names.get(entry.authorId) ?? null,
        text: this.cipher.decryptOptional(entry.textEncrypted),
      })),
      actions: actionsFor(review, part),
      textsClearedAt: review.textsClearedAt?.toISOString() ?? null,
    };
  }

  /**
   * Takes one step on the review and answers it as it is now. Two people stepping at once: the
   * second finds the review changed and is refused (409), rather than deciding on what they
   * did not see.
   */
  async act(
    actor: Volunteer,
    id: string,
    action: ReviewAction,
    text: string | undefined,
  ): Promise<ReviewDetail> {
    const { review, part } = await this.reachable(actor, id);
    const at = this.clock.now().toJSDate();
    const step = reviewStep(review, { action, part, at });
    if (!step.ok)
      throw step.about === 'part'
        ? new ForbiddenException(step.refusal)
        : new ConflictException(step.refusal);
    for (const effect of step.effects) {
      if (effect.type === 'write_entry') {
        const { status, feedbackAt, reviewedAt, signedOffAt } = step.state;
        await this.transactions.run(async (manager) => {
          const changed = await manager.update(
            ContactReview,
            { id, entryCount: review.entryCount },
            {
              status,
              feedbackAt,
              reviewedAt,
              signedOffAt,
              ...(reviewedAt && !review.reviewedAt ? { reviewedBy: actor.id } : {}),
              lastEntryAt: at,
              entryCount: review.entryCount + 1,
              updatedAt: at,
            },
          );
          if (!changed.affected)
            throw new ConflictException(
              'Someone else wrote on this review just now; read it again.',
            );
          await manager.insert(ContactReviewEntry, {
            id: randomUUID(),
            reviewId: id,
            position: review.entryCount + 1,
            authorId: actor.id,
            kind: effect.kind,
            at,
            textEncrypted: this.cipher.encryptOptional(text),
          });
        });
      } else await this.record(actor, review, effect.action);
    }
    return this.detail(actor, id);
  }

  /**
   * The review and how the person stands to it: its volunteer (once a supervisor has written
   * on it), or a supervisor of its hotline. Anyone else: 404, as if it did not exist.
   */
  private async reachable(
    actor: Volunteer,
    id: string,
  ): Promise<{ review: ContactReview; part: ReviewPart }> {
    const review = await this.reviews.findOne({ where: { id }, relations: { contact: true } });
    const part: ReviewPart | null = !review
      ? null
      : review.volunteerId === actor.id
        ? review.feedbackAt
          ? 'volunteer'
          : null
        : ContactAccess.supervises(actor, review.hotlineId)
          ? 'supervisor'
          : null;
    if (!review || !part) throw new NotFoundException(`No review ${id} that you may read.`);
    return { review, part };
  }

  private record(actor: Volunteer, review: ContactReview, action: string): Promise<void> {
    return this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'contact_review',
      subjectId: review.id,
      hotlineId: review.hotlineId,
    });
  }
}
