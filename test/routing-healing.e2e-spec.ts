import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DataSource } from 'typeorm';
import { ManualClock } from '@hotline/clock';
import type { Me } from '@hotline/console-protocol';
import { CallOffer } from '../apps/hotline/src/calls/call-offer.entity';
import { PresenceChange } from '../apps/hotline/src/calls/presence-change.entity';
import { OpenConsole, openConsole } from './support/console';
import { duty, eventually } from './support/duty';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { PhoneCall, fakeTwilio } from './support/twilio';
import { TestDatabase, createTestDatabase } from './support/test-database';

const EVENING = '2026-11-23T19:00:00+08:00';
/** Volunteers who take the callers here (who press 1 for the topic). */
const EMOTIONAL = { topicSkills: ['emotional'] };

/** The states a volunteer's console was told of, in order. */
function statesOn(console: OpenConsole): string[] {
  const states: string[] = [];
  console.socket.on('me.state', (me: Me) => states.push(me.state));
  return states;
}

/** The volunteer's last recorded states (a step's changes share one instant). */
async function lastPresence(hotline: RunningHotline, person: Person): Promise<string[]> {
  const rows = await hotline.database.query<{ state: string }>(
    `SELECT state FROM presence_change WHERE volunteer_id = ? AND changed_at =
       (SELECT MAX(changed_at) FROM presence_change WHERE volunteer_id = ?)`,
    [person.id, person.id],
  );
  return rows.map((row) => row.state);
}

async function engineState(
  hotline: RunningHotline,
  admin: string,
  person: Person,
): Promise<string | undefined> {
  const queue = (await hotline.as(admin).get('/api/queue').expect(200)).body as {
    volunteers: { id: string; state: string }[];
  };
  return queue.volunteers.find((volunteer) => volunteer.id === person.id)?.state;
}

async function queuedCaller(hotline: RunningHotline): Promise<PhoneCall> {
  const call = new PhoneCall(hotline.baseUrl);
  await call.dial();
  await call.choose('1', '1');
  return call;
}

