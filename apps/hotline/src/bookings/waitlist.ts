import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { invalidFields } from '../common/validation';
import { BookingMessages } from './booking-messages.service';
import { BookingSetupService } from './booking-setup.service';
import { Booking, WaitlistEntry } from './booking.entity';
import { hashOf, holdsHash, newToken } from './booking-keys';
import { BookingViews } from './booking-views';
import { BookedView, OfferView, WaitlistDto, WaitlistView } from './dto/booking.dto';
import { familyOf } from './family';
import { SlotPlan } from './slot-plan';
import { Gone, TimeClaims } from './time-claims';

/**
 * Parents waiting for a time on a day, first come, first served: they join the line, see the
 * time held for them by its offer link, and take it. Offering and passing on is
 * `WaitlistOffers`' part.
 */
@Injectable()
export class Waitlist {
  constructor(
    @InjectRepository(WaitlistEntry) private readonly waitlist: Repository<WaitlistEntry>,
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    private readonly setup: BookingSetupService,
    private readonly plan: SlotPlan,
    private readonly claims: TimeClaims,
    private readonly messages: BookingMessages,
    private readonly views: BookingViews,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async join(dto: WaitlistDto): Promise<WaitlistView> {
    const hotlineId = await this.setup.publicHotline();
    const family = familyOf(dto, dto.phone);
    const settings = await this.setup.settings(hotlineId);
    const { first, last } = await this.plan.bookableDates(hotlineId, settings.horizonDays);
    if (dto.date < first || dto.date > last)
      throw invalidFields({ date: [`date must be from ${first} to ${last}`] });
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

  async offer(token: string): Promise<OfferView> {
    const { held } = await this.liveOffer(token);
    return { ...(await this.views.slot(held)), expiresAt: held.heldUntil!.toISOString() };
  }

  /** Takes a held time: the held booking becomes the parent's booking. */
  async accept(token: string): Promise<BookedView> {
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
    await this.claims
      .changing(async (manager) => {
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
      })
      .catch((error: unknown) => {
        if (error instanceof Gone)
          throw new NotFoundException('This offer has run out or was already used.');
        throw error;
      });
    const booking = Object.assign(held, booked) as Booking;
    this.messages.confirm(booking, manageToken);
    return this.views.booked(booking, manageToken, await this.setup.settings(booking.hotlineId));
  }

  private async liveOffer(token: string): Promise<{ entry: WaitlistEntry; held: Booking }> {
    const hash = hashOf(token ?? '');
    const entry = token ? await this.waitlist.findOneBy({ offerTokenHash: hash }) : null;
    const held =
      entry?.status === 'offered' && entry.offerBookingId
        ? await this.bookings.findOneBy({ id: entry.offerBookingId, status: 'held' })
        : null;
    if (
      !holdsHash(entry?.offerTokenHash, hash) ||
      !held?.heldUntil ||
      held.heldUntil <= this.clock.now().toJSDate()
    )
      throw new NotFoundException('This offer has run out or was already used.');
    return { entry: entry!, held };
  }
}
