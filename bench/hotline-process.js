/**
 * What the benches share: the built hotline server started as its own process with telephony
 * pointed nowhere, a caller's three webhooks signed as Twilio signs them, and the admin's
 * sign-in that lets the queue grow beyond its default 50 (no volunteer answers in a bench).
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { createServer } = require('node:net');
const { join, resolve } = require('node:path');
const twilio = require('twilio');

const root = join(__dirname, '..');
const PUBLIC_BASE_URL = 'https://hotline.bench';
const AUTH_TOKEN = 'bench-auth-token-0123456789abcdef';
const ACCOUNT_SID = `AC${'b'.repeat(32)}`;
const ADMIN = { email: 'bench@hotline.bench', password: 'bench-password-1' };

/** `--name value` from the command line, as text. */
const textArg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
};

/** `--name value` from the command line, as a number. */
const arg = (name, fallback) => {
  const value = textArg(name, undefined);
  return value === undefined ? fallback : Number(value);
};

/** Nearest-rank percentile (0-100) of numbers sorted in ascending order. */
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** The MySQL/MariaDB server the benches use, with a database the connection starts in. */
const MYSQL_URL = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test';

/** The database `name` on the server of `serverUrl`: its address, and `drop` to remove it. */
function mysqlDatabaseNamed(name, serverUrl = MYSQL_URL) {
  const { createConnection } = require('mysql2/promise');
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const connection = await createConnection({ uri: serverUrl });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/**
 * A database of the bench's own with a random name on the server of `serverUrl`, with the
 * server's version. Throws when the server does not answer.
 */
async function createMysqlDatabase(prefix, serverUrl = MYSQL_URL) {
  const { createConnection } = require('mysql2/promise');
  const admin = await createConnection({ uri: serverUrl, connectTimeout: 5000 });
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const [[{ version }]] = await admin.query('SELECT VERSION() AS version');
  await admin.end();
  return { ...mysqlDatabaseNamed(name, serverUrl), version };
}

/** The settings of a bench server: an open evening, telephony on, no log lines but warnings. */
const hotlineEnv = ({ port, databaseUrl, dataDir }) => ({
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
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  // An evening, so calls reach the queue rather than the closed-hours message.
  HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00',
});

/** The settings of a built script run once against a bench database (the rollup rebuild). */
const scriptEnv = ({ databaseUrl, dataDir, zone }) => ({
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  HOTLINE_TIMEZONE: zone,
  // Given, so the script does not warn that it generated them.
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  JWT_SECRET: randomBytes(32).toString('hex'),
});

/** The build a bench runs: `npm run build`'s dist/, or another compiled copy given as `--dist`. */
const DIST = resolve(root, textArg('dist', 'dist'));
const HOTLINE_MAIN = join(DIST, 'apps/hotline/src/main.js');

/** Starts a server script as its own process and resolves once `readyUrl` answers. */
async function startProcess(script, env, readyUrl) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ready = await fetch(readyUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start`);
}

/** Stops a child process, forcefully if it does not leave within 10 s. */
const stopProcess = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });

/** A caller's webhooks up to the queue: the call arrives, picks caller type, picks a topic. */
const CALL_STEPS = [
  { path: '/twilio/voice/incoming', params: () => ({}) },
  { path: '/twilio/voice/menu?step=caller', params: () => ({ Digits: '1' }) },
  {
    path: '/twilio/voice/menu?step=topic',
    params: () => ({ Digits: String(1 + Math.floor(Math.random() * 4)) }),
  },
];

/**
 * One call's webhooks with bodies and signatures made in advance; `topicDigit` fixes the topic.
 * `hangUp` is the caller hanging up (Twilio's status callback), for a bench that ends its calls.
 */
function signedCall(topicDigit) {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const from = `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const signed = (path, extra) => {
    const params = {
      CallSid: callSid,
      AccountSid: ACCOUNT_SID,
      From: from,
      To: '+8657112355',
      ...extra,
    };
    return {
      path,
      body: new URLSearchParams(params).toString(),
      signature: twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params),
    };
  };
  const steps = CALL_STEPS.map((step) =>
    signed(step.path, {
      ...step.params(),
      ...(topicDigit && step.path.endsWith('step=topic') ? { Digits: topicDigit } : {}),
    }),
  );
  return {
    callSid,
    steps,
    hangUp: signed('/twilio/voice/status', { CallStatus: 'completed' }),
  };
}

/** Signs in as the bench admin and lets the queue grow to 10,000; returns the access token. */
async function prepareHotline(base) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  }).then((response) => response.json());
  const headers = {
    authorization: `Bearer ${login.accessToken}`,
    'content-type': 'application/json',
  };
  const [hotline] = await fetch(`${base}/api/hotlines`, { headers }).then((response) =>
    response.json(),
  );
  const patched = await fetch(`${base}/api/hotlines/${hotline.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ routing: { maxQueueSize: 10000 } }),
  });
  if (!patched.ok) throw new Error(`PATCH /api/hotlines answered ${patched.status}`);
  return login.accessToken;
}

/**
 * A port nothing listens on now, picked by the system: a random one in the ephemeral range
 * may be the local end of an open connection, and listening on it fails.
 */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

module.exports = {
  ACCOUNT_SID,
  ADMIN,
  AUTH_TOKEN,
  DIST,
  HOTLINE_MAIN,
  MYSQL_URL,
  arg,
  createMysqlDatabase,
  freePort,
  hotlineEnv,
  mysqlDatabaseNamed,
  percentile,
  prepareHotline,
  root,
  scriptEnv,
  signedCall,
  startProcess,
  stopProcess,
  textArg,
};
