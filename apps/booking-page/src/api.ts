/**
 * The public booking contract (`/api/public/...`), as the page calls it. Every call answers:
 * the body, or what went wrong in a form the page can act on (the status, the server's
 * sentence, the field messages of a 400, the free times a 409 offers). `fetch` and the base
 * address are passed in, so the unit specs speak to a small local server of the same contract.
 */
import type {
  Booked,
  Cancelled,
  BookingOptions,
  BookingRequest,
  ManagedBooking,
  Slot,
  SlotList,
  WaitlistOffer,
  WaitlistRequest,
  Waitlisted,
} from './views';
import { type Fetch, requestJson } from './request';

export type Answer<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** null: the server did not answer. */
      status: number | null;
      /** The server's sentence (a 400's messages joined). */
      message: string | null;
      /** A 400's messages one by one, for the fields. */
      messages: string[];
      /** A 409's free times nearest the one asked for. */
      alternatives: Slot[];
    };

export class BookingApi {
  constructor(
    private readonly fetcher: Fetch,
    private readonly base = '',
  ) {}

  options(): Promise<Answer<BookingOptions>> {
    return this.call('GET', '/api/public/booking-options');
  }

  slots(from: string, to: string, topic: string): Promise<Answer<SlotList>> {
    const query = new URLSearchParams({ from, to, topic });
    return this.call('GET', `/api/public/slots?${query}`);
  }

  book(body: BookingRequest): Promise<Answer<Booked>> {
    return this.call('POST', '/api/public/bookings', body);
  }

  booking(token: string): Promise<Answer<ManagedBooking>> {
    return this.call('GET', `/api/public/bookings/${encodeURIComponent(token)}`);
  }

  cancel(token: string): Promise<Answer<Cancelled>> {
    return this.call('DELETE', `/api/public/bookings/${encodeURIComponent(token)}`);
  }

  reschedule(token: string, start: string): Promise<Answer<Booked>> {
    return this.call('POST', `/api/public/bookings/${encodeURIComponent(token)}/reschedule`, {
      start,
    });
  }

  joinWaitlist(body: WaitlistRequest): Promise<Answer<Waitlisted>> {
    return this.call('POST', '/api/public/waitlist', body);
  }

  offer(token: string): Promise<Answer<WaitlistOffer>> {
    return this.call('GET', `/api/public/offers/${encodeURIComponent(token)}`);
  }

  acceptOffer(token: string): Promise<Answer<Booked>> {
    return this.call('POST', `/api/public/offers/${encodeURIComponent(token)}/accept`, {});
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const reply = await requestJson(this.fetcher, `${this.base}${path}`, method, body);
    if (reply.status === null)
      return { ok: false, status: null, message: null, messages: [], alternatives: [] };
    if (reply.ok) return { ok: true, value: reply.body as T };
    return { ok: false, status: reply.status, ...refusal(reply.body) };
  }
}

/** The parts of a NestJS error body the page uses; anything else is ignored. */
export function refusal(body: unknown): {
  message: string | null;
  messages: string[];
  alternatives: Slot[];
} {
  const shape = (body ?? {}) as { message?: unknown; alternatives?: unknown };
  const messages = Array.isArray(shape.message)
    ? shape.message.filter((one): one is string => typeof one === 'string')
    : typeof shape.message === 'string'
      ? [shape.message]
      : [];
  const alternatives = Array.isArray(shape.alternatives) ? shape.alternatives.filter(isSlot) : [];
  return { message: messages.length ? messages.join(' ') : null, messages, alternatives };
}

function isSlot(value: unknown): value is Slot {
  const slot = value as Partial<Slot> | null;
  return (
    !!slot &&
    typeof slot.start === 'string' &&
    typeof slot.localDate === 'string' &&
    typeof slot.localTime === 'string'
  );
}
