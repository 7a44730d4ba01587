#!/usr/bin/env node
/**
 * Booking race bench: a fresh MariaDB database, a centre with 10 sessions (two experts, two
 * rooms, five times), and 500 parents posting a booking at the same moment. Prints how many
 * got one (must be 10), how many were refused with alternatives (409), p50/p99 latency, and
 * the same burst against GET /health of the same server and against a bare Node http server,
 * with the ratios. Also checks the database holds exactly 10 active bookings.
 *
 *   node bench/booking-race/run.js [--dist dist] [--requests 500] [--rounds 3]
 * MariaDB at TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test).
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { Agent, request } = require('node:http');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createConnection } = require('mysql2/promise');
const {
  DIST,
  HOTLINE_MAIN,
  ADMIN,
  arg,
  createMysqlDatabase,
  freePort,
  hotlineEnv,
  percentile,
  startProcess,
  stopProcess,
} = require('../hotline-process');

const REQUESTS = arg('requests', 500);
const ROUNDS = arg('rounds', 3);
// The bench clock starts Monday 23 November 2026, 19:00 in Shanghai; Wednesday is bookable.
const DAY = '2026-11-25';
const WEEKDAY = 3;

/** One HTTP request; resolves with the status, the body and how long it took. */
function send(agent, port, method, path, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () =>
          done({
            status: res.statusCode,
            body: data,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

/** Fires `count` requests at once; latency per request, from sending to the whole answer. */
async function burst(port, count, make) {
  // A connection each, as 500 parents' browsers would open (localhost handshakes are cheap).
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => make(agent, i)));
  agent.destroy();
  const ms = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  return { answers, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** JSON calls as a signed-in admin. */
function adminClient(port, token) {
  return (method, path, body) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          let data = '';
          res.on('data', (chunk) => (data += chunk));
          res.on('end', () => {
            if (res.statusCode >= 300)
              fail(new Error(`${method} ${path}: ${res.statusCode} ${data}`));
            else done(data ? JSON.parse(data) : null);
          });
        },
      );
      req.on('error', fail);
      req.end(payload);
    });
  };
}

/** Two experts and two rooms on Wednesdays 14:00-19:00: five times, ten sessions. */
async function setUpCentre(port) {
  const login = await send(undefined, port, 'POST', '/api/auth/login', ADMIN);
  const as = adminClient(port, JSON.parse(login.body).accessToken);
  for (const name of ['咨询室 1', '咨询室 2']) await as('POST', '/api/rooms', { name });
  for (let i = 0; i < 2; i++) {
    const expert = await as('POST', '/api/volunteers', {
      name: `Expert ${i}`,
      email: `expert${i}-${randomBytes(3).toString('hex')}@hotline.bench`,
      password: 'bench-password-1',
      expertKind: 'counsellor',
      roles: ['volunteer'],
    });
    await as('POST', '/api/availability', {
      volunteerId: expert.id,
      weekday: WEEKDAY,
      startTime: '14:00',
      endTime: '19:00',
    });
    // Thursdays too, so refused parents get alternatives.
    await as('POST', '/api/availability', {
      volunteerId: expert.id,
      weekday: WEEKDAY + 1,
      startTime: '14:00',
      endTime: '19:00',
    });
  }
  const slots = JSON.parse(
    (await send(undefined, port, 'GET', `/api/public/slots?from=${DAY}&to=${DAY}`)).body,
  ).slots;
  return slots.map((slot) => slot.start);
}

/** The number a one-value query answers in the bench's database. */
async function countIn(database, sql) {
  const connection = await createConnection({ uri: database.url });
  const [[row]] = await connection.query(sql);
  await connection.end();
  return Number(Object.values(row)[0]);
}

const BARE = `
const { createServer } = require('node:http');
createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (body) JSON.parse(body);
    res.writeHead(req.url === '/health' ? 200 : 409, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statusCode: 409, message: 'taken', alternatives: [] }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function bare(count) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', BARE], {
    env: { PATH: process.env.PATH, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const ok = await send(undefined, port, 'GET', '/health').then(
        () => true,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return await burst(port, count, (agent) =>
      send(agent, port, 'POST', '/api/public/bookings', { start: 'x' }),
    );
  } finally {
    await stopProcess(child);
  }
}

async function round(number) {
  const database = await createMysqlDatabase('hotline_bench');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-bench-'));
  const server = await startProcess(
    HOTLINE_MAIN,
    {
      ...hotlineEnv({ port, databaseUrl: database.url, dataDir }),
      BOOKING_RATE_LIMIT: '1000000',
    },
    `http://127.0.0.1:${port}/health`,
  );
  try {
    const times = await setUpCentre(port);
    if (times.length !== 5) throw new Error(`expected 5 free times, got ${times.length}`);
    const race = await burst(port, REQUESTS, (agent, i) =>
      send(agent, port, 'POST', '/api/public/bookings', {
        start: times[i % times.length],
        topic: 'learning',
        parentName: `家长 ${i}`,
        phone: `139${String(10_000_000 + i).slice(-8)}`,
        childAgeBand: '12_14',
        consent: true,
        language: 'zh-CN',
      }),
    );
    const health = await burst(port, REQUESTS, (agent) => send(agent, port, 'GET', '/health'));
    const created = race.answers.filter((a) => a.status === 201).length;
    const refused = race.answers.filter((a) => a.status === 409);
    const withAlternatives = refused.filter((a) => JSON.parse(a.body).alternatives?.length > 0);
    const other = race.answers.filter((a) => a.status !== 201 && a.status !== 409);
    const active = await countIn(database, "SELECT COUNT(*) FROM booking WHERE status = 'booked'");
    return {
      number,
      version: database.version,
      created,
      refused: refused.length,
      withAlternatives: withAlternatives.length,
      other: other.map((a) => a.status),
      active,
      p50: race.p50,
      p99: race.p99,
      healthP50: health.p50,
      healthP99: health.p99,
    };
  } finally {
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

async function main() {
  console.log(`Booking race: ${REQUESTS} concurrent POST /api/public/bookings for 10 sessions`);
  console.log(`server build: ${DIST}\n`);
  const rounds = [];
  for (let i = 1; i <= ROUNDS; i++) rounds.push(await round(i));
  const baseline = await bare(REQUESTS);
  const f = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`database: ${rounds[0].version}`);
  for (const r of rounds) {
    console.log(
      `round ${r.number}: 201 × ${r.created}, 409 × ${r.refused} (${r.withAlternatives} with alternatives), other ${JSON.stringify(r.other)}, active bookings in the database ${r.active}`,
    );
    console.log(
      `  booking p50 ${f(r.p50)}, p99 ${f(r.p99)} | same server GET /health p50 ${f(r.healthP50)}, p99 ${f(r.healthP99)} | bare Node p50 ${f(baseline.p50)}, p99 ${f(baseline.p99)}`,
    );
    console.log(
      `  p99 ratio: booking / health ${(r.p99 / r.healthP99).toFixed(1)}×, booking / bare ${(r.p99 / baseline.p99).toFixed(1)}×`,
    );
  }
  const ok = rounds.every((r) => r.created === 10 && r.active === 10 && r.other.length === 0);
  console.log(`\n${ok ? 'OK' : 'FAILED'}: exactly 10 bookings per round. Target p99 < 100 ms.`);
  if (!ok) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
