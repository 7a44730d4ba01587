import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { FreeSlot, heldSteps } from '@hotline/calendar';
import { isUniqueViolation } from '../database/errors';
import { Transactions, isLockConflict } from '../database/transactions';
import { Booking, BookingClaim } from './booking.entity';
import { ClaimOrder } from './claim-order';
import { Planning, SlotPlan } from './slot-plan';

/** An expert's or a room's time was already held: which one, so the next try skips it. */
export class Taken extends Error {
  constructor(readonly which: 'expert' | 'room' | 'reference') {
    super(`${which} taken`);
  }
}

/** The booking changed under us (cancelled or moved at the same moment). */
export class Gone extends Error {}

/** Writes the booking that holds the claimed time, in the claims' transaction. */
export type ClaimWrite = (
  manager: EntityManager,
  expertId: string,
  roomId: string,
) => Promise<void>;

/** The free time claimed, and the plan it was found in (with the rules it was booked under). */
export interface Claimed {
  slot: FreeSlot;
  planning: Planning;
}

/**
 * The only writer of `booking_claim`. A booking holds its expert's and its room's time as
 * rows whose primary key (resource, 5-minute step) is what refuses a second booking of the
 * same time. Each try is one short transaction that either claims everything or nothing.
 */
@Injectable()
export class TimeClaims {
  constructor(
    private readonly transactions: Transactions,
    private readonly plan: SlotPlan,
  ) {}

  /** A transaction that may change bookings: once it commits, cached plans are stale. */
  async changing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.transactions.run(work);
    this.plan.changed();
    return result;
  }

  /**
   * Claims the free time starting at `at` for a booking, `write` writing the booking in the
   * same transaction. 409 with the nearest free times when it is not a free time, or when
   * every free expert or room was taken meanwhile.
   */
  async claimAt(
    hotlineId: string,
    at: DateTime,
    topic: string,
    bookingId: string,
    write: (claimed: Claimed) => ClaimWrite,
  ): Promise<Claimed> {
    const { planning, slot } = await this.plan.slotAt(hotlineId, at, topic);
    if (!slot) throw await this.plan.unavailable(hotlineId, topic, at, false);
    const claimed = { slot, planning };
    const secured = await this.secure(
      slot,
      planning,
      bookingId,
      () => this.plan.slotAt(hotlineId, at, topic),
      write(claimed),
    );
    if (!secured) throw await this.plan.unavailable(hotlineId, topic, at, true);
    return claimed;
  }

  /**
   * Claims the slot's time for one of its free experts and rooms, in the `ClaimOrder`, each
   * try one transaction. Returns the expert and room, or null when all were taken meanwhile.
   * Before each try the latest plan (shared by a burst of requests, recomputed after each
   * booking) says whether the pair is still free, so a burst for a taken time is answered
   * without a transaction each.
   */
  async secure(
    slot: FreeSlot,
    planning: Planning,
    bookingId: string,
    latest: () => Promise<{ slot?: FreeSlot }>,
    write: ClaimWrite,
  ): Promise<{ expertId: string; roomId: string } | null> {
    const steps = heldSteps(slot.startsAt, planning.settings);
    const order = new ClaimOrder(slot, planning.load);
    for (let pair = order.next(); pair; pair = order.next()) {
      const free = (await latest()).slot;
      if (!free) return null;
      if (!order.stillFree(pair, free)) continue;
      const outcome = await this.attempt(steps, bookingId, pair.expertId, pair.roomId, write);
      if (outcome === 'secured') return pair;
      order.refused(pair, outcome);
    }
    return null;
  }

  /** Gives back the time a booking held before it moved (its expert's and room's old steps). */
  async giveBack(manager: EntityManager, booking: Booking): Promise<void> {
    const steps = heldSteps(booking.startsAt, {
      sessionMinutes: Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000),
      bufferMinutes: booking.bufferMinutes,
    });
    await manager
      .createQueryBuilder()
      .delete()
      .from(BookingClaim)
      .where('booking_id = :id', { id: booking.id })
      .andWhere('resource_id IN (:...resources)', {
        resources: [booking.expertId, booking.roomId],
      })
      .andWhere('at_minute IN (:...steps)', { steps })
      .execute();
  }

  /** The time of one booking passes to another (a cancelled time kept for an offer). */
  async handOver(
    manager: EntityManager,
    fromBookingId: string,
    toBookingId: string,
  ): Promise<void> {
    await manager.update(BookingClaim, { bookingId: fromBookingId }, { bookingId: toBookingId });
  }

  /** Frees all the time a booking held. */
  async release(manager: EntityManager, bookingId: string): Promise<void> {
    await manager.delete(BookingClaim, { bookingId });
  }

  private async attempt(
    steps: number[],
    bookingId: string,
    expertId: string,
    roomId: string,
    write: ClaimWrite,
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
}
