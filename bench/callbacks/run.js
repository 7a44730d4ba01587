#!/usr/bin/env node
/**
 * Call-back desk bench: the supervisors' list over a year of call-back requests, page after
 * page, against its first page measured in the same run (the list must not slow down as one
 * pages through a year), and the page's SQL by keyset against the same page by OFFSET.
 *
 *   npm run build && node bench/callbacks/run.js [--requests 20000] [--page 50] [--runs 20]
 *
 * The built server runs as its own process on a temporary SQLite file (what a city runs); the
 * requests and their calls are written straight into that file, spread over the year before
 * the server's clock, most of them done, one in ten still open.
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const Database = require('better-sqlite3');
const {
  ADMIN,
  HOTLINE_MAIN,
  arg,
  freePort,
  hotlineEnv,
  percentile,
  startProcess,
  stopProcess,
} = require('../hotline-process');

const REQUESTS = arg('requests', 20_000);
const PAGE = arg('page', 50);
const RUNS = arg('runs', 20);
const YEAR_MS = 365 * 24 * 3600_000;
/** The bench server's clock (see hotlineEnv): the requests fall in the year before it. */
const NOW = Date.parse('2026-11-23T11:00:00Z');

let base = '';
const api = async (token, method, path, body) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return response.status === 204 ? undefined : response.json();
};
const signIn = async (email, password) =>
  (
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }).then((response) => response.json())
  ).accessToken;

/** SQLite's datetime text, as the server writes instants. */
const sqliteTime = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** A year of requests, each with the call that left it, written in one transaction. */
function writeYear(file, hotlineId) {
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  const call = db.prepare(
    `INSERT INTO phone_call (id, hotline_id, call_sid, priority, status, outcome, offer_count,
       arrived_at, updated_at) VALUES (?, ?, ?, 'normal', 'ended', 'closed_hours', 0, ?, ?)`,
  );
  const request = db.prepare(
    `INSERT INTO callback_request (id, hotline_id, call_id, caller_number_encrypted, caller_hash,
       reason, requested_at, for_date, done_at, result, source, attempt_count)
     VALUES (?, ?, ?, NULL, NULL, 'closed_hours', ?, ?, ?, ?, 'phone', ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < REQUESTS; i++) {
      const at = NOW - Math.floor(((i + 0.5) / REQUESTS) * YEAR_MS);
      const callId = randomUUID();
      call.run(callId, hotlineId, `CA${callId.replace(/-/g, '')}`, sqliteTime(at), sqliteTime(at));
      const open = i % 10 === 0;
      request.run(
        randomUUID(),
        hotlineId,
        callId,
        sqliteTime(at),
        new Date(at + 86_400_000).toISOString().slice(0, 10),
        open ? null : sqliteTime(at + 86_400_000),
        open ? null : 'reached',
        open ? 0 : 1,
      );
    }
  })();
  return db;
}

const ms = (value) => `${value.toFixed(1)} ms`;
const sorted = (values) => [...values].sort((a, b) => a - b);
const time = async (work) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'callbacks-bench-'));
  const file = join(dataDir, 'bench.sqlite');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    HOTLINE_MAIN,
    hotlineEnv({ port, databaseUrl: `sqlite:${file}`, dataDir }),
    `${base}/health`,
  );
  let db;
  try {
    const admin = await signIn(ADMIN.email, ADMIN.password);
    const [hotline] = await api(admin, 'GET', '/api/hotlines');
    const supervisor = {
      email: `supervisor-${Date.now()}@hotline.bench`,
      password: 'bench-password-2',
    };
    await api(admin, 'POST', '/api/volunteers', {
      name: 'Bench Supervisor',
      ...supervisor,
      expertKind: 'counsellor',
      roles: ['supervisor'],
    });
    const token = await signIn(supervisor.email, supervisor.password);
    db = writeYear(file, hotline.id);

    // Every page of the year, newest first, through the API, following the cursors.
    const pageTimes = [];
    let cursor = null;
    do {
      const path = `/api/callback-requests?status=all&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
      let page;
      pageTimes.push(await time(async () => (page = await api(token, 'GET', path))));
      cursor = page.nextCursor;
    } while (cursor);
    const firstPages = [];
    const lastPages = [];
    const lastCursor = (() => {
      const row = db
        .prepare(
          `SELECT requested_at, id FROM callback_request ORDER BY requested_at DESC, id DESC
           LIMIT 1 OFFSET ?`,
        )
        .get(REQUESTS - PAGE - 1);
      return `${Date.parse(`${row.requested_at.replace(' ', 'T')}Z`)}_${row.id}`;
    })();
    for (let run = 0; run < RUNS; run++) {
      firstPages.push(
        await time(() => api(token, 'GET', `/api/callback-requests?status=all&limit=${PAGE}`)),
      );
      lastPages.push(
        await time(() =>
          api(token, 'GET', `/api/callback-requests?status=all&limit=${PAGE}&cursor=${lastCursor}`),
        ),
      );
    }
    const overdue = [];
    for (let run = 0; run < RUNS; run++)
      overdue.push(await time(() => api(token, 'GET', '/api/callback-requests?overdue=true')));

    // The last page's SQL: by keyset (the list's) and by OFFSET (the baseline).
    const [at, id] = [lastCursor.split('_')[0], lastCursor.split('_')[1]];
    const keyset = db.prepare(
      `SELECT * FROM callback_request WHERE hotline_id = ? AND requested_at <= ? AND
        (requested_at < ? OR id < ?) ORDER BY requested_at DESC, id DESC LIMIT ?`,
    );
    const offset = db.prepare(
      `SELECT * FROM callback_request WHERE hotline_id = ? ORDER BY requested_at DESC, id DESC
       LIMIT ? OFFSET ?`,
    );
    const sqlKeyset = [];
    const sqlOffset = [];
    for (let run = 0; run < RUNS; run++) {
      const stamp = sqliteTime(Number(at));
      sqlKeyset.push(await time(() => keyset.all(hotline.id, stamp, stamp, id, PAGE)));
      sqlOffset.push(await time(() => offset.all(hotline.id, PAGE, REQUESTS - PAGE)));
    }

    const summary = (values) => {
      const s = sorted(values);
      return `median ${ms(percentile(s, 50))}  p95 ${ms(percentile(s, 95))}  worst ${ms(s[s.length - 1])}`;
    };
    const median = (values) => percentile(sorted(values), 50);
    console.log(`call-back list, ${REQUESTS} requests over a year, pages of ${PAGE} (SQLite)`);
    console.log(`  every page, in order (${pageTimes.length}):  ${summary(pageTimes)}`);
    console.log(`  first page (baseline):       ${summary(firstPages)}`);
    console.log(`  last page:                   ${summary(lastPages)}`);
    console.log(`  overdue filter, first page:  ${summary(overdue)}`);
    console.log(
      `  ratio last/first page: ${(median(lastPages) / median(firstPages)).toFixed(2)}×; ` +
        `slowest page/first: ${(sorted(pageTimes).at(-1) / median(firstPages)).toFixed(2)}×`,
    );
    console.log(
      `  last page's SQL: keyset ${ms(median(sqlKeyset))}, OFFSET ${ms(median(sqlOffset))} ` +
        `(OFFSET/keyset ${(median(sqlOffset) / Math.max(median(sqlKeyset), 0.001)).toFixed(1)}×)`,
    );
  } finally {
    db?.close();
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
