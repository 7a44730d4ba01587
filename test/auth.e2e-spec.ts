import { ADMIN, RunningHotline, startHotline } from './support/hotline-server';
import { addPerson } from './support/people';

describe('sign-in', () => {
  let hotline: RunningHotline;

  beforeAll(async () => {
    hotline = await startHotline();
  });
  afterAll(() => hotline.stop());

  it('signs the configured admin in and the token opens their profile', async () => {
    const response = await hotline.http().post('/api/auth/login').send(ADMIN).expect(200);
    expect(response.body).toMatchObject({
      accessToken: expect.any(String),
      expiresAt: expect.any(String),
      volunteer: { email: ADMIN.email, roles: ['admin'], active: true },
    });
    expect(response.body.volunteer.passwordHash).toBeUndefined();
    const me = await hotline.as(response.body.accessToken).get('/api/me').expect(200);
    expect(me.body.email).toBe(ADMIN.email);
  });

  it('accepts the email in any case', async () => {
    await hotline
      .http()
      .post('/api/auth/login')
      .send({ ...ADMIN, email: ADMIN.email.toUpperCase() })
      .expect(200);
  });

  it('gives a wrong password and an unknown email the same 401', async () => {
    const wrongPassword = await hotline
      .http()
      .post('/api/auth/login')
      .send({ ...ADMIN, password: 'not-it-at-all' });
    const unknownEmail = await hotline
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@hotline.test', password: 'whatever-123' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.message).toBe('Email or password is wrong.');
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('refuses a malformed sign-in with 400 and the field at fault', async () => {
    const response = await hotline
      .http()
      .post('/api/auth/login')
      .send({ email: 'not-an-email' })
      .expect(400);
    expect(response.body.fields).toMatchObject({
      email: ['email must be an email address'],
      password: expect.arrayContaining(['password must be a string']),
    });
  });

  it('slows down guessing: after five failures the account answers 429 from that address', async () => {
    const person = await addPerson(hotline);
    for (let attempt = 0; attempt < 5; attempt++) {
      await hotline
        .http()
        .post('/api/auth/login')
        .send({ email: person.email, password: 'guess-guess' })
        .expect(401);
    }
    const blocked = await hotline
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: person.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Too many failed sign-ins\. Try again in 15 minutes/);
  });

  it('stops a deactivated person at once, even with a token issued before', async () => {
    const person = await addPerson(hotline);
    const admin = await hotline.signIn();
    await hotline
      .as(admin)
      .patch(`/api/volunteers/${person.id}`)
      .send({ active: false })
      .expect(200);

    const withOldToken = await hotline.as(person.token).get('/api/me');
    expect(withOldToken.status).toBe(401);
    expect(withOldToken.body.message).toMatch(/deactivated/);
    await hotline
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: person.password })
      .expect(401);
  });

  it('lets a person change their own password, only with the current one', async () => {
    const person = await addPerson(hotline);
    await hotline
      .as(person.token)
      .put('/api/me/password')
      .send({ currentPassword: 'wrong-password', newPassword: 'a-brand-new-password' })
      .expect(401);
    await hotline
      .as(person.token)
      .put('/api/me/password')
      .send({ currentPassword: person.password, newPassword: 'a-brand-new-password' })
      .expect(204);
    await hotline.signIn(person.email, 'a-brand-new-password');
    await hotline
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: person.password })
      .expect(401);
  });
});

describe('sign-in with the simulation clock', () => {
  it('expires tokens by the hotline clock, so a fast-running evening ends sessions on time', async () => {
    // 720 clock minutes pass in 0.2 real seconds at this speed.
    const hotline = await startHotline({
      HOTLINE_CLOCK_SPEED: '3600',
      ACCESS_TOKEN_TTL_MINUTES: '5',
    });
    try {
      const token = await hotline.signIn();
      await hotline.as(token).get('/api/me').expect(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const expired = await hotline.as(token).get('/api/me');
      expect(expired.status).toBe(401);
      expect(expired.body.message).toMatch(/expired/);
    } finally {
      await hotline.stop();
    }
  });
});
