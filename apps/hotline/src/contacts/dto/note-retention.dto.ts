import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export const RETENTION_DAYS = { min: 30, max: 3650 } as const;

export class NoteRetentionDto {
  @ApiProperty({
    minimum: RETENTION_DAYS.min,
    maximum: RETENTION_DAYS.max,
    example: 365,
    description: 'Days after a consultation that its confidential notes are kept',
  })
  @Type(() => Number)
  @IsInt({ message: 'noteRetentionDays must be a whole number of days' })
  @Min(RETENTION_DAYS.min, { message: `noteRetentionDays must be at least ${RETENTION_DAYS.min}` })
  @Max(RETENTION_DAYS.max, {
    message: `noteRetentionDays must be at most ${RETENTION_DAYS.max} (ten years)`,
  })
  noteRetentionDays!: number;
}
