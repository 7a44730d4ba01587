import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  LOCAL_DATE,
  ListLimit,
  ListOffset,
  OptionalHotlineId,
  Trimmed,
} from '../../common/dto-fields';
import { CHANNELS, Channel, RISK_LEVELS, RiskLevel } from '../../contacts/contact-fields';
import { ContactView } from '../../contacts/dto/contact.dto';
import {
  REVIEW_ACTIONS,
  REVIEW_REASONS,
  REVIEW_STATUSES,
  ReviewAction,
  ReviewEntryKind,
  ReviewReason,
  ReviewStatus,
} from '../review-steps';

const REVIEW_TEXT_MAX = 4000;
/** `to_review`: what a supervisor has to do (no verdict yet, or the volunteer answered). */
export const QUEUE_STATUSES = ['to_review', ...REVIEW_STATUSES] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
const ENTRY_KINDS: ReviewEntryKind[] = ['comment', 'changes_requested', 'signed_off', 'answer'];

const oneOf = (name: string, values: readonly string[]) =>
  IsIn(values, { message: `${name} must be one of ${values.join(', ')}` });

const optionalDay =
  (name: string, example: string, description: string) => (target: object, key: string) => {
    ApiPropertyOptional({ example, description })(target, key);
    IsOptional()(target, key);
    Matches(LOCAL_DATE, { message: `${name} must be a date YYYY-MM-DD, like ${example}` })(
      target,
      key,
    );
  };

class Paging {
  @ListLimit()
  limit = 100;

  @ListOffset()
  offset = 0;
}

export class ReviewQueueQuery extends Paging {
  @OptionalHotlineId()
  hotlineId?: string;

  @ApiPropertyOptional({
    enum: QUEUE_STATUSES,
    description: 'to_review: no verdict yet, or answered by the volunteer (oldest first)',
  })
  @IsOptional()
  @oneOf('status', QUEUE_STATUSES)
  status?: QueueStatus;

  @ApiPropertyOptional({ enum: REVIEW_REASONS })
  @IsOptional()
  @oneOf('reason', REVIEW_REASONS)
  reason?: ReviewReason;

  @ApiPropertyOptional({ description: 'Only this volunteer’s consultations' })
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId?: string;

  @optionalDay('from', '2026-11-01', 'Consultations from this local day')
  from?: string;

  @optionalDay('to', '2026-11-30', 'Consultations up to this local day, included')
  to?: string;
}

export class MyReviewsQuery extends Paging {}

/** A piece of confidential text written on a review: required, trimmed, bounded. */
export class ReviewTextDto {
  @ApiProperty({ maxLength: REVIEW_TEXT_MAX, description: 'Confidential; encrypted' })
  @Trimmed()
  @IsString({ message: 'text must be text' })
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(REVIEW_TEXT_MAX, { message: `text must be at most ${REVIEW_TEXT_MAX} characters` })
  text!: string;
}

export class SignOffDto {
  @ApiPropertyOptional({ maxLength: REVIEW_TEXT_MAX, description: 'Confidential; encrypted' })
  @IsOptional()
  @Trimmed(true)
  @IsString({ message: 'text must be text' })
  @MaxLength(REVIEW_TEXT_MAX, { message: `text must be at most ${REVIEW_TEXT_MAX} characters` })
  text?: string;
}

export class ReviewSamplingDto {
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 10,
    description:
      'Percent of the consultations neither high-risk nor a trainee’s taken into the review queue',
  })
  @Type(() => Number)
  @IsInt({ message: 'samplePercent must be a whole number of percent' })
  @Min(0, { message: 'samplePercent must be at least 0' })
  @Max(100, { message: 'samplePercent must be at most 100' })
  samplePercent!: number;
}

export class ReviewSummary {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty() volunteerId!: string;
  @ApiProperty({ nullable: true, type: String }) volunteerName!: string | null;
  @ApiProperty({ enum: REVIEW_REASONS }) reason!: ReviewReason;
  @ApiProperty({ enum: REVIEW_STATUSES }) status!: ReviewStatus;
  @ApiProperty({ description: 'When the consultation took place' }) occurredAt!: string;
  @ApiProperty({ description: 'When it entered the queue' }) selectedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'First written on by a supervisor' })
  feedbackAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The first verdict' })
  reviewedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) signedOffAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastEntryAt!: string | null;
  @ApiProperty({ description: 'How many comments, verdicts and answers' }) entryCount!: number;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ nullable: true, type: String }) primaryTopic!: string | null;
  @ApiProperty({ nullable: true, enum: RISK_LEVELS }) riskLevel!: RiskLevel | null;
}

export class ReviewPage {
  @ApiProperty({ description: 'How many match, over every page' }) total!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [ReviewSummary] }) items!: ReviewSummary[];
}

export class ReviewEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ENTRY_KINDS }) kind!: ReviewEntryKind;
  @ApiProperty() at!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty({ nullable: true, type: String }) authorName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null for a sign-off without words, or once retention cleared it',
  })
  text!: string | null;
}

export class ReviewDetail extends ReviewSummary {
  @ApiProperty({ type: ContactView, description: 'The record, its notes included' })
  contact!: ContactView;
  @ApiProperty({ type: [ReviewEntryView], description: 'Oldest first' })
  entries!: ReviewEntryView[];
  @ApiProperty({ enum: REVIEW_ACTIONS, isArray: true, description: 'What you may do now' })
  actions!: ReviewAction[];
  @ApiProperty({ nullable: true, type: String }) textsClearedAt!: string | null;
}
