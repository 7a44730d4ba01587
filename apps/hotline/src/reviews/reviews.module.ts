import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Contact } from '../contacts/contact.entity';
import { ContactsModule } from '../contacts/contacts.module';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CaseReviews } from './case-reviews.service';
import { ContactReview, ContactReviewEntry } from './contact-review.entity';
import { ReviewFigures } from './review-figures';
import { ReviewQueue } from './review-queue.service';
import { ReviewRetention } from './review-retention.service';
import { ReviewSamplingController } from './review-sampling.controller';
import { ReviewSelection } from './review-selection.service';
import { ReviewsController } from './reviews.controller';

/** Case review (supervision): the review queue, its feedback and answers, and its figures. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ContactReview, ContactReviewEntry, Contact, Hotline, Volunteer]),
    AuditModule,
    ContactsModule,
    HotlinesModule,
  ],
  controllers: [ReviewsController, ReviewSamplingController],
  providers: [ReviewSelection, ReviewQueue, CaseReviews, ReviewFigures, ReviewRetention],
  exports: [ReviewFigures],
})
export class ReviewsModule {}
