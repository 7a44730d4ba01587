import {
  MAX_DAYS_PER_QUERY,
  addDays,
  formatDay,
  formatInstant,
  fullDays,
  groupByDay,
  localDateIn,
  slotRange,
} from './slots';
import type { Slot } from './views';

const slot = (localDate: string, localTime: string, start: string): Slot => ({
  start,
  end: start,
  localDate,
  localTime,
});

describe('free times', () => {
  it('groups free times by local day, days and times in order, each start once', () => {
    const groups = groupByDay([
      slot('2026-11-25', '10:00', '2026-11-25T02:00:00.000Z'),
      slot('2026-11-24', '15:00', '2026-11-24T07:00:00.000Z'),
      slot('2026-11-24', '09:00', '2026-11-24T01:00:00.000Z'),
      // Two experts free at the same time: one button.
      slot('2026-11-24', '15:00', '2026-11-24T07:00:00.000Z'),
    ]);
    expect(groups.map((day) => [day.date, day.slots.map((one) => one.localTime)])).toEqual([
      ['2026-11-24', ['09:00', '15:00']],
      ['2026-11-25', ['10:00']],
    ]);
    expect(groupByDay([])).toEqual([]);
  });

  it('uses the local day the server names, not the UTC day of the instant', () => {
    // 07:30 in Shanghai on the 24th is still the 23rd in UTC.
    const groups = groupByDay([slot('2026-11-24', '07:30', '2026-11-23T23:30:00.000Z')]);
    expect(groups[0].date).toBe('2026-11-24');
  });

  it('asks from today through the horizon, at most what one question may cover', () => {
    expect(slotRange('2026-11-23', 14)).toEqual({ from: '2026-11-23', to: '2026-12-06' });
    expect(slotRange('2026-12-20', 60)).toEqual({
      from: '2026-12-20',
      to: addDays('2026-12-20', MAX_DAYS_PER_QUERY - 1),
    });
    expect(slotRange('2026-11-23', 0)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('lists the days without a free time for the waitlist, today left out', () => {
    const groups = groupByDay([slot('2026-11-24', '09:00', '2026-11-24T01:00:00.000Z')]);
    expect(fullDays({ from: '2026-11-23', to: '2026-11-26' }, groups)).toEqual([
      '2026-11-25',
      '2026-11-26',
    ]);
  });

  it('knows the local date in the hotline zone, whatever the browser zone', () => {
    const instant = Date.parse('2026-11-23T17:00:00Z');
    expect(localDateIn(instant, 'Asia/Shanghai')).toBe('2026-11-24');
    expect(localDateIn(instant, 'America/New_York')).toBe('2026-11-23');
  });

  it('reads a day and an instant in the parent’s language', () => {
    expect(formatDay('2026-11-24', 'zh-CN')).toBe('11月24日星期二');
    expect(formatDay('2026-11-24', 'en')).toBe('Tuesday 24 November');
    expect(formatInstant('2026-11-24T07:15:00.000Z', 'Asia/Shanghai', 'zh-CN')).toBe(
      '11月24日星期二 15:15',
    );
  });
});
