/**
 * Seeded randomness for the simulator: the same seed gives the same evening, call for call.
 * Each purpose draws from its own stream (`fork`), so adding a draw in one place does not
 * shift every other number of the run.
 */

/** mulberry32: small, fast, and good enough for queue simulations. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An independent stream named `label`, derived from this one's seed. */
  fork(label: string): Random {
    let hash = this.seed ^ 0x9e3779b9;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
    return new Random(hash >>> 0);
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** Durations in seconds. `lognormal` takes the mean and standard deviation of the duration itself. */
export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'lognormal'; mean: number; sd: number };

export function draw(distribution: Distribution, random: Random): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.value;
    case 'uniform':
      return distribution.min + (distribution.max - distribution.min) * random.next();
    case 'exponential':
      return -distribution.mean * Math.log(1 - random.next());
    case 'lognormal': {
      // The parameters of the underlying normal that give this mean and deviation.
      const variance = Math.log(1 + (distribution.sd / distribution.mean) ** 2);
      const mu = Math.log(distribution.mean) - variance / 2;
      return Math.exp(mu + Math.sqrt(variance) * random.normal());
    }
  }
}

export function meanOf(distribution: Distribution): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.value;
    case 'uniform':
      return (distribution.min + distribution.max) / 2;
    case 'exponential':
    case 'lognormal':
      return distribution.mean;
  }
}

/** `exp:90`, `lognormal:600,300`, `uniform:2,8`, `fixed:5` (seconds). */
export function parseDistribution(text: string): Distribution {
  const match = /^(\w+):([\d.]+)(?:,([\d.]+))?$/.exec(text.trim());
  const a = Number(match?.[2]);
  const b = Number(match?.[3]);
  const kind = match?.[1];
  if (kind === 'fixed' && a >= 0 && match?.[3] === undefined) return { kind, value: a };
  if ((kind === 'exp' || kind === 'exponential') && a > 0 && match?.[3] === undefined)
    return { kind: 'exponential', mean: a };
  if (kind === 'uniform' && b >= a && a >= 0) return { kind, min: a, max: b };
  if (kind === 'lognormal' && a > 0 && b > 0) return { kind, mean: a, sd: b };
  throw new Error(
    `"${text}" is not a distribution: use exp:MEAN, lognormal:MEAN,SD, uniform:MIN,MAX or fixed:VALUE (seconds)`,
  );
}

export function describeDistribution(distribution: Distribution): string {
  switch (distribution.kind) {
    case 'fixed':
      return `fixed ${distribution.value} s`;
    case 'uniform':
      return `uniform ${distribution.min}-${distribution.max} s`;
    case 'exponential':
      return `exponential, mean ${distribution.mean} s`;
    case 'lognormal':
      return `lognormal, mean ${distribution.mean} s, sd ${distribution.sd} s`;
  }
}

/**
 * Poisson arrivals with a rate that changes every hour: `perHour[h]` calls per hour during
 * hour h. Returns arrival offsets in seconds from the start, ascending.
 */
export function poissonArrivals(perHour: readonly number[], random: Random): number[] {
  const arrivals: number[] = [];
  perHour.forEach((rate, hour) => {
    if (rate <= 0) return;
    let at = hour * 3600;
    for (;;) {
      at += -Math.log(1 - random.next()) * (3600 / rate);
      if (at >= (hour + 1) * 3600) break;
      arrivals.push(at);
    }
  });
  return arrivals;
}

/** One key of `weights` (non-negative, not all zero), with probability proportional to its weight. */
export function pick<K extends string>(weights: Readonly<Record<K, number>>, random: Random): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = random.next() * total;
  for (const [key, weight] of entries) {
    remaining -= weight;
    if (remaining < 0) return key;
  }
  return entries[entries.length - 1][0];
}
