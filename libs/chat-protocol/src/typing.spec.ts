import {
  TYPING_IDLE_MS,
  TYPING_REPEAT_MS,
  TYPING_SHOWN_MS,
  type Timers,
  TypingShown,
  TypingSignal,
} from './typing';

/** Timers run by hand: `pass(ms)` lets that much time go by. */
function manualTimers(): Timers & { pass: (ms: number) => void } {
  let now = 0;
  let next = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    set: (run, ms) => {
      next += 1;
      pending.set(next, { at: now + ms, run });
      return next;
    },
    clear: (timer) => void pending.delete(timer as number),
    pass: (ms) => {
      const until = now + ms;
      for (;;) {
        const due = [...pending].filter(([, timer]) => timer.at <= until);
        if (due.length === 0) break;
        const [id, timer] = due.sort((a, b) => a[1].at - b[1].at)[0];
        pending.delete(id);
        now = timer.at;
        timer.run();
      }
      now = until;
    },
  };
}

describe('the typing signal', () => {
  it('says "typing" once for a short run of keys, and "stopped" after a pause', () => {
    const timers = manualTimers();
    const sent: boolean[] = [];
    const signal = new TypingSignal((typing) => sent.push(typing), timers);
    for (let key = 0; key < 15; key += 1) {
      signal.input(false);
      timers.pass(200);
    }
    expect(sent).toEqual([true]);
    timers.pass(TYPING_IDLE_MS);
    expect(sent).toEqual([true, false]);
    signal.input(false);
    expect(sent).toEqual([true, false, true]);
  });

  it('says "typing" again every few seconds while the typing goes on', () => {
    const timers = manualTimers();
    const sent: boolean[] = [];
    const signal = new TypingSignal((typing) => sent.push(typing), timers);
    for (let key = 0; key < 50; key += 1) {
      signal.input(false);
      timers.pass(200);
    }
    // Ten seconds of typing: said at 0, 4 and 8 seconds, never more than once a repeat.
    expect(sent).toEqual([true, true, true]);
    expect(TYPING_REPEAT_MS).toBeLessThan(TYPING_SHOWN_MS);
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

describe('the typing shown', () => {
  it('lapses when nothing renews it, so a lost "stopped" leaves nothing on screen', () => {
    const timers = manualTimers();
    const shown: boolean[] = [];
    const typing = new TypingShown((on) => shown.push(on), timers);
    typing.heard(true);
    timers.pass(TYPING_SHOWN_MS - 1000);
    typing.heard(true);
    timers.pass(TYPING_SHOWN_MS - 1000);
    expect(shown).toEqual([true, true]);
    timers.pass(1000);
    expect(shown).toEqual([true, true, false]);
  });

  it('goes off with "stopped", and nothing lapses after it was stopped', () => {
    const timers = manualTimers();
    const shown: boolean[] = [];
    const typing = new TypingShown((on) => shown.push(on), timers);
    typing.heard(true);
    typing.heard(false);
    typing.heard(true);
    typing.stop();
    timers.pass(TYPING_SHOWN_MS * 2);
    expect(shown).toEqual([true, false, true]);
  });
});
