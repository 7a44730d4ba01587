import { TYPING_IDLE_MS, type Timers, TypingSignal } from './typing';

/** Timers run by hand: `pass(ms)` lets that much time go by. */
function manualTimers(): Timers & { pass: (ms: number) => void } {
  let now = 0;
  let next = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    set: (run, ms) => {
      next += 1;
      pending.set(next, { at: now + ms, run });
      return next;
    },
    clear: (timer) => void pending.delete(timer as number),
    pass: (ms) => {
      now += ms;
      for (const [id, timer] of [...pending])
        if (timer.at <= now) {
          pending.delete(id);
          timer.run();
        }
    },
  };
}

describe('the typing signal', () => {
  it('says "typing" once for a run of keys, and "stopped" after a pause', () => {
    const timers = manualTimers();
    const sent: boolean[] = [];
    const signal = new TypingSignal((typing) => sent.push(typing), timers);
    for (let key = 0; key < 20; key += 1) {
      signal.input(false);
      timers.pass(200);
    }
    expect(sent).toEqual([true]);
    timers.pass(TYPING_IDLE_MS);
    expect(sent).toEqual([true, false]);
    signal.input(false);
    expect(sent).toEqual([true, false, true]);
  });

  it('stops at once when the text is emptied or sent, and says nothing twice', () => {
    const timers = manualTimers();
    const sent: boolean[] = [];
    const signal = new TypingSignal((typing) => sent.push(typing), timers);
    signal.input(false);
    signal.input(true);
    expect(sent).toEqual([true, false]);
    signal.stop();
    timers.pass(TYPING_IDLE_MS * 2);
    expect(sent).toEqual([true, false]);
    signal.input(false);
    signal.stop();
    expect(sent).toEqual([true, false, true, false]);
  });
});
