import {
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, LessThanOrEqual, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { isUniqueViolation } from '../database/errors';
import { Cluster } from '../instances/cluster';
import { BookingMessages } from './booking-messages.service';
import { BookingSetupService } from './booking-setup.service';
import { Booking, WaitlistEntry } from './booking.entity';
import { hashOf, holdsHash, newReference, newToken } from './booking-keys';
import { BookingViews } from './booking-views';
import { BookedView, BookingSettingsView, WaitlistOfferView } from './dto/booking.dto';
import { isLockConflict } from '../database/transactions';
import { Gone, TimeClaims } from './time-claims';

/** How often held offers that ran out are passed on (real time). */
const OFFERS_EVERY_MS = 30_000;

interface Offered {
  entry: WaitlistEntry;
  token: string;
}

/**
 * Offers to the waitlist: a cancelled time is not released but held for the first parent
 * waiting for its day, who sees it by the offer link and may take it; an offer that runs out
 * passes to the next one, or frees the time when nobody is left. The claims move with the
 * time, so nobody else can book it meanwhile.
 */
@Injectable()
export class WaitlistOffers implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Bookings');
  private stopJob?: () => void;

  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    @InjectRepository(WaitlistEntry) private readonly waitlist: Repository<WaitlistEntry>,
    private readonly setup: BookingSetupService,
    private readonly messages: BookingMessages,
    private readonly claims: TimeClaims,
    private readonly views: BookingViews,
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

  async offer(token: string): Promise<WaitlistOfferView> {
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

  /** Cancels a booking; its time goes to the first parent waiting for that day, or to everyone. */
  async cancel(booking: Booking, settings: BookingSettingsView): Promise<void> {
    const now = this.clock.now().toJSDate();
    let next: (Offered & { held: Booking }) | null = null;
    for (let tries = 1; ; tries++) {
      try {
        await this.claims.changing(async (manager) => {
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
              await this.claims.handOver(manager, booking.id, held.id);
              next = { ...offered, held };
              return;
            }
            await manager.delete(Booking, { id: held.id });
          }
          await this.claims.release(manager, booking.id);
        });
        break;
      } catch (error) {
        if (error instanceof Gone) return;
        if ((isUniqueViolation(error) || isLockConflict(error)) && tries < 5) continue;
        throw error;
      }
    }
    const offered = next as (Offered & { held: Booking }) | null;
    if (offered)
      this.messages.offer(offered.held, offered.entry, offered.token, settings.offerHoldMinutes);
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
      let next: Offered | null = null;
      await this.claims.changing(async (manager) => {
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
          if (freed.affected) await this.claims.release(manager, held.id);
        }
      });
      passed += 1;
      const offered = next as Offered | null;
      if (offered)
        this.messages.offer(held, offered.entry, offered.token, settings.offerHoldMinutes);
    }
    return passed;
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
  ): Promise<Offered | null> {
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
