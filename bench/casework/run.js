#!/usr/bin/env node
/**
 * Long lists bench: the crisis desk's and the review queue's pages on a hotline with N contacts
 * (a fifth of them in the review queue, one in a hundred a crisis case) on MariaDB, through
 * HTTP with a supervisor's token, against a signed-in request that reads one small table
 * (`GET /api/hotlines`) in the same run.
 *
 *   npm run build && node bench/casework/run.js [--contacts 200000] [--runs 30]
 * MariaDB at TEST_MYSQL_URL; the bench database gets a random name and is dropped at the end.
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createConnection } = require('mysql2/promise');
const {
  ADMIN,
  DIST,
  arg,
  createMysqlDatabase,
  freePort,
  hotlineEnv,
  percentile,
  startProcess,
  stopProcess,
} = require('../hotline-process');

const CONTACTS = arg('contacts', 200_000);
const RUNS = arg('runs', 30);
const WARM_UP = arg('warmup', 3);
const MAIN = join(DIST, 'apps/hotline/src/main.js');
/** Two years of evenings before the bench's clock (2026-11-23). */
const FIRST_EVENING_UTC = '2024-11-23 10:00:00';
const DAYS = 730;
/** The bench server's clock (hotlineEnv), in UTC. */
const NOW = '2026-11-23 11:00:00';

const int = (n) => Math.round(n).toLocaleString('en-US');
const pick = (list, expression) =>
  `ELT(1 + (${expression}) MOD ${list.length}, ${list.map((v) => `'${v}'`).join(', ')})`;

