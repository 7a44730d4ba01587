import { ManualClock } from '@hotline/clock';
import type { CrisisAlert, QueueChange } from '@hotline/console-protocol';
import { OpenConsole, openConsole } from './support/console';
import { eventually } from './support/duty';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { PhoneCall, fakeTwilio } from './support/twilio';
import { TestDatabase, createTestDatabase } from './support/test-database';

const alertsOn = (wall: OpenConsole): CrisisAlert[] =>
  wall.changes().flatMap((change: QueueChange) => (change.type === 'alert' ? [change.alert] : []));

const goneFrom = (wall: OpenConsole, alertId: string) =>
  wall.changes().some((change) => change.type === 'alert.gone' && change.alertId === alertId);

describe('crisis alerts that last', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let twilio: Awaited<ReturnType<typeof fakeTwilio>>;
  let database: TestDatabase;
  let env: Record<string, string>;
  let hotline: RunningHotline;
  let first: Person;
  let second: Person;
  const walls: OpenConsole[] = [];

  const wallOf = async (person: Person) => {
    const wall = await openConsole(hotline, person.token);
    walls.push(wall);
    return wall;
  };

  /** A caller presses the danger key; the alert reaches the wall. */
  async function dangerKey(wall: OpenConsole): Promise<CrisisAlert> {
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.post('menu?step=caller', { Digits: '9' });
    return eventually(
      async () =>
        alertsOn(wall).find((alert) => alert.reason === 'danger_key' && !seen.has(alert.alertId)),
      'the danger-key alert on the wall',
    ).then((alert) => {
      seen.add(alert.alertId);
      return alert;
    });
  }
  const seen = new Set<string>();

  beforeAll(async () => {
    twilio = await fakeTwilio();
    database = await createTestDatabase();
    // The same keys after a restart: the stored phones and tokens stay readable.
    env = {
      ...twilio.env,
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
      JWT_SECRET: 'b'.repeat(64),
    };
    hotline = await startHotline(env, database, { clock });
    first = await addPerson(hotline, { roles: ['supervisor'], phone: '+8613900000011' });
    second = await addPerson(hotline, { roles: ['supervisor'], phone: '+8613900000012' });
  });
  afterAll(async () => {
    for (const wall of walls) wall.close();
    await hotline.stop();
    await twilio.fake.stop();
    await database.drop();
  });

  it('raises a danger-key alert again every 30 s until a supervisor acknowledges it, then takes it off every wall', async () => {
    const wallA = await wallOf(first);
    const wallB = await wallOf(second);
    const alert = await dangerKey(wallA);
    expect(alert).toMatchObject({
      raisedAt: clock.now().toUTC().toISO(),
      lastRaisedAt: alert.raisedAt,
      resolvedAt: null,
      resolution: null,
    });
    await eventually(
      async () => alertsOn(wallB).find((other) => other.alertId === alert.alertId),
      'the alert on the second wall',
    );
    const sms = await twilio.fake.next((request) => request.path.endsWith('/Messages.json'));
    expect(sms.params.Body).toMatch(/危机警报，来电者按了危险键/);

    // Nobody acknowledges: 30 s later on the hotline's clock it is raised again.
    clock.advance({ seconds: 30 });
    const again = await eventually(
      async () =>
        alertsOn(wallA).find(
          (other) => other.alertId === alert.alertId && other.lastRaisedAt !== alert.raisedAt,
        ),
      'the alert raised again',
    );
    expect(again).toMatchObject({
      raisedAt: alert.raisedAt,
      lastRaisedAt: clock.now().toUTC().toISO(),
    });

    await hotline
      .as(first.token)
      .post(`/api/crisis-alerts/${alert.alertId}/acknowledge`)
      .expect(204);
    await hotline
      .as(second.token)
      .post(`/api/crisis-alerts/${alert.alertId}/acknowledge`)
      .expect(409);
    for (const wall of [wallA, wallB])
      await eventually(async () => goneFrom(wall, alert.alertId) || undefined, 'the alert gone');
    expect((await wallOf(second)).snapshot.alerts?.map((one) => one.alertId)).not.toContain(
      alert.alertId,
    );

    // Acknowledged: never raised again, though the caller still waits (the escalation ladder
    // raises alerts of its own meanwhile: nobody has taken the caller).
    const raisings = () => alertsOn(wallA).filter((one) => one.alertId === alert.alertId).length;
    const framesBefore = raisings();
    clock.advance({ seconds: 60 });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(raisings()).toBe(framesBefore);

    const audit = await hotline
      .as(await hotline.signIn())
      .get('/api/audit')
      .expect(200);
    expect(audit.body).toContainEqual(
      expect.objectContaining({
        action: 'crisis_alert.acknowledged',
        subjectId: alert.alertId,
        actorId: first.id,
      }),
    );
  });

  it('keeps an unacknowledged alert through a server restart', async () => {
    const wall = await wallOf(first);
    const alert = await dangerKey(wall);
    for (const open of walls) open.close();
    walls.length = 0;
    await hotline.stop();

    hotline = await startHotline(env, database, { clock });
    first.token = await hotline.signIn(first.email, first.password);
    second.token = await hotline.signIn(second.email, second.password);
    const after = await wallOf(second);
    expect(after.snapshot.alerts).toContainEqual(
      expect.objectContaining({ alertId: alert.alertId, reason: 'danger_key' }),
    );

    // The new server raises it again while the caller still waits, and the console acknowledges it.
    clock.advance({ seconds: 30 });
    await eventually(
      async () =>
        alertsOn(after).find(
          (other) =>
            other.alertId === alert.alertId && other.lastRaisedAt === clock.now().toUTC().toISO(),
        ),
      'the alert raised again after the restart',
    );
    expect(await after.socket.emitWithAck('alert.acknowledge', { alertId: alert.alertId })).toEqual(
      { ok: true },
    );
    await eventually(async () => goneFrom(after, alert.alertId) || undefined, 'the alert gone');
  });
});
