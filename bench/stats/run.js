#!/usr/bin/env node
/**
 * Statistics bench: the monthly and yearly report over years of contacts and calls on MariaDB,
 * against a plain GROUP BY over the raw rows in the same run. A fresh database gets the
 * server's schema (the built server's first start: migrations, the default hotline, the
 * admin), N contacts over five calendar years with their topics and phone calls (generated
 * inside MariaDB from the Sequence engine), rollups from the built `stats:rebuild` script; then
 * the built server answers GET /api/stats/monthly and /yearly while the same figures are also
 * computed straight from contact, contact_topic and phone_call. Prints p50/p95/max of each,
 * the ratios, and checks that every figure of the report equals the raw count.
 *
 *   npm run build && node bench/stats/run.js [--contacts 5000000] [--runs 30]
 * MariaDB at TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test); the bench database
 * is created with a random name and dropped at the end, on failure and on Ctrl-C too.
 */
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { cpus, tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { DateTime } = require('luxon');
const { createConnection } = require('mysql2/promise');
const {
  ADMIN,
  MYSQL_URL,
  arg,
  createMysqlDatabase,
  freePort,
  hotlineEnv,
  mysqlDatabaseNamed,
  percentile,
  root,
  scriptEnv,
  startProcess,
  stopProcess,
  textArg,
} = require('../hotline-process');
const flag = (name) => process.argv.includes(`--${name}`);

const CONTACTS = arg('contacts', 5_000_000);
const RUNS = arg('runs', 30);
const WARM_UP = arg('warmup', 3);
/** Runs of the raw GROUP BYs over a year; the same as --runs unless told. */
const RAW_YEAR_RUNS = arg('raw-year-runs', RUNS);
const MONTH = textArg('month', '2026-11');
const YEAR = textArg('year', '2026');
const VOLUNTEERS = arg('volunteers', 24);
/** Rows generated per INSERT … SELECT (one transaction each). */
const CHUNK = arg('chunk', 250_000);
/** The rebuild is stopped, and the bench fails, after this many minutes. */
const REBUILD_MINUTES = arg('rebuild-minutes', 60);
/** The built server; `--dist` points at another build of the same sources. */
const DIST = resolve(root, textArg('dist', 'dist'));
/** Keep the database at the end (for a second look); `--reuse <name>` times it again. */
const KEEP = flag('keep');
const REUSE = textArg('reuse', undefined);

const ZONE = 'Asia/Shanghai';
const FIRST_DAY = DateTime.fromISO('2022-01-01', { zone: ZONE });
const LAST_DAY = DateTime.fromISO('2026-12-31', { zone: ZONE });
const DAYS = Math.round(LAST_DAY.diff(FIRST_DAY, 'days').days) + 1;
/** Contacts fall in the evening, 18:00-22:00 local time. */
const EVENING_START_HOUR = 18;
const EVENING_MS = 4 * 3600_000;
/**
 * The server's clock during the bench: after the last generated day, so every record is in
 * the past. Notes and caller numbers older than a year are cleared, as retention would have.
 */
const CLOCK = DateTime.fromISO('2027-01-04T19:00:00', { zone: ZONE });
const RETENTION_CUTOFF = CLOCK.minus({ days: 365 });
const SERVICE_LEVEL_SECONDS = 20;

const MAIN = join(DIST, 'apps/hotline/src/main.js');
const REBUILD = join(DIST, 'apps/hotline/src/statistics/rebuild.js');

/** Shares used by the generator: [value, weight]; weights add up to the scale given. */
const CHANNELS = [
  ['phone', 584],
  ['face_to_face', 296],
  ['online', 120],
];
/** Primary topic groups, in 1/10,000 (the reference shares; the rest spread over six). */
const PRIMARY_GROUPS = {
  emotional: 3760,
  learning: 2540,
  parent_child: 2240,
  behaviour: 400,
  peer_relations: 350,
  clinical: 250,
  self_harm_suicide: 160,
  violence_bullying: 150,
  other: 150,
};
const CALLER_TYPES = [
  ['pupil', 55],
  ['parent', 35],
  ['teacher', 6],
  ['other', 4],
];
const AGE_BANDS = [
  ['under_6', 3],
  ['6_11', 27],
  ['12_14', 35],
  ['15_17', 25],
  ['18_plus', 3],
  ['unknown', 5],
  [null, 2],
];
const GENDERS = [
  ['female', 54],
  ['male', 40],
  ['other', 1],
  ['unknown', 3],
  [null, 2],
];
const RISKS = [
  ['none', 700],
  ['low', 180],
  ['medium', 95],
  ['high', 20],
  ['imminent', 5],
];
const OUTCOMES = [
  ['advice_given', 800],
  ['booked_face_to_face', 80],
  ['referred_to_hospital', 50],
  ['crisis_intervention', 30],
  ['callback_arranged', 40],
];
/** Phone contacts whose record was never categorised (wrap-up ran out), per 1,000. */
const UNCATEGORISED = 5;
/** Calls abandoned in the queue, per 1,000 contacts: about 10 % on top of the phone calls. */
const ABANDONED = 58;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const int = (n) => Math.round(n).toLocaleString('en-US');
const quote = (value) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);

/** `CASE` over `r MOD scale` that picks each value with its weight. */
function pick(r, shares) {
  const scale = shares.reduce((sum, [, weight]) => sum + weight, 0);
  let upTo = 0;
  const arms = shares.slice(0, -1).map(([value, weight]) => {
    upTo += weight;
    return `WHEN ${r} MOD ${scale} < ${upTo} THEN ${quote(value)}`;
  });
  return `CASE ${arms.join(' ')} ELSE ${quote(shares[shares.length - 1][0])} END`;
}

/** The 24-bit number at hex digits [from, from + 6) of an MD5 column. */
const piece = (hash, from) => `CAST(CONV(SUBSTR(${hash}, ${from}, 6), 16, 10) AS UNSIGNED)`;

// ---------------------------------------------------------------------------------------
// Clean-up: the server, the rebuild, the temporary directory and the database go on every
// way out, Ctrl-C included.

