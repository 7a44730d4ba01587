import { RunningHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { callRecord, duty } from './support/duty';
import { openConsole } from './support/console';
import {
  CallCentre,
  PhoneCall,
  TWILIO,
  attribute,
  conferenceOf,
  says,
  startCallCentre,
} from './support/twilio';

const EVENING = '2026-11-23T19:00:00+08:00';
const API_KEY = {
  TWILIO_API_KEY_SID: `SK${'2'.repeat(32)}`,
  TWILIO_API_KEY_SECRET: 'api-key-secret-0123456789',
};
let phones = 0;
const aPhone = () => `+861370000${String((phones += 1)).padStart(4, '0')}`;

/** A caller waiting on the `other` topic, and the volunteer who accepted them. */
async function acceptedCall(hotline: RunningHotline, volunteer: Person) {
  await duty(hotline, volunteer).available();
  const call = new PhoneCall(hotline.baseUrl);
  await call.dial();
  await call.choose('1', '4');
  const offer = await duty(hotline, volunteer).offer();
  await duty(hotline, volunteer).accept(offer).expect(204);
  return { call, callId: offer.callId };
}

const offline = (hotline: RunningHotline, person: Person) =>
  hotline.as(person.token).put('/api/me/presence').send({ state: 'offline' }).expect(200);

describe("answering on a volunteer's own phone: the take-the-call screen", () => {
  let centre: CallCentre;
  let hotline: RunningHotline;

  beforeAll(async () => {
    centre = await startCallCentre({ HOTLINE_CLOCK_START: EVENING });
    ({ hotline } = centre);
  });
  afterAll(() => centre.stop());

  const phoneVolunteer = () =>
    addPerson(hotline, { topicSkills: ['other'], answerBy: 'phone', phone: aPhone() });

  it("rings the phone behind a screen; pressing 1 joins the caller's conference and answers the call", async () => {
    const volunteer = await phoneVolunteer();
    const { call, callId } = await acceptedCall(hotline, volunteer);

    const joined = await call.post(`connect?call=${callId}`);
    expect(conferenceOf(joined.twiml)).toBe(`call-${callId}`);
    expect(attribute(joined.twiml, 'Dial', 'action')).toBe(
      `https://hotline.test/twilio/voice/dial-result?call=${callId}`,
    );
    const leg = await call.legRung(callId);
    expect(leg.params).toMatchObject({
      To: expect.stringMatching(/^\+86137/),
      From: TWILIO.number,
      Url: `https://hotline.test/twilio/voice/screen?call=${callId}`,
      Timeout: '20',
      StatusCallback: `https://hotline.test/twilio/voice/conference/leg?call=${callId}`,
    });

    const asked = await call.follow(leg.params.Url, {}, 'called');
    expect(asked.twiml).toMatch(/<Gather [^>]*numDigits="1"/);
    expect(attribute(asked.twiml, 'Gather', 'action')).toBe(
      `https://hotline.test/twilio/voice/screen?call=${callId}&step=key`,
    );
    expect(says(asked.twiml)[0]).toMatch(/接听请按1/);
    // Nobody pressing: Twilio falls through the <Gather> to the hang-up.
    expect(asked.twiml).toMatch(/<\/Gather>.*<Hangup\/><\/Response>$/);

    const key = attribute(asked.twiml, 'Gather', 'action')!;
    const taken = await call.follow(key, { Digits: '1' }, 'called');
    expect(conferenceOf(taken.twiml)).toBe(`call-${callId}`);
    expect(attribute(taken.twiml, 'Conference', 'participantLabel')).toBe('volunteer');
    expect(attribute(taken.twiml, 'Conference', 'startConferenceOnEnter')).toBe('true');
    expect(attribute(taken.twiml, 'Conference', 'endConferenceOnExit')).toBe('false');
    expect(taken.twiml).not.toContain('<Say');
    // A retried key press changes nothing.
    await call.follow(key, { Digits: '1' }, 'called');

    await call.enterConference(joined.twiml, taken.twiml);
    const talking = await callRecord(hotline, call.callSid);
    expect(talking).toMatchObject({ status: 'talking', outcome: null });
    expect(talking.answered_at).not.toBeNull();
    expect(talking.conference_sid).toBe(call.conference!.sid);

    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.conferenceEvent('conference-end');
    const after = await call.follow(attribute(joined.twiml, 'Dial', 'action')!, {
      DialCallStatus: 'completed',
      DialCallDuration: '300',
    });
    expect(after.twiml).toContain('<Hangup/>');
    await call.hangUp();
    const record = await callRecord(hotline, call.callSid);
    expect(record).toMatchObject({ outcome: 'answered', status: 'ended' });
    expect(Number(record.talk_seconds)).toBeGreaterThanOrEqual(0);
    await duty(hotline, volunteer).wrapUp(callId).expect(200);
    await offline(hotline, volunteer);
  });

  it.each([
    ['nobody presses a key (a voicemail picked up)', null, 'completed'],
    ['a wrong key is pressed', '2', 'completed'],
    ['the phone is not picked up', undefined, 'no-answer'],
  ])(
    'hangs up the volunteer and puts the caller back in line when %s',
    async (_case, key, legStatus) => {
      const volunteer = await phoneVolunteer();
      const { call, callId } = await acceptedCall(hotline, volunteer);
      await call.post(`connect?call=${callId}`);
      const leg = await call.legRung(callId);
      if (key !== undefined) {
        const asked = await call.follow(leg.params.Url, {}, 'called');
        if (key) {
          const refused = await call.follow(
            attribute(asked.twiml, 'Gather', 'action')!,
            { Digits: key },
            'called',
          );
          expect(refused.twiml).toMatch(/<Hangup\/><\/Response>$/);
        }
      }

      // The volunteer's leg ended without joining: the caller is sent back to their place.
      const before = leg.twilio.requests.length;
      await call.legEnded(callId, legStatus);
      const redirect = await leg.twilio.next(
        (request) =>
          leg.twilio.requests.indexOf(request) >= before &&
          request.path.endsWith(`/Calls/${call.callSid}.json`),
      );
      expect(redirect.params.Url).toBe(`https://hotline.test/twilio/voice/connect?call=${callId}`);
      const back = await call.follow(redirect.params.Url);
      expect(back.twiml).toContain('<Enqueue');
      const record = await callRecord(hotline, call.callSid);
      expect(record).toMatchObject({ status: 'waiting', answered_at: null, outcome: null });
      const queue = (await hotline.as(centre.admin).get('/api/queue').expect(200)).body;
      expect(
        queue.calls.find((queued: { callId: string }) => queued.callId === callId),
      ).toMatchObject({ phase: 'waiting' });
      expect(queue.volunteers.find((v: { id: string }) => v.id === volunteer.id)).toMatchObject({
        state: 'missed',
      });
      // A retried status callback changes nothing.
      await call.legEnded(callId, legStatus);
      expect(await callRecord(hotline, call.callSid)).toMatchObject({ status: 'waiting' });
      await call.hangUp();
      expect(await callRecord(hotline, call.callSid)).toMatchObject({ outcome: 'abandoned' });
      await offline(hotline, volunteer);
    },
  );

  it('rings the phone of a browser volunteer when the server has no softphone key', async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['other'], phone: aPhone() });
    const desk = await openConsole(hotline, volunteer.token);
    try {
      const registered = await desk.socket.emitWithAck('softphone.registered', {
        registered: true,
      });
      expect(registered).toMatchObject({ ok: true, me: { ringsOn: 'phone' } });
      const { call, callId } = await acceptedCall(hotline, volunteer);
      await call.post(`connect?call=${callId}`);
      const leg = await call.legRung(callId);
      expect(leg.params.To).toMatch(/^\+86137/);
      expect(leg.params.Url).toBe(`https://hotline.test/twilio/voice/screen?call=${callId}`);
      // Hung up before the phone was taken: abandoned, and the volunteer is free at once.
      await call.hangUp();
      expect(await callRecord(hotline, call.callSid)).toMatchObject({ outcome: 'abandoned' });
      await offline(hotline, volunteer);
    } finally {
      desk.close();
    }
  });

  it('fails at once, without ringing, for a volunteer nothing of whose can ring', async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['other'] });
    const { call, callId } = await acceptedCall(hotline, volunteer);
    const back = await call.post(`connect?call=${callId}`);
    expect(back.twiml).not.toContain('<Dial');
    expect(back.twiml).toContain('<Enqueue');
    expect(await callRecord(hotline, call.callSid)).toMatchObject({ status: 'waiting' });
    await call.hangUp();
    await offline(hotline, volunteer);
  });
});

