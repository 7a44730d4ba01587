import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { invalidFields } from '../common/validation';
import { isUniqueViolation } from '../database/errors';
import { BookingMessages } from './booking-messages.service';
import { BookingSetupService } from './booking-setup.service';
import { Booking } from './booking.entity';
import { hashOf, holdsHash, newReference, newToken } from './booking-keys';
import { BookingViews } from './booking-views';
import {
  BookedView,
  BookingSettingsView,
  CancelledView,
  ManagedBookingView,
  PublicBookingDto,
} from './dto/booking.dto';
import { Family, familyOf } from './family';
import { Gone, Taken, TimeClaims } from './time-claims';
import { WaitlistOffers } from './waitlist-offers';

/**
 * A family's booking, whoever made it: booked at a free time, then seen, moved or cancelled
 * by the family with its manage link until the change cut-off. The link's token is shown once
 * and stored only as its hash; a moved booking gets a new one.
 */
@Injectable()
export class FamilyBookings {
  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    private readonly setup: BookingSetupService,
    private readonly claims: TimeClaims,
    private readonly offers: WaitlistOffers,
    private readonly messages: BookingMessages,
    private readonly views: BookingViews,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async publicBook(dto: PublicBookingDto): Promise<BookedView> {
    return this.book(await this.setup.publicHotline(), dto.start, familyOf(dto, dto.phone), {});
  }

  /** Books a free time for a family: on the page, or by staff for a caller. */
  async book(
    hotlineId: string,
    start: string,
    family: Family,
    by: { callId?: string | null; bookedBy?: string },
  ): Promise<BookedView> {
    const manageToken = newToken();
    const booking = Object.assign(new Booking(), {
      id: randomUUID(),
      hotlineId,
      reference: newReference(),
      status: 'booked',
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
      heldUntil: null,
      cancelledAt: null,
      contactId: null,
    } as Omit<Booking, 'expertId' | 'roomId' | 'hotline'>);
    const { planning } = await this.claims.claimAt(
      hotlineId,
      instant(start),
      family.topic,
      booking.id,
      ({ slot, planning }) => {
        const now = this.clock.now().toJSDate();
        Object.assign(booking, {
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          bufferMinutes: planning.settings.bufferMinutes,
          localDate: slot.localDate,
          remindedAt: this.messages.remindedOnBooking(slot.startsAt),
          createdAt: now,
          updatedAt: now,
        });
        return async (manager, expertId, roomId) => {
          Object.assign(booking, { expertId, roomId });
          try {
            await manager.insert(Booking, booking);
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            booking.reference = newReference();
            throw new Taken('reference');
          }
        };
      },
    );
    this.messages.confirm(booking, manageToken);
    return this.views.booked(booking, manageToken, planning.settings);
  }

  async managed(token: string): Promise<ManagedBookingView> {
    const booking = await this.byToken(token);
    const settings = await this.setup.settings(booking.hotlineId);
    return {
      reference: booking.reference,
      status: booking.status,
      ...(await this.views.slot(booking)),
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
    await this.offers.cancel(booking, settings);
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
    const manageToken = newToken();
    const now = this.clock.now().toJSDate();
    const moved = { ...booking };
    const { planning } = await this.claims
      .claimAt(
        booking.hotlineId,
        instant(start),
        booking.topic,
        booking.id,
        ({ slot, planning }) =>
          async (manager, expertId, roomId) => {
            await this.claims.giveBack(manager, booking);
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
      )
      .catch((error: unknown) => {
        if (error instanceof Gone)
          throw new NotFoundException('This booking was changed or cancelled meanwhile.');
        throw error;
      });
    this.messages.confirm(moved as Booking, manageToken);
    return this.views.booked(moved as Booking, manageToken, planning.settings);
  }

  private async byToken(token: string): Promise<Booking> {
    const hash = hashOf(token ?? '');
    const booking = token ? await this.bookings.findOneBy({ manageTokenHash: hash }) : null;
    if (!booking || !holdsHash(booking.manageTokenHash, hash))
      throw new NotFoundException('No booking with this link. It may have been changed.');
    return booking;
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
}

function instant(start: string): DateTime {
  const at = DateTime.fromISO(start, { setZone: true });
  if (!at.isValid) throw invalidFields({ start: ['start must be a valid instant'] });
  return at.toUTC();
}
