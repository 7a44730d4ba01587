import { AfterLoad, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Closure, HotlineSchedule, WeeklyHours } from '@hotline/calendar';
import { secondLanguage } from '@hotline/chat-protocol';
import { DATETIME, REFERENCE } from '../database/column-types';
import type { SayVoice } from '@hotline/telephony';
import type { Role } from '../volunteers/volunteer.entity';

export const ROUTING_STRATEGIES = ['longest_idle', 'fewest_calls', 'round_robin'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/** How calls are queued, offered and escalated when nobody answers; the calls module reads these. */
export interface RoutingSettings {
  strategy: RoutingStrategy;
  offerTimeoutSeconds: number;
  wrapUpSeconds: number;
  skillFallbackSeconds: number;
  maxWaitSeconds: number;
  maxQueueSize: number;
  /** A volunteer who missed or declined an offer is available again after this long. */
  missedRecoverSeconds: number;
  /** A crisis caller nobody has taken this long rings the supervisors on duty. */
  crisisSupervisorAfterSeconds: number;
  /** A crisis caller nobody has taken this long is forwarded to `crisisLine`. */
  crisisForwardAfterSeconds: number;
  /** Where an unanswered crisis caller is forwarded: the national psychological-assistance hotline. */
  crisisLine: string;
  /** An unacknowledged crisis alert is raised again this often while its caller waits. */
  crisisRealertSeconds: number;
  /** A waiting caller is offered a message or a call-back after this long. */
  offerMessageAfterSeconds: number;
  /** The longest message a caller may leave. */
  voicemailMaxSeconds: number;
  /** More calls than this from one number within `callerLimitMinutes` are refused (0: no limit). */
  callerLimitCalls: number;
  callerLimitMinutes: number;
  /** Live chats a volunteer may hold at once (and no call meanwhile). */
  maxChats: number;
}

export const DEFAULT_ROUTING: RoutingSettings = {
  strategy: 'longest_idle',
  offerTimeoutSeconds: 20,
  wrapUpSeconds: 60,
  skillFallbackSeconds: 30,
  maxWaitSeconds: 600,
  maxQueueSize: 50,
  missedRecoverSeconds: 30,
  crisisSupervisorAfterSeconds: 20,
  crisisForwardAfterSeconds: 60,
  crisisLine: '12356',
  crisisRealertSeconds: 30,
  offerMessageAfterSeconds: 120,
  voicemailMaxSeconds: 120,
  callerLimitCalls: 5,
  callerLimitMinutes: 30,
  maxChats: 2,
};

/** The live chat's settings (docs/chat.md). */
export interface ChatSettings {
  /** Quick answers the volunteer's chat panel offers, in the hotline's language. */
  cannedReplies: string[];
  /** The same for a chat written in the chat page's other language. */
  secondLanguageCannedReplies: string[];
  /** A writer silent this long in a conversation is asked, politely, whether they are there. */
  idleCheckSeconds: number;
  /** Still silent this long after that check, the chat ends. */
  idleEndSeconds: number;
}

export const DEFAULT_CANNED_REPLIES: Record<HotlineLocale, string[]> = {
  'zh-CN': [
    '你好，我是热线的志愿者。谢谢你愿意来聊一聊，你想从哪里说起都可以。',
    '我在听，慢慢说，不着急。',
    '听起来这件事让你很难受。能多和我说一点吗？',
    '你现在安全吗？',
    '谢谢你今天和我聊。如果还需要，随时可以再来找我们。',
  ],
  en: [
    "Hello, I'm a volunteer of the hotline. Thank you for writing; start wherever you like.",
    "I'm listening. Take your time.",
    'That sounds really hard. Can you tell me a little more?',
    'Are you safe right now?',
    'Thank you for talking with me today. You can write to us again whenever you need.',
  ],
};

export const DEFAULT_CHAT_SETTINGS: Omit<
  ChatSettings,
  'cannedReplies' | 'secondLanguageCannedReplies'
> = {
  idleCheckSeconds: 300,
  idleEndSeconds: 120,
};

/** A year: long enough for follow-ups and a returning caller, no longer than that needs. */
export const DEFAULT_NOTE_RETENTION_DAYS = 365;

/** Supervision reviews this share (percent) of the consultations no other rule selects. */
export const DEFAULT_REVIEW_SAMPLE_PERCENT = 10;

/** A day's notice: time for a coordinator to find someone else for the place. */
export const DEFAULT_WITHDRAW_CUTOFF_HOURS = 24;

export const HOTLINE_LOCALES = ['zh-CN', 'en'] as const;
export type HotlineLocale = (typeof HOTLINE_LOCALES)[number];

/** Each language's default canned replies, the hotline's own first. */
export const defaultCannedReplies = (
  locale: HotlineLocale,
): Pick<ChatSettings, 'cannedReplies' | 'secondLanguageCannedReplies'> => ({
  cannedReplies: DEFAULT_CANNED_REPLIES[locale],
  secondLanguageCannedReplies: DEFAULT_CANNED_REPLIES[secondLanguage(locale)],
});

/** The `<Say>` languages each locale's prompts may be spoken in (Twilio's codes). */
export const SAY_LANGUAGES: Record<HotlineLocale, readonly string[]> = {
  'zh-CN': ['cmn-CN'],
  en: ['en-US', 'en-GB'],
};

/** A voice per locale that Twilio speaks it with: Amazon Polly's neural voices. */
export const DEFAULT_SAY_VOICE: Record<HotlineLocale, SayVoice> = {
  'zh-CN': { voice: 'Polly.Zhiyu-Neural', language: 'cmn-CN' },
  en: { voice: 'Polly.Joanna-Neural', language: 'en-US' },
};

/**
 * The prompts a hotline may record in a person's voice instead of the synthetic one: the fixed
 * texts a caller hears on every call. What the server works out (the hours, the next opening,
 * a place in the queue) is always spoken, so a recording never goes out of date.
 */
export const GREETING_KEYS = [
  'welcome',
  'callerMenu',
  'topicMenu',
  'holdOn',
  'crisisHoldOn',
  'closed',
  'goodbye',
] as const;
export type GreetingKey = (typeof GREETING_KEYS)[number];
/** A recording's https URL per prompt; a prompt without one is spoken. */
export type HotlineGreetings = Partial<Record<GreetingKey, string>>;

/** One hotline: a number, its hours and its rules. Every other record carries its hotline. */
@Entity({ name: 'hotline' })
@Index('idx_hotline_unit_id', ['unitId'])
export class Hotline {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ name: 'phone_number', type: 'varchar', length: 32, nullable: true })
  phoneNumber!: string | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 10 })
  locale!: HotlineLocale;

  @Column({ name: 'opening_hours', type: 'simple-json' })
  openingHours!: WeeklyHours;

  @Column({ type: 'simple-json' })
  closures!: Closure[];

  /** Who speaks the prompts: a voice and language from Twilio's text-to-speech table. */
  @Column({
    name: 'say_voice',
    type: 'varchar',
    length: 64,
    default: DEFAULT_SAY_VOICE['zh-CN'].voice,
  })
  sayVoice!: string;

  @Column({
    name: 'say_language',
    type: 'varchar',
    length: 16,
    default: DEFAULT_SAY_VOICE['zh-CN'].language,
  })
  sayLanguage!: string;

  @Column({ name: 'closed_message', type: 'text' })
  closedMessage!: string;

  @Column({ type: 'simple-json' })
  routing!: RoutingSettings;

  /** Recorded prompts, played instead of spoken ones (empty: every prompt is spoken). */
  @Column({ type: 'simple-json', nullable: true })
  greetings!: HotlineGreetings;

  /** The live chat's settings; null reads the defaults of the hotline's language. */
  @Column({ name: 'chat_settings', type: 'simple-json', nullable: true })
  chat!: ChatSettings;

  /** Hotlines saved before a setting existed read its default. */
  @AfterLoad()
  withRoutingDefaults(): void {
    this.routing = { ...DEFAULT_ROUTING, ...this.routing };
    this.greetings = this.greetings ?? {};
    this.requireTwoFactorFor = this.requireTwoFactorFor ?? [];
    this.chat = { ...DEFAULT_CHAT_SETTINGS, ...defaultCannedReplies(this.locale), ...this.chat };
  }

  /**
   * People holding one of these roles on this hotline must sign in with a TOTP code; until
   * they have enrolled, their sign-in only lets them enrol (see docs/access.md).
   */
  @Column({ name: 'require_two_factor_for', type: 'simple-json', nullable: true })
  requireTwoFactorFor!: Role[];

  /** Confidential notes are cleared this many days after the consultation (see docs/contacts.md). */
  @Column({ name: 'note_retention_days', type: 'int', default: DEFAULT_NOTE_RETENTION_DAYS })
  noteRetentionDays!: number;

  /** Volunteers may withdraw from a shift until this many hours before it starts. */
  @Column({ name: 'withdraw_cutoff_hours', type: 'int', default: DEFAULT_WITHDRAW_CUTOFF_HOURS })
  withdrawCutoffHours!: number;

  /** Percent of the other consultations sampled into the review queue (see docs/review.md). */
  @Column({
    name: 'review_sample_percent',
    type: 'int',
    default: DEFAULT_REVIEW_SAMPLE_PERCENT,
  })
  reviewSamplePercent!: number;

  /** The unit of the organisation it belongs to; null: the top unit (see docs/access.md). */
  @Column({ name: 'unit_id', ...REFERENCE, nullable: true })
  unitId!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;

  voice(): SayVoice {
    return { voice: this.sayVoice, language: this.sayLanguage };
  }

  schedule(): HotlineSchedule {
    return { zone: this.timeZone, weekly: this.openingHours, closures: this.closures };
  }
}
