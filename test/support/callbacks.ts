import { FakeTwilio, PlacedCall } from '@hotline/telephony/testing/fake-twilio';
import { RunningHotline } from './hotline-server';
import { Answer, PhoneCall, TWILIO, attribute, conferenceOf } from './twilio';

/** A request on the call-back list, as the API gives it. */
export interface CallbackItem {
  id: string;
  callId: string;
  reason: string;
  forDate: string;
  overdue: boolean;
  canCallBack: boolean;
  hasMessage: boolean;
  messageSeconds: number | null;
  assignedTo: { id: string; name: string } | null;
  attemptCount: number;
  lastOutcome: string | null;
  activeAttemptId: string | null;
  doneAt: string | null;
  result: string | null;
}

/**
 * A caller who rang while the line was closed and pressed 1 for a call-back (`from`: their
 * number). Gives the call, so a test can find its request by the call's id.
 */
export async function askedForCallBack(hotline: RunningHotline, from?: string): Promise<PhoneCall> {
  const call = new PhoneCall(hotline.baseUrl, from);
  await call.dial();
  await call.post('callback?reason=closed_hours', { Digits: '1' });
  await call.hangUp();
  return call;
}

/** How long Twilio may take to be asked for a leg, on a loaded machine. */
const PLACED_WITHIN_MS = 15_000;

/**
 * Twilio's side of one call-back: the volunteer's leg and the caller's leg the hotline placed
 * at the fake Twilio, each played as Twilio plays it (its TwiML fetched with the leg's own
 * CallSid, its status callback at the end), every answer checked as TwiML Twilio would play.
 */
export class CallBackLegs {
  volunteerLeg?: PlacedCall & { twilio: FakeTwilio };
  callerLeg?: PlacedCall & { twilio: FakeTwilio };

  constructor(
    private readonly serverUrl: string,
    readonly attemptId: string,
  ) {}

  /** The leg the hotline placed to the volunteer (their browser or phone). */
  async volunteerRung(): Promise<PlacedCall & { twilio: FakeTwilio }> {
    this.volunteerLeg = await FakeTwilio.placedCall(
      (placed) => placed.params.Url?.includes(`callback-desk/volunteer?attempt=${this.attemptId}`),
      PLACED_WITHIN_MS,
    );
    return this.volunteerLeg;
  }

  /** The leg the hotline placed to the caller, from its own number. */
  async callerRung(): Promise<PlacedCall & { twilio: FakeTwilio }> {
    this.callerLeg = await FakeTwilio.placedCall(
      (placed) => placed.params.Url?.includes(`callback-desk/caller?attempt=${this.attemptId}`),
      PLACED_WITHIN_MS,
    );
    return this.callerLeg;
  }

  /**
   * The volunteer picks up: a phone hears the screen and presses 1, a browser joins at once.
   * Gives their leg's TwiML once in (the conference), or what it said instead.
   */
  async volunteerAnswers(): Promise<Answer> {
    const leg = this.volunteerLeg ?? (await this.volunteerRung());
    let answer = await this.fetch(leg, leg.params.Url);
    const key = attribute(answer.twiml, 'Gather', 'action');
    if (key) answer = await this.fetch(leg, key, { Digits: '1' });
    return answer;
  }

  /** The caller's phone picks up; Twilio's machine detection says who answered. */
  async callerAnswers(answeredBy = 'human'): Promise<Answer> {
    const leg = this.callerLeg ?? (await this.callerRung());
    return this.fetch(leg, leg.params.Url, { AnsweredBy: answeredBy });
  }

  /** A leg's status callback: it ended (`completed`, `busy`, `no-answer`, `failed`, ...). */
  legEnded(which: 'volunteer' | 'caller', status: string): Promise<Answer> {
    const leg = which === 'volunteer' ? this.volunteerLeg : this.callerLeg;
    if (!leg) throw new Error(`the ${which}'s leg was never placed`);
    leg.twilio.setCallStatus(leg.sid, status as never);
    return this.fetch(leg, leg.params.StatusCallback, { CallStatus: status });
  }

  /** Twilio fetching a URL for the volunteer's leg (a redirect the hotline asked for). */
  volunteerFetches(url: string): Promise<Answer> {
    if (!this.volunteerLeg) throw new Error("the volunteer's leg was never placed");
    return this.fetch(this.volunteerLeg, url);
  }

  /** The conference each leg's TwiML put it in. */
  conferenceOf(answer: Answer): string | undefined {
    return conferenceOf(answer.twiml);
  }

  private fetch(leg: PlacedCall, url: string, params: Record<string, string> = {}) {
    return new PhoneCall(this.serverUrl, leg.params.From).follow(url, {
      CallSid: leg.sid,
      From: leg.params.From ?? TWILIO.number,
      To: leg.params.To,
      Direction: 'outbound-api',
      ...params,
    });
  }
}
