import type { Clock } from '@hotline/clock';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { signAsTwilio } from '@hotline/telephony';
import { FakeTwilio, PlacedCall } from '@hotline/telephony/testing/fake-twilio';
import { twimlProblem } from '@hotline/telephony/testing/twiml-check';
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
   * for the volunteer's own leg, which the hotline placed (from its number, with that leg's
   * CallSid).
   */
  follow(url: string, params: Record<string, string> = {}, leg: 'caller' | 'called' = 'caller') {
    const prefix = `${PUBLIC_BASE_URL}/twilio/voice/`;
    if (!url.startsWith(prefix)) throw new Error(`Twilio was sent outside the hotline: ${url}`);
    const path = url.slice(prefix.length);
    return leg === 'called'
      ? this.post(path, {
          CallSid: this.volunteerLeg,
          From: TWILIO.number,
          To: '+8613800000000',
          ...params,
        })
      : this.post(path, params);
  }

  /** The volunteer's leg, as Twilio names it (the sid it gave when the hotline placed it). */
  volunteerLeg = `CA${randomBytes(16).toString('hex')}`;
  /** The call's conference, once both are in it: its sid, status callback and Twilio. */
  conference?: { sid: string; name: string; statusCallback: string; twilio: FakeTwilio };

  /**
   * The volunteer who accepted, answered: the caller waits in the call's conference, the
   * volunteer's leg picks up (a phone presses 1 on the screen) and joins, they talk (`talking`
   * runs then: a test clock moved on), and the caller's dial's action reports the end when the
   * caller leaves.
   */
  async answered(callId: string, talking?: () => unknown): Promise<Answer> {
    const action = await this.pickUp(callId);
    await talking?.();
    await this.conferenceEvent('participant-leave', this.callSid, 'caller');
    await this.conferenceEvent('conference-end');
    return this.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
  }

  /**
   * The volunteer picks up: the caller enters the conference, the volunteer's leg (placed by
   * the hotline at the fake Twilio) runs its TwiML, takes the call on a phone's screen and
   * joins; Twilio reports both joins. Gives the caller's dial action URL.
   */
  async pickUp(callId: string): Promise<string> {
    const joined = await this.post(`connect?call=${callId}`);
    const action = attribute(joined.twiml, 'Dial', 'action');
    if (!action) throw new Error(`no <Dial> for call ${callId}: ${joined.twiml}`);
    const leg = await this.legRung(callId);
    let twiml = (await this.follow(leg.params.Url, {}, 'called')).twiml;
    const key = attribute(twiml, 'Gather', 'action');
    if (key) twiml = (await this.follow(key, { Digits: '1' }, 'called')).twiml;
    await this.enterConference(joined.twiml, twiml);
    return action;
  }

  /** The leg the hotline placed to the volunteer for this call (a new one each accept). */
  async legRung(callId: string): Promise<PlacedCall & { twilio: FakeTwilio }> {
    const leg = await FakeTwilio.placedCall(
      (placed) => placed.params.Url?.includes(`call=${callId}`) && !this.legs.has(placed.sid),
    );
    this.legs.add(leg.sid);
    this.volunteerLeg = leg.sid;
    this.twilio = leg.twilio;
    return leg;
  }

  private readonly legs = new Set<string>();
  private twilio?: FakeTwilio;

  /**
   * What Twilio does with the caller's `<Dial><Conference>` and the volunteer's leg's: both
   * enter the conference, and its status callback hears of the start and the two joins.
   */
  async enterConference(callerTwiml: string, volunteerTwiml: string): Promise<void> {
    const name = conferenceOf(callerTwiml);
    const statusCallback = attribute(callerTwiml, 'Conference', 'statusCallback');
    if (!name || !statusCallback || !this.twilio)
      throw new Error(`no <Dial><Conference> for the caller: ${callerTwiml}`);
    if (conferenceOf(volunteerTwiml) !== name)
      throw new Error(`the volunteer's leg joined no conference ${name}: ${volunteerTwiml}`);
    const sid = this.twilio.conferences.join(name, this.callSid, {
      label: attribute(callerTwiml, 'Conference', 'participantLabel'),
      endConferenceOnExit: attribute(callerTwiml, 'Conference', 'endConferenceOnExit') === 'true',
    });
    this.twilio.conferences.join(name, this.volunteerLeg, {
      label: attribute(volunteerTwiml, 'Conference', 'participantLabel'),
    });
    this.conference = { sid, name, statusCallback, twilio: this.twilio };
    await this.conferenceEvent('conference-start');
    await this.conferenceEvent('participant-join', this.callSid, 'caller');
    await this.conferenceEvent('participant-join', this.volunteerLeg, 'volunteer');
  }

  /** Twilio's status callback for the volunteer's leg: it ended (`no-answer`, `completed`, ...). */
  legEnded(callId: string, status: string): Promise<Answer> {
    return this.post(`conference/leg?call=${callId}`, {
      CallSid: this.volunteerLeg,
      From: TWILIO.number,
      To: '+8613800000000',
      CallStatus: status,
    });
  }

  /** Twilio's conference status callback for this call's conference. */
  conferenceEvent(event: string, callSid?: string, label?: string): Promise<Answer> {
    const conference = this.conference;
    if (!conference) throw new Error('the call has no conference yet');
    if (event === 'participant-leave' && callSid)
      conference.twilio.conferences.leave(conference.sid, callSid);
    return this.follow(conference.statusCallback, {
      ConferenceSid: conference.sid,
      FriendlyName: conference.name,
      StatusCallbackEvent: event,
      ...(callSid ? { CallSid: callSid } : { CallSid: '' }),
      ...(label ? { ParticipantLabel: label } : {}),
    });
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

/** The conference a `<Dial><Conference>` joins (its friendly name). */
export function conferenceOf(twiml: string): string | undefined {
  return /<Conference\b[^>]*>([^<]+)<\/Conference>/.exec(twiml)?.[1];
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
