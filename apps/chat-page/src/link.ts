/**
 * The chat's socket (`/chat`, `auth: { token }`): every server event becomes a `ChatEvent` for
 * the conversation (`conversation.ts`), and the writer's messages are sent with an answer
 * awaited, refused or timed out. socket.io reconnects a dropped connection by itself, and the
 * server sends the whole chat again on each connect; a token the server refuses means the chat
 * is gone.
 */
import { io, type Socket } from 'socket.io-client';
import {
  CHAT_NAMESPACE,
  type ChatError,
  type WriterClientEvents,
  type WriterServerEvents,
} from '@hotline/chat-protocol';
import type { ChatEvent } from './conversation';

type WriterSocket = Socket<WriterServerEvents, WriterClientEvents>;

/** How long a message may wait for the server's answer before it counts as not sent. */
const ACK_TIMEOUT_MS = 10_000;
/** After a refused handshake, the waits before asking again; refused once more, the chat is gone. */
const REFUSED_RETRIES_MS = [2_000, 5_000];

export class ChatLink {
  private readonly socket: WriterSocket;
  private sent = 0;
  /** Refused handshakes in a row. */
  private refusals = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    token: string,
    private readonly tell: (event: ChatEvent) => void,
  ) {
    this.socket = io(CHAT_NAMESPACE, { auth: { token }, autoConnect: false });
    const socket = this.socket;
    socket.on('connect', () => {
      this.refusals = 0;
      tell({ type: 'link', link: 'connected' });
    });
    socket.on('disconnect', (reason) => {
      // The server closing us is not retried by socket.io; a network drop is.
      if (reason === 'io server disconnect') socket.connect();
      if (reason !== 'io client disconnect') tell({ type: 'link', link: 'reconnecting' });
    });
    socket.on('connect_error', () => {
      if (socket.active) {
        tell({ type: 'link', link: 'reconnecting' });
        return;
      }
      // Refused by the server, which socket.io does not retry: the token is unknown, or the
      // chat reconnected too often. Asked again a little later, then taken as gone.
      const wait = REFUSED_RETRIES_MS[this.refusals];
      this.refusals += 1;
      if (wait === undefined) {
        tell({ type: 'link', link: 'gone' });
        return;
      }
      tell({ type: 'link', link: 'reconnecting' });
      this.retry = setTimeout(() => socket.connect(), wait);
    });
    socket.on('chat.state', (state) => tell({ type: 'state', state }));
    socket.on('chat.message', (message) => tell({ type: 'message', message }));
    socket.on('chat.queue', (queue) => tell({ type: 'queue', queue }));
    socket.on('chat.answered', () => tell({ type: 'answered' }));
    socket.on('chat.typing', ({ typing }) => tell({ type: 'typing', typing }));
    socket.on('chat.ended', ({ reason }) => tell({ type: 'ended', reason }));
    socket.connect();
  }

  /** Sends (or sends again) a message; the conversation learns whether it was stored. */
  async send(text: string, localId = `local-${(this.sent += 1)}`): Promise<void> {
    this.tell({ type: 'sending', localId, text });
    try {
      const answer = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat.send', { text });
      this.tell(
        answer.ok
          ? { type: 'sent', localId, message: answer.message }
          : { type: 'refused', localId, problem: knownError(answer.error) },
      );
    } catch {
      this.tell({ type: 'refused', localId, problem: 'no_answer' });
    }
  }

  typing(typing: boolean): void {
    // Volatile: a typing signal that cannot go now is worth nothing later.
    if (this.socket.connected) this.socket.volatile.emit('chat.typing', { typing });
  }

  /** The writer ends the chat; true once the server has it (its `chat.ended` follows). */
  async end(): Promise<boolean> {
    try {
      const answer = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat.end', {});
      return answer.ok || answer.error === 'ended';
    } catch {
      return false;
    }
  }

  /** Quick exit: the end is sent without waiting, the page is leaving. */
  endNow(): void {
    if (this.socket.connected) this.socket.emit('chat.end', {}, () => undefined);
  }

  close(): void {
    clearTimeout(this.retry);
    this.socket.disconnect();
  }
}

const ERRORS: readonly ChatError[] = [
  'too_long',
  'empty',
  'rate_limited',
  'ended',
  'not_yours',
  'invalid',
  'forbidden',
  'unavailable',
];

function knownError(error: string): ChatError {
  return (ERRORS as readonly string[]).includes(error) ? (error as ChatError) : 'invalid';
}
