import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ConfigurationError } from '../apps/hotline/src/config/environment';
import { DIST } from './support/built-server';
import { OpenConsole, openConsole } from './support/console';
import { eventually, onBreak } from './support/duty';
import { ADMIN, RunningHotline, bearer, startHotline } from './support/hotline-server';
import { addPerson } from './support/people';
import { createTestDatabase, testDatabaseKind } from './support/test-database';
import { CallCentre, PhoneCall, fakeTwilio, startCallCentre } from './support/twilio';

/** One sample of a Prometheus text exposition: its name, labels and value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [
          pair[1],
          pair[2],
        ]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name and these labels (among others); 0 when absent. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match`);
  return found[0]?.value ?? 0;
}

describe('metrics for Prometheus', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  const consoles: OpenConsole[] = [];

  const scrape = async () => {
    const response = await hotline.http().get('/metrics').expect(200);
    return samplesOf(response.text);
  };
  /** Scrapes until `check` holds: the switchboard's events are counted as they come. */
  const scrapeUntil = (check: (samples: Sample[]) => boolean, what: string) =>
    eventually(async () => {
      const samples = await scrape();
      return check(samples) ? samples : undefined;
    }, what);

  beforeAll(async () => {
    centre = await startCallCentre({ HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00' });
    hotline = centre.hotline;
    // On duty but answering nothing: callers queue and hold.
    await onBreak(hotline, await addPerson(hotline));
  });
  afterAll(async () => {
    for (const opened of consoles) opened.close();
    await centre.stop();
  });

  it('serves the process figures and the routing leadership to this machine, without sign-in and outside the API document', async () => {
    const response = await hotline.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const samples = samplesOf(response.text);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(response.text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(valueOf(samples, 'hotline_routing_leader')).toBe(1);
    expect(valueOf(samples, 'hotline_instance_info', { role: 'single' })).toBe(1);
    expect(valueOf(samples, 'hotline_console_connections')).toBe(0);

    const document = (await hotline.http().get('/api/docs-json').expect(200)).body;
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });

  it('shows the queue once a signed webhook has queued a call, and times every webhook by route', async () => {
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    const queued = await call.choose('1', '2');
    expect(queued.twiml).toContain('<Enqueue');
    expect((await call.post('wait', {}, 'not-a-signature')).status).toBe(403);
    await hotline.http().post('/twilio/voice/no-such-step').expect(404);

    const samples = await scrape();
    const here = { hotline: centre.hotlineId };
    expect(valueOf(samples, 'hotline_queue_calls', { ...here, priority: 'normal' })).toBe(1);
    expect(valueOf(samples, 'hotline_queue_calls', { ...here, priority: 'crisis' })).toBe(0);
    expect(valueOf(samples, 'hotline_queue_longest_wait_seconds', here)).toBeGreaterThanOrEqual(0);
    expect(
      samples.some(
        (sample) => sample.name === 'hotline_info' && sample.labels.hotline === centre.hotlineId,
      ),
    ).toBe(true);
    expect(valueOf(samples, 'hotline_calls_queued_total', { ...here, priority: 'normal' })).toBe(1);
    expect(valueOf(samples, 'hotline_volunteers_available', here)).toBe(0);

    const timed = (route: string, status: string) =>
      valueOf(samples, 'hotline_webhook_duration_seconds_count', { route, status });
    expect(timed('/twilio/voice/incoming', '200')).toBe(1);
    expect(timed('/twilio/voice/menu', '200')).toBe(2);
    expect(timed('/twilio/voice/wait', '403')).toBe(1);
    // An address no route has is one series, whatever the path: no label per path.
    expect(timed('unmatched', '404')).toBe(1);
    expect(
      valueOf(samples, 'hotline_webhook_duration_seconds_bucket', {
        route: '/twilio/voice/menu',
        status: '200',
        le: '+Inf',
      }),
    ).toBe(2);

    await call.hangUp();
    const after = await scrapeUntil(
      (now) => valueOf(now, 'hotline_calls_ended_total', { ...here, outcome: 'abandoned' }) === 1,
      'the abandoned call to be counted',
    );
    // Every call's outcome is counted once, queued or not.
    expect(valueOf(after, 'hotline_calls_total', { ...here, outcome: 'abandoned' })).toBe(1);
    expect(valueOf(after, 'hotline_queue_calls', { ...here, priority: 'normal' })).toBe(0);
    expect(valueOf(after, 'hotline_queue_longest_wait_seconds', here)).toBe(0);
    expect(timed('/twilio/voice/status', '200')).toBe(0);
    expect(
      valueOf(after, 'hotline_webhook_duration_seconds_count', {
        route: '/twilio/voice/status',
        status: '200',
      }),
    ).toBe(1);
  });

  it('counts offers declined and accepted on a console, and the consoles connected', async () => {
    const here = { hotline: centre.hotlineId };
    const volunteer = await addPerson(hotline, { topicSkills: ['learning'] });
    const opened = await openConsole(hotline, volunteer.token);
    consoles.push(opened);
    const ringing: { offerId: string }[] = [];
    opened.socket.on('offer.ringing', (offer) => ringing.push(offer));
    expect(valueOf(await scrape(), 'hotline_console_connections')).toBe(1);

    await opened.socket.emitWithAck('presence.set', { state: 'available' });
    expect(valueOf(await scrape(), 'hotline_volunteers_available', here)).toBe(1);

    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '2');
    const first = await eventually(async () => ringing[0], 'the first offer');
    expect(await opened.socket.emitWithAck('offer.decline', { offerId: first.offerId })).toEqual({
      ok: true,
    });
    const declined = await scrapeUntil(
      (now) => valueOf(now, 'hotline_offers_total', { ...here, result: 'declined' }) === 1,
      'the decline to be counted',
    );
    expect(valueOf(declined, 'hotline_offers_rung_total', here)).toBe(1);
    expect(valueOf(declined, 'hotline_offers_total', { ...here, result: 'accepted' })).toBe(0);
    // Declined, the volunteer is "missed" and the call waits again.
    expect(valueOf(declined, 'hotline_volunteers_available', here)).toBe(0);
    expect(valueOf(declined, 'hotline_queue_calls', { ...here, priority: 'normal' })).toBe(1);

    await opened.socket.emitWithAck('presence.set', { state: 'available' });
    const second = await eventually(async () => ringing[1], 'the second offer');
    expect(await opened.socket.emitWithAck('offer.accept', { offerId: second.offerId })).toEqual({
      ok: true,
    });
    await centre.twilio.next((request) => request.path.includes(call.callSid));
    const accepted = await scrapeUntil(
      (now) => valueOf(now, 'hotline_offers_total', { ...here, result: 'accepted' }) === 1,
      'the accept to be counted',
    );
    expect(valueOf(accepted, 'hotline_offers_rung_total', here)).toBe(2);
    expect(valueOf(accepted, 'hotline_offers_total', { ...here, result: 'declined' })).toBe(1);
    expect(valueOf(accepted, 'hotline_queue_calls', { ...here, priority: 'normal' })).toBe(0);

    await call.hangUp();
    opened.close();
    await scrapeUntil(
      (now) => valueOf(now, 'hotline_console_connections') === 0,
      'the closed console to leave the count',
    );
  });
});

