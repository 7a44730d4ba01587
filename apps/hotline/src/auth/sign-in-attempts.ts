import { DateTime } from 'luxon';
import type { Clock } from '@hotline/clock';

export interface AttemptLimits {
  /** Failures allowed for one email from one address within the window. */
  perAccount: number;
  /** Failures allowed from one address, whatever the email, within the window. */
  perAddress: number;
  windowMinutes: number;
}

export const DEFAULT_LIMITS: AttemptLimits = { perAccount: 5, perAddress: 30, windowMinutes: 15 };

/** Counts failed sign-ins: in memory (`SignInAttempts`) or shared through Redis. */
export interface SignInThrottle {
  /** Minutes until the next attempt is allowed, or 0 when it is allowed now. */
  blockedForMinutes(email: string, address: string): number | Promise<number>;
  recordFailure(email: string, address: string): void | Promise<void>;
  recordSuccess(email: string, address: string): void | Promise<void>;
}

/**
 * Counts failed sign-ins in memory. Keyed by (email, address) and by address, so an attacker
 * cannot lock a volunteer out from elsewhere, yet guessing is slowed to a crawl.
 */
export class SignInAttempts implements SignInThrottle {
  private readonly failures = new Map<string, DateTime[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: AttemptLimits = DEFAULT_LIMITS,
  ) {}

  /** Minutes until the next attempt is allowed, or 0 when it is allowed now. */
  blockedForMinutes(email: string, address: string): number {
    const now = this.clock.now();
    const blockedUntil = [
      this.unblockAt(`account:${address}:${email}`, this.limits.perAccount, now),
      this.unblockAt(`address:${address}`, this.limits.perAddress, now),
    ].reduce(
      (latest, at) => (at && (!latest || at > latest) ? at : latest),
      undefined as DateTime | undefined,
    );
    return blockedUntil ? Math.max(1, Math.ceil(blockedUntil.diff(now, 'minutes').minutes)) : 0;
  }

  recordFailure(email: string, address: string): void {
    const now = this.clock.now();
    for (const key of [`account:${address}:${email}`, `address:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  recordSuccess(email: string, address: string): void {
    this.failures.delete(`account:${address}:${email}`);
  }

  private unblockAt(key: string, limit: number, now: DateTime): DateTime | undefined {
    const recent = this.recent(key, now);
    if (recent.length === 0) this.failures.delete(key);
    return recent.length >= limit
      ? recent[recent.length - limit].plus({ minutes: this.limits.windowMinutes })
      : undefined;
  }

  private recent(key: string, now: DateTime): DateTime[] {
    const since = now.minus({ minutes: this.limits.windowMinutes });
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }
}
