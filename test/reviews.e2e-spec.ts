import { ManualClock } from '@hotline/clock';
import { FieldCipher } from '../apps/hotline/src/common/field-cipher';
import { ROUTINE_CONTACT, duty, eventually } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { answeredCall } from './support/callers';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, startCallCentre } from './support/twilio';

type Summary = { id: string; contactId: string; reason: string; status: string };
type Page = { total: number; offset: number; items: Summary[] };

/**
 * Case review over HTTP: which consultations enter the supervisors' queue, the review itself
 * between a supervisor and the volunteer, who may see what, and the monthly figures.
 */
describe('case review', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let hotlineId: string;
  let supervisor: Person;
  let coordinator: Person;
  let counsellor: Person;
  let trainee: Person;

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline, hotlineId } = centre);
    supervisor = await addPerson(hotline, { roles: ['supervisor'], name: 'Zhao Min' });
    coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    counsellor = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    trainee = await addPerson(hotline, { expertKind: 'trainee', name: 'Li Na' });
  });
  afterAll(() => centre.stop());

  const sampling = `/api/hotlines/${'%s'}/review-sampling`;
  const setShare = (percent: number, token = supervisor.token) =>
    hotline.as(token).put(sampling.replace('%s', hotlineId)).send({ samplePercent: percent });

  /** A face-to-face consultation recorded by `person` an hour ago; its contact id. */
  async function recorded(person: Person, fields: object = {}): Promise<string> {
    const answer = await hotline
      .as(person.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        channel: 'face_to_face',
        occurredAt: clock.now().minus({ hours: 1 }).toISO(),
        notes: 'Cannot sleep before exams',
        ...fields,
      })
      .expect(201);
    return answer.body.contact.id;
  }

  const queue = async (query = '', token = supervisor.token): Promise<Page> =>
    (
      await hotline
        .as(token)
        .get(`/api/reviews?${query.includes('limit=') ? '' : 'limit=500&'}${query}`)
        .expect(200)
    ).body;

  /** The review of a contact, once its selection (which follows the record) is done. */
  const reviewOf = (contactId: string) =>
    eventually(
      async () => (await queue()).items.find((item) => item.contactId === contactId),
      `the review of ${contactId}`,
    );

  it('takes high-risk and trainees’ consultations and a keyed sample of the rest, when recorded', async () => {
    // The share: supervisors and coordinators set it, from 0 to 100 percent.
    const path = sampling.replace('%s', hotlineId);
    expect((await hotline.as(coordinator.token).get(path).expect(200)).body).toEqual({
      samplePercent: 10,
    });
    await hotline.as(counsellor.token).get(path).expect(403);
    const bad = await setShare(101).expect(400);
    expect(bad.body.fields.samplePercent).toEqual(['samplePercent must be at most 100']);
    await hotline
      .as(supervisor.token)
      .put(sampling.replace('%s', '3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11'))
      .send({ samplePercent: 5 })
      .expect(404);
    expect((await setShare(40).expect(200)).body).toEqual({ samplePercent: 40 });

    const cipher = hotline.app.get(FieldCipher);
    const sampled = (id: string) =>
      parseInt(cipher.keyedHash(`contact-review:${id}`).slice(0, 8), 16) < 0.4 * 2 ** 32;
    // A prank holds no consultation to supervise, even a trainee's.
    const prank = await recorded(trainee, { channel: 'online', contactType: 'prank' });
    const routine: string[] = [];
    for (let i = 0; i < 24; i++) routine.push(await recorded(counsellor));
    const learner = await recorded(trainee);

    // A phone call, recorded at wrap-up with a high risk.
    const { offer } = await answeredCall(hotline, counsellor);
    const wrapped = await duty(hotline, counsellor)
      .wrapUp(offer.callId, {
        ...ROUTINE_CONTACT,
        riskLevel: 'high',
        outcome: 'crisis_intervention',
      })
      .expect(200);
    await hotline.as(counsellor.token).put('/api/me/presence').send({ state: 'offline' });

    expect((await reviewOf(wrapped.body.contact.id)).reason).toBe('high_risk');
    expect((await reviewOf(learner)).reason).toBe('trainee');
    const expected = routine.filter(sampled);
    await eventually(async () => {
      const samples = (await queue('reason=sample')).items.map((item) => item.contactId);
      return samples.length === expected.length ? samples : undefined;
    }, 'the sample');
    expect((await queue('reason=sample')).items.map((item) => item.contactId).sort()).toEqual(
      [...expected].sort(),
    );
    expect((await queue()).items.map((item) => item.contactId)).not.toContain(prank);
    await setShare(0).expect(200);
  });

  it('lets a supervisor comment and ask for changes, and the trainee answer; encrypted and audited', async () => {
    const contactId = await recorded(trainee, { notes: 'Mentions self-harm thoughts last year' });
    const { id } = await reviewOf(contactId);

    // Only supervisors read the queue; a coordinator counts reviews but reads none.
    await hotline.as(coordinator.token).get('/api/reviews').expect(403);
    await hotline.as(trainee.token).get('/api/reviews').expect(403);
    await hotline.as(coordinator.token).get(`/api/reviews/${id}`).expect(404);
    await hotline.as(counsellor.token).get(`/api/reviews/${id}`).expect(404);
    // Nothing to see for the trainee before a supervisor writes.
    await hotline.as(trainee.token).get(`/api/reviews/${id}`).expect(404);
    expect((await hotline.as(trainee.token).get('/api/me/reviews').expect(200)).body.items).toEqual(
      [],
    );

    const opened = await hotline.as(supervisor.token).get(`/api/reviews/${id}`).expect(200);
    expect(opened.body).toMatchObject({
      reason: 'trainee',
      status: 'pending',
      volunteerName: 'Li Na',
      actions: ['comment', 'request_changes', 'sign_off'],
      contact: { id: contactId, notes: 'Mentions self-harm thoughts last year' },
    });
    const empty = await hotline
      .as(supervisor.token)
      .post(`/api/reviews/${id}/comments`)
      .send({ text: '   ' })
      .expect(400);
    expect(empty.body.fields.text).toEqual(['text must not be empty']);

    clock.advance({ hours: 3 });
    const asked = await hotline
      .as(supervisor.token)
      .post(`/api/reviews/${id}/request-changes`)
      .send({ text: 'Ask about a safety plan and record it.' })
      .expect(200);
    expect(asked.body).toMatchObject({ status: 'changes_requested', entryCount: 1 });
    await hotline
      .as(supervisor.token)
      .post(`/api/reviews/${id}/request-changes`)
      .send({ text: 'Again' })
      .expect(409);
    await hotline.as(trainee.token).post(`/api/reviews/${id}/sign-off`).send({}).expect(403);

    const mine = (await hotline.as(trainee.token).get('/api/me/reviews').expect(200)).body;
    expect(mine.items).toEqual([
      expect.objectContaining({ id, status: 'changes_requested', entryCount: 1 }),
    ]);
    const answered = await hotline
      .as(trainee.token)
      .post(`/api/reviews/${id}/answers`)
      .send({ text: 'Done: we agreed she calls 12356 when it gets bad.' })
      .expect(200);
    expect(answered.body).toMatchObject({ status: 'answered', actions: ['answer'] });
    await hotline
      .as(counsellor.token)
      .post(`/api/reviews/${id}/answers`)
      .send({ text: 'Not mine' })
      .expect(404);

    const signed = await hotline
      .as(supervisor.token)
      .post(`/api/reviews/${id}/sign-off`)
      .send({ text: 'Well handled.' })
      .expect(200);
    expect(signed.body.entries.map((entry: { kind: string }) => entry.kind)).toEqual([
      'changes_requested',
      'answer',
      'signed_off',
    ]);

    const [row] = await hotline.database.query<Record<string, string>>(
      'SELECT GROUP_CONCAT(text_encrypted) AS texts FROM contact_review_entry WHERE review_id = ?',
      [id],
    );
    expect(row.texts).not.toMatch(/safety plan|12356|Well handled/);
    const audit = await hotline.as(supervisor.token).get(`/api/audit?subjectId=${id}`).expect(200);
    expect(audit.body.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining([
        'contact_review.read',
        'contact_review.changes_requested',
        'contact_review.answer',
        'contact_review.signed_off',
      ]),
    );
    const lists = await hotline
      .as(supervisor.token)
      .get(`/api/audit?subjectId=${hotlineId}`)
      .expect(200);
    expect(lists.body.map((event: { action: string }) => event.action)).toContain(
      'contact_review.queue.read',
    );
  });

  it('pages and filters the queue, and refuses a bad query with the reason', async () => {
    await setShare(100).expect(200);
    const before = (await queue()).total;
    const contacts: string[] = [];
    for (let i = 0; i < 12; i++) contacts.push(await recorded(counsellor));
    await eventually(
      async () => ((await queue()).total === before + 12 ? true : undefined),
      'twelve more in the queue',
    );
    const first = await queue('limit=5&offset=0&status=to_review');
    const second = await queue('limit=5&offset=5&status=to_review');
    const all = await queue('status=to_review');
    expect(first.total).toBe(all.total);
    expect(second.offset).toBe(5);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(
      all.items.slice(0, 10).map((item) => item.id),
    );
    const theirs = await queue(`volunteerId=${trainee.id}`);
    expect(theirs.items.every((item) => item.reason === 'trainee')).toBe(true);
    expect((await queue('status=signed_off')).items.map((item) => item.status)).toEqual([
      'signed_off',
    ]);
    expect((await queue('from=2026-11-24')).total).toBe(0);
    expect((await queue('from=2026-11-23&to=2026-11-23')).total).toBe(all.total + 1);

    const bad = await hotline
      .as(supervisor.token)
      .get('/api/reviews?status=late&limit=0&offset=-1&from=2026-13-01')
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['from', 'limit', 'offset', 'status']);
    await setShare(0).expect(200);
  });

  it('shows the reviewed share and the median time to review in the monthly statistics, JSON and CSV', async () => {
    const report = (
      await hotline.as(coordinator.token).get('/api/stats/monthly?month=2026-11').expect(200)
    ).body;
    const total = (await queue()).total;
    expect(report.reviews).toMatchObject({
      selected: total,
      reviewed: 1,
      reviewedShare: Math.round((1 / total) * 1000) / 10,
      signedOff: 1,
      awaitingAnswer: 0,
      medianSecondsToReview: 3 * 3600,
    });
    expect(
      report.reviews.byReason.rows.map((row: { key: string; label: { en: string } }) => [
        row.key,
        row.label.en,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['trainee', 'Trainee'],
        ['high_risk', 'High risk'],
      ]),
    );
    const csv = await hotline
      .as(coordinator.token)
      .get('/api/stats/monthly?month=2026-11&format=csv')
      .expect(200);
    expect(csv.text).toContain('reviews,reviewed_share,督导完成率,Reviewed share,,');
    expect(csv.text).toContain(
      'reviews,median_hours_to_review,督导用时中位数（小时）,Median time to review (h),3,',
    );
    expect(csv.text).toMatch(/review_reason,trainee,见习志愿者,Trainee,/);
  });
});
