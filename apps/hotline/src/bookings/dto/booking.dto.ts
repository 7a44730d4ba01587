import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  registerDecorator,
} from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { WALL_CLOCK_TIME, Trimmed, LocalDate, OptionalHotlineId } from '../../common/dto-fields';
import { AGE_BANDS, AgeBand, GRADES, Grade } from '../../contacts/contact-fields';
import { BOOKING_LANGUAGES, BookingLanguage, BookingStatus } from '../booking.entity';
import { ErrorView } from '../../common/dto/error.dto';

/** An instant with its offset (`Z` or `+08:00`), as the slots list gives them. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a phone number as a parent types it; mainland China unless it starts with +. */
export function parsePhone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const parsed = parsePhoneNumberFromString(value.trim(), 'CN');
  return parsed?.isValid() ? parsed.number : null;
}

const IsPhone = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isPhone',
    target: target.constructor,
    propertyName: propertyName as string,
    validator: {
      validate: (value) => parsePhone(value) !== null,
      defaultMessage: () =>
        'phone must be a phone number we can text, like 13812345678 or +8613812345678',
    },
  });

const IsBookingTopic = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isBookingTopic',
    target: target.constructor,
    propertyName: propertyName as string,
    validator: {
      validate: (value) => typeof value === 'string' && defaultTaxonomy().isTopLevel(value),
      defaultMessage: (args) =>
        `topic "${String(args?.value ?? '')}" is not one of the topics in GET /api/public/booking-options`,
    },
  });

const start = () => (target: object, key: string) => {
  ApiProperty({ example: '2026-11-24T06:00:00.000Z', description: 'A start from the slots list' })(
    target,
    key,
  );
  Matches(INSTANT, {
    message: 'start must be an instant like 2026-11-24T06:00:00.000Z, as the slots list gives it',
  })(target, key);
};

/** Who the session is for: one of age band or grade is needed. */
class FamilyFields {
  @ApiProperty({ example: 'bullying', description: 'A top-level topic key' })
  @IsBookingTopic()
  topic!: string;

  @ApiProperty({ example: '王女士', maxLength: 80 })
  @Trimmed()
  @Length(1, 80, { message: 'parentName must be 1 to 80 characters' })
  parentName!: string;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @ValidateIf((dto: FamilyFields) => dto.childAgeBand !== undefined || !dto.childGrade)
  @IsIn(AGE_BANDS, {
    message: `childAgeBand (or childGrade) is required: one of ${AGE_BANDS.join(', ')}`,
  })
  childAgeBand?: AgeBand;

  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES, { message: `childGrade must be one of ${GRADES.join(', ')}` })
  childGrade?: Grade;

  @ApiProperty({ enum: [true], description: 'A guardian agrees that we keep these details' })
  @Equals(true, {
    message: 'consent must be true: a guardian must agree that we keep these details',
  })
  consent!: true;

  @ApiProperty({ enum: BOOKING_LANGUAGES, description: 'Language of the text messages' })
  @IsIn(BOOKING_LANGUAGES, { message: 'language must be zh-CN or en' })
  language!: BookingLanguage;
}

export class WaitlistDto extends FamilyFields {
  @LocalDate('date', '2026-11-24')
  date!: string;

  @ApiProperty({ example: '13812345678' })
  @IsPhone()
  phone!: string;
}

export class PublicBookingDto extends FamilyFields {
  @start()
  start!: string;

  @ApiProperty({ example: '13812345678', description: 'Default region: mainland China' })
  @IsPhone()
  phone!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trimmed(true)
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string;
}

export class StaffBookingDto extends FamilyFields {
  @start()
  start!: string;

  @ApiPropertyOptional({ description: 'Not needed with callId: the caller’s number is used' })
  @ValidateIf((dto: StaffBookingDto) => dto.phone !== undefined || !dto.callId)
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trimmed(true)
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string;

  @ApiPropertyOptional({ description: 'The call during which the caller is booked' })
  @IsOptional()
  @IsUUID('all', { message: 'callId must be a call id' })
  callId?: string;

  @OptionalHotlineId()
  hotlineId?: string;
}

export class RescheduleDto {
  @start()
  start!: string;
}

export class SlotsQuery {
  @LocalDate('from', '2026-11-24')
  from!: string;

  @LocalDate('to', '2026-12-20')
  to!: string;

  @ApiPropertyOptional({ example: 'learning' })
  @IsOptional()
  @IsBookingTopic()
  topic?: string;
}

export class DayQuery {
  @LocalDate('date', '2026-11-24')
  date!: string;

  @OptionalHotlineId()
  hotlineId?: string;
}

