#!/usr/bin/env node
/**
 * Signed-in bench: what being signed in costs the server on each request. A volunteer's
 * profile (`GET /api/me`: the access token checked, the person read afresh) against the
 * anonymous health check (`GET /health`: one database round trip) on the same server in the
 * same run: latency, and the server process's CPU time per request read from /proc.
 *
 *   npm run build && node bench/signed-in/run.js [--runs 2000] [--dist <build directory>]
 */
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
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

const RUNS = arg('runs', 2000);
const WARM_UP = 200;

/** The process's user and system CPU time so far, in ms (Linux clock ticks are 10 ms). */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** Latency p50/p95 and server CPU per request of `RUNS` sequential GETs, after a warm-up. */
async function measure(pid, url, headers) {
  const get = async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  };
  for (let run = 0; run < WARM_UP; run += 1) await get();
  const samples = [];
  const cpuBefore = cpuMs(pid);
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await get();
    samples.push(performance.now() - started);
  }
  const cpuPerRequest = (cpuMs(pid) - cpuBefore) / RUNS;
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), cpuPerRequest };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-bench-signed-in-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    HOTLINE_MAIN,
    hotlineEnv({ port, databaseUrl: `sqlite:${join(dataDir, 'hotline.sqlite')}`, dataDir }),
    `${base}/health`,
  );
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = await login.json();
    // Alternated, so both kinds see the same machine: anonymous, signed in, twice.
    const anonymous = [];
    const signedIn = [];
    for (let round = 0; round < 2; round += 1) {
      anonymous.push(await measure(server.pid, `${base}/health`, {}));
      signedIn.push(
        await measure(server.pid, `${base}/api/me`, { authorization: `Bearer ${accessToken}` }),
      );
    }
    const best = (rounds, key) => Math.min(...rounds.map((round) => round[key]));
    const rows = [
      ['anonymous GET /health', anonymous],
      ['signed-in GET /api/me', signedIn],
    ];
    const base50 = best(anonymous, 'p50');
    const baseCpu = best(anonymous, 'cpuPerRequest');
    console.log(`\nSigned-in bench, ${RUNS} sequential requests a round, best of 2 rounds, SQLite`);
    console.log(
      'request               | p50 ms | p95 ms | CPU ms/request | p50 ÷ anon | CPU ÷ anon',
    );
    for (const [name, rounds] of rows) {
      const p50 = best(rounds, 'p50');
      const cpu = best(rounds, 'cpuPerRequest');
      console.log(
        `${name.padEnd(21)} | ${p50.toFixed(2).padStart(6)} | ${best(rounds, 'p95')
          .toFixed(2)
          .padStart(6)} | ${cpu.toFixed(2).padStart(14)} | ${(p50 / base50)
          .toFixed(2)
          .padStart(9)}× | ${(cpu / baseCpu).toFixed(2).padStart(9)}×`,
      );
    }
  } finally {
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