const children = new Set();
const tempDirs = new Set();
let dropDatabase;

function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function cleanUp() {
  for (const child of children) await stopProcess(child);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  if (dropDatabase) {
    const drop = dropDatabase;
    dropDatabase = undefined;
    await drop();
  }
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    cleanUp().finally(() => process.exit(130));
  });

function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

// ---------------------------------------------------------------------------------------
// The database and the server.

async function createDatabase() {
  const database = REUSE ? mysqlDatabaseNamed(REUSE) : await createMysqlDatabase('hotline_stats');
  if (!KEEP)
    dropDatabase = async () => {
      await database.drop();
      console.log(`Dropped database ${database.name}.`);
    };
  return database;
}

function serverEnv(database, dataDir, port) {
  return {
    ...hotlineEnv({ port, databaseUrl: database.url, dataDir }),
    HOTLINE_TIMEZONE: ZONE,
    HOTLINE_CLOCK_START: CLOCK.toISO({ suppressMilliseconds: true }),
  };
}

async function startServer(database, dataDir) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = track(
    await startProcess(MAIN, serverEnv(database, dataDir, port), `${base}/health`),
  );
  return { base, server };
}

// ---------------------------------------------------------------------------------------
// The data: volunteers, contacts, their topics, the calls.

function topicTables() {
  const taxonomy = JSON.parse(readFileSync(join(root, 'config/taxonomy/topics.json'), 'utf8'));
  const topics = taxonomy.topics.flatMap((group) =>
    (group.children ?? []).map((child) => ({ key: child.key, group: group.key })),
  );
  // 10,000 slots: each primary group gets its share, split evenly among its topics.
  const slots = [];
  for (const [group, share] of Object.entries(PRIMARY_GROUPS)) {
    const keys = topics.filter((topic) => topic.group === group);
    if (keys.length === 0) throw new Error(`topic group ${group} is not in topics.json`);
    for (let i = 0; i < share; i++) slots.push(keys[i % keys.length].key);
  }
  if (slots.length !== 10_000) throw new Error('primary topic shares must add up to 100 %');
  return { topics, slots };
}

/** Volunteers for the answered calls: the admin and `VOLUNTEERS - 1` more, each on the hotline. */
async function addVolunteers(db, hotlineId, adminId) {
  if (VOLUNTEERS > 1)
    await db.query(
      `INSERT INTO volunteer (id, name, email, password_hash, phone_encrypted, expert_kind,
         topic_skills, languages, roles, softphone_identity, answer_by, active, created_at,
         updated_at, deactivated_at)
       SELECT CONCAT('bbbbbbbb-0000-4000-8000-', LPAD(s.seq, 12, '0')), CONCAT('Volunteer ', s.seq),
         CONCAT('volunteer', s.seq, '@hotline.bench'), v.password_hash, NULL, v.expert_kind,
         v.topic_skills, v.languages, '["volunteer"]', CONCAT('bench-volunteer-', s.seq),
         v.answer_by, 1, v.created_at, v.updated_at, NULL
       FROM volunteer v JOIN seq_1_to_${VOLUNTEERS - 1} s WHERE v.id = ?`,
      [adminId],
    );
  await db.query(
    `INSERT IGNORE INTO volunteer_hotline (volunteer_id, hotline_id) SELECT id, ? FROM volunteer`,
    [hotlineId],
  );
  const [rows] = await db.query('SELECT id FROM volunteer ORDER BY id');
  return rows.map((row) => row.id);
}

/**
 * Generates the rows inside MariaDB, a chunk of sequence numbers per statement. Contact n
 * falls on day floor((n-1) * days / N), so ids (n in hex first) follow time as inserts do;
 * every other field comes from MD5s of n or of the row's id, so a run is reproducible.
 */
