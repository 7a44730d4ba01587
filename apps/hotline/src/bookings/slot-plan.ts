import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, In, Repository } from 'typeorm';
import { FreeSlot, freeSlots, nearestSlots } from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { InjectClock } from '../common/clock.provider';
import { invalidFields } from '../common/validation';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Volunteer } from '../volunteers/volunteer.entity';
import { BookingSetupService } from './booking-setup.service';
import { AvailabilityDate, Booking, ExpertAvailability, Room } from './booking.entity';
import { slotView } from './booking-views';
import { BookingSettingsView, SlotsView } from './dto/booking.dto';

/** The slots list covers at most this many days at once. */
const MAX_SLOT_DAYS = 31;
/** How long (real time) a hotline's setup is reused for slot computations. */
const SETUP_CACHE_MS = 5_000;
/**
 * How long (real time) a computed plan of free times is shared, unless a booking changes on
 * this server first: a burst of requests for the same day computes it once. A plan only
 * chooses what to try; the claims decide.
 */
const PLAN_CACHE_MS = 1_000;

interface SetupSnapshot {
  settings: BookingSettingsView;
  weekly: ExpertAvailability[];
  dated: AvailabilityDate[];
  rooms: Pick<Room, 'id'>[];
  experts: Pick<Volunteer, 'id' | 'topicSkills'>[];
}

export interface Planning {
  hotline: Hotline;
  settings: BookingSettingsView;
  slots: FreeSlot[];
  /** Active bookings per expert on the day, for a fair choice of expert. */
  load: Map<string, number>;
}

/**
 * The free session times of a hotline's days, and the caches that let a burst of parents
 * share one computation. A plan never decides who gets a time: it only chooses what to try,
 * and the time claims refuse what was taken meanwhile.
 */
@Injectable()
export class SlotPlan {
  private readonly setupCache = new Map<
    string,
    { version: number; until: number; snapshot: Promise<SetupSnapshot> }
  >();
  private readonly planCache = new Map<
    string,
    { version: string; until: number; planning: Promise<Planning> }
  >();
  /** Moves on with every transaction that may change bookings, making cached plans stale. */
  private bookingsVersion = 0;

  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(ExpertAvailability)
    private readonly weekly: Repository<ExpertAvailability>,
    @InjectRepository(AvailabilityDate) private readonly dated: Repository<AvailabilityDate>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly directory: HotlineDirectory,
    private readonly setup: BookingSetupService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Bookings may have changed on this server: plans computed before are stale. */
  changed(): void {
    this.bookingsVersion++;
  }

