import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DIST } from './built-server';
import { eventually } from './duty';
import { ADMIN, RunningHotline } from './hotline-server';
import type { TestDatabase } from './test-database';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * What every instance of one test's hotline is given: one database, the same keys and admin,
 * Redis under a prefix of the test's own, a lease of `leaseMs`, and an evening on the clock.
 */
export function clusterEnv(database: TestDatabase, leaseMs: number): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    REDIS_URL,
    // Parallel suites share the Redis server, never its keys or channels.
    REDIS_KEY_PREFIX: `hotline-test-${randomBytes(6).toString('hex')}`,
    LEADER_LEASE_MS: String(leaseMs),
    HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00',
    LOG_LEVEL: 'info',
  };
}

/** One server process of the compiled build, as an operator starts it behind a load balancer. */
export interface Instance {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  stop(signal: NodeJS.Signals): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `hotline-${name}-`));
  const child = spawn(process.execPath, [join(DIST, 'apps/hotline/src/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: dataDir,
      INSTANCE_ID: name,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const instance: Instance = {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await closed;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`instance ${name} exited:\n${output}`);
      return output.includes('Hotline server ready') ? true : undefined;
    },
    `instance ${name} to start`,
    30_000,
  );
  return instance;
}

/** Enough of the test server's handle for the shared helpers (people, consoles). */
export function handle(instance: Instance, database: TestDatabase): RunningHotline {
  const signIn = async (email = ADMIN.email, password = ADMIN.password) => {
    const response = await request(instance.baseUrl)
      .post('/api/auth/login')
      .send({ email, password });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.text}`);
    return response.body.accessToken as string;
  };
  return {
    baseUrl: instance.baseUrl,
    database,
    http: () => request(instance.baseUrl),
    signIn,
  } as unknown as RunningHotline;
}
