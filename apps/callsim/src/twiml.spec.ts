import twilio from 'twilio';
import { signedWebhook } from './caller';
import { verb } from './twiml';

describe('TwiML as the simulator reads it', () => {
  it('reads verbs and their attributes as the twilio library writes them', () => {
    const response = new twilio.twiml.VoiceResponse();
    response.say('hello & welcome');
    response.enqueue(
      { waitUrl: 'https://h.test/twilio/voice/wait?a=1&b=2', action: 'https://h.test/q' },
      'line',
    );
    response.leave();
    const text = response.toString();
    expect(verb(text, 'Enqueue')).toEqual({
      waitUrl: 'https://h.test/twilio/voice/wait?a=1&b=2',
      action: 'https://h.test/q',
    });
    expect(verb(text, 'Dial')).toBeUndefined();
  });
});

describe('signed webhooks', () => {
  it('carry the signature Twilio would send, which the twilio library accepts', () => {
    const settings = {
      publicBaseUrl: 'https://hotline.test',
      accountSid: `AC${'1'.repeat(32)}`,
      authToken: 'token-0123456789',
      number: '+8657112355',
    };
    const url = 'https://hotline.test/twilio/voice/menu?step=topic';
    const params = { CallSid: 'CA1', Digits: '2' };
    const { body, signature } = signedWebhook(settings, url, params);
    expect(body).toBe('CallSid=CA1&Digits=2');
    expect(twilio.validateRequest(settings.authToken, signature, url, params)).toBe(true);
    expect(twilio.validateRequest('another-token', signature, url, params)).toBe(false);
  });
});
