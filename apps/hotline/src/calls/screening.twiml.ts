import twilio from 'twilio';
import type { Hotline, HotlineLocale } from '../hotlines/hotline.entity';
import { sayAs } from './voice-prompts';
import { volunteerJoins } from './conference/conference.twiml';

/** The key a volunteer presses on their own phone to take the call. */
export const TAKE_CALL_DIGIT = '1';
/** Seconds to press it before the call counts as not answered (a voicemail never presses). */
const SCREEN_SECONDS = 6;

/** What a volunteer hears when a hotline call reaches their own phone. */
interface ScreeningPrompts {
  takeIt(hotlineName: string): string;
  notTaken: string;
  callerGone: string;
}

const SCREENING_PROMPTS: Record<HotlineLocale, ScreeningPrompts> = {
  'zh-CN': {
    takeIt: (name) => `这是${name}的热线来电。接听请按1。`,
    notTaken: '未接听，来电已转回排队。',
    callerGone: '来电者已经挂断。',
  },
  en: {
    takeIt: (name) => `A ${name} hotline call. Press 1 to take it.`,
    notTaken: 'Not taken. The caller goes back to the queue.',
    callerGone: 'The caller has already hung up.',
  },
};

/**
 * The screen URL the volunteer's leg runs: the hotline's call id, not the leg's CallSid.
 * `join`: a softphone, which needs no screen (a browser has no voicemail).
 */
export function screenPath(callId: string, step?: 'key' | 'join'): string {
  return `/twilio/voice/screen?call=${callId}${step ? `&step=${step}` : ''}`;
}

/**
 * The TwiML that runs on the volunteer's phone when they pick up the leg the hotline placed
 * to them, before they join the caller's conference. Pressing 1 joins it; `<Hangup>` ends the
 * volunteer's leg, whose status callback puts the caller back in their place.
 */
export class ScreeningTwiml {
  private readonly prompts: ScreeningPrompts;
  private readonly voice: ReturnType<typeof sayAs>;

  constructor(
    private readonly hotline: Hotline,
    private readonly url: (path: string) => string,
  ) {
    this.prompts = SCREENING_PROMPTS[hotline.locale];
    this.voice = sayAs(hotline.voice());
  }

  /** "A hotline call, press 1"; nobody pressing (a voicemail) falls through to the hang-up. */
  ask(callId: string): string {
    const twiml = new twilio.twiml.VoiceResponse();
    const gather = twiml.gather({
      numDigits: 1,
      timeout: SCREEN_SECONDS,
      action: this.url(screenPath(callId, 'key')),
      method: 'POST',
    });
    gather.say(this.voice, this.prompts.takeIt(this.hotline.name));
    twiml.say(this.voice, this.prompts.notTaken);
    twiml.hangup();
    return twiml.toString();
  }

  /** Pressed 1 for a call still waiting for them: into the caller's conference. */
  take(callId: string): string {
    return volunteerJoins(callId, this.url);
  }

  /** Another key, or no call to take any more: the volunteer's leg ends. */
  decline(callerGone: boolean): string {
    const twiml = new twilio.twiml.VoiceResponse();
    twiml.say(this.voice, callerGone ? this.prompts.callerGone : this.prompts.notTaken);
    twiml.hangup();
    return twiml.toString();
  }
}
