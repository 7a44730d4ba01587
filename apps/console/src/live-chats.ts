/**
 * The chats this console holds, and the pure rules that keep them current: `chat.live` gives a
 * chat whole (on accept, on join, after a reconnect), `chat.message` and `chat.typing` change
 * one, and `chat.live.ended` says the console no longer holds it. The volunteer's own chat that
 * ended stays, closed, beside its wrap-up (its transcript is what the record is written from)
 * until the record is kept; one that went to someone else, or one a supervisor only joined,
 * goes at once. No React and no browser APIs here.
 */
import type { ChatEndReason, ChatMessage, LiveChat } from '@hotline/chat-protocol';
import type { LiveState } from './live-state';

export type HeldChats = readonly LiveChat[];

/** A chat came whole: it replaces the one held, or joins the list (in the order taken). */
export function applyLiveChat(chats: HeldChats, chat: LiveChat): LiveChat[] {
  const index = chats.findIndex((held) => held.chatId === chat.chatId);
  if (index < 0) return [...chats, chat];
  // A message that overtook the whole chat is not lost with it.
  const known = new Set(chat.messages.map((message) => message.id));
  const overtaking = chats[index].messages.filter((message) => !known.has(message.id));
  const next = [...chats];
  next[index] = overtaking.length ? { ...chat, messages: [...chat.messages, ...overtaking] } : chat;
  return next;
}

/**
 * A chat came to me whole: held, and if it is the one ringing, taken (an offer beside other
 * chats does not end with a change of my state, which stays talking).
 */
export function receiveLiveChat(state: LiveState, chat: LiveChat): LiveState {
  return {
    ...state,
    chats: applyLiveChat(state.chats ?? [], chat),
    offer: state.offer?.callId === chat.chatId ? null : state.offer,
  };
}

/** A new message of a held chat; one already shown (the sender's own answer) is not shown twice. */
export function applyChatMessage(
  chats: HeldChats,
  chatId: string,
  message: ChatMessage,
): LiveChat[] {
  return chats.map((chat) =>
    chat.chatId !== chatId || chat.messages.some((known) => known.id === message.id)
      ? chat
      : {
          ...chat,
          messages: [...chat.messages, message],
          // The writer sent what they were typing.
          writerTyping: message.from === 'writer' ? false : chat.writerTyping,
        },
  );
}

export function applyChatTyping(chats: HeldChats, chatId: string, typing: boolean): LiveChat[] {
  return chats.map((chat) =>
    chat.chatId === chatId && chat.phase === 'talking' ? { ...chat, writerTyping: typing } : chat,
  );
}

/**
 * The console no longer holds the chat. Its volunteer keeps it, closed, for the wrap-up; a
 * transferred chat and one a supervisor joined close at once.
 */
export function applyChatEnded(
  chats: HeldChats,
  chatId: string,
  reason: ChatEndReason | 'transferred',
  meId: string,
): LiveChat[] {
  return chats.flatMap((chat) => {
    if (chat.chatId !== chatId) return [chat];
    if (reason === 'transferred' || !isVolunteerOf(chat, meId)) return [];
    return [{ ...chat, phase: 'ended', endReason: reason, writerTyping: false }];
  });
}

/** The volunteer is done with a closed chat (its record kept, or left): it goes. */
export function dropChat(chats: HeldChats, chatId: string): LiveChat[] {
  return chats.filter((chat) => chat.chatId !== chatId);
}

/** Whether I hold the chat as its volunteer (not as a supervisor who joined it). */
export function isVolunteerOf(chat: LiveChat, meId: string): boolean {
  return chat.participants.some(
    (participant) => participant.volunteerId === meId && participant.role === 'volunteer',
  );
}

/** Chats still going on, the ones a crisis first. */
export function openChats(chats: HeldChats): LiveChat[] {
  return chats
    .filter((chat) => chat.phase !== 'ended')
    .sort((a, b) => Number(b.priority === 'crisis') - Number(a.priority === 'crisis'));
}

/**
 * The chats I may still hold, by my own state (sent on every connect and change): my chats in
 * conversation and those awaiting their record; chats I joined as a supervisor stay until the
 * server says I left. A chat that ended while the console was away goes this way.
 */
export function chatsStillHeld(
  chats: HeldChats,
  me: { id: string; chatIds?: string[]; wrapUpChatIds?: string[] },
): LiveChat[] {
  if (me.chatIds === undefined && me.wrapUpChatIds === undefined) return [...chats];
  const mine = new Set([...(me.chatIds ?? []), ...(me.wrapUpChatIds ?? [])]);
  return chats.filter((chat) => !isVolunteerOf(chat, me.id) || mine.has(chat.chatId));
}
