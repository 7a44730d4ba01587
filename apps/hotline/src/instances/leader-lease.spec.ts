import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { LeaderLease } from './leader-lease';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TTL = 300;

const until = async (check: () => boolean, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('LeaderLease (real Redis)', () => {
  let redis: Redis;
  let key: string;
  const leases: LeaderLease[] = [];

  /** A lease and what happened to it: how often it won and lost. */
  const lease = (holder: string) => {
    const seen = { won: 0, lost: 0 };
    const created = new LeaderLease(redis, key, holder, TTL, {
      won: () => void (seen.won += 1),
      lost: () => void (seen.lost += 1),
    });
    leases.push(created);
    return { lease: created, seen };
  };

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  beforeEach(() => {
    key = `hotline-test-${randomBytes(6).toString('hex')}:leader-lease`;
  });
  afterEach(async () => {
    await Promise.all(leases.splice(0).map((one) => one.stop()));
    await redis.del(`${key}:epoch`);
  });
  afterAll(() => redis.quit());

  it('gives the lease to one holder at a time and keeps it renewed', async () => {
    const first = lease('first');
    const second = lease('second');
    await first.lease.start();
    await second.lease.start();
    expect([first.lease.held, second.lease.held]).toEqual([true, false]);
    // Several lease periods later the first still holds it: renewals kept it.
    await new Promise((resolve) => setTimeout(resolve, TTL * 3));
    expect([first.lease.held, second.lease.held]).toEqual([true, false]);
    expect(await redis.get(key)).toBe('first');
  });

  it('steps down at once when a renewal finds the lease taken, and another holder wins it', async () => {
    const first = lease('first');
    await first.lease.start();
    // As if the lease had expired during a pause and someone else had won it meanwhile.
    await redis.set(key, 'intruder', 'PX', TTL);
    await until(() => first.seen.lost === 1);
    expect(first.lease.held).toBe(false);
    await first.lease.stop();

    const second = lease('second');
    await second.lease.start();
    await until(() => second.lease.held);
    expect(await redis.get(key)).toBe('second');
  });

  it('draws a higher epoch with each win', async () => {
    const first = lease('first');
    await first.lease.start();
    expect(first.lease.epoch).toBe(1);
    await first.lease.stop();
    const second = lease('second');
    await second.lease.start();
    expect(second.lease.epoch).toBe(2);
    expect(first.lease.epoch).toBe(1);
  });

  it('gives the lease back on stop, so a successor need not wait for it to expire', async () => {
    const first = lease('first');
    await first.lease.start();
    await first.lease.stop();
    expect(first.seen).toEqual({ won: 1, lost: 1 });
    expect(await redis.get(key)).toBeNull();
  });
});
