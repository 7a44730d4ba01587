import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { FaceToFaceRecords } from '../contacts/face-to-face-records';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Booking } from './booking.entity';
import { BookingViews } from './booking-views';
import { Desk } from './desk';
import { StaffBookingView } from './dto/booking.dto';
import { Gone, TimeClaims } from './time-claims';

/**
 * Who came to a session, from its start. A family that came gets a face-to-face contact
 * record (opened by the contacts module, in the transaction that marks the booking) for the
 * expert to complete like a call's wrap-up; a no-show gets none, and can still be corrected
 * to attended.
 */
@Injectable()
export class Attendance {
  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    private readonly desk: Desk,
    private readonly claims: TimeClaims,
    private readonly records: FaceToFaceRecords,
    private readonly views: BookingViews,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async mark(actor: Volunteer, id: string, attended: boolean): Promise<StaffBookingView> {
    const booking = await this.desk.visible(actor, id);
    const wanted = attended ? 'attended' : 'no_show';
    if (booking.status === wanted) return this.views.staffOne(booking, false);
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
      const contact = await this.claims
        .changing(async (manager) => {
          const opened = await this.records.open(manager, {
            hotlineId: booking.hotlineId,
            volunteerId: booking.expertId,
            recordedBy: actor.id,
            startsAt: booking.startsAt,
            endsAt: booking.endsAt,
            ageBand: booking.childAgeBand,
            grade: booking.childGrade,
            callerHash: booking.phoneHash,
          });
          const marked = await manager.update(
            Booking,
            { id, status: In(['booked', 'no_show']) },
            { status: 'attended', contactId: opened.id, updatedAt: now },
          );
          if (!marked.affected) throw new Gone();
          return opened;
        })
        .catch((error: unknown) => {
          if (error instanceof Gone)
            throw new ConflictException('Attendance was marked by someone else just now.');
          throw error;
        });
      await this.records.opened(actor.id, contact);
    }
    await this.audit.record({
      actorId: actor.id,
      action: `booking.${wanted}`,
      subjectType: 'booking',
      subjectId: id,
      hotlineId: booking.hotlineId,
    });
    return this.views.staffOne(await this.bookings.findOneByOrFail({ id }), false);
  }
}