async function api(base, token, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** A person of the default hotline, signed in: their id and token. */
async function person(base, admin, hotlineId, roles, name) {
  const email = `${name.toLowerCase().replace(/ /g, '.')}@hotline.bench`;
  const password = 'bench-password-1';
  const { id } = await api(base, admin, 'POST', '/api/volunteers', {
    name,
    email,
    password,
    expertKind: 'counsellor',
    roles,
    hotlineIds: [hotlineId],
  });
  const { accessToken } = await api(base, null, 'POST', '/api/auth/login', { email, password });
  return { id, token: accessToken };
}

/**
 * N consultations over two years by two volunteers; every fifth in the review queue (reasons
 * and statuses spread, the older ones mostly signed off); every hundredth a crisis case, those
 * older than a week closed with their report.
 */
async function load(db, hotlineId, volunteers) {
  const seq = `seq_1_to_${CONTACTS}`;
  const at = `TIMESTAMP('${FIRST_EVENING_UTC}') + INTERVAL FLOOR((s.seq - 1) * ${DAYS} / ${CONTACTS}) DAY + INTERVAL (s.seq MOD 14400) SECOND`;
  // Contacts, reviews and cases told apart by the id's second group.
  const id = (group) =>
    `CONCAT(LPAD(LOWER(HEX(s.seq)), 8, '0'), '-${group}-4000-8000-000000000000')`;
  await db.query(`
    INSERT INTO contact (id, hotline_id, channel, call_id, volunteer_id, recorded_by, occurred_at,
      caller_type, age_band, primary_topic, risk_level, outcome, created_at, updated_at)
    SELECT ${id('0000')}, '${hotlineId}', ${pick(['phone', 'face_to_face', 'online'], 's.seq')}, NULL,
      ${pick(volunteers, 's.seq DIV 3')}, ${pick(volunteers, 's.seq DIV 3')}, ${at},
      'pupil', '12_14', 'emotional.anxiety_stress',
      IF(s.seq MOD 100 = 0, 'high', 'low'), 'advice_given', NOW(3), NOW(3)
    FROM ${seq} s`);
  await db.query(`
    INSERT INTO contact_review (id, hotline_id, contact_id, volunteer_id, reason, status,
      occurred_at, selected_at, feedback_at, reviewed_at, entry_count, updated_at)
    SELECT ${id('0001')}, c.hotline_id, c.id, c.volunteer_id,
      IF(c.risk_level = 'high', 'high_risk', ${pick(['sample', 'sample', 'trainee'], 's.seq DIV 5')}),
      IF(c.occurred_at < TIMESTAMP('${NOW}') - INTERVAL 30 DAY, 'signed_off',
        ${pick(['pending', 'changes_requested', 'answered'], 's.seq DIV 5')}),
      c.occurred_at, c.occurred_at, NULL, NULL, 0, NOW(3)
    FROM ${seq} s JOIN contact c ON c.id = ${id('0000')} WHERE s.seq MOD 5 = 0`);
  await db.query(`
    INSERT INTO crisis_case (id, hotline_id, \`trigger\`, risk_level, call_id, contact_id, opened_at,
      report_due_at, report_filed_at, closed_at, updated_at)
    SELECT ${id('0002')}, c.hotline_id, 'risk_level', 'high', NULL, c.id, c.occurred_at,
      c.occurred_at + INTERVAL 12 HOUR,
      IF(c.occurred_at < TIMESTAMP('${NOW}') - INTERVAL 7 DAY, c.occurred_at + INTERVAL 6 HOUR, NULL),
      IF(c.occurred_at < TIMESTAMP('${NOW}') - INTERVAL 7 DAY, c.occurred_at + INTERVAL 7 HOUR, NULL), NOW(3)
    FROM ${seq} s JOIN contact c ON c.id = ${id('0000')} WHERE s.seq MOD 100 = 0`);
  await db.query('ANALYZE TABLE contact, contact_review, crisis_case');
  const [[counts]] = await db.query(
    'SELECT (SELECT COUNT(*) FROM contact_review) AS reviews, (SELECT COUNT(*) FROM crisis_case) AS cases',
  );
  return counts;
}

async function time(base, token, path) {
  for (let i = 0; i < WARM_UP; i++) await api(base, token, 'GET', path);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await api(base, token, 'GET', path);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  const database = await createMysqlDatabase('hotline_casework');
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-casework-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server;
  try {
    console.log(`MariaDB ${database.version}, ${int(CONTACTS)} contacts, ${RUNS} runs each`);
    server = await startProcess(
      MAIN,
      hotlineEnv({ port, databaseUrl: database.url, dataDir }),
      `${base}/health`,
    );
    const admin = (await api(base, null, 'POST', '/api/auth/login', ADMIN)).accessToken;
    const [hotline] = await api(base, admin, 'GET', '/api/hotlines');
    const supervisor = await person(base, admin, hotline.id, ['supervisor'], 'Zhao Min');
    const volunteer = await person(base, admin, hotline.id, ['volunteer'], 'Sun Wei');
    const colleague = await person(base, admin, hotline.id, ['volunteer'], 'Li Na');
    const db = await createConnection({ uri: database.url });
    const started = Date.now();
    const counts = await load(db, hotline.id, [volunteer.id, colleague.id]);
    await db.end();
    console.log(
      `   loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${int(counts.reviews)} reviews, ${int(counts.cases)} crisis cases`,
    );

    const { total } = await api(base, supervisor.token, 'GET', '/api/reviews?limit=1');
    const lastPage = Math.max(0, Math.floor((total - 1) / 20) * 20);
    const cases = Number(counts.cases);
    const measurements = [
      ['baseline: GET /api/hotlines', supervisor, '/api/hotlines'],
      ['review queue, to review, first page', supervisor, '/api/reviews?limit=20&status=to_review'],
      ['review queue, all, first page', supervisor, '/api/reviews?limit=20'],
      ['review queue, all, last page', supervisor, `/api/reviews?limit=20&offset=${lastPage}`],
      [
        'review queue, trainees of one month',
        supervisor,
        '/api/reviews?limit=20&reason=trainee&from=2025-11-01&to=2025-11-30',
      ],
      ['my feedback, first page', volunteer, '/api/me/reviews?limit=20'],
      ['crisis desk, open cases', supervisor, '/api/crisis-cases?open=true&limit=21'],
      ['crisis desk, all, first page', supervisor, '/api/crisis-cases?limit=21'],
      [
        'crisis desk, all, last page',
        supervisor,
        `/api/crisis-cases?limit=21&offset=${Math.max(0, cases - 20)}`,
      ],
      ["crisis desk, a volunteer's own", volunteer, '/api/crisis-cases?limit=21'],
    ];
    const results = [];
    for (const [name, who, path] of measurements)
      results.push({ name, ...(await time(base, who.token, path)) });
    const baseline = results[0].p50;
    console.log('\n| list | p50 ms | p95 ms | ÷ baseline p50 |\n| --- | ---: | ---: | ---: |');
    for (const { name, p50, p95 } of results)
      console.log(
        `| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${(p50 / baseline).toFixed(1)}× |`,
      );
  } finally {
    if (server) await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
    if (!process.argv.includes('--keep')) await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
