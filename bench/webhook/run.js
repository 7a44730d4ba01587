#!/usr/bin/env node
/**
 * Webhook bench: a caller's first three webhooks (incoming → caller menu → topic menu, which
 * persists the call and puts it in the queue), signed as Twilio signs them, against the built
 * hotline server on SQLite and on MariaDB, and against a bare Node `http` server answering
 * the same TwiML in the same run. Prints req/s, p50/p99 latency and the ratio to the bare server.
 *
 *   npm run build && node bench/webhook/run.js [--connections 200] [--seconds 10] [--dist <build directory>]
 * MariaDB at TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test); skipped if it does not answer.
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const {
  HOTLINE_MAIN,
  MYSQL_URL,
  arg,
  createMysqlDatabase,
  freePort,
  hotlineEnv,
  prepareHotline,
  signedCall,
  startProcess,
  stopProcess,
} = require('../hotline-process');

const CONNECTIONS = arg('connections', 200);
const SECONDS = arg('seconds', 10);
// More calls than a run can place, so every call is new to the server.
const CALLS_PREPARED = 60_000;

/**
 * Signed requests for autocannon: each connection plays one call after another. Bodies and
 * signatures are made before the run, so the load generator spends its CPU sending.
 */
function callRequests(calls) {
  const prepared = Array.from({ length: calls }, () => signedCall().steps);
  let next = 0;
  return prepared[0].map((step, index) => ({
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

/** Drives a server with the signed calls, or with plain GETs of `path`. */
async function load(port, path) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path ?? ''}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(path ? {} : { requests: callRequests(CALLS_PREPARED) }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: `${result.errors} / ${result.timeouts} / ${result.non2xx}`,
  };
}

/**
 * The hotline's webhooks on one database; with `floor`, also its cheapest route (`GET
 * /health`: the framework and one `SELECT 1`), which shows what the stack costs before any
 * call work.
 */
async function hotlineOn(label, databaseUrl, floor = false) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-bench-'));
  const server = await startProcess(
    HOTLINE_MAIN,
    hotlineEnv({ port, databaseUrl, dataDir }),
    `${base}/health`,
  );
  try {
    await prepareHotline(base);
    const runs = [{ label, ...(await load(port)) }];
    if (floor)
      runs.push({
        label: 'hotline GET /health (framework floor)',
        ...(await load(port, '/health')),
      });
    return runs;
  } finally {
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function mysqlDatabase() {
  try {
    return await createMysqlDatabase('hotline_bench');
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
  const bare = await startProcess(
    join(__dirname, 'bare-server.js'),
    { PORT: '41999' },
    'http://127.0.0.1:41999/health',
  );
  const baseline = { label: 'bare Node http (same TwiML, no work)', ...(await load(41999)) };
  await stopProcess(bare);

  const runs = [baseline];
  const sqliteDir = mkdtempSync(join(tmpdir(), 'hotline-bench-db-'));
  runs.push(
    ...(await hotlineOn('hotline on SQLite', `sqlite:${join(sqliteDir, 'bench.sqlite')}`, true)),
  );
  rmSync(sqliteDir, { recursive: true, force: true });
  const mysql = await mysqlDatabase();
  if (mysql) {
    try {
      runs.push(...(await hotlineOn(`hotline on ${mysql.version}`, mysql.url)));
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
