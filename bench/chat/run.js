#!/usr/bin/env node
/**
 * Chat bench: 500 live chats answered by 200 volunteers' consoles on the built hotline server,
 * then messages from the writers at a steady rate, each timed from the writer's send to the
 * volunteer's console; the same clients against a bare socket.io relay (bare-relay.js) in the
 * same run, as the baseline; and the server's memory per open chat. Both servers stay up with
 * their clients connected, and the rounds alternate between them, so a passing load on the
 * machine falls on both alike; the figures are the medians of the rounds.
 *
 *   npm run build && node bench/chat/run.js [--chats 500] [--consoles 200] [--messages 2000]
 *     [--rate 200] [--rounds 3]
 */
const { fork } = require('node:child_process');
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
  prepareHotline,
  root,
  startProcess,
  stopProcess,
} = require('../hotline-process');

const CHATS = arg('chats', 500);
const CONSOLES = arg('consoles', 200);
const MESSAGES = arg('messages', 2000);
const RATE = arg('rate', 200);
const ROUNDS = arg('rounds', 3);
/** Messages before the measured ones, not counted: JIT and caches warm up. */
const WARM_UP = 100;
/** Requests the setup keeps in flight (sign-ins hash passwords: the CPU is the limit). */
const PARALLEL = 4;

const children = new Set();
const tempDirs = new Set();
function cleanUp() {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });

const track = (child) => {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
};

/** Forks a helper and resolves once it says it is ready; `ask` sends it a command. */
function forkReady(script, env = {}) {
  const child = track(
    fork(script, [], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  let next = 0;
  const pending = new Map();
  child.on('message', ({ id, result, error }) => {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (error) waiting.reject(new Error(error));
    else waiting.resolve(result);
  });
  child.ask = (cmd, args = {}) =>
    new Promise((resolve, reject) => {
      const id = (next += 1);
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, ...args });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on('message', (message) => message.ready && resolve(child));
  });
}

