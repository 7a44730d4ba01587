import { simulateFifo } from './fifo-baseline';
import type { ScenarioCall } from './profile';

const caller = (index: number, at: number, fields: Partial<ScenarioCall> = {}): ScenarioCall => ({
  index,
  at,
  topic: 'emotional',
  routingTopic: 'emotional',
  crisis: false,
  keys: ['1', '1'],
  patience: 1000,
  talk: 100,
  wrapUp: 10,
  ...fields,
});
const options = { think: { kind: 'fixed', value: 2 } as const, maxWaitSeconds: 600, seed: 1 };

describe('FIFO ring-all baseline', () => {
  it('serves callers in arrival order, whoever is free picking up', () => {
    const volunteers = [
      { id: 'a', skills: ['learning'] },
      { id: 'b', skills: ['emotional'] },
    ];
    const records = simulateFifo(
      [
        caller(0, 0),
        caller(1, 1),
        caller(2, 2, { crisis: true, routingTopic: 'self_harm_suicide' }),
      ],
      volunteers,
      options,
    );
    // Both free: the first to pick up (a tie goes to the first) takes call 0, the other call 1.
    expect(records[0]).toMatchObject({ outcome: 'answered', waitSeconds: 2, volunteerId: 'a' });
    expect(records[1]).toMatchObject({ outcome: 'answered', waitSeconds: 3, volunteerId: 'b' });
    // No priority for the crisis caller: they wait for the first volunteer to be free again
    // (call 0 answered at 2, talks 100, wraps up 10: free at 112, picks up at 114).
    expect(records[2]).toMatchObject({ outcome: 'answered', waitSeconds: 112, volunteerId: 'a' });
  });

  it('loses callers whose patience runs out, and overflows those who wait the maximum', () => {
    const records = simulateFifo(
      [caller(0, 0), caller(1, 1, { patience: 30 }), caller(2, 2, { patience: 5000 })],
      [{ id: 'a', skills: [] }],
      { ...options, maxWaitSeconds: 100 },
    );
    expect(records.map((record) => record.outcome)).toEqual(['answered', 'abandoned', 'overflow']);
    expect(records[1].waitSeconds).toBe(30);
    expect(records[2].waitSeconds).toBe(100);
  });

  it('gives the same result for the same seed', () => {
    const calls = Array.from({ length: 30 }, (_, index) => caller(index, index * 20));
    const volunteers = [
      { id: 'a', skills: [] },
      { id: 'b', skills: [] },
    ];
    const think = { kind: 'uniform', min: 1, max: 9 } as const;
    expect(simulateFifo(calls, volunteers, { ...options, think })).toEqual(
      simulateFifo(calls, volunteers, { ...options, think }),
    );
  });
});
