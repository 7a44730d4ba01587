import fc from 'fast-check';
import { CONNECT_DEADLINE_SECONDS, CONNECT_RECHECK_SECONDS, RoutingEngine } from './routing-engine';
import type {
  Channel,
  ChosenPresence,
  IncomingCall,
  RoutingEffect,
  RoutingPolicy,
  VolunteerState,
  VolunteerView,
  WaitingCallView,
} from './types';

// Few topics, so skills often match and often do not.
const TOPICS = ['emotional', 'learning', 'parent_child', 'other'];

const policy = fc.record<RoutingPolicy>({
  strategy: fc.constantFrom('longest_idle', 'fewest_calls', 'round_robin'),
  offerTimeoutSeconds: fc.integer({ min: 5, max: 30 }),
  wrapUpSeconds: fc.constantFrom(0, 10, 60),
  skillFallbackSeconds: fc.integer({ min: 0, max: 60 }),
  maxWaitSeconds: fc.integer({ min: 60, max: 900 }),
  maxQueueSize: fc.integer({ min: 1, max: 15 }),
  missedRecoverSeconds: fc.integer({ min: 0, max: 60 }),
  crisisSupervisorAfterSeconds: fc.integer({ min: 0, max: 30 }),
  crisisForwardAfterSeconds: fc.integer({ min: 30, max: 120 }),
  maxChats: fc.integer({ min: 1, max: 3 }),
});
// Calls three times as often as chats, so warm transfers (calls only) still happen often.
const channel = fc.constantFrom<Channel>('voice', 'voice', 'voice', 'chat');
const skills = fc.subarray(TOPICS, { maxLength: 3 });
const pick = fc.nat();

