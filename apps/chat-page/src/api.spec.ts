import { ChatApi, refusal } from './api';

const HOURS = [{ weekday: 1, opens: '18:00', closes: '22:00' }];

/**
 * A stand-in of the chat contract, as `fetch` answers: closed for teachers, busy for parents,
 * blocked for "other", a 400 for an unknown topic. (The HTTP itself is the shared
 * `requestJson`, whose spec is the booking page's contract client's.)
 */
function fakeContract() {
  const seen: { method: string; url: string; body: unknown }[] = [];
  const answer = (status: number, value?: unknown) =>
    new Response(value === undefined ? null : JSON.stringify(value), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  const fetcher = async (url: string, init?: RequestInit): Promise<Response> => {
    const body = init?.body
      ? (JSON.parse(String(init.body)) as Record<string, unknown>)
      : undefined;
    seen.push({ method: init?.method ?? 'GET', url, body });
    if (url !== '/api/public/chats') return answer(url.endsWith('chat-messages') ? 429 : 404);
    if (body?.topic === 'nothing')
      return answer(400, { statusCode: 400, message: ['topic must be a menu topic'] });
    if (body?.callerType === 'teacher')
      return answer(409, {
        error: 'closed',
        hours: [...HOURS, { weekday: 'x' }, null],
        nextOpening: '2026-11-24T10:00:00.000Z',
        leaveMessage: true,
        emergency: 'Call 110.',
      });
    if (body?.callerType === 'parent')
      return answer(409, { error: 'busy', leaveMessage: true, emergency: 'Call 12356.' });
    if (body?.callerType === 'other') return answer(403, { error: 'blocked' });
    return answer(201, { chatId: 'c1', token: 'secret' });
  };
  return { api: new ChatApi(fetcher), seen };
}

describe('the chat contract client', () => {
  const { api, seen } = fakeContract();
  const request = { callerType: 'pupil', topic: 'learning', language: 'zh-CN' } as const;

  it('opens a chat and gets its resume token', async () => {
    await expect(api.open(request)).resolves.toEqual({
      ok: true,
      value: { chatId: 'c1', token: 'secret' },
    });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/api/public/chats', body: request });
  });

  it('reads the hours of a closed hotline, keeping only well-formed ones', async () => {
    await expect(api.open({ ...request, callerType: 'teacher' })).resolves.toEqual({
      ok: false,
      status: 409,
      message: null,
      notOpened: {
        why: 'closed',
        closed: {
          error: 'closed',
          hours: HOURS,
          nextOpening: '2026-11-24T10:00:00.000Z',
          leaveMessage: true,
          emergency: 'Call 110.',
        },
      },
    });
  });

  it('tells a full queue and a blocked device apart, with the emergency text when given', async () => {
    await expect(api.open({ ...request, callerType: 'parent' })).resolves.toMatchObject({
      status: 409,
      notOpened: { why: 'busy', emergency: 'Call 12356.' },
    });
    await expect(api.open({ ...request, callerType: 'other' })).resolves.toMatchObject({
      status: 403,
      notOpened: { why: 'blocked', emergency: null },
    });
  });

  it('passes on a 400’s sentences and a 429 without a body', async () => {
    await expect(api.open({ ...request, topic: 'nothing' })).resolves.toMatchObject({
      ok: false,
      status: 400,
      message: 'topic must be a menu topic',
      notOpened: null,
    });
    await expect(
      api.leaveMessage({ callerType: 'pupil', topic: 'other', language: 'en', text: 'hi' }),
    ).resolves.toEqual({ ok: false, status: 429, message: null, notOpened: null });
  });

  it('answers status null when nothing answers', async () => {
    const offline = new ChatApi(() => Promise.reject(new TypeError('offline')));
    await expect(offline.hotline()).resolves.toEqual({
      ok: false,
      status: null,
      message: null,
      notOpened: null,
    });
  });

  it('reads an error body that is none of those as a sentence only', () => {
    expect(refusal({ error: 'closed' })).toEqual({ message: null, notOpened: null });
    expect(refusal(null)).toEqual({ message: null, notOpened: null });
    expect(refusal({ message: 'Too long' })).toEqual({ message: 'Too long', notOpened: null });
  });
});
