#!/usr/bin/env node
/**
 * Volunteer-list bench: the Setup screen's list of a hotline's people, as its coordinator asks
 * for it (`GET /api/volunteers`: the first page of 50, and a search that finds one person),
 * on hotlines of 500 and 5,000 people against a hotline of 50 in the same run and the same
 * database. The built server runs as its own process on a temporary SQLite file; the people
 * are copies of a coordinator's row written into the volunteers' tables (hashing thousands of
 * passwords through the API would take minutes and measure nothing of the list).
 *
 *   npm run build && node bench/volunteer-list/run.js [--sizes 50,500,5000] [--runs 50]
 *     [--dist <build directory>]
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { randomUUID } = require('node:crypto');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
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
  textArg,
} = require('../hotline-process');

const SIZES = textArg('sizes', '50,500,5000').split(',').map(Number);
const RUNS = arg('runs', 50);
const WARM_UP = arg('warmup', 5);

let base;

async function api(token, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return response.json();
}

const signIn = async (email, password) =>
  (await api(null, 'POST', '/api/auth/login', { email, password })).accessToken;

/** A hotline with its coordinator (signed in) and `size` people besides. */
async function crowdedHotline(database, admin, size) {
  const hotline = await api(admin, 'POST', '/api/hotlines', { name: `Bench ${size}` });
  const email = `coordinator-${size}@hotline.bench`;
  const password = `bench-password-${size}`;
  const coordinator = await api(admin, 'POST', '/api/volunteers', {
    name: `Coordinator ${size}`,
    email,
    password,
    expertKind: 'counsellor',
    roles: ['coordinator'],
    hotlineIds: [hotline.id],
  });
  const row = database.prepare('SELECT * FROM volunteer WHERE id = ?').get(coordinator.id);
  const columns = Object.keys(row);
  const insert = database.prepare(
    `INSERT INTO volunteer (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const member = database.prepare(
    'INSERT INTO volunteer_hotline (volunteer_id, hotline_id) VALUES (?, ?)',
  );
  database.transaction(() => {
    for (let index = 1; index <= size; index += 1) {
      const id = randomUUID();
      const number = String(index).padStart(5, '0');
      insert.run({
        ...row,
        id,
        name: `Person ${number}`,
        email: `person-${size}-${number}@hotline.bench`,
        roles: JSON.stringify(index % 20 === 0 ? ['supervisor'] : ['volunteer']),
        softphone_identity: `bench-${id}`,
      });
      member.run(id, hotline.id);
    }
  })();
  return { id: hotline.id, size, token: await signIn(email, password) };
}

/** p50 and p95 of `runs` timed GETs (after a warm-up), in ms. */
async function timed(token, path) {
  const samples = [];
  for (let run = 0; run < WARM_UP + RUNS; run += 1) {
    const started = performance.now();
    const page = await api(token, 'GET', path);
    if (run >= WARM_UP) samples.push(performance.now() - started);
    if (run === 0) timed.last = page;
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-bench-list-'));
  const databaseFile = join(dataDir, 'hotline.sqlite');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    HOTLINE_MAIN,
    hotlineEnv({ port, databaseUrl: `sqlite:${databaseFile}`, dataDir }),
    `${base}/health`,
  );
  const database = new Database(databaseFile);
  database.pragma('busy_timeout = 5000');
  try {
    const admin = await signIn(ADMIN.email, ADMIN.password);
    const hotlines = [];
    for (const size of SIZES) hotlines.push(await crowdedHotline(database, admin, size));

    const rows = [];
    for (const hotline of hotlines) {
      const list = `/api/volunteers?hotlineId=${hotline.id}&active=true&limit=50&offset=0`;
      const firstPage = await timed(hotline.token, list);
      if (timed.last.total !== hotline.size + 1 || timed.last.items.length !== 50)
        throw new Error(`the first page of ${hotline.size} answered ${timed.last.total} people`);
      const wanted = String(Math.ceil(hotline.size / 2)).padStart(5, '0');
      const search = await timed(
        hotline.token,
        `${list}&q=${encodeURIComponent(`Person ${wanted}`)}`,
      );
      if (timed.last.total !== 1)
        throw new Error(`the search in ${hotline.size} found ${timed.last.total}`);
      rows.push({ size: hotline.size, firstPage, search });
    }

    const [baseline] = rows;
    const ms = (value) => value.toFixed(1).padStart(7);
    const ratio = (value, against) => `${(value / against).toFixed(2)}×`.padStart(7);
    console.log(
      `\nVolunteer list, ${RUNS} runs each after ${WARM_UP} warm-up, SQLite, one coordinator's token`,
    );
    console.log(
      'people | first page p50 | p95     | ÷ 50 (p50) | search p50 | p95     | ÷ 50 (p50)',
    );
    for (const row of rows)
      console.log(
        `${String(row.size).padStart(6)} | ${ms(row.firstPage.p50)} ms    | ${ms(row.firstPage.p95)} | ${ratio(
          row.firstPage.p50,
          baseline.firstPage.p50,
        )}    | ${ms(row.search.p50)}    | ${ms(row.search.p95)} | ${ratio(row.search.p50, baseline.search.p50)}`,
      );
  } finally {
    database.close();
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