/** The resident memory of a process, in MiB. */
const rssOf = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** Runs `work` over the items, `PARALLEL` at a time. */
async function pooled(items, work) {
  const results = new Array(items.length);
  let at = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (at < items.length) {
        const index = at++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

async function json(response, what) {
  if (!response.ok)
    throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Timed messages through a server the clients are connected to. */
async function measure(clients) {
  const { sent, latencies } = await clients.ask('send', { count: MESSAGES, rate: RATE });
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    sent,
    delivered: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

/** The relay and its clients, connected; `stop` ends both. */
async function bare() {
  const port = await freePort();
  const relay = await forkReady(join(__dirname, 'bare-relay.js'), {
    PORT: String(port),
    CHATS: String(CHATS),
    CONSOLES: String(CONSOLES),
  });
  const clients = await forkReady(join(__dirname, 'clients.js'));
  await clients.ask('connect', {
    base: `http://127.0.0.1:${port}`,
    consoleTokens: Array.from({ length: CONSOLES }, (_, j) => `console-${j}`),
    chatTokens: Array.from({ length: CHATS }, (_, i) => `chat-${i}`),
    hotline: false,
  });
  await clients.ask('send', { count: WARM_UP, rate: RATE });
  return {
    clients,
    stop: async () => {
      await clients.ask('close').catch(() => undefined);
      clients.kill();
      relay.kill();
    },
  };
}

async function hotline() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-bench-chat-'));
  tempDirs.add(dataDir);
  const server = track(
    await startProcess(
      HOTLINE_MAIN,
      {
        ...hotlineEnv({
          port,
          databaseUrl: `sqlite:${join(dataDir, 'hotline.sqlite')}`,
          dataDir,
        }),
        // Each writer comes from an address of its own, as on the internet.
        TRUST_PROXY: 'loopback',
        ROUTING_CHECK_SECONDS: '30',
      },
      `${base}/health`,
    ),
  );
  const clients = await forkReady(join(__dirname, 'clients.js'));
  const stop = async () => {
    await clients.ask('close').catch(() => undefined);
    clients.kill();
    await stopProcess(server);
  };
  try {
    const admin = await prepareHotline(base);
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const [{ id: hotlineId }] = await json(
      await fetch(`${base}/api/hotlines`, { headers }),
      'hotlines',
    );
    const maxChats = Math.ceil(CHATS / CONSOLES);
    await json(
      await fetch(`${base}/api/hotlines/${hotlineId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ routing: { maxChats } }),
      }),
      'PATCH the hotline',
    );
    const started = Date.now();
    const consoleTokens = await pooled(Array.from({ length: CONSOLES }), async (_, j) => {
      const person = {
        name: `Volunteer ${j}`,
        email: `volunteer${j}@hotline.bench`,
        password: ADMIN.password,
        expertKind: 'counsellor',
        roles: ['volunteer'],
        topicSkills: ['emotional'],
      };
      await json(
        await fetch(`${base}/api/volunteers`, {
          method: 'POST',
          headers,
          body: JSON.stringify(person),
        }),
        'POST /api/volunteers',
      );
      const login = await json(
        await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: person.email, password: person.password }),
        }),
        'sign-in',
      );
      return login.accessToken;
    });
    const setupSeconds = (Date.now() - started) / 1000;
    await clients.ask('connect', { base, consoleTokens, chatTokens: [], hotline: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssConsoles = rssOf(server.pid);

    const chatTokens = await pooled(Array.from({ length: CHATS }), async (_, i) => {
      const opened = await json(
        await fetch(`${base}/api/public/chats`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          },
          body: JSON.stringify({ callerType: 'pupil', topic: 'emotional', language: 'zh-CN' }),
        }),
        'POST /api/public/chats',
      );
      return opened.token;
    });
    const answeredAt = Date.now();
    const connected = await clients.ask('connect', {
      base,
      consoleTokens: [],
      chatTokens,
      hotline: true,
    });
    const answerSeconds = (Date.now() - answeredAt) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssChats = rssOf(server.pid);
    await clients.ask('send', { count: WARM_UP, rate: RATE });
    return {
      clients,
      stop,
      answered: connected.answered,
      setupSeconds,
      answerSeconds,
      maxChats,
      rssConsoles,
      rssChats,
      perChatKiB: ((rssChats - rssConsoles) * 1024) / CHATS,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const ms = (value) => (value === undefined ? '-' : `${value.toFixed(1)} ms`);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  console.log(
    `chat bench: ${CHATS} chats, ${CONSOLES} consoles, ${ROUNDS} rounds of ${MESSAGES} messages at ${RATE}/s (after ${WARM_UP} to warm up)`,
  );
  const relay = await bare();
  const server = await hotline().catch(async (error) => {
    await relay.stop();
    throw error;
  });
  const rounds = { 'bare relay': [], hotline: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      rounds['bare relay'].push(await measure(relay.clients));
      rounds.hotline.push(await measure(server.clients));
    }
  } finally {
    await relay.stop();
    await server.stop();
  }
  console.log('');
  console.log('server        round  p50        p99        max        delivered');
  const figures = {};
  for (const [name, runs] of Object.entries(rounds)) {
    runs.forEach((run, round) =>
      console.log(
        `${name.padEnd(12)}  ${String(round + 1).padEnd(5)}  ${ms(run.p50).padEnd(9)}  ${ms(run.p99).padEnd(9)}  ${ms(run.max).padEnd(9)}  ${run.delivered}/${run.sent}`,
      ),
    );
    figures[name] = {
      p50: median(runs.map((run) => run.p50)),
      p99: median(runs.map((run) => run.p99)),
      lost: runs.some((run) => run.delivered < run.sent),
    };
    console.log(
      `${name.padEnd(12)}  median ${ms(figures[name].p50).padEnd(9)}  ${ms(figures[name].p99)}`,
    );
  }
  console.log('');
  console.log(
    `hotline: ${server.answered}/${CHATS} chats answered in ${server.answerSeconds.toFixed(1)} s (up to ${server.maxChats} a console); setup of the volunteers ${server.setupSeconds.toFixed(1)} s`,
  );
  console.log(
    `memory: ${server.rssConsoles.toFixed(1)} MiB with the consoles → ${server.rssChats.toFixed(1)} MiB with ${CHATS} chats open: ${server.perChatKiB.toFixed(1)} KiB per open chat`,
  );
  const hotlineP99 = figures.hotline.p99;
  const ratio = hotlineP99 / figures['bare relay'].p99;
  console.log(
    `p99 ratio hotline ÷ bare relay (medians of the rounds): ${ratio.toFixed(2)} (target ≤ 1.5); hotline p99 ${ms(hotlineP99)} (target < 100 ms)`,
  );
  const lost = figures.hotline.lost || figures['bare relay'].lost;
  if (lost) console.log('some messages did not arrive: see the delivered column');
  process.exitCode = ratio <= 1.5 && hotlineP99 < 100 && !lost ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