const command = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('join' as const), skills }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reskill' as const), pick, skills }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('presence' as const),
      pick,
      presence: fc.constantFrom<ChosenPresence>('available', 'available', 'break', 'offline'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('finishWrapUp' as const), pick }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('ring' as const),
      topic: fc.constantFrom(...TOPICS),
      crisis: fc.boolean(),
      channel,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('restore' as const),
      topic: fc.constantFrom(...TOPICS),
      crisis: fc.boolean(),
      waitedSeconds: fc.integer({ min: 0, max: 120 }),
      channel,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('handOverChat' as const), pick, colleague: pick }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('finishChatWrapUp' as const), pick }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick,
      accept: fc.constantFrom(true, true, false),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const), pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('dial' as const),
      pick,
      connected: fc.constantFrom(true, true, true, false),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('hangUp' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('supervisorTakes' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('takeOver' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transferToQueue' as const),
      pick,
      topic: fc.constantFrom(...TOPICS),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('consult' as const), pick, colleague: pick }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('endConsult' as const),
      pick,
      complete: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resurrect' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('callBack' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('callBackEnded' as const),
      pick,
      reached: fc.boolean(),
      stale: fc.constantFrom(false, false, false, true),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('restoreTalking' as const),
      pick,
      topic: fc.constantFrom(...TOPICS),
      crisis: fc.boolean(),
      talkedSeconds: fc.integer({ min: 0, max: 600 }),
      channel,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      seconds: fc.integer({ min: 0, max: 25 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'untilDeadline' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('policy' as const), policy }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resetCounts' as const }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

function must(condition: boolean, broken: string): void {
  if (!condition) throw new Error(`broken: ${broken}`);
}

/** An effect's type, with the reason or outcome that sends it down a different path. */
function kindOf(effect: RoutingEffect): string {
  if (effect.type === 'offer_withdrawn') return `${effect.type}:${effect.reason}`;
  if (effect.type === 'call_ended') return `${effect.type}:${effect.outcome}`;
  // The paths a chat takes of its own, apart from a call's.
  if ('channel' in effect && effect.channel === 'chat') return `${effect.type}(chat)`;
  return effect.type;
}

const of = <T>(items: readonly T[], index: number): T | undefined =>
  items.length > 0 ? items[index % items.length] : undefined;

/**
 * The host's side: carries out random events, follows the effects the way the server does,
 * and checks after every event that the engine's state agrees with them and with the rules.
 */
class Switchboard {
  private t = Date.UTC(2026, 10, 23, 10, 0, 0);
  readonly engine: RoutingEngine;
  private readonly volunteerIds: string[] = [];
  private readonly calls = new Map<string, IncomingCall>();
  private readonly liveOffers = new Map<string, Extract<RoutingEffect, { type: 'offer' }>>();
  private readonly deadOffers: string[] = [];
  private readonly states = new Map<string, VolunteerState>();
  /** Misses in a row, as the host counts them from the effects. */
  private readonly misses = new Map<string, number>();
  /** Crisis callers whose supervisors were rung. */
  private readonly escalated = new Set<string>();
  readonly endings = new Map<string, number>();
  /** Connecting calls: when accepted, and when the engine last handed them to the host. */
  private readonly connecting = new Map<string, { acceptedAt: number; noticedAt?: number }>();
  /** Calls whose volunteer's leg answered, and chats in conversation. */
  private readonly talking = new Set<string>();
  /** Call-backs under way: volunteer → the call-back's id and where they came from. */
  private readonly callbacks = new Map<string, { id: string; from: VolunteerState }>();
  private callbacksMade = 0;
  /** What the host learnt of each volunteer's chats (`chat_load`). */
  private readonly chatLoads = new Map<
    string,
    { chatIds: string[]; wrapUpChatIds: string[]; placesTaken: number }
  >();
  /** Volunteers who let a chat ring out or declined it while chatting: no chat until free. */
  private readonly closedToChats = new Set<string>();
  /** The most places the policy ever gave: no volunteer holds more. */
  private mostChats: number;
  private arrivals = 0;

  constructor(
    private policy: RoutingPolicy,
    private readonly seen: Set<string>,
  ) {
    this.engine = new RoutingEngine(policy, () => this.t);
    this.mostChats = policy.maxChats!;
  }

  run(command: Command): void {
    const { engine } = this;
    switch (command.kind) {
      case 'join': {
        const id = `v${this.volunteerIds.length}`;
        this.volunteerIds.push(id);
        this.states.set(id, 'offline');
        return this.absorb(engine.setVolunteer({ id, skills: command.skills }));
      }
      case 'reskill': {
        const id = of(this.volunteerIds, command.pick);
        if (id) this.absorb(engine.setVolunteer({ id, skills: command.skills }));
        return;
      }
      case 'presence': {
        const id = of(this.volunteerIds, command.pick);
        if (!id) return;
        if (this.states.get(id) === 'talking') {
          expect(() => engine.setPresence(id, command.presence)).toThrow(
            expect.objectContaining({ code: 'not_allowed' }),
          );
        } else {
          this.absorb(engine.setPresence(id, command.presence));
        }
        return;
      }
      case 'finishWrapUp': {
        const id = of(this.volunteerIds, command.pick);
        if (id) this.absorb(engine.finishWrapUp(id));
        return;
      }
      case 'ring': {
        const call = this.newCall(command.topic, command.crisis, this.t, command.channel);
        const queued = this.queuedCount();
        const result = engine.enqueue(call);
        const full = !command.crisis && queued >= this.policy.maxQueueSize;
        expect(result.queued).toBe(!full);
        if (result.queued) this.calls.set(call.callId, call);
        expect(engine.enqueue(call)).toMatchObject({ queued: false, effects: [] });
        return this.absorb(result.effects);
      }
      case 'restore': {
        const call = this.newCall(
          command.topic,
          command.crisis,
          this.t - command.waitedSeconds,
          command.channel,
        );
        engine.restore(call);
        this.calls.set(call.callId, call);
        return this.absorb(engine.dispatch());
      }
      case 'restoreTalking': {
        // A conversation from before a failover: put back only on someone on duty and free.
        const id = of(this.volunteerIds, command.pick);
        if (!id) return;
        const call = this.newCall(command.topic, command.crisis, this.t - 1000, command.channel);
        const view = engine.volunteer(id)!;
        const free =
          this.states.get(id) !== 'offline' &&
          view.callId === undefined &&
          !this.callbacks.has(id) &&
          (command.channel === 'chat'
            ? view.state !== 'offered' && this.placesTaken(id) < this.policy.maxChats!
            : this.placesTaken(id) === 0);
        const effects = engine.restoreTalking(call, id, this.t - command.talkedSeconds * 1000);
        if (!free) {
          must(effects.length === 0, 'a conversation put back on someone offline or busy');
          must(engine.call(call.callId) === undefined, 'a conversation kept without its volunteer');
          return;
        }
        this.calls.set(call.callId, call);
        this.talking.add(call.callId);
        this.absorb(effects);
        must(engine.call(call.callId)?.phase === 'talking', 'a conversation put back not talking');
        must(engine.call(call.callId)?.volunteerId === id, 'a conversation put back on another');
        expect(engine.restoreTalking(call, id, this.t)).toEqual([]);
        return this.absorb(engine.dispatch());
      }
      case 'answer': {
        const offer = of([...this.liveOffers.values()], command.pick);
        if (!offer) return;
        const respond = () =>
          command.accept ? engine.accept(offer.offerId) : engine.decline(offer.offerId);
        if (this.t >= offer.expiresAt) {
          expect(respond).toThrow(expect.objectContaining({ code: 'offer_not_live' }));
        } else {
          this.absorb(respond());
        }
        return;
      }
      case 'stale': {
        const offerId = of(this.deadOffers, command.pick);
        if (offerId) {
          expect(() => engine.accept(offerId)).toThrow(
            expect.objectContaining({ code: 'offer_not_live' }),
          );
        }
        return;
      }
      case 'dial': {
        const connecting = [...this.calls.keys()].filter(
          (id) => engine.call(id)?.phase === 'connecting',
        );
        const callId = of(connecting, command.pick);
        if (callId) {
          this.absorb(command.connected ? engine.answered(callId) : engine.dialFailed(callId));
          if (command.connected) this.talking.add(callId);
          this.connecting.delete(callId);
        }
        return;
      }
      case 'hangUp': {
        const callId = of([...this.calls.keys()], command.pick) ?? 'never-seen';
        return this.absorb(engine.hangUp(callId));
      }
      case 'supervisorTakes': {
        const callId = of(
          [...this.escalated].filter((id) => this.calls.has(id)),
          command.pick,
        );
        if (!callId) return;
        const phase = engine.call(callId)!.phase;
        if (phase === 'waiting' || phase === 'offered') {
          const effects = engine.supervisorTook(callId, 'supervisor');
          must(
            effects.some((e) => e.type === 'supervisor_connect' && e.callId === callId),
            'a supervisor took a caller without being connected',
          );
          this.absorb(effects);
          // Only the first supervisor gets the caller.
          expect(() => engine.supervisorTook(callId, 'another')).toThrow(
            expect.objectContaining({ code: 'unknown_call' }),
          );
        } else {
          expect(() => engine.supervisorTook(callId, 'supervisor')).toThrow(
            expect.objectContaining({ code: 'not_allowed' }),
          );
        }
        return;
      }
      case 'takeOver': {
        const callId = of([...this.calls.keys()], command.pick);
        if (!callId) return;
        const call = engine.call(callId)!;
        // A supervisor joins a chat but does not take it over.
        if (call.phase !== 'talking' || call.channel === 'chat') {
          expect(() => engine.takeOver(callId, 'supervisor')).toThrow(
            expect.objectContaining({ code: 'not_allowed' }),
          );
          return;
        }
        const effects = engine.takeOver(callId, 'supervisor');
        must(
          effects.some(
            (e) =>
              e.type === 'volunteer_state' &&
              e.volunteerId === call.volunteerId &&
              (e.state === 'wrap_up' || e.state === 'available'),
          ),
          'the volunteer did not leave a call taken over',
        );
        this.absorb(effects);
        must(engine.call(callId) === undefined, 'a call taken over stayed in the engine');
        expect(() => engine.takeOver(callId, 'another')).toThrow(
          expect.objectContaining({ code: 'unknown_call' }),
        );
        return;
      }
      case 'transferToQueue': {
        const callId = of([...this.calls.keys()], command.pick);
        if (!callId) return;
        const before = engine.call(callId)!;
        if (before.phase !== 'talking') {
          expect(() => engine.transferToQueue(callId, command.topic)).toThrow(
            expect.objectContaining({ code: 'not_allowed' }),
          );
          return;
        }
        const effects = engine.transferToQueue(callId, command.topic);
        this.talking.delete(callId);
        this.calls.set(callId, { ...this.calls.get(callId)!, topic: command.topic });
        this.absorb(effects);
        const after = engine.call(callId)!;
        must(after !== undefined, 'a caller transferred to the queue was lost');
        must(after.priority === before.priority, 'a transfer changed the priority');
        must(after.arrivedAt === before.arrivedAt, 'a transfer lost the place');
        must(after.phase === 'waiting' || after.phase === 'offered', 'a transfer left the queue');
        must(after.topic === command.topic, 'a transfer kept the old topic');
        must(after.volunteerId !== before.volunteerId, 'the same volunteer rung again at once');
        return;
      }
      case 'consult': {
        // Mostly a call in conversation and someone free, so hand-overs happen; sometimes anyone.
        const talking = [...this.calls.keys()].filter(
          (id) => engine.call(id)?.phase === 'talking' && engine.call(id)?.channel !== 'chat',
        );
        const free = this.volunteerIds.filter((id) => this.states.get(id) === 'available');
        const callId = of(
          command.pick % 4 && talking.length ? talking : [...this.calls.keys()],
          command.pick,
        );
        const colleagueId = of(
          command.colleague % 4 && free.length ? free : this.volunteerIds,
          command.colleague,
        );
        if (!callId || !colleagueId) return;
        const call = engine.call(callId)!;
        const colleague = engine.volunteer(colleagueId)!;
        if (
          call.phase !== 'talking' ||
          call.consultantId ||
          call.channel === 'chat' ||
          colleague.state !== 'available'
        ) {
          expect(() => engine.consult(callId, colleagueId)).toThrow(
            expect.objectContaining({ code: 'not_allowed' }),
          );
          must(engine.volunteer(colleagueId)!.state === colleague.state, 'a refusal moved them');
          return;
        }
        this.absorb(engine.consult(callId, colleagueId));
        must(engine.volunteer(colleagueId)!.state === 'talking', 'a colleague consulted is free');
        must(engine.call(callId)!.volunteerId === call.volunteerId, 'a consult moved the call');
        return;
      }
      case 'endConsult': {
        const consulting = [...this.calls.keys()].filter((id) => engine.call(id)?.consultantId);
        const callId = of(
          command.pick % 4 && consulting.length ? consulting : [...this.calls.keys()],
          command.pick,
        );
        if (!callId) return;
        const before = engine.call(callId)!;
        const end = () =>
          command.complete ? engine.completeTransfer(callId) : engine.cancelTransfer(callId);
        if (!before.consultantId) {
          expect(end).toThrow(expect.objectContaining({ code: 'not_allowed' }));
          return;
        }
        const effects = end();
        this.absorb(effects);
        const after = engine.call(callId)!;
        must(after.phase === 'talking' && !after.consultantId, 'a transfer left a consult behind');
        const freed = command.complete ? before.volunteerId! : before.consultantId;
        must(
          after.volunteerId === (command.complete ? before.consultantId : before.volunteerId),
          'the caller is with the wrong person after a transfer',
        );
        // Free of this call; being free, they may be offered the next caller at once.
        must(engine.volunteer(freed)!.callId !== callId, 'the one left out still holds the call');
        must(engine.volunteer(freed)!.state !== 'talking', 'the one left out is still talking');
        return;
      }
      case 'handOverChat': {
        // Mostly a chat in conversation and someone free for one; sometimes anything.
        const chats = [...this.calls.keys()].filter(
          (id) => engine.call(id)?.channel === 'chat' && engine.call(id)?.phase === 'talking',
        );
        const callId = of(
          command.pick % 4 && chats.length ? chats : [...this.calls.keys()],
          command.pick,
        );
        const free = this.volunteerIds.filter((id) => this.freeFor('chat', id));
        const colleagueId = of(
          command.colleague % 4 && free.length ? free : this.volunteerIds,
          command.colleague,
        );
        if (!callId || !colleagueId) return;
        const before = engine.call(callId)!;
        const allowed =
          before.channel === 'chat' &&
          before.phase === 'talking' &&
          before.volunteerId !== colleagueId &&
          this.freeFor('chat', colleagueId);
        if (!allowed) {
          expect(() => engine.handOverChat(callId, colleagueId)).toThrow(
            expect.objectContaining({ code: 'not_allowed' }),
          );
          return;
        }
        this.absorb(engine.handOverChat(callId, colleagueId));
        must(engine.call(callId)?.volunteerId === colleagueId, 'a chat handed to nobody');
        must(
          !engine.volunteer(before.volunteerId!)!.chatIds?.includes(callId),
          'the one who handed a chat on still holds it',
        );
        return;
      }
      case 'finishChatWrapUp': {
        const due = this.volunteerIds.flatMap((id) =>
          (this.chatLoads.get(id)?.wrapUpChatIds ?? []).map((callId) => [id, callId] as const),
        );
        const [id, callId] = of(due, command.pick) ?? [of(this.volunteerIds, command.pick), 'x'];
        if (!id) return;
        this.absorb(engine.finishChatWrapUp(id, callId));
        must(
          !engine.volunteer(id)!.wrapUpChatIds?.includes(callId),
          'a chat written up still takes a place',
        );
        return;
      }
      case 'resurrect': {
        // A late retry, a failed transfer or a sweep naming a call that ended: nothing moves.
        const callId = of([...this.endings.keys()], command.pick);
        if (!callId) return;
        const entry = { callId, topic: TOPICS[0], priority: 'normal' as const, arrivedAt: this.t };
        expect(engine.enqueue(entry)).toEqual({ queued: false, reason: 'duplicate', effects: [] });
        engine.restore(entry);
        must(engine.call(callId) === undefined, 'an ended call came back');
        expect(engine.hangUp(callId)).toEqual([]);
        expect(() => engine.dialFailed(callId)).toThrow(
          expect.objectContaining({ code: 'unknown_call' }),
        );
        return this.absorb(engine.dispatch());
      }
      case 'callBack': {
        const id = of(this.volunteerIds, command.pick);
        if (!id) return;
        const from = this.states.get(id)!;
        const callbackId = `cb${this.callbacksMade++}`;
        if (!['available', 'missed', 'break'].includes(from) || this.placesTaken(id) > 0) {
          expect(() => engine.callBack(id, callbackId)).toThrow(
            expect.objectContaining({ code: 'not_allowed' }),
          );
          must(this.states.get(id) === from, 'a refused call-back moved them');
          return;
        }
        this.callbacks.set(id, { id: callbackId, from });
        this.absorb(engine.callBack(id, callbackId));
        const view = engine.volunteer(id)!;
        must(view.state === 'talking' && view.callbackId === callbackId, 'a call-back not talking');
        must(view.callId === undefined, 'a call-back holding a caller of the queue');
        return;
      }
      case 'callBackEnded': {
        const making = [...this.callbacks.keys()];
        const id = of(making.length && command.pick % 4 ? making : this.volunteerIds, command.pick);
        if (!id) return;
        const callback = this.callbacks.get(id);
        if (!callback || command.stale) {
          // A late or unknown report moves nobody.
          expect(engine.callBackEnded(id, `late-${command.pick}`, command.reached)).toEqual([]);
          return;
        }
        this.callbacks.delete(id);
        this.absorb(engine.callBackEnded(id, callback.id, command.reached));
        const after = engine.volunteer(id)!;
        if (command.reached && this.policy.wrapUpSeconds > 0) {
          must(after.state === 'wrap_up', 'a call-back that reached someone is not wrapped up');
          must(after.callbackId === callback.id, 'the wrap-up forgot its call-back');
        } else if (!command.reached && callback.from === 'break') {
          must(after.state === 'break', 'a call-back from a break did not return to it');
        } else {
          must(
            after.state === 'available' || after.state === 'offered',
            'a call-back did not free its volunteer',
          );
        }
        expect(engine.callBackEnded(id, callback.id, command.reached)).toEqual([]);
        return;
      }
      case 'wait': {
        const deadline = engine.nextDeadline() ?? Infinity;
        this.t += command.seconds * 1000;
        const effects = this.tick();
        must(effects.length === 0 || deadline <= this.t, 'tick had work before nextDeadline');
        return;
      }
      case 'untilDeadline': {
        const deadline = engine.nextDeadline();
        if (deadline === undefined) return;
        if (deadline > this.t) {
          this.t = deadline - 1;
          must(engine.tick().length === 0, 'tick had work before nextDeadline');
          this.t = deadline;
        }
        this.tick();
        return;
      }
      case 'policy':
        this.policy = command.policy;
        this.mostChats = Math.max(this.mostChats, command.policy.maxChats!);
        return this.absorb(engine.setPolicy(command.policy));
      case 'resetCounts':
        engine.resetDailyCounts();
        expect(engine.snapshot().volunteers.every((v) => v.callsHandled === 0)).toBe(true);
        return;
    }
  }

  /**
   * The host's timer fires and carries out the effects: afterwards nothing may be due, or the
   * timer would spin, no missed volunteer is stuck and no crisis caller is past a rung.
   */
  private tick(): RoutingEffect[] {
    const effects = this.engine.tick();
    must((this.engine.nextDeadline() ?? Infinity) > this.t, 'tick left work due');
    this.absorb(effects);
    const { volunteers, calls } = this.engine.snapshot();
    for (const volunteer of volunteers) {
      must(
        volunteer.state !== 'missed' ||
          volunteer.since + this.policy.missedRecoverSeconds * 1000 > this.t,
        'a missed volunteer is stuck',
      );
    }
    for (const call of calls) {
      if (call.phase === 'connecting') {
        const { acceptedAt, noticedAt } = this.connecting.get(call.callId)!;
        const due =
          noticedAt === undefined
            ? acceptedAt + CONNECT_DEADLINE_SECONDS * 1000
            : noticedAt + CONNECT_RECHECK_SECONDS * 1000;
        must(due > this.t, 'a call connecting past its deadline, unchecked');
      }
      if (call.priority !== 'crisis' || (call.phase !== 'waiting' && call.phase !== 'offered'))
        continue;
      const waited = this.t - call.arrivedAt;
      must(
        waited < this.policy.crisisSupervisorAfterSeconds * 1000 || this.escalated.has(call.callId),
        'a crisis caller waited past the supervisors rung unescalated',
      );
      // A chat's writer is shown the crisis line and keeps their place.
      must(
        waited < this.policy.crisisForwardAfterSeconds * 1000 || call.channel === 'chat',
        'a crisis caller waited past the crisis line',
      );
    }
    return effects;
  }

  /** Every caller hangs up, and every call-back ends. */
  hangUpAll(): void {
    for (const callId of [...this.calls.keys()]) this.absorb(this.engine.hangUp(callId));
    for (const [id, callback] of [...this.callbacks]) {
      this.callbacks.delete(id);
      this.absorb(this.engine.callBackEnded(id, callback.id, false));
    }
  }

  get everyCall(): string[] {
    return [...this.endings.keys(), ...this.calls.keys()];
  }

  /** Follows the effects as the host does, checking each against what came before. */
  private absorb(effects: RoutingEffect[]): void {
    // Who was free for what when the step began: a crisis caller waiting after it must not have
    // been passed over for a normal one by someone free for them (crisis first, either channel).
    const freeBefore = {
      voice: new Set(this.volunteerIds.filter((id) => this.freeFor('voice', id))),
      chat: new Set(this.volunteerIds.filter((id) => this.freeFor('chat', id))),
    };
    const normalOffers: { callId: string; volunteerId: string }[] = [];
    for (const effect of effects) {
      this.seen.add(kindOf(effect));
      switch (effect.type) {
        case 'offer': {
          const call = this.calls.get(effect.callId)!;
          const volunteer = this.engine.volunteer(effect.volunteerId)!;
          const isChat = effect.channel === 'chat';
          must(isChat === (call.channel === 'chat'), 'an offer names the wrong channel');
          if (isChat) {
            must(this.freeFor('chat', effect.volunteerId), 'chat offered to someone not free');
            must(
              this.placesTaken(effect.volunteerId) < this.policy.maxChats!,
              'a chat offered beyond the places',
            );
          } else {
            must(
              this.states.get(effect.volunteerId) === 'available',
              'offer to someone unavailable',
            );
            must(this.placesTaken(effect.volunteerId) === 0, 'a call offered while chatting');
          }
          must(this.isEligible(call, volunteer), 'offer to someone not eligible');
          if (call.priority === 'normal') normalOffers.push(effect);
          for (const live of this.liveOffers.values()) {
            must(live.callId !== effect.callId, 'second live offer of a call');
            must(live.volunteerId !== effect.volunteerId, 'second live offer to a volunteer');
          }
          this.liveOffers.set(effect.offerId, effect);
          break;
        }
        case 'offer_withdrawn': {
          const live = this.liveOffers.get(effect.offerId);
          must(live?.callId === effect.callId, 'withdrawn offer was not live');
          must(live?.volunteerId === effect.volunteerId, 'withdrawn offer names someone else');
          this.endOffer(effect.offerId);
          const missed = effect.reason === 'declined' || effect.reason === 'timeout';
          // Still holding chats after this one (it freed its own place before this was told).
          if (effect.channel === 'chat' && missed && this.placesTaken(effect.volunteerId) > 1)
            this.closedToChats.add(effect.volunteerId);
          break;
        }
        case 'connect': {
          const offer = [...this.liveOffers.values()].find((o) => o.callId === effect.callId);
          must(offer?.volunteerId === effect.volunteerId, 'connect without a live offer');
          this.endOffer(offer!.offerId);
          this.misses.set(effect.volunteerId, 0);
          // A chat is in conversation once accepted.
          if (effect.channel === 'chat') this.talking.add(effect.callId);
          else this.connecting.set(effect.callId, { acceptedAt: this.t });
          break;
        }
        case 'connect_deadline': {
          const connecting = this.connecting.get(effect.callId);
          must(connecting !== undefined, 'a deadline for a call not connecting');
          must(connecting!.acceptedAt === effect.acceptedAt, 'a deadline from another accept');
          const due =
            connecting!.noticedAt === undefined
              ? connecting!.acceptedAt + CONNECT_DEADLINE_SECONDS * 1000
              : connecting!.noticedAt + CONNECT_RECHECK_SECONDS * 1000;
          must(due <= this.t, 'a connecting deadline before its time');
          must(
            this.engine.call(effect.callId)?.volunteerId === effect.volunteerId,
            'a deadline naming another volunteer',
          );
          connecting!.noticedAt = this.t;
          break;
        }
        case 'crisis_supervisors':
          must(this.calls.get(effect.callId)?.priority === 'crisis', 'escalated a normal call');
          must(!this.escalated.has(effect.callId), 'supervisors rung twice for one caller');
          this.escalated.add(effect.callId);
          break;
        case 'crisis_line':
          must(
            this.calls.get(effect.callId)?.channel === 'chat',
            'the crisis line shown to a call',
          );
          must(this.escalated.has(effect.callId), 'the crisis line before the supervisors');
          must(
            this.t - this.calls.get(effect.callId)!.arrivedAt >=
              this.policy.crisisForwardAfterSeconds * 1000,
            'the crisis line shown early',
          );
          must(this.engine.call(effect.callId) !== undefined, 'a chat left for the crisis line');
          break;
        case 'crisis_forward':
          must(this.calls.get(effect.callId)?.channel !== 'chat', 'a chat forwarded to a phone');
          must(this.escalated.has(effect.callId), 'forwarded before the supervisors were rung');
          must(
            this.t - this.calls.get(effect.callId)!.arrivedAt >=
              this.policy.crisisForwardAfterSeconds * 1000,
            'forwarded early',
          );
          break;
        case 'supervisor_connect':
          must(this.escalated.has(effect.callId), 'a supervisor took a caller never escalated');
          break;
        case 'transferred':
          must(
            this.engine.volunteer(effect.volunteerId)?.callId !== effect.callId,
            'the volunteer still holds a call transferred',
          );
          this.talking.delete(effect.callId);
          break;
        case 'handed_over':
          must(effect.channel === 'chat' || this.talking.has(effect.callId), 'handed over unheard');
          break;
        case 'chat_load':
          must(effect.placesTaken <= this.mostChats, 'more chats held than places');
          must(
            effect.chatIds.length + effect.wrapUpChatIds.length <= effect.placesTaken,
            'chats held beyond the places counted',
          );
          for (const callId of effect.chatIds)
            must(this.talking.has(callId), 'a chat held that is not in conversation');
          this.chatLoads.set(effect.volunteerId, effect);
          if (effect.placesTaken === 0) this.closedToChats.delete(effect.volunteerId);
          break;
        case 'taken_over':
          must(this.talking.has(effect.callId), 'took over a call not in conversation');
          must(
            this.engine.volunteer(effect.volunteerId)?.callId !== effect.callId,
            'the volunteer still holds a call taken over',
          );
          break;
        case 'missed_twice':
          must(this.misses.get(effect.volunteerId) === 1, 'on break before two misses in a row');
          must(this.states.get(effect.volunteerId) === 'break', 'two misses but not on break');
          this.misses.set(effect.volunteerId, 0);
          break;
        case 'call_ended':
          must(
            effect.outcome !== 'forwarded' || this.escalated.has(effect.callId),
            'forwarded without the ladder',
          );
          must(
            effect.outcome !== 'overflow_callback' ||
              this.calls.get(effect.callId)?.priority !== 'crisis',
            'a crisis caller overflowed',
          );
          must(this.calls.has(effect.callId), 'a call ended twice or never entered');
          must(
            (effect.volunteerId !== undefined) === (effect.outcome === 'answered'),
            'only an answered call names its volunteer',
          );
          must(
            !this.connecting.has(effect.callId) || effect.outcome === 'abandoned',
            'a caller gone while connecting counted as answered',
          );
          must(
            !this.talking.has(effect.callId) || effect.outcome === 'answered',
            'a conversation not counted as answered',
          );
          must(
            (effect.channel === 'chat') === (this.calls.get(effect.callId)?.channel === 'chat'),
            'an ending names the wrong channel',
          );
          this.connecting.delete(effect.callId);
          this.talking.delete(effect.callId);
          this.calls.delete(effect.callId);
          this.endings.set(effect.callId, (this.endings.get(effect.callId) ?? 0) + 1);
          break;
        case 'volunteer_state':
          must(effect.since <= this.t, 'state since the future');
          if (effect.state === 'missed') {
            // A second miss in a row is a break, never `missed` again.
            must((this.misses.get(effect.volunteerId) ?? 0) === 0, 'missed twice, not on break');
            this.misses.set(effect.volunteerId, 1);
          }
          this.states.set(effect.volunteerId, effect.state);
          break;
        case 'overflow':
          must(this.calls.get(effect.callId)?.channel !== 'chat', 'a chat overflowed');
          must(this.engine.call(effect.callId) === undefined, 'an overflowed call stays');
          break;
      }
    }
    for (const crisis of this.engine.snapshot().calls) {
      if (crisis.priority !== 'crisis' || crisis.phase !== 'waiting') continue;
      for (const offer of normalOffers)
        must(
          !freeBefore[crisis.channel ?? 'voice'].has(offer.volunteerId),
          `${offer.callId} offered to ${offer.volunteerId} before the crisis ${crisis.callId}`,
        );
    }
    this.checkInvariants();
  }

  /** What the host can tell from the effects: free for a call, or for a chat, now. */
  private freeFor(wanted: Channel, id: string): boolean {
    const state = this.states.get(id);
    if (wanted === 'voice') return state === 'available';
    if (this.closedToChats.has(id)) return false;
    const load = this.chatLoads.get(id);
    const ringing = [...this.liveOffers.values()].some((offer) => offer.volunteerId === id);
    if (state === 'available') return this.placesTaken(id) === 0;
    return (
      state === 'talking' &&
      !ringing &&
      load !== undefined &&
      load.chatIds.length > 0 &&
      load.placesTaken === load.chatIds.length &&
      load.placesTaken < this.policy.maxChats!
    );
  }

  private placesTaken(id: string): number {
    return this.chatLoads.get(id)?.placesTaken ?? 0;
  }

  private checkInvariants(): void {
    const { engine } = this;
    const snapshot = engine.snapshot();
    const offerByVolunteer = new Map<string, string>();
    for (const offer of this.liveOffers.values()) {
      must(engine.call(offer.callId)?.phase === 'offered', 'a live offer of a call not offered');
      offerByVolunteer.set(offer.volunteerId, offer.callId);
    }
    for (const volunteer of snapshot.volunteers) {
      must(volunteer.state === this.states.get(volunteer.id), 'a change of state went untold');
      const offered = offerByVolunteer.get(volunteer.id);
      const chatting = (volunteer.chatIds?.length ?? 0) > 0;
      // Offered: one live offer. A chat may also ring on someone already chatting.
      must(
        volunteer.state === 'offered'
          ? offered !== undefined && !chatting
          : offered === undefined || (chatting && volunteer.offeredChatId === offered),
        'offered ⇔ one live offer',
      );
      const held = volunteer.callId === undefined ? undefined : engine.call(volunteer.callId);
      must(
        held === undefined ||
          held.volunteerId === volunteer.id ||
          held.consultantId === volunteer.id,
        'holds a call held by another',
      );
      must(
        offered === undefined || held?.callId === offered || volunteer.offeredChatId === offered,
        'offered one call, holds another',
      );
      must(held === undefined || (!chatting && !volunteer.offeredChatId), 'a call and chats');
      const onCall = held?.phase === 'connecting' || held?.phase === 'talking';
      const callingBack = this.callbacks.get(volunteer.id)?.id;
      must(
        (volunteer.state === 'talking') === (onCall || chatting || callingBack !== undefined),
        'talking ⇔ holds a connected call, a chat in conversation, or makes a call-back',
      );
      must(!(onCall && callingBack), 'a caller of the queue put through during a call-back');
      must(!(chatting && callingBack), 'a chat taken during a call-back');
      must(
        volunteer.callbackId === undefined ||
          (volunteer.state === 'talking' && volunteer.callbackId === callingBack) ||
          volunteer.state === 'wrap_up',
        'a call-back outlived its talk and its wrap-up',
      );
      const load = this.chatLoads.get(volunteer.id);
      must(
        (load?.chatIds ?? []).join() === (volunteer.chatIds ?? []).join() &&
          (load?.wrapUpChatIds ?? []).join() === (volunteer.wrapUpChatIds ?? []).join(),
        "a volunteer's chats went untold",
      );
      for (const chatId of volunteer.chatIds ?? [])
        must(engine.call(chatId)?.volunteerId === volunteer.id, 'holds a chat held by another');
    }
    for (const callId of this.calls.keys()) {
      const call = engine.call(callId);
      must(call !== undefined, 'a call was lost');
      const volunteerId = call!.volunteerId;
      const holder = volunteerId ? engine.volunteer(volunteerId) : undefined;
      must(
        !volunteerId ||
          (call!.channel === 'chat'
            ? holder?.offeredChatId === callId || !!holder?.chatIds?.includes(callId)
            : holder?.callId === callId),
        'two calls, one volunteer',
      );
      const consultantId = call!.consultantId;
      must(
        !consultantId ||
          (call!.phase === 'talking' &&
            consultantId !== volunteerId &&
            engine.volunteer(consultantId)?.callId === callId),
        'a consulted colleague not on the call',
      );
    }
    must(snapshot.calls.length <= this.calls.size, 'a call nobody rang');

    // no caller is left waiting while someone free for their channel may take them
    for (const call of snapshot.calls) {
      if (call.phase !== 'waiting') continue;
      for (const volunteer of snapshot.volunteers) {
        if (!this.freeFor(call.channel ?? 'voice', volunteer.id)) continue;
        must(!this.isEligible(call, volunteer), `${call.callId} skipped by ${volunteer.id}`);
      }
    }
  }

  private isEligible(call: IncomingCall | WaitingCallView, volunteer: VolunteerView): boolean {
    return (
      call.priority === 'crisis' ||
      volunteer.skills.includes(call.topic) ||
      this.t - call.arrivedAt >= this.policy.skillFallbackSeconds * 1000
    );
  }

  private queuedCount(): number {
    return this.engine
      .snapshot()
      .calls.filter((c) => c.phase === 'waiting' || c.phase === 'offered').length;
  }

  private newCall(
    topic: string,
    crisis: boolean,
    arrivedAt: number,
    channel: Channel = 'voice',
  ): IncomingCall {
    return {
      callId: `${channel === 'chat' ? 'chat' : 'c'}${this.arrivals++}`,
      topic,
      priority: crisis ? 'crisis' : 'normal',
      arrivedAt,
      ...(channel === 'chat' ? { channel } : {}),
    };
  }

  private endOffer(offerId: string): void {
    this.liveOffers.delete(offerId);
    this.deadOffers.push(offerId);
  }
}

describe('RoutingEngine under random evenings', () => {
  it('keeps every volunteer and caller consistent and never leaves a caller skipped', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        policy,
        fc.array(command, { minLength: 100, maxLength: 300, size: 'max' }),
        (initialPolicy, commands) => {
          const switchboard = new Switchboard(initialPolicy, seen);
          for (const next of commands) switchboard.run(next);
          switchboard.hangUpAll();

          for (const callId of switchboard.everyCall) {
            expect(switchboard.endings.get(callId)).toBe(1);
          }
          const busy = switchboard.engine
            .snapshot()
            .volunteers.filter((v) => v.state === 'offered' || v.state === 'talking');
          expect(busy).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
    // The evenings reached every path, or the checks above would prove little.
    expect([...seen].sort()).toEqual([
      'call_ended:abandoned',
      'call_ended:answered',
      'call_ended:forwarded',
      'call_ended:overflow_callback',
      'chat_load',
      'connect',
      'connect(chat)',
      'connect_deadline',
      'crisis_forward',
      'crisis_line(chat)',
      'crisis_supervisors',
      'crisis_supervisors(chat)',
      'handed_over',
      'handed_over(chat)',
      'missed_twice',
      'offer',
      'offer(chat)',
      'offer_withdrawn:abandoned',
      'offer_withdrawn:declined',
      'offer_withdrawn:presence',
      'offer_withdrawn:reassigned',
      'offer_withdrawn:timeout',
      'overflow',
      'supervisor_connect',
      'taken_over',
      'transferred',
      'transferred(chat)',
      'volunteer_state',
    ]);
  });
});
