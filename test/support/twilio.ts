import type { Clock } from '@hotline/clock';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { signAsTwilio } from '@hotline/telephony';
import { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { numberUrlOf, twimlProblem } from '@hotline/telephony/testing/twiml-check';
import { RunningHotline, startHotline } from './hotline-server';

/** The address Twilio is told to call; signatures are made for it, whatever port the server got. */
export const PUBLIC_BASE_URL = 'https://hotline.test';

export const TWILIO = {
  accountSid: `AC${'1'.repeat(32)}`,
  authToken: 'test-auth-token-0123456789abcdef',
  number: '+8657112355',
};

/** Starts a fake Twilio REST API and gives the settings that point a server at it. */
export async function fakeTwilio(): Promise<{ fake: FakeTwilio; env: Record<string, string> }> {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  const apiBaseUrl = await fake.start();
  return {
    fake,
    env: {
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO.authToken,
      TWILIO_PHONE_NUMBER: TWILIO.number,
      TWILIO_API_BASE_URL: apiBaseUrl,
    },
  };
}

export interface Answer {
  status: number;
  twiml: string;
}

/**
 * One phone call as Twilio plays it against the server: signed webhooks with the call's
 * CallSid, from the caller's number to the hotline's.
 */
export class PhoneCall {
  readonly callSid = `CA${randomBytes(16).toString('hex')}`;

  constructor(
    private readonly serverUrl: string,
    readonly from = `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
  ) {}

  /** Posts a webhook as Twilio would: `path` may carry a query (`menu?step=topic`). */
  async post(
    path: string,
    params: Record<string, string> = {},
    signature?: string,
    leg: 'caller' | 'called' = 'caller',
  ): Promise<Answer> {
    const url = `/twilio/voice/${path}`;
    const body = {
      CallSid: this.callSid,
      AccountSid: TWILIO.accountSid,
      From: this.from,
      To: TWILIO.number,
      ...params,
    };
    const response = await request(this.serverUrl)
      .post(url)
      .type('form')
      .set(
        'X-Twilio-Signature',
        signature ?? signAsTwilio(TWILIO.authToken, `${PUBLIC_BASE_URL}${url}`, body),
      )
      .send(body);
    // Every TwiML answer must be one real Twilio would play as meant.
    if (response.status === 200) {
      // The hold document and the choice made from it run while the caller is in the queue.
      const problem = twimlProblem(response.text, {
        waitUrl: /^wait(\?|-choice|$)/.test(path),
        leg,
      });
      if (problem) throw new Error(`POST ${url} answered TwiML Twilio would not play: ${problem}`);
    }
    return { status: response.status, twiml: response.text };
  }

  /**
   * Twilio fetching a URL the server's TwiML gave (absolute, under PUBLIC_BASE_URL). `called`:
   * for the volunteer's leg of a `<Dial>` (a `<Number url>`), with that leg's own CallSid.
   */
  follow(url: string, params: Record<string, string> = {}, leg: 'caller' | 'called' = 'caller') {
    const prefix = `${PUBLIC_BASE_URL}/twilio/voice/`;
    if (!url.startsWith(prefix)) throw new Error(`Twilio was sent outside the hotline: ${url}`);
    const path = url.slice(prefix.length);
    return leg === 'called'
      ? this.post(
          path,
          { CallSid: this.volunteerLeg, To: '+8613800000000', ...params },
          undefined,
          'called',
        )
      : this.post(path, params);
  }

  /** The volunteer's leg of the dial, as Twilio names it in the screen's webhooks. */
  readonly volunteerLeg = `CA${randomBytes(16).toString('hex')}`;

  /**
   * The dial to the volunteer who accepted, answered: Twilio fetches the connect URL, a phone
   * volunteer picks up and presses 1 on the screen, and the dial's action reports the end.
   */
  async answered(callId: string, talkSeconds = 60): Promise<Answer> {
    return this.follow(await this.pickUp(callId), {
      DialCallStatus: 'completed',
      DialCallDuration: String(talkSeconds),
    });
  }

  /** The volunteer picks up (and takes the call on the screen); gives the dial's action URL. */
  async pickUp(callId: string): Promise<string> {
    const dial = await this.post(`connect?call=${callId}`);
    const action = attribute(dial.twiml, 'Dial', 'action');
    if (!action) throw new Error(`no <Dial> for call ${callId}: ${dial.twiml}`);
    const screen = numberUrlOf(dial.twiml);
    if (screen) {
      const asked = await this.follow(screen, {}, 'called');
      const key = attribute(asked.twiml, 'Gather', 'action');
      if (!key) throw new Error(`the screen asked for no key: ${asked.twiml}`);
      await this.follow(key, { Digits: '1' }, 'called');
    }
    return action;
  }

  dial(): Promise<Answer> {
    return this.post('incoming', { CallStatus: 'ringing' });
  }

  /** Chooses who is calling and the topic by keys, as the caller presses them. */
  async choose(callerKey: string, topicKey: string): Promise<Answer> {
    await this.post('menu?step=caller', { Digits: callerKey });
    return this.post('menu?step=topic', { Digits: topicKey });
  }

  hold(queueSid = 'QU0000000000000000000000000000000a'): Promise<Answer> {
    return this.post('wait', { QueueSid: queueSid, QueuePosition: '1', QueueTime: '5' });
  }

  hangUp(callStatus = 'completed'): Promise<Answer> {
    return this.post('status', { CallStatus: callStatus });
  }
}

/** An attribute of the first `<verb>` of a TwiML answer, unescaped. */
export function attribute(twiml: string, verb: string, name: string): string | undefined {
  const tag = new RegExp(`<${verb}\\b([^>]*)>`).exec(twiml)?.[1] ?? '';
  const value = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return value?.replace(/&amp;/g, '&');
}

/** The first `<Say>` text of a TwiML answer, and whether it contains a given verb. */
export const says = (twiml: string): string[] =>
  [...twiml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((match) => match[1]);

export interface CallCentre {
  hotline: RunningHotline;
  twilio: FakeTwilio;
  /** The admin's access token. */
  admin: string;
  /** The default hotline. */
  hotlineId: string;
  stop(): Promise<void>;
}

/** A hotline server with telephony pointed at a fresh fake Twilio, and its admin signed in. */
export async function startCallCentre(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<CallCentre> {
  const { fake, env: telephony } = await fakeTwilio();
  const hotline = await startHotline({ ...telephony, ...env }, undefined, options);
  const admin = await hotline.signIn();
  const hotlineId = (await hotline.as(admin).get('/api/hotlines').expect(200)).body[0].id;
  return {
    hotline,
    twilio: fake,
    admin,
    hotlineId,
    async stop() {
      await hotline.stop();
      await fake.stop();
    },
  };
}
