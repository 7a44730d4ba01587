import request from 'supertest';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { OpenConsole, openConsole } from './support/console';
import { ROUTINE_CONTACT, callRecord, eventually } from './support/duty';
import type { RunningHotline } from './support/hotline-server';
import { Instance, clusterEnv, handle, startInstance } from './support/instances';
import { Person, addPerson, ownPhone } from './support/people';
import { PhoneCall, fakeTwilio } from './support/twilio';
import { TestDatabase, createTestDatabase, testDatabaseKind } from './support/test-database';

const LEASE_MS = 1500;

const onMariaDb = testDatabaseKind() === 'mysql';

(onMariaDb ? describe : describe.skip)(
  'several instances behind a load balancer (MariaDB only: several instances need a shared server database; run with TEST_DATABASE=mysql)',
  () => {
    let database: TestDatabase;
    let twilio: { fake: FakeTwilio; env: Record<string, string> };
    let env: Record<string, string>;
    let a: Instance;
    let b: Instance;
    let c: Instance | undefined;
    let viaA: RunningHotline;
    let viaB: RunningHotline;
    let first: Person;
    let second: Person;
    const consoles: OpenConsole[] = [];

    const dequeues = (call: PhoneCall) =>
      twilio.fake.requests.filter((sent) => sent.path.includes(`/Members/${call.callSid}`));

    /** The caller chooses "pupil" and "emotional" on instance B and holds. */
    async function callIn(): Promise<PhoneCall> {
      const call = new PhoneCall(b.baseUrl);
      expect((await call.dial()).status).toBe(200);
      expect((await call.choose('1', '1')).twiml).toContain('<Enqueue');
      await call.hold();
      return call;
    }

    async function open(instance: Instance, person: Person): Promise<OpenConsole> {
      const opened = await openConsole(instance === a ? viaA : viaB, person.token);
      consoles.push(opened);
      return opened;
    }

    /** Each offer that rings on a console, in turn; `rung` counts them all. */
    function ringing(opened: OpenConsole) {
      const offers: { offerId: string; callId: string }[] = [];
      let rung = 0;
      opened.socket.on('offer.ringing', (offer) => {
        rung += 1;
        offers.push(offer);
      });
      return {
        next: () => eventually(async () => offers.shift(), 'an offer to ring', 10_000),
        rung: () => rung,
      };
    }

    /**
     * The volunteer's phone is rung, they join the caller's conference and talk, and the caller
     * hangs up; the webhooks reach instance B.
     */
    async function talkAndHangUp(call: PhoneCall, callId: string): Promise<void> {
      await call.answered(callId);
      await call.hangUp();
    }

    beforeAll(async () => {
      database = await createTestDatabase('mysql');
      twilio = await fakeTwilio();
      env = { ...twilio.env, ...clusterEnv(database, LEASE_MS) };
      // A first, so it creates the default hotline and wins the lease; then B joins it.
      a = await startInstance('a', env);
      b = await startInstance('b', env);
      viaA = handle(a, database);
      viaB = handle(b, database);
      const admin = await viaB.signIn();
      first = await addPerson(viaB, { topicSkills: ['emotional'], phone: ownPhone() }, admin);
      second = await addPerson(viaB, { topicSkills: ['emotional'], phone: ownPhone() }, admin);
    }, 60_000);

    afterAll(async () => {
      for (const opened of consoles) opened.close();
      await Promise.all(
        [a, b, c].flatMap((instance) => (instance ? [instance.stop('SIGTERM')] : [])),
      );
      await twilio?.fake.stop();
      await database?.drop();
    });

    it('offers a call that reached instance B to a console on instance A, once, and connects it once', async () => {
      expect(a.output()).toContain('Instance a leads the routing');
      const onA = await open(a, first);
      const onB = await open(b, second);
      expect(onB.snapshot.me).toMatchObject({ id: second.id, state: 'offline' });
      const offerToFirst = ringing(onA);
      const offerToSecond = ringing(onB);

      expect(await onA.socket.emitWithAck('presence.set', { state: 'available' })).toMatchObject({
        ok: true,
        me: { state: 'available' },
      });
      // A command on the follower goes to the leader, and the answer carries the new state.
      expect(await onB.socket.emitWithAck('presence.set', { state: 'available' })).toMatchObject({
        ok: true,
        me: { state: 'available' },
      });

      // The longest idle volunteer (on A) is rung for a call whose webhooks reach B.
      const call = await callIn();
      const offer = await offerToFirst.next();
      const seen = (opened: OpenConsole) =>
        opened
          .changes()
          .some((change) => change.type === 'call' && change.call.callId === offer.callId);
      await eventually(
        async () => (seen(onA) && seen(onB)) || undefined,
        'both consoles to see the call',
      );
      expect(await onA.socket.emitWithAck('offer.accept', { offerId: offer.offerId })).toEqual({
        ok: true,
      });
      await twilio.fake.next((sent) => sent.path.includes(call.callSid));
      await talkAndHangUp(call, offer.callId);
      expect(dequeues(call)).toHaveLength(1);

      // The next call rings the volunteer whose console is on B, who accepts it there.
      expect(
        await onA.socket.emitWithAck('wrapup.submit', {
          callId: offer.callId,
          contact: ROUTINE_CONTACT,
        }),
      ).toMatchObject({ ok: true, me: { state: 'available' } });
      const next = await callIn();
      const nextOffer = await offerToSecond.next();
      expect(await onB.socket.emitWithAck('offer.accept', { offerId: nextOffer.offerId })).toEqual({
        ok: true,
      });
      await twilio.fake.next((sent) => sent.path.includes(next.callSid));
      await talkAndHangUp(next, nextOffer.callId);
      // Wrap-up on the follower ends the wrap-up the leader's engine holds.
      expect(
        await onB.socket.emitWithAck('wrapup.submit', {
          callId: nextOffer.callId,
          contact: ROUTINE_CONTACT,
        }),
      ).toMatchObject({ ok: true, me: { state: 'available' } });
      expect(dequeues(next)).toHaveLength(1);
      expect([offerToFirst.rung(), offerToSecond.rung()]).toEqual([1, 1]);
    }, 40_000);

    it('ends a session on every instance: signed out on B, the console on A closes and the token fails there', async () => {
      const third = await addPerson(viaB, {}, await viaB.signIn());
      const onA = await open(a, third);
      const closed = new Promise<string>((resolve) => onA.socket.once('disconnect', resolve));
      await request(b.baseUrl)
        .post('/api/auth/sign-out')
        .set('Authorization', `Bearer ${third.token}`)
        .expect(204);
      expect(await closed).toBe('io server disconnect');
      await request(a.baseUrl)
        .get('/api/me')
        .set('Authorization', `Bearer ${third.token}`)
        .expect(401);
    });

    it('keeps every waiting call when the leader dies: B takes over, rebuilds the queue and routes them', async () => {
      const [onA, onB] = consoles;
      await onA.socket.emitWithAck('presence.set', { state: 'break' });
      await onB.socket.emitWithAck('presence.set', { state: 'break' });
      const waiting = [await callIn(), await callIn()];
      const status = async (call: PhoneCall) =>
        (
          await database.query<{ status: string }>(
            'SELECT status FROM phone_call WHERE call_sid = ?',
            [call.callSid],
          )
        )[0]?.status;
      for (const call of waiting) expect(await status(call)).toBe('waiting');

      await a.stop('SIGKILL');
      // The volunteer on A reconnects; the load balancer sends them to B.
      const again = await open(b, first);
      await eventually(
        async () => (b.output().includes('Instance b leads the routing') ? true : undefined),
        'instance B to take over',
        LEASE_MS * 4,
      );
      const { snapshot } = (await again.socket.emitWithAck('snapshot.get', {})) as unknown as {
        snapshot: { me: { state: string }; calls: { callId: string; phase: string }[] };
      };
      expect(snapshot.me.state).toBe('break');
      expect(snapshot.calls.map((call) => call.phase)).toEqual(['waiting', 'waiting']);

      const offerToFirst = ringing(again);
      const offerToSecond = ringing(onB);
      await again.socket.emitWithAck('presence.set', { state: 'available' });
      const firstOffer = await offerToFirst.next();
      await onB.socket.emitWithAck('presence.set', { state: 'available' });
      const secondOffer = await offerToSecond.next();
      expect(
        await again.socket.emitWithAck('offer.accept', { offerId: firstOffer.offerId }),
      ).toEqual({ ok: true });
      expect(
        await onB.socket.emitWithAck('offer.accept', { offerId: secondOffer.offerId }),
      ).toEqual({ ok: true });
      for (const call of waiting)
        await twilio.fake.next((sent) => sent.path.includes(call.callSid));
      await talkAndHangUp(waiting[0], firstOffer.callId);
      await talkAndHangUp(waiting[1], secondOffer.callId);
      for (const call of waiting) expect(dequeues(call)).toHaveLength(1);

      // Four calls in, four records: none lost, none doubled, each answered once.
      const rows = await database.query<{ call_sid: string; outcome: string; id: string }>(
        'SELECT id, call_sid, outcome FROM phone_call',
      );
      expect(rows).toHaveLength(4);
      expect(rows.map((row) => row.outcome)).toEqual([
        'answered',
        'answered',
        'answered',
        'answered',
      ]);
      const accepted = await database.query<{ call_id: string; accepted: number }>(
        "SELECT call_id, COUNT(*) AS accepted FROM call_offer WHERE result = 'accepted' GROUP BY call_id",
      );
      expect(accepted.map((row) => Number(row.accepted))).toEqual([1, 1, 1, 1]);
      expect(new Set(accepted.map((row) => row.call_id))).toEqual(
        new Set(rows.map((row) => row.id)),
      );
    }, 40_000);

    it('keeps a conference going through a failover: the new leader knows who is in it, a supervisor joins and takes it over', async () => {
      // B leads now; C joins, and the call and its people come in through C.
      c = await startInstance('c', env);
      const viaC = handle(c, database);
      const admin = await viaC.signIn();
      const volunteer = await addPerson(
        viaC,
        { topicSkills: ['learning'], phone: ownPhone() },
        admin,
      );
      const supervisor = await addPerson(
        viaC,
        { roles: ['volunteer', 'supervisor'], phone: ownPhone() },
        admin,
      );
      const desk = await openConsole(viaC, volunteer.token);
      consoles.push(desk);
      const offers = ringing(desk);
      await desk.socket.emitWithAck('presence.set', { state: 'available' });
      const call = new PhoneCall(c.baseUrl);
      await call.dial();
      expect((await call.choose('1', '2')).twiml).toContain('<Enqueue');
      await call.hold();
      const offer = await offers.next();
      expect(await desk.socket.emitWithAck('offer.accept', { offerId: offer.offerId })).toEqual({
        ok: true,
      });
      const action = await call.pickUp(offer.callId);

      await b.stop('SIGKILL');
      await eventually(
        async () => (c!.output().includes('Instance c leads the routing') ? true : undefined),
        'instance C to take over',
        LEASE_MS * 4,
      );

      // The conference went on at Twilio; C reads who is in it and a supervisor joins.
      const as = (token: string, path: string) =>
        request(c!.baseUrl).post(path).set('Authorization', `Bearer ${token}`);
      const listening = await as(supervisor.token, `/api/calls/${offer.callId}/monitor`)
        .send({ mode: 'listen' })
        .expect(200);
      expect(listening.body.participants).toEqual([
        expect.objectContaining({ volunteerId: volunteer.id, role: 'volunteer', mode: 'talk' }),
        expect.objectContaining({ volunteerId: supervisor.id, role: 'supervisor', mode: 'listen' }),
      ]);
      const leg = [
        ...twilio.fake.conferences.find(call.conference!.sid)!.participants.values(),
      ].find((participant) => participant.label === `supervisor-${supervisor.id}`)!;
      expect(leg).toMatchObject({ muted: true });
      await call.conferenceEvent('participant-join', leg.callSid, leg.label!);

      // The take-over goes through the new leader's engine, which rebuilt the call talking.
      const taken = await as(supervisor.token, `/api/calls/${offer.callId}/take-over`);
      expect([taken.status, taken.body.message]).toEqual([200, undefined]);
      expect(taken.body.participants).toEqual([
        expect.objectContaining({ volunteerId: supervisor.id, role: 'supervisor', mode: 'talk' }),
      ]);
      expect(
        twilio.fake.conferences.find(call.conference!.sid)!.participants.has(call.volunteerLeg),
      ).toBe(false);
      const { snapshot } = (await desk.socket.emitWithAck('snapshot.get', {})) as unknown as {
        snapshot: { me: { state: string } };
      };
      expect(snapshot.me.state).toBe('wrap_up');
      await call.conferenceEvent('participant-leave', call.callSid, 'caller');
      await call.conferenceEvent('conference-end');
      await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
      await call.hangUp();
      expect(await callRecord(viaC, call.callSid)).toMatchObject({
        outcome: 'answered',
        volunteer_id: supervisor.id,
      });
    }, 60_000);
  },
);
