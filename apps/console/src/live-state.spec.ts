import type { LiveCall, QueueChange, QueueSnapshot, QueuedCall } from '@hotline/console-protocol';
import {
  applyFrame,
  applyLiveCall,
  applyLiveCallEnded,
  applyMe,
  applyRinging,
  applySnapshot,
  applyWithdrawn,
  clockOffset,
  waitingCalls,
} from './live-state';
import { receiveLiveChat } from './live-chats';

const HOTLINE = 'hotline-1';

const snapshot = (fields: Partial<QueueSnapshot> = {}): QueueSnapshot => ({
  hotlineId: HOTLINE,
  hotlineName: 'Test hotline',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
  seq: 10,
  now: '2026-11-23T11:00:00.000Z',
  telephony: 'off',
  me: {
    id: 'v1',
    name: 'Wang',
    roles: ['volunteer'],
    state: 'available',
    since: '2026-11-23T11:00:00.000Z',
  },
  offer: null,
  calls: [],
  volunteers: [
    {
      id: 'v1',
      name: 'Wang',
      state: 'available',
      since: '2026-11-23T11:00:00.000Z',
      callsHandled: 0,
    },
    { id: 'v2', name: 'Li', state: 'break', since: '2026-11-23T10:00:00.000Z', callsHandled: 2 },
  ],
  availableVolunteers: 1,
  today: null,
  alerts: [],
  ...fields,
});

const call = (callId: string, fields: Partial<QueuedCall> = {}): QueuedCall => ({
  callId,
  topic: 'emotional',
  priority: 'normal',
  phase: 'waiting',
  queuedAt: '2026-11-23T11:05:00.000Z',
  callerType: 'pupil',
  ...fields,
});

const frame = (...changes: QueueChange[]) => ({ hotlineId: HOTLINE, changes });

