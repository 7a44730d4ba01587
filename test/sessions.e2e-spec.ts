import { JwtService } from '@nestjs/jwt';
import { RunningHotline, startHotline } from './support/hotline-server';
import { openConsole, refusal } from './support/console';
import { Person, addPerson } from './support/people';

/** Resolves with the reason once the server closes this console. */
const closedByServer = (socket: {
  once(event: 'disconnect', listener: (reason: string) => void): unknown;
}) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('sessions', () => {
  let hotline: RunningHotline;
  let admin: string;

  beforeAll(async () => {
    hotline = await startHotline({ JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-chars' });
    admin = await hotline.signIn();
  });
  afterAll(() => hotline.stop());

  it('logs the route of a manage link and a calendar feed, never their token', async () => {
    const volunteer = await addPerson(hotline);
    const { url } = (await hotline.as(volunteer.token).post('/api/me/calendar-feed').expect(201))
      .body;
    const feedPath = new URL(url).pathname;
    await hotline.http().get(feedPath).expect(200);
    const feedToken = feedPath.slice('/calendar/'.length, -'.ics'.length);

    const manageToken = 'Zq7w0bX3kT9mVn2Lc8Rf1Yh6Pj4Ds5Ga0Eu7Io3Kx9';
    await hotline.http().get(`/api/public/bookings/${manageToken}`).expect(404);
    await hotline.http().delete(`/api/public/bookings/${manageToken}`);
    await hotline.http().post(`/api/public/bookings/${manageToken}/reschedule`).send({});
    await hotline.http().get(`/api/public/offers/${manageToken}?lang=en`);

    const logs = hotline.logs();
    expect(logs).toContain('"url":"/api/public/bookings/:token"');
    expect(logs).toContain('"url":"/api/public/bookings/:token/reschedule"');
    expect(logs).toContain('"url":"/calendar/:token.ics"');
    expect(logs).not.toContain(manageToken);
    expect(logs).not.toContain(feedToken);
  });

  describe('ending sessions', () => {
    let person: Person;
    beforeEach(async () => {
      person = await addPerson(hotline, { roles: ['volunteer'] });
    });

    const refused = async (token: string, reason: RegExp) => {
      const response = await hotline.as(token).get('/api/me').expect(401);
      expect(response.body.message).toMatch(reason);
    };

    it('signs out everywhere: every token stops working and open consoles close', async () => {
      const second = await hotline.signIn(person.email, person.password);
      const console = await openConsole(hotline, second);
      const closed = closedByServer(console.socket);

      await hotline.as(person.token).post('/api/auth/sign-out').expect(204);
      expect(await closed).toBe('io server disconnect');
      await refused(person.token, /sign-in has ended/);
      await refused(second, /sign-in has ended/);
      expect(await refusal(hotline, { token: second })).toMatch(/sign-in has ended/);
      // A new sign-in works at once.
      const fresh = await hotline.signIn(person.email, person.password);
      await hotline.as(fresh).get('/api/me').expect(200);
    });

    it('ends every session when the person changes their password', async () => {
      const console = await openConsole(hotline, person.token);
      const closed = closedByServer(console.socket);
      await hotline
        .as(person.token)
        .put('/api/me/password')
        .send({ currentPassword: person.password, newPassword: 'another-long-password' })
        .expect(204);
      await closed;
      await refused(person.token, /sign-in has ended/);
      const fresh = await hotline.signIn(person.email, 'another-long-password');
      await hotline.as(fresh).get('/api/me').expect(200);
    });

    it("ends every session when a coordinator resets the person's password", async () => {
      const console = await openConsole(hotline, person.token);
      const closed = closedByServer(console.socket);
      await hotline
        .as(admin)
        .put(`/api/volunteers/${person.id}/password`)
        .send({ password: 'reset-by-the-admin-1' })
        .expect(204);
      await closed;
      await refused(person.token, /sign-in has ended/);
      // The admin's own session is untouched.
      await hotline.as(admin).get('/api/me').expect(200);
    });

    it('closes a deactivated person’s console at once: no more live feed', async () => {
      const console = await openConsole(hotline, person.token);
      const closed = closedByServer(console.socket);
      await hotline
        .as(admin)
        .patch(`/api/volunteers/${person.id}`)
        .send({ active: false })
        .expect(200);
      expect(await closed).toBe('io server disconnect');
      expect(console.socket.connected).toBe(false);
      await refused(person.token, /deactivated/);
    });

    it('ends nobody else’s session', async () => {
      const other = await addPerson(hotline);
      await hotline.as(person.token).post('/api/auth/sign-out').expect(204);
      await hotline.as(other.token).get('/api/me').expect(200);
    });
  });

  describe('security headers', () => {
    const expectHardened = (headers: Record<string, string>) => {
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('no-referrer');
      // Served over plain http here: no HSTS (it is sent when PUBLIC_BASE_URL is https).
      expect(headers['strict-transport-security']).toBeUndefined();
    };

    it('are on every API answer, signed in or not, errors included, never stored', async () => {
      for (const response of [
        await hotline.as(admin).get('/api/me').expect(200),
        await hotline.http().get('/api/public/booking-options').expect(200),
        await hotline
          .http()
          .get('/api/public/bookings/Zq7w0bX3kT9mVn2Lc8Rf1Yh6Pj4Ds5Ga0Eu')
          .expect(404),
        await hotline.http().get('/api/me').expect(401),
        await hotline.http().get('/no/such/page').expect(404),
      ]) {
        expectHardened(response.headers);
        if (response.request.url.includes('/api/'))
          expect(response.headers['cache-control']).toBe('no-store');
      }
    });

    it('are on a calendar feed, whose address is its key', async () => {
      const volunteer = await addPerson(hotline);
      const { url } = (await hotline.as(volunteer.token).post('/api/me/calendar-feed').expect(201))
        .body;
      const feed = await hotline.http().get(new URL(url).pathname).expect(200);
      expectHardened(feed.headers);
      expect(feed.headers['cache-control']).toBe('private, max-age=300');
    });

    it('let the API documentation keep its inline styles, and nothing more', async () => {
      const docs = await hotline.http().get('/api/docs/').expect(200);
      expectHardened(docs.headers);
      expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    });
  });

  describe('tokens', () => {
    const jwt = new JwtService({ secret: 'a-test-secret-of-at-least-thirty-two-chars' });

    it('refuses a correctly signed token without an expiry', async () => {
      const person = await addPerson(hotline);
      const noExpiry = jwt.sign({ sub: person.id, ver: 0 }, { algorithm: 'HS256' });
      await hotline.as(noExpiry).get('/api/me').expect(401);
      expect(await refusal(hotline, { token: noExpiry })).toMatch(/expired or is not valid/);
    });

    it('refuses a token without a session version, as issued before sessions could end', async () => {
      const person = await addPerson(hotline);
      const old = jwt.sign({ sub: person.id }, { algorithm: 'HS256', expiresIn: 3600 });
      await hotline.as(old).get('/api/me').expect(401);
      const fine = jwt.sign({ sub: person.id, ver: 0 }, { algorithm: 'HS256', expiresIn: 3600 });
      await hotline.as(fine).get('/api/me').expect(200);
    });

    it('signs with the configured secret as text, so tokens issued before a restart stay valid', async () => {
      const person = await addPerson(hotline);
      expect(jwt.verify(person.token, { algorithms: ['HS256'] })).toMatchObject({ sub: person.id });
      const other = new JwtService({ secret: 'another-secret-of-at-least-thirty-two-chars' });
      const forged = other.sign({ sub: person.id, ver: 0 }, { algorithm: 'HS256', expiresIn: 60 });
      await hotline.as(forged).get('/api/me').expect(401);
    });
  });
});
