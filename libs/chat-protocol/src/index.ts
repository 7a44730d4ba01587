/**
 * The live chat protocol: one map from event name to payload type for each side, used by the
 * server, the child's chat page (`/chat/`) and the operator console alike.
 *
 * The writer (a child, a parent, a teacher) opens a chat with `POST /api/public/chats`
 * (`ChatRequest` → `ChatOpened`) and connects to the socket.io namespace `/chat` with
 * `auth: { token }`. The token is the chat's resume token: the page keeps it for the tab only
 * (sessionStorage), so a dropped connection or a reload reconnects to the same chat, and on every
 * connect the server sends `chat.state` with the whole conversation so far.
 *
 * The volunteer side travels on the console's own namespace (`/console`, see
 * `@hotline/console-protocol`): a chat is offered like a call and, once accepted, the console
 * receives `chat.live` and `chat.message` for the chats it holds and sends `chat.send`.
 */

/** Who is writing: the same closed list as the phone menu's first question. */
export const CHAT_WRITERS = ['pupil', 'parent', 'teacher', 'other'] as const;
export type ChatWriter = (typeof CHAT_WRITERS)[number];

export type ChatLanguage = 'zh-CN' | 'en';

/** The chat page's language that is not the hotline's own (canned replies are kept for both). */
export const secondLanguage = (locale: ChatLanguage): ChatLanguage =>
  locale === 'zh-CN' ? 'en' : 'zh-CN';

/** Longest message, in characters (the server refuses longer with `too_long`). */
export const CHAT_MESSAGE_MAX_LENGTH = 2000;

export const CHAT_NAMESPACE = '/chat';

/** `POST /api/public/chats`: no sign-in and no personal data. */
export interface ChatRequest {
  callerType: ChatWriter;
  /** A topic code of the hotline's menu (`GET /api/public/hotline`). */
  topic: string;
  /** "I am in danger now": crisis priority and the supervisors' alert, as the danger key. */
  danger?: boolean;
  language: ChatLanguage;
  /**
   * A random id the page keeps for this browser (localStorage), so supervisors can block a
   * device that abuses the chat. Only a keyed hash of it with the writer's address is stored;
   * without it the address alone is hashed.
   */
  deviceId?: string;
  /** The hotline to write to; default the hotline `GET /api/public/hotline` names. */
  hotlineId?: string;
}

/** `201` to `POST /api/public/chats`. */
export interface ChatOpened {
  chatId: string;
  /** The resume token: `auth: { token }` on `/chat`; keep it for this tab only. */
  token: string;
}

/** `409` to `POST /api/public/chats` outside opening hours: what the page shows instead. */
export interface ChatClosed {
  error: 'closed';
  /** Opening hours per weekday, in the hotline's zone, e.g. `{ weekday: 1, opens: '18:00', closes: '22:00' }`. */
  hours: { weekday: number; opens: string; closes: string }[];
  /** The next opening, an ISO instant, when known. */
  nextOpening: string | null;
  /** Leave a message instead: `POST /api/public/chat-messages` joins the call-back list. */
  leaveMessage: true;
  /** The hotline's emergency numbers and what to do in danger (its closed message). */
  emergency?: string;
}

/** `409` to `POST /api/public/chats` when the queue is full (a danger chat is never refused). */
export interface ChatBusy {
  error: 'busy';
  leaveMessage: true;
  emergency?: string;
}

/**
 * `403` to `POST /api/public/chats` from a device a supervisor blocked. A chat with
 * `danger: true` is still answered, as a crisis: a child really in danger is never turned away.
 */
export interface ChatRefused {
  error: 'blocked';
  emergency: string;
}

/** `GET /api/public/hotline` (optionally `?hotlineId=`): what the page shows before the chat. */
export interface ChatHotline {
  hotlineId: string;
  name: string;
  locale: ChatLanguage;
  /** Open now: a chat would join the queue. */
  open: boolean;
  /** The hotline's time zone (IANA): its hours are in it, and the page says the next opening in it. */
  timeZone: string;
  hours: ChatClosed['hours'];
  /** The opening in progress or the next one, an ISO instant. */
  nextOpening: string | null;
  /** The phone menu's topics, in menu order. */
  topics: { key: string; label: Record<ChatLanguage, string> }[];
  callerTypes: readonly ChatWriter[];
  /** The emergency numbers and what to do in danger (the hotline's closed message). */
  emergency: string;
  /** The national psychological-assistance line the page shows to a writer in danger. */
  crisisLine: string;
}

/** `POST /api/public/chat-messages` outside opening hours: a message for the call-back list. */
export interface ChatLeftMessage {
  callerType: ChatWriter;
  topic: string;
  language: ChatLanguage;
  text: string;
  /** As for `ChatRequest`. */
  deviceId?: string;
  hotlineId?: string;
}

/** `201` to `POST /api/public/chat-messages`. */
export interface ChatMessageLeft {
  received: true;
  /** The local date of the opening in which the hotline reads it. */
  forDate: string;
}

/** Where a chat is: waiting in the queue, in conversation, or over. */
export type ChatPhase = 'waiting' | 'talking' | 'ended';

/** Why a chat ended, so each side can say it plainly. */
export type ChatEndReason =
  /** The writer ended it (or left with quick exit). */
  | 'writer'
  /** The volunteer ended it. */
  | 'volunteer'
  /** The writer stayed silent after the polite check. */
  | 'idle'
  /** The hotline closed while the chat was still waiting, with the emergency numbers shown. */
  | 'closed'
  /** A supervisor blocked the writer's device. */
  | 'blocked';

