import { ConflictException } from '@nestjs/common';
import { volunteerRow } from '../../../../test/support/rows';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditService } from '../audit/audit.service';
import { CallbackRequest } from '../calls/callback-request.entity';
import { CallbackRequestsService } from '../calls/callback-requests.service';
import { Switchboard } from '../calls/switchboard';
import { SwitchboardRefusal } from '../calls/switchboard-refusal';
import { waitingCall } from '../calls/waiting-call.testing';
import { FieldCipher } from '../common/field-cipher';
import { CallbackRecords } from '../contacts/callback-records';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallbackAttempt } from './callback-attempt.entity';
import { CallbackAttempts } from './callback-attempts.service';
import { CallbackDialler } from './callback-dialler';

/** Twilio as the dialler sees it: every leg asked for gets a sid, and is remembered. */
class DiallerDouble {
  enabled = true;
  rung: { who: 'volunteer' | 'caller'; attemptId: string; to?: string }[] = [];
  actions: string[] = [];
  statuses = new Map<string, string>();
  failCaller = false;
  private legs = 0;
  target = async () => ({ number: '+8613800000009' });
  ringVolunteer = async (attemptId: string) => {
    this.rung.push({ who: 'volunteer', attemptId });
    return `CAvolunteer${++this.legs}`;
  };
  ringCaller = async (attemptId: string, _hotlineId: string, number: string) => {
    // Another webhook may arrive while Twilio places it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failCaller) throw new Error('Twilio answered 500');
    this.rung.push({ who: 'caller', attemptId, to: number });
    return `CAcaller${++this.legs}`;
  };
  cancelCaller = async (_attemptId: string, sid: string) => void this.actions.push(`cancel ${sid}`);
  hangUpCaller = async (_attemptId: string, sid: string) =>
    void this.actions.push(`hang up ${sid}`);
  releaseVolunteer = async (_attemptId: string, sid: string) =>
    void this.actions.push(`release ${sid}`);
  legStatus = async (sid: string) => this.statuses.get(sid);
}

/** The routing engine's side: who calls back, and what it was told. */
class SwitchboardDouble {
  told: string[] = [];
  refuse = false;
  held = new Map<string, { state: string; callbackId?: string }>();
  callBack = async (volunteerId: string, _hotlineId: string, callbackId: string) => {
    if (this.refuse) throw new SwitchboardRefusal('conflict', 'You are on a call.');
    this.told.push(`talking ${callbackId}`);
    this.held.set(volunteerId, { state: 'talking', callbackId });
  };
  callBackEnded = async (volunteerId: string, _h: string, callbackId: string, reached: boolean) => {
    this.told.push(`${reached ? 'reached' : 'not reached'} ${callbackId}`);
    this.held.set(volunteerId, { state: reached ? 'wrap_up' : 'available', callbackId });
  };
  callBackRecorded = async () => undefined;
  volunteerState = (_hotlineId: string, volunteerId: string) => this.held.get(volunteerId);
}

