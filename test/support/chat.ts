import { io, Socket } from 'socket.io-client';
import type {
  ChatAck,
  ChatEndReason,
  ChatMessage,
  ChatOpened,
  ChatQueue,
  ChatRequest,
  ChatState,
  LiveChat,
  WriterClientEvents,
  WriterServerEvents,
} from '@hotline/chat-protocol';
import type { QueueSnapshot } from '@hotline/console-protocol';
import type { ConsoleClient, OpenConsole } from './console';
import { eventually } from './duty';
import type { RunningHotline } from './hotline-server';

export type WriterClient = Socket<WriterServerEvents, WriterClientEvents>;

/** A pupil writing about their feelings, as the chat page asks. */
export const PUPIL: ChatRequest = { callerType: 'pupil', topic: 'emotional', language: 'zh-CN' };

/** Opens a chat as the chat page does; fails the test unless it is created. */
export async function openChat(
  hotline: Pick<RunningHotline, 'http'>,
  request: Partial<ChatRequest> = {},
): Promise<ChatOpened> {
  const response = await hotline
    .http()
    .post('/api/public/chats')
    .send({ ...PUPIL, ...request });
  if (response.status !== 201)
    throw new Error(`the chat did not open: ${response.status} ${response.text}`);
  return response.body as ChatOpened;
}

/** The writer's page: its socket and everything it was told, in order. */
export interface OpenWriter {
  socket: WriterClient;
  state: ChatState;
  messages: ChatMessage[];
  queue: ChatQueue[];
  answered: string[];
  ended: { reason: ChatEndReason; at: string }[];
  typing: boolean[];
  send(text: string): Promise<ChatAck<{ message: ChatMessage }>>;
  end(): Promise<ChatAck<object>>;
  close(): void;
}

/** Connects the writer's page with the chat's token and waits for its `chat.state`. */
export async function connectWriter(
  hotline: Pick<RunningHotline, 'baseUrl'>,
  token: string,
): Promise<OpenWriter> {
  // A page of its own: its own connection, not one shared with a console's.
  const socket: WriterClient = io(`${hotline.baseUrl}/chat`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const writer = {
    socket,
    messages: [] as ChatMessage[],
    queue: [] as ChatQueue[],
    answered: [] as string[],
    ended: [] as { reason: ChatEndReason; at: string }[],
    typing: [] as boolean[],
    send: (text: string) =>
      new Promise<ChatAck<{ message: ChatMessage }>>((resolve) =>
        socket.emit('chat.send', { text }, resolve),
      ),
    end: () => new Promise<ChatAck<object>>((resolve) => socket.emit('chat.end', {}, resolve)),
    close: () => socket.close(),
  };
  socket.on('chat.message', (message) => writer.messages.push(message));
  socket.on('chat.queue', (queue) => writer.queue.push(queue));
  socket.on('chat.answered', ({ at }) => writer.answered.push(at));
  socket.on('chat.ended', (ended) => writer.ended.push(ended));
  socket.on('chat.typing', ({ typing }) => writer.typing.push(typing));
  const state = await new Promise<ChatState>((resolve, reject) => {
    socket.once('chat.state', resolve);
    socket.once('connect_error', reject);
  });
  return { ...writer, state };
}

/** Why a writer's connection was refused, or `connected`. */
export function writerRefusal(hotline: Pick<RunningHotline, 'baseUrl'>, auth: object) {
  const socket: WriterClient = io(`${hotline.baseUrl}/chat`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise<string>((resolve) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
    socket.once('chat.state', () => {
      socket.close();
      resolve('connected');
    });
  });
}

/** What a console holding chats was told: their panels, messages and ends, in order. */
export interface ChatDeskWatch {
  live: LiveChat[];
  messages: { chatId: string; message: ChatMessage }[];
  typing: { chatId: string; typing: boolean }[];
  ended: { chatId: string; reason: string }[];
}

export function watchChats(open: Pick<OpenConsole, 'socket'>): ChatDeskWatch {
  const watch: ChatDeskWatch = { live: [], messages: [], typing: [], ended: [] };
  open.socket.on('chat.live', (chat) => watch.live.push(chat));
  open.socket.on('chat.message', (message) => watch.messages.push(message));
  open.socket.on('chat.typing', (typing) => watch.typing.push(typing));
  open.socket.on('chat.live.ended', (ended) => watch.ended.push(ended));
  return watch;
}

/** A console command, awaited. */
export function command<T = object>(
  open: Pick<OpenConsole, 'socket'>,
  event: string,
  payload: object,
): Promise<ChatAck<T>> {
  return new Promise((resolve) =>
    (open.socket as unknown as Socket).emit(event, payload, (ack: ChatAck<T>) => resolve(ack)),
  );
}

/** Waits until `check` holds, polling the arrays a socket fills. */
export const until = <T>(check: () => T | undefined | false, what: string, timeoutMs = 5_000) =>
  eventually(async () => check() || undefined, what, timeoutMs) as Promise<T>;

/**
 * A console whose chats are watched from its first event (a reload's `chat.live` may come
 * before its snapshot), as the browser console listens before it connects.
 */
export async function openChatDesk(
  hotline: Pick<RunningHotline, 'baseUrl'>,
  token: string,
): Promise<OpenConsole & { chats: ChatDeskWatch }> {
  const socket = io(`${hotline.baseUrl}/console`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    autoConnect: false,
    forceNew: true,
  }) as ConsoleClient;
  const chats = watchChats({ socket });
  const frames: OpenConsole['frames'] = [];
  socket.on('queue.changes', (frame) => frames.push(frame));
  const snapshot = new Promise<QueueSnapshot>((resolve, reject) => {
    socket.once('queue.snapshot', resolve);
    socket.once('connect_error', reject);
  });
  socket.connect();
  return {
    socket,
    snapshot: await snapshot,
    frames,
    changes: () => frames.flatMap((frame) => frame.changes),
    close: () => socket.close(),
    chats,
  };
}
