import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { WeeklyHours } from '@hotline/calendar';
import {
  GreetingKey,
  HOTLINE_LOCALES,
  HotlineGreetings,
  HotlineLocale,
  ROUTING_STRATEGIES,
  RoutingStrategy,
} from '../hotline.entity';
import { ROLES, Role } from '../../volunteers/volunteer.entity';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export class TimeRangeDto {
  @ApiProperty({ example: '18:00' })
  @Matches(TIME_OF_DAY, { message: 'start must be a local time HH:mm, like 18:00' })
  start!: string;

  @ApiProperty({ example: '22:00' })
  @Matches(TIME_OF_DAY, { message: 'end must be a local time HH:mm, like 22:00' })
  end!: string;
}

const day = () => (target: object, key: string) => {
  ApiProperty({ type: [TimeRangeDto], description: 'Empty when closed that weekday' })(target, key);
  IsArray({ message: `${key} must be a list of {start, end} ranges (empty when closed)` })(
    target,
    key,
  );
  ArrayMaxSize(6)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => TimeRangeDto)(target, key);
};

/** Opening hours per weekday, in the hotline's local time. */
export class OpeningHoursDto implements WeeklyHours {
  @day() mon!: TimeRangeDto[];
  @day() tue!: TimeRangeDto[];
  @day() wed!: TimeRangeDto[];
  @day() thu!: TimeRangeDto[];
  @day() fri!: TimeRangeDto[];
  @day() sat!: TimeRangeDto[];
  @day() sun!: TimeRangeDto[];
}

