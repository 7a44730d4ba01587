import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { bookingRulesProblems, windowProblems } from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { invalidFields } from '../common/validation';
import { isUniqueViolation } from '../database/errors';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import {
  AvailabilityDate,
  BookingSettings,
  DEFAULT_BOOKING_SETTINGS,
  ExpertAvailability,
  Room,
} from './booking.entity';
import {
  AvailabilityQuery,
  AvailabilityView,
  BookingSettingsDto,
  BookingSettingsView,
  DatedAvailabilityDto,
  DatedAvailabilityView,
  RoomDto,
  RoomView,
  UpdateRoomDto,
  WeeklyAvailabilityDto,
  WeeklyAvailabilityView,
} from './dto/booking.dto';
import { hotlineFor } from '../hotlines/hotline-scope';

/**
 * What a coordinator sets up for face-to-face sessions: the booking rules of a hotline, the
 * rooms of its guidance centre, and when each expert sees families (weekly windows, dated
 * windows, days off). All times are local wall-clock times in the hotline's zone.
 */
@Injectable()
export class BookingSetupService {
  /** Raised on every change, so cached copies of the setup are dropped. */
  version = 0;

  constructor(
    @InjectRepository(BookingSettings) private readonly settingsRows: Repository<BookingSettings>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(ExpertAvailability)
    private readonly weekly: Repository<ExpertAvailability>,
    @InjectRepository(AvailabilityDate) private readonly dated: Repository<AvailabilityDate>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

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

  /** The hotline's rules, the defaults where a coordinator set none. */
  async settings(hotlineId: string): Promise<BookingSettingsView> {
    const row = await this.settingsRows.findOneBy({ hotlineId });
    return {
      hotlineId,
      ...DEFAULT_BOOKING_SETTINGS,
      centreAddress: null,
      ...(row ? settingsOf(row) : {}),
    };
  }

  async getSettings(actor: Volunteer, hotlineId?: string): Promise<BookingSettingsView> {
    return this.settings(hotlineFor(actor, hotlineId));
  }

  async changeSettings(actor: Volunteer, dto: BookingSettingsDto): Promise<BookingSettingsView> {
    const hotlineId = hotlineFor(actor, dto.hotlineId);
    const { hotlineId: _which, ...changes } = dto;
    const next = { ...(await this.settings(hotlineId)), ...changes };
    const problems = bookingRulesProblems(next);
    if (problems.length > 0)
      throw invalidFields(
        Object.fromEntries(problems.map((problem) => [problem.split(' ')[0], [problem]])),
      );
    const row = { ...next, updatedAt: this.clock.now().toJSDate() };
    // Two first saves at once both insert; the later one then updates the row the other made.
    await this.settingsRows.save(row).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      return this.settingsRows.save(row);
    });
    this.version += 1;
    await this.record(actor, 'booking_settings.changed', 'hotline', hotlineId, hotlineId);
    return next;
  }

  async listRooms(actor: Volunteer, hotlineId?: string): Promise<RoomView[]> {
    const rooms = await this.rooms.find({
      where: { hotlineId: hotlineFor(actor, hotlineId) },
      order: { name: 'ASC' },
    });
    return rooms.map(roomView);
  }

  async createRoom(actor: Volunteer, dto: RoomDto): Promise<RoomView> {
    const now = this.clock.now().toJSDate();
    const room = this.rooms.create({
      id: randomUUID(),
      hotlineId: hotlineFor(actor, dto.hotlineId),
      name: dto.name,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    await this.rooms.insert(room);
    this.version += 1;
    await this.record(actor, 'room.created', 'room', room.id, room.hotlineId);
    return roomView(room);
  }

  async updateRoom(actor: Volunteer, id: string, dto: UpdateRoomDto): Promise<RoomView> {
    const room = await this.rooms.findOneBy({ id });
    if (!room || !actor.worksFor(room.hotlineId))
      throw new NotFoundException(`No room ${id} on a hotline you work for.`);
    Object.assign(room, dto, { updatedAt: this.clock.now().toJSDate() });
    await this.rooms.save(room);
    this.version += 1;
    await this.record(actor, 'room.updated', 'room', id, room.hotlineId);
    return roomView(room);
  }

  async availability(actor: Volunteer, query: AvailabilityQuery): Promise<AvailabilityView> {
    const hotlineId = hotlineFor(actor, query.hotlineId);
    const who = query.volunteerId ? { volunteerId: query.volunteerId } : {};
    const [weekly, dates] = await Promise.all([
      this.weekly.find({
        where: { hotlineId, ...who },
        order: { weekday: 'ASC', startTime: 'ASC' },
      }),
      this.dated.find({ where: { hotlineId, ...who }, order: { localDate: 'ASC' } }),
    ]);
    return { weekly: weekly.map(weeklyView), dates: dates.map(datedView) };
  }

  async addWeekly(actor: Volunteer, dto: WeeklyAvailabilityDto): Promise<WeeklyAvailabilityView> {
    const hotlineId = hotlineFor(actor, dto.hotlineId);
    await this.expertOf(hotlineId, dto.volunteerId);
    checkWindow(dto.startTime, dto.endTime);
    const row = this.weekly.create({
      id: randomUUID(),
      hotlineId,
      volunteerId: dto.volunteerId,
      weekday: dto.weekday,
      startTime: dto.startTime,
      endTime: dto.endTime,
      createdAt: this.clock.now().toJSDate(),
    });
    await this.weekly.insert(row);
    this.version += 1;
    await this.record(actor, 'availability.added', 'volunteer', dto.volunteerId, hotlineId);
    return weeklyView(row);
  }

  async addDated(actor: Volunteer, dto: DatedAvailabilityDto): Promise<DatedAvailabilityView> {
    const hotlineId = hotlineFor(actor, dto.hotlineId);
    if (dto.volunteerId) await this.expertOf(hotlineId, dto.volunteerId);
    if (dto.startTime !== undefined || dto.endTime !== undefined) {
      if (!dto.volunteerId)
        throw invalidFields({
          volunteerId: ['volunteerId is needed for dated hours; leave the times out for a day off'],
        });
      checkWindow(dto.startTime ?? '', dto.endTime ?? '');
    }
    const row = this.dated.create({
      id: randomUUID(),
      hotlineId,
      volunteerId: dto.volunteerId ?? null,
      localDate: dto.date,
      startTime: dto.startTime ?? null,
      endTime: dto.endTime ?? null,
      reason: dto.reason ?? null,
      createdAt: this.clock.now().toJSDate(),
    });
    await this.dated.insert(row);
    this.version += 1;
    await this.record(actor, 'availability.date_added', 'hotline', hotlineId, hotlineId);
    return datedView(row);
  }

  /** Removes a weekly window or a dated row; bookings already made stay. */
  async remove(actor: Volunteer, kind: 'weekly' | 'dated', id: string): Promise<void> {
    const repository: Repository<ExpertAvailability | AvailabilityDate> =
      kind === 'weekly' ? this.weekly : this.dated;
    const row = await repository.findOneBy({ id });
    if (!row || !actor.worksFor(row.hotlineId))
      throw new NotFoundException(`No availability ${id} on a hotline you work for.`);
    await repository.delete({ id });
    this.version += 1;
    await this.record(actor, 'availability.removed', 'hotline', row.hotlineId, row.hotlineId);
  }

  private async expertOf(hotlineId: string, volunteerId: string): Promise<void> {
    const expert = await this.volunteers.findOne({
      where: { id: volunteerId, hotlines: { id: hotlineId }, active: true },
    });
    if (!expert)
      throw invalidFields({ volunteerId: [`No active volunteer ${volunteerId} on this hotline.`] });
  }

  private record(
    actor: Volunteer,
    action: string,
    subjectType: string,
    subjectId: string,
    hotlineId: string,
  ): Promise<void> {
    return this.audit.record({ actorId: actor.id, action, subjectType, subjectId, hotlineId });
  }
}

function checkWindow(start: string, end: string): void {
  const problems = windowProblems(start, end);
  if (problems.length > 0)
    throw invalidFields({
      [problems[0].startsWith('start') ? 'startTime' : 'endTime']: problems,
    });
}

const settingsOf = (row: BookingSettings) => ({
  sessionMinutes: row.sessionMinutes,
  bufferMinutes: row.bufferMinutes,
  minNoticeHours: row.minNoticeHours,
  horizonDays: row.horizonDays,
  changeCutoffHours: row.changeCutoffHours,
  offerHoldMinutes: row.offerHoldMinutes,
  centreAddress: row.centreAddress,
});

const roomView = (room: Room): RoomView => ({
  id: room.id,
  hotlineId: room.hotlineId,
  name: room.name,
  active: room.active,
});

const weeklyView = (row: ExpertAvailability): WeeklyAvailabilityView => ({
  id: row.id,
  volunteerId: row.volunteerId,
  weekday: row.weekday,
  startTime: row.startTime,
  endTime: row.endTime,
});

const datedView = (row: AvailabilityDate): DatedAvailabilityView => ({
  id: row.id,
  volunteerId: row.volunteerId,
  date: row.localDate,
  startTime: row.startTime,
  endTime: row.endTime,
  reason: row.reason,
});
