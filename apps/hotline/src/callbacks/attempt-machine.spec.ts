import fc from 'fast-check';
import {
  AttemptEffect,
  AttemptEvent,
  AttemptStatus,
  checkAfter,
  decide,
  isMachine,
  legToCheck,
  unansweredOutcome,
} from './attempt-machine';

const STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];
const VERDICTS = [undefined, 'human', 'unknown', 'machine_start', 'machine_end_beep', 'fax'];

const event: fc.Arbitrary<AttemptEvent> = fc.oneof(
  fc.constant({ type: 'volunteer_joined' as const }),
  fc.record({
    type: fc.constant('volunteer_leg_ended' as const),
    status: fc.constantFrom(...STATUSES),
  }),
  fc.constant({ type: 'caller_not_rung' as const }),
  fc.record({
    type: fc.constant('caller_picked_up' as const),
    answeredBy: fc.constantFrom(...VERDICTS),
  }),
  fc.record({
    type: fc.constant('caller_leg_ended' as const),
    status: fc.constantFrom(...STATUSES),
  }),
);

/** Replays events from the start, as webhooks (retried, late, out of order) would bring them. */
function replay(events: AttemptEvent[]) {
  let status = 'ringing_volunteer' as AttemptStatus;
  const effects: AttemptEffect[] = [];
  const steps = events.map((next) => {
    const before = status;
    const step = decide(status, next);
    status = step.status;
    effects.push(...step.effects);
    return { before, event: next, step };
  });
  return { status, effects, steps };
}

describe('an attempt to call back, under any order of webhooks', () => {
  it('ends once, with one outcome, and only a person who picked up makes it reached', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (events) => {
        const { status, effects, steps } = replay(events);
        const ended = effects.filter((effect) => effect.type === 'ended');
        expect(ended.length).toBe(status === 'ended' ? 1 : 0);
        expect(
          effects.filter((effect) => effect.type === 'dial_caller').length,
        ).toBeLessThanOrEqual(1);

        for (const { before, event: next, step } of steps) {
          // An ended attempt is final: nothing moves, nothing is done again.
          if (before === 'ended') expect(step).toMatchObject({ status: 'ended', effects: [] });
          // The caller is dialled only once the volunteer is there to speak to them.
          if (step.effects.some((effect) => effect.type === 'dial_caller'))
            expect(next.type).toBe('volunteer_joined');
          // The caller's phone joins the volunteer only when a person answered it.
          if (before === 'dialling' && next.type === 'caller_picked_up' && step.answer === 'join')
            expect(isMachine(next.answeredBy)).toBe(false);
          // The volunteer's leg is let go only as the attempt ends.
          if (step.effects.some((effect) => effect.type === 'release_volunteer'))
            expect(step.status).toBe('ended');
        }

        const outcome = ended[0]?.type === 'ended' ? ended[0].outcome : undefined;
        const talked = steps.some((step) => step.step.status === 'talking');
        if (outcome === 'reached') expect(talked).toBe(true);
        // Someone picked up and talked: nothing but the caller leaving ends it, and it counts.
        if (talked && outcome !== undefined) expect(outcome).toBe('reached');
      }),
      { numRuns: 2000 },
    );
  });

  it('is over once Twilio has ended every leg it placed', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (events) => {
        const { status, steps } = replay(events);
        const dialled = steps.some((step) =>
          step.step.effects.some((effect) => effect.type === 'dial_caller'),
        );
        const volunteerGone = events.some((next) => next.type === 'volunteer_leg_ended');
        const callerGone = steps.some(
          ({ before, event: next }) =>
            (before !== 'ringing_volunteer' && next.type === 'caller_leg_ended') ||
            (before === 'dialling' && next.type === 'caller_not_rung'),
        );
        if (volunteerGone && (!dialled || callerGone)) expect(status).toBe('ended');
        if (callerGone) expect(status).toBe('ended');
        // While open, there is always a leg to ask Twilio about, and a time to ask.
        if (status !== 'ended') {
          expect(legToCheck(status)).not.toBeNull();
          expect(
            checkAfter(status, { volunteerRingSeconds: 25, callerRingSeconds: 30 }),
          ).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('outcomes from Twilio', () => {
  it('reads a final status of an unanswered leg as how the caller could not be reached', () => {
    expect(unansweredOutcome('busy')).toBe('busy');
    expect(unansweredOutcome('failed')).toBe('wrong_number');
    expect(unansweredOutcome('no-answer')).toBe('no_answer');
    expect(unansweredOutcome('canceled')).toBe('no_answer');
  });

  it('hangs up on a voicemail or a fax, never on a person or an unsure verdict', () => {
    expect(decide('dialling', { type: 'caller_picked_up', answeredBy: 'machine_start' })).toEqual({
      status: 'ended',
      effects: [{ type: 'release_volunteer' }, { type: 'ended', outcome: 'no_answer' }],
      answer: 'hang_up',
    });
    for (const answeredBy of ['human', 'unknown', undefined])
      expect(decide('dialling', { type: 'caller_picked_up', answeredBy })).toMatchObject({
        status: 'talking',
        answer: 'join',
      });
  });

  it('tells a caller who picks up after the volunteer gave up that the call could not go through', () => {
    const gaveUp = decide('dialling', { type: 'volunteer_leg_ended', status: 'completed' });
    expect(gaveUp.effects).toContainEqual({ type: 'cancel_caller' });
    expect(decide(gaveUp.status, { type: 'caller_picked_up', answeredBy: 'human' })).toMatchObject({
      answer: 'sorry',
      effects: [],
    });
  });
});
