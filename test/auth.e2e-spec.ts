import { ManualClock } from '@hotline/clock';
import { base32Decode, totp } from '../apps/hotline/src/auth/totp';
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

describe('two-factor sign-in', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let hotline: RunningHotline;

  beforeAll(async () => {
    hotline = await startHotline({}, undefined, { clock });
  });
  afterAll(() => hotline.stop());

  const codeFor = (secret: string) => totp(base32Decode(secret), clock.now().toSeconds());
  const login = (body: Record<string, unknown>) =>
    hotline.http().post('/api/auth/login').send(body);

  /** Enrols with this token and confirms with the current code; the secret and the new token. */
  async function enrol(token: string): Promise<{ secret: string; token: string }> {
    const started = await hotline.as(token).post('/api/me/two-factor').expect(201);
    expect(started.body.otpauthUri).toMatch(
      new RegExp(`^otpauth://totp/Hotline:.+\\?secret=${started.body.secret}&issuer=Hotline`),
    );
    const confirmed = await hotline
      .as(token)
      .post('/api/me/two-factor/confirm')
      .send({ code: codeFor(started.body.secret) })
      .expect(200);
    expect(confirmed.body.twoFactorEnrolmentRequired).toBe(false);
    return { secret: started.body.secret, token: confirmed.body.accessToken };
  }

  it('asks an enrolled person for a code, takes each code once, and refuses a wrong one', async () => {
    const person = await addPerson(hotline);
    // A secret started but not confirmed asks for nothing yet.
    await hotline.as(person.token).post('/api/me/two-factor').expect(201);
    await login({ email: person.email, password: person.password }).expect(200);

    const { secret } = await enrol(person.token);
    const me = await hotline.as(person.token).get('/api/me').expect(200);
    expect(me.body.twoFactorEnabled).toBe(true);
    // The factor cannot be swapped by whoever holds a session.
    await hotline.as(person.token).post('/api/me/two-factor').expect(409);

    const missing = await login({ email: person.email, password: person.password }).expect(401);
    expect(missing.body).toMatchObject({ reason: 'two_factor_code_needed' });
    expect(missing.body.message).toMatch(/two-factor code is needed/);

    // The confirming code has been used: the next step's code signs in, once.
    clock.advance({ seconds: 30 });
    const code = codeFor(secret);
    const signedIn = await login({ email: person.email, password: person.password, code }).expect(
      200,
    );
    await hotline.as(signedIn.body.accessToken).get('/api/me').expect(200);
    const reused = await login({ email: person.email, password: person.password, code }).expect(
      401,
    );
    expect(reused.body.message).toMatch(/used already/);

    const wrong = String((Number(codeFor(secret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await login({
      email: person.email,
      password: person.password,
      code: wrong,
    }).expect(401);
    expect(refused.body.message).toMatch(/wrong or has expired/);
    // A wrong password with the right code is still a wrong password.
    clock.advance({ seconds: 30 });
    await login({ email: person.email, password: 'not-it-at-all', code: codeFor(secret) }).expect(
      401,
    );
    await login({ email: person.email, password: person.password, code: codeFor(secret) }).expect(
      200,
    );
  });

  it('lets a role the hotline requires it for sign in only to enrol', async () => {
    const admin = await hotline.signIn();
    const [first] = (await hotline.as(admin).get('/api/hotlines').expect(200)).body;
    const changed = await hotline
      .as(admin)
      .patch(`/api/hotlines/${first.id}`)
      .send({ requireTwoFactorFor: ['supervisor'] })
      .expect(200);
    expect(changed.body.requireTwoFactorFor).toEqual(['supervisor']);

    const volunteer = await addPerson(hotline, { hotlineIds: [first.id] });
    await hotline.as(volunteer.token).get('/api/hotlines').expect(200);

    const supervisor = await addPerson(hotline, {
      roles: ['supervisor'],
      hotlineIds: [first.id],
    });
    const limited = await login({ email: supervisor.email, password: supervisor.password });
    expect(limited.status).toBe(200);
    expect(limited.body.twoFactorEnrolmentRequired).toBe(true);
    const token = limited.body.accessToken as string;
    const refused = await hotline.as(token).get('/api/hotlines').expect(403);
    expect(refused.body.message).toMatch(/enrol first/);
    await hotline.as(token).get('/api/me').expect(200);

    const enrolled = await enrol(token);
    await hotline.as(enrolled.token).get('/api/hotlines').expect(200);
    await login({ email: supervisor.email, password: supervisor.password }).expect(401);
    clock.advance({ seconds: 30 });
    const full = await login({
      email: supervisor.email,
      password: supervisor.password,
      code: codeFor(enrolled.secret),
    }).expect(200);
    expect(full.body.twoFactorEnrolmentRequired).toBe(false);

    await hotline
      .as(admin)
      .patch(`/api/hotlines/${first.id}`)
      .send({ requireTwoFactorFor: [] })
      .expect(200);
  });
});