export interface ChatMessage {
  id: string;
  /** `writer` appears only in `chat.state` (the writer's own earlier messages) and on the console. */
  from: 'writer' | 'volunteer' | 'system';
  text: string;
  /** ISO instant (the hotline's clock). */
  at: string;
}

/** Place in the queue while waiting. */
export interface ChatQueue {
  position: number;
  expectedWaitSeconds: number;
}

/** Sent to the writer on every connect (first or resumed): the whole chat so far. */
export interface ChatState {
  chatId: string;
  phase: ChatPhase;
  messages: ChatMessage[];
  /** While waiting. */
  queue: ChatQueue | null;
  /** Once ended. */
  endReason: ChatEndReason | null;
}

export type ChatAck<T = Record<string, never>> =
  ({ ok: true } & T) | { ok: false; error: ChatError; message?: string };

/**
 * Why the server refused a command: `too_long` (over CHAT_MESSAGE_MAX_LENGTH), `empty`,
 * `rate_limited` (too many messages too fast), `ended` (the chat is over), `not_yours`
 * (a console command on a chat this console does not hold), `invalid`, `forbidden` (the role
 * may not), `unavailable` (the colleague is not free for it, or the server is moving to another
 * instance: try again). A refusal may carry a `message` a person can read.
 */
export type ChatError =
  | 'too_long'
  | 'empty'
  | 'rate_limited'
  | 'ended'
  | 'not_yours'
  | 'invalid'
  | 'forbidden'
  | 'unavailable';

type Command<Payload, Result = Record<string, never>> = (
  payload: Payload,
  ack: (result: ChatAck<Result>) => void,
) => void;

/** Server → writer, on `/chat`. */
export interface WriterServerEvents {
  'chat.state': (state: ChatState) => void;
  /** A message from the volunteer or the hotline (`from` is never `writer` here). */
  'chat.message': (message: ChatMessage) => void;
  'chat.queue': (queue: ChatQueue) => void;
  /** A volunteer took the chat. */
  'chat.answered': (answered: { at: string }) => void;
  /** The volunteer is typing (true) or stopped (false). */
  'chat.typing': (typing: { typing: boolean }) => void;
  'chat.ended': (ended: { reason: ChatEndReason; at: string }) => void;
}

/** Writer → server, on `/chat`. */
export interface WriterClientEvents {
  /** Stored encrypted before the ack; the ack carries the message as stored. */
  'chat.send': Command<{ text: string }, { message: ChatMessage }>;
  /** The writer is typing; not acknowledged, at most a few a second are passed on. */
  'chat.typing': (typing: { typing: boolean }) => void;
  /** The writer ends the chat (also quick exit, best effort before the page leaves). */
  'chat.end': Command<Record<string, never>>;
}

/**
 * The console's view of a chat it holds (the volunteer's, or a supervisor's who joined), sent as
 * `chat.live` on accept, on join, on reconnect and whenever more than a message changes.
 */
export interface LiveChat {
  chatId: string;
  /** When the volunteer took it (ISO instant). */
  answeredAt: string;
  callerType: ChatWriter;
  topic: string;
  priority: 'normal' | 'crisis';
  language: ChatLanguage;
  messages: ChatMessage[];
  writerTyping: boolean;
  phase: ChatPhase;
  endReason: ChatEndReason | null;
  /** Who holds the chat: the volunteer, and supervisors who joined. */
  participants: { volunteerId: string; name: string; role: 'volunteer' | 'supervisor' }[];
  /** A crisis case opened from this chat, if any. */
  crisisCaseId: string | null;
  /**
   * Quick answers for the panel, the hotline's list in the chat's language (settings
   * `cannedReplies` and `secondLanguageCannedReplies`).
   */
  cannedReplies?: string[];
}

/** Someone on duty a chat may be passed to now: available, or chatting with a place free. */
export interface ChatColleague {
  id: string;
  name: string;
  role: 'volunteer' | 'supervisor';
}

/** Server → console, on `/console`, for the chats the console holds. */
export interface ConsoleChatServerEvents {
  'chat.live': (chat: LiveChat) => void;
  'chat.message': (message: { chatId: string; message: ChatMessage }) => void;
  'chat.typing': (typing: { chatId: string; typing: boolean }) => void;
  /** The console no longer holds the chat (ended, transferred away); wrap-up follows if it was theirs. */
  'chat.live.ended': (ended: { chatId: string; reason: ChatEndReason | 'transferred' }) => void;
}

/** Console → server, on `/console`. */
export interface ConsoleChatClientEvents {
  'chat.send': Command<{ chatId: string; text: string }, { message: ChatMessage }>;
  'chat.typing': (typing: { chatId: string; typing: boolean }) => void;
  /** The volunteer ends the chat; wrap-up follows as after a call. */
  'chat.end': Command<{ chatId: string }>;
  /** To an available colleague, or back to the queue (`to: 'queue'`). */
  'chat.transfer': Command<{ chatId: string; to: { volunteerId: string } | 'queue' }>;
  /** Its volunteer: the colleagues it may be passed to now (free for a chat), by name. */
  'chat.colleagues': Command<{ chatId: string }, { colleagues: ChatColleague[] }>;
  /** Opens a crisis case at once and alerts the supervisors, as `call.crisis`. */
  'chat.crisis': Command<{ chatId: string }, { crisisCaseId: string }>;
  /** Supervisors: read a live chat from the wall and join it (reads are audited). */
  'chat.join': Command<{ chatId: string }, { chat: LiveChat }>;
  /** A supervisor leaves a chat they joined (the volunteer keeps it). */
  'chat.leave': Command<{ chatId: string }>;
}

export * from './typing';
