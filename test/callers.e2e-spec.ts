import { ManualClock } from '@hotline/clock';
import { StatsRebuildService } from '../apps/hotline/src/statistics/stats-rebuild.service';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { connectedCall } from './support/callers';
import { ROUTINE_CONTACT, callRecord, duty } from './support/duty';
import { CallCentre, PhoneCall, attribute, says, startCallCentre } from './support/twilio';

const EVENING = '2026-11-23T19:00:00+08:00';

describe('abusive, silent and prank callers', () => {
  const clock = new ManualClock(EVENING);
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;
  let hotlineId: string;
  let volunteer: Person;
  let supervisor: Person;

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline, twilio, admin, hotlineId } = centre);
    // Skilled for the calls' topic: on a stopped clock, no skill fallback comes.
    volunteer = await addPerson(hotline, { phone: ownPhone(), topicSkills: ['emotional'] });
    supervisor = await addPerson(hotline, { roles: ['supervisor'] });
  });
  afterAll(() => centre.stop());

  const connected = (from?: string) => connectedCall(hotline, volunteer, from);

  /** A call answered by the volunteer, the talk over. */
  async function answeredCall(from?: string) {
    const { call, offer, dialAction } = await connected(from);
    await call.follow(dialAction, { DialCallStatus: 'completed', DialCallDuration: '30' });
    return { call, offer };
  }

  /** Moves the hotline's clock on; sessions run out with it, so everyone signs in again. */
  async function later(duration: { days?: number; minutes?: number }) {
    clock.advance(duration);
    admin = await hotline.signIn();
    for (const person of [volunteer, supervisor])
      person.token = await hotline.signIn(person.email, person.password);
  }

  /** The statistics of the hotline's current month (the clock moves on in these tests). */
  const thisMonth = () => clock.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');
  const monthly = async () =>
    (await hotline.as(admin).get(`/api/stats/monthly?month=${thisMonth()}`).expect(200)).body;

  it('records a silent call at wrap-up without topic, risk or outcome, counted apart', async () => {
    const before = await monthly();
    const { call, offer } = await answeredCall();
    await call.hangUp();
    // A counselling contact still needs its topic.
    await duty(hotline, volunteer).wrapUp(offer.callId, { riskLevel: 'none' }).expect(400);
    const wrapped = await duty(hotline, volunteer)
      .wrapUp(offer.callId, { contactType: 'silent' })
      .expect(200);
    expect(wrapped.body.contact).toMatchObject({
      contactType: 'silent',
      categorised: true,
      primaryTopic: null,
      riskLevel: null,
      outcome: null,
      topics: [],
    });
    const after = await monthly();
    // Not a consultation: counselling figures and topic shares leave it out.
    expect(after.consultations.total).toBe(before.consultations.total);
    expect(after.consultations.notCategorised).toBe(before.consultations.notCategorised);
    expect(after.nonCounselling.total).toBe(before.nonCounselling.total + 1);
    const silent = after.nonCounselling.byType.rows.find(
      (row: { key: string }) => row.key === 'silent',
    );
    expect(silent).toMatchObject({ count: 1, label: { en: 'Silent', 'zh-CN': '无声来电' } });
    expect(after.nonCounselling.byHour).toEqual([{ hour: '19', count: 1 }]);
    // The export lists them apart too, a single one too few to show.
    const csv = await hotline
      .as(admin)
      .get(`/api/stats/monthly?month=${thisMonth()}&format=csv`)
      .expect(200);
    expect(csv.text).toContain('\r\nnon_counselling_type,silent,无声来电,Silent,< 3,\r\n');
    await hotline
      .as(volunteer.token)
      .post(`/api/calls/${offer.callId}/wrap-up`)
      .send({ contactType: 'rude' })
      .expect(400);
  });

  it('blocks from the wall and hangs up; the next call is refused, the danger key still reaches the crisis path', async () => {
    // The supervisor blocks while the volunteer is talking to the caller.
    const { call, offer, dialAction } = await connected();
    // Only supervisors block; a permanent block needs an admin.
    await hotline
      .as(volunteer.token)
      .post(`/api/calls/${offer.callId}/block`)
      .send({ reason: 'abusive' })
      .expect(403);
    await hotline
      .as(supervisor.token)
      .post(`/api/calls/${offer.callId}/block`)
      .send({ reason: 'abusive', permanent: true })
      .expect(403);
    await hotline
      .as(supervisor.token)
      .post(`/api/calls/${offer.callId}/block`)
      .send({ reason: 'because' })
      .expect(400);
    const blocked = await hotline
      .as(supervisor.token)
      .post(`/api/calls/${offer.callId}/block`)
      .send({ reason: 'abusive' })
      .expect(200);
    expect(blocked.body).toMatchObject({
      reason: 'abusive',
      hungUp: true,
      expiresAt: clock.now().plus({ days: 30 }).toUTC().toISO(),
    });
    expect(JSON.stringify(blocked.body)).not.toContain(call.from.slice(3));
    // Twilio was asked to end the caller's call, with the parameters it accepts.
    const ended = await twilio.next((request) =>
      request.path.endsWith(`/Calls/${call.callSid}.json`),
    );
    expect(ended.params).toEqual({ Status: 'completed' });
    await call.follow(dialAction, { DialCallStatus: 'completed', DialCallDuration: '12' });
    await call.hangUp();
    await duty(hotline, volunteer).wrapUp(offer.callId, { contactType: 'abusive' }).expect(200);

    // The same number again: a short message, the emergency numbers, the danger key; no queue.
    const again = new PhoneCall(hotline.baseUrl, call.from);
    const refused = await again.dial();
    expect(says(refused.twiml).join(' ')).toMatch(/这个号码暂时无法接入热线。.*110或120.*请按9/);
    expect(attribute(refused.twiml, 'Gather', 'action')).toBe(
      'https://hotline.test/twilio/voice/menu?step=caller',
    );
    const noKey = await again.post('menu?step=caller', {});
    expect(noKey.twiml).toContain('<Hangup/>');
    expect(await callRecord(hotline, again.callSid)).toMatchObject({
      status: 'ended',
      outcome: 'blocked',
      refusal: 'blocked',
      queued_at: null,
    });

    // A child really in danger presses 9: queued as a crisis all the same.
    const danger = new PhoneCall(hotline.baseUrl, call.from);
    await danger.dial();
    const crisis = await danger.post('menu?step=caller', { Digits: '9' });
    expect(crisis.twiml).toContain('<Enqueue');
    expect(await callRecord(hotline, danger.callSid)).toMatchObject({
      status: expect.stringMatching(/^(waiting|offered)$/),
      priority: 'crisis',
      refusal: 'blocked',
    });
    await danger.hangUp();

    const stats = await monthly();
    expect(stats.calls.blocked).toBe(2);
    // The call itself was recorded as an abusive contact, apart from the consultations.
    expect(stats.nonCounselling.byType.rows).toContainEqual(
      expect.objectContaining({ key: 'abusive', count: 1 }),
    );

    // Every block is audited, without the number.
    const trail = await hotline
      .as(supervisor.token)
      .get(`/api/audit?subjectId=${blocked.body.id}`)
      .expect(200);
    expect(trail.body.map((event: { action: string }) => event.action)).toContain('caller.blocked');
  });

  it('lifts a block at its expiry, and a supervisor may lift one before', async () => {
    const { call, offer } = await answeredCall();
    await call.hangUp();
    await duty(hotline, volunteer).wrapUp(offer.callId, { contactType: 'prank' }).expect(200);
    const [{ id: contactId }] = await hotline.database.query<{ id: string }>(
      'SELECT id FROM contact WHERE call_id = ?',
      [offer.callId],
    );
    const block = await hotline
      .as(supervisor.token)
      .post(`/api/calls/${offer.callId}/block`)
      .send({ reason: 'prank', days: 1 })
      .expect(200);
    expect(block.body.hungUp).toBe(false);
    const listed = await hotline.as(supervisor.token).get('/api/caller-blocks').expect(200);
    expect(listed.body.map((row: { id: string }) => row.id)).toContain(block.body.id);

    const refused = new PhoneCall(hotline.baseUrl, call.from);
    expect(says((await refused.dial()).twiml).join(' ')).toMatch(/无法接入/);
    await refused.hangUp();
    expect(await callRecord(hotline, refused.callSid)).toMatchObject({ outcome: 'blocked' });

    await later({ days: 1, minutes: 1 });
    const expired = new PhoneCall(hotline.baseUrl, call.from);
    expect(says((await expired.dial()).twiml).join(' ')).toMatch(/学生请按1/);
    await expired.hangUp();
    const after = await hotline.as(supervisor.token).get('/api/caller-blocks').expect(200);
    expect(after.body.map((row: { id: string }) => row.id)).not.toContain(block.body.id);

    // Blocked again from the record, and unblocked by a supervisor before it expires.
    const again = await hotline
      .as(supervisor.token)
      .post(`/api/contacts/${contactId}/block`)
      .send({ reason: 'prank' })
      .expect(200);
    await hotline.as(supervisor.token).delete(`/api/caller-blocks/${again.body.id}`).expect(204);
    await hotline.as(supervisor.token).delete(`/api/caller-blocks/${again.body.id}`).expect(404);
    const trail = await hotline
      .as(supervisor.token)
      .get(`/api/audit?subjectId=${again.body.id}`)
      .expect(200);
    expect(trail.body.map((event: { action: string }) => event.action).sort()).toEqual([
      'caller.blocked',
      'caller.unblocked',
    ]);
    // An admin may block for good; a supervisor may still lift it.
    const forever = await hotline
      .as(admin)
      .post(`/api/contacts/${contactId}/block`)
      .send({ reason: 'prank', permanent: true })
      .expect(200);
    expect(forever.body.expiresAt).toBeNull();
    await later({ days: 400 });
    const stillBlocked = new PhoneCall(hotline.baseUrl, call.from);
    expect(says((await stillBlocked.dial()).twiml).join(' ')).toMatch(/无法接入/);
    await stillBlocked.hangUp();
    await hotline.as(supervisor.token).delete(`/api/caller-blocks/${forever.body.id}`).expect(204);
    const open = new PhoneCall(hotline.baseUrl, call.from);
    expect(says((await open.dial()).twiml).join(' ')).toMatch(/学生请按1/);
    await open.hangUp();
  });

  it('refuses the calls over the limit per number, the danger key still working', async () => {
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ routing: { callerLimitCalls: 3, callerLimitMinutes: 30 } })
      .expect(200);
    const from = `+86137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    for (let index = 0; index < 3; index += 1) {
      const call = new PhoneCall(hotline.baseUrl, from);
      expect(says((await call.dial()).twiml).join(' ')).toMatch(/学生请按1/);
      await call.hangUp();
      clock.advance({ minutes: 1 });
    }
    const fourth = new PhoneCall(hotline.baseUrl, from);
    expect(says((await fourth.dial()).twiml).join(' ')).toMatch(/打了很多次电话.*请按9/);
    const crisis = await fourth.post('menu?step=caller', { Digits: '9' });
    expect(crisis.twiml).toContain('<Enqueue');
    expect(await callRecord(hotline, fourth.callSid)).toMatchObject({
      refusal: 'over_limit',
      priority: 'crisis',
    });
    await fourth.hangUp();
    const stats = await monthly();
    expect(stats.calls.overLimit).toBe(1);

    // Half an hour on, the number may call again.
    await later({ minutes: 31 });
    const again = new PhoneCall(hotline.baseUrl, from);
    expect(says((await again.dial()).twiml).join(' ')).toMatch(/学生请按1/);
    await again.hangUp();
  });

  it("shows the caller's flags and guidance on the offer, the guidance audited", async () => {
    const first = await answeredCall();
    await first.call.hangUp();
    await duty(hotline, volunteer)
      .wrapUp(first.offer.callId, { contactType: 'hung_up' })
      .expect(200);
    const profile = await hotline
      .as(supervisor.token)
      .put(`/api/calls/${first.offer.callId}/caller`)
      .send({
        flags: ['at_risk', 'known_case'],
        guidance: 'Ask about the school counsellor appointment.',
      })
      .expect(200);
    expect(profile.body).toMatchObject({
      contacts: 1,
      byType: [{ type: 'hung_up', count: 1 }],
      flags: ['at_risk', 'known_case'],
      guidance: 'Ask about the school counsellor appointment.',
      block: null,
    });
    await hotline.as(volunteer.token).get(`/api/calls/${first.offer.callId}/caller`).expect(403);
    await hotline
      .as(supervisor.token)
      .put(`/api/calls/${first.offer.callId}/caller`)
      .send({ flags: ['nice'] })
      .expect(400);
    const [stored] = await hotline.database.query<{ guidance_encrypted: string }>(
      'SELECT guidance_encrypted FROM caller_profile',
    );
    expect(stored.guidance_encrypted).not.toContain('counsellor');

    await duty(hotline, volunteer).available();
    const next = new PhoneCall(hotline.baseUrl, first.call.from);
    await next.dial();
    await next.choose('1', '1');
    await next.hold();
    const offer = await duty(hotline, volunteer).offer();
    expect(offer).toMatchObject({
      callerFlags: ['at_risk', 'known_case'],
      guidance: 'Ask about the school counsellor appointment.',
    });
    const trail = await hotline.as(admin).get('/api/audit?subjectType=caller_profile').expect(200);
    expect(trail.body.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['caller.guidance.written', 'caller.guidance.shown']),
    );
    await next.hangUp();
    expect(hotline.logs()).not.toContain(first.call.from.slice(3));
    expect(hotline.logs()).not.toContain('school counsellor');
  });

  it('keeps the rollups equal to a rebuild, non-counselling contacts and refused calls included', async () => {
    // A consultation entered by hand, then corrected into a test contact.
    const created = await hotline
      .as(volunteer.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        channel: 'online',
        occurredAt: clock.now().minus({ hours: 1 }).toISO(),
      })
      .expect(201);
    const corrected = await hotline
      .as(volunteer.token)
      .patch(`/api/contacts/${created.body.contact.id}`)
      .send({ contactType: 'test' })
      .expect(200);
    expect(corrected.body.contact).toMatchObject({ contactType: 'test', topics: [] });

    const cells = async () =>
      (
        await hotline.database.query<Record<string, unknown>>(
          'SELECT day AS period, metric, bucket, count, total, peak FROM stats_day WHERE count <> 0 ' +
            'UNION ALL SELECT month, metric, bucket, count, total, peak FROM stats_month WHERE count <> 0 ' +
            'ORDER BY period, metric, bucket',
        )
      ).map(
        (row) => `${row.period} ${row.metric} ${row.bucket} ${row.count} ${row.total} ${row.peak}`,
      );
    const live = await cells();
    expect(live.some((cell) => / non_counselling test 1 /.test(cell))).toBe(true);
    expect(live.some((cell) => / refused over_limit 1 /.test(cell))).toBe(true);
    await hotline.app.get(StatsRebuildService).rebuildAll();
    expect(await cells()).toEqual(live);
  });
});
