import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ShiftTemplate, gapScore, overlaps, planShifts, shiftTemplateProblems } from './shift-plan';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

const template = (overrides: Partial<ShiftTemplate> = {}): ShiftTemplate => ({
  id: 'evening',
  weekdays: EVERY_DAY,
  start: '18:00',
  end: '22:00',
  volunteersNeeded: 3,
  supervisorsNeeded: 1,
  ...overrides,
});

const utc = (date: Date) => date.toISOString().slice(0, 16);
const span = (start: string, end: string) => ({
  startsAt: new Date(`${start}Z`),
  endsAt: new Date(`${end}Z`),
});

describe('planShifts', () => {
  it('plans a week in Asia/Shanghai, 18:00 local being 10:00 UTC every day', () => {
    const shifts = planShifts([template()], '2026-11-23', '2026-11-29', 'Asia/Shanghai');
    expect(shifts.map((shift) => shift.localDate)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    for (const shift of shifts) {
      expect(utc(shift.startsAt)).toBe(`${shift.localDate}T10:00`);
      expect(utc(shift.endsAt)).toBe(`${shift.localDate}T14:00`);
      expect(shift).toMatchObject({
        templateId: 'evening',
        volunteersNeeded: 3,
        supervisorsNeeded: 1,
      });
    }
  });

  it('keeps 18:00 local across the Europe/Berlin change to summer time (29 March 2026)', () => {
    const shifts = planShifts([template()], '2026-03-28', '2026-03-30', 'Europe/Berlin');
    expect(shifts.map((shift) => utc(shift.startsAt))).toEqual([
      '2026-03-28T17:00',
      '2026-03-29T16:00',
      '2026-03-30T16:00',
    ]);
    expect(shifts.map((shift) => utc(shift.endsAt))).toEqual([
      '2026-03-28T21:00',
      '2026-03-29T20:00',
      '2026-03-30T20:00',
    ]);
  });

  it('keeps 18:00 local across the Europe/Berlin change back to winter time (25 October 2026)', () => {
    const shifts = planShifts([template()], '2026-10-24', '2026-10-26', 'Europe/Berlin');
    expect(shifts.map((shift) => utc(shift.startsAt))).toEqual([
      '2026-10-24T16:00',
      '2026-10-25T17:00',
      '2026-10-26T17:00',
    ]);
    for (const shift of shifts)
      expect(shift.endsAt.getTime() - shift.startsAt.getTime()).toBe(4 * 3_600_000);
  });

  it('only plans a template on its weekdays', () => {
    // 2026-11-23 is a Monday.
    const weekend = template({ id: 'weekend', weekdays: [6, 7] });
    const monday = template({ id: 'monday', weekdays: [1], start: '18:00', end: '20:00' });
    const shifts = planShifts([weekend, monday], '2026-11-23', '2026-11-30', 'Asia/Shanghai');
    expect(shifts.map((shift) => `${shift.templateId} ${shift.localDate}`)).toEqual([
      'monday 2026-11-23',
      'weekend 2026-11-28',
      'weekend 2026-11-29',
      'monday 2026-11-30',
    ]);
  });

  it('lets a dated exam-week template override the same slot only within its dates', () => {
    const examWeek = template({
      id: 'exam-week',
      volunteersNeeded: 6,
      supervisorsNeeded: 2,
      validFrom: '2026-06-08',
      validTo: '2026-06-10',
    });
    const late = template({ id: 'late', start: '20:00', end: '22:00', volunteersNeeded: 1 });
    // The dated template comes first, so specificity (not list order) must decide.
    const shifts = planShifts(
      [examWeek, template(), late],
      '2026-06-07',
      '2026-06-11',
      'Europe/Berlin',
    );
    const evenings = shifts.filter((shift) => shift.templateId !== 'late');
    expect(
      evenings.map((s) => [s.localDate, s.templateId, s.volunteersNeeded, s.supervisorsNeeded]),
    ).toEqual([
      ['2026-06-07', 'evening', 3, 1],
      ['2026-06-08', 'exam-week', 6, 2],
      ['2026-06-09', 'exam-week', 6, 2],
      ['2026-06-10', 'exam-week', 6, 2],
      ['2026-06-11', 'evening', 3, 1],
    ]);
    // A different slot on the same dates is not overridden.
    expect(shifts.filter((shift) => shift.templateId === 'late')).toHaveLength(5);
  });

  it('lets the later of two equally specific templates win the same slot', () => {
    const first = template({ id: 'first', volunteersNeeded: 2 });
    const second = template({ id: 'second', volunteersNeeded: 4 });
    const shifts = planShifts([first, second], '2026-11-23', '2026-11-23', 'Asia/Shanghai');
    expect(shifts).toHaveLength(1);
    expect(shifts[0]).toMatchObject({ templateId: 'second', volunteersNeeded: 4 });
  });

  it('sorts by start, then template id', () => {
    const shifts = planShifts(
      [
        template({ id: 'b', start: '20:00' }),
        template({ id: 'c', start: '18:00', end: '20:00' }),
        template({ id: 'a', start: '20:00', end: '21:00' }),
      ],
      '2026-11-23',
      '2026-11-24',
      'Asia/Shanghai',
    );
    expect(shifts.map((shift) => `${shift.localDate} ${shift.templateId}`)).toEqual([
      '2026-11-23 c',
      '2026-11-23 a',
      '2026-11-23 b',
      '2026-11-24 c',
      '2026-11-24 a',
      '2026-11-24 b',
    ]);
  });

  it('returns nothing when from is after to', () => {
    expect(planShifts([template()], '2026-11-24', '2026-11-23', 'Asia/Shanghai')).toEqual([]);
  });

  it('throws a RangeError for an invalid zone, date or template', () => {
    expect(() => planShifts([template()], '2026-11-23', '2026-11-23', 'Mars/Olympus')).toThrow(
      RangeError,
    );
    expect(() => planShifts([template()], '2026-02-30', '2026-03-01', 'UTC')).toThrow(RangeError);
    expect(() => planShifts([template()], '2026-03-01', '1.3.2026', 'UTC')).toThrow(RangeError);
    expect(() =>
      planShifts([template({ start: '22:00', end: '02:00' })], '2026-03-01', '2026-03-01', 'UTC'),
    ).toThrow(/shifts cannot cross midnight/);
  });

  it('moves a start inside the spring-forward gap forward instead of throwing', () => {
    const night = template({ start: '02:30', end: '04:00' });
    const [shift] = planShifts([night], '2026-03-29', '2026-03-29', 'Europe/Berlin');
    // 02:30 does not exist that night in Berlin; luxon moves it on by the gap, to 03:30 CEST.
    expect(utc(shift.startsAt)).toBe('2026-03-29T01:30');
    expect(utc(shift.endsAt)).toBe('2026-03-29T02:00');
  });

  it('gives an ambiguous fall-back time its earlier offset, in every zone', () => {
    const night = template({ start: '02:30', end: '02:45' });
    const [berlin] = planShifts([night], '2026-10-25', '2026-10-25', 'Europe/Berlin');
    expect(utc(berlin.startsAt)).toBe('2026-10-25T00:30'); // 02:30 CEST, not CET
    const [sydney] = planShifts([night], '2026-04-05', '2026-04-05', 'Australia/Sydney');
    expect(utc(sydney.startsAt)).toBe('2026-04-04T15:30'); // 02:30 AEDT, not AEST
    const early = template({ start: '01:30', end: '01:45' });
    const [newYork] = planShifts([early], '2026-11-01', '2026-11-01', 'America/New_York');
    expect(utc(newYork.startsAt)).toBe('2026-11-01T05:30'); // 01:30 EDT, not EST
  });

  it('skips a date the zone does not have', () => {
    // Samoa jumped from 29 to 31 December 2011.
    const shifts = planShifts([template()], '2011-12-29', '2011-12-31', 'Pacific/Apia');
    expect(shifts.map((shift) => shift.localDate)).toEqual(['2011-12-29', '2011-12-31']);
  });

  it('gives every shift the template start as local time (property)', () => {
    const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney'];
    const first = DateTime.fromISO('2020-01-01', { zone: 'utc' });
    const days = DateTime.fromISO('2030-12-31', { zone: 'utc' }).diff(first, 'days').days;
    const eveningSlot = fc
      .tuple(fc.integer({ min: 18 * 60, max: 22 * 60 - 1 }), fc.integer({ min: 1, max: 4 * 60 }))
      .map(([start, length]) => [start, Math.min(start + length, 22 * 60)] as const);
    const hhmm = (minutes: number) =>
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: days }),
        fc.constantFrom(...zones),
        eveningSlot,
        (offset, zone, [start, end]) => {
          const localDate = first.plus({ days: offset }).toISODate()!;
          const shiftTemplate = template({ start: hhmm(start), end: hhmm(end) });
          const shifts = planShifts([shiftTemplate], localDate, localDate, zone);
          expect(shifts).toHaveLength(1);
          const startsAt = DateTime.fromJSDate(shifts[0].startsAt, { zone });
          const endsAt = DateTime.fromJSDate(shifts[0].endsAt, { zone });
          expect(startsAt.toISODate()).toBe(localDate);
          expect(startsAt.toFormat('HH:mm')).toBe(shiftTemplate.start);
          expect(endsAt.toFormat('HH:mm')).toBe(shiftTemplate.end);
        },
      ),
    );
  });
});

