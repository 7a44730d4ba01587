import type { QueueChange, RingingOffer } from '@hotline/console-protocol';
import { TwilioSide } from '../apps/callsim/src/caller';
import { HotlineApi } from '../apps/callsim/src/api';
import { HotlineTime } from '../apps/callsim/src/hotline-time';
import { ReplayResult, runReplay } from '../apps/callsim/src/replay';
import { runTraining } from '../apps/callsim/src/training';
import { VanishResult, runVanish } from '../apps/callsim/src/vanish';
import { testDatabaseKind } from './support/test-database';
import { openConsole } from './support/console';
import { eventually } from './support/duty';
import { ADMIN, RunningHotline, startHotline } from './support/hotline-server';
import { addPerson } from './support/people';
import { PUBLIC_BASE_URL, TWILIO } from './support/twilio';

const twilio = {
  publicBaseUrl: PUBLIC_BASE_URL,
  accountSid: TWILIO.accountSid,
  authToken: TWILIO.authToken,
  number: TWILIO.number,
};

/** A server whose Twilio is the simulator's, on a clock that starts as the hotline opens. */
async function simulatedHotline(
  speed: number,
): Promise<{ hotline: RunningHotline; side: TwilioSide }> {
  const side = new TwilioSide(twilio);
  const apiBaseUrl = await side.start();
  const hotline = await startHotline({
    LOG_LEVEL: 'warn',
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_PHONE_NUMBER: TWILIO.number,
    TWILIO_API_BASE_URL: apiBaseUrl,
    HOTLINE_CLOCK_START: '2026-03-02T18:00:00+08:00',
    HOTLINE_CLOCK_SPEED: String(speed),
  });
  return { hotline, side };
}

interface CallRow {
  call_sid: string;
  outcome: string | null;
  wait_seconds: number | null;
  volunteer_id: string | null;
  queued_at: unknown;
}

