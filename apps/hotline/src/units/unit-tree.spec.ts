import fc from 'fast-check';
import { UnitNode, UnitTree } from './unit-tree';

const province: UnitNode[] = [
  { id: 'p', parentId: null },
  { id: 'c1', parentId: 'p' },
  { id: 'c2', parentId: 'p' },
  { id: 'd1', parentId: 'c1' },
  { id: 's1', parentId: 'd1' },
  { id: 's2', parentId: 'c2' },
];

describe('UnitTree', () => {
  const tree = new UnitTree(province);

  it('finds a unit and everything below it, and nothing of a sibling', () => {
    expect([...tree.subtree('c1')].sort()).toEqual(['c1', 'd1', 's1']);
    expect(tree.subtree('c1').has('s2')).toBe(false);
    expect(tree.subtree('p').size).toBe(6);
    expect(tree.subtree('nowhere').size).toBe(0);
  });

  it('walks up to the root, nearest first', () => {
    expect(tree.ancestors('s1')).toEqual(['d1', 'c1', 'p']);
    expect(tree.ancestors('p')).toEqual([]);
  });

  it('names the child on the way down', () => {
    expect(tree.childToward('p', 's1')).toBe('c1');
    expect(tree.childToward('c1', 'd1')).toBe('d1');
    expect(tree.childToward('c1', 's2')).toBeNull();
    expect(tree.childToward('c1', 'c1')).toBeNull();
  });

  it('refuses moves that would make a cycle or move the root', () => {
    expect(tree.moveRefusal('c1', 's1')).toMatch(/under itself/);
    expect(tree.moveRefusal('c1', 'c1')).toMatch(/under itself/);
    expect(tree.moveRefusal('p', 'c1')).toMatch(/top/);
    expect(tree.moveRefusal('d1', 'c2')).toBeNull();
    expect(tree.moveRefusal('d1', 'x')).toMatch(/No unit/);
  });

  it('stays a tree under any sequence of allowed moves', () => {
    const ids = province.map((node) => node.id);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 30 }),
        (moves) => {
          let nodes = province;
          for (const [id, parentId] of moves) {
            if (new UnitTree(nodes).moveRefusal(id, parentId) !== null) continue;
            nodes = nodes.map((node) => (node.id === id ? { id, parentId } : node));
          }
          const moved = new UnitTree(nodes);
          // Every unit still reaches the root, so the root's subtree is everything.
          expect(moved.subtree('p').size).toBe(ids.length);
          for (const id of ids) expect(moved.ancestors(id).at(-1) ?? id).toBe('p');
        },
      ),
    );
  });
});
