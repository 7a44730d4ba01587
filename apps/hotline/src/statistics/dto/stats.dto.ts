import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { LocalDate } from '../../common/dto-fields';

class StatsQueryBase {
  @ApiPropertyOptional({ description: 'Default: your first hotline' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 600,
    description: 'Answered within this many seconds counts towards the service level (default 20)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'serviceLevelSeconds must be a whole number of seconds' })
  @Min(1, { message: 'serviceLevelSeconds must be at least 1' })
  @Max(600, { message: 'serviceLevelSeconds must be at most 600' })
  serviceLevelSeconds?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Or send Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

export class MonthlyQuery extends StatsQueryBase {
  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM, like 2026-11' })
  month!: string;
}

export class YearlyQuery extends StatsQueryBase {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year, like 2026' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year!: number;
}

export class RangeQuery extends StatsQueryBase {
  @LocalDate('from', '2026-09-01', 'First local day, included')
  from!: string;

  @LocalDate('to', '2026-11-30', 'Last local day, included')
  to!: string;
}

class LabelView {
  @ApiProperty() 'zh-CN'!: string;
  @ApiProperty() en!: string;
}

export class ShareRow {
  @ApiProperty() key!: string;
  @ApiProperty({ type: LabelView }) label!: LabelView;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Percent, one decimal; a block adds up to 100.0' }) share!: number;
}

export class Block {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ShareRow] }) rows!: ShareRow[];
}

export class ConsultationFigures {
  @ApiProperty() total!: number;
  @ApiProperty() notCategorised!: number;
  @ApiProperty({ type: Block }) byChannel!: Block;
  @ApiProperty({ type: Block, description: 'Primary topic, top level' })
  byPrimaryTopicGroup!: Block;
  @ApiProperty({ type: Block, description: 'Primary topic as recorded (sub-topics)' })
  byPrimaryTopic!: Block;
  @ApiProperty({ type: Block, description: 'Every topic mentioned, top level; shares of mentions' })
  byAnyTopicGroup!: Block;
  @ApiProperty({ type: Block, description: 'Every topic mentioned; shares of mentions' })
  byAnyTopic!: Block;
  @ApiProperty({ type: Block }) byCallerType!: Block;
  @ApiProperty({ type: Block }) byAgeBand!: Block;
  @ApiProperty({ type: Block }) byGender!: Block;
  @ApiProperty({ type: Block }) byRisk!: Block;
  @ApiProperty({ type: Block }) byOutcome!: Block;
}

export class NonCounsellingFigures {
  @ApiProperty({
    description: 'Contacts marked silent, prank, wrong number, hung up, abusive or test',
  })
  total!: number;
  @ApiProperty({ type: Block }) byType!: Block;
  @ApiProperty({ type: () => [HourCount], description: 'By local hour of the contact' })
  byHour!: HourCount[];
}

export class CrisisFigures {
  @ApiProperty() opened!: number;
  @ApiProperty({ type: Block }) byTrigger!: Block;
  @ApiProperty() referred!: number;
  @ApiProperty() reportsOnTime!: number;
  @ApiProperty({ description: 'Filed after the 12 hours, or still missing past them' })
  reportsLate!: number;
  @ApiProperty({ description: 'Not filed, still within the 12 hours' }) reportsPending!: number;
}

export class SupervisionFigures {
  @ApiProperty({ description: 'Consultations of the period taken into the review queue' })
  selected!: number;
  @ApiProperty({ type: Block, description: 'Why: high risk, a trainee’s, sampled' })
  byReason!: Block;
  @ApiProperty({ description: 'Of those, given a verdict (signed off or changes asked for)' })
  reviewed!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Reviewed ÷ selected, percent with one decimal',
  })
  reviewedShare!: number | null;
  @ApiProperty() signedOff!: number;
  @ApiProperty({ description: 'Changes asked for and not answered yet' }) awaitingAnswer!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Median time from entering the queue to the first verdict',
  })
  medianSecondsToReview!: number | null;
}

export class HourCount {
  @ApiProperty({ example: '19' }) hour!: string;
  @ApiProperty() count!: number;
}

export class ServiceLevel {
  @ApiProperty() thresholdSeconds!: number;
  @ApiProperty() answeredInTime!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Percent of calls that left the queue',
  })
  percent!: number | null;
}

