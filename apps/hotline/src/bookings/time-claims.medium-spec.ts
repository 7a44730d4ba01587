import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { FreeSlot } from '@hotline/calendar';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditService } from '../audit/audit.service';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { RollupsModule } from '../statistics/stats-rollups';
import { BookingSetupService } from './booking-setup.service';
import { Booking, BookingClaim, DEFAULT_BOOKING_SETTINGS } from './booking.entity';
import { SlotPlan, Planning } from './slot-plan';
import { ClaimWrite, Taken, TimeClaims } from './time-claims';

/** A session of 50 minutes and a buffer of 10: twelve 5-minute steps per resource. */
const STEPS = 12;

describe('TimeClaims (service on a real database)', () => {
  let test: ServiceTest;
  let claims: TimeClaims;
  let rows: Repository<BookingClaim>;
  let day = 0;

  const planning = { settings: DEFAULT_BOOKING_SETTINGS, load: new Map() } as unknown as Planning;
  /** A free slot on a day of its own, so the tests' claims never meet by accident. */
  const slot = (experts: string[], rooms: string[], minutesLater = 0): FreeSlot => {
    day += 1;
    const startsAt = new Date(Date.UTC(2026, 3, day, 9, minutesLater));
    return {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 50 * 60_000),
      localDate: startsAt.toISOString().slice(0, 10),
      localTime: '09:00',
      experts,
      rooms,
    };
  };
  const stillFree = (free: FreeSlot) => () => Promise.resolve({ slot: free });
  const nothing: ClaimWrite = () => Promise.resolve();
  const claimsOf = (bookingId: string) => rows.countBy({ bookingId });

  beforeAll(async () => {
    test = await serviceTest(
      [TimeClaims, SlotPlan, BookingSetupService, HotlineDirectory, AuditService],
      {
        imports: [RollupsModule],
      },
    );
    claims = test.get(TimeClaims);
    rows = test.repository(BookingClaim);
  });
  afterAll(() => test.close());

  it('claims the session and its buffer for the expert and the room', async () => {
    const [expert, room, booking] = [randomUUID(), randomUUID(), randomUUID()];
    const free = slot([expert], [room]);
    expect(await claims.secure(free, planning, booking, stillFree(free), nothing)).toEqual({
      expertId: expert,
      roomId: room,
    });
    expect(await rows.countBy({ bookingId: booking, resourceId: expert })).toBe(STEPS);
    expect(await rows.countBy({ bookingId: booking, resourceId: room })).toBe(STEPS);
  });

  it('gives the same expert, room and time to one of two bookings asking at once', async () => {
    const [expert, room, first, second] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const free = slot([expert], [room]);
    const outcomes = await Promise.all(
      [first, second].map((booking) =>
        claims.secure(free, planning, booking, stillFree(free), nothing),
      ),
    );
    expect(outcomes.filter((outcome) => outcome !== null)).toHaveLength(1);
    expect((await claimsOf(first)) + (await claimsOf(second))).toBe(2 * STEPS);
  });

  it('refuses an overlapping time of the same expert, buffer included', async () => {
    const [expert, firstRoom, secondRoom] = [randomUUID(), randomUUID(), randomUUID()];
    const first = slot([expert], [firstRoom]);
    await claims.secure(first, planning, randomUUID(), stillFree(first), nothing);
    // 55 minutes later: the first session's buffer still holds the expert.
    const overlapping = {
      ...first,
      startsAt: new Date(first.startsAt.getTime() + 55 * 60_000),
      rooms: [secondRoom],
    };
    const booking = randomUUID();
    expect(
      await claims.secure(overlapping, planning, booking, stillFree(overlapping), nothing),
    ).toBeNull();
    expect(await claimsOf(booking)).toBe(0);
  });

  it('tries another room when the room was taken, and another expert when the expert was', async () => {
    const [expert, other, room, spare] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const first = slot([expert], [room]);
    await claims.secure(first, planning, randomUUID(), stillFree(first), nothing);
    const same = { ...first, experts: [other], rooms: [room, spare] };
    expect(await claims.secure(same, planning, randomUUID(), stillFree(same), nothing)).toEqual({
      expertId: other,
      roomId: spare,
    });
  });

  it('tries no pair the latest plan no longer shows free, and gives up when the slot is gone', async () => {
    const [expert, room, booking] = [randomUUID(), randomUUID(), randomUUID()];
    const free = slot([expert], [room]);
    const write = jest.fn(nothing);
    const taken = () => Promise.resolve({ slot: { ...free, experts: [] } });
    expect(await claims.secure(free, planning, booking, taken, write)).toBeNull();
    expect(
      await claims.secure(free, planning, booking, () => Promise.resolve({}), write),
    ).toBeNull();
    expect(write).not.toHaveBeenCalled();
    expect(await claimsOf(booking)).toBe(0);
  });

  it('tries the same time again when the booking’s reference clashed', async () => {
    const [expert, room, booking] = [randomUUID(), randomUUID(), randomUUID()];
    const free = slot([expert], [room]);
    const write = jest
      .fn<Promise<void>, Parameters<ClaimWrite>>()
      .mockRejectedValueOnce(new Taken('reference'))
      .mockResolvedValue();
    expect(await claims.secure(free, planning, booking, stillFree(free), write)).not.toBeNull();
    expect(write).toHaveBeenCalledTimes(2);
    expect(await claimsOf(booking)).toBe(2 * STEPS);
  });

  it('stops after eight clashing tries, with nothing claimed', async () => {
    const [expert, room, booking] = [randomUUID(), randomUUID(), randomUUID()];
    const free = slot([expert], [room]);
    const write = jest.fn(() => Promise.reject(new Taken('reference')));
    await expect(claims.secure(free, planning, booking, stillFree(free), write)).rejects.toThrow(
      Taken,
    );
    expect(write).toHaveBeenCalledTimes(8);
    expect(await claimsOf(booking)).toBe(0);
  });

  it('claims nothing when writing the booking fails', async () => {
    const [expert, room, booking] = [randomUUID(), randomUUID(), randomUUID()];
    const free = slot([expert], [room]);
    const write = () => Promise.reject(new Error('the booking could not be written'));
    await expect(claims.secure(free, planning, booking, stillFree(free), write)).rejects.toThrow(
      'the booking could not be written',
    );
    expect(await claimsOf(booking)).toBe(0);
  });

  it('frees the time on release, so it can be claimed again', async () => {
    const [expert, room, first, second] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const free = slot([expert], [room]);
    await claims.secure(free, planning, first, stillFree(free), nothing);
    await claims.changing((manager) => claims.release(manager, first));
    expect(await claimsOf(first)).toBe(0);
    expect(await claims.secure(free, planning, second, stillFree(free), nothing)).not.toBeNull();
  });

  it('hands a booking’s time over to another booking', async () => {
    const [expert, room, first, held] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const free = slot([expert], [room]);
    await claims.secure(free, planning, first, stillFree(free), nothing);
    await claims.changing((manager) => claims.handOver(manager, first, held));
    expect([await claimsOf(first), await claimsOf(held)]).toEqual([0, 2 * STEPS]);
  });

  it('gives back a moved booking’s old time, and only that', async () => {
    const [expert, room, booking] = [randomUUID(), randomUUID(), randomUUID()];
    const before = slot([expert], [room]);
    const after = slot([expert], [room]);
    await claims.secure(before, planning, booking, stillFree(before), nothing);
    await claims.secure(after, planning, booking, stillFree(after), (manager) =>
      claims.giveBack(
        manager,
        Object.assign(new Booking(), {
          id: booking,
          expertId: expert,
          roomId: room,
          startsAt: before.startsAt,
          endsAt: before.endsAt,
          bufferMinutes: 10,
        }),
      ),
    );
    const minutes = (await rows.findBy({ bookingId: booking })).map((claim) => claim.atMinute);
    expect(Math.min(...minutes)).toBe(after.startsAt.getTime() / 60_000);
    expect(minutes).toHaveLength(2 * STEPS);
  });
});
