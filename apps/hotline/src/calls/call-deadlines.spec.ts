import type { Call } from './call.entity';
import {
  TWILIO_ENDED_STATUSES,
  TWILIO_LIVE_STATUSES,
  connectVerdict,
  silentSince,
} from './call-deadlines';

const connecting = (changes: Partial<Call> = {}) =>
  ({
    status: 'connecting',
    outcome: null,
    answeredAt: null,
    dialStartedAt: null,
    ...changes,
  }) as Call;

describe('the connecting deadline', () => {
  it('settles a call whose caller is gone at Twilio, whatever else is known', () => {
    for (const status of TWILIO_ENDED_STATUSES) {
      expect(connectVerdict(connecting(), status)).toBe('settle');
      expect(connectVerdict(connecting({ dialStartedAt: new Date() }), status)).toBe('settle');
      expect(connectVerdict(connecting({ answeredAt: new Date() }), status)).toBe('settle');
    }
  });

  it('settles a call the record already ended, without asking Twilio', () => {
    expect(connectVerdict(connecting({ status: 'ended', outcome: 'abandoned' }), undefined)).toBe(
      'settle',
    );
    expect(connectVerdict(null, undefined)).toBe('settle');
  });

  it('puts a live caller who never reached the dial back in the queue, and leaves a dial under way', () => {
    for (const status of TWILIO_LIVE_STATUSES) {
      expect(connectVerdict(connecting(), status)).toBe('requeue');
      expect(connectVerdict(connecting({ dialStartedAt: new Date() }), status)).toBe('leave');
      expect(connectVerdict(connecting({ answeredAt: new Date() }), status)).toBe('answered');
    }
  });

  it('asks again later when Twilio could not be asked', () => {
    expect(connectVerdict(connecting(), undefined)).toBe('retry');
  });
});

describe('a silent caller', () => {
  const queuedAt = new Date('2026-11-23T11:00:00Z');
  const waiting = (changes: Partial<Call> = {}) =>
    ({
      status: 'waiting',
      outcome: null,
      heardAt: null,
      queuedAt,
      updatedAt: queuedAt,
      ...changes,
    }) as Call;
  const at = (seconds: number) => queuedAt.getTime() + seconds * 1000;

  it('is one not heard on the hold loop for 60 s', () => {
    expect(silentSince(waiting(), at(59))).toBe(false);
    expect(silentSince(waiting(), at(60))).toBe(true);
    expect(silentSince(waiting({ heardAt: new Date(at(30)) }), at(60))).toBe(false);
    expect(silentSince(waiting({ heardAt: new Date(at(30)) }), at(90))).toBe(true);
    expect(silentSince(waiting({ status: 'offered' }), at(61))).toBe(true);
  });

  it('is never a call that ended or left the queue', () => {
    expect(silentSince(waiting({ status: 'ended', outcome: 'abandoned' }), at(600))).toBe(false);
    expect(silentSince(waiting({ outcome: 'overflow_callback' }), at(600))).toBe(false);
    expect(silentSince(waiting({ status: 'connecting' }), at(600))).toBe(false);
  });
});
