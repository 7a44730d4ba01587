import twilio from 'twilio';
import type { CallbackOutcome } from '@hotline/console-protocol';
import type { Hotline, HotlineLocale } from '../hotlines/hotline.entity';
import { sayAs } from '../calls/voice-prompts';
import type { LegAnswer } from './attempt-machine';

/** Twilio's webhooks of the call-back desk, signed like every voice webhook. */
export const CALLBACK_DESK_PATH = '/twilio/voice/callback-desk';

/** The TwiML the volunteer's leg runs: the screen on a phone, `join` for a browser (no voicemail). */
export const volunteerLegPath = (attemptId: string, step?: 'key' | 'join' | 'over') =>
  `${CALLBACK_DESK_PATH}/volunteer?attempt=${attemptId}${step ? `&step=${step}` : ''}`;
export const callerLegPath = (attemptId: string) =>
  `${CALLBACK_DESK_PATH}/caller?attempt=${attemptId}`;
/** Each leg's status callback: how it ended. */
export const legStatusPath = (attemptId: string, leg: 'volunteer' | 'caller') =>
  `${CALLBACK_DESK_PATH}/leg?attempt=${attemptId}&leg=${leg}`;

/** Each attempt has a conference of its own: the volunteer waits there for the caller. */
export const callbackConference = (attemptId: string) => `callback-${attemptId}`;

/** The key a volunteer presses on their own phone to start the call-back. */
export const START_DIGIT = '1';
/** Seconds to press it: a voicemail never does, and its leg ends unanswered. */
const SCREEN_SECONDS = 6;

interface CallbackPrompts {
  screen: string;
  notStarted: string;
  calling: string;
  over: Record<CallbackOutcome, string>;
  sorry: string;
}

/**
 * What is said on the legs of a call-back. The caller hears nothing from the hotline's voice:
 * whoever picks up a child's phone may be someone the child has not told, so the volunteer
 * speaks first, discreetly.
 */
const PROMPTS: Record<HotlineLocale, CallbackPrompts> = {
  'zh-CN': {
    screen: '热线回电：按1开始拨打来电者。',
    notStarted: '回电未开始。',
    calling: '正在拨打来电者，请稍候。',
    over: {
      reached: '回电结束。',
      no_answer: '对方未接听，回电结束。',
      busy: '对方正在通话中，回电结束。',
      wrong_number: '该号码无法接通，回电结束。',
      not_placed: '未能拨出，回电结束。',
    },
    sorry: '抱歉，电话未能接通。再见。',
  },
  en: {
    screen: 'A hotline call-back. Press 1 to call the caller.',
    notStarted: 'The call-back was not started.',
    calling: 'Calling the caller now, please hold.',
    over: {
      reached: 'The call-back has ended.',
      no_answer: 'No answer. The call-back has ended.',
      busy: 'The line is busy. The call-back has ended.',
      wrong_number: 'That number cannot be reached. The call-back has ended.',
      not_placed: 'The call could not be placed. The call-back has ended.',
    },
    sorry: 'Sorry, the call could not be connected. Goodbye.',
  },
};

/** The TwiML of a call-back's two legs, in the hotline's language and voice. */
export class CallbackTwiml {
  private readonly prompts: CallbackPrompts;
  private readonly voice: ReturnType<typeof sayAs>;

  constructor(
    hotline: Hotline,
    private readonly url: (path: string) => string,
  ) {
    this.prompts = PROMPTS[hotline.locale];
    this.voice = sayAs(hotline.voice());
  }

  /** A volunteer's phone picked up: "press 1"; nobody pressing (a voicemail) ends the leg. */
  screen(attemptId: string): string {
    const twiml = new twilio.twiml.VoiceResponse();
    twiml
      .gather({
        numDigits: 1,
        timeout: SCREEN_SECONDS,
        action: this.url(volunteerLegPath(attemptId, 'key')),
        method: 'POST',
      })
      .say(this.voice, this.prompts.screen);
    twiml.say(this.voice, this.prompts.notStarted);
    twiml.hangup();
    return twiml.toString();
  }

  /** The volunteer's leg, as the attempt decided: into its conference, or told it is over. */
  volunteer(attemptId: string, answer: LegAnswer, outcome: CallbackOutcome | null): string {
    if (answer !== 'join') return this.over(outcome ?? 'not_placed');
    const twiml = new twilio.twiml.VoiceResponse();
    twiml.say(this.voice, this.prompts.calling);
    // Hold music until the caller enters (they start it); the call-back ends when they leave.
    this.enter(twiml, attemptId, 'volunteer');
    return twiml.toString();
  }

  /** The caller's phone, as the attempt decided: into the conference, or a goodbye. */
  caller(attemptId: string, answer: LegAnswer): string {
    const twiml = new twilio.twiml.VoiceResponse();
    if (answer === 'join') {
      // Their `<Dial>` is the last verb: when the conference ends, so does their call.
      this.enter(twiml, attemptId, 'caller');
      return twiml.toString();
    }
    // A voicemail or a fax hears nothing: no message is ever left on a child's phone.
    if (answer === 'sorry') twiml.say(this.voice, this.prompts.sorry);
    twiml.hangup();
    return twiml.toString();
  }

  /** The volunteer hears how the call-back ended, then their leg hangs up. */
  over(outcome: CallbackOutcome): string {
    const twiml = new twilio.twiml.VoiceResponse();
    twiml.say(this.voice, this.prompts.over[outcome]);
    twiml.hangup();
    return twiml.toString();
  }

  private enter(
    twiml: InstanceType<typeof twilio.twiml.VoiceResponse>,
    attemptId: string,
    who: 'volunteer' | 'caller',
  ): void {
    twiml.dial().conference(
      {
        beep: 'false',
        startConferenceOnEnter: who === 'caller',
        endConferenceOnExit: true,
        participantLabel: who,
      },
      callbackConference(attemptId),
    );
  }
}
