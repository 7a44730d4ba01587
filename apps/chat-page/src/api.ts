/**
 * The public chat contract over HTTP (`/api/public/...`), as the page calls it: what the
 * hotline offers, opening a chat, leaving a message. Every call answers the body, or what went
 * wrong in a form the page can act on: the status, the server's sentence and, outside opening
 * hours, the hours to show. `fetch` and the base address come in, so the spec speaks to a small
 * local server of the same contract.
 */
import type { ChatClosed, ChatLeftMessage, ChatOpened, ChatRequest } from '@hotline/chat-protocol';
import type { ChatHotline } from './views';

export type Answer<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** null: the server did not answer. */
      status: number | null;
      /** The server's sentence (a 400's messages joined). */
      message: string | null;
      /** Outside opening hours (409): the hours and the way to leave a message. */
      closed: ChatClosed | null;
    };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

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

  leaveMessage(message: ChatLeftMessage): Promise<Answer<unknown>> {
    return this.call('POST', '/api/public/chat-messages', message);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, status: null, message: null, closed: null };
    }
    const parsed: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { ok: true, value: parsed as T };
    return { ok: false, status: response.status, ...refusal(parsed) };
  }
}

/** The parts of an error body the page uses; anything else is ignored. */
export function refusal(body: unknown): { message: string | null; closed: ChatClosed | null } {
  const shape = (body ?? {}) as { message?: unknown; error?: unknown; hours?: unknown };
  const messages = [shape.message]
    .flat()
    .filter((one): one is string => typeof one === 'string' && one.length > 0);
  const closed =
    shape.error === 'closed' && Array.isArray(shape.hours) ? closedOf(body as ChatClosed) : null;
  return { message: messages.length ? messages.join(' ') : null, closed };
}

/** Only well-formed hours are kept: the page must never fail on them. */
function closedOf(body: ChatClosed): ChatClosed {
  const hours = body.hours.filter(
    (one) =>
      !!one &&
      Number.isInteger(one.weekday) &&
      typeof one.opens === 'string' &&
      typeof one.closes === 'string',
  );
  const nextOpening = typeof body.nextOpening === 'string' ? body.nextOpening : null;
  return { error: 'closed', hours, nextOpening, leaveMessage: true };
}
