#!/usr/bin/env node
/**
 * Crisis-now bench: how long from a volunteer pressing "crisis now" in a call (the console's
 * `call.crisis`) to the supervisor's console ringing with the `crisis_now` alert. The built
 * hotline server runs as its own process on a temporary SQLite file, Twilio's REST API is the
 * project's fake (so an accepted call really connects, and the supervisors' SMS really goes
 * out); each sample is a fresh call, taken by a volunteer of its own. The baseline, measured
 * in the same run on the same consoles: a plain console command's round trip (`alert.acknowledge`
 * of an alert that does not exist: the token checked, one database statement, the answer).
 *
 *   npm run build && node --require ./bench/register.js bench/crisis-now/run.js [--samples 50]
 *     [--dist <build directory>]
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { randomUUID } = require('node:crypto');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { io } = require('socket.io-client');
const { FakeTwilio } = require('../../libs/telephony/src/testing/fake-twilio');
const {
  ACCOUNT_SID,
  ADMIN,
  AUTH_TOKEN,
  HOTLINE_MAIN,
  arg,
  freePort,
  hotlineEnv,
  percentile,
  signedCall,
  startProcess,
  stopProcess,
} = require('../hotline-process');

const SAMPLES = arg('samples', 50);
/** Round trips of the baseline command per sample. */
const BASELINE_PER_SAMPLE = 4;
/** Samples before the measured ones, not counted: JIT and caches warm up. */
const WARM_UP = 3;
/** The target: a supervisor's console rings within a second. */
const TARGET_MS = 1000;

const now = () => performance.now();
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
  return response.status === 204 ? undefined : response.json();
}

const signIn = async (email, password) =>
  (await api(null, 'POST', '/api/auth/login', { email, password })).accessToken;

let people = 0;
/** Someone new on the hotline, with a phone of their own, signed in. */
async function addPerson(admin, roles) {
  people += 1;
  const email = `bench-${people}-${randomUUID().slice(0, 8)}@hotline.bench`;
  const password = `bench-password-${people}`;
  await api(admin, 'POST', '/api/volunteers', {
    name: `Bench ${roles[0]} ${people}`,
    email,
    password,
    expertKind: 'counsellor',
    roles,
    topicSkills: ['emotional'],
    phone: `+86139${String(10_000_000 + people).slice(-8)}`,
  });
  return { token: await signIn(email, password) };
}

