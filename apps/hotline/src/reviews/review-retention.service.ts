import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { Hotline } from '../hotlines/hotline.entity';
import { ContactReview, ContactReviewEntry } from './contact-review.entity';

/** How often the job runs (real time), as the retention of notes does. */
const RETENTION_EVERY_MS = 60 * 60_000;
/** Reviews cleared per statement, so one run never holds a long lock. */
const BATCH = 200;

/**
 * What supervisors and volunteers wrote about a consultation is as confidential as its notes,
 * and is kept as long: past the hotline's note retention, the texts are cleared. The review
 * itself (reason, status, times) stays for the statistics.
 */
@Injectable()
export class ReviewRetention implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ReviewRetention');
  private stop?: () => void;

  constructor(
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    @InjectRepository(ContactReview) private readonly reviews: Repository<ContactReview>,
    @InjectRepository(ContactReviewEntry) private readonly entries: Repository<ContactReviewEntry>,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob(
      'review retention',
      RETENTION_EVERY_MS,
      () => this.run(),
      this.logger,
    );
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  /** Clears the texts of reviews of consultations past retention; returns how many reviews. */
  async run(): Promise<number> {
    const now = this.clock.now();
    let cleared = 0;
    for (const hotline of await this.hotlines.find({
      select: { id: true, noteRetentionDays: true },
    })) {
      const cutoff = now.minus({ days: hotline.noteRetentionDays }).toJSDate();
      for (;;) {
        const due = await this.reviews.find({
          where: { hotlineId: hotline.id, occurredAt: LessThan(cutoff), textsClearedAt: IsNull() },
          select: { id: true },
          take: BATCH,
        });
        if (due.length === 0) break;
        const ids = due.map((review) => review.id);
        await this.entries.update({ reviewId: In(ids) }, { textEncrypted: null });
        await this.reviews.update({ id: In(ids) }, { textsClearedAt: now.toJSDate() });
        cleared += ids.length;
      }
    }
    if (cleared > 0) this.logger.log({ reviews: cleared }, 'review texts past retention cleared');
    return cleared;
  }
}