describe('the live state', () => {
  it('applies changes in sequence order', () => {
    const result = applyFrame(
      snapshot(),
      frame(
        { s: 11, type: 'call', call: call('c1') },
        { s: 12, type: 'call', call: call('c2', { queuedAt: '2026-11-23T11:06:00.000Z' }) },
        { s: 13, type: 'call', call: call('c1', { phase: 'offered', volunteerId: 'v1' }) },
        { s: 14, type: 'call.gone', callId: 'c2' },
        {
          s: 15,
          type: 'volunteer',
          volunteer: {
            id: 'v2',
            name: 'Li',
            state: 'available',
            since: '2026-11-23T11:07:00.000Z',
            callsHandled: 2,
          },
        },
        {
          s: 16,
          type: 'alert',
          alert: {
            alertId: 'a1',
            caseId: 'case-1',
            callId: 'c1',
            reason: 'danger_key',
            raisedAt: '2026-11-23T11:05:01.000Z',
            lastRaisedAt: '2026-11-23T11:05:01.000Z',
            resolvedAt: null,
            resolution: null,
          },
        },
      ),
    );
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    const { state } = result;
    expect(state.seq).toBe(16);
    expect(state.calls).toEqual([call('c1', { phase: 'offered', volunteerId: 'v1' })]);
    expect(state.volunteers?.find((v) => v.id === 'v2')?.state).toBe('available');
    expect(state.availableVolunteers).toBe(2);
    expect(state.alerts).toHaveLength(1);
    // The newest instant the frame proves: Li's new `since`.
    expect(result.serverNow).toBe('2026-11-23T11:07:00.000Z');

    const later = applyFrame(state, frame({ s: 17, type: 'alert.gone', alertId: 'a1' }));
    expect(later.kind === 'applied' && later.state.alerts).toEqual([]);
  });

  it('detects a gap and leaves the state to a fresh snapshot', () => {
    expect(applyFrame(snapshot(), frame({ s: 12, type: 'call.gone', callId: 'c1' }))).toEqual({
      kind: 'gap',
      expected: 11,
      received: 12,
    });
    expect(
      applyFrame(
        snapshot(),
        frame(
          { s: 11, type: 'call', call: call('c1') },
          { s: 13, type: 'call.gone', callId: 'c1' },
        ),
      ),
    ).toMatchObject({ kind: 'gap', expected: 12, received: 13 });
  });

  it('skips changes a snapshot already holds, and frames of other hotlines', () => {
    const state = snapshot({ seq: 12 });
    expect(applyFrame(state, frame({ s: 12, type: 'call', call: call('c1') })).kind).toBe(
      'ignored',
    );
    const overlapping = applyFrame(
      state,
      frame({ s: 12, type: 'call', call: call('c1') }, { s: 13, type: 'call', call: call('c2') }),
    );
    expect(overlapping.kind === 'applied' && overlapping.state.calls.map((c) => c.callId)).toEqual([
      'c2',
    ]);
    expect(
      applyFrame(state, {
        hotlineId: 'other',
        changes: [{ s: 13, type: 'call.gone', callId: 'x' }],
      }).kind,
    ).toBe('ignored');
  });

  it('tells the wall who missed two calls in a row while they stay on that break', () => {
    const breakSince = '2026-11-23T11:08:00.000Z';
    const onBreak = {
      id: 'v1',
      name: 'Wang',
      state: 'break' as const,
      since: breakSince,
      callsHandled: 0,
    };
    const notice = { volunteerId: 'v1', name: 'Wang', since: breakSince };
    const missed = applyFrame(
      snapshot(),
      frame(
        { s: 11, type: 'volunteer', volunteer: onBreak },
        { s: 12, type: 'volunteer.missed_twice', notice },
      ),
    );
    expect(missed.kind).toBe('applied');
    if (missed.kind !== 'applied') return;
    expect(missed.state.missedTwice).toEqual([notice]);
    expect(missed.state.volunteers?.find((v) => v.id === 'v1')?.state).toBe('break');

    // Said once per volunteer, however often it comes.
    const again = applyFrame(
      missed.state,
      frame({ s: 13, type: 'volunteer.missed_twice', notice }),
    );
    expect(again.kind === 'applied' && again.state.missedTwice).toEqual([notice]);

    // Another volunteer's change, or theirs still on the break, leaves the notice.
    const other = applyFrame(
      missed.state,
      frame(
        {
          s: 13,
          type: 'volunteer',
          volunteer: { ...onBreak, id: 'v2', name: 'Li', state: 'available' },
        },
        { s: 14, type: 'volunteer', volunteer: { ...onBreak, callsHandled: 0 } },
      ),
    );
    expect(other.kind === 'applied' && other.state.missedTwice).toEqual([notice]);

    // A supervisor set them available: nothing more to tell.
    const back = applyFrame(
      missed.state,
      frame({
        s: 13,
        type: 'volunteer',
        volunteer: { ...onBreak, state: 'available', since: '2026-11-23T11:09:00.000Z' },
      }),
    );
    expect(back.kind === 'applied' && back.state.missedTwice).toEqual([]);

    // A fresh snapshot keeps the notice while that break goes on, and only then.
    const volunteers = snapshot().volunteers!.filter((v) => v.id !== 'v1');
    expect(
      applySnapshot(missed.state, snapshot({ seq: 20, volunteers: [onBreak, ...volunteers] }))
        .missedTwice,
    ).toEqual([notice]);
    expect(
      applySnapshot(
        missed.state,
        snapshot({
          seq: 20,
          volunteers: [{ ...onBreak, since: '2026-11-23T11:30:00.000Z' }, ...volunteers],
        }),
      ).missedTwice,
    ).toBeUndefined();
    expect(
      applySnapshot(
        missed.state,
        snapshot({ hotlineId: 'other', volunteers: [onBreak, ...volunteers] }),
      ).missedTwice,
    ).toBeUndefined();
    expect(applySnapshot(null, snapshot()).missedTwice).toBeUndefined();
  });

  it('ends a ringing offer when it is withdrawn or my state moves on', () => {
    const offer = {
      offerId: 'o1',
      callId: 'c1',
      expiresAt: '2026-11-23T11:05:30.000Z',
      callerType: 'pupil',
      topic: 'emotional',
      priority: 'normal' as const,
      waitedSeconds: 12,
      earlierContacts: 0,
    };
    const ringing = applyRinging(snapshot(), offer);
    expect(applyWithdrawn(ringing, 'other').offer).toEqual(offer);
    expect(applyWithdrawn(ringing, 'o1').offer).toBeNull();
    const offered = applyMe(ringing, { ...ringing.me, state: 'offered' });
    expect(offered.offer).toEqual(offer);
    expect(applyMe(offered, { ...ringing.me, state: 'talking', callId: 'c1' }).offer).toBeNull();
  });

  it('wraps up the call I was on when the server has not named it yet', () => {
    const state = snapshot();
    const talking = applyMe(state, { ...state.me, state: 'talking', callId: 'c1' });
    expect(applyMe(talking, { ...state.me, state: 'wrap_up' }).me.wrapUpCallId).toBe('c1');
    expect(
      applyMe(talking, { ...state.me, state: 'wrap_up', wrapUpCallId: 'c9' }).me.wrapUpCallId,
    ).toBe('c9');
    expect(applyMe(talking, { ...state.me, state: 'available' }).me.wrapUpCallId).toBeUndefined();
  });

  it('lists waiting calls crisis first, then the longest waiting', () => {
    const state = snapshot({
      calls: [
        call('late', { queuedAt: '2026-11-23T11:09:00.000Z' }),
        call('early', { queuedAt: '2026-11-23T11:01:00.000Z' }),
        call('crisis', { priority: 'crisis', queuedAt: '2026-11-23T11:10:00.000Z' }),
        call('taken', { phase: 'talking', queuedAt: '2026-11-23T11:00:00.000Z' }),
      ],
    });
    expect(waitingCalls(state).map((c) => c.callId)).toEqual(['crisis', 'early', 'late']);
  });

  it('measures the server clock against the browser clock', () => {
    expect(clockOffset('2026-11-23T11:00:10.000Z', Date.parse('2026-11-23T11:00:00.000Z'))).toBe(
      10_000,
    );
  });

  describe('the live call panel', () => {
    const talking = (callId: string) =>
      snapshot({
        me: {
          id: 'v1',
          name: 'Wang',
          roles: ['volunteer'],
          state: 'talking',
          since: '2026-11-23T11:06:00.000Z',
          callId,
        },
      });
    const live = (callId: string, fields: Partial<LiveCall> = {}): LiveCall => ({
      callId,
      answeredAt: '2026-11-23T11:06:00.000Z',
      callerType: 'pupil',
      topic: 'emotional',
      priority: 'normal',
      earlierContacts: 2,
      participants: [{ volunteerId: 'v1', name: 'Wang', role: 'volunteer', mode: 'talk' }],
      callerOnHold: false,
      crisisCaseId: null,
      ...fields,
    });

    it('shows the call I talk on, and each change of it replaces the last', () => {
      const state = applyLiveCall(applySnapshot(null, talking('c1')), live('c1'));
      expect(state.liveCall?.earlierContacts).toBe(2);
      const joined = applyLiveCall(
        state,
        live('c1', {
          crisisCaseId: 'case-1',
          participants: [
            ...live('c1').participants,
            { volunteerId: 's1', name: 'Zhao', role: 'supervisor', mode: 'listen' },
          ],
        }),
      );
      expect(joined.liveCall).toMatchObject({ crisisCaseId: 'case-1' });
      expect(joined.liveCall?.participants.map((p) => p.mode)).toEqual(['talk', 'listen']);
    });

    it('takes the call before my own state says I took it', () => {
      const offered = applySnapshot(null, snapshot({ me: { ...snapshot().me, state: 'offered' } }));
      expect(applyLiveCall(offered, live('c1')).liveCall?.callId).toBe('c1');
    });

    it('closes the panel when I leave the call, and not for another call', () => {
      const state = applyLiveCall(applySnapshot(null, talking('c1')), live('c1'));
      expect(applyLiveCallEnded(state, 'c2').liveCall?.callId).toBe('c1');
      expect(applyLiveCallEnded(state, 'c1').liveCall).toBeNull();
    });

    it('drops the panel when I am no longer talking on it, and ignores a late change after', () => {
      const state = applyLiveCall(applySnapshot(null, talking('c1')), live('c1'));
      const wrapping = applyMe(state, {
        ...state.me,
        state: 'wrap_up',
        since: '2026-11-23T11:20:00.000Z',
      });
      expect(wrapping.liveCall).toBeNull();
      expect(applyLiveCall(wrapping, live('c1')).liveCall).toBeNull();
    });

    it('keeps the panel through a fresh snapshot while I still talk on the call', () => {
      const state = applyLiveCall(applySnapshot(null, talking('c1')), live('c1'));
      expect(applySnapshot(state, talking('c1')).liveCall?.callId).toBe('c1');
      expect(applySnapshot(state, snapshot()).liveCall).toBeUndefined();
    });

    it('keeps a supervisor who joined a call in it until the server says they left', () => {
      const wall = applySnapshot(null, snapshot({ me: { ...snapshot().me, id: 's1' } }));
      const joined = applyLiveCall(
        wall,
        live('c1', {
          participants: [
            ...live('c1').participants,
            { volunteerId: 's1', name: 'Zhao', role: 'supervisor', mode: 'barge' },
          ],
        }),
      );
      expect(joined.liveCall?.callId).toBe('c1');
      expect(
        applySnapshot(joined, snapshot({ me: { ...snapshot().me, id: 's1' } })).liveCall?.callId,
      ).toBe('c1');
      expect(applyLiveCallEnded(joined, 'c1').liveCall).toBeNull();
    });
  });
});

