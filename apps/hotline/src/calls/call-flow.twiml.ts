import { DateTime } from 'luxon';
import twilio from 'twilio';
import { currentOrNextOpening, localDateOf } from '@hotline/calendar';
import { defaultTaxonomy } from '@hotline/taxonomy';
import type { Hotline } from '../hotlines/hotline.entity';
import type { CallbackReason } from './callback-request.entity';
import type { CallRefusal } from './call.entity';
import { HotlineVoice, Line, VOICE_PROMPTS, VoicePrompts } from './voice-prompts';
import { CALLER_LABEL, joinConference } from './conference/conference.twiml';

type VoiceResponse = twilio.twiml.VoiceResponse;

export const VOICE_PATH = '/twilio/voice';
/** How long a waiting caller hears hold silence between position announcements. */
const HOLD_SECONDS = 20;
/** How long a holding caller offered a message or a call-back has to press a key. */
const CHOICE_SECONDS = 8;

/** What a holding caller is told: their place, or that nobody is on duty to answer. */
export type HoldNews = { position: number; expectedWaitSeconds: number } | 'nobody_on_duty' | null;

/**
 * The TwiML of each step of a call, in the hotline's language. Every answer ends in a way
 * Twilio can continue from: a menu, the queue, a dial, or a goodbye. The prompts the hotline
 * recorded are played instead of spoken (`HotlineVoice`).
 */
export class CallFlowTwiml {
  private readonly prompts: VoicePrompts;
  private readonly voice: HotlineVoice;

  constructor(
    private readonly hotline: Hotline,
    private readonly url: (path: string) => string,
  ) {
    this.prompts = VOICE_PROMPTS[hotline.locale];
    this.voice = new HotlineVoice(hotline);
  }

  /** Closed: the hours, when we next open, the emergency numbers, and a call-back offer. */
  closed(now: DateTime): string {
    return this.build((twiml) => {
      const schedule = this.hotline.schedule();
      const next = currentOrNextOpening(schedule, now);
      const closedToday = this.hotline.closures.some(
        (closure) => closure.date === localDateOf(schedule, now),
      );
      const speech: Line[] = [this.welcome()];
      if (closedToday) speech.push(this.prompts.closedToday);
      speech.push(this.prompts.hours(this.hotline.openingHours));
      if (next) speech.push(this.prompts.nextOpening(next.start!.setZone(this.hotline.timeZone)));
      this.voice.speak(twiml, ...speech);
      this.voice.speak(twiml, { greeting: 'closed', text: this.hotline.closedMessage });
      this.callbackOffer(twiml, 'closed_hours');
    });
  }

  callerMenu(): string {
    return this.build((twiml) => {
      const gather = twiml.gather({
        numDigits: 1,
        timeout: 6,
        action: this.url(`${VOICE_PATH}/menu?step=caller`),
        method: 'POST',
      });
      this.voice.speak(gather, this.welcome(), {
        greeting: 'callerMenu',
        text: this.prompts.callerMenu,
      });
      // No key pressed: Twilio goes on here, and the menu takes the default.
      twiml.redirect({ method: 'POST' }, this.url(`${VOICE_PATH}/menu?step=caller`));
    });
  }

  /**
   * A refused caller (blocked, or over the limit of calls): a short message, the emergency
   * numbers, and the danger key, which still queues them as a crisis. No key: the call ends.
   */
  refused(refusal: CallRefusal): string {
    return this.build((twiml) => {
      const gather = twiml.gather({
        numDigits: 1,
        timeout: 6,
        action: this.url(`${VOICE_PATH}/menu?step=caller`),
        method: 'POST',
      });
      this.voice.speak(
        gather,
        refusal === 'blocked' ? this.prompts.blocked : this.prompts.overLimit,
        this.prompts.emergencyNumbers,
        this.prompts.dangerKey,
      );
      twiml.redirect({ method: 'POST' }, this.url(`${VOICE_PATH}/menu?step=caller`));
    });
  }