describe('who may read the metrics', () => {
  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const token = 'metrics-token-0123456789';
    const hotline = await startHotline({ METRICS_TOKEN: token });
    try {
      const missing = await hotline.http().get('/metrics').expect(401);
      expect(missing.body.message).toMatch(/Authorization: Bearer <METRICS_TOKEN>/);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expect(missing.text).not.toContain('process_cpu');
      await hotline.http().get('/metrics').set(bearer('metrics-token-wrong-guess')).expect(401);
      // An access token of the API is not the metrics token either.
      await hotline
        .http()
        .get('/metrics')
        .set(bearer(await hotline.signIn()))
        .expect(401);
      const granted = await hotline.http().get('/metrics').set(bearer(token)).expect(200);
      expect(granted.text).toContain('hotline_routing_leader 1');
    } finally {
      await hotline.stop();
    }
  });

  it('refuses an address outside METRICS_ALLOW, token or not, and says which setting to change', async () => {
    const token = 'metrics-token-0123456789';
    const hotline = await startHotline({
      METRICS_ALLOW: '10.0.0.0/8, fd00::/8',
      METRICS_TOKEN: token,
    });
    try {
      const refused = await hotline.http().get('/metrics').set(bearer(token)).expect(403);
      expect(refused.body.message).toMatch(/127\.0\.0\.1.*METRICS_ALLOW/);
      expect(refused.text).not.toContain('process_cpu');
      // The address is the connection's: a forwarded header does not change it.
      await hotline
        .http()
        .get('/metrics')
        .set({ ...bearer(token), 'X-Forwarded-For': '10.1.2.3' })
        .expect(403);
      // The rest of the server is not affected.
      await hotline.http().get('/health').expect(200);
    } finally {
      await hotline.stop();
    }
  });

  it('will not start with a METRICS_ALLOW it cannot read', async () => {
    const failed = await startHotline({ METRICS_ALLOW: '10.0.0.0/8, prometheus' }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failed).toBeInstanceOf(ConfigurationError);
    expect(failed?.message).toContain('METRICS_ALLOW must be addresses or networks (CIDR)');
  });
});

