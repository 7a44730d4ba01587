import { RoutingEngine } from './routing-engine';
import { RoutingError } from './routing-error';
import type { CallPriority, RoutingEffect, RoutingPolicy } from './types';

const EVENING = Date.UTC(2026, 10, 23, 10, 0, 0);

const defaults: RoutingPolicy = {
  strategy: 'longest_idle',
  offerTimeoutSeconds: 20,
  wrapUpSeconds: 60,
  skillFallbackSeconds: 30,
  maxWaitSeconds: 600,
  maxQueueSize: 50,
  missedRecoverSeconds: 30,
  crisisSupervisorAfterSeconds: 20,
  crisisForwardAfterSeconds: 60,
};

let t: number;
const now = () => t;
const advance = (seconds: number) => (t += seconds * 1000);

function hotline(policy: Partial<RoutingPolicy> = {}): RoutingEngine {
  return new RoutingEngine({ ...defaults, ...policy }, now);
}

/** A volunteer who signs in and goes available, one second after the previous one. */
function onDuty(engine: RoutingEngine, id: string, skills: string[]): RoutingEffect[] {
  advance(1);
  engine.setVolunteer({ id, skills });
  return engine.setPresence(id, 'available');
}

function ring(
  engine: RoutingEngine,
  callId: string,
  topic = 'emotional',
  priority: CallPriority = 'normal',
): RoutingEffect[] {
  const result = engine.enqueue({ callId, topic, priority, arrivedAt: t });
  expect(result.queued).toBe(true);
  return result.effects;
}

/** The offers among the effects, as "call → volunteer". */
function offers(effects: RoutingEffect[]): string[] {
  return effects.flatMap((e) => (e.type === 'offer' ? [`${e.callId} → ${e.volunteerId}`] : []));
}

/** The id of the offer of this call among the effects. */
function offerId(effects: RoutingEffect[], callId: string): string {
  const offer = effects.find((e) => e.type === 'offer' && e.callId === callId);
  if (offer?.type !== 'offer') throw new Error(`${callId} was not offered`);
  return offer.offerId;
}

function stateOf(engine: RoutingEngine, volunteerId: string) {
  return engine.volunteer(volunteerId)?.state;
}

beforeEach(() => {
  t = EVENING;
});

