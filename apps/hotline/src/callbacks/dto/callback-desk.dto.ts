import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import {
  CALLBACK_ATTEMPT_STATUSES,
  CALLBACK_OUTCOMES,
  type CallbackAttemptLive,
  type CallbackAttemptStatus,
  type CallbackOutcome,
} from '@hotline/console-protocol';
import { LOCAL_DATE, ListLimit, OptionalHotlineId, QueryFlag } from '../../common/dto-fields';
import {
  CALLBACK_REASONS,
  CALLBACK_RESULTS,
  CALLBACK_SOURCES,
  type CallbackReason,
  type CallbackResult,
  type CallbackSource,
} from '../../calls/callback-request.entity';

export const CALLBACK_LIST_STATUSES = ['open', 'done', 'all'] as const;
export type CallbackListStatus = (typeof CALLBACK_LIST_STATUSES)[number];
export const CALLBACK_ASSIGNEES = ['anyone', 'me', 'nobody'] as const;

/** Filters and the page of the call-back list. */
export class CallbackListQuery {
  @OptionalHotlineId()
  hotlineId?: string;

  @ApiPropertyOptional({
    enum: CALLBACK_LIST_STATUSES,
    default: 'open',
    description: 'open: oldest first; done and all: newest first',
  })
  @IsOptional()
  @IsIn(CALLBACK_LIST_STATUSES, { message: 'status must be open, done or all' })
  status?: CallbackListStatus;

  @ApiPropertyOptional({
    enum: CALLBACK_ASSIGNEES,
    default: 'anyone',
    description: 'Whose call-backs; a volunteer only ever sees those assigned to them',
  })
  @IsOptional()
  @IsIn(CALLBACK_ASSIGNEES, { message: 'assignee must be anyone, me or nobody' })
  assignee?: (typeof CALLBACK_ASSIGNEES)[number];

  @QueryFlag('hasMessage', 'Only requests with (true) or without (false) a message')
  hasMessage?: boolean;

  @QueryFlag('overdue', 'Only open requests whose evening has passed')
  overdue?: boolean;

  @ApiPropertyOptional({ enum: CALLBACK_SOURCES })
  @IsOptional()
  @IsIn(CALLBACK_SOURCES, { message: `source must be one of ${CALLBACK_SOURCES.join(', ')}` })
  source?: CallbackSource;

  @ApiPropertyOptional({
    description: 'Requested on or after this local day',
    example: '2026-11-01',
  })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'from must be a date YYYY-MM-DD, like 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Requested on or before this local day',
    example: '2026-11-30',
  })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'to must be a date YYYY-MM-DD, like 2026-11-30' })
  to?: string;

  @ApiPropertyOptional({ description: 'From a page before: its `nextCursor`' })
  @IsOptional()
  @Matches(/^\d{1,15}_[0-9a-f-]{36}$/, { message: 'cursor must be a nextCursor the list gave' })
  cursor?: string;

  @ListLimit(100)
  limit?: number;
}

export class CallbackPersonView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class CallbackAssigneeView extends CallbackPersonView {
  @ApiProperty({ type: [String], example: ['volunteer'] }) roles!: string[];
}

/** One request on the list: no number (it never leaves the server), no message text. */
export class CallbackItemView {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'None for a chat page message' })
  callId!: string | null;
  @ApiProperty({ enum: CALLBACK_SOURCES }) source!: CallbackSource;
  @ApiProperty({ enum: CALLBACK_REASONS }) reason!: CallbackReason;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ description: 'The local date of the evening to call back on' }) forDate!: string;
  @ApiProperty({ description: 'Open, and its evening has passed' }) overdue!: boolean;
  @ApiProperty({
    description: 'The caller gave a number: a call-back can be made (the number is never shown)',
  })
  canCallBack!: boolean;
  @ApiProperty({
    description: 'The caller left a message: play it with GET /api/callback-requests/{id}/message',
  })
  hasMessage!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: "The message's length in seconds" })
  messageSeconds!: number | null;
  @ApiProperty({
    description:
      'A message written on the chat page: read it with GET /api/callback-requests/{id}/text',
  })
  hasText!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who wrote on the chat page (pupil, parent, teacher, other)',
  })
  callerType!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The topic chosen on the chat page' })
  topic!: string | null;
  @ApiProperty({ nullable: true, type: String }) messageLeftAt!: string | null;
  @ApiProperty({ nullable: true, type: CallbackPersonView }) assignedTo!: CallbackPersonView | null;
  @ApiProperty({ nullable: true, type: String }) assignedAt!: string | null;
  @ApiProperty({ description: 'Attempts that rang the caller' }) attemptCount!: number;
  @ApiProperty({ nullable: true, enum: CALLBACK_OUTCOMES }) lastOutcome!: CallbackOutcome | null;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A call-back under way' })
  activeAttemptId!: string | null;
  @ApiProperty({ nullable: true, type: String }) doneAt!: string | null;
  @ApiProperty({ nullable: true, enum: CALLBACK_RESULTS }) result!: CallbackResult | null;
  @ApiProperty({ nullable: true, type: String }) reachedAt!: string | null;
}

export class CallbackTextView {
  @ApiProperty() text!: string;
}

export class CallbackPageView {
  @ApiProperty({ type: [CallbackItemView] }) items!: CallbackItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'Ask again with ?cursor= for more' })
  nextCursor!: string | null;
  @ApiProperty({ description: 'Requests matching the filters, on every page' }) total!: number;
}

export class CallbackAssignmentDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'A volunteer or supervisor of the request’s hotline; null: nobody',
  })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'volunteerId must be a volunteer id, or null' })
  volunteerId!: string | null;
}

export class CallbackAttemptView implements CallbackAttemptLive {
  @ApiProperty() attemptId!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty({ type: CallbackPersonView }) volunteer!: CallbackPersonView;
  @ApiProperty({ enum: CALLBACK_ATTEMPT_STATUSES }) status!: CallbackAttemptStatus;
  @ApiProperty({ nullable: true, enum: CALLBACK_OUTCOMES }) outcome!: CallbackOutcome | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'A person (not a voicemail) answered' })
  answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) talkSeconds!: number | null;
}
