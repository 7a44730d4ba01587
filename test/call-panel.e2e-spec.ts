import { ManualClock } from '@hotline/clock';
import type { CrisisAlert, LiveCall, QueueChange } from '@hotline/console-protocol';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { io } from 'socket.io-client';
import { ConsoleClient, OpenConsole, openConsole } from './support/console';
import { ROUTINE_CONTACT, duty, eventually } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

const NOTE = 'Says she has pills saved up in her desk';

describe('the live call panel: crisis now and the contact draft', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;
  let supervisor: Person;
  let wall: OpenConsole;
  const consoles: OpenConsole[] = [];

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline, twilio, admin } = centre);
    supervisor = await addPerson(hotline, { roles: ['supervisor'], phone: '+8613900000021' });
    wall = await openConsole(hotline, supervisor.token);
    // On duty without taking calls: the crisis SMS goes to supervisors on duty.
    await hotline.as(supervisor.token).put('/api/me/presence').send({ state: 'break' }).expect(200);
  });
  afterAll(async () => {
    wall.close();
    for (const open of consoles) open.close();
    await centre.stop();
  });

  const onDuty: Person[] = [];
  const counsellor = async () => {
    const person = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    onDuty.push(person);
    return person;
  };
  // Each test's volunteers leave: the next test's call rings its own volunteer only.
  afterEach(async () => {
    for (const person of onDuty.splice(0))
      await hotline.as(person.token).put('/api/me/presence').send({ state: 'offline' });
  });

  const consoleOf = async (person: Person) => {
    const open = await openConsole(hotline, person.token);
    consoles.push(open);
    return open;
  };

  /** Every `call.live` a console receives from now on, in order, and the calls it was told ended. */
  function panelOf(open: Pick<OpenConsole, 'socket'>): { shown: LiveCall[]; ended: string[] } {
    const panel = { shown: [] as LiveCall[], ended: [] as string[] };
    open.socket.on('call.live', (call) => panel.shown.push(call));
    open.socket.on('call.live.ended', ({ callId }) => panel.ended.push(callId));
    return panel;
  }

  /** A console whose panel is watched from its first event (a reload's `call.live` comes at once). */
  async function openWatched(person: Person) {
    const socket = io(`${hotline.baseUrl}/console`, {
      auth: { token: person.token },
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
    }) as ConsoleClient;
    const panel = panelOf({ socket });
    socket.connect();
    consoles.push({ close: () => socket.close() } as unknown as OpenConsole);
    return { socket, panel };
  }

  const alertsOnWall = (): CrisisAlert[] =>
    wall
      .changes()
      .flatMap((change: QueueChange) => (change.type === 'alert' ? [change.alert] : []));

  /** A pupil's call about an emotional problem, taken by `person` and still going on. */
  async function liveCall(person: Person) {
    await duty(hotline, person).available();
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    const offer = await duty(hotline, person).offer();
    await duty(hotline, person).accept(offer).expect(204);
    const dialAction = await call.pickUp(offer.callId);
    const end = async () => {
      await call.follow(dialAction, { DialCallStatus: 'completed', DialCallDuration: '300' });
      await call.hangUp();
    };
    return { call, callId: offer.callId, end };
  }

  it('opens the case at once from the call, alerts the wall and texts the supervisor, and keeps alerting after the volunteer leaves', async () => {
    const volunteer = await counsellor();
    const open = await consoleOf(volunteer);
    const panel = panelOf(open);
    const { call, callId, end } = await liveCall(volunteer);

    const shown = await eventually(
      async () => panel.shown.find((live) => live.callId === callId),
      'the call on the volunteer panel',
    );
    expect(shown).toMatchObject({
      callerType: 'pupil',
      topic: 'emotional',
      priority: 'normal',
      earlierContacts: 0,
      callerOnHold: false,
      crisisCaseId: null,
      participants: [{ volunteerId: volunteer.id, role: 'volunteer', mode: 'talk' }],
    });
    expect(Date.parse(shown.answeredAt)).not.toBeNaN();
    expect(JSON.stringify(shown)).not.toContain(call.from.slice(3));

    // Bad input is refused with a reason; nobody else may press it for this call.
    expect(await open.socket.emitWithAck('call.crisis', { callId: 'nope' })).toEqual({
      ok: false,
      error: 'callId must be a call id',
    });
    const other = await counsellor();
    await hotline.as(other.token).post(`/api/calls/${callId}/crisis`).expect(404);

    const pressed = await open.socket.emitWithAck('call.crisis', { callId });
    if (!pressed.ok) throw new Error(pressed.error);
    const alert = await eventually(
      async () => alertsOnWall().find((raised) => raised.reason === 'crisis_now'),
      'the crisis-now alert on the wall',
    );
    expect(alert).toMatchObject({ callId, caseId: pressed.crisisCaseId, resolvedAt: null });
    const sms = await twilio.next(
      (request) =>
        request.path.endsWith('/Messages.json') &&
        /志愿者在通话中发起危机求助/.test(request.params.Body),
    );
    expect(sms.params.To).toBe('+8613900000021');
    expect(sms.params.Body).not.toContain(call.from.slice(3));
    await eventually(
      async () => panel.shown.find((live) => live.crisisCaseId === pressed.crisisCaseId),
      'the crisis case on the panel',
    );

    const opened = await hotline
      .as(supervisor.token)
      .get(`/api/crisis-cases/${pressed.crisisCaseId}`)
      .expect(200);
    expect(opened.body).toMatchObject({
      trigger: 'crisis_now',
      riskLevel: 'imminent',
      callId,
      openedBy: volunteer.id,
    });
    // Pressed again (a double click, the REST route): the same case, no second alert.
    const again = await hotline.as(volunteer.token).post(`/api/calls/${callId}/crisis`).expect(200);
    expect(again.body).toEqual({ crisisCaseId: pressed.crisisCaseId });

    // The volunteer's console goes away: the alert is stored and raised again until someone
    // acknowledges it, whatever the call does meanwhile.
    open.close();
    await end();
    clock.advance({ seconds: 30 });
    await eventually(
      async () =>
        alertsOnWall().find(
          (raised) => raised.alertId === alert.alertId && raised.lastRaisedAt !== alert.raisedAt,
        ),
      'the crisis-now alert raised again',
    );
    expect(
      (await consoleOf(supervisor)).snapshot.alerts?.map((shownAlert) => shownAlert.alertId),
    ).toContain(alert.alertId);
    await hotline
      .as(supervisor.token)
      .post(`/api/crisis-alerts/${alert.alertId}/acknowledge`)
      .expect(204);
    // The call is over: the button has nothing to open any more.
    await hotline.as(volunteer.token).post(`/api/calls/${callId}/crisis`).expect(409);
  });

  it('keeps the draft through a reconnect, lets only its volunteer and supervisors read it, and makes it the record', async () => {
    const volunteer = await counsellor();
    const { callId, end } = await liveCall(volunteer);
    const draft = {
      callerType: 'pupil',
      ageBand: '15_17',
      primaryTopic: 'self_harm_suicide',
      riskLevel: 'high',
      outcome: 'crisis_intervention',
      notes: NOTE,
    };
    // Typing: an early save, then the fuller one replaces it.
    await hotline
      .as(volunteer.token)
      .put(`/api/calls/${callId}/draft`)
      .send({ notes: 'Says she' })
      .expect(200);
    const saved = await hotline
      .as(volunteer.token)
      .put(`/api/calls/${callId}/draft`)
      .send(draft)
      .expect(200);
    expect(saved.body).toMatchObject({ callId, ...draft });
    await hotline
      .as(volunteer.token)
      .put(`/api/calls/${callId}/draft`)
      .send({ riskLevel: 'very' })
      .expect(400);
    const [row] = await hotline.database.query<Record<string, string>>(
      'SELECT * FROM contact_draft WHERE call_id = ?',
      [callId],
    );
    expect(row.notes_encrypted).toMatch(/^v2:/);
    expect(JSON.stringify(row)).not.toContain('pills');

    // A reload: the console connects anew, gets its call back, and reads the draft back.
    const again = await openWatched(volunteer);
    await eventually(
      async () => again.panel.shown.find((live) => live.callId === callId),
      'the call again',
    );
    const read = await hotline.as(volunteer.token).get(`/api/calls/${callId}/draft`).expect(200);
    expect(read.body).toMatchObject({ callId, ...draft, savedAt: saved.body.savedAt });

    // Another volunteer may neither read nor write it; a supervisor reads it, audited.
    const other = await counsellor();
    await hotline.as(other.token).get(`/api/calls/${callId}/draft`).expect(404);
    await hotline.as(other.token).put(`/api/calls/${callId}/draft`).send({}).expect(404);
    await hotline.as(supervisor.token).get(`/api/calls/${callId}/draft`).expect(200);
    const audit = await hotline.as(admin).get(`/api/audit?subjectId=${callId}`).expect(200);
    expect(audit.body).toContainEqual(
      expect.objectContaining({ action: 'contact_draft.read', actorId: supervisor.id }),
    );

    // The call ends: the draft is the record already, and the wall hears of its high risk.
    await end();
    await eventually(
      async () => (again.panel.ended.includes(callId) ? true : undefined),
      'the panel closed',
    );
    const record = await eventually(async () => {
      const [contact] = await hotline.database.query<Record<string, unknown>>(
        'SELECT * FROM contact WHERE call_id = ?',
        [callId],
      );
      return contact?.primary_topic ? contact : undefined;
    }, 'the record written from the draft');
    expect(record).toMatchObject({ risk_level: 'high', outcome: 'crisis_intervention' });
    await eventually(
      async () =>
        alertsOnWall().find((raised) => raised.callId === callId && raised.reason === 'high_risk'),
      'the high-risk alert',
    );

    // Wrap-up: the form reads the draft, corrects it, and sends it; the draft has served.
    const inWrapUp = await hotline
      .as(volunteer.token)
      .get(`/api/calls/${callId}/draft`)
      .expect(200);
    expect(inWrapUp.body.notes).toBe(NOTE);
    const wrapped = await duty(hotline, volunteer)
      .wrapUp(callId, { ...draft, riskLevel: 'imminent' })
      .expect(200);
    expect(wrapped.body.contact).toMatchObject({ notes: NOTE, riskLevel: 'imminent' });
    expect(
      await hotline.database.query('SELECT id FROM contact_draft WHERE call_id = ?', [callId]),
    ).toEqual([]);
    await hotline
      .as(volunteer.token)
      .put(`/api/calls/${callId}/draft`)
      .send({ notes: 'late' })
      .expect(409);
  });

  it('keeps what was typed when wrap-up is never sent: the record has the notes, the draft waits to complete it', async () => {
    const volunteer = await counsellor();
    const { callId, end } = await liveCall(volunteer);
    await hotline
      .as(volunteer.token)
      .put(`/api/calls/${callId}/draft`)
      .send({ ageBand: '12_14', notes: NOTE })
      .expect(200);
    await end();
    const record = await eventually(async () => {
      const [contact] = await hotline.database.query<Record<string, unknown>>(
        'SELECT * FROM contact WHERE call_id = ?',
        [callId],
      );
      return contact;
    }, 'the record opened at the end of the call');
    expect(record).toMatchObject({ age_band: '12_14', primary_topic: null });
    const audit = await hotline.as(admin).get(`/api/audit?subjectId=${record.id}`).expect(200);
    expect(audit.body).toContainEqual(
      expect.objectContaining({ action: 'contact.notes.written', actorId: volunteer.id }),
    );
    // The volunteer goes offline without a wrap-up: nothing typed is lost.
    await hotline.as(volunteer.token).put('/api/me/presence').send({ state: 'offline' });
    const contacts = await hotline.as(volunteer.token).get('/api/contacts').expect(200);
    expect(
      contacts.body.find((contact: { callId: string }) => contact.callId === callId),
    ).toMatchObject({ hasNotes: true, categorised: false });
    const kept = await hotline.as(volunteer.token).get(`/api/calls/${callId}/draft`).expect(200);
    expect(kept.body).toMatchObject({ ageBand: '12_14', notes: NOTE });
    // Completed later, it is written like any late record.
    await duty(hotline, volunteer)
      .wrapUp(callId, { ...ROUTINE_CONTACT, notes: NOTE })
      .expect(200);
  });

  it('records a call marked silent while it rang on as a complete non-counselling contact when it ends', async () => {
    const volunteer = await counsellor();
    const { callId, end } = await liveCall(volunteer);
    await hotline
      .as(volunteer.token)
      .put(`/api/calls/${callId}/draft`)
      .send({ contactType: 'silent' })
      .expect(200);
    await end();
    const contact = await eventually(async () => {
      const contacts = await hotline.as(volunteer.token).get('/api/contacts').expect(200);
      return contacts.body.find(
        (one: { callId: string; categorised: boolean }) => one.callId === callId && one.categorised,
      );
    }, 'the silent call recorded at its end');
    expect(contact).toMatchObject({ contactType: 'silent', primaryTopic: null, riskLevel: null });
    // Wrap-up may still change it, like any record written in wrap-up.
    await duty(hotline, volunteer).wrapUp(callId, { contactType: 'prank' }).expect(200);
    const changed = await hotline.as(volunteer.token).get('/api/contacts').expect(200);
    expect(changed.body.find((one: { callId: string }) => one.callId === callId)).toMatchObject({
      contactType: 'prank',
      categorised: true,
    });
  });

  it('opens no crisis case from a practice call', async () => {
    const volunteer = await counsellor();
    await duty(hotline, volunteer).available();
    await hotline
      .as(volunteer.token)
      .post('/api/training-calls')
      .send({ volunteerId: volunteer.id })
      .expect(201);
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    const refused = await hotline
      .as(volunteer.token)
      .post(`/api/calls/${offer.callId}/crisis`)
      .expect(409);
    expect(refused.body.message).toMatch(/practice call/);
    await hotline.as(volunteer.token).post(`/api/training-calls/${offer.callId}/end`).expect(200);
  });
});
