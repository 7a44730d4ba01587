import { ClaimOrder, Pair } from './claim-order';

/** A small deterministic random source, so a failing case can be replayed. */
function seeded(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

const slot = { experts: ['ana', 'bo', 'cy'], rooms: ['r1', 'r2', 'r3'] };
const everyone = slot;

/** Every pair the order proposes while the claims refuse nothing but what `refuse` says. */
function walk(
  order: ClaimOrder,
  refuse: (pair: Pair) => 'expert' | 'room' | null,
  latest: (pair: Pair) => typeof slot = () => everyone,
): Pair[] {
  const tried: Pair[] = [];
  for (let pair = order.next(); pair; pair = order.next()) {
    if (!order.stillFree(pair, latest(pair))) continue;
    tried.push(pair);
    const refused = refuse(pair);
    if (!refused) break;
    order.refused(pair, refused);
  }
  return tried;
}

describe('ClaimOrder', () => {
  it('tries the expert with the fewest bookings that day first', () => {
    const load = new Map([
      ['ana', 2],
      ['bo', 0],
      ['cy', 1],
    ]);
    for (let seed = 1; seed <= 20; seed++)
      expect(new ClaimOrder(slot, load, seeded(seed)).next()?.expertId).toBe('bo');
  });

  it('spreads experts with the same load over concurrent requests', () => {
    const first = new Set<string>();
    for (let seed = 1; seed <= 50; seed++)
      first.add(new ClaimOrder(slot, new Map(), seeded(seed)).next()!.expertId);
    expect(first.size).toBeGreaterThan(1);
  });

  it('tries an expert’s rooms in turn while the claims refuse them', () => {
    const tried = walk(
      new ClaimOrder({ experts: ['ana'], rooms: ['r1', 'r2'] }, new Map()),
      () => 'room',
    );
    expect(tried.map((pair) => pair.roomId).sort()).toEqual(['r1', 'r2']);
  });

  it('never proposes a room the claims refused, for any expert', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seeded(seed);
      const refusedRooms = new Set<string>();
      const tried = walk(new ClaimOrder(slot, new Map(), random), (pair) => {
        expect(refusedRooms).not.toContain(pair.roomId);
        const which = random(2) === 0 ? 'room' : 'expert';
        if (which === 'room') refusedRooms.add(pair.roomId);
        return which;
      });
      expect(tried.length).toBeGreaterThan(0);
    }
  });

  it('never proposes an expert again once the claims refused their time', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seeded(seed);
      const refusedExperts = new Set<string>();
      walk(new ClaimOrder(slot, new Map(), random), (pair) => {
        expect(refusedExperts).not.toContain(pair.expertId);
        const which = random(2) === 0 ? 'room' : 'expert';
        if (which === 'expert') refusedExperts.add(pair.expertId);
        return which;
      });
    }
  });

  it('proposes no pair twice, and nothing once every room was refused', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const order = new ClaimOrder(slot, new Map(), seeded(seed));
      const seen = new Set<string>();
      walk(order, (pair) => {
        const key = `${pair.expertId} ${pair.roomId}`;
        expect(seen).not.toContain(key);
        seen.add(key);
        return 'room';
      });
      expect(order.next()).toBeNull();
    }
  });

  it('passes over an expert, and rules out a room, that the latest plan no longer shows free', () => {
    const order = new ClaimOrder(slot, new Map(), seeded(7));
    const gone = order.next()!;
    const latest = {
      experts: slot.experts.filter((id) => id !== gone.expertId),
      rooms: slot.rooms.filter((id) => id !== gone.roomId),
    };
    const tried = walk(
      order,
      () => 'room',
      () => latest,
    );
    expect(tried.some((pair) => pair.expertId === gone.expertId)).toBe(false);
    expect(tried.some((pair) => pair.roomId === gone.roomId)).toBe(false);
    expect(tried.length).toBe(2);
  });

  it('proposes nothing for a slot without experts or rooms', () => {
    expect(new ClaimOrder({ experts: [], rooms: ['r1'] }, new Map()).next()).toBeNull();
    expect(new ClaimOrder({ experts: ['ana'], rooms: [] }, new Map()).next()).toBeNull();
  });
});
