import { Random, draw, parseDistribution, pick, poissonArrivals } from './distributions';

describe('seeded randomness', () => {
  it('gives the same numbers for the same seed, and others for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(new Random(43).next()).not.toBe(first[0]);
    expect(new Random(42).fork('x').next()).toBe(new Random(42).fork('x').next());
    expect(new Random(42).fork('x').next()).not.toBe(new Random(42).fork('y').next());
  });

  it('draws durations with the asked-for means', () => {
    const random = new Random(7);
    const mean = (text: string) => {
      const distribution = parseDistribution(text);
      let sum = 0;
      for (let i = 0; i < 20_000; i += 1) sum += draw(distribution, random);
      return sum / 20_000;
    };
    expect(mean('exp:120')).toBeCloseTo(120, -1);
    expect(mean('lognormal:600,300')).toBeGreaterThan(585);
    expect(mean('lognormal:600,300')).toBeLessThan(615);
    expect(mean('uniform:2,8')).toBeCloseTo(5, 0);
    expect(mean('fixed:3')).toBe(3);
  });

  it('refuses a distribution it cannot read, saying what it accepts', () => {
    expect(() => parseDistribution('normal:3')).toThrow(/exp:MEAN, lognormal:MEAN,SD/);
    expect(() => parseDistribution('uniform:8,2')).toThrow();
  });

  it('spreads Poisson arrivals over each hour at its rate', () => {
    const arrivals = poissonArrivals([100, 0, 300], new Random(1));
    const inHour = (hour: number) =>
      arrivals.filter((at) => at >= hour * 3600 && at < (hour + 1) * 3600).length;
    expect(inHour(0)).toBeGreaterThan(70);
    expect(inHour(0)).toBeLessThan(130);
    expect(inHour(1)).toBe(0);
    expect(inHour(2)).toBeGreaterThan(250);
    expect([...arrivals].sort((a, b) => a - b)).toEqual(arrivals);
    expect(poissonArrivals([100, 0, 300], new Random(1))).toEqual(arrivals);
  });

  it('picks keys in proportion to their weights', () => {
    const random = new Random(5);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i += 1) counts[pick({ a: 3, b: 1 }, random)] += 1;
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
  });
});
