import { DateTime } from 'luxon';

/** The one source of "now" for the hotline: services never call `Date.now()` themselves. */
export interface Clock {
  /** The current instant, in UTC. */
  now(): DateTime;
  /** How many clock milliseconds pass per real millisecond (1 outside simulations). */
  readonly speed: number;
}

export class SystemClock implements Clock {
  readonly speed = 1;

  now(): DateTime {
    return DateTime.utc();
  }
}

/**
 * A clock that starts at a chosen instant and runs `speed` times faster than real time,
 * so a whole evening can be replayed in minutes. The caller simulator builds the same clock
 * from the same settings and the server's reported start, so both agree on "now".
 */
export class ScaledClock implements Clock {
  private readonly realStart: number;

  constructor(
    private readonly start: DateTime,
    readonly speed: number,
    private readonly realNow: () => number = Date.now,
    realStart?: number,
  ) {
    if (!(speed > 0)) throw new RangeError(`clock speed must be positive, got ${speed}`);
    this.realStart = realStart ?? realNow();
  }

  now(): DateTime {
    return this.start
      .plus({ milliseconds: (this.realNow() - this.realStart) * this.speed })
      .toUTC();
  }

  /** The real instant (epoch ms) at which this clock read `start`. */
  get startedAtRealMillis(): number {
    return this.realStart;
  }
}

/** A clock moved by hand, for tests of time-dependent rules. */
export class ManualClock implements Clock {
  readonly speed = 1;
  private current: DateTime;

  constructor(start: DateTime | string) {
    this.current =
      typeof start === 'string'
        ? DateTime.fromISO(start, { setZone: true }).toUTC()
        : start.toUTC();
  }

  now(): DateTime {
    return this.current;
  }

  set(to: DateTime | string): void {
    this.current =
      typeof to === 'string' ? DateTime.fromISO(to, { setZone: true }).toUTC() : to.toUTC();
  }

  advance(by: { seconds?: number; minutes?: number; hours?: number; days?: number }): void {
    this.current = this.current.plus(by);
  }
}
