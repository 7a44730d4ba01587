#!/usr/bin/env node
/**
 * Webhook bench: a caller's first three webhooks (incoming → caller menu → topic menu, which
 * persists the call and puts it in the queue), signed as Twilio signs them, against the built
 * hotline server on SQLite and on MariaDB, and against a bare Node `http` server answering
 * the same TwiML in the same run. Prints req/s, p50/p99 latency and the ratio to the bare server.
 *
 *   npm run build && node bench/webhook/run.js [--connections 200] [--seconds 10]
 * MariaDB at TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test); skipped if it does not answer.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const twilio = require('twilio');
const { createConnection } = require('mysql2/promise');

const root = join(__dirname, '../..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const CONNECTIONS = arg('connections', 200);
const SECONDS = arg('seconds', 10);
const PUBLIC_BASE_URL = 'https://hotline.bench';
const AUTH_TOKEN = 'bench-auth-token-0123456789abcdef';
const ACCOUNT_SID = `AC${'b'.repeat(32)}`;
const MYSQL_URL = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test';
// More calls than a run can place, so every call is new to the server.
const CALLS_PREPARED = 60_000;

const STEPS = [
  { path: '/twilio/voice/incoming', params: () => ({}) },
  { path: '/twilio/voice/menu?step=caller', params: () => ({ Digits: '1' }) },
  {
    path: '/twilio/voice/menu?step=topic',
    params: () => ({ Digits: String(1 + Math.floor(Math.random() * 4)) }),
  },
];

/**
 * Signed requests for autocannon: each connection plays one call after another. Bodies and
 * signatures are made before the run, so the load generator spends its CPU sending.
 */
function callRequests(calls) {
  const prepared = Array.from({ length: calls }, () => {
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const from = `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    return STEPS.map((step) => {
      const params = {
        CallSid: callSid,
        AccountSid: ACCOUNT_SID,
        From: from,
        To: '+8657112355',
        ...step.params(),
      };
      return {
        body: new URLSearchParams(params).toString(),
        signature: twilio.getExpectedTwilioSignature(
          AUTH_TOKEN,
          `${PUBLIC_BASE_URL}${step.path}`,
          params,
        ),
      };
    });
  });
  let next = 0;
  return STEPS.map((step, index) => ({
    method: 'POST',
    path: step.path,
    setupRequest: (request, context) => {
      if (index === 0) context.call = prepared[next++ % prepared.length];
      const { body, signature } = context.call[index];
      request.body = body;
      request.headers = {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      };
      return request;
    },
  }));
}

/** Starts a server as its own process and resolves once `readyUrl` answers. */
async function start(script, env, readyUrl) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited;
  child.on('exit', (code) => (exited = code));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`${script} exited with ${exited}`);
    const ready = await fetch(readyUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

const stop = (child) =>
  new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });

async function load(port) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: callRequests(CALLS_PREPARED),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: `${result.errors} / ${result.timeouts} / ${result.non2xx}`,
  };
}

async function hotlineOn(label, databaseUrl) {
  const port = 41000 + Math.floor(Math.random() * 10000);
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-bench-'));
  const server = await start(
    join(root, 'dist/apps/hotline/src/main.js'),
    {
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_PHONE_NUMBER: '+8657112355',
      TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
      ADMIN_EMAIL: 'bench@hotline.bench',
      ADMIN_PASSWORD: 'bench-password-1',
      // An evening, so calls reach the queue rather than the closed-hours message.
      HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00',
    },
    `http://127.0.0.1:${port}/health`,
  );
  try {
    await allowLongQueue(port);
    return { label, ...(await load(port)) };
  } finally {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Without volunteers every call stays queued: let the queue grow beyond its default 50. */
async function allowLongQueue(port) {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@hotline.bench', password: 'bench-password-1' }),
  }).then((response) => response.json());
  const headers = {
    authorization: `Bearer ${login.accessToken}`,
    'content-type': 'application/json',
  };
  const [hotline] = await fetch(`${base}/api/hotlines`, { headers }).then((response) =>
    response.json(),
  );
  await fetch(`${base}/api/hotlines/${hotline.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ routing: { maxQueueSize: 10000 } }),
  });
}

async function mysqlDatabase() {
  try {
    const admin = await createConnection({ uri: MYSQL_URL, connectTimeout: 3000 });
    const name = `hotline_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE \`${name}\``);
    const [[{ version }]] = await admin.query('SELECT VERSION() AS version');
    await admin.end();
    const url = new URL(MYSQL_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      version,
      drop: async () => {
        const connection = await createConnection({ uri: MYSQL_URL });
        await connection.query(`DROP DATABASE \`${name}\``);
        await connection.end();
      },
    };
  } catch (error) {
    console.warn(
      `MariaDB/MySQL not reachable at ${MYSQL_URL} (${error.message}): its run is skipped.`,
    );
    return undefined;
  }
}

async function main() {
  console.log(
    `Webhook bench: incoming → menu → enqueue, ${CONNECTIONS} connections, ${SECONDS} s each\n`,
  );
  const bare = await start(
    join(__dirname, 'bare-server.js'),
    { PORT: '41999' },
    'http://127.0.0.1:41999/health',
  );
  const baseline = { label: 'bare Node http (same TwiML, no work)', ...(await load(41999)) };
  await stop(bare);

  const runs = [baseline];
  const sqliteDir = mkdtempSync(join(tmpdir(), 'hotline-bench-db-'));
  runs.push(await hotlineOn('hotline on SQLite', `sqlite:${join(sqliteDir, 'bench.sqlite')}`));
  rmSync(sqliteDir, { recursive: true, force: true });
  const mysql = await mysqlDatabase();
  if (mysql) {
    try {
      runs.push(await hotlineOn(`hotline on ${mysql.version}`, mysql.url));
    } finally {
      await mysql.drop();
    }
  }

  const rows = runs.map((run) => [
    run.label,
    run.requestsPerSecond.toFixed(0),
    `${run.p50} ms`,
    `${run.p99} ms`,
    (run.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
    String(run.errors),
  ]);
  const header = ['server', 'req/s', 'p50', 'p99', '× bare', 'errors / timeouts / non-2xx'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  for (const row of [header, ...rows])
    console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  console.log('\nTargets: ≥ 0.30× the bare server; p99 < 20 ms at 200 connections.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
