import type { Call } from './call.entity';
import { Effect, RecordChange, callsNamedBy, recordOf } from './effect-record';

const at = new Date('2026-03-02T10:00:30Z');
const queuedAt = new Date('2026-03-02T10:00:00Z');
const call = (changes: Partial<Call> = {}) =>
  ({ id: 'c1', queuedAt, arrivedAt: queuedAt, endedAt: null, training: false, ...changes }) as Call;

function record(
  effects: Effect[],
  calls: Call[] = [call()],
  offerRows = new Map<string, string>(),
) {
  let next = 0;
  return recordOf(effects, {
    hotlineId: 'h1',
    at,
    calls: new Map(calls.map((row) => [row.id, row])),
    offerRows,
    crisisLine: '12356',
    newId: () => `row-${++next}`,
  });
}
const kinds = (changes: RecordChange[]) => changes.map((change) => change.kind);
const published = (changes: RecordChange[]) =>
  changes.flatMap((change) => (change.kind === 'publish' ? [change.event] : []));

describe('recordOf: an engine step to the record', () => {
  const offer: Effect = {
    type: 'offer',
    offerId: 'e1',
    callId: 'c1',
    volunteerId: 'v1',
    expiresAt: at.getTime() + 30_000,
  };

  it('changes nothing for no effects', () => {
    expect(record([])).toEqual({ changes: [], opened: [], closed: [] });
  });

  it('opens an offer: the row first, then the call is marked offered, then offer.created', () => {
    const { changes, opened } = record([offer]);
    expect(kinds(changes)).toEqual(['offer.insert', 'call.offered', 'publish']);
    expect(opened).toEqual([['e1', 'row-1']]);
    expect(changes[0]).toMatchObject({ row: { id: 'row-1', callId: 'c1', result: null } });
    expect(published(changes)).toEqual([
      expect.objectContaining({ type: 'offer.created', offerId: 'row-1', hotlineId: 'h1' }),
    ]);
  });

  it('closes a withdrawn offer under its row id; the call waits again unless the caller left', () => {
    const rows = new Map([['e1', 'row-7']]);
    const declined = record(
      [
        {
          type: 'offer_withdrawn',
          offerId: 'e1',
          callId: 'c1',
          volunteerId: 'v1',
          reason: 'declined',
        },
      ],
      [],
      rows,
    );
    expect(declined.closed).toEqual(['e1']);
    expect(declined.changes[0]).toEqual({
      kind: 'offer.update',
      id: 'row-7',
      changes: { result: 'declined', endedAt: at },
    });
    expect(kinds(declined.changes)).toEqual(['offer.update', 'call.update', 'publish']);
    const abandoned = record(
      [
        {
          type: 'offer_withdrawn',
          offerId: 'e1',
          callId: 'c1',
          volunteerId: 'v1',
          reason: 'abandoned',
        },
      ],
      [],
      rows,
    );
    expect(kinds(abandoned.changes)).toEqual(['offer.update', 'publish']);
  });

  it('finds an offer opened earlier in the same step', () => {
    const { changes, closed } = record([
      offer,
      {
        type: 'offer_withdrawn',
        offerId: 'e1',
        callId: 'c1',
        volunteerId: 'v1',
        reason: 'timeout',
      },
    ]);
    expect(changes[3]).toMatchObject({ kind: 'offer.update', id: 'row-1' });
    expect(closed).toEqual(['e1']);
  });

  it('connects: records the wait and asks for the transfer of that call', () => {
    const { changes } = record([{ type: 'connect', callId: 'c1', volunteerId: 'v1' }]);
    expect(changes).toEqual([
      {
        kind: 'call.update',
        callId: 'c1',
        changes: {
          status: 'connecting',
          volunteerId: 'v1',
          waitSeconds: 30,
          dialStartedAt: null,
          updatedAt: at,
        },
      },
      { kind: 'transfer', call: call() },
      { kind: 'publish', event: { type: 'call.changed', hotlineId: 'h1', callId: 'c1' } },
    ]);
  });

  it('asks for a check of a call connecting past its deadline', () => {
    const { changes } = record([
      { type: 'connect_deadline', callId: 'c1', volunteerId: 'v1', acceptedAt: at.getTime() },
    ]);
    expect(changes).toEqual([{ kind: 'connect_check', call: call() }]);
  });

  it('settles an ended call with its wait; an answered one keeps the wait of its connect', () => {
    const ended = (outcome: 'answered' | 'abandoned' | 'overflow_callback', row = call()) =>
      record([{ type: 'call_ended', callId: 'c1', outcome }], [row]).changes[0];
    expect(ended('abandoned')).toEqual({
      kind: 'call.settle',
      callId: 'c1',
      changes: {
        outcome: 'abandoned',
        status: 'ended',
        endedAt: at,
        waitSeconds: 30,
        updatedAt: at,
      },
    });
    expect(ended('answered', call({ waitSeconds: 12 }))).toMatchObject({
      changes: { waitSeconds: 12 },
    });
    const { changes } = record([
      { type: 'connect', callId: 'c1', volunteerId: 'v1' },
      { type: 'call_ended', callId: 'c1', outcome: 'answered' },
    ]);
    expect(changes[3]).toMatchObject({ kind: 'call.settle', changes: { waitSeconds: 30 } });
    // The overflowing caller is still on the line.
    expect(ended('overflow_callback')).toEqual({
      kind: 'call.settle',
      callId: 'c1',
      changes: { outcome: 'overflow_callback', waitSeconds: 30, updatedAt: at },
    });
  });

  it('ends a practice call quietly: call.changed, never call.ended', () => {
    const end: Effect = {
      type: 'call_ended',
      callId: 'c1',
      outcome: 'answered',
      volunteerId: 'v1',
    };
    expect(published(record([end]).changes)).toEqual([
      { type: 'call.ended', hotlineId: 'h1', callId: 'c1', outcome: 'answered', volunteerId: 'v1' },
    ]);
    expect(published(record([end], [call({ training: true })]).changes)).toEqual([
      { type: 'call.changed', hotlineId: 'h1', callId: 'c1' },
    ]);
  });

  it('tells a volunteer entering wrap-up which call just ended', () => {
    const since = at.getTime();
    const { changes } = record([
      { type: 'call_ended', callId: 'c1', outcome: 'answered', volunteerId: 'v1' },
      { type: 'volunteer_state', volunteerId: 'v1', state: 'wrap_up', since },
      { type: 'volunteer_state', volunteerId: 'v2', state: 'wrap_up', since },
    ]);
    expect(changes[2]).toMatchObject({
      kind: 'presence.insert',
      row: { volunteerId: 'v1', state: 'wrap_up', changedAt: at, hotlineId: 'h1' },
    });
    const states = published(changes).filter((event) => event.type === 'volunteer.state');
    expect(states).toEqual([
      expect.objectContaining({ volunteerId: 'v1', wrapUpCallId: 'c1' }),
      expect.not.objectContaining({ wrapUpCallId: expect.anything() }),
    ]);
  });

  it('puts a requeued or overflowing call back on record without reading it', () => {
    const { changes } = record(
      [
        { type: 'requeued', callId: 'c1' },
        { type: 'overflow', callId: 'c2' },
      ],
      [],
    );
    expect(changes).toEqual([
      {
        kind: 'call.update',
        callId: 'c1',
        changes: { status: 'waiting', volunteerId: null, updatedAt: at },
      },
      { kind: 'call.update', callId: 'c2', changes: { status: 'overflowing', updatedAt: at } },
    ]);
  });

  it('names the calls whose rows it needs: those that connect or end, once each', () => {
    expect(
      callsNamedBy([
        offer,
        { type: 'connect', callId: 'c1', volunteerId: 'v1' },
        { type: 'call_ended', callId: 'c1', outcome: 'answered' },
        { type: 'call_ended', callId: 'c2', outcome: 'abandoned' },
      ]),
    ).toEqual(['c1', 'c2']);
  });

  it('gives a call taken over to the supervisor before it ends, answered, and keeps it talking', () => {
    const { changes } = record(
      [
        { type: 'taken_over', callId: 'c1', volunteerId: 'v1', supervisorId: 's1' },
        { type: 'call_ended', callId: 'c1', outcome: 'answered', volunteerId: 's1' },
        { type: 'volunteer_state', volunteerId: 'v1', state: 'wrap_up', since: at.getTime() },
      ],
      [call({ waitSeconds: 12 })],
    );
    expect(kinds(changes).slice(0, 3)).toEqual(['call.update', 'call.settle', 'publish']);
    expect(changes[0]).toEqual({
      kind: 'call.update',
      callId: 'c1',
      changes: { volunteerId: 's1', updatedAt: at },
    });
    // The caller is still talking with the supervisor: the record is not ended.
    expect(changes[1]).toMatchObject({ changes: { outcome: 'answered', waitSeconds: 12 } });
    expect((changes[1] as { changes: object }).changes).not.toHaveProperty('status');
    expect(published(changes)).toEqual([
      expect.objectContaining({ type: 'call.ended', volunteerId: 's1' }),
      // The volunteer's wrap-up names no call: the record is the supervisor's.
      expect.not.objectContaining({ wrapUpCallId: expect.anything() }),
    ]);
  });

  it('puts a call transferred cold back in line for its new topic, for the next answer', () => {
    const { changes } = record([
      { type: 'transferred', callId: 'c1', volunteerId: 'v1', topic: 'learning' },
    ]);
    expect(changes).toEqual([
      {
        kind: 'call.update',
        callId: 'c1',
        changes: {
          status: 'waiting',
          volunteerId: null,
          topic: 'learning',
          answeredAt: null,
          dialStartedAt: null,
          callerOnHold: false,
          updatedAt: at,
        },
      },
      { kind: 'publish', event: { type: 'call.changed', hotlineId: 'h1', callId: 'c1' } },
    ]);
  });
});