function openConsole(token) {
  const socket = io(`${base}/console`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('queue.snapshot', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** A webhook as Twilio sends it, signed. */
async function webhook(step) {
  const response = await fetch(`${base}${step.path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': step.signature,
    },
    body: step.body,
  });
  if (!response.ok) throw new Error(`${step.path} answered ${response.status}`);
}

/**
 * The volunteer, alone available, takes a caller who queues for an emotional problem (menu
 * key 1); resolves with the call's id once it is connecting, and its hang-up.
 */
async function takeCall(volunteer) {
  await api(volunteer.token, 'PUT', '/api/me/presence', { state: 'available' });
  const call = signedCall('1');
  for (const step of call.steps) await webhook(step);
  for (let tries = 0; tries < 200; tries++) {
    const response = await fetch(`${base}/api/me/offer`, {
      headers: { authorization: `Bearer ${volunteer.token}` },
    });
    if (response.status === 200) {
      const offer = await response.json();
      await api(volunteer.token, 'POST', `/api/offers/${offer.offerId}/accept`);
      return { callId: offer.callId, hangUp: () => webhook(call.hangUp) };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no offer reached the volunteer');
}

/**
 * Time from sending `call.crisis` to the wall's `crisis_now` alert for the call, and the
 * alert's id.
 */
function crisisToAlarm(volunteerConsole, wall, callId) {
  return new Promise((resolve, reject) => {
    const started = now();
    const listener = ({ changes }) => {
      const alarm = changes.find(
        (change) =>
          change.type === 'alert' &&
          change.alert.reason === 'crisis_now' &&
          change.alert.callId === callId,
      );
      if (!alarm) return;
      wall.off('queue.changes', listener);
      resolve({ ms: now() - started, alertId: alarm.alert.alertId });
    };
    wall.on('queue.changes', listener);
    volunteerConsole
      .timeout(10_000)
      .emitWithAck('call.crisis', { callId })
      .then((ack) => {
        if (!ack.ok) reject(new Error(`call.crisis refused: ${ack.error}`));
      }, reject);
  });
}

async function commandRoundTrip(socket) {
  const started = now();
  const ack = await socket
    .timeout(10_000)
    .emitWithAck('alert.acknowledge', { alertId: randomUUID() });
  if (ack.ok) throw new Error('an alert that does not exist was acknowledged');
  return now() - started;
}

const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    worst: sorted[sorted.length - 1],
  };
};
const ms = (value) => `${value.toFixed(1)} ms`;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-now-bench-'));
  const twilio = new FakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const twilioUrl = await twilio.start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    HOTLINE_MAIN,
    {
      ...hotlineEnv({ port, databaseUrl: `sqlite:${join(dataDir, 'bench.sqlite')}`, dataDir }),
      TWILIO_API_BASE_URL: twilioUrl,
    },
    `${base}/health`,
  );
  const consoles = [];
  try {
    const admin = await signIn(ADMIN.email, ADMIN.password);
    const supervisor = await addPerson(admin, ['supervisor']);
    const wall = await openConsole(supervisor.token);
    consoles.push(wall);
    // On duty without taking calls: the crisis SMS goes to the supervisors on duty.
    await api(supervisor.token, 'PUT', '/api/me/presence', { state: 'break' });

    const alarms = [];
    const baseline = [];
    for (let sample = 0; sample < WARM_UP + SAMPLES; sample++) {
      const volunteer = await addPerson(admin, ['volunteer']);
      const desk = await openConsole(volunteer.token);
      consoles.push(desk);
      const { callId, hangUp } = await takeCall(volunteer);
      const rounds = [];
      for (let i = 0; i < BASELINE_PER_SAMPLE; i++) rounds.push(await commandRoundTrip(desk));
      const alarm = await crisisToAlarm(desk, wall, callId);
      if (sample >= WARM_UP) {
        alarms.push(alarm.ms);
        baseline.push(...rounds);
      }
      // The supervisor sees it, the caller hangs up: no call or alert outlives its sample (an
      // accepted call never connected would go back in line and be taken again).
      const seen = await wall.timeout(10_000).emitWithAck('alert.acknowledge', {
        alertId: alarm.alertId,
      });
      if (!seen.ok) throw new Error(`alert.acknowledge refused: ${seen.error}`);
      await hangUp();
      // Off duty: the next sample's call rings its own volunteer.
      await api(volunteer.token, 'PUT', '/api/me/presence', { state: 'offline' });
      desk.close();
    }
    const texted = twilio.requests.filter((request) => request.path.endsWith('/Messages.json'));

    const crisis = summary(alarms);
    const plain = summary(baseline);
    console.log(`crisis now → supervisor's console alarm, ${SAMPLES} calls (SQLite, fake Twilio)`);
    console.log(
      `  crisis now:        median ${ms(crisis.median)}  p95 ${ms(crisis.p95)}  worst ${ms(crisis.worst)}`,
    );
    console.log(
      `  baseline command:  median ${ms(plain.median)}  p95 ${ms(plain.p95)}  worst ${ms(plain.worst)}` +
        `  (alert.acknowledge round trip, ${baseline.length} of them)`,
    );
    console.log(
      `  ratio crisis/baseline: median ${(crisis.median / plain.median).toFixed(1)}×, worst ${(crisis.worst / plain.worst).toFixed(1)}×`,
    );
    console.log(
      `  target < ${TARGET_MS} ms: ${crisis.worst < TARGET_MS ? 'met' : 'NOT met'} (worst ${ms(crisis.worst)}); SMS sent: ${texted.length}`,
    );
  } finally {
    for (const socket of consoles) socket.close();
    await stopProcess(server);
    await twilio.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
