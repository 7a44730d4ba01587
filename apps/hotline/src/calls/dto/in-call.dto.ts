import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUUID, ValidateIf } from 'class-validator';
import { defaultTaxonomy } from '@hotline/taxonomy';
import type { CallParticipant, InCallMode, LiveCall, Priority } from '@hotline/console-protocol';

export const MONITOR_MODES = ['listen', 'whisper', 'barge'] as const;
export type MonitorMode = (typeof MONITOR_MODES)[number];

export class MonitorDto {
  @ApiProperty({
    enum: MONITOR_MODES,
    description:
      'listen: muted; whisper: heard by the volunteer only (coaching); barge: heard by both',
  })
  @IsIn(MONITOR_MODES, { message: `mode must be one of ${MONITOR_MODES.join(', ')}` })
  mode!: MonitorMode;
}

export class SwitchDto {
  @ApiProperty({ description: 'true to turn it on, false to turn it off' })
  @IsBoolean({ message: 'on must be true or false' })
  on!: boolean;
}

/** The queue's topics: the taxonomy's top level, as the phone menu and routing use them. */
const QUEUE_TOPICS = defaultTaxonomy().topics.map((topic) => topic.key);

export class TransferDto {
  @ApiProperty({
    enum: ['cold', 'warm'],
    description:
      "cold: back to the queue for `topic`, keeping the caller's priority and place; warm: the caller on hold, `volunteerId` is rung in to talk with you first (then complete or cancel)",
  })
  @IsIn(['cold', 'warm'], { message: 'kind must be cold or warm' })
  kind!: 'cold' | 'warm';

  @ApiPropertyOptional({
    enum: QUEUE_TOPICS,
    description: 'cold: a top-level topic key (GET /api/taxonomy)',
  })
  @ValidateIf((dto: TransferDto) => dto.kind === 'cold')
  @IsIn(QUEUE_TOPICS, { message: `topic must be one of ${QUEUE_TOPICS.join(', ')}` })
  topic?: string;

  @ApiPropertyOptional({
    description: 'warm: the colleague (an available volunteer or supervisor of the hotline)',
  })
  @ValidateIf((dto: TransferDto) => dto.kind === 'warm')
  @IsUUID('all', { message: 'volunteerId must be a volunteer id (a UUID)' })
  volunteerId?: string;
}

export class CallParticipantView implements CallParticipant {
  @ApiProperty() volunteerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['volunteer', 'supervisor'] }) role!: 'volunteer' | 'supervisor';
  @ApiProperty({
    enum: ['talk', 'listen', 'whisper', 'barge', 'consult'],
    description: 'consult: a colleague rung in by a warm transfer, talking with the volunteer',
  })
  mode!: InCallMode;
  @ApiPropertyOptional({ enum: [true] }) muted?: true;
  @ApiPropertyOptional({ enum: [true], description: 'The volunteer holds the caller' })
  holding?: true;
}

export class LiveCallView implements LiveCall {
  @ApiProperty() callId!: string;
  @ApiProperty({ description: 'When the volunteer joined the caller' }) answeredAt!: string;
  @ApiProperty({ nullable: true, type: String }) callerType!: string | null;
  @ApiProperty({ nullable: true, type: String }) topic!: string | null;
  @ApiProperty({ enum: ['normal', 'crisis'] }) priority!: Priority;
  @ApiProperty() earlierContacts!: number;
  @ApiPropertyOptional({
    type: [String],
    example: ['frequent_caller', 'at_risk'],
    description: "The caller's profile flags (the guidance was on the offer)",
  })
  callerFlags?: string[];
  @ApiProperty({ type: [CallParticipantView] }) participants!: CallParticipantView[];
  @ApiProperty() callerOnHold!: boolean;
  @ApiProperty({ nullable: true, type: String }) crisisCaseId!: string | null;
}

/** Someone the call's volunteer may transfer the caller to (warm): available on its hotline. */
export class ColleagueView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['volunteer', 'supervisor'] }) role!: 'volunteer' | 'supervisor';
}
