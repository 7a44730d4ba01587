import { ManualClock } from '@hotline/clock';
import type { QueueChange } from '@hotline/console-protocol';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { OverdueReports } from '../apps/hotline/src/crisis/overdue-reports.service';
import { NoteRetentionService } from '../apps/hotline/src/contacts/note-retention.service';
import { OpenConsole, openConsole } from './support/console';
import { Offer, ROUTINE_CONTACT, duty, eventually } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

const NOTE = 'Says her stepfather locks her out; exam in two weeks';

describe('contact records and crisis cases', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;
  let hotlineId: string;
  let supervisor: Person;
  let coordinator: Person;
  let wall: OpenConsole;

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline, twilio, admin, hotlineId } = centre);
    supervisor = await addPerson(hotline, {
      roles: ['supervisor'],
      phone: '+8613900000001',
    });
    coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    wall = await openConsole(hotline, supervisor.token);
    // On duty, but not taking calls: the crisis SMS goes to supervisors on duty.
    await hotline.as(supervisor.token).put('/api/me/presence').send({ state: 'break' }).expect(200);
  });
  afterAll(async () => {
    wall.close();
    await centre.stop();
  });

  /** A pupil's call about an emotional problem, answered by `person` and hung up. */
  async function answeredCall(person: Person, call = new PhoneCall(hotline.baseUrl)) {
    await duty(hotline, person).available();
    await call.dial();
    await call.choose('1', '1');
    const offer = await duty(hotline, person).offer();
    await talk(person, call, offer);
    return { call, callId: offer.callId, offer };
  }

  /** `person` takes the offered call, talks and the caller hangs up. */
  async function talk(person: Person, call: PhoneCall, offer: Offer) {
    await duty(hotline, person).accept(offer).expect(204);
    await call.answered(offer.callId);
    await call.hangUp();
  }

  /** Volunteers for emotional problems: the pupils' calls here choose that topic. */
  const counsellor = () => addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });

  /** Access tokens live 12 hours on the hotline's clock: after a jump, people sign in again. */
  async function signInAgain(...people: Person[]) {
    for (const person of people) person.token = await hotline.signIn(person.email, person.password);
    admin = await hotline.signIn();
  }

  const offDuty = (person: Person) =>
    hotline.as(person.token).put('/api/me/presence').send({ state: 'offline' }).expect(200);

  const alertsOnWall = () =>
    wall
      .changes()
      .flatMap((change: QueueChange) => (change.type === 'alert' ? [change.alert] : []));

  it('records a phone contact at wrap-up with its topics, encrypted notes and the caller recognised next time', async () => {
    const volunteer = await counsellor();
    const first = await answeredCall(volunteer);
    const recorded = await duty(hotline, volunteer)
      .wrapUp(first.callId, {
        ...ROUTINE_CONTACT,
        grade: 'junior_2',
        gender: 'female',
        district: '西湖区',
        otherTopics: ['learning.exam_stress', 'parent_child'],
        notes: NOTE,
      })
      .expect(200);
    expect(recorded.body.contact).toMatchObject({
      channel: 'phone',
      categorised: true,
      primaryTopic: 'emotional.anxiety_stress',
      topics: ['emotional.anxiety_stress', 'learning.exam_stress', 'parent_child'],
      callerType: 'pupil',
      notes: NOTE,
      earlierContacts: 0,
    });
    expect(recorded.body.crisisCaseId).toBeUndefined();

    const [row] = await hotline.database.query<Record<string, string>>(
      'SELECT * FROM contact WHERE id = ?',
      [recorded.body.contact.id],
    );
    expect(row.notes_encrypted).toMatch(/^v2:/);
    expect(JSON.stringify(row)).not.toContain('stepfather');
    expect(JSON.stringify(row)).not.toContain(first.call.from.slice(3));
    const topics = await hotline.database.query<{ topic_key: string; is_primary: number }>(
      'SELECT topic_key, is_primary FROM contact_topic WHERE contact_id = ? ORDER BY topic_key',
      [recorded.body.contact.id],
    );
    expect(topics.map((topic) => [topic.topic_key, Boolean(topic.is_primary)])).toEqual([
      ['emotional.anxiety_stress', true],
      ['learning.exam_stress', false],
      ['parent_child', false],
    ]);
    await offDuty(volunteer);

    // The same number calls again: the offer says how often it was helped before.
    clock.advance({ minutes: 30 });
    const colleague = await counsellor();
    const again = new PhoneCall(hotline.baseUrl, first.call.from);
    await duty(hotline, colleague).available();
    await again.dial();
    await again.choose('1', '1');
    const offer = await duty(hotline, colleague).offer();
    expect(offer.earlierContacts).toBe(1);

    const history = await hotline
      .as(supervisor.token)
      .get(`/api/calls/${offer.callId}/caller-history`)
      .expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({
        id: recorded.body.contact.id,
        primaryTopic: 'emotional.anxiety_stress',
      }),
    ]);
    expect(history.body[0].notes).toBeUndefined();
    await hotline.as(colleague.token).get(`/api/calls/${offer.callId}/caller-history`).expect(403);
    await duty(hotline, colleague).decline(offer).expect(204);
    await again.hangUp();
    await offDuty(colleague);
  });

  it('keeps an answered call as "not categorised" when wrap-up runs out, to be completed later', async () => {
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ routing: { wrapUpSeconds: 1 } })
      .expect(200);
    try {
      const volunteer = await counsellor();
      const { callId } = await answeredCall(volunteer);
      clock.advance({ seconds: 5 });
      await eventually(async () => {
        const queue = await hotline.as(admin).get('/api/queue').expect(200);
        const me = queue.body.volunteers.find((v: { id: string }) => v.id === volunteer.id);
        return me?.state === 'available' ? me : undefined;
      }, 'wrap-up to run out');

      const open = await hotline
        .as(volunteer.token)
        .get('/api/contacts?categorised=false')
        .expect(200);
      expect(open.body).toEqual([
        expect.objectContaining({ callId, categorised: false, primaryTopic: null, topics: [] }),
      ]);
      const completed = await hotline
        .as(volunteer.token)
        .patch(`/api/contacts/${open.body[0].id}`)
        .send(ROUTINE_CONTACT)
        .expect(200);
      expect(completed.body.contact).toMatchObject({ categorised: true, riskLevel: 'low' });
      await offDuty(volunteer);
    } finally {
      await hotline
        .as(admin)
        .patch(`/api/hotlines/${hotlineId}`)
        .send({ routing: { wrapUpSeconds: 60 } })
        .expect(200);
    }
  });

  it('records face-to-face and online consultations, also on behalf of a volunteer', async () => {
    const volunteer = await counsellor();
    const own = await hotline
      .as(volunteer.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        callerType: 'parent',
        channel: 'face_to_face',
        occurredAt: '2026-11-21T15:00',
        durationMinutes: 50,
        primaryTopic: 'parent_child.communication',
      })
      .expect(201);
    expect(own.body.contact).toMatchObject({
      channel: 'face_to_face',
      volunteerId: volunteer.id,
      recordedBy: volunteer.id,
      // A time without an offset is the hotline's local time (Asia/Shanghai).
      occurredAt: '2026-11-21T07:00:00.000Z',
      durationMinutes: 50,
    });

    const onBehalf = await hotline
      .as(coordinator.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        channel: 'online',
        occurredAt: '2026-11-22T20:00:00+08:00',
        volunteerId: volunteer.id,
      })
      .expect(201);
    expect(onBehalf.body.contact).toMatchObject({
      channel: 'online',
      volunteerId: volunteer.id,
      recordedBy: coordinator.id,
    });

    const other = await addPerson(hotline);
    const refused = await hotline
      .as(other.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        channel: 'online',
        occurredAt: '2026-11-22T20:00:00+08:00',
        volunteerId: volunteer.id,
      })
      .expect(403);
    expect(refused.body.message).toMatch(/coordinator or supervisor/);

    const bad = await hotline
      .as(volunteer.token)
      .post('/api/contacts')
      .send({
        channel: 'phone',
        occurredAt: 'yesterday',
        primaryTopic: 'emotional.nope',
        otherTopics: ['learning', 'bullying'],
        riskLevel: 'severe',
        outcome: 'advice_given',
      })
      .expect(400);
    expect(bad.body.fields).toMatchObject({
      channel: [expect.stringMatching(/recorded at the wrap-up of the call/)],
      occurredAt: [expect.stringMatching(/ISO 8601/)],
      primaryTopic: ['primaryTopic "emotional.nope" is not a topic key; see GET /api/taxonomy'],
      otherTopics: ['otherTopics has unknown topic keys (bullying); see GET /api/taxonomy'],
      riskLevel: ['riskLevel must be one of none, low, medium, high, imminent'],
    });
    const future = await hotline
      .as(volunteer.token)
      .post('/api/contacts')
      .send({ ...ROUTINE_CONTACT, channel: 'online', occurredAt: '2026-11-30T20:00:00+08:00' })
      .expect(400);
    expect(future.body.fields.occurredAt[0]).toMatch(/in the future/);

    const faceToFace = await hotline
      .as(supervisor.token)
      .get('/api/contacts?channel=face_to_face&topic=parent_child')
      .expect(200);
    expect(faceToFace.body.map((contact: { id: string }) => contact.id)).toEqual([
      own.body.contact.id,
    ]);
    const november = await hotline
      .as(supervisor.token)
      .get(`/api/contacts?from=2026-11-22&to=2026-11-22&volunteerId=${volunteer.id}`)
      .expect(200);
    expect(november.body.map((contact: { id: string }) => contact.id)).toEqual([
      onBehalf.body.contact.id,
    ]);
  });

  it('records many consultations at once, each counted once', async () => {
    const volunteer = await counsellor();
    const before = (await hotline.as(coordinator.token).get('/api/stats/monthly?month=2026-10'))
      .body.consultations.total as number;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        hotline
          .as(volunteer.token)
          .post('/api/contacts')
          .send({
            ...ROUTINE_CONTACT,
            channel: i % 2 ? 'online' : 'face_to_face',
            occurredAt: '2026-10-14T19:00',
          }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(201));
    const month = (await hotline.as(coordinator.token).get('/api/stats/monthly?month=2026-10'))
      .body;
    expect(month.consultations.total).toBe(before + 12);
  });

  it('shows notes only to the volunteer and supervisors, audits every read with where it came from', async () => {
    const volunteer = await counsellor();
    const created = await hotline
      .as(volunteer.token)
      .post('/api/contacts')
      .send({ ...ROUTINE_CONTACT, channel: 'online', occurredAt: '2026-11-23T18:30', notes: NOTE })
      .expect(201);
    const id = created.body.contact.id;
    const stranger = await addPerson(hotline);
    const adminOnly = await hotline.signIn();

    expect(
      (await hotline.as(volunteer.token).get(`/api/contacts/${id}`).expect(200)).body.notes,
    ).toBe(NOTE);
    expect(
      (await hotline.as(supervisor.token).get(`/api/contacts/${id}`).expect(200)).body.notes,
    ).toBe(NOTE);
    for (const token of [coordinator.token, adminOnly]) {
      const anonymous = await hotline.as(token).get(`/api/contacts/${id}`).expect(200);
      expect(anonymous.body).not.toHaveProperty('notes');
      expect(anonymous.body).toMatchObject({
        hasNotes: true,
        primaryTopic: 'emotional.anxiety_stress',
      });
    }
    await hotline.as(stranger.token).get(`/api/contacts/${id}`).expect(404);
    const mine = await hotline.as(stranger.token).get('/api/contacts').expect(200);
    expect(mine.body).toEqual([]);
    const listed = await hotline.as(coordinator.token).get('/api/contacts').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain('stepfather');

    const audit = await hotline.as(supervisor.token).get(`/api/audit?subjectId=${id}`).expect(200);
    // The hotline clock stands still here, so events of one instant come in any order.
    const trail = audit.body.map(
      (event: { action: string; actorId: string }) => `${event.action} by ${event.actorId}`,
    );
    expect(trail.sort()).toEqual(
      [
        `contact.notes.read by ${supervisor.id}`,
        `contact.notes.read by ${volunteer.id}`,
        `contact.notes.written by ${volunteer.id}`,
        `contact.created by ${volunteer.id}`,
      ].sort(),
    );
    for (const event of audit.body) expect(event.origin).toMatch(/127\.0\.0\.1/);
    await hotline.as(volunteer.token).get('/api/audit').expect(403);
    await hotline.as(coordinator.token).get('/api/audit').expect(403);
  });

  it('opens a crisis case when the caller presses the danger key: wall alert, SMS, then the record joins it', async () => {
    const volunteer = await counsellor();
    await duty(hotline, volunteer).available();
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.post('menu?step=caller', { Digits: '9' });

    const alert = await eventually(
      async () => alertsOnWall().find((raised) => raised.reason === 'danger_key'),
      'the danger-key alert on the wall',
    );
    const sms = await twilio.next((request) => request.path.endsWith('/Messages.json'));
    expect(sms.params.To).toBe('+8613900000001');
    // In the hotline's language (Chinese here), with nothing about the caller.
    expect(sms.params.Body).toMatch(/危机警报，来电者按了危险键/);
    expect(sms.params.Body).not.toContain(call.from.slice(3));

    const offer = await duty(hotline, volunteer).offer();
    expect(offer).toMatchObject({ callId: alert.callId, priority: 'crisis' });
    await talk(volunteer, call, offer);
    const recorded = await duty(hotline, volunteer)
      .wrapUp(offer.callId, {
        ...ROUTINE_CONTACT,
        primaryTopic: 'self_harm_suicide',
        riskLevel: 'imminent',
        outcome: 'crisis_intervention',
      })
      .expect(200);
    expect(recorded.body.crisisCaseId).toBe(alert.caseId);

    const cases = await hotline.as(volunteer.token).get('/api/crisis-cases?open=true').expect(200);
    expect(cases.body).toEqual([
      expect.objectContaining({
        id: alert.caseId,
        trigger: 'danger_key',
        riskLevel: 'imminent',
        contactId: recorded.body.contact.id,
        volunteerId: volunteer.id,
        reportOverdue: false,
      }),
    ]);
    expect(Date.parse(cases.body[0].reportDueAt) - Date.parse(cases.body[0].openedAt)).toBe(
      12 * 3600_000,
    );
    await offDuty(volunteer);
  });

  it('opens a case for a high-risk record, refers it, and alerts once when its report is late', async () => {
    const volunteer = await counsellor();
    const partner = await hotline
      .as(coordinator.token)
      .post('/api/partners')
      .send({ kind: 'hospital', name: '市第七人民医院', phone: '0571-85126525' })
      .expect(201);
    await hotline
      .as(volunteer.token)
      .post('/api/partners')
      .send({ kind: 'hospital', name: 'x' })
      .expect(403);

    const { callId } = await answeredCall(volunteer);
    const recorded = await duty(hotline, volunteer)
      .wrapUp(callId, { ...ROUTINE_CONTACT, riskLevel: 'high', outcome: 'referred_to_hospital' })
      .expect(200);
    const caseId = recorded.body.crisisCaseId;
    expect(caseId).toEqual(expect.any(String));
    await eventually(
      async () =>
        alertsOnWall().find((raised) => raised.caseId === caseId && raised.reason === 'high_risk'),
      'the high-risk alert',
    );

    const referred = await hotline
      .as(supervisor.token)
      .put(`/api/crisis-cases/${caseId}/referral`)
      .send({ partnerId: partner.body.id, note: 'Emergency psychiatry, Dr. Li on call' })
      .expect(200);
    expect(referred.body).toMatchObject({
      partner: { id: partner.body.id, name: '市第七人民医院', kind: 'hospital' },
      referralNote: 'Emergency psychiatry, Dr. Li on call',
    });
    await hotline
      .as(supervisor.token)
      .post(`/api/crisis-cases/${caseId}/close`)
      .send({})
      .expect(409);
    await hotline.as(coordinator.token).get(`/api/crisis-cases/${caseId}`).expect(403);

    // Twelve hours and a minute later the report is still missing.
    clock.advance({ hours: 12, minutes: 1 });
    await signInAgain(supervisor, volunteer, coordinator);
    const crisis = hotline.app.get(OverdueReports);
    expect(await crisis.alertOverdueReports()).toBeGreaterThanOrEqual(1);
    expect(await crisis.alertOverdueReports()).toBe(0);
    const overdue = await hotline
      .as(supervisor.token)
      .get('/api/crisis-cases?overdue=true')
      .expect(200);
    expect(overdue.body.map((found: { id: string }) => found.id)).toContain(caseId);
    await eventually(
      async () =>
        alertsOnWall().find(
          (raised) => raised.caseId === caseId && raised.reason === 'report_overdue',
        ),
      'the overdue-report alert',
    );

    await hotline
      .as(volunteer.token)
      .post(`/api/crisis-cases/${caseId}/follow-ups`)
      .send({ note: 'Mother reached; taking her to the hospital now' })
      .expect(201);
    await hotline
      .as(volunteer.token)
      .put(`/api/crisis-cases/${caseId}/report`)
      .send({ report: 'Written report: risk assessed imminent...' })
      .expect(200);
    await hotline
      .as(volunteer.token)
      .post(`/api/crisis-cases/${caseId}/close`)
      .send({})
      .expect(403);
    const closed = await hotline
      .as(supervisor.token)
      .post(`/api/crisis-cases/${caseId}/close`)
      .send({ note: 'Admitted; follow-up by the hospital' })
      .expect(200);
    expect(closed.body).toMatchObject({ reportOverdue: false, closedAt: expect.any(String) });
    expect(closed.body.followUps).toEqual([
      expect.objectContaining({
        authorId: volunteer.id,
        note: 'Mother reached; taking her to the hospital now',
      }),
    ]);
    const still = await hotline
      .as(supervisor.token)
      .get('/api/crisis-cases?overdue=true')
      .expect(200);
    expect(still.body.map((found: { id: string }) => found.id)).not.toContain(caseId);
    const [row] = await hotline.database.query<Record<string, string>>(
      'SELECT * FROM crisis_case WHERE id = ?',
      [caseId],
    );
    expect(JSON.stringify(row)).not.toMatch(/Dr\. Li|Written report|Admitted/);
    await offDuty(volunteer);
  });

  it('clears notes and numbers past the retention a coordinator sets, keeping what statistics need', async () => {
    clock.set('2026-11-25T19:00:00+08:00');
    await signInAgain(supervisor, coordinator);
    const volunteer = await counsellor();
    const { callId } = await answeredCall(volunteer);
    const recorded = await duty(hotline, volunteer)
      .wrapUp(callId, { ...ROUTINE_CONTACT, notes: NOTE })
      .expect(200);
    await offDuty(volunteer);

    const refused = await hotline
      .as(coordinator.token)
      .put(`/api/hotlines/${hotlineId}/note-retention`)
      .send({ noteRetentionDays: 7 })
      .expect(400);
    expect(refused.body.message).toEqual(['noteRetentionDays must be at least 30']);
    await hotline
      .as(volunteer.token)
      .put(`/api/hotlines/${hotlineId}/note-retention`)
      .send({ noteRetentionDays: 30 })
      .expect(403);
    await hotline
      .as(coordinator.token)
      .put(`/api/hotlines/${hotlineId}/note-retention`)
      .send({ noteRetentionDays: 30 })
      .expect(200);

    const retention = hotline.app.get(NoteRetentionService);
    clock.advance({ days: 29 });
    await retention.run();
    const [kept] = await hotline.database.query<Record<string, string | null>>(
      'SELECT notes_encrypted FROM contact WHERE id = ?',
      [recorded.body.contact.id],
    );
    expect(kept.notes_encrypted).not.toBeNull();

    clock.advance({ days: 2 });
    const cleared = await retention.run();
    expect(cleared.contactNotes).toBeGreaterThanOrEqual(1);
    expect(cleared.callerNumbers).toBeGreaterThanOrEqual(1);
    const [contact] = await hotline.database.query<Record<string, string | null>>(
      'SELECT * FROM contact WHERE id = ?',
      [recorded.body.contact.id],
    );
    expect(contact).toMatchObject({
      notes_encrypted: null,
      primary_topic: 'emotional.anxiety_stress',
      risk_level: 'low',
      age_band: '12_14',
    });
    expect(contact.caller_hash).not.toBeNull();
    const [call] = await hotline.database.query<Record<string, string | null>>(
      'SELECT caller_number_encrypted FROM phone_call WHERE id = ?',
      [callId],
    );
    expect(call.caller_number_encrypted).toBeNull();
    await signInAgain(volunteer);
    const seen = await hotline
      .as(volunteer.token)
      .get(`/api/contacts/${recorded.body.contact.id}`)
      .expect(200);
    expect(seen.body).toMatchObject({
      notes: null,
      hasNotes: false,
      notesClearedAt: expect.any(String),
    });
  });

  it('never writes a note or a caller number to the log', () => {
    const logs = hotline.logs();
    expect(logs).not.toContain('stepfather');
    expect(logs).not.toContain('Dr. Li');
    expect(logs).not.toMatch(/\+86139\d{8}/);
    expect(logs).not.toContain('13900000001');
  });
});
