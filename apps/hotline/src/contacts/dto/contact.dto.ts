import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ListLimit, QueryFlag, Trimmed } from '../../common/dto-fields';
import { AreTopicKeys, IsTopicKey } from '../../taxonomy/is-topic-key';
import {
  AGE_BANDS,
  AgeBand,
  CALLER_TYPES,
  CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_TYPES,
  CallerType,
  Channel,
  ContactOutcome,
  ContactType,
  DIRECTIONS,
  Direction,
  GENDERS,
  GRADES,
  Gender,
  Grade,
  MAX_TOPICS,
  RISK_LEVELS,
  RiskLevel,
} from '../contact-fields';

const oneOf = (name: string, values: readonly string[]) =>
  IsIn(values, { message: `${name} must be one of ${values.join(', ')}` });

export const NOTES_MAX_LENGTH = 4000;

/** Topics, risk and outcome are asked of counselling contacts only. */
const counselling = (fields: { contactType?: ContactType }) =>
  (fields.contactType ?? 'counselling') === 'counselling';

/** What a volunteer records about a consultation; the same at wrap-up and for other channels. */
export class ContactFieldsDto {
  @ApiPropertyOptional({
    enum: CONTACT_TYPES,
    default: 'counselling',
    description:
      'A non-counselling contact (silent, prank, wrong number, hung up, abusive, test) needs no topic, risk or outcome, and is counted apart',
  })
  @IsOptional()
  @oneOf('contactType', CONTACT_TYPES)
  contactType?: ContactType;

  @ApiPropertyOptional({ enum: CALLER_TYPES })
  @IsOptional()
  @oneOf('callerType', CALLER_TYPES)
  callerType?: CallerType;

  @ApiPropertyOptional({ enum: AGE_BANDS, description: "The child's age band" })
  @IsOptional()
  @oneOf('ageBand', AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @oneOf('grade', GRADES)
  grade?: Grade;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @oneOf('gender', GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ example: '西湖区', maxLength: 40 })
  @IsOptional()
  @Trimmed(true)
  @IsString({ message: 'district must be text' })
  @MaxLength(40, { message: 'district must be at most 40 characters' })
  district?: string;

  @ApiProperty({
    example: 'emotional.anxiety_stress',
    description: 'A key from GET /api/taxonomy; for counselling contacts only',
  })
  @ValidateIf(counselling)
  @IsTopicKey()
  primaryTopic!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['learning.exam_stress'],
    description: `Up to ${MAX_TOPICS - 1} more topic keys`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_TOPICS - 1, {
    message: `otherTopics takes at most ${MAX_TOPICS - 1} keys (${MAX_TOPICS} topics in all)`,
  })
  @AreTopicKeys()
  otherTopics?: string[];

  @ApiProperty({ enum: RISK_LEVELS, description: 'For counselling contacts only' })
  @ValidateIf(counselling)
  @oneOf('riskLevel', RISK_LEVELS)
  riskLevel!: RiskLevel;

  @ApiProperty({ enum: CONTACT_OUTCOMES, description: 'For counselling contacts only' })
  @ValidateIf(counselling)
  @oneOf('outcome', CONTACT_OUTCOMES)
  outcome!: ContactOutcome;

  @ApiPropertyOptional({ maxLength: NOTES_MAX_LENGTH, description: 'Confidential; encrypted' })
  @IsOptional()
  @Trimmed(true)
  @IsString({ message: 'notes must be text' })
  @MaxLength(NOTES_MAX_LENGTH, { message: `notes must be at most ${NOTES_MAX_LENGTH} characters` })
  notes?: string;
}

/** A consultation that did not come by phone. */
export class CreateContactDto extends ContactFieldsDto {
  @ApiProperty({ enum: ['face_to_face', 'online'] })
  @IsIn(['face_to_face', 'online'], {
    message:
      'channel must be face_to_face or online (phone contacts are recorded at the wrap-up of the call)',
  })
  channel!: Exclude<Channel, 'phone'>;

