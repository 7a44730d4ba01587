import twilio from 'twilio';
import {
  DEFAULT_ROUTING,
  DEFAULT_SAY_VOICE,
  GreetingKey,
  Hotline,
  HotlineLocale,
} from '../hotlines/hotline.entity';
import { DEFAULT_CLOSED_MESSAGE } from '../hotlines/hotlines.service';
import { HotlineVoice, VOICE_PROMPTS, VoicePrompts, sayAs } from '../calls/voice-prompts';

type VoiceResponse = twilio.twiml.VoiceResponse;

/**
 * What a caller hears when the server cannot finish a step in time: in the hotline's voice
 * (and its recordings of the hold message and the goodbye) when its settings are at hand,
 * otherwise in both languages with the default voices.
 */
export class HoldTwiml {
  constructor(private readonly hotline: Hotline | null) {}

  /** Keeps the caller on the line: a short pause, then the same step again. */
  hold(redirectUrl: string, pauseSeconds: number, first: boolean): string {
    return this.build((twiml) => {
      if (first) this.say(twiml, (prompts) => prompts.holdOn, 'holdOn');
      twiml.pause({ length: pauseSeconds });
      twiml.redirect({ method: 'POST' }, redirectUrl);
    });
  }

  /** Nothing to play (status callbacks: Twilio ignores the answer). */
  static empty(): string {
    return new twilio.twiml.VoiceResponse().toString();
  }

  /** Ends the leg that asked. */
  static hangUp(): string {
    const twiml = new twilio.twiml.VoiceResponse();
    twiml.hangup();
    return twiml.toString();
  }

  /** On the hold music: silence; Twilio asks again when it ends. */
  pause(seconds: number): string {
    return this.build((twiml) => twiml.pause({ length: seconds }));
  }

  /**
   * A caller in danger whom we cannot queue: straight to the national crisis line (or the
   * hotline's own), and the emergency numbers if that call ends.
   */
  forwardToCrisisLine(): string {
    const crisisLine = this.hotline?.routing.crisisLine ?? DEFAULT_ROUTING.crisisLine;
    return this.build((twiml) => {
      this.say(twiml, (prompts) => prompts.connecting);
      twiml.dial({ answerOnBridge: true }, crisisLine);
      this.sayClosedMessage(twiml);
      this.say(twiml, (prompts) => prompts.goodbye, 'goodbye');
      twiml.hangup();
    });
  }

  /** Held too long: the apology, the emergency numbers, goodbye. */
  giveUp(): string {
    return this.build((twiml) => {
      this.say(twiml, (prompts) => prompts.apology);
      this.sayClosedMessage(twiml);
      this.say(twiml, (prompts) => prompts.goodbye, 'goodbye');
      twiml.hangup();
    });
  }

  private locales(): { locale: HotlineLocale; voice: ReturnType<typeof sayAs> }[] {
    if (this.hotline) return [{ locale: this.hotline.locale, voice: sayAs(this.hotline.voice()) }];
    return (['zh-CN', 'en'] as const).map((locale) => ({
      locale,
      voice: sayAs(DEFAULT_SAY_VOICE[locale]),
    }));
  }

  private say(
    twiml: VoiceResponse,
    text: (prompts: VoicePrompts) => string,
    greeting?: GreetingKey,
  ): void {
    if (this.hotline && greeting) {
      const said = text(VOICE_PROMPTS[this.hotline.locale]);
      new HotlineVoice(this.hotline).speak(twiml, { greeting, text: said });
      return;
    }
    for (const { locale, voice } of this.locales()) twiml.say(voice, text(VOICE_PROMPTS[locale]));
  }

  private sayClosedMessage(twiml: VoiceResponse): void {
    if (this.hotline) {
      twiml.say(sayAs(this.hotline.voice()), this.hotline.closedMessage);
      return;
    }
    for (const { locale, voice } of this.locales())
      twiml.say(voice, DEFAULT_CLOSED_MESSAGE[locale]);
  }

  private build(steps: (twiml: VoiceResponse) => void): string {
    const twiml = new twilio.twiml.VoiceResponse();
    steps(twiml);
    return twiml.toString();
  }
}
