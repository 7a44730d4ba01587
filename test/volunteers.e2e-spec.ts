import { RunningHotline, startHotline } from './support/hotline-server';
import { addPerson } from './support/people';

describe('volunteers', () => {
  let hotline: RunningHotline;
  let admin: string;
  let defaultHotlineId: string;

  beforeAll(async () => {
    hotline = await startHotline();
    admin = await hotline.signIn();
    defaultHotlineId = (await hotline.as(admin).get('/api/hotlines').expect(200)).body[0].id;
  });
  afterAll(() => hotline.stop());

  const newVolunteer = (fields: Record<string, unknown> = {}) => ({
    name: '李老师',
    email: `li-${Math.random().toString(36).slice(2)}@school.test`,
    password: 'correct-horse-battery',
    phone: '+8613800138000',
    expertKind: 'school_teacher',
    topicSkills: ['emotional', 'learning.exam_stress'],
    languages: ['zh-CN', 'en'],
    roles: ['volunteer'],
    ...fields,
  });

  it('adds a volunteer with skills, hotlines and an encrypted phone number', async () => {
    const body = newVolunteer();
    const created = await hotline.as(admin).post('/api/volunteers').send(body).expect(201);
    expect(created.body).toMatchObject({
      name: '李老师',
      email: body.email,
      phone: '+8613800138000',
      hasPhone: true,
      expertKind: 'school_teacher',
      topicSkills: ['emotional', 'learning.exam_stress'],
      roles: ['volunteer'],
      answerBy: 'browser',
      active: true,
      hotlineIds: [defaultHotlineId],
    });
    expect(created.body.softphoneIdentity).toMatch(/^v[0-9a-f]{32}$/);
    expect(created.body.password).toBeUndefined();

    const [row] = await hotline.database.query<{ phone_encrypted: string; password_hash: string }>(
      'SELECT phone_encrypted, password_hash FROM volunteer WHERE id = ?',
      [created.body.id],
    );
    expect(row.phone_encrypted).not.toContain('13800138000');
    expect(row.phone_encrypted).toMatch(/^v2:[0-9a-f]{8}:/);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lists volunteers without phone numbers and filters them', async () => {
    await hotline
      .as(admin)
      .post('/api/volunteers')
      .send(newVolunteer({ name: '赵医生', roles: ['supervisor'] }))
      .expect(201);
    const list = await hotline.as(admin).get('/api/volunteers?role=supervisor&q=赵').expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      name: '赵医生',
      hasPhone: true,
      roles: ['supervisor'],
    });
    expect(list.body.items[0].phone).toBeUndefined();

    const page = await hotline.as(admin).get('/api/volunteers?limit=1&offset=0').expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
  });

  it('audits every read of a phone number', async () => {
    const created = await hotline
      .as(admin)
      .post('/api/volunteers')
      .send(newVolunteer())
      .expect(201);
    await hotline.as(admin).get(`/api/volunteers/${created.body.id}`).expect(200);
    const trail = await hotline
      .as(admin)
      .get(`/api/audit?subjectType=volunteer&subjectId=${created.body.id}`)
      .expect(200);
    expect(trail.body.map((event: { action: string }) => event.action)).toEqual([
      'volunteer.phone.read',
      'volunteer.created',
    ]);
    expect(JSON.stringify(trail.body)).not.toContain('13800138000');
  });

  it('answers 400 with each field at fault', async () => {
    const response = await hotline
      .as(admin)
      .post('/api/volunteers')
      .send({
        name: '',
        email: 'not-mail',
        password: 'short',
        phone: '13800138000',
        expertKind: 'wizard',
        topicSkills: ['emotional', 'astrology'],
        roles: [],
        extra: 'field',
      })
      .expect(400);
    expect(response.body.fields).toEqual({
      name: ['name must be longer than or equal to 1 characters'],
      email: ['email must be an email address'],
      password: ['password must be 10 to 200 characters long'],
      phone: ['phone must be in international form with a leading +, like +8613800138000'],
      expertKind: [
        'expertKind must be one of school_teacher, university, hospital, counsellor, trainee',
      ],
      topicSkills: ['topicSkills has unknown topic keys (astrology); see GET /api/taxonomy'],
      roles: ['roles must name at least one role'],
      extra: ['property extra should not exist'],
    });
  });

  it('refuses a second volunteer with the same email with 409', async () => {
    const body = newVolunteer();
    await hotline.as(admin).post('/api/volunteers').send(body).expect(201);
    const again = await hotline
      .as(admin)
      .post('/api/volunteers')
      .send({ ...body, email: body.email.toUpperCase() })
      .expect(409);
    expect(again.body.message).toBe(`A volunteer with email ${body.email} already exists.`);
  });

  it('answers 400 for an id that is not one and 404 for an unknown one', async () => {
    const bad = await hotline.as(admin).get('/api/volunteers/42').expect(400);
    expect(bad.body.message).toBe('id must be a volunteer id (a UUID)');
    await hotline.as(admin).get('/api/volunteers/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11').expect(404);
  });

  it('updates a profile and removes a phone number with null', async () => {
    const created = await hotline
      .as(admin)
      .post('/api/volunteers')
      .send(newVolunteer())
      .expect(201);
    const updated = await hotline
      .as(admin)
      .patch(`/api/volunteers/${created.body.id}`)
      .send({
        topicSkills: ['parent_child'],
        answerBy: 'phone',
        roles: ['volunteer', 'supervisor'],
        phone: null,
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      name: created.body.name,
      email: created.body.email,
      topicSkills: ['parent_child'],
      answerBy: 'phone',
      roles: ['volunteer', 'supervisor'],
      hasPhone: false,
      phone: null,
    });
  });

  it('deactivates instead of deleting, and can reactivate', async () => {
    const person = await addPerson(hotline);
    const off = await hotline
      .as(admin)
      .patch(`/api/volunteers/${person.id}`)
      .send({ active: false })
      .expect(200);
    expect(off.body.active).toBe(false);
    expect(off.body.deactivatedAt).toEqual(expect.any(String));
    const inactive = await hotline.as(admin).get('/api/volunteers?active=false').expect(200);
    expect(inactive.body.items.map((item: { id: string }) => item.id)).toContain(person.id);
    await hotline.as(admin).delete(`/api/volunteers/${person.id}`).expect(404);

    const on = await hotline
      .as(admin)
      .patch(`/api/volunteers/${person.id}`)
      .send({ active: true })
      .expect(200);
    expect(on.body.deactivatedAt).toBeNull();
    await hotline.signIn(person.email, person.password);
  });

  it('keeps at least one active admin', async () => {
    const me = await hotline.as(admin).get('/api/me').expect(200);
    const response = await hotline
      .as(admin)
      .patch(`/api/volunteers/${me.body.id}`)
      .send({ active: false });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/last active admin/);
  });

  it('lets a person edit their own contact details but not their skills or roles', async () => {
    const person = await addPerson(hotline);
    const updated = await hotline
      .as(person.token)
      .patch('/api/me')
      .send({ phone: '+8613911112222', answerBy: 'phone' })
      .expect(200);
    expect(updated.body).toMatchObject({ phone: '+8613911112222', answerBy: 'phone' });
    const refused = await hotline
      .as(person.token)
      .patch('/api/me')
      .send({ roles: ['admin'] })
      .expect(400);
    expect(refused.body.message).toEqual(['property roles should not exist']);
  });

  it('resets a forgotten password', async () => {
    const person = await addPerson(hotline);
    await hotline
      .as(admin)
      .put(`/api/volunteers/${person.id}/password`)
      .send({ password: 'reset-by-coordinator' })
      .expect(204);
    await hotline.signIn(person.email, 'reset-by-coordinator');
  });

  describe('a coordinator', () => {
    let otherHotlineId: string;
    let coordinator: string;

    beforeAll(async () => {
      otherHotlineId = (
        await hotline.as(admin).post('/api/hotlines').send({ name: 'County line' }).expect(201)
      ).body.id;
      coordinator = (
        await addPerson(hotline, { roles: ['coordinator'], hotlineIds: [defaultHotlineId] })
      ).token;
    });

    it('manages volunteers of their own hotline only', async () => {
      const elsewhere = await addPerson(hotline, { hotlineIds: [otherHotlineId] });
      const mine = await addPerson(hotline, { hotlineIds: [defaultHotlineId] });

      const list = await hotline.as(coordinator).get('/api/volunteers?limit=200').expect(200);
      const ids = list.body.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(elsewhere.id);
      await hotline.as(coordinator).get(`/api/volunteers/${elsewhere.id}`).expect(404);
      await hotline
        .as(coordinator)
        .patch(`/api/volunteers/${mine.id}`)
        .send({ name: 'Renamed' })
        .expect(200);
    });

    it('cannot give the coordinator or admin role, nor assign another hotline', async () => {
      const promote = await hotline
        .as(coordinator)
        .post('/api/volunteers')
        .send(newVolunteer({ roles: ['volunteer', 'admin'] }))
        .expect(403);
      expect(promote.body.message).toBe('Only an admin can give the admin role.');
      const foreign = await hotline
        .as(coordinator)
        .post('/api/volunteers')
        .send(newVolunteer({ hotlineIds: [otherHotlineId] }))
        .expect(400);
      expect(foreign.body.fields.hotlineIds[0]).toMatch(/hotlines you do not work for/);
    });

    it('adds volunteers to their own hotline by default', async () => {
      const created = await hotline
        .as(coordinator)
        .post('/api/volunteers')
        .send(newVolunteer())
        .expect(201);
      expect(created.body.hotlineIds).toEqual([defaultHotlineId]);
    });
  });
});
