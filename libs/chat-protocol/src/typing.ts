/**
 * When to tell the other side that someone is typing: at the first keystroke, again every few
 * seconds while the typing goes on, and "stopped" once the text is sent, emptied or left alone
 * for a few seconds. A handful of signals a minute, not one per key. The side shown "typing"
 * lets it lapse when no signal renews it (`TYPING_SHOWN_MS`): a "stopped" lost or overtaken
 * on its way never leaves "is typing…" on screen. Timers and the clock come in, so the rule
 * runs under jest; the chat page and the console's chat panel both use it.
 */

/** Typing stops counting after this long without a keystroke. */
export const TYPING_IDLE_MS = 3_000;
/** While the typing goes on, "typing" is said again this often. */
export const TYPING_REPEAT_MS = 4_000;
/** "Is typing…" shows this long after the last "typing", unless renewed. */
export const TYPING_SHOWN_MS = 6_000;

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (timer: unknown) => void;
  now: () => number;
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export class TypingSignal {
  private typing = false;
  private saidAt = 0;
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
    const now = this.timers.now();
    if (!this.typing || now - this.saidAt >= TYPING_REPEAT_MS) {
      this.typing = true;
      this.saidAt = now;
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

/**
 * The other side's typing as shown: on with each "typing", off with "stopped" or when no
 * "typing" renewed it for `TYPING_SHOWN_MS`. `show` is told each change.
 */
export class TypingShown {
  private lapse: unknown = null;

  constructor(
    private readonly show: (typing: boolean) => void,
    private readonly timers: Timers = browserTimers,
  ) {}

  heard(typing: boolean): void {
    if (this.lapse !== null) this.timers.clear(this.lapse);
    this.lapse = typing ? this.timers.set(() => this.heard(false), TYPING_SHOWN_MS) : null;
    this.show(typing);
  }

  /** The chat ended or the page left it. */
  stop(): void {
    if (this.lapse !== null) this.timers.clear(this.lapse);
    this.lapse = null;
  }
}