  /** The public page's free times of local dates. */
  async publicSlots(from: string, to: string, topic?: string): Promise<SlotsView> {
    const hotlineId = await this.setup.publicHotline();
    if (to < from) throw invalidFields({ to: ['to must not be before from'] });
    if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days >= MAX_SLOT_DAYS)
      throw invalidFields({ to: [`at most ${MAX_SLOT_DAYS} days at once`] });
    const planning = await this.plan(hotlineId, from, to, topic);
    return { timeZone: planning.hotline.timeZone, slots: planning.slots.map(slotView) };
  }

  /** The plan of the instant's local day, and the free slot starting at that instant if any. */
  async slotAt(
    hotlineId: string,
    at: DateTime,
    topic: string,
  ): Promise<{ planning: Planning; slot?: FreeSlot }> {
    const zone = (await this.directory.hotline(hotlineId)).timeZone;
    const date = at.setZone(zone).toISODate()!;
    const planning = await this.plan(hotlineId, date, date, topic);
    return {
      planning,
      slot: planning.slots.find((free) => free.startsAt.getTime() === at.toMillis()),
    };
  }

  /** The local dates that can be booked: from today to the horizon, in the hotline's zone. */
  async bookableDates(
    hotlineId: string,
    horizonDays: number,
  ): Promise<{ first: string; last: string }> {
    const zone = (await this.directory.hotline(hotlineId)).timeZone;
    const today = this.clock.now().setZone(zone);
    return {
      first: today.toISODate()!,
      last: today.plus({ days: horizonDays }).toISODate()!,
    };
  }

  /** 409 with up to five free times nearest to the one asked for. */
  async unavailable(
    hotlineId: string,
    topic: string,
    at: DateTime,
    justTaken: boolean,
  ): Promise<ConflictException> {
    const hotline = await this.directory.hotline(hotlineId);
    const { settings } = await this.setupOf(hotlineId);
    const { first, last } = await this.bookableDates(hotlineId, settings.horizonDays);
    const asked = at.setZone(hotline.timeZone);
    // The days around the one asked for usually hold the nearest times; else look at them all.
    const near = [asked.minus({ days: 3 }).toISODate()!, asked.plus({ days: 3 }).toISODate()!];
    let { slots } = await this.plan(
      hotlineId,
      near[0] > first ? near[0] : first,
      near[1] < last ? near[1] : last,
      topic,
    );
    if (slots.length < 5) ({ slots } = await this.plan(hotlineId, first, last, topic));
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: justTaken
        ? 'Someone has just booked that time. Please choose another one.'
        : 'That time cannot be booked. Please choose one of the free times.',
      alternatives: nearestSlots(slots, at.toJSDate(), 5).map(slotView),
    });
  }

  /** The free times of local dates, with what is needed to choose an expert fairly. */
  private plan(hotlineId: string, from: string, to: string, topic?: string): Promise<Planning> {
    const key = `${hotlineId} ${from} ${to} ${topic ?? ''}`;
    // The notice is counted from the hotline clock's minute: a later minute is a new plan.
    const minute = Math.floor(this.clock.now().toMillis() / 60_000);
    const version = `${this.bookingsVersion} ${this.setup.version} ${minute}`;
    const cached = this.planCache.get(key);
    if (cached && cached.version === version && cached.until > Date.now()) return cached.planning;
    if (this.planCache.size > 1_000) this.planCache.clear();
    const planning = this.computePlan(hotlineId, from, to, topic);
    this.planCache.set(key, {
      version,
      until: Date.now() + PLAN_CACHE_MS,
      planning,
    });
    planning.catch(() => this.planCache.delete(key));
    return planning;
  }

  private async computePlan(
    hotlineId: string,
    from: string,
    to: string,
    topic?: string,
  ): Promise<Planning> {
    const hotline = await this.directory.hotline(hotlineId);
    const { settings, weekly, dated: allDated, rooms, experts } = await this.setupOf(hotlineId);
    const dated = allDated.filter((row) => row.localDate >= from && row.localDate <= to);
    const zone = hotline.timeZone;
    const start = DateTime.fromISO(from, { zone }).startOf('day').minus({ days: 1 });
    const end = DateTime.fromISO(to, { zone }).endOf('day').plus({ days: 1 });
    const busy = await this.bookings.find({
      where: {
        status: In(['held', 'booked']),
        startsAt: Between(start.toJSDate(), end.toJSDate()),
      },
      select: { expertId: true, roomId: true, startsAt: true, endsAt: true, localDate: true },
    });
    const slots = freeSlots({
      zone,
      from,
      to,
      now: this.clock.now().toJSDate(),
      rules: settings,
      weekly: weekly.map((row) => ({
        expertId: row.volunteerId,
        weekday: row.weekday,
        start: row.startTime,
        end: row.endTime,
      })),
      dated: dated.map((row) => ({
        expertId: row.volunteerId,
        date: row.localDate,
        start: row.startTime,
        end: row.endTime,
      })),
      busy,
      rooms: rooms.map((room) => room.id),
      experts: experts.filter((expert) => takes(expert, topic)).map((expert) => expert.id),
    });
    const load = new Map<string, number>();
    for (const booking of busy) load.set(booking.expertId, (load.get(booking.expertId) ?? 0) + 1);
    return { hotline, settings, slots, load };
  }

  /**
   * A hotline's rules, windows, rooms and experts, read at most every few seconds: they only
   * choose what to try (the claims decide), and a burst of parents should not re-read them
   * for every request. Changes made on this server are seen at once.
   */
  private async setupOf(hotlineId: string): Promise<SetupSnapshot> {
    const cached = this.setupCache.get(hotlineId);
    if (cached && cached.version === this.setup.version && cached.until > Date.now())
      return cached.snapshot;
    const version = this.setup.version;
    const snapshot = (async (): Promise<SetupSnapshot> => {
      const [settings, weekly, dated, rooms, experts] = await Promise.all([
        this.setup.settings(hotlineId),
        this.weekly.find({ where: { hotlineId } }),
        this.dated.find({ where: { hotlineId } }),
        this.rooms.find({ where: { hotlineId, active: true }, select: { id: true } }),
        this.volunteers.find({
          where: { hotlines: { id: hotlineId }, active: true },
          select: { id: true, topicSkills: true },
        }),
      ]);
      return { settings, weekly, dated, rooms, experts };
    })();
    this.setupCache.set(hotlineId, { version, until: Date.now() + SETUP_CACHE_MS, snapshot });
    snapshot.catch(() => this.setupCache.delete(hotlineId));
    return snapshot;
  }
}

/** Whether an expert takes families with this topic: no topic skills means every topic. */
function takes(expert: Pick<Volunteer, 'topicSkills'>, topic?: string): boolean {
  if (!topic || expert.topicSkills.length === 0) return true;
  return expert.topicSkills.some((key) => defaultTaxonomy().topLevelOf(key) === topic);
}
