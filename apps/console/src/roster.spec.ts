import {
  type HotlineSummary,
  type Shift,
  addDays,
  canWithdraw,
  defaultHotline,
  formatHours,
  formatShare,
  hasGap,
  isPlanner,
  isoWeekday,
  localDateIn,
  missing,
  mondayOf,
  rosterGrid,
  signUpSlots,
  weekDays,
} from './roster';

function shift(changes: Partial<Shift> = {}): Shift {
  return {
    id: 's1',
    hotlineId: 'h1',
    localDate: '2026-11-24',
    startsAt: '2026-11-24T10:00:00.000Z',
    endsAt: '2026-11-24T12:00:00.000Z',
    localStart: '18:00',
    localEnd: '20:00',
    volunteersNeeded: 2,
    supervisorsNeeded: 1,
    volunteersSigned: 0,
    supervisorsSigned: 0,
    cancelled: false,
    signups: [],
    mine: false,
    ...changes,
  };
}

// Monday 23 November 2026, 10:00 in Shanghai.
const NOW = Date.parse('2026-11-23T02:00:00.000Z');

describe('the roster week', () => {
  it('runs Monday to Sunday around any day, across month and year ends', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(weekDays('2026-11-30')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(addDays('2026-11-23', -7)).toBe('2026-11-16');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(() => addDays('23/11/2026', 1)).toThrow(/YYYY-MM-DD/);
  });

  it('takes today in the hotline’s zone, not the browser’s', () => {
    // 20:00 UTC on the 22nd is already the 23rd in Shanghai.
    const instant = Date.parse('2026-11-22T20:00:00.000Z');
    expect(localDateIn(instant, 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDateIn(instant, 'Europe/Berlin')).toBe('2026-11-22');
    expect(localDateIn(instant, 'Moon/Base')).toBeNull();
  });

  it('starts at the hotline the server answers for: the preferred one, else the first made', () => {
    const hotlines: HotlineSummary[] = [
      { id: 'b', name: 'A city', timeZone: 'Asia/Shanghai', createdAt: '2026-02-01T00:00:00Z' },
      { id: 'a', name: 'B school', timeZone: 'Asia/Shanghai', createdAt: '2026-01-01T00:00:00Z' },
    ];
    expect(defaultHotline(hotlines)?.id).toBe('a');
    expect(defaultHotline(hotlines, 'b')?.id).toBe('b');
    expect(defaultHotline(hotlines, 'gone')?.id).toBe('a');
    expect(defaultHotline([])).toBeNull();
  });
});

describe('the roster grid', () => {
  it('lays shifts out as days × local times, with empty places where a day has none', () => {
    const days = weekDays('2026-11-23');
    const early = (date: string, id: string) =>
      shift({ id, localDate: date, localStart: '18:00', localEnd: '20:00' });
    const late = shift({
      id: 'late',
      localDate: '2026-11-25',
      localStart: '20:00',
      localEnd: '22:00',
    });
    const outside = early('2026-11-30', 'next-week');
    const grid = rosterGrid(days, [late, ...days.map((date) => early(date, date)), outside]);
    expect(grid.rows.map((row) => row.key)).toEqual(['18:00-20:00', '20:00-22:00']);
    expect(grid.days).toHaveLength(7);
    expect(grid.days[2].cells.map((cell) => cell.map((s) => s.id))).toEqual([
      ['2026-11-25'],
      ['late'],
    ]);
    expect(grid.days[0].cells[1]).toEqual([]);
    expect(grid.days.map((day) => day.shiftCount)).toEqual([1, 1, 2, 1, 1, 1, 1]);
  });

  it('has no rows for an empty week', () => {
    const grid = rosterGrid(weekDays('2026-11-23'), []);
    expect(grid.rows).toEqual([]);
    expect(grid.days.every((day) => day.shiftCount === 0)).toBe(true);
  });
});

describe('gaps and what the person may do', () => {
  it('counts the open places per role; a cancelled shift has no gap', () => {
    expect(missing(shift({ volunteersSigned: 1 }))).toEqual({ volunteer: 1, supervisor: 1 });
    expect(hasGap(shift())).toBe(true);
    expect(hasGap(shift({ volunteersSigned: 2, supervisorsSigned: 1 }))).toBe(false);
    expect(hasGap(shift({ volunteersSigned: 2 }))).toBe(true);
    expect(hasGap(shift({ cancelled: true }))).toBe(false);
  });

  it('offers the places of the roles the person holds, while open and not started', () => {
    expect(signUpSlots(shift(), ['volunteer'], NOW)).toEqual(['volunteer']);
    expect(signUpSlots(shift(), ['volunteer', 'supervisor'], NOW)).toEqual([
      'volunteer',
      'supervisor',
    ]);
    expect(signUpSlots(shift(), ['supervisor'], NOW)).toEqual(['supervisor']);
    expect(signUpSlots(shift(), ['coordinator'], NOW)).toEqual([]);
    expect(signUpSlots(shift({ volunteersSigned: 2 }), ['volunteer', 'supervisor'], NOW)).toEqual([
      'supervisor',
    ]);
    expect(signUpSlots(shift({ mine: true }), ['volunteer'], NOW)).toEqual([]);
    expect(signUpSlots(shift({ cancelled: true }), ['volunteer'], NOW)).toEqual([]);
    const started = Date.parse('2026-11-24T10:00:00.000Z');
    expect(signUpSlots(shift(), ['volunteer'], started)).toEqual([]);
  });

  it('offers withdrawal on the person’s own shifts until they start', () => {
    expect(canWithdraw(shift({ mine: true }), NOW)).toBe(true);
    expect(canWithdraw(shift(), NOW)).toBe(false);
    expect(canWithdraw(shift({ mine: true }), Date.parse('2026-11-24T11:00:00.000Z'))).toBe(false);
  });

  it('shows coverage to coordinators, supervisors and admins', () => {
    expect(isPlanner(['volunteer'])).toBe(false);
    expect(isPlanner(['volunteer', 'supervisor'])).toBe(true);
    expect(isPlanner(['coordinator'])).toBe(true);
    expect(isPlanner(['admin'])).toBe(true);
  });

  it('writes the gap score as a percentage and person-hours plainly', () => {
    expect(formatShare(0.7)).toBe('70.0%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(1 / 3)).toBe('33.3%');
    expect(formatShare(null)).toBe('—');
    expect(formatHours(20)).toBe('20');
    expect(formatHours(7.5)).toBe('7.5');
  });
});
