/**
 * Whether a call is let in, on its caller's record alone: refused while a block is in force,
 * or when the caller already called `limit.calls` times within `limit.minutes` (the extra calls
 * are refused). Withheld numbers cannot be recognised and are always admitted. Refused
 * callers still hear the danger key: refusal never keeps a child in danger from the crisis path.
 */
export type Admission = 'admit' | 'blocked' | 'over_limit';

/** At most `calls` calls per number within `minutes`; 0 calls: no limit. */
export interface CallerLimit {
  calls: number;
  minutes: number;
}

export interface BlockTerm {
  expiresAt: Date | null;
  liftedAt: Date | null;
}

export interface CallerRecord {
  /** The keyed hash of the number; null when the number was withheld. */
  callerHash: string | null;
  /** Blocks of this caller on this hotline, lifted or not. */
  blocks: readonly BlockTerm[];
  /** When this caller's earlier calls to this hotline arrived (any span; the limit picks). */
  earlierArrivals: readonly Date[];
}

/** A block counts until it is lifted or expires (null: permanent); the expiry job only records it. */
export const inForce = (block: BlockTerm, now: Date): boolean =>
  block.liftedAt === null &&
  (block.expiresAt === null || block.expiresAt.getTime() > now.getTime());

/** Calls of this caller within the limit's span before `now`. */
export const callsWithin = (arrivals: readonly Date[], limit: CallerLimit, now: Date): number => {
  const since = now.getTime() - limit.minutes * 60_000;
  return arrivals.filter((at) => at.getTime() > since && at.getTime() <= now.getTime()).length;
};

/** A caller who reached the limit: the wall and the offer show them as a frequent caller. */
export const frequentCaller = (arrivals: readonly Date[], limit: CallerLimit, now: Date): boolean =>
  limit.calls > 0 && callsWithin(arrivals, limit, now) >= limit.calls;

export function admission(caller: CallerRecord, limit: CallerLimit, now: Date): Admission {
  if (caller.callerHash === null) return 'admit';
  if (caller.blocks.some((block) => inForce(block, now))) return 'blocked';
  return frequentCaller(caller.earlierArrivals, limit, now) ? 'over_limit' : 'admit';
}