describe('the chats in the live state', () => {
  const held = (chatId: string) => ({
    chatId,
    answeredAt: '2026-11-23T11:00:00.000Z',
    callerType: 'pupil' as const,
    topic: 'emotional',
    priority: 'normal' as const,
    language: 'zh-CN' as const,
    messages: [],
    writerTyping: false,
    phase: 'talking' as const,
    endReason: null,
    participants: [{ volunteerId: 'v1', name: 'Wang', role: 'volunteer' as const }],
    crisisCaseId: null,
  });
  const me = (chatIds: string[], wrapUpChatIds: string[] = []) => ({
    ...snapshot().me,
    state: 'talking' as const,
    chatIds,
    wrapUpChatIds,
  });

  it('keeps through a fresh snapshot the chats my state still names, and drops the others', () => {
    const state = {
      ...applySnapshot(null, snapshot({ me: me(['a', 'b']) })),
      chats: [held('a'), held('b')],
    };
    const after = applySnapshot(state, snapshot({ me: me(['a'], ['b']) }));
    expect(after.chats?.map((chat) => chat.chatId)).toEqual(['a', 'b']);
    expect(applySnapshot(state, snapshot({ me: me([]) })).chats).toBeUndefined();
    expect(applyMe(after, me(['a'])).chats?.map((chat) => chat.chatId)).toEqual(['a']);
  });

  const chatOffer = (callId: string) => ({
    offerId: `o-${callId}`,
    callId,
    chatId: callId,
    channel: 'chat' as const,
    expiresAt: '2026-11-23T11:01:00.000Z',
    callerType: 'pupil',
    topic: 'learning',
    priority: 'normal' as const,
    waitedSeconds: 3,
    earlierContacts: 0,
  });

  it('keeps a chat offered beside my chats ringing through a change of my state', () => {
    const offer = chatOffer('b');
    const ringing = applyRinging(applySnapshot(null, snapshot({ me: me(['a']) })), offer);
    expect(applyMe(ringing, me(['a'])).offer?.offerId).toBe('o-b');
    // Taken: the chat is mine now.
    expect(applyMe(ringing, me(['a', 'b'])).offer).toBeNull();
    // A call's offer ends with any state but offered.
    const call = applyRinging(applySnapshot(null, snapshot({ me: me(['a']) })), {
      ...offer,
      channel: undefined,
      chatId: undefined,
    });
    expect(applyMe(call, me(['a'])).offer).toBeNull();
  });

  it('takes the ringing chat when it comes whole, and leaves another offer ringing', () => {
    const ringing = applyRinging(applySnapshot(null, snapshot({ me: me(['a']) })), chatOffer('b'));
    const taken = receiveLiveChat({ ...ringing, chats: [held('a')] }, held('b'));
    expect(taken.offer).toBeNull();
    expect(taken.chats?.map((chat) => chat.chatId)).toEqual(['a', 'b']);
    expect(receiveLiveChat(ringing, held('c')).offer?.callId).toBe('b');
  });

  it('guesses no call to wrap up after chats', () => {
    const talking = applySnapshot(
      null,
      snapshot({ me: { ...snapshot().me, state: 'talking', callId: 'old-call' } }),
    );
    const afterChats = applyMe(talking, { ...me([], ['a']), state: 'wrap_up' });
    expect(afterChats.me.wrapUpCallId).toBeUndefined();
  });
});
