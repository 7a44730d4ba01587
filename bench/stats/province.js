#!/usr/bin/env node
/**
 * Province bench: a province of H hotlines under C cities (each city a county of schools) with
 * N contacts over five years on MariaDB. The unit report of the province for one month (its
 * subtree summed from the rollups, with the breakdown by city and the comparisons) through
 * HTTP, against the same figures from a GROUP BY over the raw contacts in the same run; then
 * the import of a file of R rows (dry run and commit) through HTTP, in rows per second.
 *
 *   npm run build && node bench/stats/province.js [--contacts 5000000] [--hotlines 100]
 *     [--cities 11] [--runs 20] [--import-rows 100000]
 * MariaDB at TEST_MYSQL_URL; the bench database gets a random name and is dropped at the end.
 */
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { cpus, tmpdir } = require('node:os');
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
  root,
  scriptEnv,
  startProcess,
  stopProcess,
  textArg,
} = require('../hotline-process');

const CONTACTS = arg('contacts', 5_000_000);
const HOTLINES = arg('hotlines', 100);
const CITIES = arg('cities', 11);
const RUNS = arg('runs', 20);
const WARM_UP = arg('warmup', 3);
const IMPORT_ROWS = arg('import-rows', 100_000);
const MONTH = textArg('month', '2026-11');
const CHUNK = arg('chunk', 250_000);
/**
 * How the rollups are made: `rebuild` (default) runs the built stats:rebuild script, which
 * walks each hotline month by month (about 2,000 contacts a second here: 40 minutes for five
 * million); `sql` sums the same cells with GROUP BYs in MariaDB, for sizes the rebuild cannot
 * reach in a run. Either way the report must agree with the raw rows, or the run fails.
 */
const ROLLUPS = textArg('rollups', 'rebuild');
const ZONE = 'Asia/Shanghai';
/** Five calendar years, 2022-2026, in the hotlines' evenings. */
const FIRST_EVENING_UTC = '2022-01-01 10:00:00';
const DAYS = 1826;
const MAIN = join(DIST, 'apps/hotline/src/main.js');
const REBUILD = join(DIST, 'apps/hotline/src/statistics/rebuild.js');

const CHANNELS = ['phone', 'face_to_face', 'online'];
const TOPICS = [
  'emotional.anxiety_stress',
  'emotional.low_mood',
  'learning.exam_stress',
  'learning.motivation',
  'parent_child.communication',
  'peer_relations.friendship',
  'behaviour.sleep',
  'self_harm_suicide.ideation',
];
const CALLER_TYPES = ['pupil', 'parent', 'teacher', 'other'];
const AGE_BANDS = ['6_11', '12_14', '15_17'];
const GENDERS = ['female', 'male'];
const RISKS = ['none', 'low', 'medium', 'high'];
const OUTCOMES = ['advice_given', 'booked_face_to_face', 'referred_to_hospital'];

const int = (n) => Math.round(n).toLocaleString('en-US');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pick = (list, expression) =>
  `ELT(1 + (${expression}) MOD ${list.length}, ${list.map((v) => `'${v}'`).join(', ')})`;

