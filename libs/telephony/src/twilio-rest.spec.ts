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

  it("fetches a recording's MP3 and deletes it; a deleted one is gone", async () => {
    const { recordingSid, audio } = fake.record('CA1');
    expect(await rest.recordingMp3(recordingSid)).toEqual(audio);
    await rest.deleteRecording(recordingSid);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/2010-04-01/Accounts/${account.accountSid}/Recordings/${recordingSid}.json`,
    });
    expect(fake.holdsRecording(recordingSid)).toBe(false);
    expect(await rest.recordingMp3(recordingSid)).toBeNull();
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
