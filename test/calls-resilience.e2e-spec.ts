import { DataSource } from 'typeorm';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { RunningHotline, startHotline } from './support/hotline-server';
import { addPerson } from './support/people';
import { callRecord, duty, eventually, onBreak } from './support/duty';
import { CallCentre, PhoneCall, fakeTwilio, says, startCallCentre } from './support/twilio';
import { createTestDatabase } from './support/test-database';

const EVENING = { HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00' };

describe('webhooks that are forged, repeated or hit a failure', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;

  beforeAll(async () => {
    centre = await startCallCentre(EVENING);
    ({ hotline, twilio, admin } = centre);
    // On duty but answering nothing: callers queue and hold, as when everyone is busy.
    await onBreak(hotline, await addPerson(hotline));
  });
  afterAll(() => centre.stop());

  const calls = async () =>
    (await hotline.database.query<{ n: number }>('SELECT COUNT(*) AS n FROM phone_call'))[0].n;

  it('refuses a forged or missing signature with 403 and changes nothing', async () => {
    const before = Number(await calls());
    const call = new PhoneCall(hotline.baseUrl);
    const forged = await call.post('incoming', {}, 'bm90IGEgc2lnbmF0dXJl');
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.twiml).message).toBe(
      'This request is not signed by Twilio for this server.',
    );
    const unsigned = await call.post('incoming', {}, '');
    expect(unsigned.status).toBe(403);
    expect(Number(await calls())).toBe(before);
  });

  it('treats a retried webhook as the same step: one call, one place in the queue', async () => {
    const call = new PhoneCall(hotline.baseUrl);
    const first = await call.dial();
    const again = await call.dial();
    expect(again.twiml).toBe(first.twiml);
    await call.post('menu?step=caller', { Digits: '2' });
    const queued = await call.post('menu?step=topic', { Digits: '3' });
    const retried = await call.post('menu?step=topic', { Digits: '3' });
    expect(retried.twiml).toBe(queued.twiml);

    const rows = await hotline.database.query('SELECT id FROM phone_call WHERE call_sid = ?', [
      call.callSid,
    ]);
    expect(rows).toHaveLength(1);
    const queue = (await hotline.as(admin).get('/api/queue').expect(200)).body;
    expect(
      queue.calls.filter((c: { callId: string }) => c.callId === (rows[0] as { id: string }).id),
    ).toHaveLength(1);

    await call.hangUp();
    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      outcome: 'abandoned',
      status: 'ended',
    });
  });

  it('announces the place in the queue while the caller waits', async () => {
    const ahead = new PhoneCall(hotline.baseUrl);
    await ahead.dial();
    await ahead.choose('1', '1');
    const behind = new PhoneCall(hotline.baseUrl);
    await behind.dial();
    await behind.choose('1', '1');
    const hold = await behind.hold();
    expect(says(hold.twiml).join(' ')).toMatch(/你前面还有1位来电者，预计等待约\d+分钟/);
    expect(hold.twiml).toContain('<Pause length="20"/>');
    await ahead.hangUp();
    await behind.hangUp();
  });

  it('records a caller who hangs up while waiting as abandoned, with the wait', async () => {
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '2');
    await call.post('queue-result', { QueueResult: 'hangup', QueueTime: '12' });
    await call.hangUp();
    const record = await callRecord(hotline, call.callSid);
    expect(record).toMatchObject({ outcome: 'abandoned', status: 'ended' });
    expect(record.wait_seconds).not.toBeNull();
  });

  it("keeps the caller's place when Twilio's API cannot bring them to the volunteer", async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['emotional'] });
    await duty(hotline, volunteer).available();
    twilio.failNext(10);
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    await twilio.next((request) => request.path.includes(call.callSid));

    const queue = await eventually(async () => {
      const body = (await hotline.as(admin).get('/api/queue').expect(200)).body;
      return body.calls.find(
        (c: { callId: string; phase: string }) =>
          c.callId === offer.callId && c.phase === 'waiting',
      )
        ? body
        : undefined;
    }, 'the caller back in the queue');
    expect(queue.calls[0].callId).toBe(offer.callId);
    expect(queue.volunteers.find((v: { id: string }) => v.id === volunteer.id).state).toBe(
      'missed',
    );
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'waiting',
      outcome: null,
    });

    await call.hangUp();
    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'offline' })
      .expect(200);
  });
});

describe('a failure inside the server', () => {
  it('still answers valid TwiML with an apology and the emergency numbers when the database is down', async () => {
    const fake = await fakeTwilio();
    const hotline = await startHotline({ ...fake.env, ...EVENING });
    try {
      const call = new PhoneCall(hotline.baseUrl);
      await call.dial();
      await hotline.app.get(DataSource).destroy();

      const first = await call.post('menu?step=caller', { Digits: '1' });
      expect(first.status).toBe(200);
      expect(first.twiml).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?><Response>.*<\/Response>$/,
      );
      expect(says(first.twiml).join(' ')).toMatch(/很抱歉.*110.*12356/);
      expect(first.twiml).toContain(
        '<Redirect method="POST">/twilio/voice/incoming?retry=1</Redirect>',
      );

      const retry = await call.post('incoming?retry=1');
      expect(retry.status).toBe(200);
      expect(retry.twiml).toContain('<Hangup/>');
      expect(says(retry.twiml).join(' ')).toMatch(/emergency|110/);

      const hold = await call.post('wait', { QueueSid: 'QU1' });
      expect(hold.twiml).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="5"/></Response>',
      );
    } finally {
      await hotline.app.close().catch(() => undefined);
      await hotline.database.drop();
      await fake.fake.stop();
    }
  });
});

describe('a restart during the evening', () => {
  it('rebuilds the queue from the database: waiting callers keep their order, nothing is lost', async () => {
    const fake = await fakeTwilio();
    const database = await createTestDatabase();
    const env = {
      ...fake.env,
      ...EVENING,
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    };
    try {
      const before = await startHotline(env, database);
      await onBreak(before, await addPerson(before));
      const first = new PhoneCall(before.baseUrl);
      await first.dial();
      await first.choose('1', '1');
      const second = new PhoneCall(before.baseUrl);
      await second.dial();
      await second.choose('2', '2');
      const crisis = new PhoneCall(before.baseUrl);
      await crisis.dial();
      await crisis.post('menu?step=caller', { Digits: '9' });
      const admin = await before.signIn();
      const queued = (await before.as(admin).get('/api/queue').expect(200)).body.calls.map(
        (c: { callId: string }) => c.callId,
      );
      await before.stop();

      const after = await startHotline(env, database);
      try {
        const adminAfter = await after.signIn();
        const rebuilt = (await after.as(adminAfter).get('/api/queue').expect(200)).body.calls;
        expect(rebuilt.map((c: { callId: string }) => c.callId)).toEqual(queued);
        expect(rebuilt.map((c: { priority: string }) => c.priority)).toEqual([
          'crisis',
          'normal',
          'normal',
        ]);

        const volunteer = await addPerson(after, { topicSkills: ['emotional', 'learning'] });
        await duty(after, volunteer).available();
        expect((await duty(after, volunteer).offer()).callId).toBe(queued[0]);
        const waiting = new PhoneCall(after.baseUrl);
        Object.assign(waiting, { callSid: second.callSid });
        const hold = await waiting.hold();
        expect(hold.twiml).toContain('<Pause');
      } finally {
        await after.stop();
      }
    } finally {
      await database.drop();
      await fake.fake.stop();
    }
  });
});
