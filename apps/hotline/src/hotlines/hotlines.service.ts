import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import {
  HotlineSchedule,
  currentOrNextOpening,
  everyDay,
  isOpenAt,
  localDateOf,
  scheduleProblems,
} from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { sayVoiceProblem, voicesFor } from '@hotline/telephony';
import { InjectClock } from '../common/clock.provider';
import { invalidFields } from '../common/validation';
import type { Volunteer } from '../volunteers/volunteer.entity';
import {
  CreateHotlineDto,
  GreetingsDto,
  HotlineStatusView,
  UpdateHotlineDto,
} from './dto/hotline.dto';
import {
  defaultCannedReplies,
  DEFAULT_CHAT_SETTINGS,
  DEFAULT_ROUTING,
  DEFAULT_SAY_VOICE,
  GREETING_KEYS,
  Hotline,
  HotlineGreetings,
  HotlineLocale,
  DEFAULT_NOTE_RETENTION_DAYS,
  DEFAULT_REVIEW_SAMPLE_PERCENT,
  DEFAULT_WITHDRAW_CUTOFF_HOURS,
  SAY_LANGUAGES,
} from './hotline.entity';
import { HotlineDirectory } from './hotline-directory';

/** Spoken after the opening hours when the hotline is closed. Settings, not code: edit per hotline. */
export const DEFAULT_CLOSED_MESSAGE: Record<HotlineLocale, string> = {
  'zh-CN':
    '如果你现在有危险，请立即拨打110报警或120急救。你也可以拨打全国心理援助热线12356，随时有人接听。',
  en:
    'If you are in danger now, call 110 for the police or 120 for an ambulance. ' +
    'You can also call the national psychological assistance hotline 12356 at any time.',
};

@Injectable()
export class HotlinesService {
  private readonly logger = new Logger(HotlinesService.name);

  constructor(
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    @InjectClock() private readonly clock: Clock,
    private readonly directory: HotlineDirectory,
  ) {}

  /** Admins see every hotline; everyone else the hotlines they work for or their units reach. */
  list(actor: Volunteer): Promise<Hotline[]> {
    if (actor.hasRole('admin')) return this.hotlines.find({ order: { name: 'ASC' } });
    if (!actor.reachedHotlineIds?.length)
      return Promise.resolve([...actor.hotlines].sort((a, b) => a.name.localeCompare(b.name)));
    return this.hotlines.find({ where: { id: In(actor.hotlineIds()) }, order: { name: 'ASC' } });
  }

  async get(actor: Volunteer, id: string): Promise<Hotline> {
    const hotline = await this.hotlines.findOneBy({ id });
    if (!hotline || !actor.worksFor(id)) {
      throw new NotFoundException(`No hotline ${id} among the hotlines you work for.`);
    }
    return hotline;
  }

  async create(dto: CreateHotlineDto, defaultZone: string): Promise<Hotline> {
    const now = this.clock.now().toJSDate();
    const locale = dto.locale ?? 'zh-CN';
    const hotline = this.hotlines.create({
      id: randomUUID(),
      name: dto.name,
      phoneNumber: dto.phoneNumber ?? null,
      timeZone: dto.timeZone ?? defaultZone,
      locale,
      openingHours: dto.openingHours ?? everyDay({ start: '18:00', end: '22:00' }),
      closures: dto.closures ?? [],
      closedMessage: dto.closedMessage ?? DEFAULT_CLOSED_MESSAGE[locale],
      ...sayVoiceFor(locale, dto),
      routing: { ...DEFAULT_ROUTING, ...dto.routing },
      chat: { ...defaultCannedReplies(locale), ...DEFAULT_CHAT_SETTINGS, ...dto.chat },
      greetings: withGreetings({}, dto.greetings),
      requireTwoFactorFor: dto.requireTwoFactorFor ?? [],
      noteRetentionDays: DEFAULT_NOTE_RETENTION_DAYS,
      reviewSamplePercent: DEFAULT_REVIEW_SAMPLE_PERCENT,
      withdrawCutoffHours: dto.withdrawCutoffHours ?? DEFAULT_WITHDRAW_CUTOFF_HOURS,
      createdAt: now,
      updatedAt: now,
    });
    assertValidSchedule(hotline.schedule());
    return this.hotlines.save(hotline);
  }

  async update(actor: Volunteer, id: string, dto: UpdateHotlineDto): Promise<Hotline> {
    const hotline = await this.get(actor, id);
    assertMayChange(actor, dto);
    const { routing, chat, sayVoice, sayLanguage, greetings, ...settings } = dto;
    const voiceChanges = sayVoice !== undefined || sayLanguage !== undefined;
    const localeChanges = settings.locale !== undefined && settings.locale !== hotline.locale;
    Object.assign(hotline, settings);
    if (routing) hotline.routing = { ...hotline.routing, ...routing };
    // The lists belong to their languages: a new locale swaps which one is the hotline's own.
    if (localeChanges)
      hotline.chat = {
        ...hotline.chat,
        cannedReplies: hotline.chat.secondLanguageCannedReplies,
        secondLanguageCannedReplies: hotline.chat.cannedReplies,
      };
    if (chat) hotline.chat = { ...hotline.chat, ...chat };
    if (greetings) hotline.greetings = withGreetings(hotline.greetings, greetings);
    // A new locale without a voice named takes that locale's default voice.
    if (voiceChanges || localeChanges)
      Object.assign(hotline, sayVoiceFor(hotline.locale, { sayVoice, sayLanguage }));
    assertValidSchedule(hotline.schedule());
    hotline.updatedAt = this.clock.now().toJSDate();
    const saved = await this.hotlines.save(hotline);
    this.directory.changed(saved);
    return saved;
  }

