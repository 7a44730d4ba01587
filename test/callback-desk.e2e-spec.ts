import { ManualClock } from '@hotline/clock';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { CallbackSweep } from '../apps/hotline/src/callbacks/callback-sweep';
import { CallBackLegs, CallbackItem, askedForCallBack } from './support/callbacks';
import { openConsole } from './support/console';
import { Offer, ROUTINE_CONTACT, callRecord, duty, eventually } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, TWILIO, says, startCallCentre } from './support/twilio';

// Monday 23 November 2026, 19:00 in Shanghai: the evening line is open.
const EVENING = '2026-11-23T19:00:00+08:00';
/** The number the hotline's callers dial: call-backs show it as their caller id. */
const HOTLINE_NUMBER = '+8657112356';

interface Attempt {
  attemptId: string;
  requestId: string;
  status: string;
  outcome: string | null;
  answeredAt: string | null;
  talkSeconds: number | null;
}

/**
 * The call-back desk against the real server and the strict fake Twilio: the list and its
 * assignment, a call-back placed from the hotline's number (the volunteer's leg first, then
 * the caller's), each outcome Twilio can report, the record of a call-back that reached the
 * caller and its wrap-up, the refusals, a lost webhook, the wall's reminder and the month's
 * figures. The caller's number never comes back from the server, nor reaches its log.
 */
