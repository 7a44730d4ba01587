import { randomUUID } from 'node:crypto';
import { volunteerRow, waitingCallRow } from '../../../../test/support/rows';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditService } from '../audit/audit.service';
import { AuditEvent } from '../audit/audit-event.entity';
import { Call, CallStatus } from '../calls/call.entity';
import { Chat } from '../chats/chat.entity';
import { Switchboard } from '../calls/switchboard';
import { FieldCipher } from '../common/field-cipher';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { Cluster } from '../instances/cluster';
import { ShiftsService } from '../shifts/shifts.service';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisAlertRecord } from './crisis-alert.entity';
import { AlertRepeats } from './alert-repeats.service';
import { AlertTexts, SMS_REPEAT_SECONDS } from './alert-texts';
import { CrisisAlerts } from './crisis-alerts.service';
import { OnCallSupervisors } from './on-call-supervisors';
import { CrisisCase, newCase } from './crisis-case.entity';

describe('CrisisAlerts (stored alerts on a real database)', () => {
  let test: ServiceTest;
  let alerts: CrisisAlerts;
  let repeats: AlertRepeats;
  let hotline: Hotline;
  let supervisor: Volunteer;
  let seen: HotlineEvent[];
  const texts: { to: string; body: string }[] = [];
  const telephony = {
    enabled: true,
    url: (path: string) => `https://hotline.example.org${path}`,
    sendSms: (to: string, body: string) => {
      texts.push({ to, body });
      return Promise.resolve();
    },
  };

  /** A crisis caller waiting in the queue, and the case their danger key opened. */
  const crisisCall = async (status: CallStatus = 'waiting'): Promise<CrisisCase> => {
    const now = test.clock.now().toJSDate();
    const callId = randomUUID();
    await test
      .repository(Call)
      .insert(
        waitingCallRow(now, { id: callId, hotlineId: hotline.id, priority: 'crisis', status }),
      );
    const crisisCase = test.repository(CrisisCase).create(
      newCase(
        {
          id: randomUUID(),
          hotlineId: hotline.id,
          trigger: 'danger_key',
          riskLevel: null,
          callId,
          contactId: null,
        },
        now,
      ),
    );
    await test.repository(CrisisCase).insert(crisisCase);
    return crisisCase;
  };

  const setCall = (callId: string, fields: Partial<Call>) =>
    test.repository(Call).update(callId, fields);

  const raisedAgain = (alertId: string) =>
    seen.filter((event) => event.type === 'crisis.alert' && event.alert.alertId === alertId);

  beforeAll(async () => {
    test = await serviceTest([
      CrisisAlerts,
      AlertTexts,
      OnCallSupervisors,
      AuditService,
      HotlinesService,
      HotlineDirectory,
      { provide: Switchboard, useValue: { volunteerState: () => undefined } },
      { provide: ShiftsService, useValue: { onShiftAt: () => Promise.resolve([]) } },
      { provide: Telephony, useValue: telephony },
    ]);
    alerts = test.get(CrisisAlerts);
    // Outside the module, the job's timer never starts: the tests run it by hand.
    repeats = new AlertRepeats(
      alerts,
      test.repository(Call),
      test.repository(Chat),
      test.get(HotlineDirectory),
      test.clock,
      {} as Cluster,
    );
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    supervisor = await test.repository(Volunteer).save(
      test.repository(Volunteer).create(
        volunteerRow(test.clock.now().toJSDate(), {
          phoneEncrypted: test.get(FieldCipher).encrypt('+8613900000009'),
          roles: ['supervisor'],
          hotlines: [hotline],
        }),
      ),
    );
    test.get(HotlineEvents).stream.subscribe((event) => seen.push(event));
  });
  beforeEach(() => {
    seen = [];
    texts.length = 0;
  });
  afterEach(async () => {
    // Every caller of the test hangs up: the next test counts only its own alerts.
    await test
      .repository(Call)
      .update({ status: 'waiting' }, { status: 'ended', outcome: 'abandoned' });
    await repeats.raiseAgainDue();
  });
  afterAll(() => test.close());

  it('stores an alert with the hotline clock, once per case and reason, and texts the supervisors in the hotline’s language', async () => {
    const crisisCase = await crisisCall();
    const alert = await alerts.alert(crisisCase, 'danger_key');
    expect(await alerts.alert(crisisCase, 'danger_key')).toMatchObject({ id: alert.id });

    const stored = await test.repository(CrisisAlertRecord).findOneByOrFail({ id: alert.id });
    expect(stored).toMatchObject({
      hotlineId: hotline.id,
      caseId: crisisCase.id,
      callId: crisisCase.callId,
      reason: 'danger_key',
      raisedAt: test.clock.now().toJSDate(),
      lastRaisedAt: test.clock.now().toJSDate(),
      acknowledgedAt: null,
      resolvedAt: null,
    });
    expect(seen).toEqual([
      expect.objectContaining({
        type: 'crisis.alert',
        alert: expect.objectContaining({ alertId: alert.id, reason: 'danger_key' }),
      }),
    ]);
    // 10:00 UTC is 18:00 in Shanghai; the hotline speaks Chinese; nothing about the caller.
    expect(texts).toEqual([
      {
        to: '+8613900000009',
        body: 'City line：18:00 危机警报，来电者按了危险键。请打开控制台：https://hotline.example.org/console/',
      },
    ]);
    expect((await alerts.unacknowledged(hotline.id)).map((open) => open.id)).toContain(alert.id);
  });

  it('raises an unacknowledged alert again every crisisRealertSeconds while its caller waits, texting at a gentler pace', async () => {
    const crisisCase = await crisisCall();
    const alert = await alerts.alert(crisisCase, 'not_taken');
    seen = [];
    texts.length = 0;

    test.clock.advance({ seconds: 29 });
    expect(await repeats.raiseAgainDue()).toBe(0);
    test.clock.advance({ seconds: 1 });
    expect(await repeats.raiseAgainDue()).toBe(1);
    expect(await repeats.raiseAgainDue()).toBe(0);
    expect(raisedAgain(alert.id)).toEqual([
      expect.objectContaining({
        alert: expect.objectContaining({
          raisedAt: alert.raisedAt.toISOString(),
          lastRaisedAt: test.clock.now().toJSDate().toISOString(),
          resolvedAt: null,
        }),
      }),
    ]);
    // Texted when first raised, 30 s ago: the phone is not buzzed again yet.
    expect(texts).toEqual([]);

    for (let raised = 30; raised < SMS_REPEAT_SECONDS; raised += 30) {
      test.clock.advance({ seconds: 30 });
      expect(await repeats.raiseAgainDue()).toBe(1);
    }
    expect(texts).toEqual([
      expect.objectContaining({ body: expect.stringContaining('危机警报仍未确认') }),
    ]);
    expect(raisedAgain(alert.id)).toHaveLength(SMS_REPEAT_SECONDS / 30);
  });

  it('follows the hotline’s own re-alert setting', async () => {
    const other = await test.get(HotlinesService).create({ name: 'Night line' }, 'Asia/Shanghai');
    await test.repository(Hotline).update(other.id, {
      routing: { ...other.routing, crisisRealertSeconds: 60 },
    });
    test
      .get(HotlineDirectory)
      .changed(await test.repository(Hotline).findOneByOrFail({ id: other.id }), false);
    const crisisCase = await crisisCall();
    await test.repository(CrisisCase).update(crisisCase.id, { hotlineId: other.id });
    await test.repository(Call).update(crisisCase.callId!, { hotlineId: other.id });
    await alerts.alert({ ...crisisCase, hotlineId: other.id }, 'danger_key');
    test.clock.advance({ seconds: 30 });
    expect(await repeats.raiseAgainDue()).toBe(0);
    test.clock.advance({ seconds: 30 });
    expect(await repeats.raiseAgainDue()).toBe(1);
  });

  it('acknowledging takes the alert off the walls, is audited, stops it, and happens once', async () => {
    const crisisCase = await crisisCall();
    const alert = await alerts.alert(crisisCase, 'danger_key');
    expect(await alerts.acknowledge(supervisor, hotline.id, alert.id)).toBe(true);
    expect(await alerts.acknowledge(supervisor, hotline.id, alert.id)).toBe(false);
    expect(seen).toContainEqual({
      type: 'crisis.alert.acknowledged',
      hotlineId: hotline.id,
      alertId: alert.id,
      volunteerId: supervisor.id,
    });
    expect(
      await test.repository(CrisisAlertRecord).findOneByOrFail({ id: alert.id }),
    ).toMatchObject({ acknowledgedBy: supervisor.id, acknowledgedAt: test.clock.now().toJSDate() });
    expect(await test.repository(AuditEvent).findOneBy({ subjectId: alert.id })).toMatchObject({
      action: 'crisis_alert.acknowledged',
      actorId: supervisor.id,
    });
    expect((await alerts.unacknowledged(hotline.id)).map((open) => open.id)).not.toContain(
      alert.id,
    );

    test.clock.advance({ minutes: 5 });
    seen = [];
    await repeats.raiseAgainDue();
    expect(raisedAgain(alert.id)).toEqual([]);
  });

  it('resolves the alert when the caller is taken or hangs up: no longer raised, still shown until acknowledged', async () => {
    const taken = await crisisCall();
    const hungUp = await crisisCall();
    const takenAlert = await alerts.alert(taken, 'danger_key');
    const hungUpAlert = await alerts.alert(hungUp, 'danger_key');
    await setCall(taken.callId!, { status: 'talking' });
    await setCall(hungUp.callId!, { status: 'ended', outcome: 'abandoned' });
    seen = [];

    test.clock.advance({ seconds: 30 });
    expect(await repeats.raiseAgainDue()).toBe(0);
    const byId = await test.repository(CrisisAlertRecord).findBy({});
    expect(byId.find((one) => one.id === takenAlert.id)).toMatchObject({ resolution: 'taken' });
    expect(byId.find((one) => one.id === hungUpAlert.id)).toMatchObject({ resolution: 'hung_up' });
    expect(raisedAgain(takenAlert.id)).toEqual([
      expect.objectContaining({
        alert: expect.objectContaining({ resolution: 'taken', resolvedAt: expect.any(String) }),
      }),
    ]);
    const open = (await alerts.unacknowledged(hotline.id)).map((one) => one.id);
    expect(open).toEqual(expect.arrayContaining([takenAlert.id, hungUpAlert.id]));

    test.clock.advance({ minutes: 5 });
    seen = [];
    await repeats.raiseAgainDue();
    expect(raisedAgain(takenAlert.id)).toEqual([]);
  });

  it('notes a caller forwarded to the crisis line', async () => {
    const crisisCase = await crisisCall();
    const alert = await alerts.alert(crisisCase, 'not_taken');
    await alerts.forwarded(crisisCase.callId!);
    await setCall(crisisCase.callId!, { status: 'ended', outcome: 'abandoned' });
    test.clock.advance({ seconds: 30 });
    await repeats.raiseAgainDue();
    expect(
      await test.repository(CrisisAlertRecord).findOneByOrFail({ id: alert.id }),
    ).toMatchObject({ resolution: 'forwarded', acknowledgedAt: null });
  });

  it('texts an English hotline in English', async () => {
    await test.repository(Hotline).update(hotline.id, { locale: 'en' });
    test
      .get(HotlineDirectory)
      .changed(await test.repository(Hotline).findOneByOrFail({ id: hotline.id }), false);
    await alerts.alert(await crisisCall(), 'not_taken');
    expect(texts.map((text) => text.body)).toEqual([
      expect.stringMatching(
        /^City line: crisis alert at \d\d:\d\d, a crisis caller is waiting and nobody has taken them\. Open the console: https:\/\/hotline\.example\.org\/console\/$/,
      ),
    ]);
  });
});
