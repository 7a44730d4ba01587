import type { LiveCall } from '@hotline/console-protocol';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { RunningHotline } from './support/hotline-server';
import { OpenConsole, openConsole } from './support/console';
import { Person, addPerson, ownPhone } from './support/people';
import { callRecord, duty, eventually } from './support/duty';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

const EVENING = '2026-11-23T19:00:00+08:00';

/** Every `call.live` a console receives, and every `call.live.ended`. */
function liveOn(desk: OpenConsole) {
  const live: LiveCall[] = [];
  const ended: string[] = [];
  desk.socket.on('call.live', (call) => live.push(call));
  desk.socket.on('call.live.ended', ({ callId }) => ended.push(callId));
  return {
    ended,
    /** The latest `call.live` that `matches`, waiting for it. */
    next: (matches: (call: LiveCall) => boolean, what: string) =>
      eventually(async () => [...live].reverse().find(matches), what),
  };
}

describe('a supervisor in the call: the conference, listen, whisper, barge, hold and mute', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let volunteer: Person;
  let supervisor: Person;
  let supervisorPhone: string;

  beforeAll(async () => {
    centre = await startCallCentre({ HOTLINE_CLOCK_START: EVENING });
    ({ hotline, twilio } = centre);
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    supervisorPhone = ownPhone();
    supervisor = await addPerson(hotline, {
      roles: ['volunteer', 'supervisor'],
      phone: supervisorPhone,
    });
  });
  afterAll(() => centre.stop());

  /** A pupil's call, answered by the volunteer: both are in the call's conference. */
  async function talkingCall(): Promise<{ call: PhoneCall; callId: string; action: string }> {
    await duty(hotline, volunteer).available();
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    const action = await call.pickUp(offer.callId);
    return { call, callId: offer.callId, action };
  }

  const goOffline = async (...people: Person[]) => {
    for (const person of people)
      await hotline.as(person.token).put('/api/me/presence').send({ state: 'offline' }).expect(200);
  };

  /** The caller hangs up: the call ends answered, and it and its contact record are `person`'s. */
  async function endsWith(call: PhoneCall, action: string, person: Person): Promise<void> {
    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
    await call.hangUp();
    const record = await callRecord(hotline, call.callSid);
    expect(record).toMatchObject({ outcome: 'answered', status: 'ended', volunteer_id: person.id });
    const contact = await eventually(
      async () =>
        (
          await hotline.database.query<{ volunteer_id: string }>(
            'SELECT volunteer_id FROM contact WHERE call_id = ?',
            [record.id],
          )
        )[0],
      'the contact record',
    );
    expect(contact.volunteer_id).toBe(person.id);
  }

  const monitor = (callId: string, body: object, token = supervisor.token) =>
    hotline.as(token).post(`/api/calls/${callId}/monitor`).send(body);

  /** The supervisor's participant at the fake Twilio, once the hotline added them. */
  const supervisorAtTwilio = (call: PhoneCall) =>
    [...twilio.conferences.find(call.conference!.sid)!.participants.values()].find(
      (participant) => participant.label === `supervisor-${supervisor.id}`,
    );

  it('joins a supervisor muted, then whispering to the volunteer only, then speaking to both; the volunteer sees each', async () => {
    const desk = await openConsole(hotline, volunteer.token);
    const wall = await openConsole(hotline, supervisor.token);
    const volunteerLive = liveOn(desk);
    const supervisorLive = liveOn(wall);
    try {
      const { call, callId, action } = await talkingCall();
      // The answer: the volunteer joined. Their panel has the call, the caller's type and topic.
      const answered = await volunteerLive.next(
        (live) => live.callId === callId,
        'the live call on the volunteer console',
      );
      expect(answered).toMatchObject({
        callerType: 'pupil',
        topic: 'emotional',
        priority: 'normal',
        earlierContacts: 0,
        callerOnHold: false,
        crisisCaseId: null,
        participants: [{ volunteerId: volunteer.id, role: 'volunteer', mode: 'talk' }],
      });
      const record = await callRecord(hotline, call.callSid);
      expect(new Date(answered.answeredAt).getTime()).toBe(
        new Date(record.answered_at as string).getTime(),
      );

      // Listen: the supervisor's phone is rung into the conference, muted, without a beep.
      const before = twilio.requests.length;
      const listening = await monitor(callId, { mode: 'listen' }).expect(200);
      expect(listening.body.participants).toEqual([
        expect.objectContaining({ volunteerId: volunteer.id, mode: 'talk' }),
        expect.objectContaining({ volunteerId: supervisor.id, role: 'supervisor', mode: 'listen' }),
      ]);
      const added = twilio.requests
        .slice(before)
        .find((request) => request.path.endsWith('/Participants.json'))!;
      expect(added.path).toContain(`/Conferences/${call.conference!.sid}/Participants.json`);
      expect(added.params).toMatchObject({
        To: supervisorPhone,
        Label: `supervisor-${supervisor.id}`,
        Muted: 'true',
        Beep: 'false',
        EndConferenceOnExit: 'false',
        StatusCallback: `https://hotline.test/twilio/voice/conference/leg?call=${callId}`,
      });
      const leg = supervisorAtTwilio(call)!;
      expect(leg).toMatchObject({ muted: true, coaching: false });
      await call.conferenceEvent('participant-join', leg.callSid, leg.label!);
      await volunteerLive.next(
        (live) => live.participants.some((one) => one.mode === 'listen'),
        'the volunteer to see the supervisor listening',
      );
      await supervisorLive.next(
        (live) => live.callId === callId,
        'the supervisor to get the live call',
      );
      // The wall shows the call in conversation, and who is in it how.
      await eventually(
        async () =>
          wall
            .changes()
            .some(
              (change) =>
                change.type === 'call' &&
                change.call.callId === callId &&
                change.call.phase === 'talking' &&
                change.call.participants?.some(
                  (one) => one.volunteerId === supervisor.id && one.mode === 'listen',
                ),
            ) || undefined,
        'the wall to show the supervisor listening in the call',
      );

      // Whisper: coaching the volunteer's leg, heard by the volunteer only.
      await monitor(callId, { mode: 'whisper' }).expect(200);
      expect(supervisorAtTwilio(call)).toMatchObject({
        muted: false,
        coaching: true,
        callSidToCoach: call.volunteerLeg,
      });
      await volunteerLive.next(
        (live) => live.participants.some((one) => one.mode === 'whisper'),
        'the volunteer to see the supervisor whispering',
      );

      // Barge: speaking to both.
      await monitor(callId, { mode: 'barge' }).expect(200);
      expect(supervisorAtTwilio(call)).toMatchObject({
        muted: false,
        coaching: false,
        callSidToCoach: null,
      });
      await volunteerLive.next(
        (live) => live.participants.some((one) => one.mode === 'barge'),
        'the volunteer to see the supervisor barging in',
      );

      // Every join and change of mode is audited.
      const audited = await hotline.database.query<{ action: string }>(
        'SELECT action FROM audit_event WHERE subject_id = ? ORDER BY occurred_at, action',
        [callId],
      );
      expect(audited.map((row) => row.action)).toEqual([
        'call.monitor.joined.listen',
        'call.monitor.whisper',
        'call.monitor.barge',
      ]);

      // The supervisor leaves: removed at Twilio, their panel closes, the volunteer goes on.
      await hotline.as(supervisor.token).delete(`/api/calls/${callId}/monitor`).expect(204);
      expect(supervisorAtTwilio(call)).toBeUndefined();
      await eventually(
        async () => supervisorLive.ended.includes(callId) || undefined,
        'the supervisor to be told the call ended for them',
      );
      await volunteerLive.next(
        (live) => live.participants.length === 1,
        'the volunteer to see the supervisor gone',
      );
      await hotline.as(supervisor.token).delete(`/api/calls/${callId}/monitor`).expect(404);

      // The caller leaves: the call has one outcome, answered, and the volunteer's panel closes.
      await call.conferenceEvent('participant-leave', call.callSid, 'caller');
      await call.conferenceEvent('conference-end');
      await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
      await call.hangUp();
      expect(await callRecord(hotline, call.callSid)).toMatchObject({
        outcome: 'answered',
        status: 'ended',
      });
      await eventually(
        async () => volunteerLive.ended.includes(callId) || undefined,
        'the volunteer to be told the call ended',
      );
      await monitor(callId, { mode: 'listen' }).expect(409);
      await duty(hotline, volunteer).wrapUp(callId).expect(200);
    } finally {
      desk.close();
      wall.close();
    }
  });

  it('lets the volunteer hold the caller and mute themself, each at Twilio and on the panel', async () => {
    const { call, callId, action } = await talkingCall();
    const caller = () =>
      twilio.conferences.find(call.conference!.sid)!.participants.get(call.callSid)!;
    const volunteerLeg = () =>
      twilio.conferences.find(call.conference!.sid)!.participants.get(call.volunteerLeg)!;

    const held = await hotline
      .as(volunteer.token)
      .post(`/api/calls/${callId}/hold`)
      .send({ on: true })
      .expect(200);
    expect(held.body).toMatchObject({
      callerOnHold: true,
      participants: [{ volunteerId: volunteer.id, holding: true }],
    });
    expect(caller().hold).toBe(true);
    await hotline.as(volunteer.token).post(`/api/calls/${callId}/hold`).send({ on: false });
    expect(caller().hold).toBe(false);

    const muted = await hotline
      .as(volunteer.token)
      .post(`/api/calls/${callId}/mute`)
      .send({ on: true })
      .expect(200);
    expect(muted.body.participants[0]).toMatchObject({ muted: true });
    expect(volunteerLeg().muted).toBe(true);
    expect(
      (await hotline.as(volunteer.token).get(`/api/calls/${callId}/live`).expect(200)).body,
    ).toMatchObject({ callId, participants: [{ muted: true }] });

    // Only the call's volunteer holds its caller; a bad switch is a clear 400.
    await hotline
      .as(supervisor.token)
      .post(`/api/calls/${callId}/hold`)
      .send({ on: true })
      .expect(409);
    const bad = await hotline
      .as(volunteer.token)
      .post(`/api/calls/${callId}/mute`)
      .send({ on: 'yes' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('on must be true or false');

    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
    await call.hangUp();
    await duty(hotline, volunteer).wrapUp(callId).expect(200);
  });

  it('refuses what cannot be: a bad mode, a volunteer who is no supervisor, a call not in conversation', async () => {
    const { call, callId, action } = await talkingCall();
    const bad = await monitor(callId, { mode: 'spy' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('mode must be one of listen, whisper, barge');
    const other = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    await monitor(callId, { mode: 'listen' }, other.token).expect(403);
    await monitor('00000000-0000-4000-8000-000000000000', { mode: 'listen' }).expect(404);
    await monitor('not-a-call', { mode: 'listen' }).expect(400);

    // A supervisor with nothing that can ring is told so, and nothing is asked of Twilio.
    const unreachable = await addPerson(hotline, { roles: ['volunteer', 'supervisor'] });
    const before = twilio.requests.length;
    const refused = await monitor(callId, { mode: 'listen' }, unreachable.token).expect(409);
    expect(refused.body.message).toMatch(/Nothing of yours can ring/);
    expect(twilio.requests.length).toBe(before);

    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
    await call.hangUp();
    await duty(hotline, volunteer).wrapUp(callId).expect(200);
  });

  it("lets a supervisor in the call take it over: the volunteer leaves into wrap-up, the call and its record are the supervisor's", async () => {
    const desk = await openConsole(hotline, volunteer.token);
    const volunteerLive = liveOn(desk);
    try {
      const { call, callId, action } = await talkingCall();
      // Only someone in the call can take it over.
      await hotline.as(supervisor.token).post(`/api/calls/${callId}/take-over`).expect(409);
      await monitor(callId, { mode: 'listen' }).expect(200);
      const leg = supervisorAtTwilio(call)!;
      await call.conferenceEvent('participant-join', leg.callSid, leg.label!);

      const taken = await hotline
        .as(supervisor.token)
        .post(`/api/calls/${callId}/take-over`)
        .expect(200);
      expect(taken.body.participants).toEqual([
        expect.objectContaining({ volunteerId: supervisor.id, role: 'supervisor', mode: 'talk' }),
      ]);
      // At Twilio: the supervisor speaks with the caller, the volunteer's leg is gone.
      expect(supervisorAtTwilio(call)).toMatchObject({ muted: false, coaching: false });
      expect(
        twilio.conferences.find(call.conference!.sid)!.participants.has(call.volunteerLeg),
      ).toBe(false);
      await eventually(
        async () => volunteerLive.ended.includes(callId) || undefined,
        'the volunteer to leave the call',
      );
      const queue = (await hotline.as(supervisor.token).get('/api/queue').expect(200)).body;
      expect(queue.volunteers.find((v: { id: string }) => v.id === volunteer.id)).toMatchObject({
        state: 'wrap_up',
      });
      // The call has its one outcome, and its contact record is the supervisor's.
      expect(await callRecord(hotline, call.callSid)).toMatchObject({
        outcome: 'answered',
        status: 'talking',
        volunteer_id: supervisor.id,
      });
      const contact = await eventually(
        async () =>
          (
            await hotline.database.query<{ volunteer_id: string }>(
              'SELECT volunteer_id FROM contact WHERE call_id = ?',
              [callId],
            )
          )[0],
        'the contact record',
      );
      expect(contact.volunteer_id).toBe(supervisor.id);
      const audited = await hotline.database.query<{ action: string }>(
        "SELECT action FROM audit_event WHERE subject_id = ? AND action = 'call.take_over'",
        [callId],
      );
      expect(audited).toHaveLength(1);
      await hotline.as(supervisor.token).post(`/api/calls/${callId}/take-over`).expect(409);

      // The caller leaves the supervisor: the call ends, answered once.
      await call.conferenceEvent('participant-leave', call.callSid, 'caller');
      await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
      await call.hangUp();
      expect(await callRecord(hotline, call.callSid)).toMatchObject({
        outcome: 'answered',
        status: 'ended',
      });
      // No record is the volunteer's to write: their wrap-up is a pause, which they may end.
      await hotline
        .as(volunteer.token)
        .put('/api/me/presence')
        .send({ state: 'offline' })
        .expect(200);
    } finally {
      desk.close();
    }
  });

  it('transfers a caller cold back to the queue for another topic, keeping their place, to the next volunteer who ends up with the call and its record', async () => {
    const { call, callId } = await talkingCall();
    // Another caller about learning arrives while the first one talks.
    const later = new PhoneCall(hotline.baseUrl);
    await later.dial();
    await later.choose('1', '2');

    const transfer = (body: object, token = volunteer.token) =>
      hotline.as(token).post(`/api/calls/${callId}/transfer`).send(body);
    expect(
      JSON.stringify((await transfer({ kind: 'cold', topic: 'nothing' }).expect(400)).body),
    ).toContain('topic must be one of');
    await transfer({ kind: 'warm', topic: 'learning' }).expect(400);
    await transfer({ kind: 'cold', topic: 'learning' }, supervisor.token).expect(409);

    const before = twilio.requests.length;
    await transfer({ kind: 'cold', topic: 'learning' }).expect(204);
    // Twilio sends the caller from the conference back to their place in the queue.
    const moved = await twilio.next(
      (request) =>
        twilio.requests.indexOf(request) >= before &&
        request.path.endsWith(`/Calls/${call.callSid}.json`),
    );
    expect(moved.params.Url).toBe(`https://hotline.test/twilio/voice/connect?call=${callId}`);
    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.conferenceEvent('conference-end');
    expect((await call.follow(moved.params.Url)).twiml).toContain('<Enqueue');
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'waiting',
      topic: 'learning',
      priority: 'normal',
      volunteer_id: null,
      answered_at: null,
      outcome: null,
    });
    const queue = (await hotline.as(supervisor.token).get('/api/queue').expect(200)).body;
    expect(queue.volunteers.find((v: { id: string }) => v.id === volunteer.id)).toMatchObject({
      state: 'wrap_up',
    });

    // The next volunteer for learning is offered the transferred caller first: their place
    // is before the caller who came later.
    const next = await addPerson(hotline, { topicSkills: ['learning'], phone: ownPhone() });
    await duty(hotline, next).available();
    const offer = await duty(hotline, next).offer();
    expect(offer).toMatchObject({ callId, topic: 'learning', priority: 'normal' });
    await duty(hotline, next).accept(offer).expect(204);
    const action = await call.pickUp(callId);
    await endsWith(call, action, next);
    await duty(hotline, next).wrapUp(callId).expect(200);

    await later.hangUp();
    for (const person of [volunteer, next])
      await hotline.as(person.token).put('/api/me/presence').send({ state: 'offline' }).expect(200);
  });

  /** The colleague's participant at the fake Twilio, once a warm transfer rang them in. */
  const colleagueAtTwilio = (call: PhoneCall, colleague: Person) =>
    [...twilio.conferences.find(call.conference!.sid)!.participants.values()].find(
      (participant) => participant.label === `colleague-${colleague.id}`,
    );
  const callerAtTwilio = (call: PhoneCall) =>
    twilio.conferences.find(call.conference!.sid)!.participants.get(call.callSid)!;
  const stateOf = async (person: Person) =>
    (
      (await hotline.as(supervisor.token).get('/api/queue').expect(200)).body.volunteers as {
        id: string;
        state: string;
      }[]
    ).find((one) => one.id === person.id)?.state;
  const warmActions = async (callId: string) =>
    (
      await hotline.database.query<{ action: string }>(
        "SELECT action FROM audit_event WHERE subject_id = ? AND action LIKE 'call.transfer.warm%' ORDER BY occurred_at",
        [callId],
      )
    ).map((row) => row.action);

  it('transfers a caller warm: on hold while the volunteer consults an available colleague, who then has the call and its record', async () => {
    const colleague = await addPerson(hotline, {
      name: 'Colleague Wu',
      topicSkills: ['learning'],
      phone: ownPhone(),
    });
    const desk = await openConsole(hotline, volunteer.token);
    const volunteerLive = liveOn(desk);
    try {
      const { call, callId, action } = await talkingCall();
      const transfer = (body: object, token = volunteer.token) =>
        hotline.as(token).post(`/api/calls/${callId}/transfer`).send(body);
      const complete = () =>
        hotline.as(volunteer.token).post(`/api/calls/${callId}/transfer/complete`);

      // Refused: bad input, nobody of this hotline, a colleague offline (saying why).
      const bad = await transfer({ kind: 'warm', volunteerId: 'nobody' }).expect(400);
      expect(JSON.stringify(bad.body)).toContain('volunteerId must be a volunteer id');
      await transfer({ kind: 'warm', volunteerId: '00000000-0000-4000-8000-000000000000' }).expect(
        404,
      );
      await transfer({ kind: 'warm', volunteerId: volunteer.id }).expect(400);
      const before = twilio.requests.length;
      const offline = await transfer({ kind: 'warm', volunteerId: colleague.id }).expect(409);
      expect(offline.body.message).toBe('Your colleague is not available now: they are offline.');
      expect(twilio.requests.length).toBe(before);
      expect(callerAtTwilio(call).hold).toBe(false);
      await transfer({ kind: 'warm', volunteerId: colleague.id }, supervisor.token).expect(409);
      await complete().expect(409);

      await duty(hotline, colleague).available();
      // The panel's picker: those available now, not the volunteer themself.
      const colleagues = (
        await hotline.as(volunteer.token).get(`/api/calls/${callId}/colleagues`).expect(200)
      ).body as { id: string; role: string }[];
      expect(colleagues).toContainEqual({
        id: colleague.id,
        name: 'Colleague Wu',
        role: 'volunteer',
      });
      expect(colleagues.map((one) => one.id)).not.toContain(volunteer.id);
      const consulting = await transfer({ kind: 'warm', volunteerId: colleague.id }).expect(200);
      expect(consulting.body).toMatchObject({
        callerOnHold: true,
        participants: [
          { volunteerId: volunteer.id, mode: 'talk', holding: true },
          { volunteerId: colleague.id, role: 'volunteer', mode: 'consult' },
        ],
      });
      // At Twilio: the caller hears hold music, the colleague's phone is rung into the call.
      expect(callerAtTwilio(call).hold).toBe(true);
      const leg = colleagueAtTwilio(call, colleague)!;
      expect(leg).toMatchObject({ muted: false, coaching: false });
      // The colleague is taken: offered no other caller meanwhile.
      expect(await stateOf(colleague)).toBe('talking');
      // Not answered yet: nothing to hand over.
      expect((await complete().expect(409)).body.message).toMatch(/not answered yet/);
      await call.conferenceEvent('participant-join', leg.callSid, leg.label!);

      await complete().expect(204);
      const handed = await hotline.as(colleague.token).get(`/api/calls/${callId}/live`).expect(200);
      expect(handed.body).toMatchObject({ callerOnHold: false });
      expect(handed.body.participants).toEqual([
        expect.objectContaining({ volunteerId: colleague.id, mode: 'talk' }),
      ]);
      await hotline.as(volunteer.token).get(`/api/calls/${callId}/live`).expect(404);
      expect(callerAtTwilio(call).hold).toBe(false);
      expect(
        twilio.conferences.find(call.conference!.sid)!.participants.has(call.volunteerLeg),
      ).toBe(false);
      await eventually(
        async () => volunteerLive.ended.includes(callId) || undefined,
        'the volunteer to leave the call',
      );
      expect(await stateOf(volunteer)).toBe('wrap_up');
      expect(await stateOf(colleague)).toBe('talking');
      expect(await callRecord(hotline, call.callSid)).toMatchObject({
        status: 'talking',
        volunteer_id: colleague.id,
        outcome: null,
      });
      expect(await warmActions(callId)).toEqual([
        'call.transfer.warm',
        'call.transfer.warm.completed',
      ]);
      await complete().expect(409);

      // The caller leaves the colleague: answered once, and the record is the colleague's.
      await endsWith(call, action, colleague);
      await duty(hotline, colleague).wrapUp(callId).expect(200);
      await goOffline(volunteer, colleague);
    } finally {
      desk.close();
    }
  });

  it('calls a warm transfer off, by the volunteer or by the colleague hanging up: the colleague is available again, the caller taken back', async () => {
    const colleague = await addPerson(hotline, {
      roles: ['volunteer', 'supervisor'],
      phone: ownPhone(),
    });
    const { call, callId, action } = await talkingCall();
    await duty(hotline, colleague).available();
    const consult = () =>
      hotline
        .as(volunteer.token)
        .post(`/api/calls/${callId}/transfer`)
        .send({ kind: 'warm', volunteerId: colleague.id })
        .expect(200);

    const consulting = await consult();
    expect(consulting.body.participants[1]).toMatchObject({
      volunteerId: colleague.id,
      role: 'supervisor',
      mode: 'consult',
    });
    const leg = colleagueAtTwilio(call, colleague)!;
    await call.conferenceEvent('participant-join', leg.callSid, leg.label!);
    const back = await hotline
      .as(volunteer.token)
      .post(`/api/calls/${callId}/transfer/cancel`)
      .expect(200);
    expect(back.body).toMatchObject({ callerOnHold: false });
    expect(back.body.participants).toEqual([
      expect.objectContaining({ volunteerId: volunteer.id, mode: 'talk' }),
    ]);
    expect(callerAtTwilio(call).hold).toBe(false);
    expect(colleagueAtTwilio(call, colleague)).toBeUndefined();
    expect(await stateOf(colleague)).toBe('available');
    await hotline.as(volunteer.token).post(`/api/calls/${callId}/transfer/cancel`).expect(409);

    // Again; this time the colleague hangs up before the hand-over: called off the same way.
    await consult();
    expect(callerAtTwilio(call).hold).toBe(true);
    const again = colleagueAtTwilio(call, colleague)!;
    await call.conferenceEvent('participant-join', again.callSid, again.label!);
    await call.conferenceEvent('participant-leave', again.callSid, again.label!);
    expect(callerAtTwilio(call).hold).toBe(false);
    expect(await stateOf(colleague)).toBe('available');
    expect(
      (await hotline.as(volunteer.token).get(`/api/calls/${callId}/live`).expect(200)).body,
    ).toMatchObject({ callerOnHold: false, participants: [{ volunteerId: volunteer.id }] });
    expect(await warmActions(callId)).toEqual([
      'call.transfer.warm',
      'call.transfer.warm.cancelled',
      'call.transfer.warm',
      'call.transfer.warm.cancelled',
    ]);

    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      outcome: 'answered',
      volunteer_id: volunteer.id,
    });
    await duty(hotline, volunteer).wrapUp(callId).expect(200);
    await goOffline(colleague);
  });

  it('ends the call for the caller when the volunteer hangs up with nobody else speaking', async () => {
    const { call, callId, action } = await talkingCall();
    await call.conferenceEvent('participant-leave', call.volunteerLeg, 'volunteer');
    // The hotline asks Twilio to end the conference: the caller's dial goes on to its action.
    expect(twilio.conferences.find(call.conference!.sid)).toBeUndefined();
    const after = await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
    expect(after.twiml).toContain('<Hangup/>');
    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({ outcome: 'answered' });
    await duty(hotline, volunteer).wrapUp(callId).expect(200);
  });
});
