import { DateTime } from 'luxon';
import {
  HotlineSchedule,
  currentOrNextOpening,
  everyDay,
  isOpenAt,
  openingsOn,
  scheduleProblems,
} from './opening-hours';

const evening = (zone: string, closures: HotlineSchedule['closures'] = []): HotlineSchedule => ({
  zone,
  weekly: everyDay({ start: '18:00', end: '22:00' }),
  closures,
});

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });

describe('opening hours', () => {
  it('is open from 18:00 to 22:00 local time and closed either side', () => {
    const schedule = evening('Asia/Shanghai');
    expect(isOpenAt(schedule, at('2026-11-23T17:59:59', 'Asia/Shanghai'))).toBe(false);
    expect(isOpenAt(schedule, at('2026-11-23T18:00:00', 'Asia/Shanghai'))).toBe(true);
    expect(isOpenAt(schedule, at('2026-11-23T21:59:59', 'Asia/Shanghai'))).toBe(true);
    expect(isOpenAt(schedule, at('2026-11-23T22:00:00', 'Asia/Shanghai'))).toBe(false);
    // 10:30 UTC is 18:30 in Shanghai
    expect(isOpenAt(schedule, DateTime.fromISO('2026-11-23T10:30:00Z'))).toBe(true);
  });

  it('keeps 18:00 local across a DST change in a zone that has one', () => {
    const schedule = evening('Europe/Berlin');
    const beforeChange = openingsOn(schedule, '2026-03-28')[0];
    const afterChange = openingsOn(schedule, '2026-03-29')[0];
    expect(beforeChange.start!.toUTC().toFormat('HH:mm')).toBe('17:00');
    expect(afterChange.start!.toUTC().toFormat('HH:mm')).toBe('16:00');
    expect(afterChange.start!.toFormat('HH:mm')).toBe('18:00');
    expect(afterChange.length('hours')).toBe(4);
  });

  it('stays closed on a closure date and names the next opening after it', () => {
    const schedule = evening('Asia/Shanghai', [{ date: '2026-11-23', reason: 'training' }]);
    expect(isOpenAt(schedule, at('2026-11-23T19:00:00', 'Asia/Shanghai'))).toBe(false);
    const next = currentOrNextOpening(schedule, at('2026-11-23T19:00:00', 'Asia/Shanghai'))!;
    expect(next.start!.toISO()).toBe('2026-11-24T18:00:00.000+08:00');
  });

  it('reports the interval in progress while open', () => {
    const schedule = evening('Asia/Shanghai');
    const current = currentOrNextOpening(schedule, at('2026-11-23T20:00:00', 'Asia/Shanghai'))!;
    expect(current.start!.toISO()).toBe('2026-11-23T18:00:00.000+08:00');
  });

  it('returns null when the hotline never opens', () => {
    const schedule: HotlineSchedule = {
      zone: 'UTC',
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      closures: [],
    };
    expect(currentOrNextOpening(schedule, DateTime.utc(), 14)).toBeNull();
  });

  it('explains what is wrong with a schedule', () => {
    const schedule = evening('Mars/Olympus');
    schedule.weekly.mon = [
      { start: '18:00', end: '20:00' },
      { start: '19:00', end: '21:00' },
    ];
    schedule.weekly.tue = [{ start: '22:00', end: '18:00' }];
    schedule.weekly.wed = [{ start: '7pm', end: '22:00' }];
    schedule.closures = [{ date: '2026-13-01' }];
    expect(scheduleProblems(schedule)).toEqual([
      'timeZone "Mars/Olympus" is not an IANA time zone',
      'openingHours.mon: 18:00-20:00 overlaps 19:00-21:00',
      'openingHours.tue: 22:00-18:00 must end after it starts, on the same day',
      'openingHours.wed: times must be HH:mm, got 7pm-22:00',
      'closures: "2026-13-01" is not a yyyy-MM-dd date',
    ]);
    expect(scheduleProblems(evening('Asia/Shanghai'))).toEqual([]);
  });
});