async function api(base, headers, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers:
      body instanceof FormData ? headers : { ...headers, 'content-type': 'application/json' },
    body: body instanceof FormData ? body : body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Cities under the top unit, a county per city, the hotlines spread over the counties. */
async function buildProvince(base, headers) {
  const [top] = await api(base, headers, 'GET', '/api/units');
  const counties = [];
  for (let c = 0; c < CITIES; c++) {
    const city = await api(base, headers, 'POST', '/api/units', {
      name: `City ${c + 1}`,
      kind: 'city',
      parentId: top.id,
    });
    counties.push(
      await api(base, headers, 'POST', '/api/units', {
        name: `County ${c + 1}`,
        kind: 'county',
        parentId: city.id,
      }),
    );
  }
  const hotlineIds = [];
  for (let h = 0; h < HOTLINES; h++) {
    const school = await api(base, headers, 'POST', '/api/units', {
      name: `School ${h + 1}`,
      kind: 'school',
      parentId: counties[h % CITIES].id,
    });
    const hotline = await api(base, headers, 'POST', '/api/hotlines', {
      name: `School line ${h + 1}`,
    });
    await api(base, headers, 'PUT', `/api/units/${school.id}/hotlines/${hotline.id}`);
    hotlineIds.push(hotline.id);
  }
  return { top, hotlineIds };
}

/** N contacts spread evenly over five years and the hotlines, each with its primary topic. */
async function load(db, hotlineIds, adminId) {
  await db.query('CREATE TABLE bench_hotline (idx INT PRIMARY KEY, id VARCHAR(36) NOT NULL)');
  await db.query('INSERT INTO bench_hotline VALUES ?', [hotlineIds.map((id, i) => [i, id])]);
  for (let from = 1; from <= CONTACTS; from += CHUNK) {
    const to = Math.min(CONTACTS, from + CHUNK - 1);
    await db.query(`
      INSERT INTO contact (id, hotline_id, channel, call_id, volunteer_id, recorded_by, occurred_at,
        duration_minutes, caller_type, age_band, grade, gender, district, primary_topic, risk_level,
        outcome, notes_encrypted, notes_cleared_at, caller_hash, created_at, updated_at, wrap_up_seconds)
      SELECT CONCAT(LPAD(LOWER(HEX(s.seq)), 8, '0'), '-0000-4000-8000-000000000000'), h.id,
        ${pick(CHANNELS, 's.r DIV 7')}, NULL, '${adminId}', '${adminId}',
        TIMESTAMP('${FIRST_EVENING_UTC}') + INTERVAL FLOOR((s.seq - 1) * ${DAYS} / ${CONTACTS}) DAY
          + INTERVAL (s.r MOD 14400) SECOND,
        20, ${pick(CALLER_TYPES, 's.r DIV 11')}, ${pick(AGE_BANDS, 's.r DIV 13')}, NULL,
        ${pick(GENDERS, 's.r DIV 17')}, NULL, ${pick(TOPICS, 's.r DIV 19')},
        ${pick(RISKS, 's.r DIV 23')}, ${pick(OUTCOMES, 's.r DIV 29')}, NULL, NULL, NULL,
        NOW(3), NOW(3), NULL
      FROM (SELECT seq, CRC32(CONCAT('c', seq)) AS r FROM seq_${from}_to_${to}) s
      JOIN bench_hotline h ON h.idx = s.seq MOD ${hotlineIds.length}`);
    await db.query(`
      INSERT INTO contact_topic (contact_id, topic_key, is_primary)
      SELECT c.id, c.primary_topic, 1 FROM contact c
      WHERE c.id BETWEEN CONCAT(LPAD(LOWER(HEX(${from})), 8, '0'), '-') AND CONCAT(LPAD(LOWER(HEX(${to})), 8, '0'), '.')`);
    console.log(`   ${int(to)} contacts`);
  }
  await db.query('ANALYZE TABLE contact, contact_topic');
}

function rebuild(database) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-province-rebuild-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [REBUILD], {
      cwd: root,
      env: scriptEnv({ databaseUrl: database.url, dataDir, zone: ZONE }),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      if (code === 0) resolve();
      else reject(new Error(`the rebuild exited with ${code}`));
    });
  });
}

/**
 * The contacts' daily cells summed in MariaDB (what contactContributions adds for a contact
 * with one topic, no wrap-up, in the hotlines' UTC+8 zone), then their months from the days.
 */
async function sqlRollups(db) {
  const day = "DATE_FORMAT(occurred_at + INTERVAL 8 HOUR, '%Y-%m-%d')";
  const metrics = {
    contacts: "''",
    channel: 'channel',
    primary_topic: 'primary_topic',
    primary_group: "SUBSTRING_INDEX(primary_topic, '.', 1)",
    topic: 'primary_topic',
    topic_group: "SUBSTRING_INDEX(primary_topic, '.', 1)",
    caller_type: 'caller_type',
    age_band: 'age_band',
    gender: 'gender',
    risk: 'risk_level',
    outcome: 'outcome',
  };
  for (const [metric, bucket] of Object.entries(metrics))
    await db.query(
      `INSERT INTO stats_day (hotline_id, day, metric, bucket, count, total, peak)
       SELECT hotline_id, ${day}, '${metric}', ${bucket}, COUNT(*), 0, 0 FROM contact
       GROUP BY hotline_id, ${day}, ${bucket}`,
    );
  await db.query(
    `INSERT INTO stats_month (hotline_id, month, metric, bucket, count, total, peak)
     SELECT hotline_id, LEFT(day, 7), metric, bucket, SUM(count), 0, 0 FROM stats_day
     GROUP BY hotline_id, LEFT(day, 7), metric, bucket`,
  );
}

