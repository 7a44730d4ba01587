import { IndexedHeap, type Order } from './indexed-heap';
import { VOLUNTEER_SLOTS, type Volunteer } from './model';
import type { RoutingStrategy } from './types';

/** While available, `since` is when they became so. */
const longestIdle: Order<Volunteer> = (a, b) => a.since - b.since || a.turn - b.turn;

/** Who should get the next call under each strategy: the first in this order. */
const STRATEGY_ORDER: Record<RoutingStrategy, Order<Volunteer>> = {
  longest_idle: longestIdle,
  fewest_calls: (a, b) => a.callsHandled - b.callsHandled || longestIdle(a, b),
  round_robin: (a, b) => a.lastOffered - b.lastOffered || longestIdle(a, b),
};

/** Those on the shift running now come first; the strategy orders each group. */
const onShiftFirst =
  (strategy: Order<Volunteer>): Order<Volunteer> =>
  (a, b) =>
    Number(b.onShift) - Number(a.onShift) || strategy(a, b);

/** Where a pool keeps its heaps' indexes: its own slot, and the first of its skill heaps'. */
export interface PoolSlots {
  all: number;
  /** Skill heaps take this slot, then every `stride`-th after it. */
  firstSkill: number;
  stride: number;
}

const FOR_CALLS: PoolSlots = {
  all: VOLUNTEER_SLOTS.available,
  firstSkill: VOLUNTEER_SLOTS.firstSkill,
  stride: 2,
};

/**
 * The volunteers free to take a call (or a chat), in the strategy's order: all of them, and per
 * skill. `before` orders ahead of the strategy (for chats: those holding fewer chats first).
 */
export class AvailableVolunteers {
  private order: Order<Volunteer>;
  private readonly all: IndexedHeap<Volunteer>;
  private readonly bySkill = new Map<string, IndexedHeap<Volunteer>>();

  constructor(
    strategy: RoutingStrategy,
    private readonly slots: PoolSlots = FOR_CALLS,
    private readonly before?: Order<Volunteer>,
  ) {
    this.order = this.orderFor(strategy);
    this.all = new IndexedHeap(this.order, slots.all);
  }

  get size(): number {
    return this.all.size;
  }

  add(volunteer: Volunteer): void {
    this.all.push(volunteer);
    for (const skill of volunteer.skills) this.withSkill(skill).push(volunteer);
  }

  remove(volunteer: Volunteer): void {
    this.all.remove(volunteer);
    for (const skill of volunteer.skills) this.withSkill(skill).remove(volunteer);
  }

  /** The one the strategy picks among everyone available. */
  first(): Volunteer | undefined {
    return this.all.peek();
  }

  /** The one the strategy picks among those with this skill. */
  firstWith(skill: string): Volunteer | undefined {
    return this.bySkill.get(skill)?.peek();
  }

  useStrategy(strategy: RoutingStrategy): void {
    this.order = this.orderFor(strategy);
    this.reorder();
  }

  private orderFor(strategy: RoutingStrategy): Order<Volunteer> {
    const order = onShiftFirst(STRATEGY_ORDER[strategy]);
    const before = this.before;
    return before ? (a, b) => before(a, b) || order(a, b) : order;
  }

  /** After keys changed under everyone (the daily counts were reset, a shift began). */
  reorder(): void {
    this.all.reorder(this.order);
    for (const skilled of this.bySkill.values()) skilled.reorder(this.order);
  }

  private withSkill(skill: string): IndexedHeap<Volunteer> {
    let skilled = this.bySkill.get(skill);
    if (!skilled) {
      // A volunteer can be in every skill's heap at once: each needs a slot of its own.
      skilled = new IndexedHeap(
        this.order,
        this.slots.firstSkill + this.slots.stride * this.bySkill.size,
      );
      this.bySkill.set(skill, skilled);
    }
    return skilled;
  }
}
