import type { ChatMessage, LiveChat } from '@hotline/chat-protocol';
import {
  applyChatEnded,
  applyChatMessage,
  applyChatTyping,
  applyLiveChat,
  chatsStillHeld,
  dropChat,
  isVolunteerOf,
  openChats,
} from './live-chats';

const message = (id: string, from: ChatMessage['from'], text = id): ChatMessage => ({
  id,
  from,
  text,
  at: '2026-11-23T11:00:00.000Z',
});

const chat = (chatId: string, fields: Partial<LiveChat> = {}): LiveChat => ({
  chatId,
  answeredAt: '2026-11-23T11:00:00.000Z',
  callerType: 'pupil',
  topic: 'emotional',
  priority: 'normal',
  language: 'zh-CN',
  messages: [],
  writerTyping: false,
  phase: 'talking',
  endReason: null,
  participants: [{ volunteerId: 'v1', name: 'Wang', role: 'volunteer' }],
  crisisCaseId: null,
  ...fields,
});

describe('the chats a console holds', () => {
  it('adds a chat in the order taken, and replaces it when it comes again', () => {
    let chats = applyLiveChat([], chat('a'));
    chats = applyLiveChat(chats, chat('b'));
    chats = applyLiveChat(chats, chat('a', { crisisCaseId: 'case-1' }));
    expect(chats.map((one) => [one.chatId, one.crisisCaseId])).toEqual([
      ['a', 'case-1'],
      ['b', null],
    ]);
  });

  it('keeps a message that overtook the chat it belongs to', () => {
    let chats = applyLiveChat([], chat('a', { messages: [message('m1', 'writer')] }));
    chats = applyChatMessage(chats, 'a', message('m2', 'volunteer'));
    chats = applyLiveChat(chats, chat('a', { messages: [message('m1', 'writer')] }));
    expect(chats[0].messages.map((one) => one.id)).toEqual(['m1', 'm2']);
  });

  it('adds each message once, to its own chat, and a writer’s message ends their typing', () => {
    let chats = applyLiveChat(applyLiveChat([], chat('a')), chat('b'));
    chats = applyChatTyping(chats, 'a', true);
    expect(chats[0].writerTyping).toBe(true);
    chats = applyChatMessage(chats, 'a', message('m1', 'writer', '我睡不着'));
    chats = applyChatMessage(chats, 'a', message('m1', 'writer', '我睡不着'));
    expect(chats[0]).toMatchObject({ writerTyping: false, messages: [{ text: '我睡不着' }] });
    expect(chats[1].messages).toEqual([]);
  });

  it('keeps my own ended chat, closed, for the wrap-up; it goes once the record is kept', () => {
    let chats = applyChatTyping(applyLiveChat([], chat('a')), 'a', true);
    chats = applyChatEnded(chats, 'a', 'writer', 'v1');
    expect(chats).toMatchObject([{ phase: 'ended', endReason: 'writer', writerTyping: false }]);
    expect(applyChatTyping(chats, 'a', true)[0].writerTyping).toBe(false);
    expect(openChats(chats)).toEqual([]);
    expect(dropChat(chats, 'a')).toEqual([]);
  });

  it('lets a transferred chat, and one a supervisor joined, go at once', () => {
    const mine = applyLiveChat([], chat('a'));
    expect(applyChatEnded(mine, 'a', 'transferred', 'v1')).toEqual([]);
    const joined = applyLiveChat(
      [],
      chat('a', {
        participants: [
          { volunteerId: 'v1', name: 'Wang', role: 'volunteer' },
          { volunteerId: 's1', name: 'Zhao', role: 'supervisor' },
        ],
      }),
    );
    expect(isVolunteerOf(joined[0], 's1')).toBe(false);
    expect(applyChatEnded(joined, 'a', 'volunteer', 's1')).toEqual([]);
    expect(applyChatEnded(joined, 'other', 'volunteer', 's1')).toEqual(joined);
  });

  it('lists open chats, a crisis first', () => {
    const chats = [chat('a'), chat('b', { priority: 'crisis' }), chat('c', { phase: 'ended' })];
    expect(openChats(chats).map((one) => one.chatId)).toEqual(['b', 'a']);
  });
});

describe('the chats a console still holds after my state changed', () => {
  it('keeps my chats in conversation and awaiting a record, and those I joined', () => {
    const joined = chat('j', {
      participants: [
        { volunteerId: 'v2', name: 'Li', role: 'volunteer' },
        { volunteerId: 'v1', name: 'Wang', role: 'supervisor' },
      ],
    });
    const chats = [chat('a'), chat('b', { phase: 'ended' }), chat('gone'), joined];
    expect(
      chatsStillHeld(chats, { id: 'v1', chatIds: ['a'], wrapUpChatIds: ['b'] }).map(
        (one) => one.chatId,
      ),
    ).toEqual(['a', 'b', 'j']);
    // A server that does not say leaves the list as it is.
    expect(chatsStillHeld(chats, { id: 'v1' })).toEqual(chats);
  });
});
