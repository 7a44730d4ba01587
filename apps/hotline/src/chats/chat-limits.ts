import { Injectable } from '@nestjs/common';

/** A budget: at most `count` events per `seconds` (real time). */
interface Budget {
  count: number;
  seconds: number;
}

/**
 * How much one chat and one address may ask. A child typing fast never meets them; a script
 * flooding the hotline does. Kept per instance (a writer stays on one instance for its socket;
 * the load balancer's stickiness does the rest), like the booking page's budget.
 */
export const CHAT_BUDGETS = {
  /** Messages one chat may send: a burst, not a flood. */
  message: { count: 10, seconds: 10 },
  /** Chats one address may open (a school's computer room shares one address). */
  open: { count: 30, seconds: 3600 },
  /** Messages left outside opening hours from one address. */
  leave: { count: 10, seconds: 3600 },
  /** Reconnections of one chat (a page reloading in a loop). */
  resume: { count: 60, seconds: 60 },
  /** Typing signals passed on per chat and side. */
  typing: { count: 3, seconds: 1 },
} satisfies Record<string, Budget>;

export type BudgetName = keyof typeof CHAT_BUDGETS;

/** Sliding windows of recent events, per budget and key; old ones are forgotten as they age. */
@Injectable()
export class ChatLimits {
  private readonly windows = new Map<string, number[]>();
  private sweptAt = 0;

  /** Counts the event and says whether it is within its budget. */
  allow(budget: BudgetName, key: string, now = Date.now()): boolean {
    const { count, seconds } = CHAT_BUDGETS[budget];
    const since = now - seconds * 1000;
    const name = `${budget}:${key}`;
    const recent = (this.windows.get(name) ?? []).filter((at) => at > since);
    const allowed = recent.length < count;
    if (allowed) recent.push(now);
    this.windows.set(name, recent);
    this.sweep(now);
    return allowed;
  }

  /** Drops windows with nothing recent, at most once a minute. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    const longest = Math.max(...Object.values(CHAT_BUDGETS).map((budget) => budget.seconds));
    for (const [name, recent] of this.windows)
      if (recent.every((at) => at <= now - longest * 1000)) this.windows.delete(name);
  }
}
