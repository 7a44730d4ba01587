import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { Clock } from '@hotline/clock';
import { createHotlineApp } from '../../apps/hotline/src/app';
import { apiDocumentChecker, checkedAgent } from './api-document';
import { TestDatabase, createTestDatabase } from './test-database';

export const ADMIN = { email: 'admin@hotline.test', password: 'admin-password-1' };

export interface RunningHotline {
  app: NestExpressApplication;
  baseUrl: string;
  database: TestDatabase;
  /** Every log line the server wrote, as text. */
  logs(): string;
  http(): ReturnType<typeof request>;
  /** Requests signed in with this access token. */
  as(token: string): SignedInAgent;
  signIn(email?: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the real server (the same factory `npm start` uses) on a free port, against a fresh
 * database of the kind this run covers, with the given environment on top of test defaults.
 */
export async function startHotline(
  env: Record<string, string> = {},
  database?: TestDatabase,
  options: { clock?: Clock } = {},
): Promise<RunningHotline> {
  const db = database ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-data-'));
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env,
  });
  const logStream = new PassThrough();
  const lines: string[] = [];
  logStream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));

  let app: NestExpressApplication;
  try {
    app = await createHotlineApp({ logStream, clock: options.clock });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
    if (!database) await db.drop();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;

  // Every JSON answer the tests receive through http() and as() is checked against the API
  // document this server publishes.
  const checker = await apiDocumentChecker(() => request(baseUrl));
  const http = () => checkedAgent(request(baseUrl), checker);

  const running: RunningHotline = {
    app,
    baseUrl,
    database: db,
    logs: () => lines.join(''),
    http,
    as: (token) => signedIn(http, token),
    async signIn(email = ADMIN.email, password = ADMIN.password) {
      const response = await http().post('/api/auth/login').send({ email, password });
      if (response.status !== 200)
        throw new Error(`sign-in of ${email} failed: ${response.status} ${response.text}`);
      return response.body.accessToken as string;
    },
    async stop() {
      await app.close();
      process.env = saved;
      rmSync(dataDir, { recursive: true, force: true });
      if (!database) await db.drop();
    },
  };
  return running;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type SignedInAgent = Record<Method, (path: string) => request.Test>;

function signedIn(http: () => ReturnType<typeof request>, token: string): SignedInAgent {
  const agent = http();
  const method = (name: Method) => (path: string) => agent[name](path).set(bearer(token));
  return {
    get: method('get'),
    post: method('post'),
    patch: method('patch'),
    put: method('put'),
    delete: method('delete'),
  };
}