describe('RoutingEngine', () => {
  describe('queue order', () => {
    it('serves crisis calls first, then by arrival, then in the order they came in', () => {
      const engine = hotline();
      engine.restore({ callId: 'late', topic: 'emotional', priority: 'normal', arrivedAt: t + 5 });
      engine.restore({ callId: 'early', topic: 'learning', priority: 'normal', arrivedAt: t });
      engine.restore({ callId: 'same-a', topic: 'other', priority: 'normal', arrivedAt: t + 9 });
      engine.restore({ callId: 'same-b', topic: 'other', priority: 'normal', arrivedAt: t + 9 });
      engine.restore({
        callId: 'crisis',
        topic: 'emotional',
        priority: 'crisis',
        arrivedAt: t + 20,
      });
      expect(engine.snapshot().calls.map((call) => call.callId)).toEqual([
        'crisis',
        'early',
        'late',
        'same-a',
        'same-b',
      ]);
    });

    it('puts back a conversation after a failover: its volunteer talks on it until it ends, and a take-over still reaches it', () => {
      const engine = hotline();
      engine.setVolunteer({ id: 'ana', skills: ['emotional'] });
      engine.setPresence('ana', 'break');
      engine.setVolunteer({ id: 'ben', skills: ['emotional'] });
      const talk = (callId: string, volunteerId: string) =>
        engine.restoreTalking(
          { callId, topic: 'emotional', priority: 'normal', arrivedAt: t - 60_000 },
          volunteerId,
          t - 30_000,
        );
      expect(talk('call-1', 'ana')).toEqual([
        { type: 'volunteer_state', volunteerId: 'ana', state: 'talking', since: t },
      ]);
      expect(engine.call('call-1')).toMatchObject({ phase: 'talking', volunteerId: 'ana' });
      // Known already, someone on another call, someone offline or unknown: nothing changes.
      expect(talk('call-1', 'ana')).toEqual([]);
      expect(talk('call-2', 'ana')).toEqual([]);
      expect(talk('call-2', 'ben')).toEqual([]);
      expect(talk('call-2', 'nobody')).toEqual([]);
      expect(engine.call('call-2')).toBeUndefined();
      // Nothing offered to someone talking.
      ring(engine, 'call-3');
      expect(engine.call('call-3')?.phase).toBe('waiting');

      const effects = engine.takeOver('call-1', 'supervisor');
      expect(effects).toContainEqual(
        expect.objectContaining({ type: 'volunteer_state', volunteerId: 'ana', state: 'wrap_up' }),
      );
      expect(engine.call('call-1')).toBeUndefined();
      // An ended call is never put back.
      expect(talk('call-1', 'ana')).toEqual([]);
    });

    it('offers a volunteer who becomes available the first call they may take', () => {
      const engine = hotline();
      engine.setVolunteer({ id: 'ana', skills: ['emotional'] });
      ring(engine, 'learning-1', 'learning');
      advance(1);
      ring(engine, 'emotional-1', 'emotional');
      advance(1);
      ring(engine, 'emotional-2', 'emotional');
      expect(offers(engine.setPresence('ana', 'available'))).toEqual(['emotional-1 → ana']);
    });

    it('offers the head-most call that someone available may take first', () => {
      const engine = hotline();
      engine.setVolunteer({ id: 'ana', skills: ['learning'] });
      engine.setVolunteer({ id: 'bo', skills: ['emotional'] });
      ring(engine, 'emotional-1', 'emotional');
      advance(1);
      ring(engine, 'learning-1', 'learning');
      advance(1);
      engine.setPresence('ana', 'available');
      expect(engine.call('learning-1')?.volunteerId).toBe('ana');
      expect(offers(engine.setPresence('bo', 'available'))).toEqual(['emotional-1 → bo']);
    });

    it('offers a volunteer with several skills the head-most call among their topics', () => {
      const engine = hotline();
      engine.setVolunteer({ id: 'ana', skills: ['learning', 'emotional'] });
      ring(engine, 'learning-0', 'learning');
      engine.hangUp('learning-0');
      advance(1);
      ring(engine, 'emotional-1', 'emotional');
      advance(1);
      ring(engine, 'learning-1', 'learning');
      expect(offers(engine.setPresence('ana', 'available'))).toEqual(['emotional-1 → ana']);
    });
  });

  describe('skills and fallback', () => {
    it('offers a normal call only to its topic until the fallback, then to anyone', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['learning']);
      expect(ring(engine, 'c1', 'emotional')).toEqual([]);
      expect(engine.nextDeadline()).toBe(t + 30_000);

      advance(29);
      expect(engine.tick()).toEqual([]);
      advance(1);
      expect(offers(engine.tick())).toEqual(['c1 → ana']);
    });

    it('needs no fallback deadline while nobody is available to fall back to', () => {
      const engine = hotline();
      engine.setVolunteer({ id: 'ana', skills: ['learning'] });
      ring(engine, 'c1', 'emotional');
      expect(engine.nextDeadline()).toBe(t + 600_000);
    });

    it('offers a crisis call to anyone at once, preferring its topic', () => {
      const engine = hotline();
      onDuty(engine, 'generalist', ['learning']);
      expect(offers(ring(engine, 'crisis-1', 'self_harm_suicide', 'crisis'))).toEqual([
        'crisis-1 → generalist',
      ]);

      onDuty(engine, 'idle-longest', ['learning']);
      onDuty(engine, 'specialist', ['self_harm_suicide']);
      expect(offers(ring(engine, 'crisis-2', 'self_harm_suicide', 'crisis'))).toEqual([
        'crisis-2 → specialist',
      ]);
    });

    it('gives a call past its fallback to whoever the strategy picks, skilled or not', () => {
      const engine = hotline();
      engine.setVolunteer({ id: 'skilled', skills: ['emotional'] });
      ring(engine, 'c1', 'emotional');
      onDuty(engine, 'unskilled', ['learning']);
      engine.setPresence('skilled', 'available');
      expect(engine.call('c1')?.volunteerId).toBe('skilled');

      const other = hotline();
      other.setVolunteer({ id: 'skilled', skills: ['emotional'] });
      ring(other, 'c1', 'emotional');
      advance(30);
      onDuty(other, 'unskilled', ['learning']);
      expect(other.call('c1')?.volunteerId).toBe('unskilled');
    });

    it('dispatches when a shorter fallback is set', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['learning']);
      ring(engine, 'c1', 'emotional');
      advance(10);
      expect(offers(engine.setPolicy({ ...defaults, skillFallbackSeconds: 10 }))).toEqual([
        'c1 → ana',
      ]);
    });

    it('dispatches when skills change', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['learning']);
      ring(engine, 'c1', 'emotional');
      expect(offers(engine.setVolunteer({ id: 'ana', skills: ['learning', 'emotional'] }))).toEqual(
        ['c1 → ana'],
      );
    });
  });

  describe('strategies', () => {
    it('longest_idle: the one available the longest', () => {
      const engine = hotline();
      onDuty(engine, 'first', ['emotional']);
      onDuty(engine, 'second', ['emotional']);
      expect(offers(ring(engine, 'c1'))).toEqual(['c1 → first']);
    });

    it('longest_idle: in the order they became available within one millisecond', () => {
      const engine = hotline();
      engine.setVolunteer({ id: 'registered-first', skills: ['emotional'] });
      engine.setVolunteer({ id: 'registered-second', skills: ['emotional'] });
      engine.setPresence('registered-second', 'available');
      engine.setPresence('registered-first', 'available');
      expect(offers(ring(engine, 'c1'))).toEqual(['c1 → registered-second']);
    });

    it('fewest_calls: the one who handled fewest since the reset, ties by longest idle', () => {
      const engine = hotline({ strategy: 'fewest_calls', wrapUpSeconds: 0 });
      onDuty(engine, 'busy', ['emotional']);
      engine.accept(offerId(ring(engine, 'c1'), 'c1'));
      engine.answered('c1');
      engine.hangUp('c1');
      onDuty(engine, 'fresh-1', ['emotional']);
      onDuty(engine, 'fresh-2', ['emotional']);
      expect(offers(ring(engine, 'c2'))).toEqual(['c2 → fresh-1']);
      expect(offers(ring(engine, 'c3'))).toEqual(['c3 → fresh-2']);
      expect(engine.volunteer('busy')?.callsHandled).toBe(1);

      engine.resetDailyCounts();
      expect(engine.volunteer('busy')?.callsHandled).toBe(0);
      expect(offers(ring(engine, 'c4'))).toEqual(['c4 → busy']);
    });

    it('round_robin: never-offered first in the order they became available, then least recently offered', () => {
      const engine = hotline({ strategy: 'round_robin', wrapUpSeconds: 0 });
      onDuty(engine, 'a', ['emotional']);
      onDuty(engine, 'b', ['emotional']);
      engine.accept(offerId(ring(engine, 'c1'), 'c1'));
      engine.answered('c1');
      engine.hangUp('c1'); // a is available again, and now idle the shortest
      onDuty(engine, 'c', ['emotional']);
      expect(offers(ring(engine, 'c2'))).toEqual(['c2 → b']);
      expect(offers(ring(engine, 'c3'))).toEqual(['c3 → c']);
      expect(offers(ring(engine, 'c4'))).toEqual(['c4 → a']);
    });

    it('offers those on the shift running now first, whatever the strategy says, then anyone', () => {
      const engine = hotline();
      onDuty(engine, 'idle-longest', ['emotional']);
      onDuty(engine, 'on-shift', ['emotional']);
      engine.setOnShift(['on-shift', 'joins-later']);
      expect(offers(ring(engine, 'c1'))).toEqual(['c1 → on-shift']);
      // Nobody on shift is free: the others still take calls.
      expect(offers(ring(engine, 'c2'))).toEqual(['c2 → idle-longest']);

      const later = hotline();
      later.setOnShift(['joins-later']);
      onDuty(later, 'idle-longest', ['emotional']);
      onDuty(later, 'joins-later', ['emotional']);
      expect(offers(ring(later, 'c3'))).toEqual(['c3 → joins-later']);
    });

    it('switches strategy when the policy changes', () => {
      const engine = hotline({ wrapUpSeconds: 0 });
      onDuty(engine, 'veteran', ['emotional']);
      engine.accept(offerId(ring(engine, 'c1'), 'c1'));
      engine.answered('c1');
      engine.hangUp('c1');
      onDuty(engine, 'novice', ['emotional']); // idle less long, but has handled no call
      engine.setPolicy({ ...defaults, strategy: 'fewest_calls' });
      expect(offers(ring(engine, 'c2'))).toEqual(['c2 → novice']);
      engine.hangUp('c2');
      engine.setPolicy({ ...defaults, strategy: 'longest_idle' });
      expect(offers(ring(engine, 'c3'))).toEqual(['c3 → veteran']);
    });
  });

  describe('offers', () => {
    it('rings the volunteer until the offer times out', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      expect(ring(engine, 'c1')).toEqual([
        { type: 'offer', offerId: 'c1:1', callId: 'c1', volunteerId: 'ana', expiresAt: t + 20_000 },
        { type: 'volunteer_state', volunteerId: 'ana', state: 'offered', since: t },
      ]);
      expect(engine.call('c1')).toMatchObject({ phase: 'offered', volunteerId: 'ana' });
      expect(engine.volunteer('ana')).toMatchObject({ state: 'offered', callId: 'c1' });
      expect(engine.nextDeadline()).toBe(t + 20_000);
    });

    it('connects the caller on accept and counts the call', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      advance(3);
      expect(engine.accept('c1:1')).toEqual([
        { type: 'connect', callId: 'c1', volunteerId: 'ana' },
        { type: 'volunteer_state', volunteerId: 'ana', state: 'talking', since: t },
      ]);
      expect(engine.call('c1')?.phase).toBe('connecting');
      expect(engine.volunteer('ana')).toMatchObject({ callsHandled: 1, callId: 'c1' });
    });

    it('refuses an answer to an offer that is not live', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      onDuty(engine, 'bo', ['emotional']);
      ring(engine, 'c1');
      ring(engine, 'c2');
      engine.accept('c1:1');
      const notLive = expect.objectContaining({ code: 'offer_not_live' });
      expect(() => engine.accept('c1:1')).toThrow(notLive);
      expect(() => engine.decline('c1:1')).toThrow(notLive);
      expect(() => engine.accept('nope')).toThrow(RoutingError);
      advance(20); // expired, though not yet ticked
      expect(() => engine.accept('c2:2')).toThrow(notLive);
      expect(engine.call('c2')?.phase).toBe('offered');
    });

    it('on decline marks the volunteer missed and offers the call on, keeping its place', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      advance(1);
      ring(engine, 'c2');
      const offerToBo = offerId(onDuty(engine, 'bo', ['emotional']), 'c2');

      const effects = engine.decline('c1:1');
      expect(effects).toEqual([
        {
          type: 'offer_withdrawn',
          offerId: 'c1:1',
          callId: 'c1',
          volunteerId: 'ana',
          reason: 'declined',
        },
        { type: 'volunteer_state', volunteerId: 'ana', state: 'missed', since: t },
      ]);
      expect(engine.position('c1')?.position).toBe(1);

      engine.decline(offerToBo);
      expect(offers(engine.setPresence('ana', 'available'))).toEqual(['c1 → ana']);
      expect(stateOf(engine, 'bo')).toBe('missed');
    });

    it('on timeout does the same as a decline, found by tick', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      advance(1);
      ring(engine, 'c2');
      onDuty(engine, 'bo', ['emotional']);
      advance(17);
      expect(engine.tick()).toEqual([]);
      advance(1);
      const effects = engine.tick();
      expect(effects).toContainEqual(
        expect.objectContaining({ offerId: 'c1:1', reason: 'timeout' }),
      );
      expect(stateOf(engine, 'ana')).toBe('missed');
      expect(engine.call('c1')?.phase).toBe('waiting');
      expect(engine.snapshot().calls.map((call) => call.callId)).toEqual(['c1', 'c2']);
    });

    it('withdraws the offer when the volunteer leaves, and the caller keeps their place', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      expect(engine.setPresence('ana', 'available')).toEqual([]);

      advance(1);
      ring(engine, 'c2');
      const offerToBo = offerId(onDuty(engine, 'bo', ['emotional']), 'c2');
      const effects = engine.setPresence('ana', 'break');
      expect(effects).toEqual([
        {
          type: 'offer_withdrawn',
          offerId: 'c1:1',
          callId: 'c1',
          volunteerId: 'ana',
          reason: 'presence',
        },
        { type: 'volunteer_state', volunteerId: 'ana', state: 'break', since: t },
      ]);
      engine.decline(offerToBo);
      expect(engine.call('c1')?.phase).toBe('waiting');
      expect(engine.call('c1')?.volunteerId).toBeUndefined();
      onDuty(engine, 'cy', ['emotional']);
      expect(engine.call('c1')?.volunteerId).toBe('cy');
    });
  });

  describe('presence', () => {
    it('starts new volunteers offline and does nothing when nothing changes', () => {
      const engine = hotline();
      expect(engine.setVolunteer({ id: 'ana', skills: ['emotional'] })).toEqual([]);
      expect(engine.volunteer('ana')).toEqual({
        id: 'ana',
        state: 'offline',
        since: t,
        skills: ['emotional'],
        callsHandled: 0,
      });
      expect(engine.setPresence('ana', 'offline')).toEqual([]);
      expect(engine.setPresence('ana', 'break')).toEqual([
        { type: 'volunteer_state', volunteerId: 'ana', state: 'break', since: t },
      ]);
    });

    it('refuses a change while the volunteer holds a call, and unknown volunteers', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      engine.accept('c1:1');
      expect(() => engine.setPresence('ana', 'break')).toThrow(
        expect.objectContaining({ code: 'not_allowed' }),
      );
      expect(() => engine.setPresence('ghost', 'available')).toThrow(
        expect.objectContaining({ code: 'unknown_volunteer' }),
      );
      expect(() => engine.finishWrapUp('ghost')).toThrow(RoutingError);
    });

    it('ends wrap-up early on a break', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      engine.accept('c1:1');
      engine.answered('c1');
      engine.hangUp('c1');
      expect(stateOf(engine, 'ana')).toBe('wrap_up');
      engine.setPresence('ana', 'break');
      expect(stateOf(engine, 'ana')).toBe('break');
      expect(engine.nextDeadline()).toBeUndefined();
    });
  });

  describe('after accept', () => {
    it('moves to talking when the Dial leg connects, and ignores a retry', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      engine.accept('c1:1');
      expect(engine.answered('c1')).toEqual([]);
      expect(engine.call('c1')?.phase).toBe('talking');
      expect(engine.answered('c1')).toEqual([]);
      expect(engine.snapshot().calls).toEqual([]);
      expect(() => engine.answered('ghost')).toThrow(
        expect.objectContaining({ code: 'unknown_call' }),
      );
      expect(() => engine.dialFailed('c1')).toThrow(
        expect.objectContaining({ code: 'not_allowed' }),
      );
    });

    it('refuses answered for a call nobody accepted', () => {
      const engine = hotline();
      ring(engine, 'c1');
      expect(() => engine.answered('c1')).toThrow(expect.objectContaining({ code: 'not_allowed' }));
    });

    it('puts the caller back in their place when the Dial fails; the volunteer is missed', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      engine.accept('c1:1');
      advance(1);
      ring(engine, 'c2');
      const effects = engine.dialFailed('c1');
      expect(effects).toEqual([
        { type: 'volunteer_state', volunteerId: 'ana', state: 'missed', since: t },
      ]);
      expect(engine.position('c1')).toMatchObject({ position: 1 });
      onDuty(engine, 'bo', ['emotional']);
      expect(engine.call('c1')?.volunteerId).toBe('bo');
    });
  });

  describe('hang-up', () => {
    it('abandons a waiting call', () => {
      const engine = hotline();
      ring(engine, 'c1');
      expect(engine.hangUp('c1')).toEqual([
        { type: 'call_ended', callId: 'c1', outcome: 'abandoned' },
      ]);
      expect(engine.call('c1')).toBeUndefined();
      expect(engine.nextDeadline()).toBeUndefined();
    });

    it('abandons an offered call and gives the volunteer back their place in the idle order', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      const idleSince = t;
      onDuty(engine, 'bo', ['emotional']);
      ring(engine, 'c1');
      advance(5);
      expect(engine.hangUp('c1')).toEqual([
        {
          type: 'offer_withdrawn',
          offerId: 'c1:1',
          callId: 'c1',
          volunteerId: 'ana',
          reason: 'abandoned',
        },
        { type: 'volunteer_state', volunteerId: 'ana', state: 'available', since: idleSince },
        { type: 'call_ended', callId: 'c1', outcome: 'abandoned' },
      ]);
      expect(offers(ring(engine, 'c2'))).toEqual(['c2 → ana']);
    });

    it('ends a connected call as answered, and the volunteer wraps up until the tick', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      engine.accept('c1:1');
      engine.answered('c1');
      advance(240);
      ring(engine, 'c2');
      expect(engine.hangUp('c1')).toEqual([
        { type: 'volunteer_state', volunteerId: 'ana', state: 'wrap_up', since: t },
        { type: 'call_ended', callId: 'c1', outcome: 'answered', volunteerId: 'ana' },
      ]);
      expect(engine.nextDeadline()).toBe(t + 60_000);
      advance(60);
      expect(engine.tick()).toEqual([
        { type: 'volunteer_state', volunteerId: 'ana', state: 'available', since: t },
        { type: 'offer', offerId: 'c2:2', callId: 'c2', volunteerId: 'ana', expiresAt: t + 20_000 },
        { type: 'volunteer_state', volunteerId: 'ana', state: 'offered', since: t },
      ]);
    });

    it('ends wrap-up when the volunteer says they are done', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      engine.accept('c1:1');
      engine.answered('c1');
      engine.hangUp('c1');
      advance(10);
      expect(engine.finishWrapUp('ana')).toEqual([
        { type: 'volunteer_state', volunteerId: 'ana', state: 'available', since: t },
      ]);
      expect(engine.finishWrapUp('ana')).toEqual([]);
    });

    it('ends a call still connecting as abandoned, and frees the volunteer without wrap-up', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      engine.accept('c1:1');
      expect(engine.hangUp('c1')).toEqual([
        { type: 'volunteer_state', volunteerId: 'ana', state: 'available', since: t },
        { type: 'call_ended', callId: 'c1', outcome: 'abandoned' },
      ]);
      expect(engine.nextDeadline()).toBeUndefined();
    });

    it('skips wrap-up when it lasts no time', () => {
      const engine = hotline({ wrapUpSeconds: 0 });
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      advance(1);
      ring(engine, 'c2');
      engine.accept('c1:1');
      engine.answered('c1');
      expect(offers(engine.hangUp('c1'))).toEqual(['c2 → ana']);
    });

    it('ignores a hang-up it has already seen', () => {
      const engine = hotline();
      ring(engine, 'c1');
      engine.hangUp('c1');
      expect(engine.hangUp('c1')).toEqual([]);
      expect(engine.hangUp('never-seen')).toEqual([]);
    });
  });

  describe('the connecting deadline', () => {
    it('hands a call connecting for 15 s to the host, and again every 60 s until resolved', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      const acceptedAt = t;
      engine.accept('c1:1');
      expect(engine.nextDeadline()).toBe(acceptedAt + 15_000);
      advance(14.999);
      expect(engine.tick()).toEqual([]);
      advance(0.001);
      const notice = { type: 'connect_deadline', callId: 'c1', volunteerId: 'ana', acceptedAt };
      expect(engine.tick()).toEqual([notice]);
      expect(engine.nextDeadline()).toBe(t + 60_000);
      advance(60);
      expect(engine.tick()).toEqual([notice]);
      // The host found the caller still in the queue: back in their place, the volunteer free.
      engine.dialFailed('c1');
      expect(engine.call('c1')?.phase).toBe('waiting');
      expect(stateOf(engine, 'ana')).toBe('missed');
    });

    it('stops once the call is talking, or the caller is gone', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      onDuty(engine, 'bo', ['emotional']);
      ring(engine, 'c1');
      ring(engine, 'c2');
      engine.accept('c1:1');
      engine.accept('c2:2');
      engine.answered('c1');
      engine.hangUp('c2');
      advance(15);
      expect(engine.tick()).toEqual([]);
      expect(stateOf(engine, 'bo')).toBe('available');
      expect(engine.setPresence('bo', 'offline')).toContainEqual(
        expect.objectContaining({ volunteerId: 'bo', state: 'offline' }),
      );
    });
  });

  describe('an ended call is final', () => {
    it('neither queues nor restores a call that ended, nor a hang-up twice', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      engine.accept('c1:1');
      engine.hangUp('c1');
      const entry = { callId: 'c1', topic: 'emotional', priority: 'normal' as const, arrivedAt: t };
      expect(engine.enqueue(entry)).toEqual({ queued: false, reason: 'duplicate', effects: [] });
      engine.restore(entry);
      expect(engine.dispatch()).toEqual([]);
      expect(engine.call('c1')).toBeUndefined();
      expect(engine.hangUp('c1')).toEqual([]);
      expect(() => engine.dialFailed('c1')).toThrow(RoutingError);
      expect(stateOf(engine, 'ana')).toBe('available');
    });
  });

  describe('overflow', () => {
    it('offers a call-back to a caller who waited too long', () => {
      const engine = hotline();
      ring(engine, 'c1');
      advance(100);
      ring(engine, 'c2', 'learning');
      expect(engine.nextDeadline()).toBe(EVENING + 600_000);
      advance(499);
      expect(engine.tick()).toEqual([]);
      advance(1);
      expect(engine.tick()).toEqual([
        { type: 'overflow', callId: 'c1' },
        { type: 'call_ended', callId: 'c1', outcome: 'overflow_callback' },
      ]);
      expect(engine.call('c2')?.phase).toBe('waiting');
    });

    it('never overflows a call while it is being offered', () => {
      const engine = hotline({ offerTimeoutSeconds: 30 });
      ring(engine, 'c1');
      advance(590);
      onDuty(engine, 'ana', ['emotional']);
      advance(20);
      expect(engine.tick()).toEqual([]);
      expect(engine.call('c1')?.phase).toBe('offered');
    });

    it('serves rather than overflows a caller whom a volunteer freed by the same tick can take', () => {
      const engine = hotline({ wrapUpSeconds: 600 });
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c0');
      engine.accept('c0:1');
      engine.answered('c0');
      engine.hangUp('c0');
      ring(engine, 'c1');
      advance(600);
      expect(offers(engine.tick())).toEqual(['c1 → ana']);
    });
  });

  describe('admission', () => {
    it('treats a repeated call id as a retry', () => {
      const engine = hotline();
      ring(engine, 'c1');
      const call = { callId: 'c1', topic: 'learning', priority: 'crisis' as const, arrivedAt: t };
      expect(engine.enqueue(call)).toEqual({ queued: false, reason: 'duplicate', effects: [] });
      expect(engine.call('c1')?.topic).toBe('emotional');
    });

    it('refuses normal calls when the queue is full, counting offered calls, but never crisis calls', () => {
      const engine = hotline({ maxQueueSize: 2 });
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'offered');
      ring(engine, 'waiting');
      const normal = {
        callId: 'c3',
        topic: 'emotional',
        priority: 'normal' as const,
        arrivedAt: t,
      };
      expect(engine.enqueue(normal)).toEqual({ queued: false, reason: 'queue_full', effects: [] });
      expect(engine.call('c3')).toBeUndefined();
      expect(engine.enqueue({ ...normal, priority: 'crisis' }).queued).toBe(true);
    });
  });

  describe('restart', () => {
    it('restores calls with their arrival and no size limit, and offers them on dispatch', () => {
      const engine = hotline({ maxQueueSize: 1 });
      onDuty(engine, 'ana', ['emotional']);
      onDuty(engine, 'bo', ['learning']);
      const arrivedAt = t - 60_000;
      engine.restore({ callId: 'old', topic: 'emotional', priority: 'normal', arrivedAt });
      engine.restore({
        callId: 'older',
        topic: 'learning',
        priority: 'normal',
        arrivedAt: arrivedAt - 1,
      });
      engine.restore({ callId: 'crisis', topic: 'emotional', priority: 'crisis', arrivedAt: t });
      engine.restore({ callId: 'old', topic: 'learning', priority: 'crisis', arrivedAt: t });
      expect(engine.snapshot().calls.every((call) => call.phase === 'waiting')).toBe(true);
      expect(offers(engine.dispatch())).toEqual(['crisis → ana', 'older → bo']);
      expect(engine.call('old')).toMatchObject({ arrivedAt, phase: 'waiting' });
    });
  });

  describe('position', () => {
    it('tells a caller their place and a rough wait from the average handling time', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      onDuty(engine, 'bo', ['emotional']);
      engine.setVolunteer({ id: 'off', skills: ['emotional'] });
      ring(engine, 'c1');
      ring(engine, 'c2');
      advance(1);
      ring(engine, 'c3');
      advance(1);
      ring(engine, 'c4');
      // 2 on duty, 300 s per call to start with
      expect(engine.position('c1')).toEqual({ position: 1, expectedWaitSeconds: 150 });
      expect(engine.position('c4')).toEqual({ position: 4, expectedWaitSeconds: 600 });

      engine.accept('c1:1');
      expect(engine.position('c1')).toBeUndefined();
      expect(engine.position('c4')).toEqual({ position: 3, expectedWaitSeconds: 450 });
      advance(540); // 540 s talking + 60 s wrap-up: the average moves a fifth of the way to 600 s
      engine.answered('c1');
      engine.hangUp('c1');
      expect(engine.position('c4')).toEqual({ position: 3, expectedWaitSeconds: 540 });
      expect(engine.position('ghost')).toBeUndefined();
    });
  });

  describe('snapshot', () => {
    it('lists calls not yet talking in queue order, those talking apart, and every volunteer', () => {
      const engine = hotline();
      onDuty(engine, 'ana', ['emotional']);
      ring(engine, 'c1');
      advance(1);
      ring(engine, 'c2', 'learning');
      engine.accept('c1:1');
      expect(engine.snapshot()).toEqual({
        calls: [
          {
            callId: 'c1',
            topic: 'emotional',
            priority: 'normal',
            arrivedAt: EVENING + 1000,
            phase: 'connecting',
            volunteerId: 'ana',
          },
          { callId: 'c2', topic: 'learning', priority: 'normal', arrivedAt: t, phase: 'waiting' },
        ],
        talking: [],
        volunteers: [
          {
            id: 'ana',
            state: 'talking',
            since: t,
            skills: ['emotional'],
            callsHandled: 1,
            callId: 'c1',
          },
        ],
      });
      engine.answered('c1');
      expect(engine.snapshot().calls.map((call) => call.callId)).toEqual(['c2']);
      expect(engine.snapshot().talking).toEqual([
        expect.objectContaining({ callId: 'c1', phase: 'talking', volunteerId: 'ana' }),
      ]);
    });
  });
});