describe('answering in the browser: the softphone rings only while registered', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;

  beforeAll(async () => {
    centre = await startCallCentre({ HOTLINE_CLOCK_START: EVENING, ...API_KEY });
    ({ hotline } = centre);
  });
  afterAll(() => centre.stop());

  it('rings the phone until the console reports its softphone, then the softphone', async () => {
    const volunteer = await addPerson(hotline, {
      topicSkills: ['other'],
      phone: aPhone(),
      softphoneIdentity: 'li-laoshi',
    });
    const desk = await openConsole(hotline, volunteer.token);
    expect(desk.snapshot.me.ringsOn).toBe('phone');

    const first = await acceptedCall(hotline, volunteer);
    await first.call.post(`connect?call=${first.callId}`);
    const toPhone = await first.call.legRung(first.callId);
    expect(toPhone.params.Url).toBe(
      `https://hotline.test/twilio/voice/screen?call=${first.callId}`,
    );
    await first.call.legEnded(first.callId, 'no-answer');
    await first.call.hangUp();

    const registered = await desk.socket.emitWithAck('softphone.registered', { registered: true });
    expect(registered).toMatchObject({ ok: true, me: { ringsOn: 'browser' } });
    const second = await acceptedCall(hotline, volunteer);
    const joined = await second.call.post(`connect?call=${second.callId}`);
    const toBrowser = await second.call.legRung(second.callId);
    expect(toBrowser.params).toMatchObject({
      To: 'client:li-laoshi',
      Url: `https://hotline.test/twilio/voice/screen?call=${second.callId}&step=join`,
    });
    // A browser has no voicemail: its leg joins the conference at once.
    const entered = await second.call.follow(toBrowser.params.Url, {}, 'called');
    expect(conferenceOf(entered.twiml)).toBe(`call-${second.callId}`);
    await second.call.enterConference(joined.twiml, entered.twiml);
    await second.call.follow(attribute(joined.twiml, 'Dial', 'action')!, {
      DialCallStatus: 'completed',
      DialCallDuration: '42',
    });
    await second.call.hangUp();
    expect(await callRecord(hotline, second.call.callSid)).toMatchObject({
      outcome: 'answered',
    });
    await duty(hotline, volunteer).wrapUp(second.callId).expect(200);

    // The console that registered it closes: its registration goes with it.
    desk.close();
    const third = await acceptedCall(hotline, volunteer);
    await third.call.post(`connect?call=${third.callId}`);
    expect((await third.call.legRung(third.callId)).params.To).toMatch(/^\+86137/);
    await third.call.hangUp();
  });

  it('refuses a registration report that is not true or false', async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['other'] });
    const desk = await openConsole(hotline, volunteer.token);
    try {
      expect(desk.snapshot.me.ringsOn).toBe('nowhere');
      const refused = await desk.socket.emitWithAck('softphone.registered', {
        registered: 'yes' as unknown as boolean,
      });
      expect(refused).toEqual({ ok: false, error: 'registered must be true or false' });
    } finally {
      desk.close();
    }
  });
});
