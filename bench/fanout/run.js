#!/usr/bin/env node
/**
 * Fan-out bench: how fast a queue change reaches N open consoles. N socket.io consoles (in a
 * process of their own, consoles.js) connect to the built hotline server's `/console`; calls
 * arrive as signed Twilio webhooks at a steady rate, and each one's `call` change is timed from
 * the instant before its third webhook (the one that queues it) to its arrival at every
 * console. The same consoles then connect to a bare socket.io server (bare-server.js) that
 * broadcasts frames of the same shape and size at the same rate: the baseline, in the same run.
 *
 * With `--instances 2`: one hotline instance on MariaDB, then two instances on one MariaDB
 * database and one Redis with the consoles split between them, the same consoles and calls in
 * both; the webhooks go to one instance (`--webhooks-to follower|leader`).
 *
 *   npm run build && node bench/fanout/run.js [--consoles 1000] [--calls 200] [--rate 20]
 *   node bench/fanout/run.js --instances 2 [--consoles 2000] [--webhooks-to follower]
 *     [--mysql mysql://root@127.0.0.1:3306] [--redis redis://127.0.0.1:6379]
 *   Every mode: [--dist <build directory>] (default dist/)
 */
const { fork } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const Database = require('better-sqlite3');
const mysql = require('mysql2/promise');
const {
  HOTLINE_MAIN,
  arg,
  createMysqlDatabase,
  freePort,
  hotlineEnv,
  percentile,
  prepareHotline,
  root,
  signedCall,
  startProcess,
  stopProcess,
  textArg,
} = require('../hotline-process');

const INSTANCES = arg('instances', 1);
const CONSOLES = arg('consoles', INSTANCES > 1 ? 2000 : 1000);
const CALLS = arg('calls', 200);
const RATE = arg('rate', 20);
/** `--instances 2`: the MariaDB server (each run gets a database of its own) and Redis. */
const MYSQL = textArg('mysql', process.env.BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306');
const REDIS_URL = textArg('redis', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const WEBHOOKS_TO = textArg('webhooks-to', 'follower');
/** Calls (or broadcasts) before the measured ones, not counted: JIT and caches warm up. */
const WARM_UP = 10;
/** Consoles connecting at the same time. */
const CONNECTING = 50;
/** The hotline's coalescing window (COALESCE_MS in apps/hotline/src/console/live-feed.service.ts). */
const COALESCE_MS = 20;
/** Waiting for deliveries ends when none has come for this long. */
const QUIET_MS = 5000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every child process, temporary directory and database, so that every way out cleans them up.
const children = new Set();
const tempDirs = new Set();
const databases = new Set();
function cleanUp() {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    cleanUp();
    Promise.allSettled([...databases].map((database) => database.drop())).then(() =>
      process.exit(130),
    );
  });

function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Starts a server as its own process, tracked for clean-up. */
const start = async (script, env, readyUrl) => track(await startProcess(script, env, readyUrl));

/** Forks a helper (consoles.js, bare-server.js) and resolves once it says it is ready. */
function forkReady(script, env = {}) {
  const child = track(
    fork(script, [], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on('message', (message) => {
      if (!message.ready) return;
      clearTimeout(timer);
      resolve(child);
    });
  });
}

/** `call(cmd, args)` to a forked helper, answered by its `{ id, result }` message. */
function commander(child) {
  const pending = new Map();
  let next = 0;
  child.on('message', ({ id, result, error }) => {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (error) waiting.reject(new Error(error));
    else waiting.resolve(result);
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`helper exited (${code})`));
    pending.clear();
  });
  return (cmd, args = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, ...args });
    });
}

const stop = stopProcess;

/** Resident memory of a process, in MB. */
function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/** Runs `task(i)` for i < count, started at a steady `rate` per second without waiting for each. */
async function atRate(count, rate, task) {
  const started = now();
  const running = [];
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / rate - now();
    if (wait > 0) await sleep(wait);
    running.push(task(i));
  }
  const settled = await Promise.allSettled(running);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return (now() - started) / 1000;
}

