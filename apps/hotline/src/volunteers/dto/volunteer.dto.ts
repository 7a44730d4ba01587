import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AreTopicKeys } from '../../taxonomy/is-topic-key';
import {
  ANSWER_CHANNELS,
  AnswerChannel,
  EXPERT_KINDS,
  ExpertKind,
  ROLES,
  Role,
} from '../volunteer.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export const E164 = /^\+[1-9]\d{6,14}$/;
export const E164_MESSAGE =
  'phone must be in international form with a leading +, like +8613800138000';

export class CreateVolunteerDto {
  @ApiProperty({ example: '王老师', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ example: 'wang@example.org' })
  @Transform(lowerCase)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    description: 'Initial password, at least 10 characters',
    minLength: 10,
    writeOnly: true,
  })
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters long' })
  password!: string;

  @ApiPropertyOptional({
    example: '+8613800138000',
    nullable: true,
    description: 'Stored encrypted; used to ring calls when answerBy=phone; null removes it',
  })
  @IsOptional()
  @Matches(E164, { message: E164_MESSAGE })
  phone?: string | null;

  @ApiProperty({ enum: EXPERT_KINDS })
  @IsIn(EXPERT_KINDS, { message: `expertKind must be one of ${EXPERT_KINDS.join(', ')}` })
  expertKind!: ExpertKind;

  @ApiPropertyOptional({
    type: [String],
    example: ['emotional', 'learning'],
    description: 'Topic keys from GET /api/taxonomy',
  })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(60)
  @AreTopicKeys()
  topicSkills?: string[];

  @ApiPropertyOptional({ type: [String], example: ['zh-CN'], description: 'BCP 47 language tags' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    each: true,
    message: 'languages must be language tags like zh-CN or en',
  })
  languages?: string[];

  @ApiProperty({ enum: ROLES, isArray: true, example: ['volunteer'] })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `roles must each be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  @ApiPropertyOptional({
    type: [String],
    description: "Hotlines this person works for; default: the creator's hotlines",
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'hotlineIds must each be a hotline id' })
  hotlineIds?: string[];

  @ApiPropertyOptional({
    example: 'wang-laoshi',
    description: 'Twilio Client identity for the browser softphone',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, {
    message: 'softphoneIdentity must be 3-64 letters, digits, dots, dashes or underscores',
  })
  softphoneIdentity?: string;

  @ApiPropertyOptional({ enum: ANSWER_CHANNELS, default: 'browser' })
  @IsOptional()
  @IsIn(ANSWER_CHANNELS, { message: `answerBy must be one of ${ANSWER_CHANNELS.join(', ')}` })
  answerBy?: AnswerChannel;
}

export class UpdateVolunteerDto extends PartialType(
  OmitType(CreateVolunteerDto, ['password'] as const),
) {
  @ApiPropertyOptional({
    description:
      'false deactivates: the person can no longer sign in; history stays. (phone: null removes the number)',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** What a person may change on their own profile; skills, roles and hotlines are a coordinator's call. */
export class UpdateMeDto extends PartialType(
  PickType(CreateVolunteerDto, ['name', 'phone', 'languages', 'answerBy'] as const),
) {}

export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true })
  @IsString()
  currentPassword!: string;

  @ApiProperty({ writeOnly: true, minLength: 10 })
  @IsString()
  @Length(10, 200, { message: 'newPassword must be 10 to 200 characters long' })
  newPassword!: string;
}

export class ResetPasswordDto extends PickType(CreateVolunteerDto, ['password'] as const) {}

export class ListVolunteersQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'true: active only; false: deactivated only; absent: both' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of a name or email' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset = 0;
}

export class UnitGrantSummary {
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
}

export class VolunteerView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Only in single-volunteer reads (audited); lists show hasPhone',
  })
  phone?: string | null;
  @ApiProperty() hasPhone!: boolean;
  @ApiProperty({ enum: EXPERT_KINDS }) expertKind!: ExpertKind;
  @ApiProperty({ type: [String] }) topicSkills!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() softphoneIdentity!: string;
  @ApiProperty({ enum: ANSWER_CHANNELS }) answerBy!: AnswerChannel;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [String] }) hotlineIds!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) deactivatedAt!: Date | null;
  @ApiProperty({ description: 'Signs in with a two-factor code (TOTP)' })
  twoFactorEnabled!: boolean;
  @ApiPropertyOptional({
    type: [UnitGrantSummary],
    description: 'Roles held at units of the organisation (on your own profile)',
  })
  unitGrants?: UnitGrantSummary[];
}

export class VolunteerPage {
  @ApiProperty({ type: [VolunteerView] }) items!: VolunteerView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
