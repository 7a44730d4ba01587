import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ManualClock } from '@hotline/clock';
import { SharedSignInAttempts } from './shared-sign-in-attempts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('SharedSignInAttempts (real Redis)', () => {
  const limits = { perAccount: 3, perAddress: 5, windowMinutes: 15 };
  let redis: Redis;
  let prefix: string;
  let clock: ManualClock;
  /** One instance's counter; every one made in a test shares the same Redis prefix. */
  const instance = (client: () => Redis | undefined = () => redis) =>
    new SharedSignInAttempts(client, prefix, clock, limits);

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  beforeEach(() => {
    prefix = `hotline-test-${randomBytes(6).toString('hex')}`;
    clock = new ManualClock('2026-11-23T10:00:00Z');
  });
  afterEach(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(keys);
  });
  afterAll(() => redis.quit());

  it('blocks an account from one address after failures on any instance, until the window passes', async () => {
    const [first, second] = [instance(), instance()];
    await first.recordFailure('a@x.cn', '10.0.0.1');
    await second.recordFailure('a@x.cn', '10.0.0.1');
    expect(await first.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(0);
    await first.recordFailure('a@x.cn', '10.0.0.1');

    expect(await second.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(15);
    expect(await second.blockedForMinutes('a@x.cn', '10.0.0.2')).toBe(0);
    clock.advance({ minutes: 10 });
    expect(await first.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(5);
    clock.advance({ minutes: 5, seconds: 1 });
    expect(await first.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(0);
  });

  it('blocks an address that tries many accounts, and keys name neither email nor address', async () => {
    const attempts = instance();
    for (let i = 0; i < 5; i++) await attempts.recordFailure(`user${i}@x.cn`, '10.0.0.9');
    expect(await instance().blockedForMinutes('someone-else@x.cn', '10.0.0.9')).toBe(15);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/x\.cn|10\.0\.0/);
    // The counts expire one window after the last failure.
    const ttl = await redis.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
  });

  it("forgets an account's failures after a successful sign-in on another instance", async () => {
    const [first, second] = [instance(), instance()];
    await first.recordFailure('a@x.cn', '10.0.0.1');
    await first.recordFailure('a@x.cn', '10.0.0.1');
    await second.recordSuccess('a@x.cn', '10.0.0.1');
    await first.recordFailure('a@x.cn', '10.0.0.1');
    expect(await first.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(0);
  });

  it('counts on this instance alone while Redis fails', async () => {
    const down = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
    down.disconnect();
    const attempts = instance(() => down);
    for (let i = 0; i < 3; i++) await attempts.recordFailure('a@x.cn', '10.0.0.1');
    expect(await attempts.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(15);
    expect(await instance().blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(0);
  });
});