/** Waits until the consoles have `expected` call deliveries, or none came for QUIET_MS. */
async function delivered(consoles, expected) {
  let last = -1;
  let since = now();
  for (;;) {
    const { deliveries } = await consoles('count');
    if (deliveries >= expected) return deliveries;
    if (deliveries !== last) {
      last = deliveries;
      since = now();
    } else if (now() - since > QUIET_MS) {
      return deliveries;
    }
    await sleep(100);
  }
}

// ---- The hotline -------------------------------------------------------------------------

async function post(base, step) {
  const response = await fetch(`${base}${step.path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': step.signature,
    },
    body: step.body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${step.path} answered ${response.status}: ${text}`);
  return text;
}

/** Places a call; notes the instant before its third webhook and how long that one took. */
async function placeCall(base, call, origins, answerMs) {
  await post(base, call.steps[0]);
  await post(base, call.steps[1]);
  const origin = now();
  const twiml = await post(base, call.steps[2]);
  answerMs.push(now() - origin);
  origins.set(call.callSid, origin);
  if (!twiml.includes('<Enqueue')) throw new Error(`call ${call.callSid} was not queued: ${twiml}`);
}

/** Changes name the call by the hotline's id for it, webhooks by Twilio's: the database maps them. */
function callIdsBySid(databaseFile) {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, call_sid AS sid FROM phone_call').all();
    return new Map(rows.map((row) => [row.sid, row.id]));
  } finally {
    db.close();
  }
}

/** The default mode's hotline: one instance on a temporary SQLite file. */
async function sqliteHotline() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = tempDir('hotline-fanout-');
  const databaseFile = join(dataDir, 'bench.sqlite');
  const server = await start(
    HOTLINE_MAIN,
    hotlineEnv({ port, databaseUrl: `sqlite:${databaseFile}`, dataDir }),
    `${base}/health`,
  );
  return {
    label: 'hotline (SQLite)',
    urls: [`${base}/console`],
    webhooks: base,
    pids: [server.pid],
    callIds: async () => callIdsBySid(databaseFile),
    async stop() {
      await stop(server);
      removeTempDir(dataDir);
    },
  };
}

/** A MariaDB database of this run's own on the `--mysql` server, dropped when the run ends. */
async function mariadbDatabase() {
  const created = await createMysqlDatabase('hotline_fanout', MYSQL);
  const connection = await mysql.createConnection({ uri: created.url });
  const database = {
    url: created.url,
    async callIds() {
      const [rows] = await connection.query('SELECT id, call_sid AS sid FROM phone_call');
      return new Map(rows.map((row) => [row.sid, row.id]));
    },
    async drop() {
      databases.delete(database);
      await connection.end();
      await created.drop();
    },
  };
  databases.add(database);
  return database;
}

/** Each instance's `hotline_routing_leader` from its /metrics (the bench is on loopback). */
async function leadership(servers) {
  const deadline = now() + 30_000;
  for (;;) {
    const leading = await Promise.all(
      servers.map(async ({ base }) => {
        const metrics = await fetch(`${base}/metrics`).then((response) => response.text());
        return /^hotline_routing_leader 1$/m.test(metrics);
      }),
    );
    if (leading.filter(Boolean).length === 1) return leading.indexOf(true);
    if (now() > deadline) throw new Error(`no single routing leader: ${leading}`);
    await sleep(200);
  }
}

/**
 * `count` instances on one MariaDB database; several share a Redis (a key prefix of this run's
 * own) and the secrets, as a deployment must. They start one after the other: the first
 * applies the migrations and creates the admin.
 */
