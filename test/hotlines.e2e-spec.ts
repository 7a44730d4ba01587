import { RunningHotline, startHotline } from './support/hotline-server';
import { addPerson } from './support/people';

describe('hotline settings', () => {
  // The server's clock reads Monday 2026-11-23, 19:00 in Shanghai.
  let hotline: RunningHotline;
  let admin: string;
  let id: string;

  beforeAll(async () => {
    hotline = await startHotline({ HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00' });
    admin = await hotline.signIn();
    id = (await hotline.as(admin).get('/api/hotlines').expect(200)).body[0].id;
  });
  afterAll(() => hotline.stop());

  it('creates one default hotline on first start: every evening 18:00-22:00, Shanghai time', async () => {
    const response = await hotline.as(admin).get(`/api/hotlines/${id}`).expect(200);
    expect(response.body).toMatchObject({
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
      closures: [],
      routing: {
        strategy: 'longest_idle',
        offerTimeoutSeconds: 20,
        wrapUpSeconds: 60,
        skillFallbackSeconds: 30,
        maxWaitSeconds: 600,
      },
    });
    expect(response.body.openingHours.mon).toEqual([{ start: '18:00', end: '22:00' }]);
    expect(response.body.openingHours.sun).toEqual([{ start: '18:00', end: '22:00' }]);
    expect(response.body.closedMessage).toMatch(/110.*120.*12356/);
    // Twilio's default voice speaks no Chinese: the prompts have a Mandarin voice of their own.
    expect(response.body).toMatchObject({ sayVoice: 'Polly.Zhiyu-Neural', sayLanguage: 'cmn-CN' });
    // Every prompt is spoken until the hotline records some.
    expect(response.body.greetings).toEqual({});
  });

  it('speaks with a voice Twilio has for the language, and refuses one it has not', async () => {
    const chosen = await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({ sayVoice: 'Google.cmn-CN-Wavenet-A', sayLanguage: 'cmn-CN' })
      .expect(200);
    expect(chosen.body).toMatchObject({
      sayVoice: 'Google.cmn-CN-Wavenet-A',
      sayLanguage: 'cmn-CN',
    });

    for (const wrong of [
      { sayVoice: 'man', sayLanguage: 'cmn-CN' },
      { sayVoice: 'Polly.Zhiyu-Neural', sayLanguage: 'zh-CN' },
      { sayVoice: 'Polly.Joanna-Neural', sayLanguage: 'en-US' },
      { sayVoice: 'Polly.Zhiyu-Neural' },
    ]) {
      const refused = await hotline.as(admin).patch(`/api/hotlines/${id}`).send(wrong).expect(400);
      expect(refused.body.fields.sayVoice[0]).toMatch(
        /Supported for zh-CN: Polly\.Zhiyu \(cmn-CN\), Polly\.Zhiyu-Neural \(cmn-CN\)/,
      );
    }
    const kept = await hotline.as(admin).get(`/api/hotlines/${id}`).expect(200);
    expect(kept.body.sayVoice).toBe('Google.cmn-CN-Wavenet-A');
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({ sayVoice: 'Polly.Zhiyu-Neural', sayLanguage: 'cmn-CN' })
      .expect(200);
  });

  it('keeps recorded prompts by their https URL, and refuses any other URL naming the prompt', async () => {
    const welcome = 'https://media.example.org/hotline/welcome-zh.mp3';
    const recorded = await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({ greetings: { welcome, goodbye: 'https://media.example.org/hotline/bye.mp3' } })
      .expect(200);
    expect(recorded.body.greetings).toEqual({
      welcome,
      goodbye: 'https://media.example.org/hotline/bye.mp3',
    });

    for (const [url, why] of [
      ['http://media.example.org/hotline/hold.mp3', 'plain http'],
      ['ftp://media.example.org/hotline/hold.mp3', 'not the web'],
      ['media.example.org/hotline/hold.mp3', 'no scheme'],
      ['https://user:secret@media.example.org/hold.mp3', 'a password in the URL'],
      [42, 'not text'],
    ] as const) {
      const refused = await hotline
        .as(admin)
        .patch(`/api/hotlines/${id}`)
        .send({ greetings: { holdOn: url } })
        .expect(400);
      expect({ why, fields: refused.body.fields }).toEqual({
        why,
        fields: {
          'greetings.holdOn': expect.arrayContaining([
            'greetings.holdOn must be an https URL of the recording (https://...)',
          ]),
        },
      });
    }
    const unknown = await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({ greetings: { jingle: 'https://media.example.org/jingle.mp3' } })
      .expect(400);
    expect(unknown.body.message).toEqual(['greetings.property jingle should not exist']);

    // Naming one prompt keeps the others; null speaks a prompt again.
    const changed = await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({ greetings: { goodbye: null, holdOn: 'https://media.example.org/hotline/hold.mp3' } })
      .expect(200);
    expect(changed.body.greetings).toEqual({
      welcome,
      holdOn: 'https://media.example.org/hotline/hold.mp3',
    });
    const reread = await hotline.as(admin).get(`/api/hotlines/${id}`).expect(200);
    expect(reread.body.greetings).toEqual(changed.body.greetings);
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({ greetings: { welcome: null, holdOn: null } })
      .expect(200);
  });

  it('says whether the hotline is open by its clock and zone', async () => {
    const status = await hotline.as(admin).get(`/api/hotlines/${id}/status`).expect(200);
    expect(status.body).toMatchObject({
      open: true,
      opening: { start: '2026-11-23T18:00:00.000+08:00', end: '2026-11-23T22:00:00.000+08:00' },
    });
    expect(status.body.now).toMatch(/^2026-11-23T19:00:\d\d\.\d{3}\+08:00$/);
  });

  it('stays closed on a closure day and names the next opening', async () => {
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({ closures: [{ date: '2026-11-23', reason: '系统维护' }] })
      .expect(200);
    const status = await hotline.as(admin).get(`/api/hotlines/${id}/status`).expect(200);
    expect(status.body).toMatchObject({
      open: false,
      closureReason: '系统维护',
      opening: { start: '2026-11-24T18:00:00.000+08:00' },
    });
    await hotline.as(admin).patch(`/api/hotlines/${id}`).send({ closures: [] }).expect(200);
  });

  it('changes hours, zone and routing, keeping routing settings not named', async () => {
    const updated = await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({
        openingHours: {
          mon: [{ start: '17:30', end: '21:30' }],
          tue: [{ start: '18:00', end: '22:00' }],
          wed: [],
          thu: [{ start: '18:00', end: '22:00' }],
          fri: [{ start: '18:00', end: '22:00' }],
          sat: [
            { start: '09:00', end: '11:00' },
            { start: '18:00', end: '22:00' },
          ],
          sun: [{ start: '18:00', end: '22:00' }],
        },
        routing: { strategy: 'fewest_calls', offerTimeoutSeconds: 25 },
      })
      .expect(200);
    expect(updated.body.openingHours.wed).toEqual([]);
    expect(updated.body.routing).toMatchObject({
      strategy: 'fewest_calls',
      offerTimeoutSeconds: 25,
      wrapUpSeconds: 60,
    });

    const reread = await hotline.as(admin).get(`/api/hotlines/${id}`).expect(200);
    expect(reread.body.openingHours.sat).toHaveLength(2);
  });

  it('answers 400 naming what is wrong with hours, zone and routing', async () => {
    const shape = await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({
        openingHours: { mon: [{ start: '6pm', end: '22:00' }] },
        routing: { offerTimeoutSeconds: 1 },
      })
      .expect(400);
    expect(shape.body.message).toEqual(
      expect.arrayContaining([
        'openingHours.mon.0.start must be a local time HH:mm, like 18:00',
        'openingHours.tue must be a list of {start, end} ranges (empty when closed)',
        'routing.offerTimeoutSeconds must not be less than 5',
      ]),
    );

    const rules = await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({ timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(rules.body.fields).toEqual({
      timeZone: ['timeZone "Mars/Olympus" is not an IANA time zone'],
    });

    const overlap = await hotline
      .as(admin)
      .patch(`/api/hotlines/${id}`)
      .send({
        openingHours: {
          mon: [
            { start: '18:00', end: '21:00' },
            { start: '20:00', end: '22:00' },
          ],
          tue: [],
          wed: [],
          thu: [],
          fri: [],
          sat: [],
          sun: [{ start: '22:00', end: '18:00' }],
        },
      })
      .expect(400);
    expect(overlap.body.fields).toEqual({
      openingHours: [
        'openingHours.mon: 18:00-21:00 overlaps 20:00-22:00',
        'openingHours.sun: 22:00-18:00 must end after it starts, on the same day',
      ],
    });
  });

  it('lets an admin add a hotline in another zone, and shows members only their own hotlines', async () => {
    const created = await hotline
      .as(admin)
      .post('/api/hotlines')
      .send({ name: 'Berlin pilot', timeZone: 'Europe/Berlin', locale: 'en' })
      .expect(201);
    expect(created.body.closedMessage).toMatch(/^If you are in danger now/);
    expect(created.body).toMatchObject({ sayVoice: 'Polly.Joanna-Neural', sayLanguage: 'en-US' });
    // Another locale without a voice named takes that locale's voice.
    const mandarin = await hotline
      .as(admin)
      .patch(`/api/hotlines/${created.body.id}`)
      .send({ locale: 'zh-CN' })
      .expect(200);
    expect(mandarin.body).toMatchObject({ sayVoice: 'Polly.Zhiyu-Neural', sayLanguage: 'cmn-CN' });

    const volunteer = await addPerson(hotline, { hotlineIds: [id] });
    const visible = await hotline.as(volunteer.token).get('/api/hotlines').expect(200);
    expect(visible.body.map((line: { id: string }) => line.id)).toEqual([id]);
    await hotline.as(volunteer.token).get(`/api/hotlines/${created.body.id}`).expect(404);
    await hotline.as(volunteer.token).patch(`/api/hotlines/${id}`).send({ name: 'x' }).expect(403);
  });

  it("lets a coordinator run their hotline's evenings, but not rename it, move its zone or touch another", async () => {
    const coordinator = await addPerson(hotline, { roles: ['coordinator'], hotlineIds: [id] });
    const other = await hotline
      .as(admin)
      .post('/api/hotlines')
      .send({ name: 'Another city' })
      .expect(201);
    const evenings = {
      openingHours: {
        mon: [{ start: '18:00', end: '21:00' }],
        tue: [{ start: '18:00', end: '21:00' }],
        wed: [],
        thu: [{ start: '18:00', end: '21:00' }],
        fri: [{ start: '18:00', end: '21:00' }],
        sat: [{ start: '09:00', end: '12:00' }],
        sun: [],
      },
      closures: [{ date: '2027-01-01', reason: '元旦' }],
      closedMessage: '请拨打12356。',
      routing: { strategy: 'round_robin', offerTimeoutSeconds: 25 },
      greetings: { welcome: 'https://media.example.org/hotline/welcome.mp3' },
      withdrawCutoffHours: 12,
    };
    const changed = await hotline
      .as(coordinator.token)
      .patch(`/api/hotlines/${id}`)
      .send(evenings)
      .expect(200);
    expect(changed.body).toMatchObject({
      openingHours: evenings.openingHours,
      closures: evenings.closures,
      closedMessage: '请拨打12356。',
      routing: { strategy: 'round_robin', offerTimeoutSeconds: 25, wrapUpSeconds: 60 },
      withdrawCutoffHours: 12,
    });
    // Bad values are named by field, as for an admin.
    const wrong = await hotline
      .as(coordinator.token)
      .patch(`/api/hotlines/${id}`)
      .send({ routing: { offerTimeoutSeconds: 2 } })
      .expect(400);
    expect(Object.keys(wrong.body.fields)).toEqual(['routing.offerTimeoutSeconds']);

    for (const [field, value] of [
      ['name', 'Renamed'],
      ['phoneNumber', '+8657100000'],
      ['timeZone', 'Europe/Berlin'],
      ['locale', 'en'],
      ['requireTwoFactorFor', []],
    ] as const) {
      const refused = await hotline
        .as(coordinator.token)
        .patch(`/api/hotlines/${id}`)
        .send({ closedMessage: 'x', [field]: value })
        .expect(403);
      expect(refused.body.message).toBe(`Only an admin can change ${field}.`);
    }
    await hotline
      .as(coordinator.token)
      .patch(`/api/hotlines/${other.body.id}`)
      .send({ closedMessage: 'x' })
      .expect(404);
    const supervisor = await addPerson(hotline, { roles: ['supervisor'], hotlineIds: [id] });
    await hotline
      .as(supervisor.token)
      .patch(`/api/hotlines/${id}`)
      .send({ closedMessage: 'x' })
      .expect(403);
    const kept = await hotline.as(admin).get(`/api/hotlines/${id}`).expect(200);
    expect(kept.body).toMatchObject({ closedMessage: '请拨打12356。', timeZone: 'Asia/Shanghai' });
    expect(kept.body.name).not.toBe('Renamed');
  });
});
