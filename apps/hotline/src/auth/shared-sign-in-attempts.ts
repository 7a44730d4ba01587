import { Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '@hotline/clock';
import { AttemptLimits, DEFAULT_LIMITS, SignInAttempts, SignInThrottle } from './sign-in-attempts';

/**
 * Counts failed sign-ins in Redis, shared by every instance: the same rules as
 * `SignInAttempts`, each key a sorted set of failure times (hotline clock, ms) that expires one
 * window after its last failure. Keys hold a hash of the email and address, never either.
 *
 * While Redis fails, the counting falls back to this instance's memory, with a warning: sign-in
 * stays open to volunteers, still throttled per instance (docs/decisions.md).
 */
export class SharedSignInAttempts implements SignInThrottle {
  private readonly logger = new Logger('SignInAttempts');
  private readonly fallback: SignInAttempts;
  private warned = false;

  constructor(
    private readonly redis: () => Redis | undefined,
    private readonly prefix: string,
    private readonly clock: Clock,
    private readonly limits: AttemptLimits = DEFAULT_LIMITS,
  ) {
    this.fallback = new SignInAttempts(clock, limits);
  }

  async blockedForMinutes(email: string, address: string): Promise<number> {
    const now = this.clock.now().toMillis();
    const windowMs = this.limits.windowMinutes * 60_000;
    return this.shared(
      async (redis) => {
        const [account, byAddress] = await Promise.all(
          this.keys(email, address).map((key) =>
            redis.zrangebyscore(key, `(${now - windowMs}`, '+inf', 'WITHSCORES'),
          ),
        );
        const unblockAt = Math.max(
          this.unblockAt(account, this.limits.perAccount, windowMs),
          this.unblockAt(byAddress, this.limits.perAddress, windowMs),
        );
        return unblockAt > now ? Math.max(1, Math.ceil((unblockAt - now) / 60_000)) : 0;
      },
      () => this.fallback.blockedForMinutes(email, address),
    );
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const now = this.clock.now().toMillis();
    const windowMs = this.limits.windowMinutes * 60_000;
    this.fallback.recordFailure(email, address);
    await this.shared(
      async (redis) => {
        const batch = redis.multi();
        for (const key of this.keys(email, address)) {
          batch
            .zadd(key, now, `${now}:${randomBytes(4).toString('hex')}`)
            .zremrangebyscore(key, '-inf', now - windowMs)
            .pexpire(key, windowMs);
        }
        await batch.exec();
      },
      () => undefined,
    );
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    this.fallback.recordSuccess(email, address);
    await this.shared(
      async (redis) => void (await redis.del(this.keys(email, address)[0])),
      () => undefined,
    );
  }

  /** When the `limit`-th most recent failure leaves the window (0: not blocked). */
  private unblockAt(withScores: string[], limit: number, windowMs: number): number {
    const times = withScores.filter((_, index) => index % 2 === 1).map(Number);
    return times.length >= limit ? times[times.length - limit] + windowMs : 0;
  }

  private keys(email: string, address: string): [account: string, address: string] {
    const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);
    return [
      `${this.prefix}:sign-in:account:${hash(`${address}\n${email}`)}`,
      `${this.prefix}:sign-in:address:${hash(address)}`,
    ];
  }

  private async shared<T>(work: (redis: Redis) => Promise<T>, alone: () => T): Promise<T> {
    const redis = this.redis();
    if (!redis) return alone();
    try {
      const result = await work(redis);
      if (this.warned) this.logger.log('Redis answers again; sign-in failures are shared again');
      this.warned = false;
      return result;
    } catch (error) {
      if (!this.warned)
        this.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'Redis failed; sign-in failures are counted on this instance only until it answers',
        );
      this.warned = true;
      return alone();
    }
  }
}
