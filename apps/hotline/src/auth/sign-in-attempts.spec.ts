import { ManualClock } from '@hotline/clock';
import { SignInAttempts } from './sign-in-attempts';

describe('SignInAttempts', () => {
  const limits = { perAccount: 3, perAddress: 5, windowMinutes: 15 };

  it('blocks an account from one address after repeated failures, until the window passes', () => {
    const clock = new ManualClock('2026-11-23T10:00:00Z');
    const attempts = new SignInAttempts(clock, limits);
    for (let i = 0; i < 3; i++) attempts.recordFailure('a@x.cn', '10.0.0.1');

    expect(attempts.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(15);
    expect(attempts.blockedForMinutes('a@x.cn', '10.0.0.2')).toBe(0);
    clock.advance({ minutes: 10 });
    expect(attempts.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(5);
    clock.advance({ minutes: 5, seconds: 1 });
    expect(attempts.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(0);
  });

  it('blocks an address that tries many accounts', () => {
    const attempts = new SignInAttempts(new ManualClock('2026-11-23T10:00:00Z'), limits);
    for (let i = 0; i < 5; i++) attempts.recordFailure(`user${i}@x.cn`, '10.0.0.9');
    expect(attempts.blockedForMinutes('someone-else@x.cn', '10.0.0.9')).toBe(15);
  });

  it("forgets an account's failures after a successful sign-in", () => {
    const attempts = new SignInAttempts(new ManualClock('2026-11-23T10:00:00Z'), limits);
    attempts.recordFailure('a@x.cn', '10.0.0.1');
    attempts.recordFailure('a@x.cn', '10.0.0.1');
    attempts.recordSuccess('a@x.cn', '10.0.0.1');
    attempts.recordFailure('a@x.cn', '10.0.0.1');
    expect(attempts.blockedForMinutes('a@x.cn', '10.0.0.1')).toBe(0);
  });
});
