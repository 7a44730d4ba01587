import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Between, EntityManager, In, LessThanOrEqual, Repository } from 'typeorm';
import { FreeSlot, freeSlots, heldSteps, nearestSlots } from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { startRecurringJob } from '../common/recurring-job';
import { Cluster } from '../instances/cluster';
import { invalidFields } from '../common/validation';
import { AGE_BANDS } from '../contacts/contact-fields';
import { Contact } from '../contacts/contact.entity';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { Hotline } from '../hotlines/hotline.entity';
import { StatsRollups, contactFacts } from '../statistics/stats-rollups';
import { Volunteer } from '../volunteers/volunteer.entity';
import { BookingMessages } from './booking-messages.service';
import { BookingSetupService } from './booking-setup.service';
import {
  AvailabilityDate,
  Booking,
  BookingClaim,
  BookingLanguage,
  ExpertAvailability,
  Room,
  WaitlistEntry,
} from './booking.entity';
import {
  BookedView,
  BookingOptionsView,
  BookingSettingsView,
  CancelledView,
  DayQuery,
  ManagedBookingView,
  WaitlistOfferView,
  PublicBookingDto,
  SlotView,
  SlotsView,
  StaffBookingDto,
  StaffBookingView,
  WaitlistDto,
  WaitlistView,
  parsePhone,
} from './dto/booking.dto';
import { hotlineFor } from '../hotlines/hotline-scope';
import { HotlineDirectory } from '../hotlines/hotline-directory';

/** The slots list covers at most this many days at once. */
const MAX_SLOT_DAYS = 31;
/** How often held offers that ran out are passed on (real time). */
const OFFERS_EVERY_MS = 30_000;
/** Letters and digits that cannot be mistaken for one another when read out (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], { en: string; 'zh-CN': string }> = {
  under_6: { en: 'Under 6', 'zh-CN': '6岁以下' },
  '6_11': { en: '6 to 11', 'zh-CN': '6-11岁' },
  '12_14': { en: '12 to 14', 'zh-CN': '12-14岁' },
  '15_17': { en: '15 to 17', 'zh-CN': '15-17岁' },
  '18_plus': { en: '18 or older', 'zh-CN': '18岁及以上' },
  unknown: { en: 'Prefer not to say', 'zh-CN': '不便透露' },
};

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const newReference = () =>
  `HB-${Array.from({ length: 5 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')}`;

/** An expert's or a room's time was already held: which one, so the next try skips it. */
class Taken extends Error {
  constructor(readonly which: 'expert' | 'room' | 'reference') {
    super(`${which} taken`);
  }
}

/** The booking changed under us (cancelled or moved at the same moment). */
class Gone extends Error {}

/** MariaDB gave up a lock to break a cycle, or waited too long: the same try may succeed. */
function isLockConflict(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } })?.driverError?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}

interface Family {
  topic: string;
  parentName: string;
  phone: string;
  description?: string | null;
  childAgeBand?: string | null;
  childGrade?: string | null;
  language: BookingLanguage;
}

interface SetupSnapshot {
  settings: BookingSettingsView;
  weekly: ExpertAvailability[];
  dated: AvailabilityDate[];
  rooms: Pick<Room, 'id'>[];
  experts: Pick<Volunteer, 'id' | 'topicSkills'>[];
}

/** How long (real time) a hotline's setup is reused for slot computations. */
const SETUP_CACHE_MS = 5_000;
/**
 * How long (real time) a computed plan of free times is shared, unless a booking changes on
 * this server first: a burst of requests for the same day computes it once. A plan only
 * chooses what to try; the claims decide.
 */
const PLAN_CACHE_MS = 1_000;

interface Planning {
  hotline: Hotline;
  settings: BookingSettingsView;
  slots: FreeSlot[];
  /** Active bookings per expert on the day, for a fair choice of expert. */
  load: Map<string, number>;
}

/**
 * Face-to-face bookings. A booking holds its expert's and its room's time as rows of
 * `booking_claim`, whose primary key (resource, 5-minute step) is what refuses a second
 * booking of the same time: the free-slot computation only chooses what to try. Each try is
 * one short transaction that either claims everything or nothing.
 */
