import { RoutingEngine } from './routing-engine';
import type { CallPriority, Channel, RoutingEffect, RoutingPolicy } from './types';

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
  maxChats: 2,
};

let t: number;
const advance = (seconds: number) => (t += seconds * 1000);

/** An engine, and every offer its effects rang that is still live (call id → offer id). */
class Desk {
  readonly engine: RoutingEngine;
  readonly ringing = new Map<string, string>();

  constructor(policy: Partial<RoutingPolicy> = {}) {
    this.engine = new RoutingEngine({ ...defaults, ...policy }, () => t);
  }

  /** Follows the effects: offers ringing and ended. */
  see(effects: RoutingEffect[]): RoutingEffect[] {
    for (const effect of effects) {
      if (effect.type === 'offer') this.ringing.set(effect.callId, effect.offerId);
      if (effect.type === 'offer_withdrawn' || effect.type === 'connect')
        this.ringing.delete(effect.callId);
    }
    return effects;
  }

  onDuty(id: string, skills: string[] = ['emotional']): RoutingEffect[] {
    advance(1);
    this.see(this.engine.setVolunteer({ id, skills }));
    return this.see(this.engine.setPresence(id, 'available'));
  }

  arrive(
    callId: string,
    channel: Channel = 'chat',
    priority: CallPriority = 'normal',
    topic = 'emotional',
  ): RoutingEffect[] {
    const result = this.engine.enqueue({ callId, topic, priority, arrivedAt: t, channel });
    expect(result.queued).toBe(true);
    return this.see(result.effects);
  }

  accept(callId: string): RoutingEffect[] {
    const offerId = this.ringing.get(callId);
    if (!offerId) throw new Error(`${callId} is not ringing`);
    return this.see(this.engine.accept(offerId));
  }

  decline(callId: string): RoutingEffect[] {
    return this.see(this.engine.decline(this.ringing.get(callId)!));
  }

  /** Rings and accepts at once. */
  take(callId: string, channel: Channel = 'chat'): RoutingEffect[] {
    this.arrive(callId, channel);
    return this.accept(callId);
  }

  act(effects: RoutingEffect[]): RoutingEffect[] {
    return this.see(effects);
  }

  state(id: string) {
    return this.engine.volunteer(id)?.state;
  }
}

const offers = (effects: RoutingEffect[]) =>
  effects.flatMap((e) => (e.type === 'offer' ? [`${e.callId} → ${e.volunteerId}`] : []));

beforeEach(() => {
  t = EVENING;
});