describe('shiftTemplateProblems', () => {
  it('accepts a valid template, dated or not', () => {
    expect(shiftTemplateProblems(template())).toEqual([]);
    expect(
      shiftTemplateProblems(template({ validFrom: '2026-06-08', validTo: '2026-06-08' })),
    ).toEqual([]);
    expect(shiftTemplateProblems(template({ validFrom: null, validTo: '2026-06-08' }))).toEqual([]);
  });

  it('refuses shifts that end before they start or cross midnight', () => {
    expect(shiftTemplateProblems(template({ start: '21:00', end: '01:00' }))).toEqual([
      'end must be after start (shifts cannot cross midnight)',
    ]);
    expect(shiftTemplateProblems(template({ start: '20:00', end: '20:00' }))).toEqual([
      'end must be after start (shifts cannot cross midnight)',
    ]);
  });

  it('names malformed times', () => {
    expect(shiftTemplateProblems(template({ start: '6pm', end: '24:00' }))).toEqual([
      'start must be HH:mm, got "6pm"',
      'end must be HH:mm, got "24:00"',
    ]);
  });

  it('checks weekdays', () => {
    expect(shiftTemplateProblems(template({ weekdays: [0, 1] }))).toEqual([
      'weekdays must be 1 (Monday) to 7 (Sunday)',
    ]);
    expect(shiftTemplateProblems(template({ weekdays: [8] }))).toEqual([
      'weekdays must be 1 (Monday) to 7 (Sunday)',
    ]);
    expect(shiftTemplateProblems(template({ weekdays: [] }))).toEqual([
      'weekdays must name at least one day, 1 (Monday) to 7 (Sunday)',
    ]);
  });

  it('checks headcounts', () => {
    expect(shiftTemplateProblems(template({ volunteersNeeded: 51 }))).toEqual([
      'volunteersNeeded must be 0 to 50',
    ]);
    expect(shiftTemplateProblems(template({ supervisorsNeeded: -1 }))).toEqual([
      'supervisorsNeeded must be 0 to 50',
    ]);
    expect(shiftTemplateProblems(template({ volunteersNeeded: 1.5 }))).toEqual([
      'volunteersNeeded must be a whole number',
    ]);
    expect(shiftTemplateProblems(template({ volunteersNeeded: 0, supervisorsNeeded: 0 }))).toEqual([
      'a shift must need at least one volunteer or supervisor',
    ]);
    expect(shiftTemplateProblems(template({ volunteersNeeded: 0, supervisorsNeeded: 1 }))).toEqual(
      [],
    );
  });

  it('checks the dates of a dated template', () => {
    expect(
      shiftTemplateProblems(template({ validFrom: '2026-06-10', validTo: '2026-06-08' })),
    ).toEqual(['validTo must not be before validFrom']);
    expect(shiftTemplateProblems(template({ validFrom: '2026-06-31' }))).toEqual([
      'validFrom must be a YYYY-MM-DD date, got "2026-06-31"',
    ]);
  });

  it('refuses an empty id', () => {
    expect(shiftTemplateProblems(template({ id: ' ' }))).toEqual(['id must not be empty']);
  });
});