describe('routing heals itself after a database blip', () => {
  const clock = new ManualClock(EVENING);
  let twilio: Awaited<ReturnType<typeof fakeTwilio>>;
  let hotline: RunningHotline;
  let admin: string;
  const consoles: OpenConsole[] = [];

  beforeAll(async () => {
    twilio = await fakeTwilio();
    hotline = await startHotline(twilio.env, undefined, { clock });
    admin = await hotline.signIn();
  });
  afterAll(async () => {
    for (const opened of consoles) opened.close();
    await hotline.stop();
    await twilio.fake.stop();
  });

  it('writes a step the database failed once it is back, tells the missed volunteer, and wakes again', async () => {
    const person = await addPerson(hotline, EMOTIONAL);
    const console = await openConsole(hotline, person.token);
    consoles.push(console);
    const told = statesOn(console);
    await duty(hotline, person).available();
    const caller = await queuedCaller(hotline);
    const first = await duty(hotline, person).offer();

    // The database refuses the offer's and the presence's writes for a moment.
    let broken = true;
    const failing = (repository: object, method: 'insert' | 'update') => {
      const target = repository as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const real = target[method].bind(repository);
      return jest
        .spyOn(target, method)
        .mockImplementation((...args: unknown[]) =>
          broken ? Promise.reject(new Error('connection lost')) : real(...args),
        );
    };
    const offers = hotline.app.get<Repository<CallOffer>>(getRepositoryToken(CallOffer));
    const presence = hotline.app.get<Repository<PresenceChange>>(
      getRepositoryToken(PresenceChange),
    );
    const spies = [failing(offers, 'update'), failing(presence, 'insert')];
    try {
      // The offer times out: the volunteer is missed, but nothing of it reaches the record yet.
      clock.advance({ seconds: 21 });
      await eventually(
        async () => (spies[0].mock.calls.length > 1 ? true : undefined),
        'the failed write tried again',
      );
      expect(told).not.toContain('missed');
      broken = false;
      await eventually(
        async () => (told.includes('missed') ? true : undefined),
        'the missed volunteer told once the writes landed',
      );
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const [offer] = await hotline.database.query<{ result: string }>(
      'SELECT result FROM call_offer WHERE id = ?',
      [first.offerId],
    );
    expect(offer.result).toBe('timeout');
    expect(await lastPresence(hotline, person)).toContain('missed');
    expect(await engineState(hotline, admin, person)).toBe('missed');
    expect(hotline.logs()).toMatch(/a step's write landed after \d+ retries/);

    // The timer was armed again: the volunteer recovers and the caller rings them once more.
    clock.advance({ seconds: 31 });
    const again = await duty(hotline, person).offer();
    expect(again.callId).toBe(first.callId);
    expect(again.offerId).not.toBe(first.offerId);
    expect(await lastPresence(hotline, person)).toContain('offered');
    await caller.hangUp();
  });

  it('the routing check records a state the record lost, and tells the console', async () => {
    const person = await addPerson(hotline, EMOTIONAL);
    const console = await openConsole(hotline, person.token);
    consoles.push(console);
    const told = statesOn(console);
    await duty(hotline, person).available();
    await eventually(async () => (told.includes('available') ? true : undefined), 'available');
    told.length = 0;
    // The record lost the last change (as when a write was given up).
    await hotline.app
      .get(DataSource)
      .query('DELETE FROM presence_change WHERE volunteer_id = ? AND state = ?', [
        person.id,
        'available',
      ]);
    clock.advance({ seconds: 5 });
    const { Takeover } = await import('../apps/hotline/src/calls/takeover');
    await hotline.app.get(Takeover).sweep();
    expect(await lastPresence(hotline, person)).toContain('available');
    await eventually(
      async () => (told.includes('available') ? true : undefined),
      'the console told again',
    );
    expect(hotline.logs()).toMatch(/the routing check repaired drift/);
  });
});

describe('presence after a restart', () => {
  const clock = new ManualClock(EVENING);
  let twilio: Awaited<ReturnType<typeof fakeTwilio>>;
  let database: TestDatabase;
  let env: Record<string, string>;
  let hotline: RunningHotline;
  const consoles: OpenConsole[] = [];

  beforeAll(async () => {
    twilio = await fakeTwilio();
    database = await createTestDatabase();
    // The same keys after the restart: the sessions stay valid.
    env = {
      ...twilio.env,
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      JWT_SECRET: 'c'.repeat(64),
      CONSOLE_GRACE_SECONDS: '3',
    };
    hotline = await startHotline(env, database, { clock });
  });
  afterAll(async () => {
    for (const opened of consoles) opened.close();
    await hotline.stop();
    await twilio.fake.stop();
    await database.drop();
  });

  it('keeps those who reconnect on duty and rings them again; those who do not go offline after the grace', async () => {
    const admin = await hotline.signIn();
    const ringing = await addPerson(hotline, EMOTIONAL);
    const gone = await addPerson(hotline, EMOTIONAL);
    consoles.push(await openConsole(hotline, ringing.token));
    consoles.push(await openConsole(hotline, gone.token));
    await duty(hotline, ringing).available();
    await queuedCaller(hotline);
    const before = await duty(hotline, ringing).offer();
    await duty(hotline, gone).available();

    for (const opened of consoles.splice(0)) opened.close();
    await hotline.stop();
    hotline = await startHotline(env, database, { clock });
    consoles.push(await openConsole(hotline, ringing.token));

    // The call rings the same volunteer again, under a new offer.
    const after = await duty(hotline, ringing).offer();
    expect(after.callId).toBe(before.callId);
    expect(after.offerId).not.toBe(before.offerId);
    expect(await engineState(hotline, admin, gone)).toBe('available');

    // The grace period passes: the one whose console did not come back is offline.
    await eventually(
      async () =>
        ((await engineState(hotline, admin, gone)) ?? 'offline') === 'offline' ? true : undefined,
      'the absent volunteer offline',
      8_000,
    );
    expect(await lastPresence(hotline, gone)).toContain('offline');
    expect(await engineState(hotline, admin, ringing)).toBe('offered');
    expect(await lastPresence(hotline, ringing)).toContain('offered');
  });
});
