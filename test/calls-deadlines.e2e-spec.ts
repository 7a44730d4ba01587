import { ManualClock } from '@hotline/clock';
import type { FakeTwilio, FakeTwilioRequest } from '@hotline/telephony/testing/fake-twilio';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { callRecord, duty, eventually, onBreak } from './support/duty';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

const QUEUE = 'QU0000000000000000000000000000000d';
const moved = (callSid: string) => (request: FakeTwilioRequest) =>
  request.path.endsWith(`/Members/${callSid}.json`);
const asked = (callSid: string) => (request: FakeTwilioRequest) =>
  request.method === 'GET' && request.path.endsWith(`/Calls/${callSid}.json`);
/** Lets the switchboard's timer (which reads the clock at least once a second) catch up. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_300));

describe('every state of a call has a deadline, and an ended call is final', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;
  let volunteer: Person;

  beforeAll(async () => {
    // The routing check every second: the ghost below is settled by it without a long wait.
    centre = await startCallCentre({ ROUTING_CHECK_SECONDS: '1' }, { clock });
    ({ hotline, twilio, admin } = centre);
    // On duty but answering nothing, so callers queue when the volunteer is away.
    await onBreak(hotline, await addPerson(hotline));
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: '+8613900000021' });
  });
  afterAll(() => centre.stop());

  const queued = async (callId: string) =>
    (await hotline.as(admin).get('/api/queue').expect(200)).body.calls.find(
      (c: { callId: string }) => c.callId === callId,
    ) as { phase: string } | undefined;
  const goOffline = () =>
    hotline.as(volunteer.token).put('/api/me/presence').send({ state: 'offline' });

  /** A caller holding, offered to the volunteer, who accepts: Twilio is asked to move them. */
  async function accepted(): Promise<{ call: PhoneCall; callId: string }> {
    await duty(hotline, volunteer).available();
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    await call.hold(QUEUE);
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    return { call, callId: offer.callId };
  }

  it('puts a caller who never reached the dial back in their place after 15 s, and frees the volunteer', async () => {
    const { call, callId } = await accepted();
    await twilio.next(moved(call.callSid));
    // The connect webhook never comes (lost in an outage); the caller is still on the line.
    clock.advance({ seconds: 14 });
    await settle();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({ status: 'connecting' });
    expect((await goOffline()).status).toBe(409);

    clock.advance({ seconds: 1 });
    await twilio.next(asked(call.callSid));
    await eventually(
      async () => ((await queued(callId))?.phase === 'waiting' ? true : undefined),
      'the caller back in the queue',
    );
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'waiting',
      outcome: null,
    });
    expect((await goOffline()).status).toBe(200);
    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({ outcome: 'abandoned' });
  });

  it('settles a caller Twilio has ended as abandoned, never answered', async () => {
    const { call, callId } = await accepted();
    await twilio.next(moved(call.callSid));
    // The caller hung up; the status callback was lost.
    twilio.setCallStatus(call.callSid, 'canceled');
    clock.advance({ seconds: 15 });
    const record = await eventually(async () => {
      const row = await callRecord(hotline, call.callSid);
      return row.outcome ? row : undefined;
    }, 'the call settled');
    expect(record).toMatchObject({ status: 'ended', outcome: 'abandoned', answered_at: null });
    expect(await queued(callId)).toBeUndefined();
    expect((await goOffline()).status).toBe(200);
  });

  it('leaves a call whose dial is under way to the dial, which then connects it', async () => {
    const { call, callId } = await accepted();
    await twilio.next(moved(call.callSid));
    // Twilio fetched the dial: the volunteer's phone is ringing.
    expect((await call.post(`connect?call=${callId}`)).twiml).toContain('<Dial');
    clock.advance({ seconds: 15 });
    await twilio.next(asked(call.callSid));
    await settle();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'connecting',
      outcome: null,
    });
    expect((await queued(callId))?.phase).toBe('connecting');

    const action = await call.pickUp(callId);
    await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '40' });
    expect(await callRecord(hotline, call.callSid)).toMatchObject({ outcome: 'answered' });
    await duty(hotline, volunteer).wrapUp(callId).expect(200);
    expect((await goOffline()).status).toBe(200);
  });

  it('never puts back or offers again a caller who hung up while Twilio was slow to move them', async () => {
    twilio.stallNext(1);
    const { call, callId } = await accepted();
    await twilio.next(moved(call.callSid));
    // The caller gives up while the request hangs.
    twilio.setCallStatus(call.callSid, 'completed');
    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'ended',
      outcome: 'abandoned',
    });
    // The request then fails.
    twilio.failNext(3);
    twilio.releaseStalled();
    await settle();
    clock.advance({ seconds: 60 });
    await settle();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'ended',
      outcome: 'abandoned',
    });
    expect(await queued(callId)).toBeUndefined();
    expect(await duty(hotline, volunteer).noOffer()).toBe(true);
    const offers = await hotline.database.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM call_offer WHERE call_id = ?',
      [callId],
    );
    expect(Number(offers[0].n)).toBe(1);
    expect((await goOffline()).status).toBe(200);
  });

  it('settles a caller who hung up unheard during an outage, and leaves a live one holding', async () => {
    const ghost = new PhoneCall(hotline.baseUrl);
    await ghost.dial();
    await ghost.choose('1', '1');
    await ghost.hold(QUEUE);
    const live = new PhoneCall(hotline.baseUrl);
    await live.dial();
    await live.choose('1', '1');
    await live.hold(QUEUE);
    // The ghost hung up while the database was down: no status callback ever arrives.
    twilio.setCallStatus(ghost.callSid, 'completed');
    clock.advance({ seconds: 61 });

    const record = await eventually(
      async () => {
        const row = await callRecord(hotline, ghost.callSid);
        return row.outcome ? row : undefined;
      },
      'the sweep to settle the ghost',
      20_000,
    );
    expect(record).toMatchObject({ status: 'ended', outcome: 'abandoned' });
    expect(await queued(record.id as string)).toBeUndefined();
    await twilio.next(asked(live.callSid));
    expect(await callRecord(hotline, live.callSid)).toMatchObject({
      status: 'waiting',
      outcome: null,
    });
    await live.hangUp();
  }, 40_000);
});
