import type { ChatMessage, ChatState } from '@hotline/chat-protocol';
import {
  type ChatEvent,
  type Conversation,
  applyChatEvent,
  canWrite,
  checkText,
  openingConversation,
  waitMinutes,
} from './conversation';

const message = (id: string, from: ChatMessage['from'], text: string): ChatMessage => ({
  id,
  from,
  text,
  at: '2026-11-23T11:00:00.000Z',
});

const state = (changes: Partial<ChatState> = {}): ChatState => ({
  chatId: 'c1',
  phase: 'waiting',
  messages: [],
  queue: { position: 2, expectedWaitSeconds: 120 },
  endReason: null,
  ...changes,
});

const play = (events: ChatEvent[], from: Conversation = openingConversation('c1')) =>
  events.reduce(applyChatEvent, from);

describe('the writer’s conversation', () => {
  it('waits in the queue, is answered, then talks', () => {
    let chat = play([
      { type: 'link', link: 'connected' },
      { type: 'state', state: state() },
    ]);
    expect(chat).toMatchObject({ phase: 'waiting', queue: { position: 2 } });
    // What is written while waiting is what the volunteer reads first.
    expect(canWrite(chat)).toBe(true);
    expect(canWrite(openingConversation('c1'))).toBe(false);

    chat = play([{ type: 'queue', queue: { position: 1, expectedWaitSeconds: 30 } }], chat);
    expect(chat.queue).toEqual({ position: 1, expectedWaitSeconds: 30 });

    chat = play(
      [
        { type: 'answered' },
        { type: 'message', message: message('m1', 'volunteer', '你好，我在听。') },
      ],
      chat,
    );
    expect(chat).toMatchObject({ phase: 'talking', queue: null });
    expect(chat.messages.map((one) => one.text)).toEqual(['你好，我在听。']);
    expect(canWrite(chat)).toBe(true);
  });

  it('shows the volunteer typing until their message comes, and never while waiting', () => {
    let chat = play([
      { type: 'state', state: state() },
      { type: 'typing', typing: true },
    ]);
    expect(chat.volunteerTyping).toBe(false);
    chat = play([{ type: 'answered' }, { type: 'typing', typing: true }], chat);
    expect(chat.volunteerTyping).toBe(true);
    chat = play([{ type: 'message', message: message('m1', 'volunteer', 'Hi') }], chat);
    expect(chat.volunteerTyping).toBe(false);
  });

  it('forgets typing when the connection drops: it is not sent again after a reconnect', () => {
    const chat = play([
      { type: 'state', state: state({ phase: 'talking', queue: null }) },
      { type: 'typing', typing: true },
      { type: 'link', link: 'reconnecting' },
    ]);
    expect(chat.volunteerTyping).toBe(false);
    expect(canWrite(chat)).toBe(true); // what is written now is sent once connected again
  });

  it('takes each message once, whether from the ack, the event or a resent state', () => {
    const stored = message('m2', 'writer', '我睡不着');
    const chat = play([
      { type: 'state', state: state({ phase: 'talking', queue: null }) },
      { type: 'sending', localId: 'local-1', text: '我睡不着' },
      { type: 'message', message: stored },
      { type: 'sent', localId: 'local-1', message: stored },
    ]);
    expect(chat.messages).toEqual([stored]);
    expect(chat.outgoing).toEqual([]);
  });

  it('keeps a refused message to send again or drop', () => {
    let chat = play([
      { type: 'state', state: state({ phase: 'talking', queue: null }) },
      { type: 'sending', localId: 'local-1', text: 'hello' },
      { type: 'refused', localId: 'local-1', problem: 'rate_limited' },
    ]);
    expect(chat.outgoing).toEqual([
      { localId: 'local-1', text: 'hello', status: 'failed', problem: 'rate_limited' },
    ]);
    chat = play([{ type: 'sending', localId: 'local-1', text: 'hello' }], chat);
    expect(chat.outgoing).toMatchObject([{ status: 'sending', problem: null }]);
    chat = play([{ type: 'discard', localId: 'local-1' }], chat);
    expect(chat.outgoing).toEqual([]);
  });

  it('treats a message whose answer was lost as stored when the resumed chat holds it', () => {
    const talking = state({ phase: 'talking', queue: null });
    const chat = play([
      { type: 'state', state: talking },
      { type: 'sending', localId: 'a', text: 'same words' },
      { type: 'sending', localId: 'b', text: 'never arrived' },
      { type: 'refused', localId: 'a', problem: 'no_answer' },
      { type: 'refused', localId: 'b', problem: 'no_answer' },
      { type: 'link', link: 'reconnecting' },
      { type: 'link', link: 'connected' },
      {
        type: 'state',
        state: { ...talking, messages: [message('m9', 'writer', 'same words')] },
      },
    ]);
    expect(chat.messages.map((one) => one.id)).toEqual(['m9']);
    expect(chat.outgoing.map((one) => one.localId)).toEqual(['b']);
  });

  it('ends: nothing more can be written, and what was on its way is refused', () => {
    const chat = play([
      { type: 'state', state: state({ phase: 'talking', queue: null }) },
      { type: 'typing', typing: true },
      { type: 'sending', localId: 'a', text: 'wait' },
      { type: 'ended', reason: 'volunteer' },
      { type: 'answered' },
    ]);
    expect(chat).toMatchObject({
      phase: 'ended',
      endReason: 'volunteer',
      volunteerTyping: false,
      outgoing: [{ status: 'failed', problem: 'ended' }],
    });
    expect(canWrite(chat)).toBe(false);
  });

  it('resumes an ended chat as ended, with its reason', () => {
    const chat = play([
      { type: 'state', state: state({ phase: 'ended', queue: null, endReason: 'closed' }) },
    ]);
    expect(chat).toMatchObject({ phase: 'ended', endReason: 'closed', queue: null });
  });

  it('waits again when the chat goes back to the queue, until answered anew', () => {
    let chat = play([
      { type: 'state', state: state({ phase: 'talking', queue: null }) },
      { type: 'typing', typing: true },
      { type: 'queue', queue: { position: 1, expectedWaitSeconds: 10 } },
    ]);
    expect(chat).toMatchObject({
      phase: 'waiting',
      queue: { position: 1 },
      volunteerTyping: false,
    });
    chat = play([{ type: 'answered' }], chat);
    expect(chat).toMatchObject({ phase: 'talking', queue: null });
    // Over is over.
    chat = play(
      [
        { type: 'ended', reason: 'volunteer' },
        { type: 'queue', queue: { position: 1, expectedWaitSeconds: 0 } },
      ],
      chat,
    );
    expect(chat).toMatchObject({ phase: 'ended', queue: null });
  });

  it('cannot write once the server no longer knows the chat', () => {
    const chat = play([
      { type: 'state', state: state({ phase: 'talking', queue: null }) },
      { type: 'link', link: 'gone' },
    ]);
    expect(canWrite(chat)).toBe(false);
  });
});

describe('a message the writer types', () => {
  it('is trimmed, and refused empty or too long, counting characters as a person does', () => {
    expect(checkText('  你好 \n', 10)).toEqual({ ok: true, text: '你好' });
    expect(checkText(' \n ', 10)).toEqual({ ok: false, problem: 'empty' });
    expect(checkText('😀'.repeat(10), 10)).toEqual({ ok: true, text: '😀'.repeat(10) });
    expect(checkText('a'.repeat(11), 10)).toEqual({ ok: false, problem: 'too_long' });
  });
});

describe('the expected wait', () => {
  it('is said in whole minutes, and "any moment now" under one', () => {
    expect(waitMinutes(0)).toBeNull();
    expect(waitMinutes(59)).toBeNull();
    expect(waitMinutes(60)).toBe(1);
    expect(waitMinutes(150)).toBe(3);
    expect(waitMinutes(Number.NaN)).toBeNull();
  });
});
