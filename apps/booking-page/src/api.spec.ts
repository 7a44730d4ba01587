import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BookingApi, refusal } from './api';
import type { Slot } from './views';

const FREE: Slot[] = [
  {
    start: '2026-11-24T06:00:00.000Z',
    end: '2026-11-24T06:50:00.000Z',
    localDate: '2026-11-24',
    localTime: '14:00',
  },
  {
    start: '2026-11-24T07:00:00.000Z',
    end: '2026-11-24T07:50:00.000Z',
    localDate: '2026-11-24',
    localTime: '15:00',
  },
];

/** A small stand-in of the booking contract: one taken time, one valid manage token. */
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
      const send = (status: number, value: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      const route = `${request.method} ${url.split('?')[0]}`;
      if (route === 'GET /api/public/slots')
        return send(200, { timeZone: 'Asia/Shanghai', slots: FREE });
      if (route === 'POST /api/public/bookings') {
        if (!body?.parentName)
          return send(400, {
            statusCode: 400,
            message: ['parentName should not be empty'],
            error: 'Bad Request',
          });
        if (body.start === 'taken')
          return send(409, {
            statusCode: 409,
            message: 'That time was just taken.',
            alternatives: FREE,
          });
        return send(201, { reference: 'B-7Q2K', status: 'booked', ...FREE[0], manageToken: 'm1' });
      }
      if (route === 'GET /api/public/bookings/m1')
        return send(200, { reference: 'B-7Q2K', status: 'booked', canChange: true });
      if (route === 'DELETE /api/public/bookings/late')
        return send(409, {
          statusCode: 409,
          message: 'Please call the hotline at +8657112355.',
          error: 'Conflict',
        });
      if (route === 'POST /api/public/waitlist') return send(429, { statusCode: 429 });
      return send(404, { statusCode: 404, message: 'This link is no longer valid.' });
    });
  });
  return { server, seen };
}

describe('the booking contract client', () => {
  let server: Server;
  let seen: ReturnType<typeof fakeContract>['seen'];
  let api: BookingApi;

  beforeAll(async () => {
    ({ server, seen } = fakeContract());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    api = new BookingApi((input, init) => fetch(input, init), `http://127.0.0.1:${port}`);
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('asks for the free times of a topic and a range of days', async () => {
    const answer = await api.slots('2026-11-23', '2026-12-06', 'learning');
    expect(answer).toEqual({ ok: true, value: { timeZone: 'Asia/Shanghai', slots: FREE } });
    expect(seen.at(-1)?.url).toBe('/api/public/slots?from=2026-11-23&to=2026-12-06&topic=learning');
  });

  it('books, and tells a 400’s field messages and a 409’s alternatives apart', async () => {
    const body = {
      start: FREE[0].start,
      topic: 'learning',
      parentName: '王芳',
      phone: '13912345678',
      childAgeBand: '12_14',
      consent: true as const,
      language: 'zh-CN' as const,
    };
    const booked = await api.book(body);
    expect(booked.ok && booked.value.reference).toBe('B-7Q2K');
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/api/public/bookings', body });

    const refused = await api.book({ ...body, parentName: '' });
    expect(refused).toMatchObject({
      ok: false,
      status: 400,
      messages: ['parentName should not be empty'],
    });
    const taken = await api.book({ ...body, start: 'taken' });
    expect(taken).toMatchObject({ ok: false, status: 409, alternatives: FREE });
  });

  it('reads a manage link, and says 404 for one that is no longer valid', async () => {
    const found = await api.booking('m1');
    expect(found.ok && found.value.canChange).toBe(true);
    await expect(api.booking('old token')).resolves.toMatchObject({ ok: false, status: 404 });
    expect(seen.at(-1)?.url).toBe('/api/public/bookings/old%20token');
  });

  it('passes on the server’s sentence of a refused cancel and a 429 without a body', async () => {
    await expect(api.cancel('late')).resolves.toMatchObject({
      ok: false,
      status: 409,
      message: 'Please call the hotline at +8657112355.',
    });
    await expect(
      api.joinWaitlist({
        date: '2026-11-25',
        topic: 'learning',
        parentName: 'A',
        phone: '1',
        consent: true,
        language: 'en',
      }),
    ).resolves.toMatchObject({ ok: false, status: 429, message: null });
  });

  it('answers status null when nothing answers', async () => {
    const offline = new BookingApi(() => Promise.reject(new TypeError('offline')));
    await expect(offline.options()).resolves.toEqual({
      ok: false,
      status: null,
      message: null,
      messages: [],
      alternatives: [],
    });
  });

  it('keeps only well-formed alternatives', () => {
    expect(refusal({ message: 'x', alternatives: [FREE[0], { start: 1 }, null] })).toEqual({
      message: 'x',
      messages: ['x'],
      alternatives: [FREE[0]],
    });
  });
});
