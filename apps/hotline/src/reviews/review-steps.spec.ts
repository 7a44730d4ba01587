import fc from 'fast-check';
import {
  REVIEW_ACTIONS,
  ReviewAction,
  ReviewCommand,
  ReviewPart,
  actionsFor,
  inSample,
  newReviewState,
  reviewStep,
  selectionReason,
} from './review-steps';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 11, minute));

/** Applies the commands in turn, keeping every step's answer. */
function run(commands: ReviewCommand[]) {
  let state = newReviewState();
  const steps = commands.map((command) => {
    const before = state;
    const step = reviewStep(state, command);
    if (step.ok) state = step.state;
    return { command, before, step, after: state };
  });
  return { state, steps };
}

const command = fc.record<ReviewCommand>({
  action: fc.constantFrom(...REVIEW_ACTIONS),
  part: fc.constantFrom<ReviewPart>('supervisor', 'volunteer'),
  at: fc.integer({ min: 0, max: 59 }).map(at),
});
const history = fc.array(command, { maxLength: 25 });

describe('a review, step by step', () => {
  it('goes from a verdict to the answer and back to the supervisors', () => {
    const { state, steps } = run([
      { action: 'comment', part: 'supervisor', at: at(1) },
      { action: 'request_changes', part: 'supervisor', at: at(2) },
      { action: 'answer', part: 'volunteer', at: at(3) },
      { action: 'sign_off', part: 'supervisor', at: at(4) },
    ]);
    expect(steps.map(({ after }) => after.status)).toEqual([
      'pending',
      'changes_requested',
      'answered',
      'signed_off',
    ]);
    expect(state).toEqual({
      status: 'signed_off',
      feedbackAt: at(1),
      reviewedAt: at(2),
      signedOffAt: at(4),
    });
    expect(steps[1].step).toMatchObject({
      effects: [
        { type: 'write_entry', kind: 'changes_requested' },
        { type: 'audit', action: 'contact_review.changes_requested' },
      ],
    });
  });

  it('refuses what does not fit, saying why', () => {
    const fresh = newReviewState();
    expect(reviewStep(fresh, { action: 'answer', part: 'volunteer', at: at(1) })).toEqual({
      ok: false,
      refusal: 'There is no feedback to answer yet.',
      about: 'state',
    });
    expect(reviewStep(fresh, { action: 'sign_off', part: 'volunteer', at: at(1) })).toMatchObject({
      ok: false,
      refusal: expect.stringMatching(/Only a supervisor/),
      about: 'part',
    });
    const signed = run([{ action: 'sign_off', part: 'supervisor', at: at(1) }]).state;
    expect(reviewStep(signed, { action: 'sign_off', part: 'supervisor', at: at(2) })).toEqual({
      ok: false,
      refusal: 'This record is already signed off.',
      about: 'state',
    });
  });

  it('offers each person exactly the steps that would be taken', () => {
    const signed = run([{ action: 'sign_off', part: 'supervisor', at: at(1) }]).state;
    expect(actionsFor(newReviewState(), 'supervisor')).toEqual([
      'comment',
      'request_changes',
      'sign_off',
    ]);
    expect(actionsFor(newReviewState(), 'volunteer')).toEqual([]);
    expect(actionsFor(signed, 'supervisor')).toEqual(['comment', 'request_changes']);
    expect(actionsFor(signed, 'volunteer')).toEqual(['answer']);
  });

  it('keeps its rules over any history (property)', () => {
    fc.assert(
      fc.property(history, (commands) => {
        const { steps } = run(commands);
        let verdicts = 0;
        let lastVerdict: ReviewAction | null = null;
        let answeredSince = false;
        for (const {
          command: { action, part, at: when },
          before,
          step,
          after,
        } of steps) {
          // A refusal changes nothing; what is offered is exactly what is accepted.
          if (!step.ok) expect(after).toBe(before);
          expect(actionsFor(before, part).includes(action)).toBe(step.ok);
          if (!step.ok) continue;
          // A volunteer never decides a review, and never answers before any feedback.
          if (part === 'volunteer') {
            expect(action).toBe('answer');
            expect(before.feedbackAt).not.toBeNull();
            expect(after.reviewedAt).toBe(before.reviewedAt);
            expect(after.status).not.toBe('signed_off');
            answeredSince = lastVerdict !== null;
          } else {
            expect(after.feedbackAt).toEqual(before.feedbackAt ?? when);
          }
          // The time to review ends at the first verdict and never moves after.
          if (action === 'sign_off' || action === 'request_changes') {
            verdicts += 1;
            lastVerdict = action;
            answeredSince = false;
            expect(after.reviewedAt).toEqual(verdicts === 1 ? when : before.reviewedAt);
          } else expect(after.reviewedAt).toBe(before.reviewedAt);
          // The status follows from the last verdict and whether it was answered since.
          const expected =
            lastVerdict === null
              ? 'pending'
              : answeredSince
                ? 'answered'
                : lastVerdict === 'sign_off'
                  ? 'signed_off'
                  : 'changes_requested';
          expect(after.status).toBe(expected);
          expect(after.signedOffAt !== null).toBe(after.status === 'signed_off');
        }
      }),
    );
  });
});

describe('selection into the queue', () => {
  it('keeps the strongest reason', () => {
    expect(selectionReason({ highRisk: true, trainee: true, sampled: true })).toBe('high_risk');
    expect(selectionReason({ highRisk: false, trainee: true, sampled: true })).toBe('trainee');
    expect(selectionReason({ highRisk: false, trainee: false, sampled: true })).toBe('sample');
    expect(selectionReason({ highRisk: false, trainee: false, sampled: false })).toBeNull();
  });

  it('samples none at 0 %, all at 100 %, and keeps a smaller share within a larger (property)', () => {
    const hash = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(
        hash,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (hex, a, b) => {
          expect(inSample(hex, 0)).toBe(false);
          expect(inSample(hex, 100)).toBe(true);
          if (inSample(hex, Math.min(a, b))) expect(inSample(hex, Math.max(a, b))).toBe(true);
        },
      ),
    );
  });

  it('takes about the share asked for', () => {
    const hashes = Array.from({ length: 20_000 }, (_, i) =>
      ((i * 2654435761) >>> 0).toString(16).padStart(8, '0'),
    );
    const taken = hashes.filter((hex) => inSample(hex, 10)).length / hashes.length;
    expect(taken).toBeGreaterThan(0.09);
    expect(taken).toBeLessThan(0.11);
    expect(() => inSample('not hex', 10)).toThrow(RangeError);
  });
});
