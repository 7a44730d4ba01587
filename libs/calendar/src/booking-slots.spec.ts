import {
  BookingRules,
  BusySpan,
  SlotQuery,
  bookingRulesProblems,
  freeSlots,
  heldSteps,
  nearestSlots,
  windowProblems,
} from './booking-slots';

const RULES: BookingRules = {
  sessionMinutes: 50,
  bufferMinutes: 10,
  minNoticeHours: 24,
  horizonDays: 30,
};

const query = (overrides: Partial<SlotQuery> = {}): SlotQuery => ({
  zone: 'Asia/Shanghai',
  // Monday 23 November 2026, 10:00 in Shanghai.
  from: '2026-11-24',
  to: '2026-11-24',
  now: new Date('2026-11-23T02:00:00Z'),
  rules: RULES,
  // Tuesdays 14:00-17:00 local.
  weekly: [{ expertId: 'ann', weekday: 2, start: '14:00', end: '17:00' }],
  dated: [],
  busy: [],
  rooms: ['room-1'],
  ...overrides,
});

const times = (slots: ReturnType<typeof freeSlots>) =>
  slots.map((slot) => `${slot.localDate} ${slot.localTime}`);

describe('freeSlots', () => {
  it('fills a window with sessions and buffers in local time (Shanghai, UTC+8)', () => {
    const slots = freeSlots(query());
    expect(times(slots)).toEqual(['2026-11-24 14:00', '2026-11-24 15:00', '2026-11-24 16:00']);
    expect(slots[0]).toMatchObject({
      startsAt: new Date('2026-11-24T06:00:00Z'),
      endsAt: new Date('2026-11-24T06:50:00Z'),
      experts: ['ann'],
      rooms: ['room-1'],
    });
  });

  it('leaves out a session that would not end inside the window', () => {
    const slots = freeSlots(
      query({ weekly: [{ expertId: 'ann', weekday: 2, start: '14:00', end: '16:45' }] }),
    );
    expect(times(slots)).toEqual(['2026-11-24 14:00', '2026-11-24 15:00']);
  });

  it('keeps the buffer around a booked session, for the expert and for the room', () => {
    // Bob works 14:30-17:00 in the same single room; Ann is booked at 15:00.
    const busy: BusySpan[] = [
      {
        expertId: 'ann',
        roomId: 'room-1',
        startsAt: new Date('2026-11-24T07:00:00Z'),
        endsAt: new Date('2026-11-24T07:50:00Z'),
      },
    ];
    const slots = freeSlots(
      query({
        weekly: [
          { expertId: 'ann', weekday: 2, start: '14:00', end: '17:00' },
          { expertId: 'bob', weekday: 2, start: '14:10', end: '17:00' },
        ],
        busy,
      }),
    );
    // Ann's 14:00 ends 14:50 + 10 = 15:00: fine. Bob's 14:10 would end at 15:00, cutting the
    // room's buffer before Ann's 15:00; his 15:10 starts inside her session's buffer.
    expect(times(slots)).toEqual(['2026-11-24 14:00', '2026-11-24 16:00', '2026-11-24 16:10']);
    expect(slots.find((slot) => slot.localTime === '14:00')!.experts).toEqual(['ann']);
    // With a second room, Bob's 15:10 is free: only the expert needs the buffer then.
    const twoRooms = freeSlots(
      query({
        weekly: [
          { expertId: 'ann', weekday: 2, start: '14:00', end: '17:00' },
          { expertId: 'bob', weekday: 2, start: '14:10', end: '17:00' },
        ],
        busy,
        rooms: ['room-1', 'room-2'],
      }),
    );
    expect(twoRooms.find((slot) => slot.localTime === '15:10')).toMatchObject({
      experts: ['bob'],
      rooms: ['room-2'],
    });
  });

  it('lists a time once when several experts are free, naming all of them', () => {
    const slots = freeSlots(
      query({
        weekly: [
          { expertId: 'bob', weekday: 2, start: '14:00', end: '15:00' },
          { expertId: 'ann', weekday: 2, start: '14:00', end: '15:00' },
        ],
      }),
    );
    expect(slots).toHaveLength(1);
    expect(slots[0].experts).toEqual(['ann', 'bob']);
  });

  it('honours the minimum notice and the horizon', () => {
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      expertId: 'ann',
      weekday,
      start: '09:00',
      end: '10:00',
    }));
    const slots = freeSlots(
      query({
        from: '2026-11-23',
        to: '2026-12-31',
        weekly,
        rules: { ...RULES, minNoticeHours: 24, horizonDays: 3 },
      }),
    );
    // Now is Monday 10:00: Tuesday 09:00 is 23 h away (too soon); the horizon ends Thursday 10:00.
    expect(times(slots)).toEqual(['2026-11-25 09:00', '2026-11-26 09:00']);
  });

  it('replaces a day’s weekly windows by dated ones, and skips days off', () => {
    const slots = freeSlots(
      query({
        from: '2026-11-24',
        to: '2026-12-08',
        rules: { ...RULES, minNoticeHours: 0 },
        dated: [
          { expertId: 'ann', date: '2026-11-24', start: '09:00', end: '10:00' },
          { expertId: 'ann', date: '2026-12-01' },
          { expertId: null, date: '2026-12-08' },
          // Someone else's day off changes nothing for Ann.
          { expertId: 'bob', date: '2026-11-24' },
        ],
      }),
    );
    expect(times(slots)).toEqual(['2026-11-24 09:00']);
  });

  it('considers only the experts asked for', () => {
    expect(freeSlots(query({ experts: ['bob'] }))).toEqual([]);
    expect(freeSlots(query({ experts: ['ann'] }))).toHaveLength(3);
  });

  it('needs a free room', () => {
    expect(freeSlots(query({ rooms: [] }))).toEqual([]);
  });

  it('keeps local times across the spring-forward change (Europe/Berlin, 29 March 2026)', () => {
    const slots = freeSlots(
      query({
        zone: 'Europe/Berlin',
        from: '2026-03-28',
        to: '2026-03-30',
        now: new Date('2026-03-01T00:00:00Z'),
        rules: { ...RULES, minNoticeHours: 0, horizonDays: 60 },
        weekly: [6, 7, 1].map((weekday) => ({
          expertId: 'ann',
          weekday,
          start: '10:00',
          end: '11:00',
        })),
      }),
    );
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ]);
    expect(new Set(slots.map((slot) => slot.localTime))).toEqual(new Set(['10:00']));
  });

  it('counts real minutes in a window that spans the change, and skips the missing hour', () => {
    // 01:00-05:00 local on 29 March 2026 in Berlin is three real hours: 02:00-03:00 does not exist.
    const slots = freeSlots(
      query({
        zone: 'Europe/Berlin',
        from: '2026-03-29',
        to: '2026-03-29',
        now: new Date('2026-03-01T00:00:00Z'),
        rules: { ...RULES, minNoticeHours: 0, horizonDays: 60 },
        weekly: [{ expertId: 'ann', weekday: 7, start: '01:00', end: '05:00' }],
      }),
    );
    expect(slots.map((slot) => slot.localTime)).toEqual(['01:00', '03:00', '04:00']);
  });

  it('keeps local times across the fall-back change (Europe/Berlin, 25 October 2026)', () => {
    const slots = freeSlots(
      query({
        zone: 'Europe/Berlin',
        from: '2026-10-24',
        to: '2026-10-25',
        now: new Date('2026-10-01T00:00:00Z'),
        rules: { ...RULES, minNoticeHours: 0, horizonDays: 60 },
        weekly: [6, 7].map((weekday) => ({
          expertId: 'ann',
          weekday,
          start: '18:00',
          end: '19:00',
        })),
      }),
    );
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-10-24T16:00:00.000Z',
      '2026-10-25T17:00:00.000Z',
    ]);
  });

  it('takes the first occurrence of a repeated local time', () => {
    const [slot] = freeSlots(
      query({
        zone: 'Europe/Berlin',
        from: '2026-10-25',
        to: '2026-10-25',
        now: new Date('2026-10-01T00:00:00Z'),
        rules: { ...RULES, minNoticeHours: 0, horizonDays: 60 },
        weekly: [{ expertId: 'ann', weekday: 7, start: '02:30', end: '03:20' }],
      }),
    );
    // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(slot.startsAt.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses broken rules and zones', () => {
    expect(() => freeSlots(query({ zone: 'Mars/Base' }))).toThrow(/time zone/);
    expect(() => freeSlots(query({ rules: { ...RULES, sessionMinutes: 47 } }))).toThrow(
      /multiple of 5/,
    );
  });
});

