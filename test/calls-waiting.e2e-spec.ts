import { ManualClock } from '@hotline/clock';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { NoteRetentionService } from '../apps/hotline/src/contacts/note-retention.service';
import { callRecord, duty } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { CallbackItem } from './support/callbacks';
import { CallCentre, PhoneCall, says, startCallCentre } from './support/twilio';

// Monday 23 November 2026, 19:00 in Shanghai: the evening line is open.
const EVENING = '2026-11-23T19:00:00+08:00';
const QUEUE = 'QU22222222222222222222222222222222';
const YOU_ARE_NEXT = '你是下一位';

/** Reads a binary answer (the message's MP3) whole. */
const binary = (
  response: NodeJS.ReadableStream,
  done: (error: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('no ordinary caller holds in vain: messages and call-backs', () => {
  const clock = new ManualClock(EVENING);
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let admin: string;
  let hotlineId: string;
  let supervisor: Person;

  beforeAll(async () => {
    centre = await startCallCentre({}, { clock });
    ({ hotline, twilio, admin, hotlineId } = centre);
    supervisor = await addPerson(hotline, { roles: ['supervisor'] });
  });
  afterAll(() => centre.stop());

  const spoken = (twiml: string) => says(twiml).join(' ');
  const callbacks = async (): Promise<CallbackItem[]> =>
    (await hotline.as(supervisor.token).get('/api/callback-requests?status=all').expect(200)).body
      .items;
  const requestOf = async (callSid: string) => {
    const { id } = await callRecord(hotline, callSid);
    return (await callbacks()).find((item) => item.callId === id);
  };

  /** Twilio records the message, reports it to the recording webhook, then asks what next. */
  const leaveMessage = async (call: PhoneCall, reason: string, seconds = 14) => {
    const { recordingSid, audio } = twilio.record(call.callSid);
    const recording = {
      RecordingSid: recordingSid,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/${recordingSid}`,
      RecordingStatus: 'completed',
      RecordingDuration: String(seconds),
      RecordingChannels: '1',
      RecordingSource: 'RecordVerb',
    };
    const after = await call.post(`recorded?reason=${reason}`, recording);
    expect(spoken(after.twiml)).toContain('你的留言已经保存好了');
    expect(after.twiml).toContain('<Hangup/>');
    // The status callback may come after the action; it is what keeps the message.
    expect((await call.post(`recording?reason=${reason}`, recording)).status).toBe(200);
    await call.post(`recording?reason=${reason}`, recording);
    await call.hangUp();
    return { recordingSid, audio };
  };

  it('tells a caller at once when nobody is on duty, and keeps the call-back they ask for', async () => {
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    const answer = await call.choose('1', '1');
    expect(answer.twiml).not.toContain('<Enqueue');
    expect(spoken(answer.twiml)).toContain('现在暂时没有值班老师可以接听');
    expect(spoken(answer.twiml)).not.toContain(YOU_ARE_NEXT);
    expect(answer.twiml).toMatch(
      /<Gather [^>]*action="https:\/\/hotline\.test\/twilio\/voice\/choice\?reason=nobody_on_duty"[^>]*><Say [^>]*>如果想给我们留言，请按1；如果希望我们给你回电，请按2。<\/Say><\/Gather>/,
    );

    const recorded = await call.post('choice?reason=nobody_on_duty', { Digits: '2' });
    expect(spoken(recorded.twiml)).toContain('11月23日晚上给你回电');
    await call.hangUp();
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      outcome: 'overflow_callback',
      status: 'ended',
    });
    expect(await requestOf(call.callSid)).toMatchObject({
      canCallBack: true,
      reason: 'nobody_on_duty',
      forDate: '2026-11-23',
      hasMessage: false,
      messageSeconds: null,
    });
  });

  it('never promises a call-back to a caller without caller id: the hours, and a message instead', async () => {
    const call = new PhoneCall(hotline.baseUrl, 'anonymous');
    await call.dial();
    const offer = await call.choose('1', '1');
    expect(spoken(offer.twiml)).toContain('如果想给我们留言，请按1。');
    expect(spoken(offer.twiml)).not.toContain('按2');

    const noCallback = await call.post('choice?reason=nobody_on_duty', { Digits: '2' });
    expect(spoken(noCallback.twiml)).toContain('我们看不到你的电话号码');
    expect(spoken(noCallback.twiml)).toContain('热线每天18:00到22:00开放。');
    expect(spoken(noCallback.twiml)).not.toMatch(/\d+月\d+日晚上/);
    expect(await requestOf(call.callSid)).toBeUndefined();

    const record = await call.post('choice?reason=nobody_on_duty', { Digits: '1' });
    expect(record.twiml).toMatch(
      /<Record maxLength="120" finishOnKey="#" playBeep="true" action="https:\/\/hotline\.test\/twilio\/voice\/recorded\?reason=nobody_on_duty" method="POST" recordingStatusCallback="https:\/\/hotline\.test\/twilio\/voice\/recording\?reason=nobody_on_duty" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed absent"\/>/,
    );
    const { audio } = await leaveMessage(call, 'nobody_on_duty', 23);
    const message = await requestOf(call.callSid);
    expect(message).toMatchObject({
      canCallBack: false,
      reason: 'nobody_on_duty',
      hasMessage: true,
      messageSeconds: 23,
    });

    // Played through the API only, to supervisors and coordinators, each play audited.
    const played = await hotline
      .as(supervisor.token)
      .get(`/api/callback-requests/${message!.id}/message`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(played.headers['content-type']).toBe('audio/mpeg');
    expect(Buffer.compare(played.body as Buffer, audio)).toBe(0);
    const audit = await hotline.as(admin).get(`/api/audit?subjectId=${message!.id}`).expect(200);
    expect(audit.body).toEqual([
      expect.objectContaining({
        action: 'callback_request.recording.played',
        subjectType: 'callback_request',
        actorId: supervisor.id,
      }),
    ]);
    const coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    await hotline
      .as(coordinator.token)
      .get(`/api/callback-requests/${message!.id}/message`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    // A volunteer hears it only once it is theirs to call back.
    const volunteer = await addPerson(hotline);
    await hotline
      .as(volunteer.token)
      .get(`/api/callback-requests/${message!.id}/message`)
      .expect(404);
    await hotline.as(admin).get(`/api/callback-requests/${message!.id}/message`).expect(403);
  });

  it('never says "you are next" once nobody on duty can answer a waiting caller', async () => {
    // On duty for learning only: an emotional call waits for the skill window.
    const volunteer = await addPerson(hotline, { topicSkills: ['learning'] });
    await duty(hotline, volunteer).available();
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    expect((await call.choose('1', '1')).twiml).toContain('<Enqueue');
    const holding = await call.hold(QUEUE);
    expect(spoken(holding.twiml)).toContain(YOU_ARE_NEXT);
    expect(holding.twiml).not.toContain('<Gather');

    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'offline' })
      .expect(200);
    const alone = await call.hold(QUEUE);
    expect(spoken(alone.twiml)).not.toContain(YOU_ARE_NEXT);
    expect(spoken(alone.twiml)).toContain('现在暂时没有值班老师可以接听');
    expect(alone.twiml).toContain('action="https://hotline.test/twilio/voice/wait-choice"');
    await call.hangUp();
  });

  describe('while every counsellor on duty is on a call', () => {
    let counsellor: Person;

    beforeAll(async () => {
      counsellor = await addPerson(hotline, { topicSkills: ['emotional'] });
      await duty(hotline, counsellor).available();
      const first = new PhoneCall(hotline.baseUrl);
      await first.dial();
      await first.choose('1', '1');
      const offer = await duty(hotline, counsellor).offer();
      await duty(hotline, counsellor).accept(offer).expect(204);
      await first.post(`connect?call=${offer.callId}`);
    });

    /** A caller who has held for `seconds` behind the busy counsellor. */
    const holdingFor = async (seconds: number) => {
      const call = new PhoneCall(hotline.baseUrl);
      await call.dial();
      await call.choose('1', '1');
      const early = await call.hold(QUEUE);
      expect(early.twiml).not.toContain('<Gather');
      clock.advance({ seconds });
      return call;
    };

    it('offers a message after two minutes of holding, and keeps the message', async () => {
      const call = await holdingFor(121);
      const offered = await call.hold(QUEUE);
      expect(offered.twiml).toMatch(
        /<Gather [^>]*action="https:\/\/hotline\.test\/twilio\/voice\/wait-choice"[^>]*><Say [^>]*>[^<]*如果想给我们留言，请按1；如果希望我们给你回电，请按2。<\/Say><\/Gather><Pause [^>]*\/>/,
      );

      const leave = await call.post('wait-choice', { Digits: '1', QueueSid: QUEUE });
      expect(leave.twiml).toContain('<Leave/>');
      // Twilio asks the hold document again only if the caller is still queued; idempotent.
      expect((await call.post('wait-choice', { Digits: '1' })).twiml).toContain('<Leave/>');
      const record = await call.post('queue-result', {
        QueueResult: 'leave',
        QueueSid: QUEUE,
        QueueTime: '121',
      });
      expect(record.twiml).toContain('<Record maxLength="120"');
      await leaveMessage(call, 'while_waiting', 41);
      expect(await callRecord(hotline, call.callSid)).toMatchObject({
        outcome: 'overflow_callback',
        status: 'ended',
      });
      expect(await requestOf(call.callSid)).toMatchObject({
        canCallBack: true,
        reason: 'while_waiting',
        hasMessage: true,
        messageSeconds: 41,
      });
      // The busy counsellor is not offered a caller who left.
      const queue = await hotline.as(admin).get('/api/queue').expect(200);
      expect(queue.body.calls.map((waiting: { id: string }) => waiting.id)).not.toContain(
        (await callRecord(hotline, call.callSid)).id,
      );
    });

    it('keeps the call-back a holding caller asks for with 2', async () => {
      const call = await holdingFor(125);
      await call.hold(QUEUE);
      expect((await call.post('wait-choice', { Digits: '5' })).twiml).toContain('<Redirect');
      expect((await call.post('wait-choice', { Digits: '2' })).twiml).toContain('<Leave/>');
      const kept = await call.post('queue-result', { QueueResult: 'leave', QueueSid: QUEUE });
      expect(spoken(kept.twiml)).toContain('11月23日晚上给你回电');
      await call.hangUp();
      expect(await requestOf(call.callSid)).toMatchObject({
        reason: 'while_waiting',
        hasMessage: false,
      });
    });

    it('clears the messages past retention, deleting them at Twilio', async () => {
      const items = (await callbacks()).filter((item) => item.hasMessage);
      expect(items.length).toBeGreaterThanOrEqual(2);
      const sids = await hotline.database.query<{ recording_sid: string }>(
        'SELECT recording_sid FROM callback_request WHERE recording_sid IS NOT NULL',
      );
      expect(sids.every(({ recording_sid }) => twilio.holdsRecording(recording_sid))).toBe(true);

      const coordinator = await addPerson(hotline, { roles: ['coordinator'] });
      await hotline
        .as(coordinator.token)
        .put(`/api/hotlines/${hotlineId}/note-retention`)
        .send({ noteRetentionDays: 30 })
        .expect(200);
      const retention = hotline.app.get(NoteRetentionService);
      expect((await retention.run()).callerMessages).toBe(0);
      clock.advance({ days: 31 });
      const cleared = await retention.run();
      expect(cleared.callerMessages).toBe(sids.length);
      expect(sids.some(({ recording_sid }) => twilio.holdsRecording(recording_sid))).toBe(false);
      // A month on, the supervisor signs in again.
      supervisor.token = await hotline.signIn(supervisor.email, supervisor.password);
      const after = await callbacks();
      for (const item of items) {
        expect(after.find((request) => request.id === item.id)).toMatchObject({
          hasMessage: false,
          messageSeconds: item.messageSeconds,
        });
        await hotline
          .as(supervisor.token)
          .get(`/api/callback-requests/${item.id}/message`)
          .expect(404);
      }
    });
  });
});
