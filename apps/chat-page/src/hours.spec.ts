import { hoursLines, localParts, openingText } from './hours';

const every = (opens: string, closes: string, days = [1, 2, 3, 4, 5, 6, 7]) =>
  days.map((weekday) => ({ weekday, opens, closes }));

describe('the opening hours, as the closed page says them', () => {
  it('says "every day" when every day has the same hours', () => {
    expect(hoursLines(every('18:00', '22:00'), 'zh-CN')).toEqual([
      { days: '每天', times: '18:00–22:00' },
    ]);
    expect(hoursLines(every('18:00', '22:00'), 'en')).toEqual([
      { days: 'Every day', times: '18:00–22:00' },
    ]);
  });

  it('runs days with the same hours together, Monday first, and names short runs one by one', () => {
    const hours = [
      ...every('18:00', '22:00', [5, 1, 2, 3, 4]),
      ...every('10:00', '12:00', [7]),
      { weekday: 7, opens: '14:00', closes: '16:00' },
    ];
    expect(hoursLines(hours, 'en')).toEqual([
      { days: 'Monday–Friday', times: '18:00–22:00' },
      { days: 'Sunday', times: '10:00–12:00, 14:00–16:00' },
    ]);
    expect(hoursLines(every('09:00', '11:00', [1, 2, 4, 6]), 'zh-CN')).toEqual([
      { days: '周一、周二、周四、周六', times: '09:00–11:00' },
    ]);
  });

  it('has no line for a hotline with no hours', () => {
    expect(hoursLines([], 'en')).toEqual([]);
  });
});

describe('the next opening', () => {
  // Monday 23 November 2026, 23:30 in Shanghai (15:30 UTC).
  const now = Date.parse('2026-11-23T15:30:00Z');
  const zone = 'Asia/Shanghai';

  it('reads the instant in the hotline’s zone', () => {
    expect(localParts(now, zone)).toEqual({ date: '2026-11-23', weekday: 1, time: '23:30' });
  });

  it('is today, tomorrow, a weekday, or a date', () => {
    expect(openingText('2026-11-23T15:45:00Z', now, zone, 'en')).toBe('today at 23:45');
    expect(openingText('2026-11-24T10:00:00Z', now, zone, 'zh-CN')).toBe('明天 18:00');
    expect(openingText('2026-11-26T10:00:00Z', now, zone, 'en')).toBe('Thursday at 18:00');
    expect(openingText('2026-12-01T10:00:00Z', now, zone, 'zh-CN')).toBe('12月1日 18:00');
    expect(openingText('2026-12-01T10:00:00Z', now, zone, 'en')).toBe('1 December at 18:00');
  });

  it('says nothing of an instant it cannot read, and falls back to the browser’s zone', () => {
    expect(openingText('soon', now, zone, 'en')).toBe('');
    expect(localParts(now, 'Not/AZone').time).toMatch(/^\d\d:\d\d$/);
  });
});