  @ApiProperty({ example: '2026-11-23T19:30:00+08:00' })
  @IsISO8601(
    { strict: true },
    { message: 'occurredAt must be an ISO 8601 date and time, like 2026-11-23T19:30:00+08:00' },
  )
  occurredAt!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(600, { message: 'durationMinutes must be at most 600' })
  durationMinutes?: number;

  @ApiPropertyOptional({
    description: 'Who counselled, when a coordinator enters the record for them; default you',
  })
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId?: string;

  @ApiPropertyOptional({ description: 'Default: your first hotline' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;
}

/** Completes or corrects a record; only the fields given change. */
export class UpdateContactDto extends PartialType(ContactFieldsDto) {}

/**
 * The record as typed so far during the call: the fields of a change to a record, each checked
 * as it comes, replaced whole on each save.
 */
export class ContactDraftDto extends UpdateContactDto {}

export class ContactDraftView extends UpdateContactDto {
  @ApiProperty() callId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null when nothing was saved yet' })
  savedAt!: string | null;
}

export class ContactQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Occurred on or after (local date)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date like 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Occurred on or before (local date)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date like 2026-11-30' })
  to?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @oneOf('channel', CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({
    description: 'Any topic of the contact; a top-level key covers its sub-topics',
  })
  @IsOptional()
  @IsTopicKey()
  topic?: string;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @oneOf('risk', RISK_LEVELS)
  risk?: RiskLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;

  @QueryFlag('categorised', 'Only records not categorised yet (false) or only done ones (true)')
  categorised?: boolean;

  @ListLimit()
  limit = 100;
}

export class ContactView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: CONTACT_TYPES }) contactType!: ContactType;
  @ApiProperty({ nullable: true, type: String }) callId!: string | null;
  @ApiProperty({
    enum: DIRECTIONS,
    description: 'inbound: the caller rang; outbound: a call-back the hotline made',
  })
  direction!: Direction;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'A call-back: the request it answered',
  })
  callbackRequestId!: string | null;
  @ApiPropertyOptional({
    description:
      'The live chat this consultation was (channel online): GET /api/chats/{id}/transcript reads it (audited)',
  })
  chatId?: string;
  @ApiProperty() volunteerId!: string;
  @ApiProperty({ description: 'Who entered the record (differs when entered on behalf)' })
  recordedBy!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ nullable: true, type: Number }) durationMinutes!: number | null;
  @ApiProperty({ nullable: true, enum: CALLER_TYPES }) callerType!: CallerType | null;
  @ApiProperty({ nullable: true, enum: AGE_BANDS }) ageBand!: AgeBand | null;
  @ApiProperty({ nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ nullable: true, enum: GENDERS }) gender!: Gender | null;
  @ApiProperty({ nullable: true, type: String }) district!: string | null;
  @ApiProperty({ description: 'False until a primary topic is recorded' }) categorised!: boolean;
  @ApiProperty({ nullable: true, type: String }) primaryTopic!: string | null;
  @ApiProperty({ type: [String], description: 'Every topic, the primary first' })
  topics!: string[];
  @ApiProperty({ nullable: true, enum: RISK_LEVELS }) riskLevel!: RiskLevel | null;
  @ApiProperty({ nullable: true, enum: CONTACT_OUTCOMES }) outcome!: ContactOutcome | null;
  @ApiProperty() hasNotes!: boolean;
  @ApiProperty({ nullable: true, type: String }) notesClearedAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Only in a single record, to its volunteer and supervisors; each read is audited',
  })
  notes?: string | null;
  @ApiPropertyOptional({
    description: 'Earlier contacts from the same number (phone contacts; not for coordinators)',
  })
  earlierContacts?: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class WrapUpView {
  @ApiProperty({ type: ContactView }) contact!: ContactView;
  @ApiPropertyOptional({ description: 'The crisis case this contact opened or joined' })
  crisisCaseId?: string;
}