export class ClosureDto {
  @ApiProperty({
    example: '2026-10-01',
    description: 'Local date on which the hotline stays closed',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a local date yyyy-MM-dd' })
  date!: string;

  @ApiPropertyOptional({ example: '国庆节' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  reason?: string;
}

export class RoutingSettingsDto {
  @ApiPropertyOptional({ enum: ROUTING_STRATEGIES })
  @IsOptional()
  @IsIn(ROUTING_STRATEGIES, { message: `strategy must be one of ${ROUTING_STRATEGIES.join(', ')}` })
  strategy?: RoutingStrategy;

  @ApiPropertyOptional({ minimum: 5, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(120)
  offerTimeoutSeconds?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1800 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1800)
  wrapUpSeconds?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 3600 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  skillFallbackSeconds?: number;

  @ApiPropertyOptional({ minimum: 30, maximum: 7200 })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(7200)
  maxWaitSeconds?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  maxQueueSize?: number;

  @ApiPropertyOptional({
    minimum: 5,
    maximum: 600,
    description: 'A volunteer who missed or declined an offer is available again after this long',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(600)
  missedRecoverSeconds?: number;

  @ApiPropertyOptional({
    minimum: 5,
    maximum: 600,
    description: 'A crisis caller nobody has taken this long rings the supervisors on duty',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(600)
  crisisSupervisorAfterSeconds?: number;

  @ApiPropertyOptional({
    minimum: 10,
    maximum: 1800,
    description: 'A crisis caller nobody has taken this long is forwarded to crisisLine',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(1800)
  crisisForwardAfterSeconds?: number;

  @ApiPropertyOptional({
    example: '12356',
    description: 'Where an unanswered crisis caller is forwarded (digits, optionally with +)',
  })
  @IsOptional()
  @Matches(/^\+?[0-9]{3,20}$/, {
    message: 'crisisLine must be a phone number: 3 to 20 digits, optionally with +',
  })
  crisisLine?: string;

  @ApiPropertyOptional({
    minimum: 10,
    maximum: 600,
    description: 'An unacknowledged crisis alert is raised again this often while its caller waits',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(600)
  crisisRealertSeconds?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3600,
    description: 'A waiting caller is offered a message or a call-back after this long',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  offerMessageAfterSeconds?: number;

  @ApiPropertyOptional({
    minimum: 10,
    maximum: 600,
    description: 'The longest message a caller may leave',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(600)
  voicemailMaxSeconds?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description:
      'Calls one number may make within callerLimitMinutes; the extra calls are refused (0: no limit)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  callerLimitCalls?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440, description: 'The span of callerLimitCalls' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  callerLimitMinutes?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    description:
      'Live chats a volunteer may hold at once; a volunteer holding a chat is offered no call',
  })
  @IsOptional()
  @IsInt({ message: 'maxChats must be a whole number of chats' })
  @Min(1, { message: 'maxChats must be at least 1' })
  @Max(5, { message: 'maxChats must be at most 5' })
  maxChats?: number;
}

/** A list of canned replies, replacing the one before: up to 30 texts of 1 to 500 characters. */
const CannedReplyList = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: 30, description }),
    IsOptional(),
    IsArray({ message: '$property must be a list of texts' }),
    ArrayMaxSize(30, { message: '$property may hold 30 texts at most' }),
    IsString({ each: true }),
    Length(1, 500, { each: true, message: 'each canned reply must be 1 to 500 characters' }),
  );

/** The live chat's settings (docs/chat.md). */
export class ChatSettingsDto {
  @CannedReplyList("Quick answers the volunteer's chat panel offers, in the hotline's language")
  cannedReplies?: string[];

  @CannedReplyList(
    "The same for a chat in the chat page's other language (en for a zh-CN hotline, zh-CN for an en one)",
  )
  secondLanguageCannedReplies?: string[];

  @ApiPropertyOptional({
    minimum: 60,
    maximum: 3600,
    description: 'A writer silent this long in a conversation is asked whether they are there',
  })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(3600)
  idleCheckSeconds?: number;

  @ApiPropertyOptional({
    minimum: 30,
    maximum: 1800,
    description: 'Still silent this long after that question, the chat ends',
  })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(1800)
  idleEndSeconds?: number;
}

const GREETING_PROMPTS: Record<GreetingKey, string> = {
  welcome: "The welcome, with the hotline's name: opens the caller menu and the closed answer",
  callerMenu: 'The caller menu: 9 in danger, 1 pupil, 2 parent, 3 teacher',
  topicMenu: 'The topic menu: a digit per topic, and 9 in danger',
  holdOn: 'Said to a caller put through to the queue, and while they hold',
  crisisHoldOn: 'Said to a caller in danger put through to the queue, and while they hold',
  closed: 'The closed message in the closed answer (the emergency numbers), after the hours',
  goodbye: 'Said before the hotline hangs up',
};

/** The longest recording URL a hotline may give. */
const GREETING_URL_MAX = 1000;

const greeting = () => (target: object, key: string) => {
  ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: GREETING_URL_MAX,
    example: `https://media.example.org/hotline/${key}.mp3`,
    description: `${GREETING_PROMPTS[key as GreetingKey]}. An https URL Twilio plays instead of speaking the prompt; null speaks it again`,
  })(target, key);
  IsOptional()(target, key);
  IsUrl(
    {
      protocols: ['https'],
      require_protocol: true,
      require_valid_protocol: true,
      disallow_auth: true,
    },
    { message: `${key} must be an https URL of the recording (https://...)` },
  )(target, key);
  MaxLength(GREETING_URL_MAX, {
    message: `${key} must be at most ${GREETING_URL_MAX} characters long`,
  })(target, key);
};

/** Recorded prompts: an https URL per prompt to play instead of speaking it. */
export class GreetingsDto implements Partial<Record<GreetingKey, string | null>> {
  @greeting() welcome?: string | null;
  @greeting() callerMenu?: string | null;
  @greeting() topicMenu?: string | null;
  @greeting() holdOn?: string | null;
  @greeting() crisisHoldOn?: string | null;
  @greeting() closed?: string | null;
  @greeting() goodbye?: string | null;
}

export class CreateHotlineDto {
  @ApiProperty({ example: '未成年人心理健康热线', maxLength: 120 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiPropertyOptional({
    example: '+8657112355',
    description: 'The number callers dial (as Twilio sends it in To)',
  })
  @IsOptional()
  @Matches(/^\+?[0-9]{3,15}$/, {
    message: 'phoneNumber must be digits, optionally with a leading +',
  })
  phoneNumber?: string;

  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    description: 'IANA zone; default HOTLINE_TIMEZONE',
  })
  @IsOptional()
  @IsString()
  timeZone?: string;

  @ApiPropertyOptional({ enum: HOTLINE_LOCALES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(HOTLINE_LOCALES, { message: `locale must be one of ${HOTLINE_LOCALES.join(', ')}` })
  locale?: HotlineLocale;

  @ApiPropertyOptional({ type: OpeningHoursDto, description: 'Default: every day 18:00-22:00' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto;

  @ApiPropertyOptional({ type: [ClosureDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => ClosureDto)
  closures?: ClosureDto[];

  @ApiPropertyOptional({
    description: 'Spoken when closed, after the opening hours: the emergency numbers',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  closedMessage?: string;

  @ApiPropertyOptional({ type: RoutingSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingSettingsDto)
  routing?: RoutingSettingsDto;

  @ApiPropertyOptional({
    type: ChatSettingsDto,
    description: 'The live chat: canned replies, idle',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChatSettingsDto)
  chat?: ChatSettingsDto;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 336,
    default: 24,
    description: 'Volunteers may withdraw from a shift until this many hours before it',
  })
  @IsOptional()
  @IsInt({ message: 'withdrawCutoffHours must be a whole number of hours' })
  @Min(0, { message: 'withdrawCutoffHours must be at least 0' })
  @Max(336, { message: 'withdrawCutoffHours must be at most 336 (two weeks)' })
  withdrawCutoffHours?: number;

  @ApiPropertyOptional({
    example: 'Polly.Zhiyu-Neural',
    description:
      "The voice that speaks the prompts, from Twilio's text-to-speech table; given with sayLanguage. Default: the locale's (Polly.Zhiyu-Neural for zh-CN, Polly.Joanna-Neural for en)",
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  sayVoice?: string;

  @ApiPropertyOptional({
    example: 'cmn-CN',
    description:
      "The language that voice speaks the prompts in (Twilio's code); given with sayVoice",
  })
  @IsOptional()
  @IsString()
  @Length(1, 16)
  sayLanguage?: string;

  @ApiPropertyOptional({
    type: GreetingsDto,
    description:
      'Recorded prompts, played instead of spoken; the prompts not named are kept as they are',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GreetingsDto)
  greetings?: GreetingsDto;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    example: ['supervisor', 'admin'],
    description:
      'People holding one of these roles on this hotline must sign in with a two-factor code; until enrolled, their sign-in only lets them enrol. Default: none',
  })
  @IsOptional()
  @IsArray({ message: 'requireTwoFactorFor must be a list of roles' })
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `requireTwoFactorFor may name ${ROLES.join(', ')}` })
  requireTwoFactorFor?: Role[];
}

export class UpdateHotlineDto extends PartialType(CreateHotlineDto) {}

export class RoutingSettingsView {
  @ApiProperty({ enum: ROUTING_STRATEGIES }) strategy!: RoutingStrategy;
  @ApiProperty() offerTimeoutSeconds!: number;
  @ApiProperty() wrapUpSeconds!: number;
  @ApiProperty() skillFallbackSeconds!: number;
  @ApiProperty() maxWaitSeconds!: number;
  @ApiProperty() maxQueueSize!: number;
  @ApiProperty() missedRecoverSeconds!: number;
  @ApiProperty() crisisSupervisorAfterSeconds!: number;
  @ApiProperty() crisisForwardAfterSeconds!: number;
  @ApiProperty() crisisLine!: string;
  @ApiProperty() crisisRealertSeconds!: number;
  @ApiProperty() offerMessageAfterSeconds!: number;
  @ApiProperty() voicemailMaxSeconds!: number;
  @ApiProperty() callerLimitCalls!: number;
  @ApiProperty() callerLimitMinutes!: number;
  @ApiProperty() maxChats!: number;
}

export class ChatSettingsView {
  @ApiProperty({ type: [String] }) cannedReplies!: string[];
  @ApiProperty({ type: [String] }) secondLanguageCannedReplies!: string[];
  @ApiProperty() idleCheckSeconds!: number;
  @ApiProperty() idleEndSeconds!: number;
}

export class GreetingsView implements HotlineGreetings {
  @ApiPropertyOptional() welcome?: string;
  @ApiPropertyOptional() callerMenu?: string;
  @ApiPropertyOptional() topicMenu?: string;
  @ApiPropertyOptional() holdOn?: string;
  @ApiPropertyOptional() crisisHoldOn?: string;
  @ApiPropertyOptional() closed?: string;
  @ApiPropertyOptional() goodbye?: string;
}

export class HotlineView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) phoneNumber!: string | null;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ enum: HOTLINE_LOCALES }) locale!: HotlineLocale;
  @ApiProperty({ type: OpeningHoursDto }) openingHours!: WeeklyHours;
  @ApiProperty({ type: [ClosureDto] }) closures!: ClosureDto[];
  @ApiProperty() closedMessage!: string;
  @ApiProperty({ example: 'Polly.Zhiyu-Neural' }) sayVoice!: string;
  @ApiProperty({ example: 'cmn-CN' }) sayLanguage!: string;
  @ApiProperty({ type: RoutingSettingsView }) routing!: RoutingSettingsView;
  @ApiProperty({ type: ChatSettingsView }) chat!: ChatSettingsView;
  @ApiProperty({
    type: GreetingsView,
    description: 'The recorded prompts, by prompt (the https URL Twilio plays)',
  })
  greetings!: GreetingsView;
  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: 'The roles that must sign in with a two-factor code on this hotline',
  })
  requireTwoFactorFor!: Role[];
  @ApiProperty() withdrawCutoffHours!: number;
  @ApiProperty() noteRetentionDays!: number;
  @ApiProperty({ description: 'Percent of other consultations sampled for case review' })
  reviewSamplePercent!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The unit of the organisation it belongs to; null: the top unit',
  })
  unitId!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class OpeningView {
  @ApiProperty({ example: '2026-11-23T18:00:00.000+08:00' }) start!: string;
  @ApiProperty({ example: '2026-11-23T22:00:00.000+08:00' }) end!: string;
}

export class HotlineStatusView {
  @ApiProperty() open!: boolean;
  @ApiProperty({ description: 'The hotline clock, in the hotline zone' }) now!: string;
  @ApiProperty({
    nullable: true,
    type: OpeningView,
    description: 'The opening in progress, else the next one',
  })
  opening!: OpeningView | null;
  @ApiPropertyOptional({ description: 'Why the hotline is closed today, when a closure says so' })
  closureReason?: string;
}
