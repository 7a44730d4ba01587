import twilio from 'twilio';
import type { Hotline } from '../hotlines/hotline.entity';
import { LADDER_PROMPTS, LadderPrompts } from './ladder-prompts';
import { sayAs } from './voice-prompts';

type VoiceResponse = twilio.twiml.VoiceResponse;

export const LADDER_PATH = '/twilio/voice/ladder';

/** The conference a crisis caller and the supervisor who took them meet in: one per call. */
export const conferenceOf = (callId: string) => `crisis-${callId}`;

/**
 * The TwiML of the escalation ladder, in the hotline's language and voice: the supervisors'
 * calls, and the crisis caller's moves to a supervisor or to the crisis line.
 */
export class LadderTwiml {
  private readonly prompts: LadderPrompts;
  private readonly voice: ReturnType<typeof sayAs>;

  constructor(
    hotline: Hotline,
    private readonly url: (path: string) => string,
  ) {
    this.prompts = LADDER_PROMPTS[hotline.locale];
    this.voice = sayAs(hotline.voice());
  }

  /** A supervisor answered: a crisis caller waits; 1 takes them. Said twice, then goodbye. */
  supervisorAsked(callId: string, supervisorId: string, waitedSeconds: number): string {
    return this.build((twiml) => {
      const gather = twiml.gather({
        numDigits: 1,
        timeout: 8,
        action: this.url(`${LADDER_PATH}/take?call=${callId}&supervisor=${supervisorId}`),
        method: 'POST',
      });
      gather.say(
        this.voice,
        `${this.prompts.crisisWaiting(waitedSeconds)} ${this.prompts.pressOne}`,
      );
      gather.pause({ length: 2 });
      gather.say(this.voice, this.prompts.pressOne);
      twiml.say(this.voice, this.prompts.noKey);
      twiml.hangup();
    });
  }

  /** The supervisor took the caller: into the caller's conference, which ends when either leaves. */
  supervisorJoins(callId: string): string {
    return this.build((twiml) => {
      twiml.say(this.voice, this.prompts.connectingSupervisor);
      this.conference(twiml, callId);
    });
  }

  alreadyTaken(): string {
    return this.goodbye(this.prompts.alreadyTaken);
  }

  noKey(): string {
    return this.goodbye(this.prompts.noKey);
  }

  /** The caller, out of the queue, joins the conference the supervisor is in. */
  callerJoins(callId: string): string {
    return this.build((twiml) => {
      twiml.say(this.voice, this.prompts.connectingCaller);
      this.conference(twiml, callId);
    });
  }

  /**
   * The caller is dialled through to the crisis line. Without a callerId Twilio passes the
   * caller's own number on, so the crisis line can call the child back if the line drops.
   */
  forward(to: string): string {
    return this.build((twiml) => {
      twiml.say(this.voice, this.prompts.forwarding);
      twiml.dial({ timeout: 60 }, to);
    });
  }

  private conference(twiml: VoiceResponse, callId: string): void {
    twiml.dial().conference(
      {
        beep: 'false',
        startConferenceOnEnter: true,
        endConferenceOnExit: true,
      },
      conferenceOf(callId),
    );
  }

  private goodbye(text: string): string {
    return this.build((twiml) => {
      twiml.say(this.voice, text);
      twiml.hangup();
    });
  }

  private build(steps: (twiml: VoiceResponse) => void): string {
    const twiml = new twilio.twiml.VoiceResponse();
    steps(twiml);
    return twiml.toString();
  }
}