export class HotlineOnlyQuery {
  @OptionalHotlineId()
  hotlineId?: string;
}

export class AttendanceDto {
  @ApiProperty({ description: 'The family came (true) or did not (false)' })
  @IsBoolean({ message: 'attended must be true or false' })
  attended!: boolean;
}

const whole = (name: string, min: number, max: number) => (target: object, key: string) => {
  ApiPropertyOptional({ minimum: min, maximum: max })(target, key);
  IsOptional()(target, key);
  Type(() => Number)(target, key);
  IsInt({ message: `${name} must be a whole number` })(target, key);
  Min(min, { message: `${name} must be at least ${min}` })(target, key);
  Max(max, { message: `${name} must be at most ${max}` })(target, key);
};

export class BookingSettingsDto {
  @whole('sessionMinutes', 10, 240) sessionMinutes?: number;
  @whole('bufferMinutes', 0, 120) bufferMinutes?: number;
  @whole('minNoticeHours', 0, 24 * 14) minNoticeHours?: number;
  @whole('horizonDays', 1, 366) horizonDays?: number;
  @whole('changeCutoffHours', 0, 24 * 14) changeCutoffHours?: number;
  @whole('offerHoldMinutes', 5, 24 * 60) offerHoldMinutes?: number;

  @ApiPropertyOptional({ nullable: true, maxLength: 300, example: '杭州市上城区解放路 1 号 3 楼' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @ValidateIf((dto: BookingSettingsDto) => dto.centreAddress !== null)
  @Length(1, 300, { message: 'centreAddress must be 1 to 300 characters, or null' })
  centreAddress?: string | null;

  @OptionalHotlineId()
  hotlineId?: string;
}

export class RoomDto {
  @ApiProperty({ example: '咨询室 1' })
  @Trimmed()
  @Length(1, 80, { message: 'name must be 1 to 80 characters' })
  name!: string;

  @OptionalHotlineId()
  hotlineId?: string;
}

export class UpdateRoomDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trimmed()
  @Length(1, 80, { message: 'name must be 1 to 80 characters' })
  name?: string;

  @ApiPropertyOptional({ description: 'false: no new bookings in this room' })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class WeeklyAvailabilityDto {
  @ApiProperty({ description: 'The expert (a volunteer of the hotline)' })
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId!: string;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' })
  @Type(() => Number)
  @IsInt({ message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  @Min(1, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday!: number;

  @ApiProperty({ example: '14:00', description: 'Local time' })
  @Matches(WALL_CLOCK_TIME, { message: 'startTime must be a local time HH:mm, like 14:00' })
  startTime!: string;

  @ApiProperty({ example: '17:00', description: 'Local time, after startTime' })
  @Matches(WALL_CLOCK_TIME, { message: 'endTime must be a local time HH:mm, like 17:00' })
  endTime!: string;

  @OptionalHotlineId()
  hotlineId?: string;
}

export class DatedAvailabilityDto {
  @ApiPropertyOptional({
    description: 'The expert; leave out for a day the whole centre is closed',
  })
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId?: string;

  @LocalDate('date', '2026-12-24')
  date!: string;

  @ApiPropertyOptional({ example: '09:00', description: 'With endTime: the windows of that day' })
  @ValidateIf(
    (dto: DatedAvailabilityDto) => dto.startTime !== undefined || dto.endTime !== undefined,
  )
  @Matches(WALL_CLOCK_TIME, {
    message: 'startTime must be a local time HH:mm (or leave both times out for a day off)',
  })
  startTime?: string;

  @ApiPropertyOptional({ example: '12:00' })
  @ValidateIf(
    (dto: DatedAvailabilityDto) => dto.startTime !== undefined || dto.endTime !== undefined,
  )
  @Matches(WALL_CLOCK_TIME, {
    message: 'endTime must be a local time HH:mm (or leave both times out for a day off)',
  })
  endTime?: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @Trimmed(true)
  @MaxLength(120, { message: 'reason must be at most 120 characters' })
  reason?: string;

  @OptionalHotlineId()
  hotlineId?: string;
}

export class AvailabilityQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId?: string;

  @OptionalHotlineId()
  hotlineId?: string;
}

// ---- answers ----

export class SlotView {
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ example: '2026-11-24' }) localDate!: string;
  @ApiProperty({ example: '14:00' }) localTime!: string;
}

/** 409 on booking: the time is taken or not offered (with free times), or past the cut-off. */
export class BookingConflictView extends ErrorView {
  @ApiPropertyOptional({
    type: [SlotView],
    description: 'The nearest free times, when the time was not free',
  })
  alternatives?: SlotView[];
}

export class SlotsView {
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [SlotView] }) slots!: SlotView[];
}

