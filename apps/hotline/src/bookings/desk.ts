import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import { FieldCipher } from '../common/field-cipher';
import { invalidFields } from '../common/validation';
import { hotlineFor } from '../hotlines/hotline-scope';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Booking } from './booking.entity';
import { BookingViews } from './booking-views';
import {
  BookedView,
  DayQuery,
  StaffBookingDto,
  StaffBookingView,
  parsePhone,
} from './dto/booking.dto';
import { FamilyBookings } from './family-bookings';
import { familyOf } from './family';

/**
 * The staff desk: a volunteer books for the caller of their call, supervisors and coordinators
 * for anyone; staff see a day's bookings (a volunteer only those where they are the expert)
 * and one booking's details. Every read of a family's details is audited.
 */
@Injectable()
export class Desk {
  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly family: FamilyBookings,
    private readonly views: BookingViews,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async book(actor: Volunteer, dto: StaffBookingDto): Promise<BookedView> {
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
    const booked = await this.family.book(hotlineId, dto.start, familyOf(dto, phone!), {
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
    const views = await this.views.staff(rows, false);
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
    return this.views.staffOne(booking, true);
  }

  /**
   * A booking the actor may see: on a hotline they work for, and (for a volunteer) one where
   * they are the expert. Held times belong to no family yet and are nobody's to see.
   */
  async visible(actor: Volunteer, id: string): Promise<Booking> {
    const booking = await this.bookings.findOneBy({ id });
    if (
      !booking ||
      booking.status === 'held' ||
      !actor.worksFor(booking.hotlineId) ||
      !(actor.hasRole('supervisor', 'coordinator', 'admin') || booking.expertId === actor.id)
    )
      throw new NotFoundException(`No booking ${id} that you may see.`);
    return booking;
  }
}
