/** The booking API as the console calls it (same origin, the volunteer's bearer token). */
import {
  type BookingOptions,
  type Booked,
  type FreeSlot,
  type StaffBooking,
  alternativesOf,
} from './booking';

export type BookingAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; status: number | null; message: string | null; alternatives: FreeSlot[] };

async function call<T>(
  path: string,
  options: { accessToken?: string; method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<BookingAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(options.accessToken ? { Authorization: `Bearer ${options.accessToken}` } : {}),
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, status: null, message: null, alternatives: [] };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // No JSON body.
  }
  if (response.ok) return { ok: true, value: body as T };
  const message = (body as { message?: unknown } | null)?.message;
  return {
    ok: false,
    status: response.status,
    message: Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : null,
    alternatives: alternativesOf(body),
  };
}

/** The hotline's topics, age bands, zone and address (`GET /api/public/booking-options`). */
export const loadBookingOptions = (signal?: AbortSignal) =>
  call<BookingOptions>('/api/public/booking-options', { signal });

/** Free times of a topic (`GET /api/public/slots`). */
export const loadFreeSlots = (from: string, to: string, topic: string, signal?: AbortSignal) =>
  call<{ timeZone: string; slots: FreeSlot[] }>(
    `/api/public/slots?${new URLSearchParams({ from, to, topic })}`,
    { signal },
  );

/** Books the caller of a call (`POST /api/bookings`); 409 with alternatives when taken. */
export const bookForCaller = (accessToken: string, body: Record<string, unknown>) =>
  call<Booked>('/api/bookings', { accessToken, method: 'POST', body });

/** The bookings of a local day (`GET /api/bookings?date=`). */
export const loadBookingsOfDay = (accessToken: string, date: string, signal?: AbortSignal) =>
  call<StaffBooking[]>(`/api/bookings?${new URLSearchParams({ date })}`, { accessToken, signal });

/** Records whether the family came (`POST /api/bookings/:id/attendance`). */
export const recordAttendance = (accessToken: string, id: string, attended: boolean) =>
  call<StaffBooking>(`/api/bookings/${encodeURIComponent(id)}/attendance`, {
    accessToken,
    method: 'POST',
    body: { attended },
  });
