import { request as httpRequest } from 'node:http';
import { ManualClock } from '@hotline/clock';
import { RunningHotline, startHotline } from './support/hotline-server';
import { addPerson } from './support/people';

// Monday 23 November 2026, 10:00 in Shanghai.
const START = '2026-11-23T10:00:00+08:00';

const family = (start: string, index: number) => ({
  start,
  topic: 'learning',
  parentName: `家长 ${index}`,
  phone: `139${String(10_000_000 + index).slice(-8)}`,
  childAgeBand: '12_14',
  consent: true,
  language: 'zh-CN',
});

/** Posts JSON from a chosen local address, so a test can be two clients at once. */
function postFrom(
  baseUrl: string,
  path: string,
  body: unknown,
  localAddress: string,
  forwardedFor?: string,
): Promise<{ status: number; body: { message?: unknown; alternatives?: unknown[] } }> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(data || '{}') }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Two experts and two rooms on Tuesdays 14:00-19:00: five times, ten sessions in all. */
async function centreWithTenSessions(hotline: RunningHotline): Promise<string[]> {
  const coordinator = await addPerson(hotline, { roles: ['coordinator'] });
  const as = hotline.as(coordinator.token);
  for (const name of ['咨询室 1', '咨询室 2'])
    await as.post('/api/rooms').send({ name }).expect(201);
  for (let expert = 0; expert < 2; expert++) {
    const { id } = await addPerson(hotline);
    await as
      .post('/api/availability')
      .send({ volunteerId: id, weekday: 2, startTime: '14:00', endTime: '19:00' })
      .expect(201);
    // A Thursday too, never asked for: the refused requests get it as alternatives.
    await as
      .post('/api/availability')
      .send({ volunteerId: id, weekday: 4, startTime: '14:00', endTime: '15:00' })
      .expect(201);
  }
  const { body } = await hotline
    .http()
    .get('/api/public/slots?from=2026-11-24&to=2026-11-24')
    .expect(200);
  return body.slots.map((slot: { start: string }) => slot.start);
}

describe('booking races', () => {
  let hotline: RunningHotline;

  beforeAll(async () => {
    hotline = await startHotline({ BOOKING_RATE_LIMIT: '100000' }, undefined, {
      clock: new ManualClock(START),
    });
  });
  afterAll(() => hotline.stop());

  it('gives 500 parents asking at once for 10 sessions exactly 10 bookings, and alternatives to the rest', async () => {
    const times = await centreWithTenSessions(hotline);
    expect(times).toHaveLength(5);
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, index) =>
        postFrom(
          hotline.baseUrl,
          '/api/public/bookings',
          family(times[index % 5], index),
          '127.0.0.1',
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(490);
    // A refusal lists the times free when it was answered: while the race runs, that may be
    // another time of the same Tuesday, but never the full time asked for, and only real times.
    const offered = new Set(times);
    answers.forEach((answer, index) => {
      if (answer.status !== 409) return;
      const alternatives = answer.body.alternatives as { start: string; localDate: string }[];
      expect(alternatives.length).toBeGreaterThan(0);
      for (const slot of alternatives) {
        expect(slot.start).not.toBe(times[index % 5]);
        if (slot.localDate === '2026-11-24') expect(offered.has(slot.start)).toBe(true);
        // Else a Tuesday or a Thursday of the experts' weeks.
        else expect([2, 4]).toContain(new Date(`${slot.localDate}T12:00:00Z`).getUTCDay());
      }
    });

    const active = await hotline.database.query<{
      expert_id: string;
      room_id: string;
      starts_at: unknown;
    }>("SELECT expert_id, room_id, starts_at FROM booking WHERE status = 'booked'");
    expect(active).toHaveLength(10);
    // Each time twice: once per expert and once per room, never one of them twice.
    for (const key of ['expert_id', 'room_id'] as const)
      expect(new Set(active.map((row) => `${row[key]} ${String(row.starts_at)}`)).size).toBe(10);
    const claims = await hotline.database.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM booking_claim',
    );
    // 10 bookings × (expert + room) × 12 five-minute steps of a 50 + 10 minute session.
    expect(Number(claims[0].n)).toBe(240);
    const { body } = await hotline
      .http()
      .get('/api/public/slots?from=2026-11-24&to=2026-11-24')
      .expect(200);
    expect(body.slots).toEqual([]);
    // Correctness, not speed, is asserted here: bench/booking-race measures the time.
  }, 300_000);
});

describe('the public routes’ request budget', () => {
  let hotline: RunningHotline;

  beforeAll(async () => {
    hotline = await startHotline({ BOOKING_RATE_LIMIT: '5' }, undefined, {
      clock: new ManualClock(START),
    });
  });
  afterAll(() => hotline.stop());

  it('answers 429 past the limit, per client address', async () => {
    const ask = (from: string) =>
      postFrom(hotline.baseUrl, '/api/public/waitlist', { date: '2026-11-24' }, from);
    for (let i = 0; i < 5; i++) expect((await ask('127.0.0.1')).status).toBe(400);
    const refused = await ask('127.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/wait a minute/);
    // Another address has its own budget.
    expect((await ask('127.0.0.2')).status).toBe(400);
    // Signed-in staff routes are not counted.
    await hotline.http().get('/health').expect(200);
  });
});

describe('the public routes behind a proxy', () => {
  const ask = (hotline: RunningHotline, client: string) =>
    postFrom(hotline.baseUrl, '/api/public/waitlist', { date: '2026-11-24' }, '127.0.0.1', client);

  it('counts each forwarded client on its own when the proxy is trusted', async () => {
    const hotline = await startHotline(
      { BOOKING_RATE_LIMIT: '2', TRUST_PROXY: 'loopback' },
      undefined,
      { clock: new ManualClock(START) },
    );
    try {
      for (let i = 0; i < 2; i++) expect((await ask(hotline, '203.0.113.7')).status).toBe(400);
      expect((await ask(hotline, '203.0.113.7')).status).toBe(429);
      expect((await ask(hotline, '203.0.113.8')).status).toBe(400);
    } finally {
      await hotline.stop();
    }
  });

  it('ignores the header from anyone not named as a proxy', async () => {
    const hotline = await startHotline({ BOOKING_RATE_LIMIT: '2' }, undefined, {
      clock: new ManualClock(START),
    });
    try {
      // A client cannot buy a fresh budget by making up addresses.
      expect((await ask(hotline, '203.0.113.1')).status).toBe(400);
      expect((await ask(hotline, '203.0.113.2')).status).toBe(400);
      expect((await ask(hotline, '203.0.113.3')).status).toBe(429);
    } finally {
      await hotline.stop();
    }
  });
});