/**
 * The unit report's figures straight from the raw rows: the month's contacts of the province's
 * hotlines by city and channel and by each block's dimension (one scan, grouped), and the two
 * comparison months counted.
 */
async function rawReport(db, hotlineCity, month) {
  const [year, m] = month.split('-').map(Number);
  const local = (y, mo) =>
    `CONVERT_TZ('${y}-${String(mo).padStart(2, '0')}-01 00:00:00', '+08:00', '+00:00')`;
  const next = m === 12 ? [year + 1, 1] : [year, m + 1];
  const previous = m === 1 ? [year - 1, 12] : [year, m - 1];
  const ids = [...hotlineCity.keys()];
  const [rows] = await db.query(
    `SELECT hotline_id, channel, primary_topic, caller_type, age_band, gender, risk_level, outcome, COUNT(*) AS n
     FROM contact WHERE hotline_id IN (?) AND occurred_at >= ${local(year, m)} AND occurred_at < ${local(...next)}
     GROUP BY hotline_id, channel, primary_topic, caller_type, age_band, gender, risk_level, outcome`,
    [ids],
  );
  const count = async (from, to) =>
    (
      await db.query(
        `SELECT COUNT(*) AS n FROM contact WHERE hotline_id IN (?) AND occurred_at >= ${local(...from)} AND occurred_at < ${local(...to)}`,
        [ids],
      )
    )[0][0].n;
  const [before, yearBefore] = await Promise.all([
    count(previous, [year, m]),
    count([year - 1, m], next[0] === year + 1 ? [year, 1] : [year - 1, next[1]]),
  ]);
  const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
  const byCity = new Map();
  const byChannel = new Map();
  for (const row of rows) {
    byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0) + Number(row.n));
    const city = hotlineCity.get(row.hotline_id);
    byCity.set(city, (byCity.get(city) ?? 0) + Number(row.n));
  }
  return { total, byCity, byChannel, before: Number(before), yearBefore: Number(yearBefore) };
}

async function timed(runs, work) {
  for (let i = 0; i < WARM_UP; i++) await work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const at = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - at) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** A CSV of R consultations of 2021 (a year the load leaves empty), Chinese headers. */