  topicMenu(): string {
    return this.build((twiml) => {
      const gather = twiml.gather({
        numDigits: 1,
        timeout: 6,
        action: this.url(`${VOICE_PATH}/menu?step=topic`),
        method: 'POST',
      });
      this.voice.speak(gather, {
        greeting: 'topicMenu',
        text: this.prompts.topicMenu(defaultTaxonomy().menuTopics()),
      });
      twiml.redirect({ method: 'POST' }, this.url(`${VOICE_PATH}/menu?step=topic`));
    });
  }

  /** Into the hotline's Twilio queue; the routing engine decides who answers. */
  enqueue(crisis: boolean): string {
    return this.build((twiml) => {
      this.voice.speak(twiml, this.holdOn(crisis));
      twiml.enqueue(
        {
          waitUrl: this.url(`${VOICE_PATH}/wait`),
          waitUrlMethod: 'POST',
          action: this.url(`${VOICE_PATH}/queue-result`),
          method: 'POST',
        },
        `hotline-${this.hotline.id}`,
      );
    });
  }

  /**
   * Played while waiting; Twilio asks again when it ends. With `offerChoice`, the caller may
   * press 1 for a message or 2 for a call-back (a `<Gather>` is one of the verbs Twilio plays
   * in a queue; its answer leaves the queue). "You are next" is never said when nobody is on
   * duty, nor when the place is unknown.
   */
  hold(news: HoldNews, offerChoice: boolean, crisis = false): string {
    return this.build((twiml) => {
      const speech: Line =
        news === 'nobody_on_duty'
          ? this.prompts.nobodyOnDuty
          : news
            ? this.prompts.position(
                news.position,
                Math.max(1, Math.round(news.expectedWaitSeconds / 60)),
              )
            : this.holdOn(crisis);
      if (!offerChoice) {
        this.voice.speak(twiml, speech);
        twiml.pause({ length: HOLD_SECONDS });
        return;
      }
      const gather = twiml.gather({
        numDigits: 1,
        timeout: CHOICE_SECONDS,
        action: this.url(`${VOICE_PATH}/wait-choice`),
        method: 'POST',
      });
      this.voice.speak(gather, speech, this.prompts.messageOrCallback);
      twiml.pause({ length: HOLD_SECONDS - CHOICE_SECONDS });
    });
  }

  /** Back to the hold loop (a key other than 1 or 2 while holding). */
  backToHold(): string {
    return this.build((twiml) =>
      twiml.redirect({ method: 'POST' }, this.url(`${VOICE_PATH}/wait`)),
    );
  }

  /**
   * Instead of holding (nobody on duty, waited too long) or instead of a call-back (no caller
   * id): 1 for a message, and 2 for a call-back when the caller has a number to call.
   */
  messageOrCallback(reason: CallbackReason, speech: string[], canCallBack: boolean): string {
    return this.build((twiml) => {
      for (const text of speech) this.voice.speak(twiml, text);
      const gather = twiml.gather({
        numDigits: 1,
        timeout: CHOICE_SECONDS,
        action: this.url(`${VOICE_PATH}/choice?reason=${reason}`),
        method: 'POST',
      });
      this.voice.speak(
        gather,
        canCallBack ? this.prompts.messageOrCallback : this.prompts.messageOnly,
      );
      this.voice.speak(twiml, this.hotline.closedMessage);
      this.voice.speak(twiml, this.goodbyePrompt());
      twiml.hangup();
    });
  }

  /** A caller without caller id asked for a call-back: the hours, and a message instead. */
  noCallbackWithoutNumber(reason: CallbackReason): string {
    return this.messageOrCallback(
      reason,
      [this.prompts.noNumberForCallback, this.prompts.hours(this.hotline.openingHours)],
      false,
    );
  }

