import { ManualClock } from '@hotline/clock';
import type { FakeTwilio, FakeTwilioRequest } from '@hotline/telephony/testing/fake-twilio';
import { HotlineEvent, HotlineEvents } from '../apps/hotline/src/events/hotline-events';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { callRecord, duty, eventually } from './support/duty';
import {
  CallCentre,
  PUBLIC_BASE_URL,
  PhoneCall,
  TWILIO,
  says,
  startCallCentre,
} from './support/twilio';

const QUEUE = 'QU0000000000000000000000000000000b';
const placed = (to: string) => (request: FakeTwilioRequest) =>
  request.path.endsWith('/Calls.json') && request.params.To === to;
const moved = (callSid: string) => (request: FakeTwilioRequest) =>
  request.path.endsWith(`/Members/${callSid}.json`);
/** Lets the switchboard's timer (which reads the clock at least once a second) catch up. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_300));

describe('the escalation ladder and missed offers', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;
  const supervisors: (Person & { phone: string })[] = [];
  const events: HotlineEvent[] = [];

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline, twilio, admin } = centre);
    hotline.app.get(HotlineEvents).stream.subscribe((event) => events.push(event));
    for (const phone of ['+8613900000011', '+8613900000012']) {
      const supervisor = await addPerson(hotline, { roles: ['supervisor'], phone });
      // On duty, not taking calls.
      await hotline.as(supervisor.token).put('/api/me/presence').send({ state: 'break' });
      supervisors.push({ ...supervisor, phone });
    }
  });
  afterAll(() => centre.stop());

  async function crisisCaller(): Promise<{ call: PhoneCall; callId: string }> {
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    const answer = await call.post('menu?step=caller', { Digits: '9' });
    expect(answer.twiml).toContain('<Enqueue');
    await call.hold(QUEUE);
    const { id } = (await callRecord(hotline, call.callSid)) as { id: string };
    return { call, callId: id };
  }

  /** The supervisor's phone leg, as Twilio plays it once they answer. */
  const supervisorLeg = () => new PhoneCall(hotline.baseUrl, TWILIO.number);
  const pathOf = (url: string) => url.replace(`${PUBLIC_BASE_URL}/twilio/voice/`, '');

  it('rings the supervisors on duty at 20 s; the first to press 1 gets the caller in a conference', async () => {
    const { call, callId } = await crisisCaller();
    clock.advance({ seconds: 19 });
    await settle();
    expect(twilio.requests.filter(placed(supervisors[0].phone))).toEqual([]);

    clock.advance({ seconds: 1 });
    const rings = await Promise.all(supervisors.map((s) => twilio.next(placed(s.phone))));
    for (const [index, ring] of rings.entries()) {
      expect(ring.params).toMatchObject({
        From: TWILIO.number,
        Method: 'POST',
        Url: `${PUBLIC_BASE_URL}/twilio/voice/ladder/supervisor?call=${callId}&supervisor=${supervisors[index].id}`,
      });
    }
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'crisis.escalated', callId, step: 'supervisors' }),
    );

    const first = supervisorLeg();
    const asked = await first.post(pathOf(rings[0].params.Url), { To: supervisors[0].phone });
    expect(asked.twiml).toContain('<Gather');
    expect(says(asked.twiml).join(' ')).toMatch(/危险键.*按1/);
    const take = asked.twiml.match(/action="([^"]+)"/)![1].replace(/&amp;/g, '&');
    const joined = await first.post(pathOf(take), { Digits: '1' });
    expect(joined.twiml).toContain(`<Conference`);
    expect(joined.twiml).toContain(`crisis-${callId}</Conference>`);

    // The caller is moved out of the queue into the same conference.
    const move = await twilio.next(moved(call.callSid));
    expect(move.path).toContain(`/Queues/${QUEUE}/`);
    expect(move.params.Url).toBe(`${PUBLIC_BASE_URL}/twilio/voice/ladder/caller?call=${callId}`);
    const callerSide = await call.post(`ladder/caller?call=${callId}`);
    expect(callerSide.twiml).toContain(`crisis-${callId}</Conference>`);

    // The other supervisor is too late.
    const second = supervisorLeg();
    const late = await second.post(pathOf(rings[1].params.Url), { To: supervisors[1].phone });
    expect(late.twiml).not.toContain('<Gather');
    expect(says(late.twiml).join(' ')).toMatch(/已经有人接听/);
    const lateTake = await second.post(
      `ladder/take?call=${callId}&supervisor=${supervisors[1].id}`,
      { Digits: '1' },
    );
    expect(lateTake.twiml).not.toContain('<Conference');

    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'talking',
      outcome: 'answered',
      volunteer_id: supervisors[0].id,
      forwarded_to: null,
    });
    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({ status: 'ended' });
  });

  it('forwards a crisis caller nobody took to the crisis line at 60 s', async () => {
    const { call, callId } = await crisisCaller();
    clock.advance({ seconds: 20 });
    await twilio.next(
      (request) => placed(supervisors[0].phone)(request) && request.params.Url.includes(callId),
    );
    clock.advance({ seconds: 39 });
    await settle();
    expect(twilio.requests.filter(moved(call.callSid))).toEqual([]);

    clock.advance({ seconds: 1 });
    const move = await twilio.next(moved(call.callSid));
    expect(move.params.Url).toBe(`${PUBLIC_BASE_URL}/twilio/voice/ladder/forward?call=${callId}`);
    const forward = await call.post(`ladder/forward?call=${callId}`);
    expect(forward.twiml).toMatch(/<Dial[^>]*>12356<\/Dial>/);
    expect(says(forward.twiml).join(' ')).toMatch(/心理援助热线/);
    expect(events).toContainEqual({
      type: 'crisis.escalated',
      hotlineId: centre.hotlineId,
      callId,
      step: 'forwarded',
      forwardedTo: '12356',
    });
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      outcome: 'forwarded',
      forwarded_to: '12356',
    });
    // A supervisor answering now hears that the caller is taken care of.
    const late = await supervisorLeg().post(
      `ladder/supervisor?call=${callId}&supervisor=${supervisors[0].id}`,
    );
    expect(says(late.twiml).join(' ')).toMatch(/已经有人接听/);
    await call.hangUp();
  });

  it('stops the ladder when a volunteer accepts in time', async () => {
    const volunteer = await addPerson(hotline, { phone: '+8613900000031' });
    await duty(hotline, volunteer).available();
    const { call, callId } = await crisisCaller();
    const offer = await duty(hotline, volunteer).offer();
    expect(offer.callId).toBe(callId);
    clock.advance({ seconds: 10 });
    await duty(hotline, volunteer).accept(offer).expect(204);
    await twilio.next(moved(call.callSid));
    // The volunteer's leg rings: the connecting deadline leaves the call to it.
    expect((await call.post(`connect?call=${callId}`)).twiml).toContain('<Conference');
    clock.advance({ seconds: 70 });
    await settle();
    // The caller was moved, the volunteer rung, and nothing else: no supervisor's phone.
    expect(twilio.requests.filter((request) => request.params.Url?.includes(callId))).toEqual([
      expect.objectContaining({
        params: expect.objectContaining({ Url: expect.stringContaining('/connect?call=') }),
      }),
      expect.objectContaining({
        params: expect.objectContaining({
          To: '+8613900000031',
          Url: expect.stringContaining('/screen?call='),
        }),
      }),
    ]);
    expect(
      events.filter((event) => event.type === 'crisis.escalated' && event.callId === callId),
    ).toEqual([]);
    await call.hangUp();
    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'offline' })
      .expect(200);
  });

  it('makes a missed volunteer available after 30 s, and puts one who misses twice on break', async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['learning'] });
    await duty(hotline, volunteer).available();
    const state = async () =>
      (await hotline.as(admin).get('/api/queue').expect(200)).body.volunteers.find(
        (v: { id: string }) => v.id === volunteer.id,
      ).state as string;

    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '2');
    await duty(hotline, volunteer)
      .decline(await duty(hotline, volunteer).offer())
      .expect(204);
    await call.hangUp();
    expect(await state()).toBe('missed');
    clock.advance({ seconds: 30 });
    await eventually(async () => ((await state()) === 'available' ? true : undefined), 'recovery');

    const again = new PhoneCall(hotline.baseUrl);
    await again.dial();
    await again.choose('1', '2');
    await duty(hotline, volunteer).offer();
    clock.advance({ seconds: 20 }); // the ring times out: a second miss in a row
    await eventually(async () => ((await state()) === 'break' ? true : undefined), 'the break');
    // The wall is told once the presence is written, a moment after the queue shows it.
    const told = await eventually(
      async () =>
        events.find(
          (event) => event.type === 'volunteer.missed_twice' && event.volunteerId === volunteer.id,
        ),
      'the supervisors told of the second miss',
    );
    expect(told).toEqual({
      type: 'volunteer.missed_twice',
      hotlineId: centre.hotlineId,
      volunteerId: volunteer.id,
    });
    await again.hangUp();
  });

  it('lets a supervisor set a volunteer available, on break or offline, never off a call', async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['learning'] });
    const move = (state: string, token = supervisors[0].token) =>
      hotline.as(token).put(`/api/volunteers/${volunteer.id}/presence`).send({ state });
    expect((await move('available').expect(200)).body.state).toBe('available');
    expect((await move('break').expect(200)).body.state).toBe('break');
    expect((await move('available').expect(200)).body.state).toBe('available');

    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '2');
    await duty(hotline, volunteer)
      .accept(await duty(hotline, volunteer).offer())
      .expect(204);
    await move('offline').expect(409);
    await move('available', volunteer.token).expect(403);
    await call.hangUp();
    expect((await move('offline').expect(200)).body.state).toBe('offline');
  });
});
