import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { ChosenPresence, VolunteerState } from '@hotline/routing';
import type { Priority, RingingOffer } from '@hotline/console-protocol';

const PRESENCES = ['available', 'break', 'offline'] as const;
const STATES = [
  'offline',
  'available',
  'offered',
  'talking',
  'wrap_up',
  'break',
  'missed',
] as const;

export class PresenceDto {
  @ApiProperty({ enum: PRESENCES })
  @IsIn(PRESENCES, { message: `state must be one of ${PRESENCES.join(', ')}` })
  state!: ChosenPresence;

  @ApiPropertyOptional({ description: 'The hotline to be on duty for; default your first hotline' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;
}

export class PresenceView {
  @ApiProperty() hotlineId!: string;
  @ApiProperty({ enum: STATES }) state!: VolunteerState;
  @ApiProperty() since!: string;
  @ApiPropertyOptional() callId?: string;
}

export class HotlineQuery {
  @ApiPropertyOptional({ description: 'Default: your first hotline' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;
}

export class OfferView implements RingingOffer {
  @ApiProperty() offerId!: string;
  @ApiProperty() callId!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ enum: ['pupil', 'parent', 'teacher', 'other'], nullable: true, type: String })
  callerType!: string | null;
  @ApiProperty({ nullable: true, type: String }) topic!: string | null;
  @ApiProperty({ enum: ['normal', 'crisis'] }) priority!: Priority;
  @ApiProperty({ description: 'Seconds the caller has waited' }) waitedSeconds!: number;
  @ApiProperty({
    description: 'Earlier contacts (consultations) with the same number on this hotline',
  })
  earlierContacts!: number;
  @ApiPropertyOptional({ enum: [true], description: 'A practice call: no caller on the line' })
  training?: true;
  @ApiPropertyOptional({
    type: [String],
    example: ['frequent_caller', 'at_risk'],
    description: "The caller's profile flags",
  })
  callerFlags?: string[];
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "The supervisors' confidential guidance on this caller (its reading is audited)",
  })
  guidance?: string | null;
  @ApiPropertyOptional({
    enum: ['chat'],
    description: 'A live chat offered like a call: callId and chatId are the chat id',
  })
  channel?: 'chat';
  @ApiPropertyOptional({ description: 'The live chat offered (channel chat)' })
  chatId?: string;
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], description: 'The language the writer chose' })
  language?: 'zh-CN' | 'en';
}

export class QueuedCallView {
  @ApiProperty() callId!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ enum: ['normal', 'crisis'] }) priority!: string;
  @ApiProperty({ enum: ['waiting', 'offered', 'connecting', 'talking'] }) phase!: string;
  @ApiProperty() waitingSeconds!: number;
  @ApiProperty({ nullable: true, type: String }) callerType!: string | null;
  @ApiPropertyOptional() volunteerId?: string;
}

export class DutyVolunteerView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATES }) state!: VolunteerState;
  @ApiProperty() secondsInState!: number;
  @ApiProperty({ type: [String] }) skills!: readonly string[];
  @ApiProperty() callsHandled!: number;
  @ApiPropertyOptional() callId?: string;
}

export class QueueView {
  @ApiProperty() hotlineId!: string;
  @ApiProperty() waiting!: number;
  @ApiProperty() longestWaitSeconds!: number;
  @ApiProperty({ type: [QueuedCallView] }) calls!: QueuedCallView[];
  @ApiProperty({ type: [DutyVolunteerView] }) volunteers!: DutyVolunteerView[];
}