  /**
   * Records the caller's message, up to the hotline's `voicemailMaxSeconds`; Twilio reports
   * the recording to the signed recording webhook, and its audio stays at Twilio.
   */
  recordMessage(reason: CallbackReason): string {
    return this.build((twiml) => {
      this.voice.speak(twiml, this.prompts.recordMessage);
      twiml.record({
        maxLength: this.hotline.routing.voicemailMaxSeconds,
        finishOnKey: '#',
        playBeep: true,
        action: this.url(`${VOICE_PATH}/recorded?reason=${reason}`),
        method: 'POST',
        recordingStatusCallback: this.url(`${VOICE_PATH}/recording?reason=${reason}`),
        recordingStatusCallbackMethod: 'POST',
        recordingStatusCallbackEvent: ['completed', 'absent'],
      });
      // Reached when Twilio heard nothing (it then calls no action).
      this.voice.speak(twiml, this.prompts.noMessageHeard);
      this.voice.speak(twiml, this.hotline.closedMessage);
      this.voice.speak(twiml, this.goodbyePrompt());
      twiml.hangup();
    });
  }

  messageKept(): string {
    return this.goodbye(this.prompts.messageKept, this.hotline.closedMessage);
  }

  /** Takes a caller who waited too long out of the queue; the queue result offers the call-back. */
  leaveQueue(): string {
    return this.build((twiml) => twiml.leave());
  }

  /** Waited too long: a message or a call-back instead of holding on. */
  overflow(canCallBack: boolean): string {
    return this.messageOrCallback('overflow', [this.prompts.waitedTooLong], canCallBack);
  }

  queueFull(): string {
    return this.goodbye(this.prompts.queueFull, this.hotline.closedMessage);
  }

  callbackRecorded(forDate: string): string {
    return this.goodbye(
      this.prompts.callbackRecorded(DateTime.fromISO(forDate, { zone: this.hotline.timeZone })),
    );
  }

  /**
   * The caller enters the call's conference and waits there for the volunteer, who is rung on
   * a leg of their own (see `ConferenceLegs`). The dial's action hears when the caller leaves.
   */
  conference(callId: string): string {
    return this.build((twiml) => {
      this.voice.speak(twiml, this.prompts.connecting);
      const dial = twiml.dial({
        action: this.url(`${VOICE_PATH}/dial-result?call=${callId}`),
        method: 'POST',
      });
      joinConference(dial, callId, CALLER_LABEL, this.url);
    });
  }

  goodbye(...speech: string[]): string {
    return this.build((twiml) => {
      for (const text of speech) this.voice.speak(twiml, text);
      this.voice.speak(twiml, this.goodbyePrompt());
      twiml.hangup();
    });
  }

  /** Nothing more to say (Twilio ignores the answer, e.g. after the caller left). */
  static empty(): string {
    return new twilio.twiml.VoiceResponse().toString();
  }

  private callbackOffer(twiml: VoiceResponse, reason: 'closed_hours'): void {
    const gather = twiml.gather({
      numDigits: 1,
      timeout: 8,
      action: this.url(`${VOICE_PATH}/callback?reason=${reason}`),
      method: 'POST',
    });
    this.voice.speak(gather, this.prompts.callbackOffer);
    this.voice.speak(twiml, this.goodbyePrompt());
    twiml.hangup();
  }

  private welcome(): Line {
    return { greeting: 'welcome', text: this.prompts.welcome(this.hotline.name) };
  }

  private holdOn(crisis: boolean): Line {
    return crisis
      ? { greeting: 'crisisHoldOn', text: this.prompts.crisisHoldOn }
      : { greeting: 'holdOn', text: this.prompts.holdOn };
  }

  private goodbyePrompt(): Line {
    return { greeting: 'goodbye', text: this.prompts.goodbye };
  }

  private build(steps: (twiml: VoiceResponse) => void): string {
    const twiml = new twilio.twiml.VoiceResponse();
    steps(twiml);
    return twiml.toString();
  }
}