async function mariadbHotline(count) {
  const database = await mariadbDatabase();
  const shared = {
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...(count > 1
      ? { REDIS_URL, REDIS_KEY_PREFIX: `fanout-${randomBytes(4).toString('hex')}` }
      : {}),
  };
  const servers = [];
  const stopAll = async () => {
    for (const server of servers.reverse()) {
      await stop(server.child);
      removeTempDir(server.dataDir);
    }
    await database.drop();
  };
  try {
    for (let i = 1; i <= count; i++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const dataDir = tempDir('hotline-fanout-');
      const env = hotlineEnv({ port, databaseUrl: database.url, dataDir });
      const child = await start(
        HOTLINE_MAIN,
        { ...env, ...shared, ...(count > 1 ? { INSTANCE_ID: `fanout-${i}` } : {}) },
        `${base}/health`,
      );
      servers.push({ base, child, dataDir });
    }
    let webhooks = servers[0];
    let note = '';
    if (count > 1) {
      const leader = await leadership(servers);
      webhooks = servers[WEBHOOKS_TO === 'leader' ? leader : (leader + 1) % count];
      note =
        `instance ${leader + 1} of ${count} leads the routing; the webhooks go to instance ` +
        `${servers.indexOf(webhooks) + 1} (the ${WEBHOOKS_TO}); console i connects to instance i mod ${count} + 1`;
    }
    return {
      label: count > 1 ? `${count} instances (MariaDB, Redis)` : '1 instance (MariaDB)',
      urls: servers.map(({ base }) => `${base}/console`),
      webhooks: webhooks.base,
      pids: servers.map(({ child }) => child.pid),
      note,
      callIds: () => database.callIds(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

/** The consoles on the deployment, the calls through its webhooks, the deliveries timed. */
async function hotlineRun(consoles, deployment) {
  try {
    const base = deployment.webhooks;
    const token = await prepareHotline(base);
    // Among several instances the new queue limit reaches the leader by a broadcast.
    if (deployment.urls.length > 1) await sleep(1000);
    const measure = {
      label: deployment.label,
      connect: () =>
        consoles('open', {
          urls: deployment.urls,
          token,
          count: CONSOLES,
          concurrency: CONNECTING,
        }),
      pids: deployment.pids,
    };
    const answerMs = [];
    const sids = new Map();
    const warmUp = Array.from({ length: WARM_UP }, signedCall);
    const calls = Array.from({ length: CALLS }, signedCall);
    const result = await measured(consoles, measure, {
      warmUp: () => atRate(WARM_UP, RATE, (i) => placeCall(base, warmUp[i], new Map(), [])),
      drive: () => atRate(CALLS, RATE, (i) => placeCall(base, calls[i], sids, answerMs)),
      origins: async () => {
        const ids = await deployment.callIds();
        return new Map([...sids].map(([sid, origin]) => [ids.get(sid), origin]));
      },
    });
    answerMs.sort((a, b) => a - b);
    return {
      ...result,
      note: deployment.note,
      answerP50: answerMs[Math.floor(answerMs.length / 2)],
      answerP99: percentile(answerMs, 99),
    };
  } finally {
    await consoles('close').catch(() => undefined);
    await deployment.stop();
  }
}

// ---- The bare socket.io server -----------------------------------------------------------

/** A frame like the template (a hotline frame with one call change), for a new call. */
function frameLike(template, seq) {
  const frame = structuredClone(template);
  let callId;
  for (const change of frame.changes) {
    change.s = ++seq.value;
    if (change.type === 'call') {
      callId = randomUUID();
      change.call.callId = callId;
      change.call.queuedAt = new Date().toISOString();
    }
  }
  return { frame, callId };
}

/** Should the hotline run show no single-call frame, a frame of the protocol's shape. */
const FALLBACK_TEMPLATE = {
  hotlineId: randomUUID(),
  changes: [
    {
      s: 0,
      type: 'call',
      call: {
        callId: randomUUID(),
        topic: 'study',
        priority: 'normal',
        phase: 'waiting',
        queuedAt: new Date().toISOString(),
        callerType: 'student',
      },
    },
  ],
};

async function bareRun(consoles, template) {
  const port = await freePort();
  const bare = await forkReady(join(__dirname, 'bare-server.js'), { PORT: String(port) });
  const broadcast = commander(bare);
  const seq = { value: 0 };
  try {
    const measure = {
      label: 'bare socket.io broadcast',
      connect: () =>
        consoles('open', {
          url: `http://127.0.0.1:${port}/console`,
          token: 'bare',
          count: CONSOLES,
          concurrency: CONNECTING,
        }),
      pids: [bare.pid],
    };
    const origins = new Map();
    const warmUp = Array.from({ length: WARM_UP }, () => frameLike(template, seq));
    const frames = Array.from({ length: CALLS }, () => frameLike(template, seq));
    return await measured(consoles, measure, {
      warmUp: () => atRate(WARM_UP, RATE, (i) => broadcast('broadcast', warmUp[i])),
      drive: () =>
        atRate(CALLS, RATE, async (i) => {
          const { origin } = await broadcast('broadcast', { frame: frames[i].frame });
          origins.set(frames[i].callId, origin);
        }),
      origins: () => origins,
    });
  } finally {
    await consoles('close').catch(() => undefined);
    await stop(bare);
  }
}

// ---- Measuring -----------------------------------------------------------------------------

/** Connects the consoles, warms up, drives the measured changes and reads what arrived. */
async function measured(consoles, { label, connect, pids }, { warmUp, drive, origins }) {
  const rss = () => pids.reduce((sum, pid) => sum + rssOf(pid), 0);
  const rssIdle = rss();
  const opened = await connect();
  if (opened.failures > 0)
    throw new Error(
      `${label}: ${opened.failures} of ${CONSOLES} consoles could not connect ` +
        `(${opened.firstFailure}); try fewer --consoles, or a higher open-files limit (ulimit -n)`,
    );
  console.log(`${label}: ${CONSOLES} consoles connected in ${(opened.ms / 1000).toFixed(1)} s`);
  await sleep(1000);
  const rssConnected = rss();

  await warmUp();
  await delivered(consoles, CONSOLES * WARM_UP);
  await consoles('reset');

  const seconds = await drive();
  const expected = CONSOLES * CALLS;
  await delivered(consoles, expected);
  const report = await consoles('report');
  const byCall = await origins();

  // Each delivery from the origin; and split in two: origin → the change's first console (the
  // server's own work until the frame is on the wire), first console → this one (the fan-out).
  const latencies = new Float64Array(expected);
  const firsts = [];
  const spreads = new Float64Array(expected);
  let deliveries = 0;
  for (const [callId, origin] of byCall) {
    const times = report.received.get(callId);
    if (!times) continue;
    let first = Infinity;
    for (const at of times) if (at < first) first = at;
    firsts.push(first - origin);
    for (const at of times) {
      if (Number.isNaN(at)) continue;
      spreads[deliveries] = at - first;
      latencies[deliveries++] = at - origin;
    }
  }
  const sorted = latencies.subarray(0, deliveries).sort();
  const sortedSpreads = spreads.subarray(0, deliveries).sort();
  const sortedFirsts = Float64Array.from(firsts).sort();
  const frames = report.frames.reduce((sum, count) => sum + count, 0);
  console.log(
    `${label}: ${CALLS} changes in ${seconds.toFixed(1)} s, ${deliveries} of ${expected} deliveries`,
  );
  return {
    label,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[deliveries - 1],
    firstP50: percentile(sortedFirsts, 50),
    firstP99: percentile(sortedFirsts, 99),
    spreadP50: percentile(sortedSpreads, 50),
    spreadP99: percentile(sortedSpreads, 99),
    deliveries,
    expected,
    duplicates: report.duplicates,
    disconnects: report.disconnects,
    bytesPerChange: report.frameBytes / report.changes,
    bytesPerFrame: report.frameBytes / frames,
    changesPerFrame: report.changes / frames,
    framesPerConsole: frames / CONSOLES,
    rssIdle,
    rssConnected,
    sample: report.sample,
  };
}

// ---- Output --------------------------------------------------------------------------------

const ms = (value) => (value === undefined ? '-' : `${value.toFixed(1)} ms`);

function table(runs) {
  const rows = runs.map((run) => [
    run.label,
    ms(run.p50),
    ms(run.p99),
    ms(run.max),
    `${run.bytesPerChange.toFixed(0)} B`,
    `${run.deliveries} / ${run.expected}`,
    run.framesPerConsole.toFixed(1),
    `${run.rssIdle.toFixed(0)} → ${run.rssConnected.toFixed(0)} MB`,
  ]);
  const header = [
    'server',
    'p50',
    'p99',
    'max',
    'bytes/change',
    'deliveries',
    'frames/console',
    `RSS idle → ${CONSOLES} consoles`,
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  for (const row of [header, ...rows])
    console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}

function report(hotline, bare) {
  const line = (...parts) => console.log(parts.join(''));
  const times = (value) => `${value.toFixed(2)}×`;
  const met = (ok) => (ok ? 'met' : 'MISSED');
  console.log();
  table([hotline, bare]);
  const ratio = hotline.p99 / bare.p99;
  line('\np99 ratio hotline/bare: ', times(ratio));
  line(
    'Targets: p99 ≤ 1.2× the bare broadcast: ',
    `${met(ratio <= 1.2)} (${times(ratio)}); `,
    `≤ 300 bytes per change: ${met(hotline.bytesPerChange <= 300)} `,
    `(${hotline.bytesPerChange.toFixed(0)} B)`,
  );
  for (const run of [hotline, bare]) {
    const problems = [];
    if (run.deliveries < run.expected)
      problems.push(`${run.expected - run.deliveries} deliveries LOST`);
    if (run.duplicates > 0) problems.push(`${run.duplicates} duplicate deliveries`);
    if (run.disconnects > 0) problems.push(`${run.disconnects} consoles disconnected`);
    if (problems.length > 0) line(`${run.label}: ${problems.join(', ')}`);
  }

  const answer = hotline.answerP50;
  const lessAnswer = (value) => value - answer;
  line(
    "\nThe origins differ. The hotline's is the instant before the third webhook is sent, so its",
    "\nfigures include that webhook's own handling (signature check, database writes, enqueue;",
    `\nits answer took ${ms(answer)} median, ${ms(hotline.answerP99)} p99), and up to ${COALESCE_MS} ms of`,
    '\ncoalescing: a change less than a window after the last frame waits for the window to end;',
    "\none after a quiet spell goes out at once. The bare server's origin is the instant before its",
    '\nbroadcast, with neither. The same figures less the median webhook answer (a constant taken',
    '\noff every delivery: an estimate):',
  );
  const adjusted = [[`hotline − ${ms(answer)} webhook answer:`, lessAnswer]];
  for (const [label, less] of adjusted)
    line(
      `  ${label.padEnd(adjusted[0][0].length + 2)}`,
      `p50 ${ms(less(hotline.p50))}, p99 ${ms(less(hotline.p99))}`,
      ` → ${times(less(hotline.p99) / bare.p99)} the bare p99`,
    );
  line(
    "\nEach delivery split in two, measured rather than estimated: origin → the change's first",
    '\nconsole (the server until the frame is on the wire), then first console → each console',
    '\n(the fan-out itself, origins aside):',
  );
  for (const run of [hotline, bare])
    line(
      `  ${run.label.padEnd(26)}`,
      `to first console p50 ${ms(run.firstP50)}, p99 ${ms(run.firstP99)};  `,
      `fan-out p50 ${ms(run.spreadP50)}, p99 ${ms(run.spreadP99)}`,
    );
  line('  fan-out p99 ratio hotline/bare: ', times(hotline.spreadP99 / bare.spreadP99));

  line(
    "\nBytes: each frame's JSON, shared among its changes. Hotline frames held ",
    `${hotline.changesPerFrame.toFixed(2)} changes, ${hotline.bytesPerFrame.toFixed(0)} B,`,
    '\non average: calls less than a window apart share a frame, and at most once a second a frame',
    "\nbrings a 'today' change (the day's figures). The bare server sends one frame per call, a copy of a",
    `\nhotline frame with one call (${bare.bytesPerFrame.toFixed(0)} B).`,
  );
  line(
    `All ${CONSOLES} consoles sign in with the admin's token: one person with ${CONSOLES} consoles open`,
    `\n(${CONSOLES} volunteer accounts would only slow the setup). The consoles run in one separate`,
    '\nprocess, one websocket each; they share the machine with the server and the driver, in',
    '\nboth runs alike.',
  );
}

/** `--instances N`: the same consoles and calls on one instance, then on N. */
function reportInstances(one, many) {
  const line = (...parts) => console.log(parts.join(''));
  const times = (value) => `${value.toFixed(2)}×`;
  console.log();
  table([one, many]);
  line(
    `\n${many.label} / ${one.label}: p50 ${times(many.p50 / one.p50)}, `,
    `p99 ${times(many.p99 / one.p99)}`,
  );
  for (const run of [one, many]) {
    const lost = run.expected - run.deliveries;
    const problems = [`${lost} deliveries lost`];
    if (run.duplicates > 0) problems.push(`${run.duplicates} duplicate deliveries`);
    if (run.disconnects > 0) problems.push(`${run.disconnects} consoles disconnected`);
    line(`  ${run.label.padEnd(32)}${problems.join(', ')}`);
  }
  line('\nThe third webhook answered (p50, p99), and each delivery split in two:');
  for (const run of [one, many])
    line(
      `  ${run.label.padEnd(32)}`,
      `webhook ${ms(run.answerP50)}, ${ms(run.answerP99)};  `,
      `to first console p50 ${ms(run.firstP50)}, p99 ${ms(run.firstP99)};  `,
      `fan-out p50 ${ms(run.spreadP50)}, p99 ${ms(run.spreadP99)}`,
    );
  if (many.note) line(`\n${many.label}: ${many.note}.`);
  line(
    `RSS is the sum over the instances. All ${CONSOLES} consoles sign in with the admin's token and run`,
    '\nin one separate process; the servers, MariaDB, Redis, the consoles and the driver share the',
    '\nmachine in both runs alike.',
  );
}

async function main() {
  if (!existsSync(HOTLINE_MAIN))
    throw new Error(
      `${HOTLINE_MAIN} is missing: run "npm run build", or give --dist <build directory>.`,
    );
  console.log(
    `Fan-out bench: ${CONSOLES} consoles, ${CALLS} calls at ${RATE}/s ` +
      `(after ${WARM_UP} warm-up calls, not counted)\n`,
  );
  const consolesProcess = await forkReady(join(__dirname, 'consoles.js'));
  const consoles = commander(consolesProcess);
  try {
    if (INSTANCES > 1) {
      const one = await hotlineRun(consoles, await mariadbHotline(1));
      const many = await hotlineRun(consoles, await mariadbHotline(INSTANCES));
      reportInstances(one, many);
      return;
    }
    const hotline = await hotlineRun(consoles, await sqliteHotline());
    let template = hotline.sample;
    if (!template) {
      console.warn('No hotline frame held exactly one call: the bare server sends a plain one.');
      template = FALLBACK_TEMPLATE;
    }
    const bare = await bareRun(consoles, template);
    report(hotline, bare);
  } finally {
    await stop(consolesProcess);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
