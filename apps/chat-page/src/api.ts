/**
 * The public chat contract over HTTP (`/api/public/...`), as the page calls it: what the
 * hotline offers, opening a chat, leaving a message. Every call answers the body, or what went
 * wrong in a form the page can act on: the status, the server's sentence, and why a chat was
 * not opened (closed, with the hours; busy; this device blocked), with the hotline's emergency
 * text. `fetch` and the base address come in, so the spec speaks to a small local server of the
 * same contract.
 */
import type {
  ChatClosed,
  ChatHotline,
  ChatLeftMessage,
  ChatMessageLeft,
  ChatOpened,
  ChatRequest,
} from '@hotline/chat-protocol';
import { type Fetch, requestJson } from '../../booking-page/src/request';

/** Why no chat was opened: outside the hours, the queue full, or this device blocked. */
export type NotOpened =
  | { why: 'closed'; closed: ChatClosed }
  | { why: 'busy'; emergency: string | null }
  | { why: 'blocked'; emergency: string | null };

export type Answer<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** null: the server did not answer. */
      status: number | null;
      /** The server's sentence (a 400's messages joined). */
      message: string | null;
      notOpened: NotOpened | null;
    };

export class ChatApi {
  constructor(
    private readonly fetcher: Fetch,
    private readonly base = '',
  ) {}

  hotline(): Promise<Answer<ChatHotline>> {
    return this.call('GET', '/api/public/hotline');
  }

  open(request: ChatRequest): Promise<Answer<ChatOpened>> {
    return this.call('POST', '/api/public/chats', request);
  }

  leaveMessage(message: ChatLeftMessage): Promise<Answer<ChatMessageLeft>> {
    return this.call('POST', '/api/public/chat-messages', message);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const reply = await requestJson(this.fetcher, `${this.base}${path}`, method, body);
    if (reply.status === null) return { ok: false, status: null, message: null, notOpened: null };
    if (reply.ok) return { ok: true, value: reply.body as T };
    return { ok: false, status: reply.status, ...refusal(reply.body) };
  }
}

/** The parts of an error body the page uses; anything else is ignored. */
export function refusal(body: unknown): { message: string | null; notOpened: NotOpened | null } {
  const shape = (body ?? {}) as Record<string, unknown>;
  const messages = [shape.message]
    .flat()
    .filter((one): one is string => typeof one === 'string' && one.length > 0);
  const emergency = typeof shape.emergency === 'string' ? shape.emergency : null;
  const notOpened: NotOpened | null =
    shape.error === 'closed' && Array.isArray(shape.hours)
      ? { why: 'closed', closed: closedOf(shape.hours, shape.nextOpening, emergency) }
      : shape.error === 'busy' || shape.error === 'blocked'
        ? { why: shape.error, emergency }
        : null;
  return { message: messages.length ? messages.join(' ') : null, notOpened };
}

/** Only well-formed hours are kept: the page must never fail on them. */
export function closedOf(
  hours: unknown[],
  nextOpening: unknown,
  emergency: string | null,
): ChatClosed {
  const wellFormed = hours.filter((one): one is ChatClosed['hours'][number] => {
    const hour = one as Partial<ChatClosed['hours'][number]> | null;
    return (
      !!hour &&
      Number.isInteger(hour.weekday) &&
      typeof hour.opens === 'string' &&
      typeof hour.closes === 'string'
    );
  });
  return {
    error: 'closed',
    hours: wellFormed,
    nextOpening: typeof nextOpening === 'string' ? nextOpening : null,
    leaveMessage: true,
    ...(emergency ? { emergency } : {}),
  };
}
