import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  LOCAL_DATE,
  WALL_CLOCK_TIME,
  Trimmed,
  LocalDate,
  OptionalHotlineId,
} from '../../common/dto-fields';
import { SLOTS, Slot } from '../shift.entity';

const headcount = (name: string) => (target: object, key: string) => {
  ApiProperty({ minimum: 0, maximum: 50 })(target, key);
  Type(() => Number)(target, key);
  IsInt({ message: `${name} must be a whole number` })(target, key);
  Min(0, { message: `${name} must be at least 0` })(target, key);
  Max(50, { message: `${name} must be at most 50` })(target, key);
};

export class ShiftTemplateDto {
  @ApiProperty({ example: '早班 Early evening' })
  @Trimmed()
  @Length(1, 80, { message: 'name must be 1 to 80 characters' })
  name!: string;

  @ApiProperty({ example: [1, 2, 3, 4, 5, 6, 7], description: 'ISO weekdays, 1 = Monday' })
  @IsArray({ message: 'weekdays must be a list of ISO weekdays (1 = Monday … 7 = Sunday)' })
  @ArrayMinSize(1, { message: 'weekdays must name at least one day' })
  @ArrayMaxSize(7, { message: 'weekdays has at most 7 days' })
  @IsInt({ each: true, message: 'weekdays must be whole numbers 1 to 7' })
  @Min(1, { each: true, message: 'weekdays must be 1 (Monday) to 7 (Sunday)' })
  @Max(7, { each: true, message: 'weekdays must be 1 (Monday) to 7 (Sunday)' })
  weekdays!: number[];

  @ApiProperty({ example: '18:00', description: 'Local time' })
  @Matches(WALL_CLOCK_TIME, { message: 'startTime must be a local time HH:mm, like 18:00' })
  startTime!: string;

  @ApiProperty({ example: '20:00', description: 'Local time, after startTime' })
  @Matches(WALL_CLOCK_TIME, { message: 'endTime must be a local time HH:mm, like 20:00' })
  endTime!: string;

  @headcount('volunteersNeeded')
  volunteersNeeded!: number;

  @headcount('supervisorsNeeded')
  supervisorsNeeded!: number;

  @ApiPropertyOptional({ example: '2027-01-04', description: 'Only from this local date on' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom?: string;

  @ApiPropertyOptional({ example: '2027-01-17', description: 'Only until this local date' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string;

  @OptionalHotlineId()
  hotlineId?: string;
}

export class UpdateShiftTemplateDto extends PartialType(ShiftTemplateDto) {}

export class PeriodQuery {
  @LocalDate('from', '2026-12-01')
  from!: string;

  @LocalDate('to', '2026-12-31')
  to!: string;

  @OptionalHotlineId()
  hotlineId?: string;
}

export class GenerateShiftsDto extends PeriodQuery {
  @ApiPropertyOptional({ type: [String], description: 'Default: every template of the hotline' })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'templateIds must be template ids' })
  templateIds?: string[];
}

export class ChangeShiftDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 50 })
  @IsOptional()
  @headcount('volunteersNeeded')
  volunteersNeeded?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 50 })
  @IsOptional()
  @headcount('supervisorsNeeded')
  supervisorsNeeded?: number;
}

export class SignUpDto {
  @ApiPropertyOptional({ enum: SLOTS, description: 'Default: volunteer' })
  @IsOptional()
  @IsIn(SLOTS, { message: 'slot must be volunteer or supervisor' })
  slot?: Slot;

  @ApiPropertyOptional({ description: 'Coordinators: sign someone else up' })
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId?: string;
}

export class AttendanceCorrectionDto {
  @ApiProperty({ description: 'Came (true) or did not (false)' })
  @IsBoolean({ message: 'attended must be true or false' })
  attended!: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 600 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minutesLate must be a whole number of minutes' })
  @Min(0, { message: 'minutesLate must be at least 0' })
  @Max(600, { message: 'minutesLate must be at most 600' })
  minutesLate?: number;
}

export class ShiftTemplateView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [Number] }) weekdays!: number[];
  @ApiProperty() startTime!: string;
  @ApiProperty() endTime!: string;
  @ApiProperty() volunteersNeeded!: number;
  @ApiProperty() supervisorsNeeded!: number;
  @ApiProperty({ nullable: true, type: String }) validFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
}

export class SignupView {
  @ApiProperty() volunteerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SLOTS }) slot!: Slot;
  @ApiProperty({ nullable: true, type: String }) checkedInAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) minutesLate!: number | null;
  @ApiProperty() noShow!: boolean;
}

export class ShiftView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty({ example: '2026-12-01' }) localDate!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ example: '18:00' }) localStart!: string;
  @ApiProperty({ example: '20:00' }) localEnd!: string;
  @ApiProperty() volunteersNeeded!: number;
  @ApiProperty() supervisorsNeeded!: number;
  @ApiProperty() volunteersSigned!: number;
  @ApiProperty() supervisorsSigned!: number;
  @ApiProperty() cancelled!: boolean;
  @ApiProperty({ type: [SignupView], description: 'Names of who is on it' })
  signups!: SignupView[];
  @ApiProperty({ description: 'You are signed up' }) mine!: boolean;
}

export class GenerateResult {
  @ApiProperty() created!: number;
  @ApiProperty({ description: 'Existing shifts whose headcount changed' }) updated!: number;
  @ApiProperty() unchanged!: number;
}

export class CoverageGap {
  @ApiProperty() shiftId!: string;
  @ApiProperty() localDate!: string;
  @ApiProperty() localStart!: string;
  @ApiProperty() localEnd!: string;
  @ApiProperty({ enum: SLOTS }) slot!: Slot;
  @ApiProperty() missing!: number;
}

export class CoverageView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [ShiftView] }) shifts!: ShiftView[];
  @ApiProperty({ type: [CoverageGap] }) gaps!: CoverageGap[];
  @ApiProperty() neededPersonHours!: number;
  @ApiProperty() coveredPersonHours!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Share (0-1) of needed person-hours not covered',
  })
  gapScore!: number | null;
}

export class AttendanceRow {
  @ApiProperty() volunteerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() shifts!: number;
  @ApiProperty() attended!: number;
  @ApiProperty() late!: number;
  @ApiProperty() minutesLate!: number;
  @ApiProperty() noShows!: number;
}

export class CalendarFeedView {
  @ApiProperty({ description: 'Subscribe to this address; shown once, keep it private' })
  url!: string;
}