class Labelled {
  @ApiProperty() key!: string;
  @ApiProperty({ example: { en: 'Learning', 'zh-CN': '学习' } })
  label!: { en: string; 'zh-CN': string };
}

export class BookingOptionsView {
  @ApiProperty() hotlineName!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ description: "The hotline's local date now: where the free times start" })
  today!: string;
  @ApiProperty({ nullable: true, type: String }) hotlinePhone!: string | null;
  @ApiProperty({ nullable: true, type: String }) centreAddress!: string | null;
  @ApiProperty() sessionMinutes!: number;
  @ApiProperty() minNoticeHours!: number;
  @ApiProperty() horizonDays!: number;
  @ApiProperty() changeCutoffHours!: number;
  @ApiProperty({ type: [Labelled] }) topics!: Labelled[];
  @ApiProperty({ type: [Labelled] }) ageBands!: Labelled[];
}

export class BookedView extends SlotView {
  @ApiProperty({ example: 'HB-7K3Q9' }) reference!: string;
  @ApiProperty({ enum: ['booked'] }) status!: 'booked';
  @ApiProperty() topic!: string;
  @ApiProperty({ nullable: true, type: String }) centreAddress!: string | null;
  @ApiProperty({ description: 'Shown once: the key to change or cancel' }) manageToken!: string;
  @ApiProperty() manageUrl!: string;
}

export class ManagedBookingView extends SlotView {
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: ['booked', 'cancelled', 'attended', 'no_show'] })
  status!: BookingStatus;
  @ApiProperty() topic!: string;
  @ApiProperty({ description: 'false past the change cut-off' }) canChange!: boolean;
  @ApiProperty() changeCutoffHours!: number;
  @ApiProperty({ nullable: true, type: String }) hotlinePhone!: string | null;
}

export class CancelledView {
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: ['cancelled'] }) status!: 'cancelled';
}

export class WaitlistView {
  @ApiProperty() date!: string;
  @ApiProperty({ description: '1 = next in line for that day' }) position!: number;
}

/** A waitlisted family's offer of a freed slot, held until expiresAt. */
export class WaitlistOfferView extends SlotView {
  @ApiProperty() expiresAt!: string;
}

export class StaffBookingView extends SlotView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: ['held', 'booked', 'cancelled', 'attended', 'no_show'] })
  status!: BookingStatus;
  @ApiProperty() topic!: string;
  @ApiProperty() expertId!: string;
  @ApiProperty() expertName!: string;
  @ApiProperty() roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ nullable: true, type: String }) parentName!: string | null;
  @ApiProperty({ nullable: true, type: String }) childAgeBand!: string | null;
  @ApiProperty({ nullable: true, type: String }) childGrade!: string | null;
  @ApiProperty() language!: string;
  @ApiProperty() hasPhone!: boolean;
  @ApiProperty({ description: 'A text to the family failed: phone them' }) needsCall!: boolean;
  @ApiProperty({ nullable: true, type: String }) smsStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactId!: string | null;
  @ApiProperty({ nullable: true, type: String }) callId!: string | null;
  @ApiPropertyOptional({ description: 'Single reads only (audited)', nullable: true, type: String })
  phone?: string | null;
  @ApiPropertyOptional({ description: 'Single reads only (audited)', nullable: true, type: String })
  description?: string | null;
}

export class BookingSettingsView {
  @ApiProperty() hotlineId!: string;
  @ApiProperty() sessionMinutes!: number;
  @ApiProperty() bufferMinutes!: number;
  @ApiProperty() minNoticeHours!: number;
  @ApiProperty() horizonDays!: number;
  @ApiProperty() changeCutoffHours!: number;
  @ApiProperty() offerHoldMinutes!: number;
  @ApiProperty({ nullable: true, type: String }) centreAddress!: string | null;
}

export class RoomView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() active!: boolean;
}

export class WeeklyAvailabilityView {
  @ApiProperty() id!: string;
  @ApiProperty() volunteerId!: string;
  @ApiProperty() weekday!: number;
  @ApiProperty() startTime!: string;
  @ApiProperty() endTime!: string;
}

export class DatedAvailabilityView {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) volunteerId!: string | null;
  @ApiProperty() date!: string;
  @ApiProperty({ nullable: true, type: String }) startTime!: string | null;
  @ApiProperty({ nullable: true, type: String }) endTime!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
}

export class AvailabilityView {
  @ApiProperty({ type: [WeeklyAvailabilityView] }) weekly!: WeeklyAvailabilityView[];
  @ApiProperty({ type: [DatedAvailabilityView] }) dates!: DatedAvailabilityView[];
}
