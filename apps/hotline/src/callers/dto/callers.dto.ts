import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Trimmed } from '../../common/dto-fields';
import { BLOCK_REASONS, BlockReason, CallerBlock } from '../caller-block.entity';
import { CALLER_FLAGS, CallerFlag } from '../caller-profile.entity';

export const GUIDANCE_MAX_LENGTH = 300;

export class BlockDto {
  @ApiProperty({ enum: BLOCK_REASONS })
  @IsIn(BLOCK_REASONS, { message: `reason must be one of ${BLOCK_REASONS.join(', ')}` })
  reason!: BlockReason;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    default: 30,
    description: 'Days until it lifts',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number of days' })
  @Min(1, { message: 'days must be 1 to 365' })
  @Max(365, { message: 'days must be 1 to 365' })
  days?: number;

  @ApiPropertyOptional({ description: 'Never lifts by itself (admins only)' })
  @IsOptional()
  @IsBoolean({ message: 'permanent must be true or false' })
  permanent?: boolean;
}

export class BlockView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty({ enum: BLOCK_REASONS }) reason!: BlockReason;
  @ApiProperty() blockedBy!: string;
  @ApiProperty() blockedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null: permanent' })
  expiresAt!: string | null;
  @ApiPropertyOptional({
    enum: ['device'],
    description: "A chat writer's device (from a live chat), not a caller's number",
  })
  subjectKind?: 'device';
}

export class BlockAndHangUpView extends BlockView {
  @ApiProperty({ description: 'Twilio ended the call (false: it had ended, or Twilio failed)' })
  hungUp!: boolean;
}

export const blockView = (block: CallerBlock): BlockView => ({
  id: block.id,
  hotlineId: block.hotlineId,
  reason: block.reason,
  blockedBy: block.blockedBy,
  blockedAt: block.blockedAt.toISOString(),
  expiresAt: block.expiresAt?.toISOString() ?? null,
  ...(block.subjectKind === 'device' ? { subjectKind: 'device' as const } : {}),
});

export class BlocksQuery {
  @ApiPropertyOptional({ description: 'Your first hotline when left out' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id (a UUID)' })
  hotlineId?: string;
}

export interface ProfileChanges {
  flags?: CallerFlag[];
  guidance?: string | null;
}

export class ProfileChangesDto implements ProfileChanges {
  @ApiPropertyOptional({
    enum: CALLER_FLAGS,
    isArray: true,
    description: 'frequent_caller is derived from the limit per number and never stored',
  })
  @IsOptional()
  @IsArray({ message: 'flags must be a list' })
  @ArrayMaxSize(CALLER_FLAGS.length)
  @IsIn(CALLER_FLAGS, { each: true, message: `flags must be of ${CALLER_FLAGS.join(', ')}` })
  flags?: CallerFlag[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: GUIDANCE_MAX_LENGTH,
    description:
      'Confidential, encrypted; shown to the volunteer a call of this caller is offered to',
  })
  @IsOptional()
  // An empty note clears it, as null does.
  @Trimmed()
  @IsString({ message: 'guidance must be text' })
  @MaxLength(GUIDANCE_MAX_LENGTH, {
    message: `guidance must be at most ${GUIDANCE_MAX_LENGTH} characters`,
  })
  guidance?: string | null;
}

export class TypeCount {
  @ApiProperty({ example: 'silent' }) type!: string;
  @ApiProperty() count!: number;
}

export class CallerProfileView {
  @ApiProperty({ description: 'Contact records of this caller on the hotline' }) contacts!: number;
  @ApiProperty({ type: [TypeCount] }) byType!: TypeCount[];
  @ApiProperty({ enum: CALLER_FLAGS, isArray: true }) flags!: CallerFlag[];
  @ApiProperty({ nullable: true, type: String }) guidance!: string | null;
  @ApiProperty({ nullable: true, type: BlockView }) block!: BlockView | null;
}
