import { ManualClock } from '@hotline/clock';
import { signAsTwilio } from '@hotline/telephony';
import type { FakeTwilioRequest } from '@hotline/telephony/testing/fake-twilio';
import request from 'supertest';
import { BookingMessages } from '../apps/hotline/src/bookings/booking-messages.service';
import { WaitlistOffers } from '../apps/hotline/src/bookings/waitlist-offers';
import { callRecord } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { CallCentre, PUBLIC_BASE_URL, PhoneCall, TWILIO, startCallCentre } from './support/twilio';

// Monday 23 November 2026, 10:00 in Shanghai (the default hotline's zone).
const clock = new ManualClock('2026-11-23T10:00:00+08:00');
const ADDRESS = '杭州市上城区解放路 1 号 3 楼';

/** A booking request as the public page sends it. */
const family = (start: string, overrides: Record<string, unknown> = {}) => ({
  start,
  topic: 'learning',
  parentName: '王女士',
  phone: '13812345678',
  childAgeBand: '12_14',
  description: '孩子最近不愿意上学',
  consent: true,
  language: 'zh-CN',
  ...overrides,
});

/** The instant of a local Shanghai time. */
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('face-to-face bookings', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let admin: string;
  let coordinator: Person;
  let supervisor: Person;
  let expert: Person;
  let other: Person;

  const texts = (to: string): FakeTwilioRequest[] =>
    centre.twilio.requests.filter(
      (sent) => sent.path.endsWith('/Messages.json') && sent.params.To === to,
    );
  const nextText = (to: string, contains: string) =>
    centre.twilio.next(
      (sent) =>
        sent.path.endsWith('/Messages.json') &&
        sent.params.To === to &&
        sent.params.Body.includes(contains),
    );
  const publicApi = () => hotline.http();
  /** Moves the hotline clock; sign-ins are checked against it, so everyone signs in again. */
  const moveClockTo = async (to: string) => {
    clock.set(to);
    admin = await hotline.signIn();
    for (const person of [coordinator, supervisor, expert, other])
      person.token = await hotline.signIn(person.email, person.password);
  };
  const slotsOf = async (from: string, to: string): Promise<string[]> =>
    (await publicApi().get(`/api/public/slots?from=${from}&to=${to}`).expect(200)).body.slots.map(
      (slot: { localDate: string; localTime: string }) => `${slot.localDate} ${slot.localTime}`,
    );

  beforeAll(async () => {
    centre = await startCallCentre({ BOOKING_RATE_LIMIT: '100000' }, { clock });
    ({ hotline, admin } = centre);
    coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    expert = await addPerson(hotline, { roles: ['volunteer'] });
    other = await addPerson(hotline, { roles: ['volunteer'] });
    const as = hotline.as(coordinator.token);
    await as.post('/api/rooms').send({ name: '咨询室 1' }).expect(201);
    // Every day 14:00-17:00 local: with 50 + 10 minutes, sessions at 14:00, 15:00 and 16:00.
    for (let weekday = 1; weekday <= 7; weekday++)
      await as
        .post('/api/availability')
        .send({ volunteerId: expert.id, weekday, startTime: '14:00', endTime: '17:00' })
        .expect(201);
    await as.patch('/api/booking-settings').send({ centreAddress: ADDRESS }).expect(200);
  });
  afterAll(async () => {
    await hotline.app.get(BookingMessages).settled();
    await centre.stop();
  });

  it('tells the page the centre, the rules, the topics and the age bands', async () => {
    const options = (await publicApi().get('/api/public/booking-options').expect(200)).body;
    expect(options).toMatchObject({
      timeZone: 'Asia/Shanghai',
      // The hotline clock's date, not the machine's: simulated evenings book their own days.
      today: clock.now().setZone('Asia/Shanghai').toISODate(),
      hotlinePhone: TWILIO.number,
      centreAddress: ADDRESS,
      sessionMinutes: 50,
      minNoticeHours: 24,
      horizonDays: 30,
      changeCutoffHours: 12,
    });
    expect(options.topics).toEqual(
      expect.arrayContaining([
        { key: 'learning', label: expect.objectContaining({ en: expect.any(String) }) },
      ]),
    );
    expect(options.ageBands.map((band: { key: string }) => band.key)).toContain('12_14');
  });

  it('lists free times with buffers, at least a day ahead and at most 30 days ahead', async () => {
    const slots = await slotsOf('2026-11-23', '2026-12-23');
    // Today 14:00 is only four hours away; 22 December 14:00 is the last within 30 days.
    expect(slots[0]).toBe('2026-11-24 14:00');
    expect(slots.slice(0, 3)).toEqual(['2026-11-24 14:00', '2026-11-24 15:00', '2026-11-24 16:00']);
    expect(slots.at(-1)).toBe('2026-12-22 16:00');
    expect(slots).toHaveLength(29 * 3);
    const { body } = await publicApi()
      .get('/api/public/slots?from=2026-11-24&to=2026-11-24')
      .expect(200);
    expect(body.slots[0]).toEqual({
      start: '2026-11-24T06:00:00.000Z',
      end: '2026-11-24T06:50:00.000Z',
      localDate: '2026-11-24',
      localTime: '14:00',
    });
    const tooLong = await publicApi()
      .get('/api/public/slots?from=2026-11-24&to=2027-01-24')
      .expect(400);
    expect(tooLong.body.fields.to).toEqual(['at most 31 days at once']);
  });

  it('books a time, texts the confirmation in the parent’s language, and keeps the details encrypted', async () => {
    const response = await publicApi()
      .post('/api/public/bookings')
      .send(family(at('2026-11-24T14:00:00')))
      .expect(201);
    const booked = response.body;
    expect(booked).toMatchObject({
      reference: expect.stringMatching(/^HB-[2-9A-HJKMNP-Z]{5}$/),
      status: 'booked',
      start: '2026-11-24T06:00:00.000Z',
      end: '2026-11-24T06:50:00.000Z',
      localDate: '2026-11-24',
      localTime: '14:00',
      topic: 'learning',
      centreAddress: ADDRESS,
      manageUrl: `${PUBLIC_BASE_URL}/book/?manage=${booked.manageToken}`,
    });
    expect(booked.manageToken.length).toBeGreaterThanOrEqual(40);

    const text = await nextText('+8613812345678', booked.reference);
    expect(text.params.Body).toContain('11月24日');
    expect(text.params.Body).toContain('14:00');
    expect(text.params.Body).toContain(ADDRESS);
    expect(text.params.Body).toContain(booked.manageUrl);
    expect(text.params.StatusCallback).toBe(`${PUBLIC_BASE_URL}/twilio/sms/status`);

    // The time is gone for everyone else.
    expect(await slotsOf('2026-11-24', '2026-11-24')).toEqual([
      '2026-11-24 15:00',
      '2026-11-24 16:00',
    ]);

    const [row] = await hotline.database.query<Record<string, string>>(
      'SELECT * FROM booking WHERE reference = ?',
      [booked.reference],
    );
    const raw = JSON.stringify(row);
    expect(raw).not.toContain('13812345678');
    expect(raw).not.toContain('王女士');
    expect(raw).not.toContain('上学');
    expect(raw).not.toContain(booked.manageToken);
    expect(row.manage_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hotline.logs()).not.toContain('13812345678');
    expect(hotline.logs()).not.toContain(booked.manageToken);
  });

  it('texts in English when the parent chose English', async () => {
    const { body } = await publicApi()
      .post('/api/public/bookings')
      .send(
        family(at('2026-11-24T15:00:00'), {
          phone: '+8613900000001',
          language: 'en',
          childAgeBand: undefined,
          childGrade: 'primary_5',
        }),
      )
      .expect(201);
    const text = await nextText('+8613900000001', body.reference);
    expect(text.params.Body).toContain('Tuesday 24 November at 15:00');
    expect(text.params.Body).toContain(body.manageUrl);
  });

  it('answers 409 with the nearest free times when the time is taken or is not a session time', async () => {
    const taken = await publicApi()
      .post('/api/public/bookings')
      .send(family(at('2026-11-24T14:00:00'), { phone: '13900000002' }))
      .expect(409);
    expect(taken.body.message).toMatch(/choose/);
    expect(
      taken.body.alternatives.map(
        (slot: { localTime: string; localDate: string }) => `${slot.localDate} ${slot.localTime}`,
      ),
    ).toEqual([
      '2026-11-24 16:00',
      '2026-11-25 14:00',
      '2026-11-25 15:00',
      '2026-11-25 16:00',
      '2026-11-26 14:00',
    ]);
    const between = await publicApi()
      .post('/api/public/bookings')
      .send(family(at('2026-11-26T14:30:00')))
      .expect(409);
    expect(between.body.alternatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ localDate: '2026-11-26', localTime: '14:00' }),
        expect.objectContaining({ localDate: '2026-11-26', localTime: '15:00' }),
      ]),
    );
    // Too soon (less than a day ahead) is not offered either.
    await publicApi()
      .post('/api/public/bookings')
      .send(family(at('2026-11-23T16:00:00')))
      .expect(409);
  });

  it('refuses bad input with a message per field', async () => {
    const bad = await publicApi()
      .post('/api/public/bookings')
      .send(
        family('tomorrow at two', {
          phone: '12345',
          consent: false,
          description: 'x'.repeat(501),
          topic: 'astrology',
          childAgeBand: undefined,
          language: 'fr',
        }),
      )
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(
      ['childAgeBand', 'consent', 'description', 'language', 'phone', 'start', 'topic'].sort(),
    );
    expect(bad.body.fields.phone[0]).toMatch(/phone number we can text/);
    expect(bad.body.fields.consent[0]).toMatch(/guardian/);
    expect(bad.body.fields.description[0]).toMatch(/at most 500/);
    expect(bad.body.fields.topic[0]).toMatch(/astrology/);
    const missing = await publicApi()
      .post('/api/public/bookings')
      .send({ start: at('2026-11-25T14:00:00') })
      .expect(400);
    expect(missing.body.fields.consent).toBeDefined();
    expect(missing.body.fields.parentName).toBeDefined();
  });

  it('shows, moves and cancels a booking with its manage link', async () => {
    const booked = (
      await publicApi()
        .post('/api/public/bookings')
        .send(family(at('2026-11-27T14:00:00'), { phone: '13900000003' }))
        .expect(201)
    ).body;
    const shown = await publicApi().get(`/api/public/bookings/${booked.manageToken}`).expect(200);
    expect(shown.body).toMatchObject({
      reference: booked.reference,
      status: 'booked',
      localTime: '14:00',
      canChange: true,
      changeCutoffHours: 12,
      hotlinePhone: TWILIO.number,
    });

    const moved = (
      await publicApi()
        .post(`/api/public/bookings/${booked.manageToken}/reschedule`)
        .send({ start: at('2026-11-27T16:00:00') })
        .expect(201)
    ).body;
    expect(moved).toMatchObject({
      reference: booked.reference,
      status: 'booked',
      localTime: '16:00',
    });
    expect(moved.manageToken).not.toBe(booked.manageToken);
    await publicApi().get(`/api/public/bookings/${booked.manageToken}`).expect(404);
    await publicApi().delete(`/api/public/bookings/${booked.manageToken}`).expect(404);
    expect(await slotsOf('2026-11-27', '2026-11-27')).toEqual([
      '2026-11-27 14:00',
      '2026-11-27 15:00',
    ]);
    await nextText('+8613900000003', moved.manageUrl);

    // Moving to a taken time changes nothing.
    const other = (
      await publicApi()
        .post('/api/public/bookings')
        .send(family(at('2026-11-27T15:00:00'), { phone: '13900000004' }))
        .expect(201)
    ).body;
    const refused = await publicApi()
      .post(`/api/public/bookings/${moved.manageToken}/reschedule`)
      .send({ start: other.start })
      .expect(409);
    expect(refused.body.alternatives.length).toBeGreaterThan(0);
    await publicApi().get(`/api/public/bookings/${moved.manageToken}`).expect(200);

    const cancelled = await publicApi()
      .delete(`/api/public/bookings/${moved.manageToken}`)
      .expect(200);
    expect(cancelled.body).toEqual({ reference: booked.reference, status: 'cancelled' });
    expect(
      (await publicApi().get(`/api/public/bookings/${moved.manageToken}`).expect(200)).body.status,
    ).toBe('cancelled');
    expect(await slotsOf('2026-11-27', '2026-11-27')).toEqual([
      '2026-11-27 14:00',
      '2026-11-27 16:00',
    ]);
    await publicApi().get('/api/public/bookings/not-a-token').expect(404);
  });

  it('offers a cancelled time to the first parent waiting for that day, and books it on accept', async () => {
    const booked = (
      await publicApi()
        .post('/api/public/bookings')
        .send(family(at('2026-11-28T14:00:00'), { phone: '13900000005' }))
        .expect(201)
    ).body;
    const first = await publicApi()
      .post('/api/public/waitlist')
      .send({
        date: '2026-11-28',
        topic: 'learning',
        parentName: '李先生',
        phone: '13900000006',
        childGrade: 'junior_1',
        consent: true,
        language: 'en',
      })
      .expect(201);
    expect(first.body).toEqual({ date: '2026-11-28', position: 1 });
    await publicApi().delete(`/api/public/bookings/${booked.manageToken}`).expect(200);

    const offerText = await nextText('+8613900000006', '/book/?offer=');
    expect(offerText.params.Body).toContain('30 minutes');
    const token = /offer=([\w-]+)/.exec(offerText.params.Body)![1];
    const offer = await publicApi().get(`/api/public/offers/${token}`).expect(200);
    expect(offer.body).toMatchObject({ start: booked.start, localTime: '14:00' });
    expect(new Date(offer.body.expiresAt).getTime()).toBe(
      clock.now().plus({ minutes: 30 }).toMillis(),
    );
    // Held for them: not free for anyone else.
    expect(await slotsOf('2026-11-28', '2026-11-28')).not.toContain('2026-11-28 14:00');

    const accepted = (await publicApi().post(`/api/public/offers/${token}/accept`).expect(201))
      .body;
    expect(accepted).toMatchObject({ status: 'booked', start: booked.start, topic: 'learning' });
    await publicApi().get(`/api/public/offers/${token}`).expect(404);
    await publicApi().post(`/api/public/offers/${token}/accept`).expect(404);
    await nextText('+8613900000006', accepted.manageUrl);
    const list = await hotline
      .as(coordinator.token)
      .get('/api/bookings?date=2026-11-28')
      .expect(200);
    expect(list.body.filter((b: { status: string }) => b.status === 'booked')).toEqual([
      expect.objectContaining({
        reference: accepted.reference,
        parentName: '李先生',
        childGrade: 'junior_1',
      }),
    ]);
  });

  it('passes an offer that ran out to the next parent, and frees the time when nobody is left', async () => {
    const booked = (
      await publicApi()
        .post('/api/public/bookings')
        .send(family(at('2026-11-29T15:00:00'), { phone: '13900000007' }))
        .expect(201)
    ).body;
    for (const phone of ['13900000008', '13900000009'])
      await publicApi()
        .post('/api/public/waitlist')
        .send({
          date: '2026-11-29',
          topic: 'learning',
          parentName: '家长',
          phone,
          childAgeBand: '6_11',
          consent: true,
          language: 'zh-CN',
        })
        .expect(201);
    await publicApi().delete(`/api/public/bookings/${booked.manageToken}`).expect(200);
    const firstOffer = await nextText('+8613900000008', '/book/?offer=');
    const firstToken = /offer=([\w-]+)/.exec(firstOffer.params.Body)![1];

    const service = hotline.app.get(WaitlistOffers);
    expect(await service.passExpiredOffers()).toBe(0);
    clock.advance({ minutes: 31 });
    expect(await service.passExpiredOffers()).toBe(1);
    await publicApi().get(`/api/public/offers/${firstToken}`).expect(404);
    const secondOffer = await nextText('+8613900000009', '/book/?offer=');
    expect(secondOffer.params.Body).toContain('11月29日');

    clock.advance({ minutes: 31 });
    expect(await service.passExpiredOffers()).toBe(1);
    expect(await slotsOf('2026-11-29', '2026-11-29')).toContain('2026-11-29 15:00');
  });

  it('closes online changes at the cut-off and says to call the hotline', async () => {
    const booked = (
      await publicApi()
        .post('/api/public/bookings')
        .send(family(at('2026-11-25T16:00:00'), { phone: '13900000010' }))
        .expect(201)
    ).body;
    await moveClockTo('2026-11-25T05:00:00+08:00');
    const shown = await publicApi().get(`/api/public/bookings/${booked.manageToken}`).expect(200);
    expect(shown.body.canChange).toBe(false);
    const refused = await publicApi()
      .delete(`/api/public/bookings/${booked.manageToken}`)
      .expect(409);
    expect(refused.body.message).toContain(TWILIO.number);
    await publicApi()
      .post(`/api/public/bookings/${booked.manageToken}/reschedule`)
      .send({ start: at('2026-11-30T14:00:00') })
      .expect(409);
  });

  it('reminds the family the day before, once', async () => {
    // Now 25 November 05:00: the 16:00 session today (booked two days ahead) is within a day.
    const messages = hotline.app.get(BookingMessages);
    const before = texts('+8613900000010').length;
    expect(await messages.sendReminders()).toBeGreaterThanOrEqual(1);
    const reminder = await nextText('+8613900000010', '提醒');
    expect(reminder.params.Body).toContain('16:00');
    expect(reminder.params.StatusCallback).toBe(`${PUBLIC_BASE_URL}/twilio/sms/status`);
    expect(await messages.sendReminders()).toBe(0);
    expect(texts('+8613900000010').length).toBe(before + 1);
  });

  it('flags a booking whose text was not delivered, from Twilio’s signed status report', async () => {
    const [row] = await hotline.database.query<{
      id: string;
      confirmation_sid: string;
      local_date: string;
    }>(
      "SELECT id, confirmation_sid, local_date FROM booking WHERE status = 'booked' AND confirmation_sid IS NOT NULL ORDER BY starts_at LIMIT 1",
    );
    const path = '/twilio/sms/status';
    const body = {
      MessageSid: row.confirmation_sid,
      MessageStatus: 'undelivered',
      AccountSid: TWILIO.accountSid,
    };
    await request(hotline.baseUrl).post(path).type('form').send(body).expect(403);
    await request(hotline.baseUrl)
      .post(path)
      .type('form')
      .set('X-Twilio-Signature', signAsTwilio(TWILIO.authToken, `${PUBLIC_BASE_URL}${path}`, body))
      .send(body)
      .expect(200)
      .expect('Content-Type', /xml/);
    const list = await hotline
      .as(coordinator.token)
      .get(`/api/bookings?date=${row.local_date}`)
      .expect(200);
    expect(list.body.find((b: { id: string }) => b.id === row.id)).toMatchObject({
      needsCall: true,
      smsStatus: 'undelivered',
      hasPhone: true,
    });
  });

  it('lets a supervisor book for a caller from the call, with the caller’s number kept server-side', async () => {
    const call = new PhoneCall(hotline.baseUrl, '+8613700000011');
    await call.dial();
    await call.hangUp();
    const callId = String((await callRecord(hotline, call.callSid)).id);
    const { phone: _omitted, ...withoutPhone } = family(at('2026-11-30T14:00:00'));
    const booked = await hotline
      .as(supervisor.token)
      .post('/api/bookings')
      .send({ ...withoutPhone, callId })
      .expect(201);
    expect(JSON.stringify(booked.body)).not.toContain('13700000011');
    await nextText('+8613700000011', booked.body.reference);

    // A volunteer books only for the caller of their own call.
    await hotline
      .as(other.token)
      .post('/api/bookings')
      .send(family(at('2026-11-30T15:00:00')))
      .expect(403);
    await hotline
      .as(other.token)
      .post('/api/bookings')
      .send({ ...withoutPhone, start: at('2026-11-30T15:00:00'), callId })
      .expect(404);

    const detail = await hotline
      .as(supervisor.token)
      .get(`/api/bookings?date=2026-11-30`)
      .expect(200);
    const id = detail.body[0].id;
    const one = await hotline.as(supervisor.token).get(`/api/bookings/${id}`).expect(200);
    expect(one.body).toMatchObject({ phone: '+8613700000011', callId, expertId: expert.id });
    const audit = await hotline.as(admin).get(`/api/audit?subjectId=${id}`).expect(200);
    expect(audit.body.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['booking.details.read', 'booking.parent.read']),
    );
  });

  it('shows the expert their own bookings of a day, and nobody else’s', async () => {
    const mine = await hotline.as(expert.token).get('/api/bookings?date=2026-11-30').expect(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).not.toHaveProperty('phone');
    const theirs = await hotline.as(other.token).get('/api/bookings?date=2026-11-30').expect(200);
    expect(theirs.body).toEqual([]);
    await hotline.as(other.token).get(`/api/bookings/${mine.body[0].id}`).expect(404);
    await hotline.as(other.token).get('/api/rooms').expect(403);
    await hotline
      .as(supervisor.token)
      .patch('/api/booking-settings')
      .send({ sessionMinutes: 45 })
      .expect(403);
    await hotline
      .as(coordinator.token)
      .patch('/api/booking-settings')
      .send({ sessionMinutes: 47 })
      .expect(400);
  });

  it('marks attendance; a family that came gets a face-to-face contact record to complete', async () => {
    const [booking] = (
      await hotline.as(expert.token).get('/api/bookings?date=2026-11-30').expect(200)
    ).body;
    const early = await hotline
      .as(expert.token)
      .post(`/api/bookings/${booking.id}/attendance`)
      .send({ attended: true })
      .expect(409);
    expect(early.body.message).toMatch(/not started/);
    await moveClockTo('2026-11-30T14:55:00+08:00');
    const marked = await hotline
      .as(expert.token)
      .post(`/api/bookings/${booking.id}/attendance`)
      .send({ attended: true })
      .expect(200);
    expect(marked.body).toMatchObject({ status: 'attended', contactId: expect.any(String) });
    const contact = await hotline
      .as(expert.token)
      .get(`/api/contacts/${marked.body.contactId}`)
      .expect(200);
    expect(contact.body).toMatchObject({
      channel: 'face_to_face',
      volunteerId: expert.id,
      occurredAt: booking.start,
      categorised: false,
      callerType: 'parent',
      ageBand: '12_14',
      durationMinutes: 50,
    });
    // The expert completes it like a wrap-up.
    await hotline
      .as(expert.token)
      .patch(`/api/contacts/${marked.body.contactId}`)
      .send({ primaryTopic: 'learning', riskLevel: 'low', outcome: 'advice_given' })
      .expect(200);

    const [noShow] = (
      await hotline.as(coordinator.token).get('/api/bookings?date=2026-11-28').expect(200)
    ).body.filter((b: { status: string }) => b.status === 'booked');
    const missed = await hotline
      .as(coordinator.token)
      .post(`/api/bookings/${noShow.id}/attendance`)
      .send({ attended: false })
      .expect(200);
    expect(missed.body).toMatchObject({ status: 'no_show', contactId: null });
  });
});