describe('the call-back desk', () => {
  const clock = new ManualClock(EVENING);
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;
  let hotlineId: string;
  let supervisor: Person;
  let volunteer: Person;
  let volunteerPhone: string;
  /** Every caller number the test made: none may ever come back from the server. */
  const numbers: string[] = [];
  /** Every answer the server gave the desk's people, to look for numbers in. */
  const answers: string[] = [];

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline, twilio, admin, hotlineId } = centre);
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ phoneNumber: HOTLINE_NUMBER })
      .expect(200);
    supervisor = await addPerson(hotline, { roles: ['supervisor'], name: 'Zhao Supervisor' });
    volunteerPhone = ownPhone();
    volunteer = await addPerson(hotline, {
      name: 'Wang Volunteer',
      phone: volunteerPhone,
      answerBy: 'phone',
      topicSkills: ['emotional'],
    });
  });
  afterAll(() => centre.stop());

  const list = async (token: string, query = ''): Promise<CallbackItem[]> => {
    const response = await hotline.as(token).get(`/api/callback-requests?${query}`).expect(200);
    answers.push(response.text);
    return response.body.items;
  };
  const request = async (id: string): Promise<CallbackItem> => {
    const found = (await list(supervisor.token, 'status=all&limit=100')).find(
      (item) => item.id === id,
    );
    if (!found) throw new Error(`no call-back request ${id}`);
    return found;
  };
  /** A caller asks for a call-back; their request, as the list shows it. */
  const caller = async (): Promise<CallbackItem> => {
    const call = await askedForCallBack(hotline);
    numbers.push(call.from);
    const { id } = await callRecord(hotline, call.callSid);
    const found = (await list(supervisor.token, 'status=all&limit=100')).find(
      (item) => item.callId === id,
    );
    if (!found) throw new Error(`no call-back request for call ${id}`);
    return found;
  };
  const assign = (item: CallbackItem, to: Person = volunteer) =>
    hotline
      .as(supervisor.token)
      .put(`/api/callback-requests/${item.id}/assignee`)
      .send({ volunteerId: to.id })
      .expect(204);
  const stateOf = async (person: Person): Promise<string | undefined> =>
    (await hotline.as(supervisor.token).get('/api/queue').expect(200)).body.volunteers.find(
      (one: { id: string }) => one.id === person.id,
    )?.state;
  /** Long enough for a loaded machine running several suites at once. */
  const PATIENCE_MS = 15_000;
  const inState = (person: Person, state: string) =>
    eventually(
      async () => ((await stateOf(person)) === state ? true : undefined),
      `${person.email} to be ${state}`,
      PATIENCE_MS,
    );
  const attempt = async (attemptId: string): Promise<Attempt> => {
    const response = await hotline
      .as(volunteer.token)
      .get(`/api/callback-attempts/${attemptId}`)
      .expect(200);
    answers.push(response.text);
    return response.body;
  };
  const settled = (attemptId: string) =>
    eventually(
      async () => {
        const now = await attempt(attemptId);
        return now.status === 'ended' ? now : undefined;
      },
      'the call-back to end',
      PATIENCE_MS,
    );
  /** The volunteer starts a call-back of the request; Twilio's side of it. */
  const startCallBack = async (item: CallbackItem) => {
    const started = await hotline
      .as(volunteer.token)
      .post(`/api/callback-requests/${item.id}/call-back`)
      .expect(201);
    answers.push(started.text);
    return {
      started: started.body as Attempt,
      legs: new CallBackLegs(hotline.baseUrl, started.body.attemptId),
    };
  };
  /** A call-back that reached the caller, who talked for `minutes`, then hung up. */
  const reached = async (item: CallbackItem, minutes = 3) => {
    const { started, legs } = await startCallBack(item);
    await legs.volunteerAnswers();
    await legs.callerAnswers('human');
    clock.advance({ minutes });
    await legs.legEnded('caller', 'completed');
    await settled(started.attemptId);
    await inState(volunteer, 'wrap_up');
    return started.attemptId;
  };

  it('gives the list without a number, lets a supervisor assign it, and shows a volunteer theirs', async () => {
    const item = await caller();
    expect(item).toMatchObject({
      reason: 'closed_hours',
      forDate: '2026-11-23',
      canCallBack: true,
      assignedTo: null,
      attemptCount: 0,
      overdue: false,
    });
    expect(await list(volunteer.token)).toEqual([]);
    await hotline
      .as(volunteer.token)
      .put(`/api/callback-requests/${item.id}/assignee`)
      .send({ volunteerId: volunteer.id })
      .expect(403);
    await hotline.as(admin).get('/api/callback-requests').expect(403);
    // Only someone of the hotline who takes calls can be given a call-back.
    const coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    await hotline
      .as(supervisor.token)
      .put(`/api/callback-requests/${item.id}/assignee`)
      .send({ volunteerId: coordinator.id })
      .expect(400);
    const assignees = await hotline
      .as(coordinator.token)
      .get('/api/callback-requests/assignees')
      .expect(200);
    const ids = assignees.body.map((person: { id: string }) => person.id);
    expect(ids).toEqual(expect.arrayContaining([volunteer.id, supervisor.id]));
    expect(ids).not.toContain(coordinator.id);

    await assign(item);
    expect(await list(volunteer.token)).toEqual([
      expect.objectContaining({
        id: item.id,
        assignedTo: { id: volunteer.id, name: 'Wang Volunteer' },
      }),
    ]);
    expect((await list(supervisor.token, 'assignee=nobody')).map((one) => one.id)).not.toContain(
      item.id,
    );
    await hotline
      .as(coordinator.token)
      .post(`/api/callback-requests/${item.id}/call-back`)
      .expect(403);
  });

  it('rings the volunteer, then the caller from the hotline’s number, and records the call-back that reached them', async () => {
    await duty(hotline, volunteer).available();
    const [item] = await list(volunteer.token);
    const { started, legs } = await startCallBack(item);
    expect(started).toMatchObject({ status: 'ringing_volunteer', outcome: null });
    // Calling back, the volunteer is on a call: no caller of the queue is offered to them.
    expect(await stateOf(volunteer)).toBe('talking');
    const inbound = new PhoneCall(hotline.baseUrl);
    await inbound.dial();
    await inbound.choose('1', '1');
    await inbound.hold();
    expect(await duty(hotline, volunteer).noOffer()).toBe(true);

    // Their own phone rings first, screened (a voicemail never presses 1).
    const volunteerLeg = await legs.volunteerRung();
    expect(volunteerLeg.params).toMatchObject({
      To: volunteerPhone,
      From: TWILIO.number,
      Timeout: '30',
      Method: 'POST',
      StatusCallback: `https://hotline.test/twilio/voice/callback-desk/leg?attempt=${started.attemptId}&leg=volunteer`,
    });
    const joined = await legs.volunteerAnswers();
    expect(says(joined.twiml)).toEqual(['正在拨打来电者，请稍候。']);
    expect(legs.conferenceOf(joined)).toBe(`callback-${started.attemptId}`);
    expect(joined.twiml).toContain('participantLabel="volunteer"');

    // Then the caller's, from the number they rang; a voicemail is told apart before anyone speaks.
    const callerLeg = await legs.callerRung();
    expect(callerLeg.params).toMatchObject({
      To: numbers[0],
      From: HOTLINE_NUMBER,
      Timeout: '30',
      MachineDetection: 'Enable',
      MachineDetectionTimeout: '5',
      StatusCallback: `https://hotline.test/twilio/voice/callback-desk/leg?attempt=${started.attemptId}&leg=caller`,
    });
    expect((await attempt(started.attemptId)).status).toBe('dialling');
    const picked = await legs.callerAnswers('human');
    expect(legs.conferenceOf(picked)).toBe(`callback-${started.attemptId}`);
    expect(picked.twiml).toContain('participantLabel="caller"');
    // Whoever picks up a child's phone hears nothing from the hotline: the volunteer speaks first.
    expect(says(picked.twiml)).toEqual([]);
    expect((await attempt(started.attemptId)).status).toBe('talking');

    clock.advance({ minutes: 4 });
    await legs.legEnded('caller', 'completed');
    const ended = await settled(started.attemptId);
    expect(ended).toMatchObject({ outcome: 'reached', talkSeconds: 240 });
    // The volunteer's leg hears that it is over; they write the record up.
    const over = await twilio.next(
      (made) =>
        made.path.endsWith(`/Calls/${volunteerLeg.sid}.json`) &&
        (made.params.Url ?? '').includes(`attempt=${started.attemptId}&step=over`),
      PATIENCE_MS,
    );
    expect(says((await legs.volunteerFetches(over.params.Url)).twiml)).toEqual(['回电结束。']);
    await inState(volunteer, 'wrap_up');

    // The record is open already: a phone contact, outbound, not categorised yet.
    const contacts = await hotline.as(volunteer.token).get('/api/contacts').expect(200);
    expect(contacts.body).toContainEqual(
      expect.objectContaining({
        channel: 'phone',
        direction: 'outbound',
        callbackRequestId: item.id,
        callId: null,
        categorised: false,
      }),
    );
    const wrapped = await hotline
      .as(volunteer.token)
      .post(`/api/callback-attempts/${started.attemptId}/wrap-up`)
      .send(ROUTINE_CONTACT)
      .expect(201);
    expect(wrapped.body.contact).toMatchObject({
      direction: 'outbound',
      channel: 'phone',
      categorised: true,
      primaryTopic: ROUTINE_CONTACT.primaryTopic,
    });
    // Free again, they are offered the caller who has been waiting meanwhile.
    const offer = await eventually<Offer>(
      async () => {
        const ringing = await hotline.as(volunteer.token).get('/api/me/offer');
        return ringing.status === 200 ? ringing.body : undefined;
      },
      'the waiting caller to be offered',
      PATIENCE_MS,
    );
    expect(offer.callId).toBe((await callRecord(hotline, inbound.callSid)).id);
    await duty(hotline, volunteer).decline(offer).expect(204);
    await inbound.hangUp();
    await duty(hotline, volunteer).available();

    expect(await request(item.id)).toMatchObject({
      result: 'reached',
      lastOutcome: 'reached',
      attemptCount: 1,
      activeAttemptId: null,
    });
    expect(await list(volunteer.token)).toEqual([]);
    // Dialling read the number: on the trail, as the volunteer's read.
    const audit = await hotline.as(admin).get(`/api/audit?subjectId=${item.id}`).expect(200);
    expect(audit.body).toContainEqual(
      expect.objectContaining({ action: 'callback_request.number.dialled', actorId: volunteer.id }),
    );
  });

  it.each([
    ['busy', 'busy'],
    ['no-answer', 'no_answer'],
    ['failed', 'wrong_number'],
  ])(
    'records a caller’s phone that ends %s as %s, frees the volunteer, and keeps the request open',
    async (status, outcome) => {
      const item = await caller();
      await assign(item);
      const { started, legs } = await startCallBack(item);
      await legs.volunteerAnswers();
      await legs.callerRung();
      await legs.legEnded('caller', status);
      expect(await settled(started.attemptId)).toMatchObject({ outcome, answeredAt: null });
      await twilio.next(
        (made) => (made.params.Url ?? '').includes(`attempt=${started.attemptId}&step=over`),
        PATIENCE_MS,
      );
      await inState(volunteer, 'available');
      expect(await request(item.id)).toMatchObject({
        doneAt: null,
        attemptCount: 1,
        lastOutcome: outcome,
        activeAttemptId: null,
      });
    },
  );

  it('hangs up on a voicemail without a word, and counts it as no answer', async () => {
    const item = await caller();
    await assign(item);
    const { started, legs } = await startCallBack(item);
    await legs.volunteerAnswers();
    const voicemail = await legs.callerAnswers('machine_start');
    expect(voicemail.twiml).toContain('<Hangup/>');
    expect(says(voicemail.twiml)).toEqual([]);
    expect(await settled(started.attemptId)).toMatchObject({ outcome: 'no_answer' });
    await legs.legEnded('caller', 'completed');
    await inState(volunteer, 'available');
    expect(await request(item.id)).toMatchObject({ doneAt: null, lastOutcome: 'no_answer' });
  });

  it('never rings the caller when the volunteer’s own phone does not pick up', async () => {
    const item = await caller();
    await assign(item);
    const { started, legs } = await startCallBack(item);
    await legs.volunteerRung();
    await legs.legEnded('volunteer', 'no-answer');
    expect(await settled(started.attemptId)).toMatchObject({ outcome: 'not_placed' });
    expect(
      twilio.placed.some((placed) =>
        placed.params.Url?.includes(`caller?attempt=${started.attemptId}`),
      ),
    ).toBe(false);
    await inState(volunteer, 'available');
    // It was not an attempt on the caller: not counted, and the request can be tried again.
    expect(await request(item.id)).toMatchObject({ attemptCount: 0, lastOutcome: null });
  });

  it('stops the caller’s phone when the volunteer hangs up first, and tells a late pick-up politely', async () => {
    const item = await caller();
    await assign(item);
    const { started, legs } = await startCallBack(item);
    await legs.volunteerAnswers();
    const callerLeg = await legs.callerRung();
    callerLeg.twilio.setCallStatus(callerLeg.sid, 'ringing');
    await legs.legEnded('volunteer', 'completed');
    expect(await settled(started.attemptId)).toMatchObject({ outcome: 'no_answer' });
    await twilio.next(
      (made) =>
        made.path.endsWith(`/Calls/${callerLeg.sid}.json`) && made.params.Status === 'canceled',
      PATIENCE_MS,
    );
    const late = await legs.callerAnswers('human');
    expect(says(late.twiml)).toEqual(['抱歉，电话未能接通。再见。']);
    expect(late.twiml).toContain('<Hangup/>');
    await inState(volunteer, 'available');
  });

  it('refuses a call-back that cannot be made, and changes nothing', async () => {
    const item = await caller();
    // Not assigned to them.
    await hotline
      .as(volunteer.token)
      .post(`/api/callback-requests/${item.id}/call-back`)
      .expect(409);
    await assign(item);
    // Not free: offline (or on a call) they cannot call back; nothing is claimed.
    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'offline' })
      .expect(200);
    const refused = await hotline
      .as(volunteer.token)
      .post(`/api/callback-requests/${item.id}/call-back`)
      .expect(409);
    expect(refused.body.message).toMatch(/offline/);
    expect(await request(item.id)).toMatchObject({ activeAttemptId: null, attemptCount: 0 });
    expect(
      await hotline.database.query('SELECT id FROM callback_attempt WHERE request_id = ?', [
        item.id,
      ]),
    ).toEqual([]);
    await hotline.as(volunteer.token).put('/api/me/presence').send({ state: 'break' }).expect(200);

    // One at a time; and a call-back under way is neither reassigned nor closed by hand.
    const { started, legs } = await startCallBack(item);
    await hotline
      .as(volunteer.token)
      .post(`/api/callback-requests/${item.id}/call-back`)
      .expect(409);
    await hotline
      .as(supervisor.token)
      .put(`/api/callback-requests/${item.id}/assignee`)
      .send({ volunteerId: supervisor.id })
      .expect(409);
    await hotline.as(supervisor.token).post(`/api/callback-requests/${item.id}/done`).expect(404);
    await legs.volunteerRung();
    await legs.legEnded('volunteer', 'busy');
    await settled(started.attemptId);
    // From a break, a call-back that reached nobody returns them to their break.
    await inState(volunteer, 'break');
    await duty(hotline, volunteer).available();

    // A caller who left only a message, without caller id: nobody to call back.
    const anonymous = new PhoneCall(hotline.baseUrl, 'anonymous');
    await anonymous.dial();
    await anonymous.post('choice?reason=closed_hours', { Digits: '1' });
    const { recordingSid } = twilio.record(anonymous.callSid);
    await anonymous.post('recording?reason=closed_hours', {
      RecordingSid: recordingSid,
      RecordingStatus: 'completed',
      RecordingDuration: '9',
    });
    await anonymous.hangUp();
    const { id: anonymousCall } = await callRecord(hotline, anonymous.callSid);
    const message = (await list(supervisor.token, 'hasMessage=true')).find(
      (one) => one.callId === anonymousCall,
    )!;
    expect(message).toMatchObject({ canCallBack: false, hasMessage: true });
    await assign(message);
    const none = await hotline
      .as(volunteer.token)
      .post(`/api/callback-requests/${message.id}/call-back`)
      .expect(409);
    expect(none.body.message).toMatch(/no number/);
    // Theirs to call back, they may hear it (audited); others of the hotline may not.
    await hotline
      .as(volunteer.token)
      .get(`/api/callback-requests/${message.id}/message`)
      .expect(200);
    const other = await addPerson(hotline);
    await hotline.as(other.token).get(`/api/callback-requests/${message.id}/message`).expect(404);
  });

  it('records a call-back that reached someone else as a wrong number, and the request as not reached', async () => {
    const item = await caller();
    await assign(item);
    const attemptId = await reached(item);
    await hotline
      .as(volunteer.token)
      .post(`/api/callback-attempts/${attemptId}/wrap-up`)
      .send({ contactType: 'wrong_number' })
      .expect(201);
    await inState(volunteer, 'available');
    expect(await attempt(attemptId)).toMatchObject({ outcome: 'wrong_number' });
    expect(await request(item.id)).toMatchObject({
      result: 'wrong_number',
      lastOutcome: 'wrong_number',
    });
    // Someone else's wrap-up is not theirs to write.
    await hotline
      .as(supervisor.token)
      .post(`/api/callback-attempts/${attemptId}/wrap-up`)
      .send(ROUTINE_CONTACT)
      .expect(404);
  });

  it('finds out from Twilio how a call-back ended when its status callback never came', async () => {
    const item = await caller();
    await assign(item);
    const { started, legs } = await startCallBack(item);
    await legs.volunteerAnswers();
    const callerLeg = await legs.callerRung();
    await legs.callerAnswers('human');
    const sweep = hotline.app.get(CallbackSweep);
    // Still talking at Twilio: left alone, and asked again later.
    clock.advance({ seconds: 61 });
    await sweep.run();
    expect((await attempt(started.attemptId)).status).toBe('talking');
    // Twilio ended it, and its callback was lost.
    callerLeg.twilio.setCallStatus(callerLeg.sid, 'completed');
    clock.advance({ seconds: 61 });
    await sweep.run();
    expect(await settled(started.attemptId)).toMatchObject({ outcome: 'reached' });
    await inState(volunteer, 'wrap_up');
    await hotline
      .as(volunteer.token)
      .post(`/api/callback-attempts/${started.attemptId}/wrap-up`)
      .send(ROUTINE_CONTACT)
      .expect(201);
    await inState(volunteer, 'available');
  });

  it('pages a long list with a cursor, each request once', async () => {
    for (let i = 0; i < 12; i++) await askedForCallBack(hotline);
    const all = await list(supervisor.token, 'status=all&limit=100');
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: { body: { items: CallbackItem[]; nextCursor: string | null; total: number } } =
        await hotline
          .as(supervisor.token)
          .get(`/api/callback-requests?status=all&limit=5${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
      expect(page.body.total).toBe(all.length);
      seen.push(...page.body.items.map((one) => one.id));
      cursor = page.body.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(all.length / 5));
    expect(seen).toEqual(all.map((one) => one.id));
    await hotline.as(supervisor.token).get('/api/callback-requests?cursor=nonsense').expect(400);
    await hotline.as(supervisor.token).get('/api/callback-requests?limit=500').expect(400);
  });

  it('reminds the wall of requests still open the next evening', async () => {
    const wall = await openConsole(hotline, supervisor.token);
    const open = (await list(supervisor.token, 'limit=100')).length;
    expect(wall.snapshot.callbacks).toEqual({ overdue: 0, today: open });
    wall.close();

    clock.advance({ days: 1 });
    // A day on, everyone signs in again.
    for (const person of [supervisor, volunteer])
      person.token = await hotline.signIn(person.email, person.password);
    await hotline.app.get(CallbackSweep).run();
    const nextEvening = await openConsole(hotline, supervisor.token);
    expect(nextEvening.snapshot.callbacks).toEqual({ overdue: open, today: 0 });
    const overdue = await list(supervisor.token, 'overdue=true&limit=100');
    expect(overdue).toHaveLength(open);
    expect(overdue.every((one) => one.overdue)).toBe(true);
    // Closing one is told to the wall at once.
    await hotline
      .as(supervisor.token)
      .post(`/api/callback-requests/${overdue[0].id}/done`)
      .expect(204);
    await eventually(
      async () =>
        nextEvening
          .changes()
          .some((change) => change.type === 'callbacks' && change.callbacks.overdue === open - 1)
          ? true
          : undefined,
      'the reminder to be recounted',
    );
    nextEvening.close();
  });

  it('counts the month’s requests, those reached, and those reached within one evening', async () => {
    // Reached on the evening after it was due: reached, but not within one evening.
    const late = (await list(supervisor.token, 'overdue=true&limit=100')).find(
      (one) => one.canCallBack,
    )!;
    await assign(late);
    const attemptId = await reached(late);
    await hotline
      .as(volunteer.token)
      .post(`/api/callback-attempts/${attemptId}/wrap-up`)
      .send(ROUTINE_CONTACT)
      .expect(201);
    await inState(volunteer, 'available');

    const requests = await list(supervisor.token, 'status=all&limit=100');
    const report = await hotline
      .as(supervisor.token)
      .get('/api/stats/monthly?month=2026-11')
      .expect(200);
    expect(report.body.callbacks).toEqual({
      requests: requests.length,
      reached: 3,
      reachedWithinOneEvening: 2,
      consultations: 3,
    });
    expect(report.body.calls.callbackRequests).toBe(requests.length);
    const csv = await hotline
      .as(supervisor.token)
      .get('/api/stats/monthly?month=2026-11&format=csv')
      .expect(200);
    // Exported, a count below the small-cell threshold never singles a child out.
    expect(csv.text).toContain(
      'callbacks,reached_within_one_evening,当晚联系上,Reached within one evening,< 3,',
    );
    expect(csv.text).toContain('callbacks,reached,已回电联系上,Reached by a call-back,3,');
  });

  it('never gives a caller’s number to anyone, nor writes it to the log', () => {
    const logs = hotline.logs();
    for (const number of numbers) {
      const digits = number.slice(-8);
      expect(logs).not.toContain(digits);
      for (const answer of answers) expect(answer).not.toContain(digits);
    }
  });
});