/** A server process of the compiled build, as behind a load balancer; stopped by `stop`. */
async function startInstance(
  name: string,
  env: Record<string, string>,
): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  const dataDir = mkdtempSync(join(tmpdir(), `hotline-metrics-${name}-`));
  const child: ChildProcess = spawn(process.execPath, [join(DIST, 'apps/hotline/src/main.js')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATA_DIR: dataDir,
      INSTANCE_ID: name,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await closed;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`instance ${name} exited: ${errors}`);
        return (await fetch(`${baseUrl}/health`).catch(() => undefined))?.ok || undefined;
      },
      `instance ${name} to start`,
      30_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

(testDatabaseKind() === 'mysql' ? describe : describe.skip)(
  'metrics of two instances (MariaDB only, with Redis and the compiled build; run with TEST_DATABASE=mysql)',
  () => {
    it('names one routing leader, and only the leader reports the queue a webhook to the other filled', async () => {
      const database = await createTestDatabase('mysql');
      const twilio = await fakeTwilio();
      const env = {
        ...twilio.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        JWT_SECRET: randomBytes(32).toString('hex'),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
        // Other suites share the Redis server, never its keys or channels.
        REDIS_KEY_PREFIX: `hotline-metrics-${randomBytes(6).toString('hex')}`,
        HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00',
      };
      const started: { stop(): Promise<void> }[] = [];
      try {
        // The first to start creates the hotline and wins the routing lease.
        const leader = await startInstance('metrics-a', env);
        started.push(leader);
        const follower = await startInstance('metrics-b', env);
        started.push(follower);
        const scrape = async (instance: { baseUrl: string }) =>
          samplesOf((await request(instance.baseUrl).get('/metrics').expect(200)).text);

        const [fromLeader, fromFollower] = await Promise.all([scrape(leader), scrape(follower)]);
        expect(valueOf(fromLeader, 'hotline_routing_leader')).toBe(1);
        expect(valueOf(fromFollower, 'hotline_routing_leader')).toBe(0);
        expect(
          valueOf(fromLeader, 'hotline_instance_info', { instance: 'metrics-a', role: 'leader' }),
        ).toBe(1);
        expect(
          valueOf(fromFollower, 'hotline_instance_info', {
            instance: 'metrics-b',
            role: 'follower',
          }),
        ).toBe(1);

        // Someone on a break keeps the line open: the caller queues rather than being offered
        // a message.
        const signIn = async (email: string, password: string) =>
          (
            await request(leader.baseUrl)
              .post('/api/auth/login')
              .send({ email, password })
              .expect(200)
          ).body.accessToken as string;
        const onDuty = { email: `on-duty-${randomBytes(4).toString('hex')}@hotline.test` };
        await request(leader.baseUrl)
          .post('/api/volunteers')
          .set(bearer(await signIn(ADMIN.email, ADMIN.password)))
          .send({
            ...onDuty,
            name: 'On duty',
            password: 'password-on-duty',
            expertKind: 'counsellor',
            roles: ['volunteer'],
          })
          .expect(201);
        await request(leader.baseUrl)
          .put('/api/me/presence')
          .set(bearer(await signIn(onDuty.email, 'password-on-duty')))
          .send({ state: 'break' })
          .expect(200);

        const call = new PhoneCall(follower.baseUrl);
        await call.dial();
        expect((await call.choose('1', '1')).twiml).toContain('<Enqueue');
        const queued = await eventually(async () => {
          const samples = await scrape(leader);
          return valueOf(samples, 'hotline_queue_calls', { priority: 'normal' }) === 1
            ? samples
            : undefined;
        }, 'the leader to hold the call');
        expect(valueOf(queued, 'hotline_queue_calls', { priority: 'crisis' })).toBe(0);
        const followed = await scrape(follower);
        // The follower holds no queue, so it reports none, rather than an empty one.
        expect(followed.some((sample) => sample.name === 'hotline_queue_calls')).toBe(false);
        // The webhooks were answered, and their call queued, on the follower.
        expect(valueOf(followed, 'hotline_calls_queued_total', { priority: 'normal' })).toBe(1);
        expect(
          valueOf(followed, 'hotline_webhook_duration_seconds_count', {
            route: '/twilio/voice/menu',
            status: '200',
          }),
        ).toBe(2);
        await call.hangUp();
      } finally {
        for (const instance of started.reverse()) await instance.stop();
        await twilio.fake.stop();
        await database.drop();
      }
    }, 90_000);
  },
);
