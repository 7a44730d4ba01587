import { DateTime } from 'luxon';

/**
 * The hotline's clock as the simulator keeps it: read once from the server's `/health`
 * (its time and speed, set by HOTLINE_CLOCK_START / HOTLINE_CLOCK_SPEED), then run locally
 * at the same speed. Every wait of the simulator is in hotline time.
 */
export class HotlineTime {
  constructor(
    /** The hotline instant (epoch ms) at the real instant `realAt`. */
    private readonly hotlineAt: number,
    private readonly realAt: number,
    readonly speed: number,
  ) {}

  static async sync(serverUrl: string, expectedSpeed?: number): Promise<HotlineTime> {
    const before = Date.now();
    const response = await fetch(`${serverUrl}/health`);
    const after = Date.now();
    if (!response.ok) throw new Error(`${serverUrl}/health answered ${response.status}`);
    const health = (await response.json()) as { time: string; clockSpeed: number };
    if (expectedSpeed !== undefined && expectedSpeed !== health.clockSpeed)
      throw new Error(
        `the server's clock runs at ${health.clockSpeed}x, not ${expectedSpeed}x: start it with HOTLINE_CLOCK_SPEED=${expectedSpeed}, or leave the speed out`,
      );
    // The server read its clock somewhere in the round trip: the middle is the best guess.
    return new HotlineTime(
      DateTime.fromISO(health.time).toMillis(),
      (before + after) / 2,
      health.clockSpeed,
    );
  }

  /** Hotline epoch milliseconds now. */
  nowMillis(): number {
    return this.hotlineAt + (Date.now() - this.realAt) * this.speed;
  }

  now(): DateTime {
    return DateTime.fromMillis(this.nowMillis());
  }

  /** Waits this many hotline seconds. */
  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    return this.until(this.nowMillis() + seconds * 1000, signal);
  }

  /** Waits until the hotline clock reads `instant` (epoch ms). */
  until(instant: number, signal?: AbortSignal): Promise<void> {
    const delay = Math.max(0, (instant - this.nowMillis()) / this.speed);
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const abort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', abort);
        resolve();
      }, delay);
      signal?.addEventListener('abort', abort, { once: true });
    });
  }
}