describe('rules and windows', () => {
  it('explains what is wrong', () => {
    expect(bookingRulesProblems(RULES)).toEqual([]);
    expect(bookingRulesProblems({ ...RULES, bufferMinutes: -5, horizonDays: 0 })).toEqual([
      'bufferMinutes must be a whole number from 0 to 120',
      'horizonDays must be a whole number of days from 1 to 366',
    ]);
    expect(windowProblems('14:00', '17:00')).toEqual([]);
    expect(windowProblems('17:00', '14:00')).toEqual([
      'end must be after start (windows cannot cross midnight)',
    ]);
    expect(windowProblems('14:03', '17:00')).toEqual([
      'start must be on a 5-minute step, like 18:05',
    ]);
    expect(windowProblems('25:00', '17:00')).toEqual(['start must be HH:mm, got "25:00"']);
  });
});

describe('heldSteps', () => {
  it('covers the session and its buffer, so overlapping bookings share a step', () => {
    const at = new Date('2026-11-24T06:00:00Z');
    const steps = heldSteps(at, RULES);
    expect(steps).toHaveLength(12);
    expect(steps[0]).toBe(at.getTime() / 60_000);
    const next = heldSteps(new Date('2026-11-24T07:00:00Z'), RULES);
    expect(next.filter((step) => steps.includes(step))).toEqual([]);
    const overlapping = heldSteps(new Date('2026-11-24T06:55:00Z'), RULES);
    expect(overlapping.filter((step) => steps.includes(step))).toHaveLength(1);
  });
});

describe('nearestSlots', () => {
  it('picks the times nearest the one asked for, in order', () => {
    const slots = freeSlots(
      query({ weekly: [{ expertId: 'ann', weekday: 2, start: '09:00', end: '18:00' }] }),
    );
    const near = nearestSlots(slots, new Date('2026-11-24T05:00:00Z'), 3);
    expect(near.map((slot) => slot.localTime)).toEqual(['12:00', '13:00', '14:00']);
  });
});