function importFile(rows) {
  const lines = ['日期时间,渠道,来电者类型,年龄段,性别,主要问题,风险等级,处理结果'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2021, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    const minute = String(i % 60).padStart(2, '0');
    lines.push(
      [
        `${day} ${18 + (i % 4)}:${minute}`,
        CHANNELS[i % 3],
        CALLER_TYPES[i % 4],
        AGE_BANDS[i % 3],
        GENDERS[i % 2],
        TOPICS[i % TOPICS.length],
        RISKS[i % 4],
        OUTCOMES[i % 3],
      ].join(','),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function main() {
  for (const file of [MAIN, REBUILD])
    if (!existsSync(file)) {
      console.error(`${file} is missing: run \`npm run build\` first.`);
      process.exit(1);
    }
  const started = Date.now();
  const database = await createMysqlDatabase('hotline_province');
  const db = await createConnection({ uri: database.url, timezone: 'Z' });
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-province-'));
  let server;
  try {
    console.log(
      `Province bench: ${int(CONTACTS)} contacts, ${HOTLINES} hotlines under ${CITIES} cities, ` +
        `${database.version}, ${cpus().length} CPUs; database ${database.name}\n`,
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...hotlineEnv({ port, databaseUrl: database.url, dataDir }),
      HOTLINE_TIMEZONE: ZONE,
      HOTLINE_CLOCK_START: '2027-01-04T19:00:00+08:00',
    };
    server = await startProcess(MAIN, env, `${base}/health`);
    const login = await api(base, {}, 'POST', '/api/auth/login', ADMIN);
    const headers = { authorization: `Bearer ${login.accessToken}` };

    let at = Date.now();
    const { top, hotlineIds } = await buildProvince(base, headers);
    console.log(
      `1. The province: ${CITIES} cities, ${HOTLINES} school hotlines (${seconds(Date.now() - at)})`,
    );
    await stopProcess(server);

    at = Date.now();
    const [[admin]] = await db.query('SELECT id FROM volunteer WHERE email = ?', [ADMIN.email]);
    await load(db, hotlineIds, admin.id);
    const loadMs = Date.now() - at;
    console.log(
      `2. ${int(CONTACTS)} contacts loaded in ${seconds(loadMs)} (${int(CONTACTS / (loadMs / 1000))} a second)`,
    );
    at = Date.now();
    if (ROLLUPS === 'sql') await sqlRollups(db);
    else await rebuild(database);
    const rebuildMs = Date.now() - at;
    console.log(
      `3. Rollups (${ROLLUPS === 'sql' ? 'summed in SQL' : 'the built rebuild script'}) in ${seconds(rebuildMs)} ` +
        `(${int(CONTACTS / (rebuildMs / 1000))} contacts a second)`,
    );

    server = await startProcess(MAIN, env, `${base}/health`);
    const units = await api(base, headers, 'GET', '/api/units');
    const cityOf = new Map();
    const parent = new Map(units.map((unit) => [unit.id, unit.parentId]));
    for (const unit of units)
      for (const hotline of unit.hotlines) {
        let city = unit.id;
        while (parent.get(city) && parent.get(city) !== top.id) city = parent.get(city);
        cityOf.set(hotline.id, city);
      }
    for (const id of hotlineIds)
      if (!cityOf.has(id)) throw new Error(`hotline ${id} is in no city`);

    const path = `/api/units/${top.id}/stats/monthly?month=${MONTH}`;
    const report = await api(base, headers, 'GET', path);
    const raw = await rawReport(db, cityOf, MONTH);
    const agree =
      report.consultations.total === raw.total &&
      report.comparisons.previous.consultations === raw.before &&
      report.comparisons.yearBefore.consultations === raw.yearBefore &&
      report.consultations.byChannel.rows.every(
        (row) => row.count === null || row.count === raw.byChannel.get(row.key),
      ) &&
      report.breakdown.rows.every(
        (row) =>
          row.consultations === null || row.consultations === (raw.byCity.get(row.unitId) ?? 0),
      );
    console.log(
      `4. Province ${MONTH}: ${int(raw.total)} consultations (${int(raw.before)} the month before, ` +
        `${int(raw.yearBefore)} a year before); the report ${agree ? 'agrees with' : 'DIFFERS FROM'} the raw rows`,
    );
    if (!agree) process.exitCode = 1;

    const api50 = await timed(RUNS, () => api(base, headers, 'GET', path));
    const raw50 = await timed(RUNS, () => rawReport(db, cityOf, MONTH));
    console.log(`\n| measurement                          | p50 ms | p95 ms |`);
    console.log(`| ------------------------------------ | ------ | ------ |`);
    console.log(
      `| province monthly report via HTTP API | ${api50.p50.toFixed(1)} | ${api50.p95.toFixed(1)} |`,
    );
    console.log(
      `| raw GROUP BY of the same figures     | ${raw50.p50.toFixed(1)} | ${raw50.p95.toFixed(1)} |`,
    );
    console.log(
      `ratio (raw p50 / report p50): ${(raw50.p50 / api50.p50).toFixed(1)}×  (target ≥ 20× and < 100 ms)`,
    );

    const file = importFile(IMPORT_ROWS);
    const upload = (mode) => {
      const form = new FormData();
      form.append('hotlineId', hotlineIds[0]);
      form.append('mode', mode);
      form.append('file', new Blob([file]), 'province-2021.csv');
      return api(base, headers, 'POST', '/api/imports', form);
    };
    at = Date.now();
    const dry = await upload('dry-run');
    const dryMs = Date.now() - at;
    at = Date.now();
    const done = await upload('commit');
    const commitMs = Date.now() - at;
    console.log(
      `\n5. Import of ${int(IMPORT_ROWS)} rows (${(file.length / 2 ** 20).toFixed(1)} MB CSV): dry run ${seconds(dryMs)} ` +
        `(${int(IMPORT_ROWS / (dryMs / 1000))} rows/s, ${dry.problemCount} problems), commit ${seconds(commitMs)} ` +
        `(${int(IMPORT_ROWS / (commitMs / 1000))} rows/s, ${int(done.added)} added)`,
    );
    at = Date.now();
    const again = await upload('commit');
    console.log(
      `   again: ${int(again.added)} added, ${int(again.alreadyImported)} imported before (${seconds(Date.now() - at)})`,
    );
    console.log(`\nWhole run: ${seconds(Date.now() - started)}`);
  } finally {
    if (server) await stopProcess(server);
    await db.end();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.stack);
  process.exit(1);
});