describe('overlaps', () => {
  it('does not count touching shifts as overlapping', () => {
    const early = span('2026-11-23T10:00', '2026-11-23T12:00');
    const late = span('2026-11-23T12:00', '2026-11-23T14:00');
    expect(overlaps(early, late)).toBe(false);
    expect(overlaps(late, early)).toBe(false);
  });

  it('detects overlapping and contained shifts', () => {
    const evening = span('2026-11-23T10:00', '2026-11-23T14:00');
    const middle = span('2026-11-23T11:00', '2026-11-23T12:00');
    const late = span('2026-11-23T13:59', '2026-11-23T15:00');
    expect(overlaps(evening, middle)).toBe(true);
    expect(overlaps(middle, evening)).toBe(true);
    expect(overlaps(evening, late)).toBe(true);
    expect(overlaps(middle, late)).toBe(false);
    expect(overlaps(evening, evening)).toBe(true);
  });

  it('never counts an empty interval as overlapping', () => {
    const evening = span('2026-11-23T10:00', '2026-11-23T14:00');
    expect(overlaps(evening, span('2026-11-23T12:00', '2026-11-23T12:00'))).toBe(false);
  });
});

describe('gapScore', () => {
  const shift = (
    start: string,
    end: string,
    volunteersSigned: number,
    supervisorsSigned: number,
  ) => ({
    ...span(start, end),
    volunteersNeeded: 3,
    supervisorsNeeded: 1,
    volunteersSigned,
    supervisorsSigned,
  });

  it('is the share of needed person-hours left uncovered', () => {
    const result = gapScore([
      shift('2026-11-23T10:00', '2026-11-23T12:00', 3, 1),
      shift('2026-11-23T12:00', '2026-11-23T14:00', 1, 0),
    ]);
    expect(result).toEqual({ neededPersonHours: 16, coveredPersonHours: 10, gapScore: 0.375 });
  });

  it('does not let over-staffing one shift make up for another', () => {
    const result = gapScore([
      shift('2026-11-23T10:00', '2026-11-23T12:00', 6, 3),
      shift('2026-11-23T12:00', '2026-11-23T14:00', 1, 0),
    ]);
    expect(result).toEqual({ neededPersonHours: 16, coveredPersonHours: 10, gapScore: 0.375 });
  });

  it('does not let extra volunteers stand in for a missing supervisor', () => {
    const result = gapScore([shift('2026-11-23T10:00', '2026-11-23T12:00', 5, 0)]);
    expect(result).toEqual({ neededPersonHours: 8, coveredPersonHours: 6, gapScore: 0.25 });
  });

  it('rounds to three decimals', () => {
    const result = gapScore([
      { ...shift('2026-11-23T10:00', '2026-11-23T11:00', 0, 0), volunteersNeeded: 2 },
    ]);
    expect(result.gapScore).toBe(1);
    const third = gapScore([
      {
        ...shift('2026-11-23T10:00', '2026-11-23T11:00', 2, 0),
        volunteersNeeded: 3,
        supervisorsNeeded: 0,
      },
    ]);
    expect(third.gapScore).toBe(0.333);
  });

  it('is null when nothing is needed', () => {
    expect(gapScore([])).toEqual({ neededPersonHours: 0, coveredPersonHours: 0, gapScore: null });
    expect(
      gapScore([
        {
          ...shift('2026-11-23T10:00', '2026-11-23T12:00', 2, 1),
          volunteersNeeded: 0,
          supervisorsNeeded: 0,
        },
      ]),
    ).toEqual({ neededPersonHours: 0, coveredPersonHours: 0, gapScore: null });
  });
});
