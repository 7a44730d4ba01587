import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatApi, refusal } from './api';

const HOURS = [{ weekday: 1, opens: '18:00', closes: '22:00' }];

/** A small stand-in of the chat contract: closed for teachers, a 400 for an unknown topic. */
function fakeContract(): {
  server: Server;
  seen: { method: string; url: string; body: unknown }[];
} {
  const seen: { method: string; url: string; body: unknown }[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
      const url = request.url ?? '';
      seen.push({ method: request.method ?? '', url, body });
      const send = (status: number, value?: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(value === undefined ? '' : JSON.stringify(value));
      };
      const route = `${request.method} ${url}`;
      if (route === 'POST /api/public/chats') {
        if (body?.topic === 'nothing')
          return send(400, { statusCode: 400, message: ['topic must be a menu topic'] });
        if (body?.callerType === 'teacher')
          return send(409, {
            error: 'closed',
            hours: [...HOURS, { weekday: 'x' }, null],
            nextOpening: '2026-11-24T10:00:00.000Z',
            leaveMessage: true,
            emergency: 'Call 110.',
          });
        if (body?.callerType === 'parent')
          return send(409, { error: 'busy', leaveMessage: true, emergency: 'Call 12356.' });
        if (body?.callerType === 'other') return send(403, { error: 'blocked' });
        return send(201, { chatId: 'c1', token: 'secret' });
      }
      if (route === 'POST /api/public/chat-messages') return send(429);
      return send(404, { statusCode: 404, message: 'Not found' });
    });
  });
  return { server, seen };
}

describe('the chat contract client', () => {
  let server: Server;
  let seen: ReturnType<typeof fakeContract>['seen'];
  let api: ChatApi;

  beforeAll(async () => {
    ({ server, seen } = fakeContract());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    api = new ChatApi((input, init) => fetch(input, init), `http://127.0.0.1:${port}`);
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

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
