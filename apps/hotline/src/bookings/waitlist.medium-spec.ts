import { DateTime } from 'luxon';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditService } from '../audit/audit.service';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { HotlinesService } from '../hotlines/hotlines.service';
import { InstancesModule } from '../instances/instances.module';
import { RollupsModule } from '../statistics/stats-rollups';
import { TelephonyModule } from '../telephony/telephony.module';
import { BookingMessages } from './booking-messages.service';
import { Booking, BookingClaim, WaitlistEntry } from './booking.entity';
import { FAMILY_PARTS } from './bookings.module';
import { WaitlistDto } from './dto/booking.dto';
import { familyOf } from './family';
import { FamilyBookings } from './family-bookings';
import { nineOn, openCentre } from './guidance-centre.testing';
import { Waitlist } from './waitlist';
import { WaitlistOffers } from './waitlist-offers';

/** Hotline time when each test starts: Monday 2 March 2026, 18:00 in Shanghai. */
const START = '2026-03-02T10:00:00Z';

describe('Waitlist (service on a real database)', () => {
  let test: ServiceTest;
  let waitlist: Waitlist;
  let offers: WaitlistOffers;
  let family: FamilyBookings;
  let hotlineId: string;
  /** Each test's own day, with one session at 09:00: the line of one test is not another's. */
  let day: string;
  let days = 0;
  /** The tokens texted to waiting parents, oldest first. */
  let offerTokens: string[];

  const parent = (name: string, topic = 'learning'): WaitlistDto => ({
    date: day,
    topic,
    parentName: name,
    phone: '13812345678',
    childAgeBand: '6_11',
    consent: true,
    language: 'zh-CN',
  });
  /** Books the day's only session, and returns its manage token. */
  const bookTheDay = async () => {
    const booked = await family.book(
      hotlineId,
      nineOn(day),
      familyOf(parent('Booked'), '13900000000'),
      {},
    );
    return booked.manageToken;
  };
  const line = async () =>
    (
      await test
        .repository(WaitlistEntry)
        .find({ where: { hotlineId, localDate: day }, order: { queueKey: 'ASC' } })
    ).map((entry) => entry.status);
  const held = () =>
    test.repository(Booking).findOneBy({ hotlineId, localDate: day, status: 'held' });
  const claimsOf = (bookingId: string) => test.repository(BookingClaim).countBy({ bookingId });

  beforeAll(async () => {
    test = await serviceTest([...FAMILY_PARTS, HotlinesService, HotlineDirectory, AuditService], {
      imports: [RollupsModule, InstancesModule, TelephonyModule],
      start: START,
    });
    waitlist = test.get(Waitlist);
    offers = test.get(WaitlistOffers);
    family = test.get(FamilyBookings);
    jest
      .spyOn(test.get(BookingMessages), 'offer')
      .mockImplementation((_held, _to, token) => void offerTokens.push(token));
    ({ hotlineId } = await openCentre(test));
  });
  afterAll(() => test.close());

  // Passing on looks at every hotline's held times: no test leaves one for the next.
  afterEach(async () => {
    await test.repository(Booking).update({ status: 'held' }, { status: 'cancelled' });
  });

  beforeEach(() => {
    offerTokens = [];
    test.clock.set(START);
    days += 1;
    day = DateTime.fromISO('2026-03-03').plus({ days }).toISODate()!;
  });

  it('puts a parent in line for a day and tells them their place', async () => {
    expect(await waitlist.join(parent('First'))).toEqual({ date: day, position: 1 });
    expect(await waitlist.join(parent('Second'))).toEqual({ date: day, position: 2 });
  });

  it('refuses a day before today or beyond the horizon', async () => {
    const refused = {
      response: { fields: { date: ['date must be from 2026-03-02 to 2026-04-01'] } },
    };
    await expect(waitlist.join({ ...parent('Early'), date: '2026-03-01' })).rejects.toMatchObject(
      refused,
    );
    await expect(waitlist.join({ ...parent('Late'), date: '2026-04-02' })).rejects.toMatchObject(
      refused,
    );
  });

  it('frees a cancelled time at once when nobody waits for its day', async () => {
    const token = await bookTheDay();
    const booking = await test.repository(Booking).findOneByOrFail({ hotlineId, localDate: day });
    await family.cancel(token);
    expect(await held()).toBeNull();
    expect(await claimsOf(booking.id)).toBe(0);
  });

  it('holds a cancelled time for the first parent waiting for its day, and texts them the offer', async () => {
    const token = await bookTheDay();
    await waitlist.join(parent('First'));
    await waitlist.join(parent('Second'));
    await family.cancel(token);
    const time = await held();
    expect(time?.heldUntil).toEqual(test.clock.now().plus({ minutes: 30 }).toJSDate());
    expect(await claimsOf(time!.id)).toBeGreaterThan(0);
    expect(await line()).toEqual(['offered', 'waiting']);
    expect(offerTokens).toHaveLength(1);
  });

  it('offers the time to a parent waiting for its topic before those who came earlier', async () => {
    const token = await bookTheDay();
    await waitlist.join(parent('Other topic', 'family'));
    await waitlist.join(parent('Same topic'));
    await family.cancel(token);
    expect(await line()).toEqual(['waiting', 'offered']);
  });

  it('shows the offered time by its link', async () => {
    const token = await bookTheDay();
    await waitlist.join(parent('First'));
    await family.cancel(token);
    expect(await offers.offer(offerTokens[0])).toMatchObject({
      localDate: day,
      localTime: '09:00',
      expiresAt: test.clock.now().plus({ minutes: 30 }).toJSDate().toISOString(),
    });
  });

  it('books the held time for the parent who accepts, once', async () => {
    const token = await bookTheDay();
    await waitlist.join(parent('First'));
    await family.cancel(token);
    const time = await held();
    const booked = await offers.accept(offerTokens[0]);
    expect(booked).toMatchObject({ status: 'booked', localDate: day, localTime: '09:00' });
    expect(await test.repository(Booking).findOneByOrFail({ id: time!.id })).toMatchObject({
      status: 'booked',
      heldUntil: null,
    });
    expect(await line()).toEqual(['booked']);
    await expect(offers.accept(offerTokens[0])).rejects.toThrow('has run out or was already used');
  });

  it('lets the family manage a time taken from an offer like any booking', async () => {
    const token = await bookTheDay();
    await waitlist.join(parent('First'));
    await family.cancel(token);
    const booked = await offers.accept(offerTokens[0]);
    expect(await family.managed(booked.manageToken)).toMatchObject({ status: 'booked' });
  });

  it('refuses an offer that ran out', async () => {
    const token = await bookTheDay();
    await waitlist.join(parent('First'));
    await family.cancel(token);
    test.clock.advance({ minutes: 30 });
    await expect(offers.accept(offerTokens[0])).rejects.toThrow('has run out or was already used');
  });

  it('passes an offer that ran out to the next parent', async () => {
    const token = await bookTheDay();
    await waitlist.join(parent('First'));
    await waitlist.join(parent('Second'));
    await family.cancel(token);
    test.clock.advance({ minutes: 29 });
    expect(await offers.passExpiredOffers()).toBe(0);
    test.clock.advance({ minutes: 1 });
    expect(await offers.passExpiredOffers()).toBe(1);
    expect(await line()).toEqual(['passed', 'offered']);
    expect(offerTokens).toHaveLength(2);
    await expect(offers.offer(offerTokens[0])).rejects.toThrow();
    await expect(offers.offer(offerTokens[1])).resolves.toMatchObject({ localDate: day });
  });

  it('frees the time when the last offer runs out', async () => {
    const token = await bookTheDay();
    await waitlist.join(parent('First'));
    await family.cancel(token);
    const time = await held();
    test.clock.advance({ minutes: 30 });
    expect(await offers.passExpiredOffers()).toBe(1);
    expect(await line()).toEqual(['passed']);
    expect(await test.repository(Booking).findOneByOrFail({ id: time!.id })).toMatchObject({
      status: 'cancelled',
    });
    expect(await claimsOf(time!.id)).toBe(0);
    await expect(bookTheDay()).resolves.toEqual(expect.any(String));
  });
});