@Injectable()
export class BookingsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Bookings');
  private stopJob?: () => void;
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
    @InjectRepository(WaitlistEntry) private readonly waitlist: Repository<WaitlistEntry>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(ExpertAvailability)
    private readonly weekly: Repository<ExpertAvailability>,
    @InjectRepository(AvailabilityDate) private readonly dated: Repository<AvailabilityDate>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly directory: HotlineDirectory,
    private readonly setup: BookingSetupService,
    private readonly messages: BookingMessages,
    private readonly transactions: Transactions,
    private readonly rollups: StatsRollups,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly cluster: Cluster,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stopJob = startRecurringJob(
      'waitlist offers',
      OFFERS_EVERY_MS,
      () => this.passExpiredOffers(),
      this.logger,
      () => this.cluster.isLeader,
    );
  }

  onModuleDestroy(): void {
    this.stopJob?.();
  }

  // ---- public ----

  /**
   * The hotline the public page books for: the first one with a room at its centre (a
   * deployment usually has one), else the first one created.
   */
  async publicHotline(): Promise<string> {
    const [room] = await this.rooms.find({
      where: { active: true },
      select: { hotlineId: true },
      order: { createdAt: 'ASC' },
      take: 1,
    });
    if (room) return room.hotlineId;
    const [first] = await this.hotlines.find({
      select: { id: true },
      order: { createdAt: 'ASC' },
      take: 1,
    });
    if (!first) throw new NotFoundException('No hotline takes bookings yet.');
    return first.id;
  }

  async options(): Promise<BookingOptionsView> {
    const hotlineId = await this.publicHotline();
    const hotline = await this.directory.hotline(hotlineId);
    const settings = await this.setup.settings(hotlineId);
    return {
      hotlineName: hotline.name,
      timeZone: hotline.timeZone,
      today: this.clock.now().setZone(hotline.timeZone).toISODate()!,
      hotlinePhone: await this.messages.hotlinePhone(hotlineId),
      centreAddress: settings.centreAddress,
      sessionMinutes: settings.sessionMinutes,
      minNoticeHours: settings.minNoticeHours,
      horizonDays: settings.horizonDays,
      changeCutoffHours: settings.changeCutoffHours,
      topics: defaultTaxonomy().topics.map((topic) => ({ key: topic.key, label: topic.label })),
      ageBands: AGE_BANDS.map((key) => ({ key, label: AGE_BAND_LABELS[key] })),
    };
  }

  async publicSlots(from: string, to: string, topic?: string): Promise<SlotsView> {
    const hotlineId = await this.publicHotline();
    if (to < from) throw invalidFields({ to: ['to must not be before from'] });
    if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days >= MAX_SLOT_DAYS)
      throw invalidFields({ to: [`at most ${MAX_SLOT_DAYS} days at once`] });
    const planning = await this.plan(hotlineId, from, to, topic);
    return { timeZone: planning.hotline.timeZone, slots: planning.slots.map(slotView) };
  }

  async publicBook(dto: PublicBookingDto): Promise<BookedView> {
    return this.book(await this.publicHotline(), dto.start, this.family(dto, dto.phone), {});
  }

  async managed(token: string): Promise<ManagedBookingView> {
    const booking = await this.byToken(token);
    const settings = await this.setup.settings(booking.hotlineId);
    return {
      reference: booking.reference,
      status: booking.status,
      ...slotView(await this.localSlot(booking)),
      topic: booking.topic,
      canChange: booking.status === 'booked' && this.beforeCutoff(booking, settings),
      changeCutoffHours: settings.changeCutoffHours,
      hotlinePhone: await this.messages.hotlinePhone(booking.hotlineId),
    };
  }

  async cancel(token: string): Promise<CancelledView> {
    const booking = await this.byToken(token);
    if (booking.status === 'cancelled')
      return { reference: booking.reference, status: 'cancelled' };
    if (booking.status !== 'booked')
      throw new ConflictException('This session has already taken place.');
    const settings = await this.setup.settings(booking.hotlineId);
    await this.checkCutoff(booking, settings);
    await this.release(booking, settings);
    return { reference: booking.reference, status: 'cancelled' };
  }

  /**
   * Moves a booking to another time in one transaction: the new time is claimed first, then
   * the old one released and the manage token replaced. If the new time is taken, nothing
   * changes and the parent gets alternatives.
   */
  async reschedule(token: string, start: string): Promise<BookedView> {
    const booking = await this.byToken(token);
    if (booking.status !== 'booked')
      throw new ConflictException(
        booking.status === 'cancelled'
          ? 'This booking was cancelled; make a new one.'
          : 'This session has already taken place.',
      );
    const settings = await this.setup.settings(booking.hotlineId);
    await this.checkCutoff(booking, settings);
    const at = this.instant(start);
    const { planning, slot } = await this.slotAt(booking.hotlineId, at, booking.topic);
    if (!slot) throw await this.unavailable(booking.hotlineId, booking.topic, at, false);
    const manageToken = newToken();
    const oldSteps = heldSteps(booking.startsAt, {
      sessionMinutes: Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000),
      bufferMinutes: booking.bufferMinutes,
    });
    const now = this.clock.now().toJSDate();
    const moved = { ...booking };
    const secured = await this.secure(
      slot,
      planning,
      booking.id,
      () => this.slotAt(booking.hotlineId, at, booking.topic),
      async (manager, expertId, roomId) => {
        await manager
          .createQueryBuilder()
          .delete()
          .from(BookingClaim)
          .where('booking_id = :id', { id: booking.id })
          .andWhere('resource_id IN (:...resources)', {
            resources: [booking.expertId, booking.roomId],
          })
          .andWhere('at_minute IN (:...steps)', { steps: oldSteps })
          .execute();
        Object.assign(moved, {
          expertId,
          roomId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          bufferMinutes: planning.settings.bufferMinutes,
          localDate: slot.localDate,
          manageTokenHash: hashOf(manageToken),
          remindedAt: this.messages.remindedOnBooking(slot.startsAt),
          reminderSid: null,
          updatedAt: now,
        });
        const { hotline: _hotline, ...row } = moved;
        const changed = await manager.update(
          Booking,
          { id: booking.id, status: 'booked', manageTokenHash: booking.manageTokenHash! },
          row,
        );
        if (!changed.affected) throw new Gone();
      },
    ).catch((error: unknown) => {
      if (error instanceof Gone)
        throw new NotFoundException('This booking was changed or cancelled meanwhile.');
      throw error;
    });
    if (!secured) throw await this.unavailable(booking.hotlineId, booking.topic, at, true);
    this.messages.confirm(moved as Booking, manageToken);
    return this.bookedView(moved as Booking, manageToken, planning.settings);
  }

  async joinWaitlist(dto: WaitlistDto): Promise<WaitlistView> {
    const hotlineId = await this.publicHotline();
    const family = this.family(dto, dto.phone);
    const hotline = await this.directory.hotline(hotlineId);
    const settings = await this.setup.settings(hotlineId);
    const today = this.clock.now().setZone(hotline.timeZone).toISODate()!;
    const last = this.clock
      .now()
      .setZone(hotline.timeZone)
      .plus({ days: settings.horizonDays })
      .toISODate()!;
    if (dto.date < today || dto.date > last)
      throw invalidFields({ date: [`date must be from ${today} to ${last}`] });
    const now = this.clock.now().toJSDate();
    await this.waitlist.insert({
      id: randomUUID(),
      hotlineId,
      localDate: dto.date,
      topic: family.topic,
      status: 'waiting',
      queueKey: `${String(now.getTime()).padStart(15, '0')}-${String(process.hrtime.bigint()).padStart(24, '0')}`,
      parentNameEncrypted: this.cipher.encrypt(family.parentName),
      phoneEncrypted: this.cipher.encrypt(family.phone),
      phoneHash: this.cipher.keyedHash(family.phone),
      childAgeBand: (family.childAgeBand ?? null) as WaitlistEntry['childAgeBand'],
      childGrade: (family.childGrade ?? null) as WaitlistEntry['childGrade'],
      language: family.language,
      offerTokenHash: null,
      offerBookingId: null,
      offerExpiresAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const position = await this.waitlist.count({
      where: { hotlineId, localDate: dto.date, status: In(['waiting', 'offered']) },
    });
    return { date: dto.date, position };
  }

  async offer(token: string): Promise<WaitlistOfferView> {
    const { held } = await this.liveOffer(token);
    return { ...slotView(await this.localSlot(held)), expiresAt: held.heldUntil!.toISOString() };
  }

  /** Takes a held time: the held booking becomes the parent's booking. */
  async acceptOffer(token: string): Promise<BookedView> {
    const { entry, held } = await this.liveOffer(token);
    const manageToken = newToken();
    const now = this.clock.now().toJSDate();
    const booked: Partial<Booking> = {
      status: 'booked',
      parentNameEncrypted: entry.parentNameEncrypted,
      phoneEncrypted: entry.phoneEncrypted,
      phoneHash: entry.phoneHash,
      childAgeBand: entry.childAgeBand,
      childGrade: entry.childGrade,
      language: entry.language,
      topic: entry.topic,
      manageTokenHash: hashOf(manageToken),
      heldUntil: null,
      remindedAt: this.messages.remindedOnBooking(held.startsAt),
      updatedAt: now,
    };
    await this.changing(async (manager) => {
      const taken = await manager
        .createQueryBuilder()
        .update(Booking)
        .set(booked)
        .where('id = :id', { id: held.id })
        .andWhere("status = 'held'")
        .andWhere('held_until > :now', { now })
        .execute();
      if (!taken.affected) throw new Gone();
      await manager.update(
        WaitlistEntry,
        { id: entry.id },
        { status: 'booked', offerTokenHash: null, updatedAt: now },
      );
    }).catch((error: unknown) => {
      if (error instanceof Gone)
        throw new NotFoundException('This offer has run out or was already used.');
      throw error;
    });
    const booking = Object.assign(held, booked) as Booking;
    this.messages.confirm(booking, manageToken);
    return this.bookedView(booking, manageToken, await this.setup.settings(booking.hotlineId));
  }

  // ---- staff ----

  async staffBook(actor: Volunteer, dto: StaffBookingDto): Promise<BookedView> {
    let hotlineId = hotlineFor(actor, dto.hotlineId);
    let phone = dto.phone ? parsePhone(dto.phone) : null;
    let callId: string | null = null;
    if (dto.callId) {
      const call = await this.calls.findOneBy({ id: dto.callId });
      const mayUse =
        call &&
        (call.volunteerId === actor.id ||
          (actor.hasRole('supervisor', 'coordinator', 'admin') && actor.worksFor(call.hotlineId)));
      if (!call || !mayUse) throw new NotFoundException(`No call ${dto.callId} of yours.`);
      hotlineId = call.hotlineId;
      callId = call.id;
      if (!phone) {
        if (!call.callerNumberEncrypted)
          throw invalidFields({ phone: ['phone is needed: this call has no caller number'] });
        phone = this.cipher.decrypt(call.callerNumberEncrypted);
        await this.audit.record({
          actorId: actor.id,
          action: 'call.number.used_for_booking',
          subjectType: 'phone_call',
          subjectId: call.id,
          hotlineId,
        });
      }
    } else if (!actor.hasRole('supervisor', 'coordinator', 'admin')) {
      throw new ForbiddenException(
        'A volunteer books for the caller of their call: give the callId.',
      );
    }
    const booked = await this.book(hotlineId, dto.start, this.family(dto, phone!), {
      callId,
      bookedBy: actor.id,
    });
    await this.audit.record({
      actorId: actor.id,
      action: 'booking.created',
      subjectType: 'booking',
      subjectId: booked.reference,
      hotlineId,
    });
    return booked;
  }

  /** A day's bookings: all of them for coordinators and supervisors, a volunteer's own otherwise. */
  async day(actor: Volunteer, query: DayQuery): Promise<StaffBookingView[]> {
    const hotlineId = hotlineFor(actor, query.hotlineId);
    const rows = await this.bookings.find({
      where: {
        hotlineId,
        localDate: query.date,
        status: In(['booked', 'attended', 'no_show', 'cancelled']),
        ...(actor.hasRole('supervisor', 'coordinator', 'admin') ? {} : { expertId: actor.id }),
      },
      order: { startsAt: 'ASC' },
    });
    const views = await this.staffViews(rows, false);
    for (const row of rows.filter((b) => b.parentNameEncrypted))
      await this.audit.record({
        actorId: actor.id,
        action: 'booking.parent.read',
        subjectType: 'booking',
        subjectId: row.id,
        hotlineId,
      });
    return views;
  }

  /** One booking with the family's phone and description: each such read is audited. */
  async one(actor: Volunteer, id: string): Promise<StaffBookingView> {
    const booking = await this.visible(actor, id);
    await this.audit.record({
      actorId: actor.id,
      action: 'booking.details.read',
      subjectType: 'booking',
      subjectId: booking.id,
      hotlineId: booking.hotlineId,
    });
    return (await this.staffViews([booking], true))[0];
  }

  /**
   * Who came. A family that came gets a face-to-face contact record, not yet categorised, for
   * the expert to complete like a call's wrap-up; a no-show gets none.
   */
  async attendance(actor: Volunteer, id: string, attended: boolean): Promise<StaffBookingView> {
    const booking = await this.visible(actor, id);
    const wanted = attended ? 'attended' : 'no_show';
    if (booking.status === wanted) return (await this.staffViews([booking], false))[0];
    if (booking.status !== 'booked' && !(attended && booking.status === 'no_show'))
      throw new ConflictException(
        `This booking is ${booking.status}; attendance cannot be marked.`,
      );
    if (this.clock.now().toJSDate() < booking.startsAt)
      throw new ConflictException('The session has not started yet.');
    const now = this.clock.now().toJSDate();
    if (!attended) {
      await this.bookings.update({ id, status: 'booked' }, { status: 'no_show', updatedAt: now });
    } else {
      const hotline = await this.directory.hotline(booking.hotlineId);
      const contact = Object.assign(new Contact(), {
        id: randomUUID(),
        hotlineId: booking.hotlineId,
        channel: 'face_to_face',
        callId: null,
        volunteerId: booking.expertId,
        recordedBy: actor.id,
        occurredAt: booking.startsAt,
        durationMinutes: Math.round(
          (booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000,
        ),
        callerType: 'parent',
        ageBand: booking.childAgeBand,
        grade: booking.childGrade,
        gender: null,
        district: null,
        primaryTopic: null,
        riskLevel: null,
        outcome: null,
        notesEncrypted: null,
        notesClearedAt: null,
        wrapUpSeconds: null,
        callerHash: booking.phoneHash,
        createdAt: now,
        updatedAt: now,
      } satisfies Omit<Contact, 'topics' | 'hotline' | 'volunteer'>);
      await this.changing(async (manager) => {
        const marked = await manager.update(
          Booking,
          { id, status: In(['booked', 'no_show']) },
          { status: 'attended', contactId: contact.id, updatedAt: now },
        );
        if (!marked.affected) throw new Gone();
        await manager.insert(Contact, contact);
        await this.rollups.countContact(
          manager,
          contact.hotlineId,
          hotline.timeZone,
          null,
          contactFacts({ ...contact, topics: [] } as Contact),
        );
      }).catch((error: unknown) => {
        if (error instanceof Gone)
          throw new ConflictException('Attendance was marked by someone else just now.');
        throw error;
      });
      await this.audit.record({
        actorId: actor.id,
        action: 'contact.created',
        subjectType: 'contact',
        subjectId: contact.id,
        hotlineId: booking.hotlineId,
      });
    }
    await this.audit.record({
      actorId: actor.id,
      action: `booking.${wanted}`,
      subjectType: 'booking',
      subjectId: id,
      hotlineId: booking.hotlineId,
    });
    return (await this.staffViews([await this.bookings.findOneByOrFail({ id })], false))[0];
  }

  /** Held times whose offer ran out go to the next parent waiting, or back to everyone. */
  async passExpiredOffers(): Promise<number> {
    const now = this.clock.now().toJSDate();
    const due = await this.bookings.find({
      where: { status: 'held', heldUntil: LessThanOrEqual(now) },
    });
    let passed = 0;
    for (const held of due) {
      const settings = await this.setup.settings(held.hotlineId);
      let next: { entry: WaitlistEntry; token: string } | null = null;
      await this.changing(async (manager) => {
        await manager
          .createQueryBuilder()
          .update(WaitlistEntry)
          .set({ status: 'passed', offerTokenHash: null, updatedAt: now })
          .where('offer_booking_id = :id', { id: held.id })
          .andWhere("status = 'offered'")
          .execute();
        next = await this.offerTo(manager, held, settings, now, true);
        if (!next) {
          const freed = await manager.update(
            Booking,
            { id: held.id, status: 'held' },
            { status: 'cancelled', cancelledAt: now, heldUntil: null, updatedAt: now },
          );
          if (freed.affected) await manager.delete(BookingClaim, { bookingId: held.id });
        }
      });
      passed += 1;
      const offered = next as { entry: WaitlistEntry; token: string } | null;
      if (offered)
        this.messages.offer(held, offered.entry, offered.token, settings.offerHoldMinutes);
    }
    return passed;
  }

  // ---- the core ----

  /** A transaction that may change bookings: once it commits, cached plans are stale. */
  private async changing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.transactions.run(work);
    this.bookingsVersion++;
    return result;
  }

  private async book(
    hotlineId: string,
    start: string,
    family: Family,
    by: { callId?: string | null; bookedBy?: string },
  ): Promise<BookedView> {
    const at = this.instant(start);
    const { planning, slot } = await this.slotAt(hotlineId, at, family.topic);
    if (!slot) throw await this.unavailable(hotlineId, family.topic, at, false);
    const manageToken = newToken();
    const now = this.clock.now().toJSDate();
    const booking = Object.assign(new Booking(), {
      id: randomUUID(),
      hotlineId,
      reference: newReference(),
      status: 'booked',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      bufferMinutes: planning.settings.bufferMinutes,
      localDate: slot.localDate,
      topic: family.topic,
      parentNameEncrypted: this.cipher.encrypt(family.parentName),
      phoneEncrypted: this.cipher.encrypt(family.phone),
      phoneHash: this.cipher.keyedHash(family.phone),
      descriptionEncrypted: this.cipher.encryptOptional(family.description),
      childAgeBand: family.childAgeBand ?? null,
      childGrade: family.childGrade ?? null,
      language: family.language,
      manageTokenHash: hashOf(manageToken),
      callId: by.callId ?? null,
      bookedBy: by.bookedBy ?? null,
      needsCall: false,
      confirmationSid: null,
      reminderSid: null,
      smsStatus: null,
      remindedAt: this.messages.remindedOnBooking(slot.startsAt),
      heldUntil: null,
      cancelledAt: null,
      contactId: null,
      createdAt: now,
      updatedAt: now,
    } as Omit<Booking, 'expertId' | 'roomId' | 'hotline'>);
    const secured = await this.secure(
      slot,
      planning,
      booking.id,
      () => this.slotAt(hotlineId, at, family.topic),
      async (manager, expertId, roomId) => {
        Object.assign(booking, { expertId, roomId });
        try {
          await manager.insert(Booking, booking);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          booking.reference = newReference();
          throw new Taken('reference');
        }
      },
    );
    if (!secured) throw await this.unavailable(hotlineId, family.topic, at, true);
    this.messages.confirm(booking, manageToken);
    return this.bookedView(booking, manageToken, planning.settings);
  }

  /**
   * Claims the slot's time for one of its free experts and rooms: experts with the fewest
   * bookings that day first (ties in random order, so concurrent requests spread out), each
   * try one transaction. Returns the expert and room, or null when all were taken meanwhile.
   * Before each try the latest plan (shared by a burst of requests, recomputed after each
   * booking) says whether the pair is still free, so a burst for a taken time is answered
   * without a transaction each.
   */
  private async secure(
    slot: FreeSlot,
    planning: Planning,
    bookingId: string,
    latest: () => Promise<{ slot?: FreeSlot }>,
    write: (manager: EntityManager, expertId: string, roomId: string) => Promise<void>,
  ): Promise<{ expertId: string; roomId: string } | null> {
    const steps = heldSteps(slot.startsAt, planning.settings);
    const experts = shuffle(slot.experts).sort(
      (a, b) => (planning.load.get(a) ?? 0) - (planning.load.get(b) ?? 0),
    );
    const rooms = shuffle(slot.rooms);
    const takenRooms = new Set<string>();
    for (const expertId of experts) {
      for (const roomId of rooms) {
        if (takenRooms.has(roomId)) continue;
        const free = (await latest()).slot;
        if (!free) return null;
        if (!free.experts.includes(expertId)) break;
        if (!free.rooms.includes(roomId)) {
          takenRooms.add(roomId);
          continue;
        }
        const outcome = await this.attempt(steps, bookingId, expertId, roomId, write);
        if (outcome === 'secured') return { expertId, roomId };
        if (outcome === 'room') takenRooms.add(roomId);
        if (outcome === 'expert') break;
      }
    }
    return null;
  }

  private async attempt(
    steps: number[],
    bookingId: string,
    expertId: string,
    roomId: string,
    write: (manager: EntityManager, expertId: string, roomId: string) => Promise<void>,
  ): Promise<'secured' | 'expert' | 'room'> {
    for (let tries = 1; ; tries++) {
      try {
        await this.changing(async (manager) => {
          await this.claim(manager, expertId, steps, bookingId, 'expert');
          await this.claim(manager, roomId, steps, bookingId, 'room');
          await write(manager, expertId, roomId);
        });
        return 'secured';
      } catch (error) {
        if (error instanceof Taken && error.which !== 'reference') return error.which;
        // A clash of references, or of locks, says nothing about the time: try again.
        if ((error instanceof Taken || isLockConflict(error)) && tries < 8) continue;
        throw error;
      }
    }
  }

  private async claim(
    manager: EntityManager,
    resourceId: string,
    steps: number[],
    bookingId: string,
    which: 'expert' | 'room',
  ): Promise<void> {
    try {
      await manager
        .createQueryBuilder()
        .insert()
        .into(BookingClaim)
        .values(steps.map((atMinute) => ({ resourceId, atMinute, bookingId })))
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new Taken(which);
      throw error;
    }
  }

  /** Cancels a booking; its time goes to the first parent waiting for that day, or to everyone. */
  private async release(booking: Booking, settings: BookingSettingsView): Promise<void> {
    const now = this.clock.now().toJSDate();
    let next: { entry: WaitlistEntry; token: string; held: Booking } | null = null;
    for (let tries = 1; ; tries++) {
      try {
        await this.changing(async (manager) => {
          const cancelled = await manager.update(
            Booking,
            { id: booking.id, status: 'booked' },
            { status: 'cancelled', cancelledAt: now, updatedAt: now },
          );
          if (!cancelled.affected) throw new Gone();
          const held = Object.assign(new Booking(), {
            ...booking,
            id: randomUUID(),
            reference: newReference(),
            status: 'held',
            parentNameEncrypted: null,
            phoneEncrypted: null,
            phoneHash: null,
            descriptionEncrypted: null,
            manageTokenHash: null,
            callId: null,
            bookedBy: null,
            needsCall: false,
            confirmationSid: null,
            reminderSid: null,
            smsStatus: null,
            remindedAt: null,
            heldUntil: now,
            cancelledAt: null,
            contactId: null,
            createdAt: now,
            updatedAt: now,
          });
          const waiting = await manager.findOne(WaitlistEntry, {
            where: {
              hotlineId: booking.hotlineId,
              localDate: booking.localDate,
              status: 'waiting',
            },
          });
          if (waiting && booking.startsAt > now) {
            await manager.insert(Booking, held);
            const offered = await this.offerTo(manager, held, settings, now, false);
            if (offered) {
              await manager.update(BookingClaim, { bookingId: booking.id }, { bookingId: held.id });
              next = { ...offered, held };
              return;
            }
            await manager.delete(Booking, { id: held.id });
          }
          await manager.delete(BookingClaim, { bookingId: booking.id });
        });
        break;
      } catch (error) {
        if (error instanceof Gone) return;
        if ((isUniqueViolation(error) || isLockConflict(error)) && tries < 5) continue;
        throw error;
      }
    }
    const offered = next as { entry: WaitlistEntry; token: string; held: Booking } | null;
    if (offered)
      this.messages.offer(offered.held, offered.entry, offered.token, settings.offerHoldMinutes);
  }

  /**
   * Offers the held booking to the first parent waiting for its day (and topic, when one waits
   * for it; else the first of the day), holding it for the offer time. Null when nobody waits.
   */
  private async offerTo(
    manager: EntityManager,
    held: Booking,
    settings: BookingSettingsView,
    now: Date,
    existing: boolean,
  ): Promise<{ entry: WaitlistEntry; token: string } | null> {
    if (held.startsAt <= now) return null;
    const waiting = await manager.find(WaitlistEntry, {
      where: { hotlineId: held.hotlineId, localDate: held.localDate, status: 'waiting' },
      order: { queueKey: 'ASC' },
      take: 20,
    });
    const ordered = [
      ...waiting.filter((entry) => entry.topic === held.topic),
      ...waiting.filter((entry) => entry.topic !== held.topic),
    ];
    const until = new Date(now.getTime() + settings.offerHoldMinutes * 60_000);
    for (const entry of ordered) {
      const token = newToken();
      const taken = await manager.update(
        WaitlistEntry,
        { id: entry.id, status: 'waiting' },
        {
          status: 'offered',
          offerTokenHash: hashOf(token),
          offerBookingId: held.id,
          offerExpiresAt: until,
          updatedAt: now,
        },
      );
      if (!taken.affected) continue;
      const holding = {
        heldUntil: until,
        topic: entry.topic,
        language: entry.language,
        updatedAt: now,
      };
      if (existing) await manager.update(Booking, { id: held.id, status: 'held' }, holding);
      else await manager.update(Booking, { id: held.id }, holding);
      Object.assign(held, holding);
      return { entry: Object.assign(entry, { status: 'offered' }), token };
    }
    return null;
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

  /** The plan of the instant's local day, and the free slot starting at that instant if any. */
  private async slotAt(
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

  /** 409 with up to five free times nearest to the one asked for. */
  private async unavailable(
    hotlineId: string,
    topic: string,
    at: DateTime,
    justTaken: boolean,
  ): Promise<ConflictException> {
    const hotline = await this.directory.hotline(hotlineId);
    const { settings } = await this.setupOf(hotlineId);
    const today = this.clock.now().setZone(hotline.timeZone);
    const first = today.toISODate()!;
    const last = today.plus({ days: settings.horizonDays }).toISODate()!;
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

  private instant(start: string): DateTime {
    const at = DateTime.fromISO(start, { setZone: true });
    if (!at.isValid) throw invalidFields({ start: ['start must be a valid instant'] });
    return at.toUTC();
  }

  private family(
    dto: Omit<Family, 'phone'> & { description?: string | null },
    phone: string,
  ): Family {
    const parsed = parsePhone(phone);
    if (!parsed) throw invalidFields({ phone: ['phone must be a phone number we can text'] });
    return {
      topic: dto.topic,
      parentName: dto.parentName,
      phone: parsed,
      description: dto.description ?? null,
      childAgeBand: dto.childAgeBand ?? null,
      childGrade: dto.childGrade ?? null,
      language: dto.language,
    };
  }

  private async byToken(token: string): Promise<Booking> {
    const hash = hashOf(token ?? '');
    const booking = token ? await this.bookings.findOneBy({ manageTokenHash: hash }) : null;
    // The lookup is by hash; the comparison of what was found takes constant time all the same.
    if (
      !booking?.manageTokenHash ||
      !timingSafeEqual(Buffer.from(booking.manageTokenHash), Buffer.from(hash))
    )
      throw new NotFoundException('No booking with this link. It may have been changed.');
    return booking;
  }

  private async liveOffer(token: string): Promise<{ entry: WaitlistEntry; held: Booking }> {
    const hash = hashOf(token ?? '');
    const entry = token ? await this.waitlist.findOneBy({ offerTokenHash: hash }) : null;
    const held =
      entry?.status === 'offered' && entry.offerBookingId
        ? await this.bookings.findOneBy({ id: entry.offerBookingId, status: 'held' })
        : null;
    if (
      !entry?.offerTokenHash ||
      !timingSafeEqual(Buffer.from(entry.offerTokenHash), Buffer.from(hash)) ||
      !held?.heldUntil ||
      held.heldUntil <= this.clock.now().toJSDate()
    )
      throw new NotFoundException('This offer has run out or was already used.');
    return { entry, held };
  }

  private beforeCutoff(booking: Booking, settings: BookingSettingsView): boolean {
    return (
      this.clock.now().plus({ hours: settings.changeCutoffHours }).toJSDate() < booking.startsAt
    );
  }

  private async checkCutoff(booking: Booking, settings: BookingSettingsView): Promise<void> {
    if (this.beforeCutoff(booking, settings)) return;
    const phone = await this.messages.hotlinePhone(booking.hotlineId);
    throw new ConflictException(
      `Bookings can be changed online until ${settings.changeCutoffHours} hours before the session. Please call the hotline${phone ? ` on ${phone}` : ''} to change or cancel it.`,
    );
  }

  private async visible(actor: Volunteer, id: string): Promise<Booking> {
    const booking = await this.bookings.findOneBy({ id });
    const worksFor =
      booking &&
      (actor.hasRole('admin') ||
        actor.hotlines.some((hotline) => hotline.id === booking.hotlineId));
    if (
      !booking ||
      booking.status === 'held' ||
      !worksFor ||
      !(actor.hasRole('supervisor', 'coordinator', 'admin') || booking.expertId === actor.id)
    )
      throw new NotFoundException(`No booking ${id} that you may see.`);
    return booking;
  }

  private async localSlot(booking: Booking): Promise<FreeSlot> {
    const zone = (await this.directory.hotline(booking.hotlineId)).timeZone;
    const local = DateTime.fromJSDate(booking.startsAt, { zone });
    return {
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      localDate: local.toISODate()!,
      localTime: local.toFormat('HH:mm'),
      experts: [],
      rooms: [],
    };
  }

  private async bookedView(
    booking: Booking,
    manageToken: string,
    settings: BookingSettingsView,
  ): Promise<BookedView> {
    return {
      reference: booking.reference,
      status: 'booked',
      ...slotView(await this.localSlot(booking)),
      topic: booking.topic,
      centreAddress: settings.centreAddress,
      manageToken,
      manageUrl: this.messages.manageUrl(manageToken),
    };
  }

  private async staffViews(rows: Booking[], details: boolean): Promise<StaffBookingView[]> {
    if (rows.length === 0) return [];
    const [experts, rooms] = await Promise.all([
      this.volunteers.find({
        where: { id: In([...new Set(rows.map((row) => row.expertId))]) },
        select: { id: true, name: true },
      }),
      this.rooms.find({ where: { id: In([...new Set(rows.map((row) => row.roomId))]) } }),
    ]);
    const views: StaffBookingView[] = [];
    for (const row of rows) {
      views.push({
        id: row.id,
        hotlineId: row.hotlineId,
        reference: row.reference,
        status: row.status,
        ...slotView(await this.localSlot(row)),
        topic: row.topic,
        expertId: row.expertId,
        expertName: experts.find((expert) => expert.id === row.expertId)?.name ?? '',
        roomId: row.roomId,
        roomName: rooms.find((room) => room.id === row.roomId)?.name ?? '',
        parentName: this.cipher.decryptOptional(row.parentNameEncrypted),
        childAgeBand: row.childAgeBand,
        childGrade: row.childGrade,
        language: row.language,
        hasPhone: row.phoneEncrypted !== null,
        needsCall: row.needsCall,
        smsStatus: row.smsStatus,
        contactId: row.contactId,
        callId: row.callId,
        ...(details
          ? {
              phone: this.cipher.decryptOptional(row.phoneEncrypted),
              description: this.cipher.decryptOptional(row.descriptionEncrypted),
            }
          : {}),
      });
    }
    return views;
  }
}

/** Whether an expert takes families with this topic: no topic skills means every topic. */
function takes(expert: Pick<Volunteer, 'topicSkills'>, topic?: string): boolean {
  if (!topic || expert.topicSkills.length === 0) return true;
  return expert.topicSkills.some((key) => defaultTaxonomy().topLevelOf(key) === topic);
}

function slotView(slot: FreeSlot): SlotView {
  return {
    start: slot.startsAt.toISOString(),
    end: slot.endsAt.toISOString(),
    localDate: slot.localDate,
    localTime: slot.localTime,
  };
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
