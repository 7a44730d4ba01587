/**
 * Percent shares with one decimal that add up to exactly 100.0 (when the total is not zero),
 * each within a tenth of its exact value. Every share is first cut down to a tenth of a
 * percent; the tenths still missing go to the largest remainders, a whole group of equal
 * counts at a time, so equal counts show equal shares (3, 3, 1 of 7 give 42.9, 42.9, 14.2).
 * Only when no choice of whole groups adds up does a group split, larger remainder first.
 * Plain rounding would let a block add up to 99.9 % or 100.1 %.
 */
export function sharesOf(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const tenths = counts.map((count) => Math.floor((count * 1000) / total));
  const missing = 1000 - tenths.reduce((sum, value) => sum + value, 0);
  const groups = [...new Set(counts)]
    .map((count) => ({
      count,
      // Exact fractions, so equal remainders compare equal.
      remainder: (count * 1000) % total,
      members: counts.flatMap((other, index) => (other === count ? [index] : [])),
    }))
    .sort((a, b) => b.remainder - a.remainder || b.count - a.count);
  const chosen = wholeGroups(groups, missing) ?? splitGroups(groups, missing);
  for (const index of chosen) tenths[index] += 1;
  return tenths.map((value) => value / 10);
}

interface Group {
  remainder: number;
  members: number[];
}

/** Whole groups whose sizes add up to `missing`, with the largest remainders; or none. */
function wholeGroups(groups: Group[], missing: number): number[] | undefined {
  // best[m]: the largest remainder sum reaching exactly m tenths, and the groups it takes.
  let best: ({ value: number; taken: number[] } | undefined)[] = [{ value: 0, taken: [] }];
  groups.forEach((group, at) => {
    const next = [...best];
    best.forEach((state, units) => {
      const reach = units + group.members.length;
      if (!state || reach > missing) return;
      const value = state.value + group.remainder * group.members.length;
      if (!next[reach] || next[reach]!.value < value)
        next[reach] = { value, taken: [...state.taken, at] };
    });
    best = next;
  });
  return best[missing]?.taken.flatMap((at) => groups[at].members);
}

/** Largest remainders first, splitting a group of equal counts if it must. */
function splitGroups(groups: Group[], missing: number): number[] {
  return groups.flatMap((group) => group.members).slice(0, missing);
}

/** A rate in percent with one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
