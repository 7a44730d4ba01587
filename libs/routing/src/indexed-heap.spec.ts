import fc from 'fast-check';
import { IndexedHeap } from './indexed-heap';

interface Entry {
  key: number;
  heapIndex: number[];
}

const entry = (key: number): Entry => ({ key, heapIndex: [] });
const byKey = (a: Entry, b: Entry) => a.key - b.key;

function drain(heap: IndexedHeap<Entry>): number[] {
  const keys: number[] = [];
  for (let first = heap.peek(); first; first = heap.peek()) {
    heap.remove(first);
    keys.push(first.key);
  }
  return keys;
}

describe('IndexedHeap', () => {
  it('gives entries back smallest first', () => {
    const heap = new IndexedHeap(byKey, 0);
    for (const key of [5, 1, 4, 1, 3]) heap.push(entry(key));
    expect(heap.size).toBe(5);
    expect(drain(heap)).toEqual([1, 1, 3, 4, 5]);
    expect(heap.peek()).toBeUndefined();
  });

  it('removes an entry from the middle and keeps the rest in order', () => {
    const heap = new IndexedHeap(byKey, 0);
    const entries = [7, 2, 9, 4, 6, 1].map(entry);
    entries.forEach((e) => heap.push(e));
    expect(heap.remove(entries[3])).toBe(true);
    expect(heap.remove(entries[3])).toBe(false);
    expect(drain(heap)).toEqual([1, 2, 6, 7, 9]);
  });

  it('reorders everything under a new order', () => {
    const heap = new IndexedHeap(byKey, 0);
    [3, 1, 2].forEach((key) => heap.push(entry(key)));
    heap.reorder((a, b) => b.key - a.key);
    expect(drain(heap)).toEqual([3, 2, 1]);
  });

  it('refuses the same entry twice', () => {
    const heap = new IndexedHeap(byKey, 0);
    const once = entry(1);
    heap.push(once);
    expect(() => heap.push(once)).toThrow(/already/);
  });

  it('keeps an entry in several heaps, one slot each', () => {
    const ascending = new IndexedHeap(byKey, 0);
    const descending = new IndexedHeap<Entry>((a, b) => b.key - a.key, 1);
    const entries = [1, 2, 3].map(entry);
    for (const e of entries) {
      ascending.push(e);
      descending.push(e);
    }
    ascending.remove(entries[0]);
    expect(descending.peek()).toBe(entries[2]);
    expect(drain(descending)).toEqual([3, 2, 1]);
    expect(drain(ascending)).toEqual([2, 3]);
  });

  it('is not fooled by another heap using the same slot', () => {
    const mine = new IndexedHeap(byKey, 0);
    const theirs = new IndexedHeap(byKey, 0);
    mine.push(entry(1));
    const stranger = entry(2);
    theirs.push(stranger);
    expect(mine.remove(stranger)).toBe(false);
    expect(mine.size).toBe(1);
  });

  it('agrees with a sorted list under any mix of operations', () => {
    const operation = fc.oneof(
      fc.record({ op: fc.constant('push' as const), key: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('rekey' as const), key: fc.integer({ min: 0, max: 50 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200, size: 'max' }), (operations) => {
        const heap = new IndexedHeap(byKey, 0);
        const model: Entry[] = [];
        for (const operation of operations) {
          if (operation.op === 'push') {
            const pushed = entry(operation.key);
            heap.push(pushed);
            model.push(pushed);
          } else if (operation.op === 'rekey') {
            // every key moves its own way, as when the daily counts are reset
            model.forEach((e, index) => (e.key = (e.key * operation.key + index) % 97));
            heap.reorder();
          } else if (model.length > 0) {
            const [removed] = model.splice(operation.pick % model.length, 1);
            heap.remove(removed);
          }
          expect(heap.size).toBe(model.length);
          const smallest = model.length > 0 ? Math.min(...model.map((e) => e.key)) : undefined;
          expect(heap.peek()?.key).toBe(smallest);
        }
        expect(drain(heap)).toEqual(model.map((e) => e.key).sort((a, b) => a - b));
      }),
    );
  });
});
