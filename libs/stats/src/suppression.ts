/**
 * Which cells of a published table to hide. A count from 1 to below `smallCell` is hidden
 * (primary suppression). A group is a set of cells whose sum is published anyway (a row with
 * its total, a column with the unit's total): if exactly one cell of a group were hidden,
 * subtracting the others from the sum would give it back, so the smallest other cell of that
 * group is hidden too (complementary suppression), again until no group has exactly one.
 */
export function suppressedCells(
  counts: readonly number[],
  groups: readonly (readonly number[])[],
  smallCell: number,
): boolean[] {
  const hidden = counts.map((count) => count > 0 && count < smallCell);
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (group.filter((index) => hidden[index]).length !== 1) continue;
      const partner = smallestShown(counts, group, hidden);
      if (partner === undefined) continue;
      hidden[partner] = true;
      changed = true;
    }
  }
  return hidden;
}

/** The smallest shown cell of the group, a non-zero one first (a zero hides nothing). */
function smallestShown(
  counts: readonly number[],
  group: readonly number[],
  hidden: readonly boolean[],
): number | undefined {
  const shown = group.filter((index) => !hidden[index]);
  const rank = (index: number) => (counts[index] === 0 ? Number.MAX_SAFE_INTEGER : counts[index]);
  return shown.sort((a, b) => rank(a) - rank(b) || a - b)[0];
}

/**
 * The groups of a table of `rows` × `columns` cells laid out row by row, whose last column is
 * each row's total: every row (its cells and its total) and every column (the column's sum
 * is the published total row).
 */
export function tableGroups(rows: number, columns: number): number[][] {
  const at = (row: number, column: number) => row * columns + column;
  const range = (length: number) => Array.from({ length }, (_, index) => index);
  return [
    ...range(rows).map((row) => range(columns).map((column) => at(row, column))),
    ...range(columns).map((column) => range(rows).map((row) => at(row, column))),
  ];
}
