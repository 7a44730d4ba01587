/**
 * When to tell the other side that someone is typing: at the first keystroke, again only after
 * a pause, and "stopped" once the text is sent, emptied or left alone for a few seconds. A
 * handful of signals a minute, not one per key. Timers come in, so the rule runs under jest;
 * the chat page and the console's chat panel both use it.
 */

/** Typing stops counting after this long without a keystroke. */
export const TYPING_IDLE_MS = 3_000;

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (timer: unknown) => void;
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export class TypingSignal {
  private typing = false;
  private idle: unknown = null;

  constructor(
    private readonly report: (typing: boolean) => void,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** The text changed; `empty` when nothing but spaces is left. */
  input(empty: boolean): void {
    if (empty) {
      this.stop();
      return;
    }
    if (!this.typing) {
      this.typing = true;
      this.report(true);
    }
    if (this.idle !== null) this.timers.clear(this.idle);
    this.idle = this.timers.set(() => this.stop(), TYPING_IDLE_MS);
  }

  /** Sent, emptied, left, or the chat ended. */
  stop(): void {
    if (this.idle !== null) this.timers.clear(this.idle);
    this.idle = null;
    if (!this.typing) return;
    this.typing = false;
    this.report(false);
  }
}