async function load(db, hotlineId, volunteerIds) {
  const { topics, slots } = topicTables();
  await db.query('CREATE TABLE bench_topic (idx INT PRIMARY KEY, topic_key VARCHAR(64) NOT NULL)');
  await db.query('CREATE TABLE bench_slot (slot INT PRIMARY KEY, topic_key VARCHAR(64) NOT NULL)');
  await db.query('CREATE TABLE bench_volunteer (idx INT PRIMARY KEY, id VARCHAR(36) NOT NULL)');
  await db.query('INSERT INTO bench_topic VALUES ?', [topics.map((t, i) => [i, t.key])]);
  await db.query('INSERT INTO bench_slot VALUES ?', [slots.map((key, i) => [i, key])]);
  await db.query('INSERT INTO bench_volunteer VALUES ?', [volunteerIds.map((id, i) => [i, id])]);
  // Each derived table once, not re-evaluated (MD5s) wherever its columns are used.
  await db.query("SET SESSION optimizer_switch = 'derived_merge=off'");

  const K = topics.length;
  const half = Math.floor(K / 2);
  const firstEvening = FIRST_DAY.set({ hour: EVENING_START_HOUR }).toUTC();
  const sqlTime = (dt) => dt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss');
  const callerCount = Math.max(1, Math.floor(CONTACTS / 3));
  const phoneShare = CHANNELS[0][1];

  const contactsSql = (from, to) => `
    INSERT INTO contact (id, hotline_id, channel, call_id, volunteer_id, recorded_by, occurred_at,
      duration_minutes, caller_type, age_band, grade, gender, district, primary_topic, risk_level,
      outcome, notes_encrypted, notes_cleared_at, caller_hash, created_at, updated_at, wrap_up_seconds)
    SELECT CONCAT(x.hex, '-0000-4000-8000-', x.tail), '${hotlineId}', x.channel,
      IF(x.phone, CONCAT(x.hex, '-0001-4000-8000-', x.tail), NULL), v.id, v.id, x.occurred_at,
      IF(x.phone, 5 + x.r_dur MOD 36, IF(x.channel = 'face_to_face', 30 + x.r_dur MOD 31, 10 + x.r_dur MOD 31)),
      ${pick('x.r_caller', CALLER_TYPES)},
      IF(x.uncategorised, NULL, ${pick('x.r_age', AGE_BANDS)}), NULL,
      IF(x.uncategorised, NULL, ${pick('x.r_gender', GENDERS)}), NULL,
      IF(x.uncategorised, NULL, p.topic_key),
      IF(x.uncategorised, NULL, ${pick('x.r_risk', RISKS)}),
      IF(x.uncategorised, NULL, ${pick('x.r_outcome', OUTCOMES)}),
      IF(x.occurred_at >= '${sqlTime(RETENTION_CUTOFF)}',
         CONCAT('v1.bench.', SHA2(CONCAT('n', x.seq), 256), SHA2(CONCAT('m', x.seq), 256)), NULL),
      IF(x.occurred_at >= '${sqlTime(RETENTION_CUTOFF)}', NULL, x.occurred_at + INTERVAL 366 DAY),
      IF(x.phone, SHA2(CONCAT('caller', x.r_number MOD ${callerCount}), 256), NULL),
      x.occurred_at + INTERVAL 45 MINUTE, x.occurred_at + INTERVAL 45 MINUTE,
      IF(x.phone AND NOT x.uncategorised, 20 + x.r_wrap MOD 581, NULL)
    FROM (
      SELECT r.*,
        ${pick('r.r_channel', CHANNELS)} AS channel,
        r.r_channel MOD 1000 < ${phoneShare} AS phone,
        r.r_channel MOD 1000 < ${phoneShare} AND r.r_uncat MOD 1000 < ${UNCATEGORISED} AS uncategorised,
        TIMESTAMP('${sqlTime(firstEvening)}')
          + INTERVAL FLOOR((r.seq - 1) * ${DAYS} / ${CONTACTS}) DAY
          + INTERVAL (r.r_time MOD ${EVENING_MS}) * 1000 MICROSECOND AS occurred_at
      FROM (
        SELECT s.seq, LPAD(LOWER(HEX(s.seq)), 8, '0') AS hex, SUBSTR(s.h1, 1, 12) AS tail,
          ${piece('s.h1', 13)} AS r_channel, ${piece('s.h1', 19)} AS r_topic,
          ${piece('s.h1', 25)} AS r_volunteer,
          ${piece('s.h2', 1)} AS r_time, ${piece('s.h2', 7)} AS r_caller,
          ${piece('s.h2', 13)} AS r_age, ${piece('s.h2', 19)} AS r_gender,
          ${piece('s.h2', 25)} AS r_risk,
          ${piece('s.h3', 1)} AS r_outcome, ${piece('s.h3', 7)} AS r_uncat,
          ${piece('s.h3', 13)} AS r_dur, ${piece('s.h3', 19)} AS r_wrap,
          ${piece('s.h3', 25)} AS r_number
        FROM (
          SELECT seq, MD5(CONCAT('c', seq)) AS h1, MD5(CONCAT('d', seq)) AS h2,
            MD5(CONCAT('e', seq)) AS h3
          FROM seq_${from}_to_${to}
        ) s
      ) r
    ) x
    JOIN bench_slot p ON p.slot = x.r_topic MOD 10000
    JOIN bench_volunteer v ON v.idx = x.r_volunteer MOD ${volunteerIds.length}`;

  // The primary topic, and one or two more (50 % one topic, 35 % two, 15 % three).
  const topicsSql = (range) => `
    INSERT INTO contact_topic (contact_id, topic_key, is_primary)
    SELECT c.id, c.primary_topic, 1 FROM contact c WHERE ${range} AND c.primary_topic IS NOT NULL
    UNION ALL
    SELECT c.id, t2.topic_key, 0 FROM contact c
      JOIN bench_topic t ON t.topic_key = c.primary_topic
      JOIN bench_topic t2 ON t2.idx = (t.idx + 1 + ${piece('MD5(c.id)', 1)} MOD ${half}) MOD ${K}
    WHERE ${range} AND ${piece('MD5(c.id)', 7)} MOD 100 >= 50
    UNION ALL
    SELECT c.id, t3.topic_key, 0 FROM contact c
      JOIN bench_topic t ON t.topic_key = c.primary_topic
      JOIN bench_topic t3 ON t3.idx = (t.idx + ${half + 1} + ${piece('MD5(c.id)', 13)} MOD ${K - 1 - half}) MOD ${K}
    WHERE ${range} AND ${piece('MD5(c.id)', 7)} MOD 100 >= 85`;

  // One answered call per phone contact: arrived, menu, queued, waited, answered (the
  // contact's occurred_at, as the server records it), talked.
  const answeredSql = (range) => `
    INSERT INTO phone_call (id, hotline_id, call_sid, caller_number_encrypted, caller_hash,
      caller_type, topic, priority, status, outcome, queue_sid, volunteer_id, offer_count,
      arrived_at, queued_at, first_offered_at, answered_at, ended_at, wait_seconds, talk_seconds,
      updated_at)
    SELECT w.call_id, w.hotline_id, CONCAT('CA', REPLACE(w.call_id, '-', '')),
      IF(w.notes_encrypted IS NULL, NULL, CONCAT('v1.bench.', SHA2(CONCAT('p', w.id), 256))),
      w.caller_hash, w.caller_type, SUBSTRING_INDEX(w.primary_topic, '.', 1),
      IF(w.risk_level IN ('high', 'imminent'), 'crisis', 'normal'), 'ended', 'answered',
      'QUbench', w.volunteer_id, 1 + w.r_offers MOD 2,
      w.occurred_at - INTERVAL (w.wait + w.menu) SECOND, w.occurred_at - INTERVAL w.wait SECOND,
      w.occurred_at - INTERVAL w.wait SECOND, w.occurred_at, w.occurred_at + INTERVAL w.talk SECOND,
      w.wait, w.talk, w.occurred_at + INTERVAL w.talk SECOND
    FROM (
      SELECT c.*,
        CASE WHEN ${piece('c.h', 1)} MOD 100 < 60 THEN ${piece('c.h', 7)} MOD 21
             WHEN ${piece('c.h', 1)} MOD 100 < 90 THEN 21 + ${piece('c.h', 7)} MOD 40
             ELSE 61 + ${piece('c.h', 7)} MOD 240 END AS wait,
        15 + ${piece('c.h', 13)} MOD 21 AS menu,
        120 + ${piece('c.h', 19)} MOD 2281 AS talk,
        ${piece('c.h', 25)} AS r_offers
      FROM (SELECT c.*, MD5(CONCAT('w', c.id)) AS h FROM contact c
            WHERE ${range} AND c.channel = 'phone') c
    ) w`;

  // About one call in ten more: abandoned in the queue, the same evening as a contact.
  const abandonedSql = (range) => `
    INSERT INTO phone_call (id, hotline_id, call_sid, caller_number_encrypted, caller_hash,
      caller_type, topic, priority, status, outcome, queue_sid, volunteer_id, offer_count,
      arrived_at, queued_at, first_offered_at, answered_at, ended_at, wait_seconds, talk_seconds,
      updated_at)
    SELECT a.id, a.hotline_id, CONCAT('CA', REPLACE(a.id, '-', '')),
      IF(a.arrived_at >= '${sqlTime(RETENTION_CUTOFF)}',
         CONCAT('v1.bench.', SHA2(CONCAT('p', a.id), 256)), NULL),
      SHA2(CONCAT('caller', ${piece('a.h', 1)} MOD ${callerCount}), 256), a.caller_type, NULL,
      'normal', 'ended', 'abandoned', 'QUbench', NULL, a.offers,
      a.arrived_at, a.arrived_at + INTERVAL a.menu SECOND,
      IF(a.offers > 0, a.arrived_at + INTERVAL a.menu SECOND, NULL), NULL,
      a.arrived_at + INTERVAL (a.menu + a.wait) SECOND, a.wait, NULL,
      a.arrived_at + INTERVAL (a.menu + a.wait) SECOND
    FROM (
      SELECT CONCAT(LEFT(c.id, 8), '-0002-4000-8000-', RIGHT(c.id, 12)) AS id, c.hotline_id,
        c.caller_type, c.h,
        TIMESTAMP(DATE(c.occurred_at), '${firstEvening.toFormat('HH:mm:ss')}')
          + INTERVAL (${piece('c.h', 7)} MOD ${EVENING_MS}) * 1000 MICROSECOND AS arrived_at,
        15 + ${piece('c.h', 13)} MOD 21 AS menu,
        5 + ${piece('c.h', 19)} MOD 296 AS wait,
        ${piece('c.h', 25)} MOD 2 AS offers
      FROM (SELECT c.*, MD5(CONCAT('a', c.id)) AS h FROM contact c WHERE ${range}) c
      WHERE ${piece("MD5(CONCAT('b', c.id))", 1)} MOD 1000 < ${ABANDONED}
    ) a`;

  const hex = (n) => n.toString(16).padStart(8, '0');
  const phases = {
    contact: 0,
    contact_topic: 0,
    'phone_call answered': 0,
    'phone_call abandoned': 0,
  };
  const started = Date.now();
  for (let from = 1; from <= CONTACTS; from += CHUNK) {
    const to = Math.min(CONTACTS, from + CHUNK - 1);
    const range = `c.id >= '${hex(from)}' AND c.id < '${hex(to + 1)}'`;
    for (const [phase, sql] of [
      ['contact', contactsSql(from, to)],
      ['contact_topic', topicsSql(range)],
      ['phone_call answered', answeredSql(range)],
      ['phone_call abandoned', abandonedSql(range)],
    ]) {
      const at = Date.now();
      await db.query(sql);
      phases[phase] += Date.now() - at;
    }
    const elapsed = Date.now() - started;
    process.stdout.write(
      `\r  ${int(to)} / ${int(CONTACTS)} contacts, ${seconds(elapsed)}, ` +
        `${int((to / elapsed) * 1000)} contacts/s   `,
    );
  }
  process.stdout.write('\n');
  for (const table of ['bench_topic', 'bench_slot', 'bench_volunteer'])
    await db.query(`DROP TABLE ${table}`);
  const analyzeAt = Date.now();
  await db.query('ANALYZE TABLE contact, contact_topic, phone_call');
  return { phases, analyze: Date.now() - analyzeAt, total: Date.now() - started };
}

