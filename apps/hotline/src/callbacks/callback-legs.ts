import { Injectable } from '@nestjs/common';
import { CallFlowTwiml } from '../calls/call-flow.twiml';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { CallbackAttempts } from './callback-attempts.service';
import { CallbackDialler } from './callback-dialler';
import { START_DIGIT } from './callback.twiml';

/** The parameters of the call-back legs' webhooks that are read. */
export interface CallbackLegParams {
  CallSid: string;
  /** The leg's final status (status callbacks). */
  CallStatus?: string;
  /** Twilio's machine detection verdict, on the caller's leg when it picks up. */
  AnsweredBy?: string;
  /** The key pressed on the volunteer's screen. */
  Digits?: string;
}

/** Final statuses of a leg: its status callback says how it ended. */
const FINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/**
 * Twilio's webhooks of a call-back's two legs, turned into the attempt's events and answered
 * with the TwiML the attempt decided. An attempt that is not known (any more) ends the leg
 * politely: it never leaves a volunteer or a child on a silent line.
 */
@Injectable()
export class CallbackLegs {
  constructor(
    private readonly attempts: CallbackAttempts,
    private readonly dialler: CallbackDialler,
    private readonly directory: HotlineDirectory,
  ) {}

  /**
   * The volunteer's leg: on a phone, first the screen, then (`key`) what they pressed; a
   * browser joins at once (`join`); `over`, sent there when the attempt ended, says how.
   */
  async volunteer(
    attemptId: string | undefined,
    step: string | undefined,
    params: CallbackLegParams,
  ): Promise<string> {
    const attempt = attemptId ? await this.attempts.find(attemptId) : null;
    const twiml = attempt
      ? await this.dialler.twiml(attempt.hotlineId)
      : this.dialler.twimlFor(await this.directory.called(undefined));
    if (!attempt) return twiml.over('not_placed');
    if (step === 'over') return twiml.over(attempt.outcome ?? 'not_placed');
    if (step === undefined && attempt.status === 'ringing_volunteer')
      return twiml.screen(attempt.id);
    if (step === 'key' && params.Digits !== START_DIGIT) return twiml.over('not_placed');
    const applied = await this.attempts.apply(attempt.id, { type: 'volunteer_joined' });
    return twiml.volunteer(attempt.id, applied!.step.answer ?? 'over', applied!.attempt.outcome);
  }

  /** The caller's phone picked up (with Twilio's verdict: a person, or a machine). */
  async caller(attemptId: string | undefined, params: CallbackLegParams): Promise<string> {
    const applied = attemptId
      ? await this.attempts.apply(attemptId, {
          type: 'caller_picked_up',
          answeredBy: params.AnsweredBy,
        })
      : null;
    const twiml = applied
      ? await this.dialler.twiml(applied.attempt.hotlineId)
      : this.dialler.twimlFor(await this.directory.called(undefined));
    return twiml.caller(attemptId ?? '', applied?.step.answer ?? 'sorry');
  }

  /** A leg's status callback: its end moves the attempt on. */
  async legEnded(
    attemptId: string | undefined,
    leg: string | undefined,
    params: CallbackLegParams,
  ): Promise<string> {
    const status = params.CallStatus ?? '';
    if (attemptId && FINAL.has(status) && (leg === 'volunteer' || leg === 'caller'))
      await this.attempts.apply(
        attemptId,
        leg === 'volunteer'
          ? { type: 'volunteer_leg_ended', status }
          : { type: 'caller_leg_ended', status },
      );
    return CallFlowTwiml.empty();
  }
}
