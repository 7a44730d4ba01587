import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { ROUTINE_CONTACT, callRecord, duty } from './support/duty';
import { CallCentre, PhoneCall, says, startCallCentre } from './support/twilio';

const EVENING = '2026-11-23T19:00:00+08:00';

describe('a call, from the first ring to wrap-up', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;

  beforeAll(async () => {
    centre = await startCallCentre({ HOTLINE_CLOCK_START: EVENING });
    ({ hotline, twilio, admin } = centre);
  });
  afterAll(() => centre.stop());

  const offerOf = (person: Person) => duty(hotline, person).offer();
  const callRow = (callSid: string) => callRecord(hotline, callSid);
  const available = (person: Person) => duty(hotline, person).available();

  it('connects a pupil to an available volunteer and records the consultation', async () => {
    const phone = ownPhone();
    const volunteer = await addPerson(hotline, {
      topicSkills: ['emotional'],
      softphoneIdentity: 'wang-laoshi',
      phone,
    });
    expect((await available(volunteer)).body.state).toBe('available');

    const call = new PhoneCall(hotline.baseUrl);
    const greeting = await call.dial();
    expect(greeting.status).toBe(200);
    expect(greeting.twiml).toContain('<Gather');
    expect(says(greeting.twiml).join(' ')).toMatch(/学生请按1/);

    const queued = await call.choose('1', '1');
    expect(queued.twiml).toMatch(
      /<Enqueue [^>]*waitUrl="https:\/\/hotline\.test\/twilio\/voice\/wait"/,
    );
    await call.hold('QU11111111111111111111111111111111');

    const offer = await offerOf(volunteer);
    expect(offer).toMatchObject({
      callerType: 'pupil',
      topic: 'emotional',
      priority: 'normal',
      earlierContacts: 0,
    });
    expect(JSON.stringify(offer)).not.toContain(call.from.slice(3));

    await hotline.as(volunteer.token).post(`/api/offers/${offer.offerId}/accept`).expect(204);
    const dequeue = await twilio.next((request) =>
      request.path.endsWith(`/Members/${call.callSid}.json`),
    );
    expect(dequeue.path).toContain('/Queues/QU11111111111111111111111111111111/');
    expect(dequeue.params.Url).toBe(
      `https://hotline.test/twilio/voice/connect?call=${offer.callId}`,
    );

    // The caller waits in the call's own conference, which ends when they leave; no beep.
    const joined = await call.post(`connect?call=${offer.callId}`);
    expect(joined.twiml).toContain(
      `<Dial action="https://hotline.test/twilio/voice/dial-result?call=${offer.callId}" method="POST"><Conference beep="false" startConferenceOnEnter="false" endConferenceOnExit="true" participantLabel="caller" statusCallback="https://hotline.test/twilio/voice/conference?call=${offer.callId}" statusCallbackMethod="POST" statusCallbackEvent="start end join leave mute hold">call-${offer.callId}</Conference></Dial>`,
    );
    // No softphone key on this server: the hotline rings the volunteer's phone, screened.
    const leg = await twilio.next((request) => request.path.endsWith('/Calls.json'));
    expect(leg.params).toMatchObject({
      To: phone,
      Url: `https://hotline.test/twilio/voice/screen?call=${offer.callId}`,
      StatusCallback: `https://hotline.test/twilio/voice/conference/leg?call=${offer.callId}`,
    });

    const after = await call.answered(offer.callId);
    expect(after.twiml).toContain('<Hangup/>');
    await call.hangUp();

    // Going available skips the contact record: refused until it is written.
    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'available' })
      .expect(409);
    const wrapped = await duty(hotline, volunteer).wrapUp(offer.callId).expect(200);
    expect(wrapped.body.contact).toMatchObject({
      channel: 'phone',
      callId: offer.callId,
      volunteerId: volunteer.id,
      categorised: true,
      primaryTopic: 'emotional.anxiety_stress',
    });
    const record = await callRow(call.callSid);
    expect(record).toMatchObject({
      outcome: 'answered',
      status: 'ended',
      caller_type: 'pupil',
      topic: 'emotional',
      volunteer_id: volunteer.id,
    });
    expect(record.caller_number_encrypted).not.toContain(call.from.slice(3));
    expect(Number(record.wait_seconds)).toBeGreaterThanOrEqual(0);
    // Answered when the volunteer joined the conference; the talk runs until the caller left.
    expect(record.answered_at).not.toBeNull();
    const instant = (value: unknown) => new Date(value as string | Date).getTime();
    const talked = (instant(record.ended_at) - instant(record.answered_at)) / 1000;
    expect(Math.abs(Number(record.talk_seconds) - talked)).toBeLessThanOrEqual(1);
  });

  it("plays the hotline's recorded welcome instead of speaking it, the menu's keys still heard", async () => {
    const welcome = 'https://media.example.org/hotline/welcome.mp3?v=2&lang=zh';
    const hotlineId = (await hotline.as(admin).get('/api/hotlines').expect(200)).body[0].id;
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ greetings: { welcome } })
      .expect(200);
    try {
      const call = new PhoneCall(hotline.baseUrl);
      const greeting = await call.dial();
      // Inside the menu's <Gather>: a key pressed during the recording is heard.
      expect(greeting.twiml).toMatch(
        /<Gather [^>]*><Play>https:\/\/media\.example\.org\/hotline\/welcome\.mp3\?v=2&amp;lang=zh<\/Play><Say [^>]*>如果你现在有危险，请按9。学生请按1/,
      );
      expect(says(greeting.twiml).join(' ')).not.toMatch(/您好，这里是/);
      await call.hangUp();
    } finally {
      await hotline
        .as(admin)
        .patch(`/api/hotlines/${hotlineId}`)
        .send({ greetings: { welcome: null } })
        .expect(200);
    }
    const again = new PhoneCall(hotline.baseUrl);
    const spoken = await again.dial();
    expect(spoken.twiml).not.toContain('<Play>');
    expect(says(spoken.twiml).join(' ')).toMatch(/您好，这里是/);
    await again.hangUp();
  });

  it('keeps the volunteer in wrap-up after the call until they record the contact', async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['learning'], phone: ownPhone() });
    await available(volunteer);
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('2', '2');
    const offer = await offerOf(volunteer);
    await hotline.as(volunteer.token).post(`/api/offers/${offer.offerId}/accept`).expect(204);
    await call.answered(offer.callId);

    const queue = await hotline.as(admin).get('/api/queue').expect(200);
    expect(queue.body.volunteers.find((v: { id: string }) => v.id === volunteer.id)).toMatchObject({
      state: 'wrap_up',
      callsHandled: 1,
    });
    const withoutTopic = await duty(hotline, volunteer)
      .wrapUp(offer.callId, { riskLevel: 'none', outcome: 'advice_given' })
      .expect(400);
    expect(withoutTopic.body.fields.primaryTopic).toEqual([
      'primaryTopic is required: a topic key from GET /api/taxonomy',
    ]);
    expect(
      (
        await duty(hotline, volunteer)
          .wrapUp(offer.callId, { ...ROUTINE_CONTACT, otherTopics: ['learning.nope'] })
          .expect(400)
      ).body.message,
    ).toEqual(['otherTopics has unknown topic keys (learning.nope); see GET /api/taxonomy']);
    await duty(hotline, volunteer).wrapUp(offer.callId).expect(200);
    const after = await hotline.as(admin).get('/api/queue').expect(200);
    expect(after.body.volunteers.find((v: { id: string }) => v.id === volunteer.id)).toMatchObject({
      state: 'available',
    });
    // A second submission corrects the same record rather than adding one.
    await duty(hotline, volunteer)
      .wrapUp(offer.callId, { ...ROUTINE_CONTACT, riskLevel: 'medium' })
      .expect(200);
    const rows = await hotline.database.query<{ risk_level: string }>(
      'SELECT risk_level FROM contact WHERE call_id = ?',
      [offer.callId],
    );
    expect(rows).toEqual([{ risk_level: 'medium' }]);
  });
});
