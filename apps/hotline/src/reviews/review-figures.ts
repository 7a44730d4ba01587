import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, Repository } from 'typeorm';
import { ContactReview } from './contact-review.entity';
import type { ReviewReason } from './review-steps';

export interface ReviewCounts {
  /** Consultations of the period taken into the review queue, and why. */
  selected: number;
  byReason: Map<ReviewReason, number>;
  /** Of those, how many a supervisor has given a verdict on (signed off or asked for changes). */
  reviewed: number;
  signedOff: number;
  /** Changes asked for and not answered yet. */
  awaitingAnswer: number;
  /** From entering the queue to the first verdict, over those reviewed; null when none is. */
  medianSecondsToReview: number | null;
}

/**
 * Supervision's figures for a hotline and a period, by when the consultations took place: a
 * month's reviewed share rises as the supervisors catch up with it. Reviews are a share of
 * the consultations, so they are read directly.
 */
@Injectable()
export class ReviewFigures {
  constructor(
    @InjectRepository(ContactReview) private readonly reviews: Repository<ContactReview>,
  ) {}

  async counts(hotlineId: string, start: Date, end: Date): Promise<ReviewCounts> {
    const found = await this.reviews.find({
      where: { hotlineId, occurredAt: Between(start, new Date(end.getTime() - 1)) },
      select: { id: true, reason: true, status: true, selectedAt: true, reviewedAt: true },
    });
    const byReason = new Map<ReviewReason, number>();
    for (const review of found) byReason.set(review.reason, (byReason.get(review.reason) ?? 0) + 1);
    const waits = found
      .filter((review) => review.reviewedAt !== null)
      .map((review) => (review.reviewedAt!.getTime() - review.selectedAt.getTime()) / 1000);
    return {
      selected: found.length,
      byReason,
      reviewed: waits.length,
      signedOff: found.filter((review) => review.status === 'signed_off').length,
      awaitingAnswer: found.filter((review) => review.status === 'changes_requested').length,
      medianSecondsToReview: median(waits),
    };
  }
}

/** The middle value (the mean of the two middle ones for an even count), in whole seconds. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value);
}
