import { ROUTINE_CONTACT, duty } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { answeredCall } from './support/callers';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, startCallCentre } from './support/twilio';

type CaseView = { id: string; volunteerName: string | null; closedAt: string | null };

/**
 * What the crisis desk asks of the API beyond the cases themselves: a page of them for each
 * person, the names on them, the call a case came from, and a report drafted before it is filed.
 */
describe('the crisis desk’s API', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let supervisor: Person;
  let first: Person;
  let second: Person;

  beforeAll(async () => {
    centre = await startCallCentre({ HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00' });
    hotline = centre.hotline;
    supervisor = await addPerson(hotline, { roles: ['supervisor'], name: 'Zhao Min' });
    first = await addPerson(hotline, {
      topicSkills: ['emotional'],
      phone: ownPhone(),
      name: 'Sun Wei',
    });
    second = await addPerson(hotline, { name: 'Li Na' });
  });
  afterAll(() => centre.stop());

  /** A high-risk face-to-face consultation of `person`: the crisis case it opens. */
  async function crisis(person: Person): Promise<string> {
    const answer = await hotline
      .as(person.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        channel: 'face_to_face',
        occurredAt: '2026-11-23T18:30',
        riskLevel: 'high',
        outcome: 'crisis_intervention',
      })
      .expect(201);
    return answer.body.crisisCaseId;
  }

  const list = async (token: string, query = ''): Promise<CaseView[]> =>
    (await hotline.as(token).get(`/api/crisis-cases?${query}`).expect(200)).body;

  it('gives each volunteer a page of their own cases, however many others the hotline has', async () => {
    const mine = [await crisis(first), await crisis(first)];
    for (let i = 0; i < 4; i++) await crisis(second);

    // The hotline's four newest cases are the other volunteer's; the first still sees theirs.
    const theirs = await list(first.token, 'limit=2');
    expect(theirs.map((found) => found.id).sort()).toEqual([...mine].sort());
    expect(theirs.every((found) => found.volunteerName === 'Sun Wei')).toBe(true);

    // A supervisor pages through all of them, newest first, with the names on each.
    const all = await list(supervisor.token, 'open=true');
    const pages = [
      ...(await list(supervisor.token, 'open=true&limit=4&offset=0')),
      ...(await list(supervisor.token, 'open=true&limit=4&offset=4')),
    ];
    expect(pages.map((found) => found.id)).toEqual(all.map((found) => found.id));
    expect(all.map((found) => found.volunteerName)).toEqual([
      'Li Na',
      'Li Na',
      'Li Na',
      'Li Na',
      'Sun Wei',
      'Sun Wei',
    ]);
    const bad = await hotline.as(supervisor.token).get('/api/crisis-cases?offset=-2').expect(400);
    expect(bad.body.fields.offset).toEqual(['offset must be 0 or more']);
  });

  it('keeps a report drafted by one person, encrypted, for whoever files it; filing clears it', async () => {
    const caseId = await crisis(first);
    const draft = await hotline
      .as(first.token)
      .put(`/api/crisis-cases/${caseId}/report-draft`)
      .send({ report: 'Draft: she was taken to the children’s hospital by her aunt' })
      .expect(200);
    expect(draft.body).toMatchObject({ savedBy: first.id, savedByName: 'Sun Wei' });
    const [row] = await hotline.database.query<Record<string, string>>(
      'SELECT report_draft_encrypted FROM crisis_case WHERE id = ?',
      [caseId],
    );
    expect(row.report_draft_encrypted).not.toMatch(/hospital/);

    const taken = await hotline
      .as(supervisor.token)
      .post(`/api/crisis-cases/${caseId}/take`)
      .expect(200);
    expect(taken.body).toMatchObject({
      supervisorId: supervisor.id,
      supervisorName: 'Zhao Min',
      reportDraft: {
        report: 'Draft: she was taken to the children’s hospital by her aunt',
        savedByName: 'Sun Wei',
      },
    });
    const filed = await hotline
      .as(supervisor.token)
      .put(`/api/crisis-cases/${caseId}/report`)
      .send({ report: 'Taken to the children’s hospital by her aunt; admitted overnight.' })
      .expect(200);
    expect(filed.body).toMatchObject({
      reportDraft: null,
      reportFiledBy: supervisor.id,
      reportFiledByName: 'Zhao Min',
    });
    await hotline
      .as(first.token)
      .put(`/api/crisis-cases/${caseId}/report-draft`)
      .send({ report: 'More' })
      .expect(409);
    await hotline
      .as(second.token)
      .put(`/api/crisis-cases/${caseId}/report-draft`)
      .send({ report: 'Not mine' })
      .expect(404);

    await hotline
      .as(supervisor.token)
      .post(`/api/crisis-cases/${caseId}/close`)
      .send({})
      .expect(200);
    // A closed case is not taken again.
    await hotline.as(supervisor.token).post(`/api/crisis-cases/${caseId}/take`).expect(409);
    const closed = await list(supervisor.token, 'closed=true');
    expect(closed.map((found) => found.id)).toEqual([caseId]);
    expect((await list(supervisor.token, 'open=true')).map((found) => found.id)).not.toContain(
      caseId,
    );
    const audit = await hotline
      .as(supervisor.token)
      .get(`/api/audit?subjectId=${caseId}`)
      .expect(200);
    expect(audit.body.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['crisis_case.report_draft_saved', 'crisis_case.report_filed']),
    );
  });

  it('shows the call a case came from, never its number', async () => {
    const { call, offer } = await answeredCall(hotline, first);
    const wrapped = await duty(hotline, first)
      .wrapUp(offer.callId, {
        ...ROUTINE_CONTACT,
        riskLevel: 'imminent',
        outcome: 'crisis_intervention',
      })
      .expect(200);
    const detail = await hotline
      .as(supervisor.token)
      .get(`/api/crisis-cases/${wrapped.body.crisisCaseId}`)
      .expect(200);
    expect(detail.body).toMatchObject({
      callId: offer.callId,
      contactId: wrapped.body.contact.id,
      volunteerName: 'Sun Wei',
      call: {
        id: offer.callId,
        callerType: 'pupil',
        topic: 'emotional',
        answeredAt: expect.any(String),
        endedAt: expect.any(String),
      },
    });
    expect(JSON.stringify(detail.body)).not.toContain(call.from.slice(3));
    await hotline.as(first.token).put('/api/me/presence').send({ state: 'offline' });
  });
});