describe('RoutingEngine: live chats', () => {
  describe('capacity', () => {
    it('offers a volunteer up to maxChats chats, one at a time, and says so on every effect', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      expect(desk.arrive('chat-1')).toContainEqual(
        expect.objectContaining({ type: 'offer', callId: 'chat-1', channel: 'chat' }),
      );
      expect(desk.state('ann')).toBe('offered');
      // A second chat waits while the first rings.
      expect(offers(desk.arrive('chat-2'))).toEqual([]);
      const accepted = desk.accept('chat-1');
      expect(accepted).toContainEqual({
        type: 'connect',
        callId: 'chat-1',
        volunteerId: 'ann',
        channel: 'chat',
      });
      // In conversation at once, and free for a second chat: it rings while she talks.
      expect(desk.engine.call('chat-1')?.phase).toBe('talking');
      expect(offers(accepted)).toEqual(['chat-2 → ann']);
      expect(desk.state('ann')).toBe('talking');
      expect(desk.engine.volunteer('ann')).toMatchObject({
        chatIds: ['chat-1'],
        offeredChatId: 'chat-2',
      });
      desk.accept('chat-2');
      // Full: a third chat waits.
      expect(offers(desk.arrive('chat-3'))).toEqual([]);
      expect(desk.engine.volunteer('ann')?.chatIds).toEqual(['chat-1', 'chat-2']);
      expect(desk.engine.call('chat-3')?.phase).toBe('waiting');
    });

    it('takes the number of places from the policy', () => {
      const desk = new Desk({ maxChats: 1 });
      desk.onDuty('ann');
      desk.take('chat-1');
      expect(offers(desk.arrive('chat-2'))).toEqual([]);
      expect(offers(desk.act(desk.engine.setPolicy({ ...defaults, maxChats: 3 })))).toEqual([
        'chat-2 → ann',
      ]);
    });

    it('offers no call to someone chatting, and no chat to someone on a call', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.take('chat-1');
      expect(offers(desk.arrive('call-1', 'voice'))).toEqual([]);
      expect(offers(desk.onDuty('bob'))).toEqual(['call-1 → bob']);
      desk.accept('call-1');
      // Bob is on a call: a chat goes to Ann's free place, never to him.
      expect(offers(desk.arrive('chat-2'))).toEqual(['chat-2 → ann']);
    });

    it('gives a chat to whoever holds fewer chats first', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.take('chat-1');
      desk.onDuty('bob');
      expect(offers(desk.arrive('chat-2'))).toEqual(['chat-2 → bob']);
    });

    it('offers a chat by its topic first, then to anyone after the fallback, as a call', () => {
      const desk = new Desk();
      desk.onDuty('ann', ['learning']);
      expect(offers(desk.arrive('chat-1'))).toEqual([]);
      expect(desk.engine.nextDeadline()).toBe(t + 30_000);
      advance(30);
      expect(offers(desk.act(desk.engine.tick()))).toEqual(['chat-1 → ann']);
    });
  });

  describe('crisis first across the channels', () => {
    it('offers a crisis chat before a normal call that waited longer', () => {
      const desk = new Desk();
      desk.arrive('call-1', 'voice');
      advance(5);
      desk.arrive('chat-1', 'chat', 'crisis');
      expect(offers(desk.onDuty('ann'))).toEqual(['chat-1 → ann']);
    });

    it('offers a crisis call before a normal chat that waited longer', () => {
      const desk = new Desk();
      desk.arrive('chat-1');
      advance(5);
      desk.arrive('call-1', 'voice', 'crisis');
      expect(offers(desk.onDuty('ann'))).toEqual(['call-1 → ann']);
    });

    it('serves the channels by arrival when both are normal', () => {
      const desk = new Desk();
      desk.arrive('call-1', 'voice');
      advance(5);
      desk.arrive('chat-1');
      expect(offers(desk.onDuty('ann'))).toEqual(['call-1 → ann']);
    });
  });

  describe('the end of a chat', () => {
    it('keeps its place taken until the record is written, then frees it', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.take('chat-1');
      desk.take('chat-2');
      const ended = desk.act(desk.engine.hangUp('chat-1'));
      expect(ended).toContainEqual({
        type: 'call_ended',
        callId: 'chat-1',
        outcome: 'answered',
        volunteerId: 'ann',
        channel: 'chat',
      });
      expect(ended).toContainEqual({
        type: 'chat_load',
        volunteerId: 'ann',
        chatIds: ['chat-2'],
        wrapUpChatIds: ['chat-1'],
        placesTaken: 2,
      });
      expect(desk.state('ann')).toBe('talking');
      // Writing up: no new chat meanwhile.
      expect(offers(desk.arrive('chat-3'))).toEqual([]);
      expect(offers(desk.act(desk.engine.finishChatWrapUp('ann', 'chat-1')))).toEqual([
        'chat-3 → ann',
      ]);
    });

    it('is in wrap-up once no chat is left in conversation, and available when it runs out', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.take('chat-1');
      desk.act(desk.engine.hangUp('chat-1'));
      expect(desk.state('ann')).toBe('wrap_up');
      expect(desk.engine.volunteer('ann')?.wrapUpChatIds).toEqual(['chat-1']);
      expect(desk.engine.nextDeadline()).toBe(t + 60_000);
      advance(60);
      desk.act(desk.engine.tick());
      expect(desk.state('ann')).toBe('available');
      expect(desk.engine.volunteer('ann')?.wrapUpChatIds).toBeUndefined();
    });

    it('ends every chat wrap-up when the volunteer finishes wrap-up or changes presence', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.take('chat-1');
      desk.take('chat-2');
      desk.act(desk.engine.hangUp('chat-1'));
      desk.act(desk.engine.hangUp('chat-2'));
      expect(desk.engine.volunteer('ann')?.wrapUpChatIds).toEqual(['chat-1', 'chat-2']);
      desk.act(desk.engine.finishWrapUp('ann'));
      expect(desk.state('ann')).toBe('available');
      expect(desk.engine.nextDeadline()).toBeUndefined();
    });

    it('frees the place at once without a wrap-up time', () => {
      const desk = new Desk({ wrapUpSeconds: 0 });
      desk.onDuty('ann');
      desk.take('chat-1');
      desk.act(desk.engine.hangUp('chat-1'));
      expect(desk.state('ann')).toBe('available');
    });

    it('counts a writer who left while waiting or ringing as abandoned', () => {
      const desk = new Desk();
      desk.arrive('chat-1');
      expect(desk.act(desk.engine.hangUp('chat-1'))).toContainEqual(
        expect.objectContaining({ type: 'call_ended', outcome: 'abandoned', channel: 'chat' }),
      );
      desk.onDuty('ann');
      desk.arrive('chat-2');
      expect(desk.act(desk.engine.hangUp('chat-2'))).toContainEqual(
        expect.objectContaining({ type: 'offer_withdrawn', reason: 'abandoned', channel: 'chat' }),
      );
      expect(desk.state('ann')).toBe('available');
    });

    it('lets a chat wait past the longest wait: chats never overflow', () => {
      const desk = new Desk({ maxWaitSeconds: 60 });
      desk.arrive('chat-1');
      advance(3600);
      expect(desk.act(desk.engine.tick())).toEqual([]);
      expect(desk.engine.call('chat-1')?.phase).toBe('waiting');
    });
  });

  describe('missed chats', () => {
    it('sends someone who declines their only chat to missed, as for a call', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.arrive('chat-1');
      desk.decline('chat-1');
      expect(desk.state('ann')).toBe('missed');
      expect(desk.engine.call('chat-1')?.phase).toBe('waiting');
    });

    it('closes someone chatting to new chats until they are free of chats', () => {
      const desk = new Desk({ offerTimeoutSeconds: 10 });
      desk.onDuty('ann');
      desk.take('chat-1');
      desk.arrive('chat-2');
      advance(10);
      const lapsed = desk.act(desk.engine.tick());
      expect(lapsed).toContainEqual(expect.objectContaining({ reason: 'timeout' }));
      expect(desk.state('ann')).toBe('talking');
      expect(offers(lapsed)).toEqual([]);
      expect(desk.engine.call('chat-2')?.phase).toBe('waiting');
      desk.act(desk.engine.hangUp('chat-1'));
      desk.act(desk.engine.finishChatWrapUp('ann', 'chat-1'));
      expect(desk.engine.call('chat-2')?.volunteerId).toBe('ann');
    });

    it('withdraws a chat ringing on someone who goes on a break', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.arrive('chat-1');
      expect(desk.act(desk.engine.setPresence('ann', 'break'))).toContainEqual(
        expect.objectContaining({ type: 'offer_withdrawn', reason: 'presence', channel: 'chat' }),
      );
      expect(desk.engine.call('chat-1')?.phase).toBe('waiting');
    });

    it('refuses a change of presence while chatting', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.take('chat-1');
      expect(() => desk.engine.setPresence('ann', 'offline')).toThrow(
        expect.objectContaining({ code: 'not_allowed' }),
      );
    });
  });

  describe('transfers', () => {
    it('sends a chat back to the queue in its place, and not back to its volunteer at once', () => {
      const desk = new Desk({ maxChats: 1 });
      desk.onDuty('ann');
      desk.take('chat-1');
      advance(10);
      desk.arrive('chat-2');
      const moved = desk.act(desk.engine.transferToQueue('chat-1', 'learning'));
      expect(moved).toContainEqual({
        type: 'transferred',
        callId: 'chat-1',
        volunteerId: 'ann',
        topic: 'learning',
        channel: 'chat',
      });
      // Ann writes no record of it, and is offered no chat while its place is still hers.
      expect(desk.engine.volunteer('ann')?.wrapUpChatIds).toBeUndefined();
      expect(desk.engine.volunteer('ann')?.offeredChatId).toBeUndefined();
      expect(desk.engine.snapshot().calls.map((c) => c.callId)).toEqual(['chat-1', 'chat-2']);
      expect(offers(desk.onDuty('bob', ['learning']))).toEqual(['chat-1 → bob']);
    });

    it('hands a chat to a colleague with a place free, the record following them', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.onDuty('bob');
      desk.take('chat-1');
      expect(desk.engine.call('chat-1')?.volunteerId).toBe('ann');
      const handed = desk.act(desk.engine.handOverChat('chat-1', 'bob'));
      expect(handed).toContainEqual({
        type: 'handed_over',
        callId: 'chat-1',
        volunteerId: 'ann',
        toVolunteerId: 'bob',
        channel: 'chat',
      });
      expect(desk.engine.call('chat-1')).toMatchObject({ phase: 'talking', volunteerId: 'bob' });
      expect(desk.state('bob')).toBe('talking');
      expect(desk.state('ann')).toBe('wrap_up');
      expect(desk.engine.volunteer('ann')?.wrapUpChatIds).toBeUndefined();
    });

    it('shows who could take a chat now, as a hand-over checks it', () => {
      const desk = new Desk();
      desk.onDuty('ann');
      desk.take('chat-1');
      desk.take('chat-2');
      desk.onDuty('bob');
      desk.take('chat-3');
      desk.onDuty('cy');
      desk.take('call-1', 'voice');
      desk.onDuty('dee');
      desk.act(desk.engine.setVolunteer({ id: 'eve', skills: ['emotional'] }));
      desk.act(desk.engine.setPresence('eve', 'break'));
      const ready = (id: string) => desk.engine.volunteer(id)?.chatReady === true;
      // Ann is full, Bob has a place free, Cy is on a call, Dee is available, Eve on a break.
      expect(desk.engine.snapshot().volunteers.filter((one) => one.chatReady)).toEqual([
        expect.objectContaining({ id: 'bob', chatIds: ['chat-3'] }),
        expect.objectContaining({ id: 'dee', state: 'available' }),
      ]);
      for (const id of ['ann', 'cy', 'eve']) {
        expect(ready(id)).toBe(false);
        expect(() => desk.engine.handOverChat('chat-1', id)).toThrow(
          expect.objectContaining({ code: 'not_allowed' }),
        );
      }
      desk.act(desk.engine.handOverChat('chat-1', 'bob'));
      // Bob's places are full now; Ann's wrap-up keeps hers taken.
      expect(['ann', 'bob', 'dee'].map(ready)).toEqual([false, false, true]);
    });

    it('refuses to hand a chat to someone on a call, full, or to its own volunteer', () => {
      const desk = new Desk({ maxChats: 1 });
      desk.onDuty('ann');
      desk.take('chat-1');
      desk.onDuty('bob');
      desk.take('chat-2');
      for (const to of ['bob', 'ann'])
        expect(() => desk.engine.handOverChat('chat-1', to)).toThrow(
          expect.objectContaining({ code: 'not_allowed' }),
        );
      desk.onDuty('cy');
      desk.take('call-1', 'voice');
      expect(() => desk.engine.handOverChat('chat-1', 'cy')).toThrow(
        expect.objectContaining({ code: 'not_allowed' }),
      );
      expect(() => desk.engine.takeOver('chat-1', 'sup')).toThrow(
        expect.objectContaining({ code: 'not_allowed' }),
      );
    });
  });

  describe('a crisis chat nobody takes', () => {
    it('rings the supervisors, then shows the crisis line, and keeps its place', () => {
      const desk = new Desk();
      desk.arrive('chat-1', 'chat', 'crisis');
      advance(20);
      expect(desk.act(desk.engine.tick())).toEqual([
        { type: 'crisis_supervisors', callId: 'chat-1', channel: 'chat' },
      ]);
      advance(40);
      expect(desk.act(desk.engine.tick())).toEqual([
        { type: 'crisis_line', callId: 'chat-1', channel: 'chat' },
      ]);
      expect(desk.engine.nextDeadline()).toBeUndefined();
      expect(desk.engine.call('chat-1')?.phase).toBe('waiting');
      expect(offers(desk.onDuty('ann'))).toEqual(['chat-1 → ann']);
    });
  });

  describe('places in the queue', () => {
    it('counts chats among chats, divided by the places on duty', () => {
      const desk = new Desk();
      // Ann is on duty, on a call: two places for chats once she is free.
      desk.onDuty('ann');
      desk.take('call-1', 'voice');
      desk.arrive('call-2', 'voice');
      desk.arrive('chat-1');
      desk.arrive('chat-2');
      desk.arrive('chat-3', 'chat', 'crisis');
      expect(desk.engine.position('chat-2')).toEqual({
        position: 3,
        expectedWaitSeconds: Math.round((3 * 900) / 2),
      });
      expect([...desk.engine.positions('chat').entries()]).toEqual([
        ['chat-3', desk.engine.position('chat-3')],
        ['chat-1', desk.engine.position('chat-1')],
        ['chat-2', desk.engine.position('chat-2')],
      ]);
      expect(desk.engine.position('call-2')?.position).toBe(1);
    });
  });

  describe('restart', () => {
    it('puts chats in conversation back on their volunteer within the places', () => {
      const desk = new Desk({ maxChats: 1 });
      desk.engine.setVolunteer({ id: 'ann', skills: [] });
      desk.act(desk.engine.setPresence('ann', 'break'));
      const chat = (callId: string) =>
        ({ callId, topic: 'other', priority: 'normal', arrivedAt: t, channel: 'chat' }) as const;
      expect(desk.act(desk.engine.restoreTalking(chat('chat-1'), 'ann', t))).not.toEqual([]);
      expect(desk.state('ann')).toBe('talking');
      expect(desk.engine.restoreTalking(chat('chat-2'), 'ann', t)).toEqual([]);
      expect(desk.engine.call('chat-2')).toBeUndefined();
      // Nor a call on someone chatting.
      expect(desk.engine.restoreTalking({ ...chat('call-1'), channel: 'voice' }, 'ann', t)).toEqual(
        [],
      );
    });
  });
});
