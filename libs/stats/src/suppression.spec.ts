import fc from 'fast-check';
import { suppressedCells, tableGroups } from './suppression';

/** A table of rows × (parts + their total), laid out row by row as the reports publish it. */
const table = fc
  .record({
    rows: fc.integer({ min: 1, max: 6 }),
    parts: fc.integer({ min: 1, max: 4 }),
    smallCell: fc.integer({ min: 2, max: 10 }),
  })
  .chain(({ rows, parts, smallCell }) =>
    fc
      .array(fc.array(fc.nat({ max: 30 }), { minLength: parts, maxLength: parts }), {
        minLength: rows,
        maxLength: rows,
      })
      .map((cells) => ({
        rows,
        columns: parts + 1,
        smallCell,
        counts: cells.flatMap((row) => [...row, row.reduce((sum, count) => sum + count, 0)]),
      })),
  );

describe('suppressedCells', () => {
  it('hides every small cell and keeps zeros and large cells when nothing else needs hiding', () => {
    expect(suppressedCells([0, 1, 2, 3, 10], [], 3)).toEqual([false, true, true, false, false]);
  });

  it('hides the next smallest cell of a group with one small cell', () => {
    // School A: 2 of a city's 2 + 5 + 40: hiding only the 2 would leave 47 - 5 - 40.
    expect(suppressedCells([2, 5, 40, 47], [[0, 1, 2, 3]], 3)).toEqual([true, true, false, false]);
  });

  it('prefers a non-zero partner: a hidden zero hides nothing', () => {
    expect(suppressedCells([2, 0, 9, 11], [[0, 1, 2, 3]], 3)).toEqual([true, false, true, false]);
  });

  it('never leaves a group with exactly one hidden cell, and hides every small cell', () => {
    fc.assert(
      fc.property(table, ({ rows, columns, smallCell, counts }) => {
        const groups = tableGroups(rows, columns);
        const hidden = suppressedCells(counts, groups, smallCell);
        counts.forEach((count, index) => {
          if (count > 0 && count < smallCell) expect(hidden[index]).toBe(true);
        });
        for (const group of groups) {
          const hiddenInGroup = group.filter((index) => hidden[index]);
          // One hidden cell is recoverable unless every other cell of its group is hidden too.
          if (hiddenInGroup.length === 1) expect(group.length).toBe(1);
        }
      }),
    );
  });

  it('hides nothing when no cell is small', () => {
    fc.assert(
      fc.property(table, ({ rows, columns, smallCell, counts }) => {
        const large = counts.map((count) => (count === 0 ? 0 : count + smallCell));
        expect(suppressedCells(large, tableGroups(rows, columns), smallCell).some(Boolean)).toBe(
          false,
        );
      }),
    );
  });
});
