/**
 * The chat as the writer's page sees it, and the pure rules that keep it current: what the
 * server says on `/chat` (the whole chat on every connect, then messages, the queue, the answer,
 * typing, the end) and what the writer sends, from typed to stored. No DOM and no socket here,
 * so it runs under plain jest; `link.ts` feeds it and the chat view draws it.
 */
import type {
  ChatEndReason,
  ChatError,
  ChatMessage,
  ChatPhase,
  ChatQueue,
  ChatState,
} from '@hotline/chat-protocol';

/** The connection to the chat: `gone` when the server no longer knows the chat's token. */
export type Link = 'connecting' | 'connected' | 'reconnecting' | 'gone';

/** Why a message of the writer's is not stored: the server's reason, or no answer in time. */
export type SendProblem = ChatError | 'no_answer';

/** A message the writer sent that the server has not stored (yet). */
export interface Outgoing {
  /** The page's own id, until the server's message replaces it. */
  localId: string;
  text: string;
  status: 'sending' | 'failed';
  problem: SendProblem | null;
}

export interface Conversation {
  chatId: string;
  /** `opening`: connected or not, the server has not told the chat's state yet. */
  phase: ChatPhase | 'opening';
  /** As stored, in the order the server gave them. */
  messages: ChatMessage[];
  outgoing: Outgoing[];
  queue: ChatQueue | null;
  endReason: ChatEndReason | null;
  volunteerTyping: boolean;
  link: Link;
}

export type ChatEvent =
  | { type: 'state'; state: ChatState }
  | { type: 'message'; message: ChatMessage }
  | { type: 'queue'; queue: ChatQueue }
  | { type: 'answered' }
  | { type: 'typing'; typing: boolean }
  | { type: 'ended'; reason: ChatEndReason }
  | { type: 'link'; link: Link }
  /** The writer sends (or sends again) a message. */
  | { type: 'sending'; localId: string; text: string }
  | { type: 'sent'; localId: string; message: ChatMessage }
  | { type: 'refused'; localId: string; problem: SendProblem }
  /** The writer gives up on a message that was refused. */
  | { type: 'discard'; localId: string };

export function openingConversation(chatId: string): Conversation {
  return {
    chatId,
    phase: 'opening',
    messages: [],
    outgoing: [],
    queue: null,
    endReason: null,
    volunteerTyping: false,
    link: 'connecting',
  };
}

export function applyChatEvent(chat: Conversation, event: ChatEvent): Conversation {
  switch (event.type) {
    case 'state':
      return applyState(chat, event.state);
    case 'message':
      return chat.messages.some((known) => known.id === event.message.id)
        ? chat
        : // A message after a typing indicator ends it: the volunteer sent what they typed.
          {
            ...chat,
            messages: [...chat.messages, event.message],
            volunteerTyping: event.message.from === 'volunteer' ? false : chat.volunteerTyping,
          };
    case 'queue':
      // Waiting, or back in the queue (the volunteer passed the chat on to whoever is next).
      return chat.phase === 'ended'
        ? chat
        : { ...chat, phase: 'waiting', queue: event.queue, volunteerTyping: false };
    case 'answered':
      return chat.phase === 'ended' ? chat : { ...chat, phase: 'talking', queue: null };
    case 'typing':
      return chat.phase === 'talking' ? { ...chat, volunteerTyping: event.typing } : chat;
    case 'ended':
      return {
        ...chat,
        phase: 'ended',
        endReason: event.reason,
        queue: null,
        volunteerTyping: false,
        // Nothing more can be stored: what was still on its way is refused.
        outgoing: chat.outgoing.map((one) => ({ ...one, status: 'failed', problem: 'ended' })),
      };
    case 'link':
      return {
        ...chat,
        link: event.link,
        // Typing is not resent after a reconnect; an old "is typing" would stay for ever.
        volunteerTyping: event.link === 'connected' ? chat.volunteerTyping : false,
      };
    case 'sending': {
      const others = chat.outgoing.filter((one) => one.localId !== event.localId);
      const sending: Outgoing = {
        localId: event.localId,
        text: event.text,
        status: 'sending',
        problem: null,
      };
      return { ...chat, outgoing: [...others, sending] };
    }
    case 'sent': {
      const outgoing = chat.outgoing.filter((one) => one.localId !== event.localId);
      const known = chat.messages.some((message) => message.id === event.message.id);
      return {
        ...chat,
        outgoing,
        messages: known ? chat.messages : [...chat.messages, event.message],
      };
    }
    case 'refused':
      return {
        ...chat,
        outgoing: chat.outgoing.map((one) =>
          one.localId === event.localId
            ? { ...one, status: 'failed', problem: event.problem }
            : one,
        ),
      };
    case 'discard':
      return { ...chat, outgoing: chat.outgoing.filter((one) => one.localId !== event.localId) };
  }
}

/**
 * The whole chat, as the server sends it on every connect. A message whose answer was lost
 * with the connection may be in it after all: a refused message of the same text that the
 * state newly holds is taken as stored, so it is neither shown twice nor sent twice.
 */
function applyState(chat: Conversation, state: ChatState): Conversation {
  const before = new Set(chat.messages.map((message) => message.id));
  const arrived = state.messages.filter(
    (message) => message.from === 'writer' && !before.has(message.id),
  );
  const outgoing = chat.outgoing.filter((one) => {
    if (one.status !== 'failed' || one.problem !== 'no_answer') return true;
    const index = arrived.findIndex((message) => message.text === one.text);
    if (index < 0) return true;
    arrived.splice(index, 1);
    return false;
  });
  const ended = state.phase === 'ended';
  return {
    ...chat,
    chatId: state.chatId,
    phase: state.phase,
    messages: state.messages,
    queue: state.phase === 'waiting' ? state.queue : null,
    endReason: ended ? (state.endReason ?? chat.endReason) : null,
    volunteerTyping: false,
    outgoing: ended
      ? outgoing.map((one) => ({ ...one, status: 'failed', problem: 'ended' }))
      : outgoing,
  };
}

/**
 * Whether the writer can write now: waiting or in conversation (what is written while waiting
 * is the first thing the volunteer reads), and the chat still known to the server.
 */
export function canWrite(chat: Conversation): boolean {
  return (chat.phase === 'waiting' || chat.phase === 'talking') && chat.link !== 'gone';
}

/**
 * What a message from the writer may be: trimmed, not empty, not longer than the server takes
 * (counted as a person counts characters, so an emoji is one).
 */
export function checkText(
  text: string,
  max: number,
): { ok: true; text: string } | { ok: false; problem: 'empty' | 'too_long' } {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, problem: 'empty' };
  if (charactersIn(trimmed) > max) return { ok: false, problem: 'too_long' };
  return { ok: true, text: trimmed };
}

export function charactersIn(text: string): number {
  return [...text].length;
}

/** The expected wait in whole minutes, at least one; null under a minute ("any moment now"). */
export function waitMinutes(seconds: number): number | null {
  if (!Number.isFinite(seconds) || seconds < 60) return null;
  return Math.round(seconds / 60);
}
