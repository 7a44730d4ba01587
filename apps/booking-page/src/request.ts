/**
 * One JSON request of a public page (the booking page, the chat page) to the hotline server:
 * the status and the parsed body (undefined when empty or not JSON), or status null when the
 * server did not answer. Each page's contract client makes its own answers of it.
 */

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type Reply = { status: number; ok: boolean; body: unknown } | { status: null };

export async function requestJson(
  fetcher: Fetch,
  url: string,
  method: string,
  body?: unknown,
): Promise<Reply> {
  let response: Response;
  try {
    response = await fetcher(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { status: null };
  }
  // An empty or non-JSON answer: nothing more to tell.
  const parsed: unknown = await response.json().catch(() => undefined);
  return { status: response.status, ok: response.ok, body: parsed };
}