describe('RoutingEngine.offerTo (a supervisor re-offers)', () => {
  const policy = {
    strategy: 'longest_idle' as const,
    offerTimeoutSeconds: 20,
    wrapUpSeconds: 60,
    skillFallbackSeconds: 30,
    maxWaitSeconds: 600,
    maxQueueSize: 50,
    missedRecoverSeconds: 30,
    crisisSupervisorAfterSeconds: 20,
    crisisForwardAfterSeconds: 60,
  };

  it('takes the call back from the volunteer it rings on and rings the chosen one, skills aside', () => {
    let t = 1_000;
    const engine = new RoutingEngine(policy, () => t);
    engine.setVolunteer({ id: 'ringing', skills: ['emotional'] });
    engine.setVolunteer({ id: 'chosen', skills: ['learning'] });
    engine.setPresence('ringing', 'available');
    t += 1_000;
    engine.setPresence('chosen', 'available');
    engine.enqueue({ callId: 'c1', topic: 'emotional', priority: 'normal', arrivedAt: t });
    expect(engine.call('c1')).toMatchObject({ phase: 'offered', volunteerId: 'ringing' });

    const effects = engine.offerTo('c1', 'chosen');
    expect(effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'offer_withdrawn',
          volunteerId: 'ringing',
          reason: 'reassigned',
        }),
        expect.objectContaining({ type: 'offer', callId: 'c1', volunteerId: 'chosen' }),
      ]),
    );
    expect(engine.volunteer('ringing')).toMatchObject({ state: 'available', since: 1_000 });
    expect(engine.volunteer('chosen')?.state).toBe('offered');
  });

  it('refuses a volunteer who is not available and a call that is already answered', () => {
    let t = 0;
    const engine = new RoutingEngine(policy, () => t);
    engine.setVolunteer({ id: 'v1', skills: ['emotional'] });
    engine.setVolunteer({ id: 'away', skills: ['emotional'] });
    engine.enqueue({ callId: 'c1', topic: 'emotional', priority: 'normal', arrivedAt: t });
    expect(() => engine.offerTo('c1', 'away')).toThrow(RoutingError);
    const offer = engine.setPresence('v1', 'available').find((effect) => effect.type === 'offer');
    t += 1;
    engine.accept((offer as { offerId: string }).offerId);
    engine.setPresence('away', 'available');
    expect(() => engine.offerTo('c1', 'away')).toThrow(/cannot be offered/);
  });
});

