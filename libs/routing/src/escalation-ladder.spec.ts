import { RoutingEngine } from './routing-engine';
import type { RoutingEffect, RoutingPolicy } from './types';

const EVENING = Date.UTC(2026, 10, 23, 11, 0, 0);

const policy: RoutingPolicy = {
  strategy: 'longest_idle',
  offerTimeoutSeconds: 20,
  wrapUpSeconds: 60,
  skillFallbackSeconds: 30,
  maxWaitSeconds: 45,
  maxQueueSize: 50,
  missedRecoverSeconds: 30,
  crisisSupervisorAfterSeconds: 20,
  crisisForwardAfterSeconds: 60,
};

let t: number;
const at = (seconds: number) => (t = EVENING + seconds * 1000);

function hotline(): RoutingEngine {
  t = EVENING;
  return new RoutingEngine(policy, () => t);
}

const crisis = (engine: RoutingEngine, callId: string) =>
  engine.enqueue({ callId, topic: 'self_harm_suicide', priority: 'crisis', arrivedAt: t });

const kinds = (effects: RoutingEffect[]) =>
  effects.filter((effect) => effect.type !== 'volunteer_state');

describe('the escalation ladder of crisis callers', () => {
  it('rings the supervisors at 20 s and forwards at 60 s, never overflowing', () => {
    const engine = hotline();
    crisis(engine, 'c1');
    expect(engine.nextDeadline()).toBe(EVENING + 20_000);
    at(19.999);
    expect(engine.tick()).toEqual([]);
    at(20);
    expect(engine.tick()).toEqual([{ type: 'crisis_supervisors', callId: 'c1' }]);
    // The ordinary longest wait (45 s) passes: a crisis caller does not overflow.
    expect(engine.nextDeadline()).toBe(EVENING + 60_000);
    at(59);
    expect(engine.tick()).toEqual([]);
    at(60);
    expect(engine.tick()).toEqual([
      { type: 'crisis_forward', callId: 'c1' },
      { type: 'call_ended', callId: 'c1', outcome: 'forwarded' },
    ]);
    expect(engine.call('c1')).toBeUndefined();
    expect(engine.nextDeadline()).toBeUndefined();
  });

  it('gives the caller to the first supervisor who answers; the others are refused', () => {
    const engine = hotline();
    crisis(engine, 'c1');
    at(20);
    engine.tick();
    at(25);
    expect(engine.supervisorTook('c1', 'sup-a')).toEqual([
      { type: 'supervisor_connect', callId: 'c1', supervisorId: 'sup-a' },
      { type: 'call_ended', callId: 'c1', outcome: 'answered', volunteerId: 'sup-a' },
    ]);
    expect(() => engine.supervisorTook('c1', 'sup-b')).toThrow(/no call/);
    at(60);
    expect(engine.tick()).toEqual([]);
  });

  it('takes the call back from a volunteer it rings on when a supervisor takes it', () => {
    const engine = hotline();
    crisis(engine, 'c1');
    at(20);
    engine.tick();
    engine.setVolunteer({ id: 'ana', skills: [] });
    engine.setPresence('ana', 'available');
    expect(engine.call('c1')?.phase).toBe('offered');
    const effects = engine.supervisorTook('c1', 'sup');
    expect(kinds(effects).map((effect) => effect.type)).toEqual([
      'offer_withdrawn',
      'supervisor_connect',
      'call_ended',
    ]);
    expect(engine.volunteer('ana')?.state).toBe('available');
  });

  it('stops while a volunteer has the caller, and goes on where it stopped if the dial fails', () => {
    const engine = hotline();
    engine.setVolunteer({ id: 'ana', skills: [] });
    engine.setPresence('ana', 'available');
    at(1);
    const [offer] = crisis(engine, 'c1').effects.filter((effect) => effect.type === 'offer');
    at(5);
    engine.accept((offer as { offerId: string }).offerId);
    // Only the connecting deadline is due: the ladder waits.
    expect(engine.nextDeadline()).toBe(EVENING + 20_000);
    at(70);
    expect(engine.tick()).toEqual([
      { type: 'connect_deadline', callId: 'c1', volunteerId: 'ana', acceptedAt: EVENING + 5_000 },
    ]);
    // The phone did not answer: the caller is back, and long past both rungs.
    engine.dialFailed('c1');
    expect(engine.nextDeadline()).toBe(EVENING + 21_000);
    expect(kinds(engine.tick())).toEqual([
      { type: 'crisis_supervisors', callId: 'c1' },
      { type: 'crisis_forward', callId: 'c1' },
      { type: 'call_ended', callId: 'c1', outcome: 'forwarded' },
    ]);
  });

  it('ends with the volunteer when one accepts in time', () => {
    const engine = hotline();
    crisis(engine, 'c1');
    at(10);
    engine.setVolunteer({ id: 'ana', skills: [] });
    const [offer] = engine.setPresence('ana', 'available').filter((e) => e.type === 'offer');
    engine.accept((offer as { offerId: string }).offerId);
    engine.answered('c1');
    at(100);
    expect(engine.tick()).toEqual([]);
    expect(engine.hangUp('c1')).toContainEqual({
      type: 'call_ended',
      callId: 'c1',
      outcome: 'answered',
      volunteerId: 'ana',
    });
  });
});

describe('missed offers', () => {
  function offered(engine: RoutingEngine, callId: string): string {
    const result = engine.enqueue({ callId, topic: 'emotional', priority: 'normal', arrivedAt: t });
    const offer = result.effects.find((effect) => effect.type === 'offer');
    return (offer as { offerId: string }).offerId;
  }

  it('makes a volunteer available again 30 s after a miss', () => {
    const engine = hotline();
    engine.setVolunteer({ id: 'ana', skills: ['emotional'] });
    engine.setPresence('ana', 'available');
    engine.decline(offered(engine, 'c1'));
    engine.hangUp('c1');
    expect(engine.volunteer('ana')?.state).toBe('missed');
    expect(engine.nextDeadline()).toBe(EVENING + 30_000);
    at(30);
    expect(engine.tick()).toEqual([
      { type: 'volunteer_state', volunteerId: 'ana', state: 'available', since: t },
    ]);
  });

  it('puts a volunteer who misses twice in a row on break and tells the supervisors', () => {
    const engine = hotline();
    engine.setVolunteer({ id: 'ana', skills: ['emotional'] });
    engine.setPresence('ana', 'available');
    offered(engine, 'c1');
    at(20);
    engine.tick(); // the ring timed out
    engine.hangUp('c1');
    at(50);
    engine.tick();
    expect(engine.volunteer('ana')?.state).toBe('available');
    const effects = engine.decline(offered(engine, 'c2'));
    expect(effects).toContainEqual({ type: 'missed_twice', volunteerId: 'ana' });
    expect(engine.volunteer('ana')?.state).toBe('break');
    at(200);
    expect(engine.tick().some((effect) => effect.type === 'volunteer_state')).toBe(false);
  });

  it('starts counting again after an accepted offer', () => {
    const engine = hotline();
    engine.setVolunteer({ id: 'ana', skills: ['emotional'] });
    engine.setPresence('ana', 'available');
    engine.decline(offered(engine, 'c1'));
    engine.hangUp('c1');
    engine.setPresence('ana', 'available');
    engine.accept(offered(engine, 'c2'));
    engine.hangUp('c2');
    engine.finishWrapUp('ana');
    const effects = engine.decline(offered(engine, 'c3'));
    expect(effects.some((effect) => effect.type === 'missed_twice')).toBe(false);
    expect(engine.volunteer('ana')?.state).toBe('missed');
  });
});
