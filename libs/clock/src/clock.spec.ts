import { DateTime } from 'luxon';
import { ManualClock, ScaledClock } from './clock';

describe('ScaledClock', () => {
  it('starts at the chosen instant and runs speed times faster than real time', () => {
    let real = 1_000_000;
    const start = DateTime.fromISO('2026-03-01T18:00:00', { zone: 'Asia/Shanghai' });
    const clock = new ScaledClock(start, 60, () => real);

    expect(clock.now().toISO()).toBe('2026-03-01T10:00:00.000Z');
    real += 1_000; // one real second is one clock minute
    expect(clock.now().setZone('Asia/Shanghai').toFormat('HH:mm:ss')).toBe('18:01:00');
    expect(clock.now().zoneName).toBe('UTC');
  });

  it('refuses a speed that would stop or reverse time', () => {
    expect(() => new ScaledClock(DateTime.utc(), 0)).toThrow(/positive/);
  });
});

describe('ManualClock', () => {
  it('moves only when told to', () => {
    const clock = new ManualClock('2026-01-01T10:00:00Z');
    clock.advance({ minutes: 5 });
    expect(clock.now().toISO()).toBe('2026-01-01T10:05:00.000Z');
    clock.set('2026-01-02T00:00:00+08:00');
    expect(clock.now().toISO()).toBe('2026-01-01T16:00:00.000Z');
  });
});
