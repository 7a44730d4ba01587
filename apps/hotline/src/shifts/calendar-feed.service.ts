import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import ical, { ICalEventStatus } from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { In, MoreThan, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { Telephony } from '../telephony/telephony';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { VolunteersService } from '../volunteers/volunteers.service';
import { Shift, ShiftSignup } from './shift.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Each person's private calendar feed of their shifts. The address carries a long random
 * token; only its hash is stored, a new one replaces the old, and a revoked or unknown token
 * is a 404. Events keep their UID across changes and carry the shift's version as SEQUENCE,
 * so phone calendars update them in place; a withdrawn shift leaves the feed.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly people: VolunteersService,
    @InjectRepository(ShiftSignup) private readonly signups: Repository<ShiftSignup>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    private readonly directory: HotlineDirectory,
    private readonly telephony: Telephony,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async create(actor: Volunteer): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.people.setCalendarFeedToken(actor.id, hashOf(token));
    await this.record(actor, 'calendar_feed.created');
    return { url: this.telephony.url(`/calendar/${token}.ics`) };
  }

  async revoke(actor: Volunteer): Promise<void> {
    await this.people.setCalendarFeedToken(actor.id, null);
    await this.record(actor, 'calendar_feed.revoked');
  }

  async feed(token: string): Promise<string> {
    const volunteer = token ? await this.people.withCalendarFeedToken(hashOf(token)) : null;
    if (!volunteer) throw new NotFoundException('No such calendar.');
    const signups = await this.signups.find({ where: { volunteerId: volunteer.id } });
    const since = this.clock.now().minus({ days: 60 }).toJSDate();
    const shifts = signups.length
      ? await this.shifts.find({
          where: { id: In(signups.map((signup) => signup.shiftId)), endsAt: MoreThan(since) },
          order: { startsAt: 'ASC' },
        })
      : [];
    const calendar = ical({ name: '热线值班 Hotline shifts', prodId: '//hotline//shifts//ZH' });
    for (const shift of shifts) {
      const hotline = await this.directory.hotline(shift.hotlineId);
      const slot = signups.find((signup) => signup.shiftId === shift.id)!.slot;
      calendar.createEvent({
        id: `shift-${shift.id}@hotline`,
        sequence: shift.version,
        start: shift.startsAt,
        end: shift.endsAt,
        summary: `${hotline.name}: ${slot === 'supervisor' ? '督导值班 Supervisor shift' : '值班 Shift'}`,
        status: shift.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        url: this.telephony.url('/console/'),
        stamp: shift.updatedAt,
      });
    }
    return calendar.toString();
  }

  private record(actor: Volunteer, action: string): Promise<void> {
    return this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'volunteer',
      subjectId: actor.id,
    });
  }
}
