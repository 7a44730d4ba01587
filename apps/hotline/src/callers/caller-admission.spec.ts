import fc from 'fast-check';
import { BlockTerm, CallerLimit, admission, frequentCaller, inForce } from './caller-admission';

const NOW = new Date('2026-12-06T12:00:00Z');
const minutes = (offset: number) => new Date(NOW.getTime() + offset * 60_000);

const limit = fc.record<CallerLimit>({
  calls: fc.integer({ min: 0, max: 8 }),
  minutes: fc.integer({ min: 1, max: 120 }),
});
const block = fc.record<BlockTerm>({
  expiresAt: fc.option(fc.integer({ min: -60 * 24, max: 60 * 24 }).map(minutes)),
  liftedAt: fc.option(fc.integer({ min: -60 * 24, max: 0 }).map(minutes)),
});
const arrivals = fc.array(fc.integer({ min: -240, max: 0 }).map(minutes), { maxLength: 12 });
const caller = fc.record({
  callerHash: fc.option(fc.constant('h'.repeat(64))),
  blocks: fc.array(block, { maxLength: 3 }),
  earlierArrivals: arrivals,
});

describe('admission', () => {
  it('admits every caller without a number: they cannot be recognised', () => {
    fc.assert(
      fc.property(caller, limit, (record, rule) => {
        expect(admission({ ...record, callerHash: null }, rule, NOW)).toBe('admit');
      }),
    );
  });

  it('refuses as blocked exactly while a block is in force, whatever the count', () => {
    fc.assert(
      fc.property(caller, limit, (record, rule) => {
        fc.pre(record.callerHash !== null);
        const blocked = record.blocks.some((term) => inForce(term, NOW));
        expect(admission(record, rule, NOW) === 'blocked').toBe(blocked);
      }),
    );
  });

  it('refuses as over the limit exactly when an unblocked caller reached it within its span', () => {
    fc.assert(
      fc.property(caller, limit, (record, rule) => {
        fc.pre(record.callerHash !== null);
        const unblocked = { ...record, blocks: [] };
        const within = record.earlierArrivals.filter(
          (at) => NOW.getTime() - at.getTime() < rule.minutes * 60_000,
        ).length;
        const over = rule.calls > 0 && within >= rule.calls;
        expect(admission(unblocked, rule, NOW)).toBe(over ? 'over_limit' : 'admit');
        expect(frequentCaller(record.earlierArrivals, rule, NOW)).toBe(over);
      }),
    );
  });

  it('never limits when the limit is off (0 calls)', () => {
    fc.assert(
      fc.property(caller, limit, (record, rule) => {
        expect(admission({ ...record, blocks: [] }, { ...rule, calls: 0 }, NOW)).toBe('admit');
      }),
    );
  });

  it('lets a block go at its expiry, keeps a permanent one, and drops a lifted one', () => {
    const record = { callerHash: 'h', earlierArrivals: [] };
    const rule = { calls: 5, minutes: 30 };
    expect(
      admission({ ...record, blocks: [{ expiresAt: minutes(1), liftedAt: null }] }, rule, NOW),
    ).toBe('blocked');
    expect(admission({ ...record, blocks: [{ expiresAt: NOW, liftedAt: null }] }, rule, NOW)).toBe(
      'admit',
    );
    expect(
      admission({ ...record, blocks: [{ expiresAt: null, liftedAt: null }] }, rule, minutes(1e6)),
    ).toBe('blocked');
    expect(
      admission({ ...record, blocks: [{ expiresAt: null, liftedAt: minutes(-1) }] }, rule, NOW),
    ).toBe('admit');
  });

  it('lets the fifth call of five-in-thirty in and refuses the sixth', () => {
    const rule = { calls: 5, minutes: 30 };
    const four = [-25, -20, -10, -5].map(minutes);
    expect(admission({ callerHash: 'h', blocks: [], earlierArrivals: four }, rule, NOW)).toBe(
      'admit',
    );
    expect(
      admission(
        { callerHash: 'h', blocks: [], earlierArrivals: [...four, minutes(-1)] },
        rule,
        NOW,
      ),
    ).toBe('over_limit');
    // The first of them falls out of the span 31 minutes on.
    expect(
      admission(
        { callerHash: 'h', blocks: [], earlierArrivals: [...four, minutes(-1)] },
        rule,
        minutes(6),
      ),
    ).toBe('admit');
  });
});