export class CallFigures {
  @ApiProperty({ description: 'Calls that joined the queue' }) offered!: number;
  @ApiProperty() answered!: number;
  @ApiProperty({ description: 'Hung up while waiting in the queue' }) abandoned!: number;
  @ApiProperty({ nullable: true, type: Number }) abandonmentRate!: number | null;
  @ApiProperty({ type: ServiceLevel }) serviceLevel!: ServiceLevel;
  @ApiProperty({ nullable: true, type: Number }) averageWaitSeconds!: number | null;
  @ApiProperty() longestWaitSeconds!: number;
  @ApiProperty({ nullable: true, type: Number }) averageTalkSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) averageWrapUpSeconds!: number | null;
  @ApiProperty() overflowed!: number;
  @ApiProperty() queueFull!: number;
  @ApiProperty() closedHours!: number;
  @ApiProperty({
    description:
      'Calls refused because their caller was blocked (also those who then pressed the danger key)',
  })
  blocked!: number;
  @ApiProperty({ description: 'Calls refused over the limit of calls per number' })
  overLimit!: number;
  @ApiProperty() callbackRequests!: number;
  @ApiProperty({ type: [HourCount], description: 'Calls by local hour of arrival' })
  byHour!: HourCount[];
}

/**
 * The call-back list: requests made in the period, those a call-back reached (the caller, not
 * a wrong number), those reached by the end of the evening they were due for, and the
 * consultations call-backs were (outbound phone contacts in the period).
 */
export class CallbackFigures {
  @ApiProperty({ description: 'Call-back requests and messages left in the period' })
  requests!: number;
  @ApiProperty({ description: 'Of those, reached by a call-back' }) reached!: number;
  @ApiProperty({
    description: 'Of those, reached by the end of the evening they were due for (its local date)',
  })
  reachedWithinOneEvening!: number;
  @ApiProperty({ description: 'Consultations that were call-backs (phone, outbound)' })
  consultations!: number;
}

/** Live chats (the online channel), counted as calls are, side by side with them. */
export class OnlineChatFigures {
  @ApiProperty({ description: 'Chats that joined the queue' }) offered!: number;
  @ApiProperty() answered!: number;
  @ApiProperty({ description: 'Writers who left (or went silent) while waiting' })
  abandoned!: number;
  @ApiProperty({ nullable: true, type: Number }) abandonmentRate!: number | null;
  @ApiProperty({
    type: ServiceLevel,
    description: 'Answered within the threshold ÷ chats that left the queue',
  })
  serviceLevel!: ServiceLevel;
  @ApiProperty({ nullable: true, type: Number }) averageWaitSeconds!: number | null;
  @ApiProperty() longestWaitSeconds!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'In conversation, over answered chats',
  })
  averageDurationSeconds!: number | null;
  @ApiProperty({ description: 'Still waiting when the hotline closed' }) closedHours!: number;
  @ApiProperty({ description: 'Refused at the door: the queue was full' }) queueFull!: number;
  @ApiProperty({ type: [HourCount], description: 'Chats by local hour of arrival' })
  byHour!: HourCount[];
}

export class VolunteerFigures {
  @ApiProperty() volunteerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() callsAnswered!: number;
  @ApiProperty({ description: 'Hours signed in and not offline, one decimal' })
  hoursOnDuty!: number;
  @ApiProperty({ description: 'Shifts of the period they signed up for and did not attend' })
  noShows!: number;
}

export class TrendMonth {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty() consultations!: number;
  @ApiProperty() offered!: number;
  @ApiProperty() answered!: number;
  @ApiProperty({ nullable: true, type: Number }) abandonmentRate!: number | null;
  @ApiProperty({ nullable: true, type: Number }) serviceLevel!: number | null;
}

export class Period {
  @ApiProperty({ enum: ['month', 'year', 'range'] }) kind!: 'month' | 'year' | 'range';
  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) to!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
}

export class StatsReport {
  @ApiProperty() hotlineId!: string;
  @ApiProperty({ type: Period }) period!: Period;
  @ApiProperty({
    type: ConsultationFigures,
    description: 'Counselling contacts only: non-counselling ones are counted apart',
  })
  consultations!: ConsultationFigures;
  @ApiProperty({ type: NonCounsellingFigures }) nonCounselling!: NonCounsellingFigures;
  @ApiProperty({ type: CrisisFigures }) crisis!: CrisisFigures;
  @ApiProperty({ type: CallFigures }) calls!: CallFigures;
  @ApiProperty({ type: CallbackFigures }) callbacks!: CallbackFigures;
  @ApiProperty({ type: OnlineChatFigures }) chats!: OnlineChatFigures;
  @ApiProperty({ type: [VolunteerFigures] }) volunteers!: VolunteerFigures[];
  @ApiProperty({ type: [TrendMonth], description: 'The 12 months ending with the period' })
  trend!: TrendMonth[];
  @ApiProperty({
    type: SupervisionFigures,
    description: 'Case review of the period’s consultations',
  })
  reviews!: SupervisionFigures;
}
