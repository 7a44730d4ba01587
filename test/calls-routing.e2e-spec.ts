import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { RunningHotline } from './support/hotline-server';
import { addPerson } from './support/people';
import { callRecord, duty, eventually, onBreak } from './support/duty';
import { CallCentre, PhoneCall, says, startCallCentre } from './support/twilio';

// The hotline clock runs 20 times faster, so a 5 s ring lapses in a quarter of a real second.
const FAST_EVENING = {
  HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00',
  HOTLINE_CLOCK_SPEED: '20',
};

describe('routing calls among volunteers', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;
  let hotlineId: string;

  beforeAll(async () => {
    centre = await startCallCentre(FAST_EVENING);
    ({ hotline, twilio, admin, hotlineId } = centre);
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({
        routing: { offerTimeoutSeconds: 5, skillFallbackSeconds: 3600, maxWaitSeconds: 7200 },
      })
      .expect(200);
    // On duty but answering nothing: callers queue and hold, as when everyone is busy.
    await onBreak(hotline, await addPerson(hotline));
  });
  afterAll(() => centre.stop());

  const queue = async () => (await hotline.as(admin).get('/api/queue').expect(200)).body;
  const everyoneOffline = async (...people: { token: string }[]) => {
    for (const person of people)
      await hotline.as(person.token).put('/api/me/presence').send({ state: 'offline' }).expect(200);
  };

  it('re-offers a declined call to the next volunteer, and the decliner rests as "missed"', async () => {
    const first = await addPerson(hotline, { topicSkills: ['parent_child'] });
    const second = await addPerson(hotline, { topicSkills: ['parent_child'] });
    await duty(hotline, first).available();
    await duty(hotline, second).available();

    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('2', '3');
    // Longest idle goes first.
    const offer = await duty(hotline, first).offer();
    await duty(hotline, first).decline(offer).expect(204);
    const next = await duty(hotline, second).offer();
    expect(next.callId).toBe(offer.callId);
    expect((await queue()).volunteers.find((v: { id: string }) => v.id === first.id).state).toBe(
      'missed',
    );
    await duty(hotline, first).accept(offer).expect(409);

    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      outcome: 'abandoned',
      offer_count: 2,
    });
    await everyoneOffline(first, second);
  });

  it('re-offers a call whose ring timed out, keeping its place in the queue', async () => {
    const slow = await addPerson(hotline, { topicSkills: ['learning'] });
    const quick = await addPerson(hotline, { topicSkills: ['learning'] });
    await duty(hotline, slow).available();

    const earlier = new PhoneCall(hotline.baseUrl);
    await earlier.dial();
    await earlier.choose('1', '2');
    const unanswered = await duty(hotline, slow).offer();
    const later = new PhoneCall(hotline.baseUrl);
    await later.dial();
    await later.choose('1', '2');

    // The slow volunteer's ring lapses (5 clock seconds); they rest as "missed".
    await eventually(async () => {
      const state = (await queue()).volunteers.find((v: { id: string }) => v.id === slow.id).state;
      return state === 'missed' ? state : undefined;
    }, 'the ring to time out');
    expect(
      (await queue()).calls.map((c: { callId: string; phase: string }) => [c.callId, c.phase]),
    ).toEqual([
      [unanswered.callId, 'waiting'],
      [expect.any(String), 'waiting'],
    ]);
    // The earlier caller kept their place: offered first to the next volunteer.
    await duty(hotline, quick).available();
    const reoffered = await duty(hotline, quick).offer();
    expect(reoffered.callId).toBe(unanswered.callId);

    await earlier.hangUp();
    await later.hangUp();
    await everyoneOffline(slow, quick);
  });

  it('puts a caller in danger ahead of everyone and alerts at once', async () => {
    const calm = new PhoneCall(hotline.baseUrl);
    await calm.dial();
    await calm.choose('1', '1');
    const danger = new PhoneCall(hotline.baseUrl);
    await danger.dial();
    const answer = await danger.post('menu?step=caller', { Digits: '9' });
    expect(answer.twiml).toContain('<Enqueue');
    expect(says(answer.twiml).join(' ')).toMatch(/110|120/);

    const waiting = (await queue()).calls;
    expect(waiting.map((c: { priority: string }) => c.priority)).toEqual(['crisis', 'normal']);
    expect(waiting[0]).toMatchObject({ topic: 'self_harm_suicide', phase: 'waiting' });

    // Crisis calls go to any volunteer at once, skills or not.
    const anyone = await addPerson(hotline, { topicSkills: ['learning'] });
    await duty(hotline, anyone).available();
    const offer = await duty(hotline, anyone).offer();
    expect(offer).toMatchObject({ priority: 'crisis', callId: waiting[0].callId });

    await danger.hangUp();
    await calm.hangUp();
    await everyoneOffline(anyone);
  });

  it('takes a caller out of the queue after the longest wait and offers a call-back', async () => {
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ routing: { maxWaitSeconds: 30 } })
      .expect(200);
    try {
      const call = new PhoneCall(hotline.baseUrl);
      await call.dial();
      await call.choose('3', '4');
      // 30 clock seconds pass in 1.5 real seconds.
      const leave = await eventually(async () => {
        const answer = await call.hold();
        return answer.twiml.includes('<Leave/>') ? answer : undefined;
      }, 'the caller to be taken out of the queue');
      expect(leave.status).toBe(200);
      const offer = await call.post('queue-result', { QueueResult: 'leave', QueueTime: '30' });
      expect(offer.twiml).toMatch(
        /<Gather [^>]*action="https:\/\/hotline\.test\/twilio\/voice\/choice\?reason=overflow"/,
      );
      const recorded = await call.post('choice?reason=overflow', { Digits: '2' });
      expect(recorded.twiml).toContain('<Hangup/>');
      await call.hangUp();
      expect(await callRecord(hotline, call.callSid)).toMatchObject({
        outcome: 'overflow_callback',
        status: 'ended',
      });

      const { token: supervisor } = await addPerson(hotline, { roles: ['supervisor'] });
      const callbacks = await hotline.as(supervisor).get('/api/callback-requests').expect(200);
      expect(callbacks.body.items).toEqual([
        expect.objectContaining({
          canCallBack: true,
          reason: 'overflow',
          forDate: '2026-11-23',
        }),
      ]);
    } finally {
      await hotline
        .as(admin)
        .patch(`/api/hotlines/${hotlineId}`)
        .send({ routing: { maxWaitSeconds: 7200 } })
        .expect(200);
    }
  });

  it('tells callers when the queue is full, except a caller in danger', async () => {
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ routing: { maxQueueSize: 1 } })
      .expect(200);
    try {
      const first = new PhoneCall(hotline.baseUrl);
      await first.dial();
      await first.choose('1', '1');
      const second = new PhoneCall(hotline.baseUrl);
      await second.dial();
      const full = await second.choose('1', '1');
      expect(full.twiml).not.toContain('<Enqueue');
      expect(full.twiml).toContain('<Hangup/>');
      expect(says(full.twiml).join(' ')).toMatch(/12356/);
      expect(await callRecord(hotline, second.callSid)).toMatchObject({
        outcome: 'queue_full',
        status: 'ended',
      });

      const danger = new PhoneCall(hotline.baseUrl);
      await danger.dial();
      expect((await danger.post('menu?step=caller', { Digits: '9' })).twiml).toContain('<Enqueue');
      await first.hangUp();
      await danger.hangUp();
    } finally {
      await hotline
        .as(admin)
        .patch(`/api/hotlines/${hotlineId}`)
        .send({ routing: { maxQueueSize: 50 } })
        .expect(200);
    }
  });

  it('sends the caller back to the queue when the volunteer does not pick up', async () => {
    const volunteer = await addPerson(hotline, {
      topicSkills: ['other'],
      answerBy: 'phone',
      phone: '+8613700000009',
    });
    await duty(hotline, volunteer).available();
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '4');
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    await twilio.next((request) => request.path.endsWith(`/Calls/${call.callSid}.json`));
    await call.post(`connect?call=${offer.callId}`);
    const leg = await call.legRung(offer.callId);
    expect(leg.params.To).toBe('+8613700000009');

    // Unanswered, the leg ends: Twilio is told to send the caller back from the conference.
    const before = twilio.requests.length;
    await call.legEnded(offer.callId, 'no-answer');
    const redirect = await twilio.next(
      (request) =>
        twilio.requests.indexOf(request) >= before &&
        request.path.endsWith(`/Calls/${call.callSid}.json`),
    );
    const back = await call.follow(redirect.params.Url);
    expect(back.twiml).toContain('<Enqueue');
    expect((await queue()).calls[0]).toMatchObject({ callId: offer.callId, phase: 'waiting' });
    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({ outcome: 'abandoned' });
    await everyoneOffline(volunteer);
  });
});
