/** Negative when `a` comes first. */
export type Order<T> = (a: T, b: T) => number;

/** An item that remembers its index in each heap holding it, by the heap's slot number. */
export interface HeapItem {
  readonly heapIndex: number[];
}

/**
 * A binary min-heap whose items remember where they sit, so one leaving from the middle (a
 * caller hanging up, a volunteer going on a break) costs O(log n), not a search. The index is
 * kept on the item rather than in a Map: a Map slows down badly when the same key is deleted
 * and added again and again, which is exactly what offering and putting back does.
 */
export class IndexedHeap<T extends HeapItem> {
  private readonly items: T[] = [];

  /**
   * @param slot where in `heapIndex` this heap keeps its index; each heap an item can be in at
   *   the same time needs its own
   */
  constructor(
    private order: Order<T>,
    private readonly slot: number,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** The first item in order, left in place. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    if (this.indexOf(item) >= 0) throw new Error('item is already in the heap');
    this.items.push(item);
    this.siftUp(item, this.items.length - 1);
  }

  /** Takes the item out wherever it sits; false if it was not in the heap. */
  remove(item: T): boolean {
    const index = this.indexOf(item);
    if (index < 0) return false;
    item.heapIndex[this.slot] = -1;
    const last = this.items.pop()!;
    if (index < this.items.length) this.resettle(last, index);
    return true;
  }

  /** Restores order after keys changed under the items, or under a new order: O(n). */
  reorder(order: Order<T> = this.order): void {
    this.order = order;
    for (let index = (this.items.length >> 1) - 1; index >= 0; index--) {
      this.siftDown(this.items[index], index);
    }
  }

  /** -1 when out; checked against the array, so a heap sharing the slot cannot be fooled. */
  private indexOf(item: T): number {
    const index = item.heapIndex[this.slot] ?? -1;
    return index >= 0 && this.items[index] === item ? index : -1;
  }

  private resettle(item: T, index: number): void {
    if (index > 0 && this.order(item, this.items[(index - 1) >> 1]) < 0) this.siftUp(item, index);
    else this.siftDown(item, index);
  }

  // Both sifts move a hole instead of swapping, and write the item once where it lands.
  private siftUp(item: T, index: number): void {
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.items[parentIndex];
      if (this.order(item, parent) >= 0) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(item, index);
  }

  private siftDown(item: T, index: number): void {
    const count = this.items.length;
    for (;;) {
      let childIndex = 2 * index + 1;
      if (childIndex >= count) break;
      if (
        childIndex + 1 < count &&
        this.order(this.items[childIndex + 1], this.items[childIndex]) < 0
      ) {
        childIndex++;
      }
      const child = this.items[childIndex];
      if (this.order(child, item) >= 0) break;
      this.place(child, index);
      index = childIndex;
    }
    this.place(item, index);
  }

  private place(item: T, index: number): void {
    this.items[index] = item;
    item.heapIndex[this.slot] = index;
  }
}