// ---------------------------------------------------------------------------------------
// The rebuild: the built `npm run stats:rebuild` script, watched from the outside.

/**
 * Runs the rebuild script; four times a second looks at what it asks the database (the id
 * it walks from tells how far it is, since ids start with the contact's number; its reads are
 * short, so only some are seen) and at its memory.
 */
async function rebuild(database) {
  const dataDir = tempDir('hotline-stats-rebuild-');
  const child = track(
    spawn(process.execPath, [REBUILD], {
      cwd: root,
      env: scriptEnv({ databaseUrl: database.url, dataDir, zone: ZONE }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const watcher = await createConnection({ uri: MYSQL_URL });
  const started = Date.now();
  const progress = { table: 'contact', seq: 0, at: started, peakRssMb: 0, lastPrint: started };
  let result;
  for (;;) {
    result = await Promise.race([exited, sleep(250).then(() => undefined)]);
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) progress.peakRssMb = Math.max(progress.peakRssMb, Number(hwm[1]) / 1024);
    } catch {
      // The process has gone.
    }
    if (result) break;
    const [rows] = await watcher.query(
      `SELECT INFO AS info FROM information_schema.PROCESSLIST
       WHERE DB = ? AND COMMAND = 'Query' AND INFO LIKE 'SELECT%'`,
      [database.name],
    );
    for (const { info } of rows) {
      const walk = /FROM `(contact|phone_call)`[\s\S]*`id` > '([0-9a-f]{8})/.exec(info ?? '');
      if (walk)
        Object.assign(progress, { table: walk[1], seq: parseInt(walk[2], 16), at: Date.now() });
      else if (/FROM `contact`/.test(info ?? '') && progress.seq === 0) progress.at = Date.now();
    }
    const elapsed = Date.now() - started;
    if (Date.now() - progress.lastPrint >= 30_000) {
      progress.lastPrint = Date.now();
      console.log(
        `   ${seconds(elapsed)}: walking ${progress.table}, near contact ${int(progress.seq)} of ` +
          `${int(CONTACTS)} at ${seconds(progress.at - started)}; peak RSS ${int(progress.peakRssMb)} MB`,
      );
    }
    if (elapsed > REBUILD_MINUTES * 60_000) {
      console.log(
        `  Rebuild still running after ${REBUILD_MINUTES} min: stopping it. It last walked ` +
          `${progress.table} near contact ${int(progress.seq)} ` +
          `(${int((progress.seq / (progress.at - started)) * 1000)} rows/s of that table).`,
      );
      await stopProcess(child);
      result = { code: null, signal: 'timeout' };
      break;
    }
  }
  await watcher.end();
  rmSync(dataDir, { recursive: true, force: true });
  tempDirs.delete(dataDir);
  // Nest's start-up warning about telephony is expected; anything else is shown.
  const stderr = errors
    .split('\n')
    .filter((line) => line.trim() && !/Telephony is off/.test(line))
    .join('\n');
  const counted = output
    .split('\n')
    .filter((line) => /^hotline /.test(line))
    .join('\n');
  return { ...result, ms: Date.now() - started, output: counted, stderr, progress };
}

// ---------------------------------------------------------------------------------------
// Timing.

async function timed(label, runs, work) {
  for (let i = 0; i < WARM_UP; i++) await work();
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const at = performance.now();
    last = await work();
    times.push(performance.now() - at);
  }
  times.sort((a, b) => a - b);
  const result = {
    label,
    runs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1],
    last,
  };
  console.log(
    `  ${label}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (${runs} runs)`,
  );
  return result;
}

