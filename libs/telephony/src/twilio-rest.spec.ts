import { FakeTwilio } from './testing/fake-twilio';
import { TwilioRest } from './twilio-rest';
import { isSignedByTwilio, signAsTwilio } from './webhook-signature';

const account = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'b'.repeat(32) };

describe('TwilioRest against a Twilio-compatible API', () => {
  const fake = new FakeTwilio(account);
  let rest: TwilioRest;

  beforeAll(async () => {
    rest = new TwilioRest({ ...account, apiBaseUrl: await fake.start() });
  });
  afterAll(() => fake.stop());

  it('dequeues one waiting caller to the given TwiML address with the official client', async () => {
    await rest.dequeue('QU123', 'CA456', 'https://hotline.example/twilio/voice/connect?call=1');
    expect(fake.requests.at(-1)).toEqual({
      method: 'POST',
      path: `/2010-04-01/Accounts/${account.accountSid}/Queues/QU123/Members/CA456.json`,
      params: { Url: 'https://hotline.example/twilio/voice/connect?call=1', Method: 'POST' },
      accountSid: account.accountSid,
    });
  });

  it('redirects a live call', async () => {
    await rest.redirect('CA789', 'https://hotline.example/twilio/voice/connect');
    expect(fake.requests.at(-1)?.path).toBe(
      `/2010-04-01/Accounts/${account.accountSid}/Calls/CA789.json`,
    );
  });

  /** A recording's audio, read whole from its stream. */
  const heard = async (recordingSid: string) => {
    const audio = await rest.recordingMp3(recordingSid);
    if (!audio) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of audio.body) chunks.push(chunk as Buffer);
    return { bytes: Buffer.concat(chunks), length: audio.length };
  };

  it("streams a recording's MP3 and deletes it; a deleted one is gone", async () => {
    const { recordingSid, audio } = fake.record('CA1');
    expect(await heard(recordingSid)).toEqual({ bytes: audio, length: audio.length });
    await rest.deleteRecording(recordingSid);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/2010-04-01/Accounts/${account.accountSid}/Recordings/${recordingSid}.json`,
    });
    expect(fake.holdsRecording(recordingSid)).toBe(false);
    expect(await heard(recordingSid)).toBeNull();
    await expect(rest.deleteRecording(recordingSid)).resolves.toBeUndefined();
  });

  it('places an outbound call whose TwiML Twilio fetches once answered', async () => {
    const sid = await rest.createCall({
      from: '+8657112355',
      to: '+8613900000001',
      url: 'https://hotline.example/twilio/voice/supervisor?call=1',
      timeout: 25,
    });
    expect(sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(fake.requests.at(-1)).toMatchObject({
      path: `/2010-04-01/Accounts/${account.accountSid}/Calls.json`,
      params: {
        From: '+8657112355',
        To: '+8613900000001',
        Url: 'https://hotline.example/twilio/voice/supervisor?call=1',
        Method: 'POST',
        Timeout: '25',
      },
    });
  });

  it('refuses a call Twilio would refuse: no number to call, no TwiML, a ring too short', async () => {
    const call = {
      from: '+8657112355',
      to: '+8613900000001',
      url: 'https://h.example/x',
      timeout: 25,
    };
    await expect(rest.createCall({ ...call, to: '' })).rejects.toThrow(/To/);
    await expect(rest.createCall({ ...call, url: '' })).rejects.toThrow(/Url/);
    await expect(rest.createCall({ ...call, timeout: 2 })).rejects.toThrow(/Timeout/);
  });

  it('places a call-back with machine detection and progress events, as Twilio takes them', async () => {
    await rest.createCall({
      from: '+8657112355',
      to: '+8613900000001',
      url: 'https://hotline.example/twilio/voice/callback-desk/caller?attempt=1',
      timeout: 30,
      statusCallback: 'https://hotline.example/twilio/voice/callback-desk/leg?attempt=1',
      statusCallbackEvent: ['answered', 'completed'],
      machineDetection: 'Enable',
      machineDetectionTimeout: 5,
    });
    expect(fake.requests.at(-1)?.params).toMatchObject({
      MachineDetection: 'Enable',
      MachineDetectionTimeout: '5',
      StatusCallbackEvent: 'answered completed',
      StatusCallbackMethod: 'POST',
    });
  });

  it('refuses what Twilio refuses of a call: unknown events, detection values, numbers', async () => {
    const call = {
      from: '+8657112355',
      to: '+8613900000001',
      url: 'https://h.example/x',
      timeout: 25,
      statusCallback: 'https://h.example/status',
    };
    await expect(
      rest.createCall({ ...call, statusCallbackEvent: ['hangup' as never] }),
    ).rejects.toThrow(/StatusCallbackEvent/);
    await expect(rest.createCall({ ...call, machineDetection: 'Always' as never })).rejects.toThrow(
      /MachineDetection/,
    );
    await expect(rest.createCall({ ...call, machineDetectionTimeout: 90 })).rejects.toThrow(
      /MachineDetectionTimeout/,
    );
    await expect(rest.createCall({ ...call, to: '13900000001' })).rejects.toThrow(/To/);
    await expect(rest.createCall({ ...call, from: 'client:desk' })).rejects.toThrow(/From/);
    const { statusCallback: _none, ...withoutCallback } = call;
    await expect(
      rest.createCall({ ...withoutCallback, statusCallbackEvent: ['completed'] }),
    ).rejects.toThrow(/StatusCallback/);
  });

  it('cancels a call still ringing, and leaves one already answered alone', async () => {
    fake.setCallStatus('CA1ringing', 'ringing');
    await rest.cancelCall('CA1ringing');
    expect(await rest.callStatus('CA1ringing')).toBe('canceled');
    fake.setCallStatus('CA2talking', 'in-progress');
    await rest.cancelCall('CA2talking');
    expect(await rest.callStatus('CA2talking')).toBe('in-progress');
  });

  it('reports a failure of the API as an error', async () => {
    fake.failNext(3);
    await expect(rest.dequeue('QU1', 'CA1', 'https://hotline.example/x')).rejects.toThrow();
  });
});

describe('webhook signatures', () => {
  const url = 'https://hotline.example/twilio/voice/menu?step=topic';
  const params = { CallSid: 'CA1', Digits: '2' };

  it('accepts what Twilio signed and refuses anything changed', () => {
    const signature = signAsTwilio(account.authToken, url, params);
    expect(isSignedByTwilio(account.authToken, url, params, signature)).toBe(true);
    expect(isSignedByTwilio(account.authToken, url, { ...params, Digits: '9' }, signature)).toBe(
      false,
    );
    expect(
      isSignedByTwilio(account.authToken, url.replace('topic', 'caller'), params, signature),
    ).toBe(false);
    expect(isSignedByTwilio('c'.repeat(32), url, params, signature)).toBe(false);
    expect(isSignedByTwilio(account.authToken, url, params, undefined)).toBe(false);
  });
});
