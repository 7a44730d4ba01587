import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
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

export class CallParticipantView implements CallParticipant {
  @ApiProperty() volunteerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['volunteer', 'supervisor'] }) role!: 'volunteer' | 'supervisor';
  @ApiProperty({ enum: ['talk', 'listen', 'whisper', 'barge'] }) mode!: InCallMode;
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
  @ApiProperty({ type: [CallParticipantView] }) participants!: CallParticipantView[];
  @ApiProperty() callerOnHold!: boolean;
  @ApiProperty({ nullable: true, type: String }) crisisCaseId!: string | null;
}