/** A local period's first and last day and its instants in UTC, as the report takes them. */
function period(kind, value) {
  const first =
    kind === 'month'
      ? DateTime.fromFormat(value, 'yyyy-MM', { zone: ZONE })
      : DateTime.fromFormat(value, 'yyyy', { zone: ZONE });
  const last = first.endOf(kind).startOf('day');
  const end = last.plus({ days: 1 });
  if (first.offset !== end.offset) throw new Error(`${ZONE} changes its offset in ${value}`);
  const sign = first.offset >= 0 ? '+' : '-';
  const offset = `${sign}${String(Math.floor(Math.abs(first.offset) / 60)).padStart(2, '0')}:${String(Math.abs(first.offset) % 60).padStart(2, '0')}`;
  return {
    kind,
    value,
    from: first.toISODate(),
    to: last.toISODate(),
    startUtc: first.toUTC().toJSDate(),
    endUtc: end.toUTC().toJSDate(),
    offset,
  };
}

/** The report's two reads of the rollups, as StatsReportService issues them. */
function rollupQueries(db, hotlineId, p) {
  const trendFirst = DateTime.fromISO(p.to, { zone: ZONE }).startOf('month').minus({ months: 11 });
  const months = [];
  for (
    let month = DateTime.fromISO(p.from, { zone: ZONE });
    month.toISODate() <= p.to;
    month = month.plus({ months: 1 })
  )
    months.push(month.toFormat('yyyy-MM'));
  // Whole months and years only: what the server reads for them.
  const cells = () =>
    db.query(
      `SELECT m.metric AS metric, m.bucket AS bucket, SUM(m.count) AS count, SUM(m.total) AS total,
         MAX(m.peak) AS peak
       FROM stats_month m WHERE m.hotline_id = ? AND m.month IN (?)
       GROUP BY m.metric, m.bucket`,
      [hotlineId, months],
    );
  const trend = () =>
    db.query(
      `SELECT m.month AS month, m.metric AS metric, m.bucket AS bucket, m.count AS count
       FROM stats_month m WHERE m.hotline_id = ? AND m.month BETWEEN ? AND ?
         AND m.metric IN ('contacts', 'queued', 'calls', 'abandoned_queued', 'answer_wait')`,
      [hotlineId, trendFirst.toFormat('yyyy-MM'), p.to.slice(0, 7)],
    );
  return { cells, trend };
}

const CONTACTS_OF =
  'FROM contact c WHERE c.hotline_id = ? AND c.occurred_at >= ? AND c.occurred_at < ?';
const CALLS_OF =
  'FROM phone_call p WHERE p.hotline_id = ? AND p.arrived_at >= ? AND p.arrived_at < ? AND p.outcome IS NOT NULL';
const LEFT_QUEUE =
  "p.queued_at IS NOT NULL AND p.outcome IN ('answered', 'abandoned', 'overflow_callback')";
const CALL_FIGURES = `
  SUM(p.queued_at IS NOT NULL) AS offered,
  SUM(p.outcome = 'answered') AS answered,
  SUM(p.queued_at IS NOT NULL AND p.outcome = 'abandoned') AS abandoned,
  SUM(IF(${LEFT_QUEUE}, COALESCE(p.wait_seconds, 0), 0)) AS waitSum,
  SUM(${LEFT_QUEUE}) AS waitCount,
  MAX(IF(${LEFT_QUEUE}, COALESCE(p.wait_seconds, 0), 0)) AS waitMax,
  SUM(p.outcome = 'answered' AND p.queued_at IS NOT NULL
      AND COALESCE(p.wait_seconds, 0) <= ${SERVICE_LEVEL_SECONDS} AND COALESCE(p.wait_seconds, 0) < 600) AS inTime`;
/** The single-column blocks of a report, with the bucket a missing value counts in. */
const CONTACT_BLOCKS = [
  ['channel', 'c.channel', null],
  ['primaryTopic', 'c.primary_topic', 'not_categorised'],
  ['callerType', 'c.caller_type', 'unknown'],
  ['ageBand', 'c.age_band', 'unknown'],
  ['gender', 'c.gender', 'unknown'],
  ['risk', 'c.risk_level', 'not_categorised'],
  ['outcome', 'c.outcome', 'not_categorised'],
];
const ANY_TOPIC = `SELECT ct.topic_key AS k, COUNT(*) AS n
  FROM contact c JOIN contact_topic ct ON ct.contact_id = c.id
  WHERE c.hotline_id = ? AND c.occurred_at >= ? AND c.occurred_at < ? AND c.primary_topic IS NOT NULL
  GROUP BY ct.topic_key`;