  /** How long confidential text is kept; the retention job in contacts clears it past that. */
  async setNoteRetention(id: string, days: number): Promise<Hotline> {
    await this.hotlines.update(id, {
      noteRetentionDays: days,
      updatedAt: this.clock.now().toJSDate(),
    });
    const saved = await this.hotlines.findOneByOrFail({ id });
    this.directory.changed(saved);
    return saved;
  }

  /** The share of consultations sampled into the review queue; the reviews module reads it. */
  async setReviewSamplePercent(id: string, percent: number): Promise<Hotline> {
    await this.hotlines.update(id, {
      reviewSamplePercent: percent,
      updatedAt: this.clock.now().toJSDate(),
    });
    const saved = await this.hotlines.findOneByOrFail({ id });
    this.directory.changed(saved);
    return saved;
  }

  /** Open now? And the opening in progress or the next one, in the hotline's local time. */
  status(hotline: Hotline): HotlineStatusView {
    const now = this.clock.now();
    const schedule = hotline.schedule();
    const opening = currentOrNextOpening(schedule, now);
    const today = localDateOf(schedule, now);
    const closure = hotline.closures.find((candidate) => candidate.date === today);
    return {
      open: isOpenAt(schedule, now),
      now: now.setZone(hotline.timeZone).toISO()!,
      opening: opening && {
        start: opening.start!.setZone(hotline.timeZone).toISO()!,
        end: opening.end!.setZone(hotline.timeZone).toISO()!,
      },
      ...(closure?.reason ? { closureReason: closure.reason } : {}),
    };
  }

  /** The first hotline, created on first start when there is none. */
  async ensureDefault(zone: string): Promise<Hotline> {
    const existing = await this.hotlines.find({ order: { createdAt: 'ASC' }, take: 1 });
    if (existing.length > 0) return existing[0];
    const hotline = await this.create({ name: '未成年人心理健康热线' }, zone);
    this.logger.log(`Created the default hotline (${zone}, every day 18:00-22:00)`);
    return hotline;
  }
}

/**
 * What identifies a hotline or guards its sign-ins: an admin's to change. A coordinator runs
 * the evenings (hours, closures, routing, prompts) of the hotlines they work for.
 */
const ADMIN_SETTINGS = [
  'name',
  'phoneNumber',
  'timeZone',
  'locale',
  'requireTwoFactorFor',
] as const;

function assertMayChange(actor: Volunteer, dto: UpdateHotlineDto): void {
  if (actor.hasRole('admin')) return;
  const refused = ADMIN_SETTINGS.filter((key) => dto[key] !== undefined);
  if (refused.length > 0)
    throw new ForbiddenException(`Only an admin can change ${refused.join(', ')}.`);
}

/**
 * The voice and language asked for, or the locale's default. Refused unless Twilio speaks
 * that language with that voice and it is the locale's language: Twilio would fail the
 * `<Say>` and the caller would hear nothing.
 */
function sayVoiceFor(
  locale: HotlineLocale,
  asked: { sayVoice?: string; sayLanguage?: string },
): { sayVoice: string; sayLanguage: string } {
  if (asked.sayVoice === undefined && asked.sayLanguage === undefined) {
    const { voice, language } = DEFAULT_SAY_VOICE[locale];
    return { sayVoice: voice, sayLanguage: language };
  }
  const supported = voicesFor(SAY_LANGUAGES[locale]);
  const problem =
    asked.sayVoice === undefined || asked.sayLanguage === undefined
      ? 'sayVoice and sayLanguage are given together'
      : supported.some(
            (pair) => pair.voice === asked.sayVoice && pair.language === asked.sayLanguage,
          )
        ? undefined
        : (sayVoiceProblem({ voice: asked.sayVoice, language: asked.sayLanguage }) ??
          `${asked.sayLanguage} is not the language of a ${locale} hotline`);
  if (problem)
    throw invalidFields({
      sayVoice: [
        `${problem}. Supported for ${locale}: ${supported
          .map((pair) => `${pair.voice} (${pair.language})`)
          .join(', ')}`,
      ],
    });
  return { sayVoice: asked.sayVoice!, sayLanguage: asked.sayLanguage! };
}

/** The recordings after a change: a URL replaces a prompt's recording, null removes it. */
function withGreetings(
  current: HotlineGreetings,
  changes: GreetingsDto | undefined,
): HotlineGreetings {
  const greetings: HotlineGreetings = { ...current };
  for (const key of GREETING_KEYS) {
    const url = changes?.[key];
    if (url === null) delete greetings[key];
    else if (url !== undefined) greetings[key] = url;
  }
  return greetings;
}

function assertValidSchedule(schedule: HotlineSchedule): void {
  const problems = scheduleProblems(schedule);
  if (problems.length === 0) return;
  const fields: Record<string, string[]> = {};
  for (const problem of problems) (fields[problem.split(/[ .:]/)[0]] ??= []).push(problem);
  throw invalidFields(fields);
}
