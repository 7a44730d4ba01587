import { randomUUID } from 'node:crypto';
import ical from 'node-ical';
import { ManualClock } from '@hotline/clock';
import { CheckIns } from '../apps/hotline/src/shifts/check-ins.service';
import { ShiftRemindersService } from '../apps/hotline/src/shifts/shift-reminders.service';
import { duty } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

type ShiftView = {
  id: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  startsAt: string;
  volunteersSigned: number;
  signups: {
    volunteerId: string;
    checkedInAt: string | null;
    minutesLate: number | null;
    noShow: boolean;
  }[];
};

describe('volunteer shifts', () => {
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new ManualClock('2026-11-23T10:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;

  let coordinator: Person;

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline } = centre);
    coordinator = await addPerson(hotline, { roles: ['coordinator'] });
  });
  afterAll(() => centre.stop());

  const as = (person: Person) => hotline.as(person.token);

  /** Moves the hotline clock; sign-ins last 12 hours on it, so everyone signs in again. */
  async function travelTo(instant: string, ...people: Person[]) {
    clock.set(instant);
    for (const person of [coordinator, ...people])
      person.token = await hotline.signIn(person.email, person.password);
  }

  async function template(body: Record<string, unknown>) {
    return (
      await as(coordinator)
        .post('/api/shift-templates')
        .send({
          name: 'Evening',
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          volunteersNeeded: 3,
          supervisorsNeeded: 1,
          ...body,
        })
        .expect(201)
    ).body;
  }

  async function shiftsOn(from: string, to: string): Promise<ShiftView[]> {
    return (await as(coordinator).get(`/api/shifts?from=${from}&to=${to}`).expect(200)).body;
  }

  it('builds shifts from local times, 18:00 local on both sides of a DST change', async () => {
    await template({ startTime: '18:00', endTime: '20:00' });
    const made = await as(coordinator)
      .post('/api/shifts/generate')
      .send({ from: '2026-11-30', to: '2026-12-06' })
      .expect(200);
    expect(made.body).toEqual({ created: 7, updated: 0, unchanged: 0 });
    const again = await as(coordinator)
      .post('/api/shifts/generate')
      .send({ from: '2026-11-30', to: '2026-12-06' })
      .expect(200);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 7 });
    const week = await shiftsOn('2026-11-30', '2026-12-06');
    expect(week.map((shift) => [shift.localStart, shift.startsAt.slice(11, 16)])).toEqual(
      Array(7).fill(['18:00', '10:00']),
    );

    // A second hotline, opened later than the default one: calls to a number no hotline has
    // keep going to the oldest, the default.
    clock.set('2026-11-23T10:05:00+08:00');
    const admin = await hotline.signIn();
    const berlin = (
      await hotline
        .as(admin)
        .post('/api/hotlines')
        .send({ name: 'Kinder- und Jugendtelefon', timeZone: 'Europe/Berlin' })
        .expect(201)
    ).body.id as string;
    // A hotline in a zone with daylight saving, planned by an admin (who works for all).
    await hotline
      .as(admin)
      .post('/api/shift-templates')
      .send({
        name: 'Abend',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startTime: '18:00',
        endTime: '20:00',
        volunteersNeeded: 2,
        supervisorsNeeded: 1,
        hotlineId: berlin,
      })
      .expect(201);
    await hotline
      .as(admin)
      .post('/api/shifts/generate')
      .send({ from: '2026-03-28', to: '2026-03-29', hotlineId: berlin })
      .expect(200);
    const spring = (
      await hotline
        .as(admin)
        .get(`/api/shifts?from=2026-03-28&to=2026-03-29&hotlineId=${berlin}`)
        .expect(200)
    ).body as ShiftView[];
    expect(spring.map((shift) => [shift.localDate, shift.localStart, shift.startsAt])).toEqual([
      ['2026-03-28', '18:00', '2026-03-28T17:00:00.000Z'],
      ['2026-03-29', '18:00', '2026-03-29T16:00:00.000Z'],
    ]);
  });

  it('raises the headcount of exam weeks from a dated template, and refuses a bad template', async () => {
    await template({
      name: 'Exam week',
      startTime: '18:00',
      endTime: '20:00',
      volunteersNeeded: 5,
      validFrom: '2026-12-02',
      validTo: '2026-12-03',
    });
    const made = await as(coordinator)
      .post('/api/shifts/generate')
      .send({ from: '2026-11-30', to: '2026-12-06' })
      .expect(200);
    expect(made.body).toEqual({ created: 0, updated: 2, unchanged: 5 });
    const coverage = await as(coordinator)
      .get('/api/coverage?from=2026-12-01&to=2026-12-02')
      .expect(200);
    expect(
      coverage.body.shifts.map((shift: { volunteersNeeded: number }) => shift.volunteersNeeded),
    ).toEqual([3, 5]);

    const bad = await as(coordinator)
      .post('/api/shift-templates')
      .send({
        name: 'Night',
        weekdays: [8],
        startTime: '22:00',
        endTime: '18:00',
        volunteersNeeded: 2,
        supervisorsNeeded: 0,
      })
      .expect(400);
    expect(bad.body.message).toContain('weekdays must be 1 (Monday) to 7 (Sunday)');
    const backwards = await as(coordinator)
      .post('/api/shift-templates')
      .send({
        name: 'Night',
        weekdays: [1],
        startTime: '22:00',
        endTime: '18:00',
        volunteersNeeded: 2,
        supervisorsNeeded: 0,
      })
      .expect(400);
    expect(backwards.body.message).toContain(
      'end must be after start (shifts cannot cross midnight)',
    );
    const volunteer = await addPerson(hotline);
    await as(volunteer).post('/api/shift-templates').send({}).expect(403);
  });

  it('refuses a sign-up with the reason: full, overlapping, wrong role, started, cancelled', async () => {
    const [monday] = await shiftsOn('2026-11-30', '2026-11-30');
    await as(coordinator)
      .patch(`/api/shifts/${monday.id}`)
      .send({ volunteersNeeded: 1 })
      .expect(200);
    const first = await addPerson(hotline);
    const second = await addPerson(hotline);
    await as(first).post(`/api/shifts/${monday.id}/signups`).send({}).expect(201);
    const full = await as(second).post(`/api/shifts/${monday.id}/signups`).send({}).expect(409);
    expect(full.body.message).toBe('This shift is full: all 1 volunteer places are taken.');
    const twice = await as(first).post(`/api/shifts/${monday.id}/signups`).send({}).expect(409);
    expect(twice.body.message).toBe('You are already signed up for this shift.');
    const role = await as(second)
      .post(`/api/shifts/${monday.id}/signups`)
      .send({ slot: 'supervisor' })
      .expect(409);
    expect(role.body.message).toMatch(/supervisor role/);
    await as(coordinator)
      .patch(`/api/shifts/${monday.id}`)
      .send({ volunteersNeeded: 0 })
      .expect(409);

    const overlapping = (
      await as(coordinator)
        .post('/api/shift-templates')
        .send({
          name: 'Overlap',
          weekdays: [1],
          startTime: '19:00',
          endTime: '21:00',
          volunteersNeeded: 2,
          supervisorsNeeded: 0,
        })
        .expect(201)
    ).body;
    await as(coordinator)
      .post('/api/shifts/generate')
      .send({ from: '2026-11-30', to: '2026-11-30', templateIds: [overlapping.id] })
      .expect(200);
    const later = (await shiftsOn('2026-11-30', '2026-11-30')).find(
      (shift) => shift.localStart === '19:00',
    )!;
    const clash = await as(first).post(`/api/shifts/${later.id}/signups`).send({}).expect(409);
    expect(clash.body.message).toBe(
      'This shift overlaps another one of yours (2026-11-30 18:00-20:00).',
    );

    await as(coordinator).post(`/api/shifts/${later.id}/cancel`).expect(200);
    expect(
      (await as(second).post(`/api/shifts/${later.id}/signups`).send({}).expect(409)).body.message,
    ).toBe('This shift was cancelled.');
    const [past] = await shiftsOn('2026-11-23', '2026-11-23');
    expect(past).toBeUndefined();
  });

  it('gives the last place to exactly one of many people asking at once', async () => {
    const [tuesday] = await shiftsOn('2026-12-01', '2026-12-01');
    const people = await Promise.all(Array.from({ length: 30 }, () => addPerson(hotline)));
    const answers = await Promise.all(
      people.map((person) => as(person).post(`/api/shifts/${tuesday.id}/signups`).send({})),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      201,
      201,
      201,
      ...Array(27).fill(409),
    ]);
    const [after] = await shiftsOn('2026-12-01', '2026-12-01');
    expect(after.volunteersSigned).toBe(3);
    expect(after.signups).toHaveLength(3);
  });

  it('lets a volunteer withdraw until the cut-off; after it only a coordinator can', async () => {
    const [wednesday] = await shiftsOn('2026-12-02', '2026-12-02');
    const volunteer = await addPerson(hotline);
    await as(volunteer).post(`/api/shifts/${wednesday.id}/signups`).send({}).expect(201);
    await as(volunteer).delete(`/api/shifts/${wednesday.id}/signups/${volunteer.id}`).expect(204);
    await as(volunteer).post(`/api/shifts/${wednesday.id}/signups`).send({}).expect(201);

    await travelTo('2026-12-01T19:00:00+08:00', volunteer); // 23 hours before
    const late = await as(volunteer)
      .delete(`/api/shifts/${wednesday.id}/signups/${volunteer.id}`)
      .expect(409);
    expect(late.body.message).toBe(
      'Withdrawal closed 24 hours before the shift; ask a coordinator to find someone in your place.',
    );
    await as(coordinator).delete(`/api/shifts/${wednesday.id}/signups/${volunteer.id}`).expect(204);

    // The cut-off is the hotline's to set.
    const admin = await hotline.signIn();
    const { hotlineId } = centre;
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ withdrawCutoffHours: 12 })
      .expect(200);
    await as(volunteer).post(`/api/shifts/${wednesday.id}/signups`).send({}).expect(201);
    await as(volunteer).delete(`/api/shifts/${wednesday.id}/signups/${volunteer.id}`).expect(204);
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ withdrawCutoffHours: 24 })
      .expect(200);
  });

  it('shows coverage: needed against signed up, the gaps and the share of person-hours missing', async () => {
    const coverage = (
      await as(coordinator).get('/api/coverage?from=2026-12-01&to=2026-12-02').expect(200)
    ).body;
    // Tuesday: 3 of 3 volunteers, 0 of 1 supervisor; Wednesday (exam week): 0 of 5, 0 of 1.
    expect(
      coverage.gaps.map((gap: { localDate: string; slot: string; missing: number }) => [
        gap.localDate,
        gap.slot,
        gap.missing,
      ]),
    ).toEqual([
      ['2026-12-01', 'supervisor', 1],
      ['2026-12-02', 'volunteer', 5],
      ['2026-12-02', 'supervisor', 1],
    ]);
    expect(coverage).toMatchObject({ neededPersonHours: 20, coveredPersonHours: 6, gapScore: 0.7 });
  });

  it('checks in whoever goes available during their shift, marks no-shows, prefers them for calls', async () => {
    await travelTo('2026-12-03T17:00:00+08:00');
    const [thursday] = await shiftsOn('2026-12-03', '2026-12-03');
    const onShift = await addPerson(hotline, { topicSkills: ['emotional'] });
    const absent = await addPerson(hotline);
    const offShift = await addPerson(hotline, { topicSkills: ['emotional'] });
    for (const person of [onShift, absent])
      await as(person).post(`/api/shifts/${thursday.id}/signups`).send({}).expect(201);

    await travelTo('2026-12-03T18:10:00+08:00', onShift, absent, offShift);
    await duty(hotline, offShift).available();
    await duty(hotline, onShift).available();
    await hotline.app.get(CheckIns).keepRoster();
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    const offer = await duty(hotline, onShift).offer();
    expect(await duty(hotline, offShift).noOffer()).toBe(true);
    await duty(hotline, onShift).decline(offer).expect(204);
    await call.hangUp();

    await travelTo('2026-12-03T20:01:00+08:00', onShift, offShift);
    await hotline.app.get(CheckIns).keepRoster();
    const [after] = await shiftsOn('2026-12-03', '2026-12-03');
    const of = (person: Person) =>
      after.signups.find((signup) => signup.volunteerId === person.id)!;
    expect(of(onShift)).toMatchObject({
      minutesLate: 10,
      noShow: false,
      checkedInAt: '2026-12-03T10:10:00.000Z',
    });
    expect(of(absent)).toMatchObject({ checkedInAt: null, noShow: true });

    const report = (
      await as(coordinator).get('/api/attendance?from=2026-12-03&to=2026-12-03').expect(200)
    ).body;
    expect(report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ volunteerId: absent.id, shifts: 1, attended: 0, noShows: 1 }),
        expect.objectContaining({
          volunteerId: onShift.id,
          shifts: 1,
          attended: 1,
          late: 1,
          minutesLate: 10,
        }),
      ]),
    );
    // The month's statistics count the missed shift too.
    const month = (await as(coordinator).get('/api/stats/monthly?month=2026-12').expect(200)).body;
    expect(month.volunteers).toEqual(
      expect.arrayContaining([expect.objectContaining({ volunteerId: absent.id, noShows: 1 })]),
    );
    await as(coordinator)
      .put(`/api/shifts/${thursday.id}/signups/${absent.id}/attendance`)
      .send({ attended: true, minutesLate: 0 })
      .expect(204);
    await hotline.app.get(CheckIns).keepRoster();
    const corrected = (await shiftsOn('2026-12-03', '2026-12-03'))[0].signups.find(
      (signup) => signup.volunteerId === absent.id,
    );
    expect(corrected).toMatchObject({ noShow: false, minutesLate: 0 });
    for (const person of [onShift, offShift])
      await as(person).put('/api/me/presence').send({ state: 'offline' }).expect(200);
  });

  it('publishes a private calendar that keeps its events across changes and can be revoked', async () => {
    await travelTo('2026-11-25T10:00:00+08:00');
    const volunteer = await addPerson(hotline);
    const [friday, saturday] = await shiftsOn('2026-12-04', '2026-12-05');
    for (const shift of [friday, saturday])
      await as(volunteer).post(`/api/shifts/${shift.id}/signups`).send({}).expect(201);
    const { url } = (await as(volunteer).post('/api/me/calendar-feed').expect(201)).body;
    const path = new URL(url).pathname;
    const read = async () => {
      const response = await hotline.http().get(path).expect(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      return Object.values(ical.sync.parseICS(response.text)).filter(
        (item): item is ical.VEvent => item?.type === 'VEVENT',
      );
    };
    const before = await read();
    expect(before.map((event) => [event.uid, event.start.toISOString()])).toEqual([
      [`shift-${friday.id}@hotline`, '2026-12-04T10:00:00.000Z'],
      [`shift-${saturday.id}@hotline`, '2026-12-05T10:00:00.000Z'],
    ]);

    await as(coordinator)
      .patch(`/api/shifts/${friday.id}`)
      .send({ volunteersNeeded: 4 })
      .expect(200);
    await as(volunteer).delete(`/api/shifts/${saturday.id}/signups/${volunteer.id}`).expect(204);
    const after = await read();
    expect(after.map((event) => event.uid)).toEqual([`shift-${friday.id}@hotline`]);
    expect(Number(after[0].sequence)).toBeGreaterThan(Number(before[0].sequence));

    await as(volunteer).delete('/api/me/calendar-feed').expect(204);
    await hotline.http().get(path).expect(404);
    await hotline.http().get(`/calendar/${randomUUID()}.ics`).expect(404);
  });

  it('texts a reminder the day before and invites people to a shift still short 48 hours ahead', async () => {
    await travelTo('2026-12-05T19:00:00+08:00');
    const [sunday] = await shiftsOn('2026-12-06', '2026-12-06');
    const signedUp = await addPerson(hotline, { phone: '+8613700000001' });
    // Free that evening, and a volunteer: invited to the open places.
    await addPerson(hotline, { phone: '+8613700000002' });
    await as(signedUp).post(`/api/shifts/${sunday.id}/signups`).send({}).expect(201);
    const reminders = hotline.app.get(ShiftRemindersService);
    const sent = await reminders.send();
    expect(sent.reminders).toBeGreaterThanOrEqual(1);
    expect(sent.invitations).toBeGreaterThanOrEqual(1);
    const texts = centre.twilio.requests.filter((request) =>
      request.path.endsWith('/Messages.json'),
    );
    expect(texts.find((text) => text.params.To === '+8613700000001')?.params.Body).toMatch(
      /12-06 18:00-20:00/,
    );
    expect(texts.find((text) => text.params.To === '+8613700000002')?.params.Body).toMatch(
      /places are still open/,
    );
    expect(texts.filter((text) => text.params.To === '+8613700000001')).toHaveLength(1);
    expect(await reminders.send()).toEqual({ reminders: 0, invitations: 0 });
  });

  it('texts a crisis to the supervisor on the current shift rather than one merely signed in', async () => {
    await travelTo('2026-12-06T17:00:00+08:00');
    const [sunday] = await shiftsOn('2026-12-06', '2026-12-06');
    const onShift = await addPerson(hotline, { roles: ['supervisor'], phone: '+8613600000001' });
    const signedIn = await addPerson(hotline, { roles: ['supervisor'], phone: '+8613600000002' });
    await as(coordinator)
      .post(`/api/shifts/${sunday.id}/signups`)
      .send({ slot: 'supervisor', volunteerId: onShift.id })
      .expect(201);
    await travelTo('2026-12-06T18:30:00+08:00', signedIn);
    await as(signedIn).put('/api/me/presence').send({ state: 'break' }).expect(200);

    const before = centre.twilio.requests.length;
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.post('menu?step=caller', { Digits: '9' });
    const text = await centre.twilio.next(
      (request) =>
        centre.twilio.requests.indexOf(request) >= before &&
        request.path.endsWith('/Messages.json'),
    );
    expect(text.params.To).toBe('+8613600000001');
    await call.hangUp();
    const crisisTexts = centre.twilio.requests
      .slice(before)
      .filter((request) => request.path.endsWith('/Messages.json'));
    expect(crisisTexts.map((request) => request.params.To)).toEqual(['+8613600000001']);
  });
});