describe('CallbackAttempts (service on a real database)', () => {
  let test: ServiceTest;
  let attempts: CallbackAttempts;
  let hotline: Hotline;
  let volunteer: Volunteer;
  let dialler: DiallerDouble;
  let switchboard: SwitchboardDouble;
  const opened: string[] = [];

  beforeAll(async () => {
    dialler = new DiallerDouble();
    switchboard = new SwitchboardDouble();
    test = await serviceTest([
      CallbackAttempts,
      CallbackRequestsService,
      AuditService,
      HotlineDirectory,
      HotlinesService,
      { provide: CallbackDialler, useValue: dialler },
      { provide: Switchboard, useValue: switchboard },
      { provide: Telephony, useValue: {} },
      {
        provide: CallbackRecords,
        useValue: { open: async ({ requestId }: { requestId: string }) => opened.push(requestId) },
      },
    ]);
    attempts = test.get(CallbackAttempts);
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    volunteer = Object.assign(
      new Volunteer(),
      volunteerRow(test.clock.now().toJSDate(), { hotlines: [hotline] }),
    );
    await test.repository(Volunteer).save(volunteer);
  });
  afterAll(() => test.close());

  /** A caller who asked for a call-back, given to the volunteer. */
  const assigned = async (): Promise<CallbackRequest> => {
    const cipher = test.get(FieldCipher);
    const number = `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const call = await waitingCall(test, hotline.id, {
      callerNumberEncrypted: cipher.encrypt(number),
      callerHash: cipher.keyedHash(number),
    });
    const requests = test.get(CallbackRequestsService);
    await requests.record(call, 'closed_hours', '2026-03-02');
    const request = await test.repository(CallbackRequest).findOneByOrFail({ callId: call.id });
    await test.repository(CallbackRequest).update(request.id, { assignedTo: volunteer.id });
    return { ...request, assignedTo: volunteer.id };
  };
  const stored = (attemptId: string) =>
    test.repository(CallbackAttempt).findOneByOrFail({ id: attemptId });
  const requestOf = (id: string) => test.repository(CallbackRequest).findOneByOrFail({ id });
  /** Applies an event and waits for what it asks of Twilio and the record. */
  const apply = async (attemptId: string, event: Parameters<CallbackAttempts['apply']>[1]) => {
    const applied = await attempts.apply(attemptId, event);
    await applied?.done;
    return applied!;
  };

  it('starts one call-back of a request at a time, even when pressed twice at once', async () => {
    const request = await assigned();
    const [first, second] = await Promise.allSettled([
      attempts.start(volunteer, request.id),
      attempts.start(volunteer, request.id),
    ]);
    const started = [first, second].filter((result) => result.status === 'fulfilled');
    const refused = [first, second].filter((result) => result.status === 'rejected');
    expect(started).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictException);
    const attempt = (started[0] as PromiseFulfilledResult<CallbackAttempt>).value;
    expect(await requestOf(request.id)).toMatchObject({ activeAttemptId: attempt.id });
    expect(await stored(attempt.id)).toMatchObject({
      status: 'ringing_volunteer',
      volunteerLegSid: expect.stringMatching(/^CAvolunteer/),
    });
    expect(switchboard.told).toContain(`talking ${attempt.id}`);
  });

  it('leaves the request free, and no attempt behind, when the volunteer is not free', async () => {
    const request = await assigned();
    switchboard.refuse = true;
    await expect(attempts.start(volunteer, request.id)).rejects.toBeInstanceOf(SwitchboardRefusal);
    switchboard.refuse = false;
    expect(await requestOf(request.id)).toMatchObject({ activeAttemptId: null, attemptCount: 0 });
    expect(await test.repository(CallbackAttempt).countBy({ requestId: request.id })).toBe(0);
  });

  it('moves once on webhooks that come twice at once: the caller is rung once', async () => {
    const request = await assigned();
    const attempt = await attempts.start(volunteer, request.id);
    await Promise.all([
      apply(attempt.id, { type: 'volunteer_joined' }),
      apply(attempt.id, { type: 'volunteer_joined' }),
    ]);
    expect(
      dialler.rung.filter((leg) => leg.attemptId === attempt.id && leg.who === 'caller'),
    ).toEqual([expect.objectContaining({ to: expect.stringMatching(/^\+86139/) })]);
    expect(await stored(attempt.id)).toMatchObject({
      status: 'dialling',
      callerLegSid: expect.stringMatching(/^CAcaller/),
    });
    await apply(attempt.id, { type: 'caller_picked_up', answeredBy: 'human' });
    test.clock.advance({ minutes: 2 });
    await Promise.all([
      apply(attempt.id, { type: 'caller_leg_ended', status: 'completed' }),
      apply(attempt.id, { type: 'caller_leg_ended', status: 'completed' }),
    ]);
    expect(await stored(attempt.id)).toMatchObject({
      status: 'ended',
      outcome: 'reached',
      talkSeconds: 120,
    });
    expect(switchboard.told.filter((word) => word === `reached ${attempt.id}`)).toHaveLength(1);
    expect(opened.filter((id) => id === request.id)).toHaveLength(1);
    expect(await requestOf(request.id)).toMatchObject({
      result: 'reached',
      attemptCount: 1,
      lastOutcome: 'reached',
      activeAttemptId: null,
    });
  });

  it('ends as not placed when Twilio will not ring the caller, and lets the volunteer go', async () => {
    const request = await assigned();
    const attempt = await attempts.start(volunteer, request.id);
    dialler.failCaller = true;
    await apply(attempt.id, { type: 'volunteer_joined' });
    dialler.failCaller = false;
    expect(await stored(attempt.id)).toMatchObject({ status: 'ended', outcome: 'not_placed' });
    expect(dialler.actions).toContain(`release ${attempt.volunteerLegSid}`);
    expect(switchboard.told).toContain(`not reached ${attempt.id}`);
    expect(await requestOf(request.id)).toMatchObject({ attemptCount: 0, doneAt: null });
  });

  it('asks Twilio about a leg whose webhook never came, and gives up on one never placed', async () => {
    // Earlier attempts left ringing are asked about now, and not again for a minute.
    await attempts.checkDue();
    const talking = await attempts.start(volunteer, (await assigned()).id);
    await apply(talking.id, { type: 'volunteer_joined' });
    await apply(talking.id, { type: 'caller_picked_up', answeredBy: 'human' });
    const callerLeg = (await stored(talking.id)).callerLegSid!;
    const ringing = await attempts.start(volunteer, (await assigned()).id);
    await test.repository(CallbackAttempt).update(ringing.id, { volunteerLegSid: null });

    // Not due yet: nothing is asked.
    expect(await attempts.checkDue()).toBe(0);
    test.clock.advance({ seconds: 61 });
    dialler.statuses.set(callerLeg, 'in-progress');
    await attempts.checkDue();
    // Still talking at Twilio: asked again a minute later.
    expect(await stored(talking.id)).toMatchObject({ status: 'talking' });
    test.clock.advance({ seconds: 61 });
    dialler.statuses.set(callerLeg, 'completed');
    await attempts.checkDue();
    expect(await stored(talking.id)).toMatchObject({ status: 'ended', outcome: 'reached' });
    // Its volunteer's leg never got a sid: never placed, the caller never rung.
    expect(await stored(ringing.id)).toMatchObject({ status: 'ended', outcome: 'not_placed' });
  });

  it('tells the routing again of an ended call-back whose volunteer it still holds', async () => {
    const attempt = await attempts.start(volunteer, (await assigned()).id);
    await apply(attempt.id, { type: 'volunteer_leg_ended', status: 'no-answer' });
    // The word was lost between instances: the engine still has them calling back.
    switchboard.held.set(volunteer.id, { state: 'talking', callbackId: attempt.id });
    switchboard.told = [];
    await attempts.checkDue();
    expect(switchboard.told).toEqual([`not reached ${attempt.id}`]);
  });
});