const countsOf = (rows) => Object.fromEntries(rows.map((row) => [row.k, Number(row.n)]));
const callsOf = (row) =>
  Object.fromEntries(
    ['offered', 'answered', 'abandoned', 'waitSum', 'waitCount', 'waitMax', 'inTime'].map((key) => [
      key,
      Number(row[key] ?? 0),
    ]),
  );

/**
 * The baseline, one plain GROUP BY per figure of the report, on one connection in turn as a
 * report over the raw rows would: 11 statements.
 */
async function rawPerFigure(db, hotlineId, p) {
  const params = [hotlineId, p.startUtc, p.endUtc];
  const figures = {};
  const [[{ n: total }]] = await db.query(`SELECT COUNT(*) AS n ${CONTACTS_OF}`, params);
  figures.total = Number(total);
  for (const [name, column, missing] of CONTACT_BLOCKS) {
    const key = missing ? `COALESCE(${column}, '${missing}')` : column;
    const [rows] = await db.query(
      `SELECT ${key} AS k, COUNT(*) AS n ${CONTACTS_OF} GROUP BY k`,
      params,
    );
    figures[name] = countsOf(rows);
  }
  const [topics] = await db.query(ANY_TOPIC, params);
  figures.anyTopic = countsOf(topics);
  if (figures.primaryTopic.not_categorised)
    figures.anyTopic.not_categorised = figures.primaryTopic.not_categorised;
  const [[calls]] = await db.query(`SELECT ${CALL_FIGURES} ${CALLS_OF}`, params);
  figures.calls = callsOf(calls);
  const [hours] = await db.query(
    `SELECT DATE_FORMAT(CONVERT_TZ(p.arrived_at, '+00:00', '${p.offset}'), '%H') AS k, COUNT(*) AS n
     ${CALLS_OF} GROUP BY k`,
    params,
  );
  figures.hour = countsOf(hours);
  return figures;
}

/**
 * The same figures in as few scans as plain SQL allows: the contacts grouped by all seven
 * columns at once (the client adds up each column's counts), the topics, the calls by hour
 * with every call figure alongside: 3 statements.
 */
async function rawFewestScans(db, hotlineId, p) {
  const params = [hotlineId, p.startUtc, p.endUtc];
  const columns = CONTACT_BLOCKS.map(([, column]) => column);
  const [cube] = await db.query(
    `SELECT ${columns.map((column, i) => `${column} AS c${i}`).join(', ')}, COUNT(*) AS n
     ${CONTACTS_OF} GROUP BY ${columns.join(', ')}`,
    params,
  );
  const figures = { total: 0 };
  CONTACT_BLOCKS.forEach(([name]) => (figures[name] = {}));
  for (const row of cube) {
    const n = Number(row.n);
    figures.total += n;
    CONTACT_BLOCKS.forEach(([name, , missing], i) => {
      const key = row[`c${i}`] ?? missing;
      figures[name][key] = (figures[name][key] ?? 0) + n;
    });
  }
  const [topics] = await db.query(ANY_TOPIC, params);
  figures.anyTopic = countsOf(topics);
  if (figures.primaryTopic.not_categorised)
    figures.anyTopic.not_categorised = figures.primaryTopic.not_categorised;
  const [hours] = await db.query(
    `SELECT DATE_FORMAT(CONVERT_TZ(p.arrived_at, '+00:00', '${p.offset}'), '%H') AS k, COUNT(*) AS n,
       ${CALL_FIGURES} ${CALLS_OF} GROUP BY k`,
    params,
  );
  figures.hour = countsOf(hours);
  figures.calls = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    waitSum: 0,
    waitCount: 0,
    waitMax: 0,
    inTime: 0,
  };
  for (const row of hours) {
    const calls = callsOf(row);
    for (const key of Object.keys(figures.calls))
      figures.calls[key] =
        key === 'waitMax'
          ? Math.max(figures.calls[key], calls[key])
          : figures.calls[key] + calls[key];
  }
  return figures;
}

/** The report's figures in the shape of the raw ones. */
function reportFigures(report) {
  const block = (b) => Object.fromEntries(b.rows.map((row) => [row.key, row.count]));
  const c = report.consultations;
  return {
    total: c.total,
    channel: block(c.byChannel),
    primaryTopic: block(c.byPrimaryTopic),
    anyTopic: block(c.byAnyTopic),
    callerType: block(c.byCallerType),
    ageBand: block(c.byAgeBand),
    gender: block(c.byGender),
    risk: block(c.byRisk),
    outcome: block(c.byOutcome),
    calls: {
      offered: report.calls.offered,
      answered: report.calls.answered,
      abandoned: report.calls.abandoned,
      averageWait: report.calls.averageWaitSeconds,
      waitMax: report.calls.longestWaitSeconds,
      inTime: report.calls.serviceLevel.answeredInTime,
    },
    hour: Object.fromEntries(report.calls.byHour.map((row) => [row.hour, row.count])),
  };
}

/** Every figure that differs between the report and the raw counts, as text. */
function differences(fromReport, raw) {
  const expected = {
    ...raw,
    calls: {
      offered: raw.calls.offered,
      answered: raw.calls.answered,
      abandoned: raw.calls.abandoned,
      averageWait:
        raw.calls.waitCount === 0 ? null : Math.round(raw.calls.waitSum / raw.calls.waitCount),
      waitMax: raw.calls.waitMax,
      inTime: raw.calls.inTime,
    },
  };
  const found = [];
  for (const [name, value] of Object.entries(expected)) {
    if (typeof value !== 'object' || value === null) {
      if (fromReport[name] !== value)
        found.push(`${name}: report ${fromReport[name]}, raw ${value}`);
      continue;
    }
    const keys = new Set([...Object.keys(value), ...Object.keys(fromReport[name] ?? {})]);
    for (const key of keys) {
      const a = fromReport[name]?.[key] ?? 0;
      const b = value[key] ?? 0;
      if (a !== b) found.push(`${name}.${key}: report ${a}, raw ${b}`);
    }
  }
  return found;
}

