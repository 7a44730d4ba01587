import type { Redis } from 'ioredis';

/** Extends the lease only while this holder still has it (compare-and-set). */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0`;

/** Gives the lease back only if this holder still has it, so a successor's is never deleted. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0`;

/**
 * Wins the lease and, in the same step, draws the next epoch: each win gets a higher number
 * than every earlier one, so the database can refuse the writes of a leader that lost it.
 */
const ACQUIRE = `if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('incr', KEYS[2])
end
return 0`;

export interface LeaseHooks {
  /** The lease was won; the holder leads until `lost`. */
  won(): Promise<void> | void;
  /** Renewal failed, or the lease ran out unrenewed: stop leading at once. */
  lost(): void;
}

/**
 * One leader at a time through a Redis key with a time limit: `SET key holder NX PX ttl` to
 * win it, a compare-and-set renewal every ttl/3, and stepping down the moment a renewal
 * fails or the local deadline passes without one. A leader that dies stops renewing, and the
 * key expires after at most `ttlMs`, when another instance wins it.
 */
export class LeaderLease {
  private timer?: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;
  /** Local time until which this holder may act as leader (measured from before the request). */
  private validUntil = 0;
  private holding = false;
  private stopped = false;
  private turn: Promise<void> = Promise.resolve();
  private taking: Promise<void> = Promise.resolve();
  private won = 0;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    readonly holder: string,
    readonly ttlMs: number,
    private readonly hooks: LeaseHooks,
  ) {}

  /** The epoch drawn with the last win (0 before any); kept with the lease, under `key:epoch`. */
  get epoch(): number {
    return this.won;
  }

  /** True while this holder has the lease and its time has not run out. */
  get held(): boolean {
    return this.holding && Date.now() < this.validUntil;
  }

  /** Tries at once, then keeps trying (or renewing) every ttl/3. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.step();
    await this.taking;
  }

  /** The database refused this holder's writes (a later epoch wrote): step down at once. */
  superseded(): void {
    this.drop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.watchdog);
    await this.turn;
    await this.taking;
    if (!this.holding) return;
    this.drop();
    await this.redis.eval(RELEASE, 1, this.key, this.holder).catch(() => undefined);
  }

  private step(): Promise<void> {
    this.turn = this.turn.then(() => (this.holding ? this.renew() : this.acquire()));
    return this.turn.finally(() => this.schedule());
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.step(), Math.floor(this.ttlMs / 3));
    this.timer.unref();
  }

  /**
   * A renewal stuck on a dead connection must not leave this instance leading after its lease
   * may have gone to another: at the deadline it steps down, whatever the request is doing.
   */
  private watch(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(
      () => {
        if (Date.now() >= this.validUntil) this.drop();
      },
      Math.max(0, this.validUntil - Date.now()) + 1,
    );
    this.watchdog.unref();
  }

  private async acquire(): Promise<void> {
    const asked = Date.now();
    try {
      const epoch = Number(
        await this.redis.eval(ACQUIRE, 2, this.key, `${this.key}:epoch`, this.holder, this.ttlMs),
      );
      if (!(epoch > 0) || this.stopped) return;
      this.won = epoch;
    } catch {
      return;
    }
    this.holding = true;
    this.validUntil = asked + this.ttlMs;
    this.watch();
    // Renewals go on while the new leader takes over, so a slow takeover keeps its lease.
    this.taking = Promise.resolve()
      .then(() => this.hooks.won())
      .catch(async () => {
        // Could not take over (the database is down?): give the lease back for another to try.
        this.drop();
        await this.redis.eval(RELEASE, 1, this.key, this.holder).catch(() => undefined);
      });
  }

  private async renew(): Promise<void> {
    if (Date.now() >= this.validUntil) return this.drop();
    const asked = Date.now();
    try {
      const renewed = await this.redis.eval(RENEW, 1, this.key, this.holder, String(this.ttlMs));
      if (Number(renewed) !== 1) return this.drop();
      this.validUntil = asked + this.ttlMs;
      this.watch();
    } catch {
      this.drop();
    }
  }

  private drop(): void {
    if (!this.holding) return;
    this.holding = false;
    this.validUntil = 0;
    clearTimeout(this.watchdog);
    this.hooks.lost();
  }
}