// The simulator runs the evening 40-90 times faster than real time: a second of database load
// is a minute and a half of the evening, and on the MariaDB pass, under the whole suite's load,
// a volunteer's key press can land after the caller's hang-up. It runs once, on SQLite; the
// server paths it drives are covered on MariaDB by the calls specs.
(testDatabaseKind() === 'sqlite' ? describe : describe.skip)('caller simulator', () => {
  describe('a short replay', () => {
    let hotline: RunningHotline;
    let side: TwilioSide;
    let result: ReplayResult;

    beforeAll(async () => {
      ({ hotline, side } = await simulatedHotline(90));
      // 40 seconds of real time are an hour of hotline time at 90x: about 40 callers.
      result = await runReplay({
        serverUrl: hotline.baseUrl,
        twilio,
        twilioSide: side,
        admin: ADMIN,
        seed: 11,
        speed: 90,
        // A supervisor listens to half the answered calls, for a minute each.
        listen: { sample: 0.5, seconds: 60 },
        profile: {
          callsPerHour: [40],
          topicMix: {
            emotional: 40,
            learning: 25,
            parent_child: 20,
            other: 10,
            self_harm_suicide: 5,
          },
          patience: { kind: 'exponential', mean: 60 },
          talk: { kind: 'uniform', min: 60, max: 240 },
          think: { kind: 'uniform', min: 1, max: 4 },
          wrapUp: { kind: 'fixed', value: 5 },
          volunteers: [
            ['emotional', 'self_harm_suicide'],
            ['learning', 'other'],
            ['parent_child', 'emotional'],
          ],
        },
      });
    });

    afterAll(async () => {
      await hotline?.stop();
      await side?.stop();
    });

    it('plays every caller to the end, and the server recorded the same calls', async () => {
      expect(result.records.length).toBeGreaterThan(20);
      expect(result.records.filter((record) => record.outcome === 'failed')).toEqual([]);
      const rows = await hotline.database.query<CallRow>(
        'SELECT call_sid, outcome, wait_seconds, volunteer_id, queued_at FROM phone_call WHERE training = 0',
      );
      expect(rows.length).toBe(result.ours.calls);
      const count = (outcome: string) => rows.filter((row) => row.outcome === outcome).length;
      expect({
        answered: count('answered'),
        abandoned: rows.filter((row) => row.outcome === 'abandoned' && row.queued_at !== null)
          .length,
        overflowed: count('overflow_callback'),
      }).toEqual({
        answered: result.ours.answered,
        abandoned: result.ours.abandoned,
        overflowed: result.ours.overflowed,
      });
      // Some callers lost patience and most were answered: both paths were played.
      expect(result.ours.answered).toBeGreaterThan(0);
      expect(result.ours.abandoned).toBeGreaterThan(0);
    });

    it('measures each wait and who answered as the server recorded them', async () => {
      const rows = await hotline.database.query<CallRow>(
        'SELECT call_sid, outcome, wait_seconds, volunteer_id, queued_at FROM phone_call',
      );
      const bySid = new Map(rows.map((row) => [row.call_sid, row]));
      const apart = result.records
        .filter((record) => record.outcome !== 'refused')
        .map((record) => ({ record, row: bySid.get(record.callSid!)! }))
        .filter(
          ({ record, row }) =>
            row.outcome !==
              (record.outcome === 'overflow' ? 'overflow_callback' : record.outcome) ||
            // Hotline seconds: the server rounds, and a request on a busy machine may take
            // some 100 ms to be handled, 9 s at 90x.
            Math.abs(Number(row.wait_seconds) - record.waitSeconds) > 10 ||
            (record.outcome === 'answered' && row.volunteer_id !== record.volunteerId),
        )
        .map(({ record, row }) => ({ record, row }));
      expect(apart).toEqual([]);
      // On average the two clocks agree closely: the server's own figure is the simulator's.
      const left = rows.filter((row) => row.wait_seconds !== null && row.queued_at !== null);
      const serverAverage =
        left.reduce((sum, row) => sum + Number(row.wait_seconds), 0) / left.length;
      expect(Math.abs(serverAverage - result.ours.averageWaitSeconds)).toBeLessThan(3);
    });

    it('lets a supervisor listen to a sample of the calls, each join audited', async () => {
      const listened = result.listened.filter((one) => one.result === 'listened');
      expect(listened.length).toBeGreaterThan(0);
      const audited = await hotline.database.query<{ subject_id: string }>(
        "SELECT subject_id FROM audit_event WHERE action = 'call.monitor.joined.listen' AND actor_id = ?",
        [result.listener!.id],
      );
      expect(audited.map((row) => row.subject_id).sort()).toEqual(
        listened.map((one) => one.callId).sort(),
      );
      // Each call listened to was answered, and the supervisor is in none any more.
      const rows = await hotline.database.query<{ outcome: string; present: number }>(
        `SELECT c.outcome, SUM(CASE WHEN p.left_at IS NULL THEN 1 ELSE 0 END) AS present
           FROM phone_call c JOIN call_participant p ON p.call_id = c.id
          WHERE p.volunteer_id = ? GROUP BY c.id, c.outcome`,
        [result.listener!.id],
      );
      expect(rows.length).toBe(listened.length);
      for (const row of rows)
        expect({ ...row, present: Number(row.present) }).toEqual({
          outcome: 'answered',
          present: 0,
        });
    });

    it('compares with the FIFO baseline over the same callers', () => {
      expect(result.baselineRecords.map((record) => record.index)).toEqual(
        result.scenario.map((call) => call.index),
      );
      expect(result.baseline.calls).toBe(result.ours.calls);
      expect(result.table).toMatch(/service level within 20 s/);
      expect(result.targets).toHaveLength(5);
    });
  });

  // A minute and a half of real time: run once, on SQLite (the ladder does not depend on the
  // database; the MariaDB pass covers it end to end in calls-ladder).
  (testDatabaseKind() === 'sqlite' ? describe : describe.skip)(
    'volunteers vanish mid-evening',
    () => {
      let hotline: RunningHotline;
      let side: TwilioSide;
      let result: VanishResult;
      const speed = 40;
      const slackSeconds = 0.2 * speed;

      beforeAll(async () => {
        ({ hotline, side } = await simulatedHotline(speed));
        // An hour at 40x (90 s of real time): a third of the callers in danger, all three
        // volunteers gone after 20 minutes, two supervisors on call of whom one never answers.
        result = await runVanish({
          serverUrl: hotline.baseUrl,
          twilio,
          twilioSide: side,
          admin: ADMIN,
          seed: 5,
          speed,
          profile: {
            callsPerHour: [36],
            topicMix: { emotional: 40, learning: 30, self_harm_suicide: 30 },
            patience: { kind: 'exponential', mean: 90 },
            talk: { kind: 'uniform', min: 60, max: 180 },
            think: { kind: 'uniform', min: 1, max: 4 },
            wrapUp: { kind: 'fixed', value: 5 },
            volunteers: [['emotional', 'self_harm_suicide'], ['learning'], ['emotional']],
          },
          vanishAfterMinutes: 20,
          stay: 0,
          modes: ['silent', 'offline', 'close'],
          supervisors: [
            {
              answers: true,
              pickUp: { kind: 'uniform', min: 3, max: 8 },
              press: { kind: 'uniform', min: 2, max: 5 },
            },
            {
              answers: false,
              pickUp: { kind: 'fixed', value: 5 },
              press: { kind: 'fixed', value: 3 },
            },
          ],
          crisisHoldSeconds: 300,
          limitSeconds: 60,
          slackSeconds,
        });
      }, 240_000);

      afterAll(async () => {
        await hotline?.stop();
        await side?.stop();
      });

      it('gives every crisis caller a person within 60 s, before and after the volunteers vanish', async () => {
        expect(result.replay.records.filter((record) => record.outcome === 'failed')).toEqual([]);
        expect(result.crisis.filter((call) => !call.afterVanish).length).toBeGreaterThan(0);
        expect(result.crisis.filter((call) => call.afterVanish).length).toBeGreaterThan(1);
        // Seconds of hotline time; a webhook's few milliseconds are a fraction of one at 40x.
        const late = result.crisis.filter(
          (call) => call.afterSeconds === null || call.afterSeconds > 60 + slackSeconds,
        );
        expect(late).toEqual([]);
        expect(result.failures).toEqual([]);
        // After the vanishing nobody answers offers: the ladder reached the supervisor or the line.
        const after = result.crisis.filter((call) => call.afterVanish);
        expect(after.every((call) => call.who === 'supervisor' || call.who === 'crisis_line')).toBe(
          true,
        );
        expect(after.some((call) => call.who === 'supervisor')).toBe(true);
        // The supervisor who never answers was rung, and never took anyone.
        const silent = result.supervisorRings.filter((ring) =>
          ring.email.startsWith('callsim-supervisor-2'),
        );
        expect(silent.length).toBeGreaterThan(0);
        expect(silent.every((ring) => ring.result === 'not_answered')).toBe(true);
      });

      it('agrees with the server on who had each crisis caller', async () => {
        const rows = await hotline.database.query<{
          call_sid: string;
          outcome: string | null;
          volunteer_id: string | null;
        }>("SELECT call_sid, outcome, volunteer_id FROM phone_call WHERE priority = 'crisis'");
        const bySid = new Map(rows.map((row) => [row.call_sid, row]));
        const apart = result.replay.records
          .filter((record) => record.crisis)
          .map((record) => ({
            index: record.index,
            who: record.person?.who,
            outcome: bySid.get(record.callSid!)?.outcome,
          }))
          .filter(
            ({ who, outcome }) => outcome !== (who === 'crisis_line' ? 'forwarded' : 'answered'),
          );
        expect(apart).toEqual([]);
        expect(result.report).toMatch(/time from the danger key to a person: longest/);
      });
    },
  );

  describe('training mode', () => {
    let hotline: RunningHotline;
    let side: TwilioSide;

    beforeAll(async () => {
      ({ hotline, side } = await simulatedHotline(10));
    });

    afterAll(async () => {
      await hotline?.stop();
      await side?.stop();
    });

    it('rings one practice call on that volunteer only, marked training, with no telephony and no statistics', async () => {
      const trainee = await addPerson(hotline, { topicSkills: ['emotional'] });
      const colleague = await addPerson(hotline, { topicSkills: ['emotional'] });
      const admin = await hotline.signIn();
      const wall = await openConsole(hotline, admin);
      const traineeConsole = await openConsole(hotline, trainee.token);
      const colleagueConsole = await openConsole(hotline, colleague.token);
      const rung: { trainee: RingingOffer[]; colleague: RingingOffer[] } = {
        trainee: [],
        colleague: [],
      };
      traineeConsole.socket.on('offer.ringing', (offer) => rung.trainee.push(offer));
      colleagueConsole.socket.on('offer.ringing', (offer) => rung.colleague.push(offer));
      for (const person of [trainee, colleague])
        await hotline
          .as(person.token)
          .put('/api/me/presence')
          .send({ state: 'available' })
          .expect(200);
      const figuresBefore = wall.snapshot.today;
      const statsBefore = await hotline.database.query('SELECT COUNT(*) AS n FROM stats_day');

      // The trainee accepts as soon as it rings, the way a volunteer at the console would.
      traineeConsole.socket.on('offer.ringing', (offer) =>
        traineeConsole.socket.emit('offer.accept', { offerId: offer.offerId }, () => undefined),
      );
      const lines: string[] = [];
      const call = await runTraining({
        api: new HotlineApi(hotline.baseUrl, admin),
        time: await HotlineTime.sync(hotline.baseUrl),
        volunteerEmail: trainee.email,
        script: ['Hello?', 'I am practising.'],
        lineSeconds: 1,
        say: (line) => lines.push(line),
      });

      expect(call).toMatchObject({ status: 'ended', outcome: 'answered', training: true });
      expect(rung.trainee).toEqual([expect.objectContaining({ callId: call.id, training: true })]);
      expect(rung.colleague).toEqual([]);
      expect(lines).toEqual(
        expect.arrayContaining(['  caller: Hello?', '  caller: I am practising.']),
      );
      const wallSaw = wall
        .changes()
        .filter(
          (change): change is Extract<QueueChange, { type: 'call' }> =>
            change.type === 'call' && change.call.callId === call.id,
        );
      expect(wallSaw.length).toBeGreaterThan(0);
      expect(wallSaw.every((change) => change.call.training === true)).toBe(true);
      // No telephony: nothing was asked of Twilio.
      expect(side.requests).toEqual([]);
      // The trainee is free again at once, no contact record due, nothing counted.
      await eventually(async () => {
        const me = await hotline.as(trainee.token).get('/api/me/offer');
        const state = await hotline.as(admin).get('/api/queue').expect(200);
        const mine = state.body.volunteers.find((v: { id: string }) => v.id === trainee.id);
        return me.status === 204 && mine?.state === 'available' ? true : undefined;
      }, 'the trainee to be available again');
      const [row] = await hotline.database.query<{ training: unknown; answered_at: unknown }>(
        'SELECT training, answered_at FROM phone_call WHERE id = ?',
        [call.id],
      );
      expect(Boolean(Number(row.training))).toBe(true);
      expect(row.answered_at).toBeNull();
      expect(
        await hotline.database.query('SELECT id FROM contact WHERE call_id = ?', [call.id]),
      ).toEqual([]);
      expect(await hotline.database.query('SELECT COUNT(*) AS n FROM stats_day')).toEqual(
        statsBefore,
      );
      const snapshot = await new Promise<{ today: unknown }>((resolve) =>
        wall.socket.emit('snapshot.get', {}, (ack) =>
          resolve(ack.ok ? ack.snapshot : { today: null }),
        ),
      );
      expect(snapshot.today).toEqual(figuresBefore);
      for (const open of [wall, traineeConsole, colleagueConsole]) open.close();
    });

    it('refuses a practice call on someone else to a volunteer, and on a volunteer who is not available', async () => {
      const volunteer = await addPerson(hotline);
      const other = await addPerson(hotline);
      const refused = await hotline
        .as(volunteer.token)
        .post('/api/training-calls')
        .send({ volunteerId: other.id })
        .expect(403);
      expect(refused.body.message).toMatch(/supervisors, coordinators and admins/);
      const offline = await hotline
        .as(await hotline.signIn())
        .post('/api/training-calls')
        .send({ volunteerId: other.id })
        .expect(409);
      expect(offline.body.message).toMatch(/not available/);
      await hotline
        .as(volunteer.token)
        .post('/api/training-calls')
        .send({ volunteerId: volunteer.id, topic: 'nonsense' })
        .expect(400);
    });
  });
});
