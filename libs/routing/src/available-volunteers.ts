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

/** The volunteers free to take a call, in the strategy's order: all of them, and per skill. */
export class AvailableVolunteers {
  private order: Order<Volunteer>;
  private readonly all: IndexedHeap<Volunteer>;
  private readonly bySkill = new Map<string, IndexedHeap<Volunteer>>();

  constructor(strategy: RoutingStrategy) {
    this.order = onShiftFirst(STRATEGY_ORDER[strategy]);
    this.all = new IndexedHeap(this.order, VOLUNTEER_SLOTS.available);
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
    this.order = onShiftFirst(STRATEGY_ORDER[strategy]);
    this.reorder();
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
      skilled = new IndexedHeap(this.order, VOLUNTEER_SLOTS.firstSkill + this.bySkill.size);
      this.bySkill.set(skill, skilled);
    }
    return skilled;
  }
}
