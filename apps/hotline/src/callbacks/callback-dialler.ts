import { Injectable, Logger } from '@nestjs/common';
import { CallerTransfer, DialTarget } from '../calls/caller-transfer';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import type { Hotline } from '../hotlines/hotline.entity';
import { Telephony } from '../telephony/telephony';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallbackTwiml, callerLegPath, legStatusPath, volunteerLegPath } from './callback.twiml';

/** How long the caller's phone rings before Twilio gives up (`no-answer`). */
export const CALLER_RING_SECONDS = 30;
/**
 * At most this long for Twilio to tell a person from a voicemail once the caller picks up:
 * the child hears the volunteer after it, so it is kept short.
 */
export const MACHINE_DETECTION_SECONDS = 5;

/**
 * The call-back's legs at Twilio: the volunteer's (their browser, or their phone with a screen)
 * and the caller's, from the hotline's own number, so the child sees the number they rang. A
 * leg that Twilio cannot act on any more (it ended meanwhile) is not an error here: its status
 * callback tells the attempt how it ended.
 */
@Injectable()
export class CallbackDialler {
  private readonly logger = new Logger('CallbackDesk');

  constructor(
    private readonly telephony: Telephony,
    private readonly transfer: CallerTransfer,
    private readonly directory: HotlineDirectory,
  ) {}

  get enabled(): boolean {
    return this.telephony.enabled;
  }

  /** Where the volunteer would ring: their softphone, their phone, or nowhere (null). */
  target(volunteer: Volunteer): Promise<DialTarget | null> {
    return this.transfer.targetFor(volunteer);
  }

  async twiml(hotlineId: string): Promise<CallbackTwiml> {
    return this.twimlFor(await this.directory.hotline(hotlineId));
  }

  twimlFor(hotline: Hotline): CallbackTwiml {
    return new CallbackTwiml(hotline, (path) => this.telephony.url(path));
  }

  /** Rings the volunteer; their leg runs the screen (a phone) or joins at once (a browser). */
  async ringVolunteer(attemptId: string, target: DialTarget, ringSeconds: number): Promise<string> {
    const softphone = 'client' in target;
    return this.telephony.placeCall(
      softphone ? `client:${target.client}` : target.number,
      volunteerLegPath(attemptId, softphone ? 'join' : undefined),
      ringSeconds,
      legStatusPath(attemptId, 'volunteer'),
    );
  }

  /** Rings the caller from the hotline's number; a voicemail is told apart before anyone speaks. */
  async ringCaller(attemptId: string, hotlineId: string, number: string): Promise<string> {
    const hotline = await this.directory.hotline(hotlineId);
    return this.telephony.placeCall(
      number,
      callerLegPath(attemptId),
      CALLER_RING_SECONDS,
      legStatusPath(attemptId, 'caller'),
      { from: hotline.phoneNumber, detectMachineSeconds: MACHINE_DETECTION_SECONDS },
    );
  }

  /** A leg's status at Twilio now, or undefined when Twilio does not say (see `Telephony.callStatus`). */
  async legStatus(legSid: string): Promise<string | undefined> {
    return this.telephony.callStatus(legSid).catch(() => undefined);
  }

  /** The volunteer gave up before the caller answered: their phone stops ringing. */
  cancelCaller(attemptId: string, legSid: string): Promise<void> {
    return this.quietly(attemptId, 'stop the caller ringing', () =>
      this.telephony.cancelCall(legSid),
    );
  }

  /** Nobody is with the caller any more: their leg hangs up. */
  hangUpCaller(attemptId: string, legSid: string): Promise<void> {
    return this.quietly(attemptId, "hang up the caller's leg", () =>
      this.telephony.endCall(legSid),
    );
  }

  /** The volunteer's leg hears how it ended, then hangs up. */
  releaseVolunteer(attemptId: string, legSid: string): Promise<void> {
    return this.quietly(attemptId, "end the volunteer's leg", () =>
      this.telephony.redirect(legSid, volunteerLegPath(attemptId, 'over')),
    );
  }

  private async quietly(attemptId: string, what: string, work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      this.logger.warn({ ...twilioFailure(error), attemptId }, `could not ${what}`);
    }
  }
}

/**
 * What a log line may say of a Twilio failure: its HTTP status and Twilio's error code, never
 * its message, which may quote the number dialled.
 */
export function twilioFailure(error: unknown): { status?: unknown; code?: unknown } {
  const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
  return { status, code };
}
