import { RunningHotline, bearer, startHotline } from './support/hotline-server';
import { ROUTINE_CONTACT } from './support/duty';
import { openConsole } from './support/console';
import { addPerson } from './support/people';

type Operation = { 'x-public'?: boolean; 'x-roles'?: string[]; 'x-twilio-signature'?: boolean };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Every route in the OpenAPI document, with a made-up id in place of path parameters. */
function routesOf(document: OpenApi) {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method,
      path: path.replace(/\{[^}]+\}/g, '3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11'),
      operation,
    })),
  );
}

describe('access to every route', () => {
  let hotline: RunningHotline;
  let document: OpenApi;

  beforeAll(async () => {
    hotline = await startHotline();
    document = (await hotline.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => hotline.stop());

  it('publishes the API as OpenAPI, with a page for people', async () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/volunteers',
        '/api/hotlines',
        '/api/taxonomy',
        '/health',
      ]),
    );
    const page = await hotline.http().get('/api/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
  });

  it('leaves only sign-in, the taxonomy, health, calendar feeds, public booking and the chat page open; Twilio webhooks need a signature instead', async () => {
    const open = routesOf(document).filter((route) => route.operation['x-public']);
    const signed = open.filter((route) => route.operation['x-twilio-signature']);
    expect(
      open
        .filter((route) => !route.operation['x-twilio-signature'])
        .map((route) => `${route.method.toUpperCase()} ${route.path}`)
        .sort(),
    ).toEqual([
      'DELETE /api/public/bookings/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11',
      'GET /api/public/booking-options',
      'GET /api/public/bookings/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11',
      'GET /api/public/hotline',
      'GET /api/public/offers/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11',
      'GET /api/public/slots',
      'GET /api/taxonomy',
      'GET /calendar/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11',
      'GET /health',
      'POST /api/auth/login',
      'POST /api/public/bookings',
      'POST /api/public/bookings/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11/reschedule',
      'POST /api/public/chat-messages',
      'POST /api/public/chats',
      'POST /api/public/offers/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11/accept',
      'POST /api/public/waitlist',
    ]);
    // The public booking routes open only with a parent's token (404 otherwise).
    await hotline
      .http()
      .get('/api/public/bookings/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11')
      .expect(404);
    // A calendar feed opens only with the private token in its address.
    await hotline.http().get('/calendar/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11.ics').expect(404);
    expect(signed.map((route) => route.path).sort()).toEqual([
      '/twilio/sms/status',
      ...[
        'callback',
        'callback-desk/caller',
        'callback-desk/leg',
        'callback-desk/volunteer',
        'choice',
        'conference',
        'conference/leg',
        'connect',
        'dial-result',
        'incoming',
        'ladder/caller',
        'ladder/forward',
        'ladder/supervisor',
        'ladder/take',
        'menu',
        'queue-result',
        'recorded',
        'recording',
        'screen',
        'status',
        'wait',
        'wait-choice',
      ].map((name) => `/twilio/voice/${name}`),
    ]);
    for (const route of signed) {
      await hotline.http().post(route.path).type('form').send({ CallSid: 'CA1' }).expect(403);
    }
  });

  it('answers 401 on every other route without a token or with a forged one', async () => {
    const closed = routesOf(document).filter((route) => !route.operation['x-public']);
    expect(closed.length).toBeGreaterThanOrEqual(12);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.2ZkQ2cR4mQXvQdZ0y5n8pQ3k8rjWc7r8m0kQYt0m1Xo';
    for (const route of closed) {
      const anonymous = await hotline.http()[route.method as 'get'](route.path);
      expect({ route: `${route.method} ${route.path}`, status: anonymous.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
      expect(anonymous.body.message).toMatch(/sign in/i);
      const withForgedToken = await hotline
        .http()
        [route.method as 'get'](route.path)
        .set(bearer(forged));
      expect(withForgedToken.status).toBe(401);
    }
  });

  it('answers 403 to a volunteer on every route that needs another role', async () => {
    const volunteer = await addPerson(hotline, { roles: ['volunteer'] });
    const restricted = routesOf(document).filter(
      (route) => route.operation['x-roles'] && !route.operation['x-roles'].includes('volunteer'),
    );
    expect(restricted.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'get /api/volunteers',
        'post /api/volunteers',
        'patch /api/hotlines/3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11',
        'get /api/audit',
      ]),
    );
    for (const route of restricted) {
      const response = await hotline
        .http()
        [route.method as 'get'](route.path)
        .set(bearer(volunteer.token))
        .send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
      expect(response.body.message).toMatch(/needs the .* role/);
    }
  });

  it('gives each role exactly the routes its x-roles name, and never a server error', async () => {
    const closed = routesOf(document).filter((route) => !route.operation['x-public']);
    for (const role of ['volunteer', 'supervisor', 'coordinator', 'admin']) {
      const person = await addPerson(hotline, { roles: [role] });
      for (const route of closed) {
        const allowed = route.operation['x-roles']?.includes(role) ?? true;
        const response = await hotline
          .http()
          [route.method as 'get'](route.path)
          .set(bearer(person.token))
          .send({});
        const outcome = { role, route: `${route.method} ${route.path}` };
        expect({
          ...outcome,
          status: response.status >= 500 ? 'server error' : 'answered',
        }).toEqual({
          ...outcome,
          status: 'answered',
        });
        expect({ ...outcome, refused: response.status === 403 || response.status === 401 }).toEqual(
          {
            ...outcome,
            refused: !allowed,
          },
        );
        // Signing out ends the person's sessions: the walk goes on with a fresh sign-in.
        if (outcome.route === 'post /api/auth/sign-out')
          person.token = await hotline.signIn(person.email, person.password);
      }
    }
  });

  it('checks roles on every console command as on the routes', async () => {
    const someId = '3f0c6c1e-8d0a-4c50-9d1a-2f1d7a1b0e11';
    const commands = {
      'snapshot.get': {},
      'presence.set': { state: 'offline' },
      'offer.accept': { offerId: someId },
      'offer.decline': { offerId: someId },
      'wrapup.submit': { callId: someId, contact: ROUTINE_CONTACT },
      'call.reoffer': { callId: someId, volunteerId: someId },
      'volunteer.presence': { volunteerId: someId, state: 'break' },
      'alert.acknowledge': { alertId: someId },
      'chat.send': { chatId: someId, text: 'x' },
      'chat.end': { chatId: someId },
      'chat.transfer': { chatId: someId, to: 'queue' },
      'chat.colleagues': { chatId: someId },
      'chat.crisis': { chatId: someId },
      'chat.join': { chatId: someId },
      'chat.leave': { chatId: someId },
      'chat.wrapup': { chatId: someId, contact: ROUTINE_CONTACT },
    } as const;
    const supervising = ['call.reoffer', 'volunteer.presence', 'alert.acknowledge'];
    // Joining a chat reads its messages: the supervisors' alone, as a record's notes are.
    const supervisorsOnly = ['chat.join'];
    for (const role of ['volunteer', 'supervisor', 'coordinator', 'admin']) {
      const person = await addPerson(hotline, { roles: [role] });
      const console = await openConsole(hotline, person.token);
      try {
        for (const [event, payload] of Object.entries(commands)) {
          const ack = (await console.socket.emitWithAck(
            event as 'offer.accept',
            payload as { offerId: string },
          )) as { ok: boolean; error?: string };
          // A chat command refuses in the chat protocol's words.
          const refused =
            !ack.ok && (/needs the .* role/.test(ack.error ?? '') || ack.error === 'forbidden');
          expect({ role, event, refused }).toEqual({
            role,
            event,
            refused:
              (role === 'volunteer' && supervising.includes(event)) ||
              (role !== 'supervisor' && supervisorsOnly.includes(event)),
          });
        }
      } finally {
        console.close();
      }
    }
  });
});
