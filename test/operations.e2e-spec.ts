import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ConfigurationError } from '../apps/hotline/src/config/environment';
import { DIST, runBuilt } from './support/built-server';
import { ADMIN, RunningHotline, startHotline } from './support/hotline-server';
import { createTestDatabase } from './support/test-database';

describe('operations', () => {
  let hotline: RunningHotline;

  beforeAll(async () => {
    hotline = await startHotline();
  });
  afterAll(() => hotline.stop());

  it('answers /health without sign-in, with the database and telephony state', async () => {
    const health = await hotline.http().get('/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      database: 'up',
      telephony: 'off',
      clockSpeed: 1,
    });
  });

  it('serves the topic taxonomy without sign-in', async () => {
    const response = await hotline.http().get('/api/taxonomy').expect(200);
    const emotional = response.body.topics.find(
      (topic: { key: string }) => topic.key === 'emotional',
    );
    expect(emotional).toMatchObject({
      label: { 'zh-CN': '情绪问题', en: 'Emotional problems' },
      menu: 1,
    });
  });

  it('never writes a password, token or phone number to the log', async () => {
    const admin = await hotline.http().post('/api/auth/login').send(ADMIN).expect(200);
    const token: string = admin.body.accessToken;
    await hotline
      .http()
      .post('/api/auth/login')
      .send({ email: ADMIN.email, password: 'a-wrong-secret-xyz' })
      .expect(401);
    const created = await hotline
      .as(token)
      .post('/api/volunteers')
      .send({
        name: 'Log Check',
        email: 'log-check@hotline.test',
        password: 'volunteer-secret-pw',
        phone: '+8613712345678',
        expertKind: 'hospital',
        roles: ['volunteer'],
      })
      .expect(201);
    await hotline.as(token).get(`/api/volunteers/${created.body.id}?phone=13712345678`).expect(200);
    await hotline.as(token).patch('/api/me').send({ phone: '+8613799998888' }).expect(200);
    // A duplicate makes the database refuse a write: its error must not carry the values either.
    await hotline
      .as(token)
      .post('/api/volunteers')
      .send({
        name: 'Dup',
        email: 'log-check@hotline.test',
        password: 'volunteer-secret-pw',
        phone: '+8613712345678',
        expertKind: 'hospital',
        roles: ['volunteer'],
      })
      .expect(409);

    const logs = hotline.logs();
    expect(logs).toContain('request completed');
    for (const secret of [
      ADMIN.password,
      'a-wrong-secret-xyz',
      'volunteer-secret-pw',
      token,
      '13712345678',
      '13799998888',
    ]) {
      expect({ secret, found: logs.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('refuses to start on a bad setting, naming the variable and what it expects', async () => {
    await expect(
      startHotline({ PORT: 'eighty', HOTLINE_TIMEZONE: 'Nowhere/City' }),
    ).rejects.toThrow(ConfigurationError);
    await expect(startHotline({ PORT: 'eighty' })).rejects.toThrow(
      'PORT must be a TCP port number from 0 to 65535, got "eighty"',
    );
  });
});

describe('the built server (npm start)', () => {
  it('exits with the configuration message and no stack trace when a setting is bad', async () => {
    const run = await runBuilt('apps/hotline/src/main.js', [], {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'hotline-data-')),
      DATABASE_URL: 'postgres://somewhere/db',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Invalid configuration:\n  - DATABASE_URL must be sqlite:<file path> or mysql://user:password@host:3306/database, got "postgres://somewhere/db"',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('starts on an empty database, generates its secrets and answers /health', async () => {
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'hotline-data-'));
    const port = 20000 + (randomBytes(2).readUInt16BE() % 20000);
    const child = spawn(process.execPath, [join(DIST, 'apps/hotline/src/main.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    try {
      const deadline = Date.now() + 20_000;
      while (!output.includes('Hotline server ready') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain(`Hotline server ready at http://localhost:${port}`);
      expect(output).toContain('Generated DATA_ENCRYPTION_KEY and JWT_SECRET');
      expect(output).toContain('Telephony is off');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('close', resolve));
      await database.drop();
    }
  });
});