/** Signs in as the bench admin; returns the headers for the API. */
async function signIn(base) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`POST /api/auth/login answered ${response.status}`);
  const { accessToken } = await response.json();
  return { authorization: `Bearer ${accessToken}` };
}

async function getReport(base, headers, path) {
  const response = await fetch(`${base}${path}`, { headers });
  const body = await response.text();
  if (!response.ok)
    throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

// ---------------------------------------------------------------------------------------

async function main() {
  for (const file of [MAIN, REBUILD]) {
    if (!existsSync(file)) {
      console.error(
        `${file} is missing: the bench needs the built server. Run \`npm run build\` first.`,
      );
      process.exit(1);
    }
  }
  const started = Date.now();
  const database = await createDatabase();
  const db = await createConnection({ uri: database.url, timezone: 'Z', dateStrings: false });
  const [[{ version, pool }]] = await db.query(
    'SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool',
  );
  console.log(
    `Statistics bench: ${int(CONTACTS)} contacts over ${DAYS} days (${FIRST_DAY.toISODate()} .. ` +
      `${LAST_DAY.toISODate()}, ${ZONE}), ${version}, InnoDB buffer pool ${int(pool / 2 ** 20)} MB, ` +
      `${cpus().length} CPUs`,
  );
  console.log(`Database ${database.name}; built server in ${DIST}\n`);
  const dataDir = tempDir('hotline-stats-');
  const phaseTimes = {};

  let hotlineId;
  if (!REUSE) {
    // 1. Schema, default hotline and admin: the built server's first start.
    let at = Date.now();
    const first = await startServer(database, dataDir);
    await stopProcess(first.server);
    phaseTimes.schema = Date.now() - at;
    console.log(
      `1. Schema by the server's first start (migrations, hotline, admin): ${seconds(phaseTimes.schema)}`,
    );

    // 2. The hotline, the admin and the other volunteers.
    const [[hotline]] = await db.query('SELECT id, time_zone AS zone FROM hotline');
    if (hotline.zone !== ZONE)
      throw new Error(`the hotline's zone is ${hotline.zone}, not ${ZONE}`);
    hotlineId = hotline.id;
    const [[admin]] = await db.query('SELECT id FROM volunteer WHERE email = ?', [ADMIN.email]);
    const volunteerIds = await addVolunteers(db, hotlineId, admin.id);
    console.log(`2. Hotline ${hotlineId} (${hotline.zone}), ${volunteerIds.length} volunteers`);

    // 3. The raw rows.
    console.log(
      `3. Generating ${int(CONTACTS)} contacts, their topics and calls (chunks of ${int(CHUNK)})`,
    );
    const loaded = await load(db, hotlineId, volunteerIds);
    phaseTimes.load = loaded.total;
    for (const [phase, ms] of Object.entries(loaded.phases))
      console.log(`   ${phase}: ${seconds(ms)}`);
    console.log(`   ANALYZE TABLE: ${seconds(loaded.analyze)}`);
    console.log(`   load total: ${seconds(loaded.total)}`);
  } else {
    const [[hotline]] = await db.query('SELECT id FROM hotline');
    hotlineId = hotline.id;
    console.log(`Reusing ${database.name}: no load, no rebuild.`);
  }
  const [[counts]] = await db.query(
    `SELECT (SELECT COUNT(*) FROM contact) AS contacts, (SELECT COUNT(*) FROM contact_topic) AS topics,
       (SELECT COUNT(*) FROM phone_call) AS calls,
       (SELECT COUNT(*) FROM phone_call WHERE outcome = 'abandoned') AS abandoned`,
  );
  console.log(
    `   rows: ${int(counts.contacts)} contacts, ${int(counts.topics)} contact topics, ` +
      `${int(counts.calls)} calls (${int(counts.abandoned)} abandoned)`,
  );

  if (!REUSE) {
    // 4. The rollups, by the built rebuild script.
    console.log(
      `4. Rollups: node ${REBUILD.replace(`${root}/`, '')} (stopped after ${REBUILD_MINUTES} min)`,
    );
    const rebuilt = await rebuild(database);
    phaseTimes.rebuild = rebuilt.ms;
    const rate = (Number(counts.contacts) + Number(counts.calls)) / (rebuilt.ms / 1000);
    if (rebuilt.output) console.log(`   ${rebuilt.output.split('\n').join('\n   ')}`);
    if (rebuilt.stderr) console.log(`   stderr:\n${rebuilt.stderr}`);
    console.log(
      `   rebuild: ${seconds(rebuilt.ms)}, ${int(rate)} contacts + calls per second, ` +
        `peak RSS ${int(rebuilt.progress.peakRssMb)} MB`,
    );
    if (rebuilt.code !== 0) {
      console.log(
        `\nFINDING: the rebuild did not finish (${rebuilt.signal ?? `exit code ${rebuilt.code}`}). ` +
          'Without its rollups the reports would show nothing; the report timings are skipped ' +
          'rather than measured on rollups made some other way.',
      );
      process.exitCode = 1;
      return;
    }
  }
  const [[cells]] = await db.query(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT day) AS days,
       (SELECT COUNT(*) FROM stats_month WHERE hotline_id = ?) AS monthCells
     FROM stats_day WHERE hotline_id = ?`,
    [hotlineId, hotlineId],
  );
  const [sizes] = await db.query(
    `SELECT TABLE_NAME AS name, DATA_LENGTH + INDEX_LENGTH AS bytes FROM information_schema.TABLES
     WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN ('contact', 'contact_topic', 'phone_call', 'stats_day', 'stats_month')`,
    [database.name],
  );
  console.log(
    `   stats_day: ${int(cells.n)} cells over ${int(cells.days)} days (${int(cells.n / cells.days)} a day); ` +
      `stats_month: ${int(cells.monthCells)} cells; ` +
      `on disk ${sizes.map((s) => `${s.name} ${int(s.bytes / 2 ** 20)} MB`).join(', ')}`,
  );

  // 5. The reports, the rollup reads alone, and the baselines.
  let at = Date.now();
  const { base } = await startServer(database, dataDir);
  const headers = await signIn(base);
  console.log(
    `5. Timing: ${WARM_UP} warm-up runs, then ${RUNS} (raw over a year: ${RAW_YEAR_RUNS})`,
  );
  const results = {};
  let failed = false;
  for (const p of [period('month', MONTH), period('year', YEAR)]) {
    const path =
      p.kind === 'month' ? `/api/stats/monthly?month=${MONTH}` : `/api/stats/yearly?year=${YEAR}`;
    const rollups = rollupQueries(db, hotlineId, p);
    const rawRuns = p.kind === 'year' ? RAW_YEAR_RUNS : RUNS;
    const r = {
      api: await timed(`${p.kind}: GET ${path}`, RUNS, () => getReport(base, headers, path)),
      cells: await timed(`${p.kind}: rollup SQL, period GROUP BY`, RUNS, rollups.cells),
      both: await timed(`${p.kind}: rollup SQL, period + 12-month trend`, RUNS, async () => {
        await rollups.cells();
        await rollups.trend();
      }),
      perFigure: await timed(
        `${p.kind}: raw GROUP BY, one per figure (11 statements)`,
        rawRuns,
        () => rawPerFigure(db, hotlineId, p),
      ),
      fewest: await timed(`${p.kind}: raw GROUP BY, fewest scans (3 statements)`, rawRuns, () =>
        rawFewestScans(db, hotlineId, p),
      ),
    };
    results[p.kind] = r;

    // The report must say what the raw rows say.
    const fromReport = reportFigures(JSON.parse(r.api.last));
    const [[{ n: rawTotal }]] = await db.query(`SELECT COUNT(*) AS n ${CONTACTS_OF}`, [
      hotlineId,
      p.startUtc,
      p.endUtc,
    ]);
    console.log(
      `  ${p.kind} ${p.value}: consultations total from the API ${int(fromReport.total)}, ` +
        `raw COUNT(*) ${int(rawTotal)}`,
    );
    const diff = [
      ...differences(fromReport, r.perFigure.last).map((d) => `per-figure baseline: ${d}`),
      ...differences(fromReport, r.fewest.last).map((d) => `fewest-scans baseline: ${d}`),
    ];
    if (Number(rawTotal) !== fromReport.total)
      diff.unshift(`consultations total: API ${fromReport.total}, raw COUNT(*) ${rawTotal}`);
    if (diff.length) {
      failed = true;
      console.log(`  MISMATCH in ${p.kind} ${p.value}:\n    ${diff.slice(0, 40).join('\n    ')}`);
    } else {
      const compared = Object.values(fromReport).reduce(
        (sum, value) => sum + (typeof value === 'object' ? Object.keys(value).length : 1),
        0,
      );
      console.log(`  every figure agrees (${compared} compared, both baselines)`);
    }
  }
  phaseTimes.timing = Date.now() - at;

  // The table.
  const rows = [];
  for (const [kind, r] of Object.entries(results)) {
    for (const [key, label] of [
      ['api', 'report via HTTP API'],
      ['cells', 'rollup SQL: period GROUP BY'],
      ['both', 'rollup SQL: period + trend'],
      ['perFigure', 'raw GROUP BY, per figure'],
      ['fewest', 'raw GROUP BY, fewest scans'],
    ]) {
      const m = r[key];
      rows.push([
        kind,
        label,
        m.p50.toFixed(1),
        m.p95.toFixed(1),
        m.max.toFixed(1),
        String(m.runs),
        ['api', 'cells', 'both'].includes(key) ? `${(r.perFigure.p50 / m.p50).toFixed(1)}×` : '',
        ['api', 'cells', 'both'].includes(key) ? `${(r.fewest.p50 / m.p50).toFixed(1)}×` : '',
      ]);
    }
  }
  const header = [
    'period',
    'measurement',
    'p50 ms',
    'p95 ms',
    'max ms',
    'runs',
    'per-figure ÷',
    'fewest-scans ÷',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  console.log(
    '\n÷: the raw p50 divided by this p50 (how many times faster than the raw GROUP BYs).',
  );
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  '),
    );

  const month = results.month;
  const year = results.year;
  const verdicts = [
    [
      'month: report (API) ≥ 20× faster than the raw GROUP BYs (p50)',
      month.perFigure.p50 / month.api.p50,
      month.perFigure.p50 / month.api.p50 >= 20,
    ],
    [
      'year: report (API) ≥ 20× faster than the raw GROUP BYs (p50)',
      year.perFigure.p50 / year.api.p50,
      year.perFigure.p50 / year.api.p50 >= 20,
    ],
    ['month: report (API) p50 < 50 ms', month.api.p50, month.api.p50 < 50],
  ];
  console.log(
    '\nTargets: ≥ 20× faster than a plain GROUP BY over the raw rows; < 50 ms for a month.',
  );
  for (const [label, value, ok] of verdicts)
    console.log(
      `  ${ok ? 'PASS' : 'FAIL'}  ${label}: ${value.toFixed(1)}${label.includes('ms') ? ' ms' : '×'}`,
    );
  console.log(
    `  (against the fewest-scans baseline: month ${(month.fewest.p50 / month.api.p50).toFixed(1)}×, ` +
      `year ${(year.fewest.p50 / year.api.p50).toFixed(1)}×; month API p95 ${month.api.p95.toFixed(1)} ms)`,
  );
  console.log(
    `\nPhases: ${Object.entries(phaseTimes)
      .map(([name, ms]) => `${name} ${seconds(ms)}`)
      .join(', ')}; whole run ${seconds(Date.now() - started)}`,
  );
  if (failed) {
    console.log('\nFAIL: the report and the raw rows disagree (see MISMATCH above).');
    process.exitCode = 1;
  } else if (!verdicts.every(([, , ok]) => ok)) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp().catch((error) => console.error(`clean-up: ${error.message}`));
    // The mysql2 connections end with the process.
    process.exit();
  });