describe('RoutingEngine.callBack (the volunteer calls a caller back)', () => {
  it('keeps the volunteer off the queue while calling, then into wrap-up once someone was reached', () => {
    const engine = hotline();
    onDuty(engine, 'wang', ['emotional']);
    engine.callBack('wang', 'attempt-1');
    expect(engine.volunteer('wang')).toMatchObject({ state: 'talking', callbackId: 'attempt-1' });
    // A caller of the queue waits for someone else meanwhile.
    expect(offers(ring(engine, 'c1'))).toEqual([]);
    expect(() => engine.setPresence('wang', 'break')).toThrow(RoutingError);

    const ended = engine.callBackEnded('wang', 'attempt-1', true);
    expect(ended).toContainEqual(
      expect.objectContaining({ type: 'volunteer_state', state: 'wrap_up' }),
    );
    expect(engine.volunteer('wang')).toMatchObject({ state: 'wrap_up', callbackId: 'attempt-1' });
    // The record written, they take the waiting caller.
    expect(offers(engine.finishWrapUp('wang'))).toEqual(['c1 → wang']);
    expect(engine.volunteer('wang')?.callbackId).toBeUndefined();
  });

  it('returns a volunteer whose call-back reached nobody where they were: available, or their break', () => {
    const engine = hotline();
    onDuty(engine, 'wang', ['emotional']);
    onDuty(engine, 'li', ['emotional']);
    engine.setPresence('li', 'break');
    engine.callBack('wang', 'a');
    engine.callBack('li', 'b');
    engine.callBackEnded('wang', 'a', false);
    engine.callBackEnded('li', 'b', false);
    expect(stateOf(engine, 'wang')).toBe('available');
    expect(stateOf(engine, 'li')).toBe('break');
  });

  it('refuses a volunteer who is offline, ringing or on a call, and ignores a late end', () => {
    const engine = hotline();
    engine.setVolunteer({ id: 'wang', skills: ['emotional'] });
    expect(() => engine.callBack('wang', 'a')).toThrow(
      expect.objectContaining({ code: 'not_allowed' }),
    );
    engine.setPresence('wang', 'available');
    ring(engine, 'c1');
    expect(() => engine.callBack('wang', 'a')).toThrow(
      expect.objectContaining({ code: 'not_allowed' }),
    );
    expect(engine.callBackEnded('wang', 'a', true)).toEqual([]);
    expect(stateOf(engine, 'wang')).toBe('offered');
  });
});
