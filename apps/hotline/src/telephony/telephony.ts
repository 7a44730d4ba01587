import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  CallProgressEvent,
  ParticipantOptions,
  RecordingAudio,
  TwilioRest,
} from '@hotline/telephony';
import { Environment } from '../config/environment';

/** How a call the hotline places goes beyond ringing `to` and fetching its TwiML. */
export interface PlacedCallOptions {
  /** The caller id to show: a hotline's own number (default: the account's number). */
  from?: string | null;
  /** Progress events for the status callback (Twilio's default: only `completed`). */
  statusEvents?: CallProgressEvent[];
  /** Tell a person from a voicemail: the TwiML fetch carries `AnsweredBy`, within this many seconds. */
  detectMachineSeconds?: number;
}

/**
 * The hotline's link to Twilio: its REST client when telephony is configured, the auth token
 * that signs webhooks, and the public address webhooks are signed against.
 */
@Injectable()
export class Telephony {
  private readonly logger = new Logger(Telephony.name);
  readonly authToken: string | undefined;
  readonly publicBaseUrl: string;
  private readonly rest: TwilioRest | undefined;
  private readonly phoneNumber: string | undefined;

  constructor(config: ConfigService<Environment, true>) {
    this.publicBaseUrl = config.get('PUBLIC_BASE_URL', { infer: true });
    this.authToken = config.get('TWILIO_AUTH_TOKEN', { infer: true });
    this.phoneNumber = config.get('TWILIO_PHONE_NUMBER', { infer: true });
    const accountSid = config.get('TWILIO_ACCOUNT_SID', { infer: true });
    this.rest =
      accountSid && this.authToken
        ? new TwilioRest({
            accountSid,
            authToken: this.authToken,
            apiBaseUrl: config.get('TWILIO_API_BASE_URL', { infer: true }),
          })
        : undefined;
  }

  get enabled(): boolean {
    return this.rest !== undefined;
  }

  /** Absolute address of one of our webhooks, as Twilio must call it. */
  url(path: string): string {
    return `${this.publicBaseUrl}${path}`;
  }

  /**
   * Sends a waiting caller to `path` (the TwiML that dials their volunteer): out of the
   * Twilio queue when we know it, else by redirecting the live call.
   */
  async sendCallerTo(callSid: string, queueSid: string | null, path: string): Promise<void> {
    if (!this.rest) throw new Error('telephony is not configured');
    if (queueSid) await this.rest.dequeue(queueSid, callSid, this.url(path));
    else await this.redirect(callSid, path);
    this.logger.debug(`caller sent to ${path}`);
  }

  /**
   * A call's status at Twilio (see `TwilioRest.callStatus`), or undefined when Twilio does not
   * answer within `timeoutMs`: a check must never hang on a silent API.
   */
  async callStatus(callSid: string, timeoutMs = 5_000): Promise<string | undefined> {
    if (!this.rest) throw new Error('telephony is not configured');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([this.rest.callStatus(callSid), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Hangs up a live call at Twilio; its status callback then ends it here as any hang-up. */
  async endCall(callSid: string): Promise<void> {
    if (!this.rest) throw new Error('telephony is not configured');
    await this.rest.endCall(callSid);
  }

  /** Stops a call that is still ringing (one answered meanwhile goes on). */
  async cancelCall(callSid: string): Promise<void> {
    if (!this.rest) throw new Error('telephony is not configured');
    await this.rest.cancelCall(callSid);
  }

  /** Points a live call at the TwiML of one of our webhooks. */
  async redirect(callSid: string, path: string): Promise<void> {
    if (!this.rest) throw new Error('telephony is not configured');
    await this.rest.redirect(callSid, this.url(path));
  }

  /**
   * Rings `to` from the hotline's number; once answered, Twilio fetches the TwiML at `path`.
   * The number never reaches the log. Returns Twilio's call sid.
   */
  async placeCall(
    to: string,
    path: string,
    ringSeconds: number,
    statusCallbackPath?: string,
    options: PlacedCallOptions = {},
  ): Promise<string> {
    if (!this.rest || !this.phoneNumber) throw new Error('telephony is not configured');
    const sid = await this.rest.createCall({
      from: options.from ?? this.phoneNumber,
      to,
      url: this.url(path),
      timeout: ringSeconds,
      ...(statusCallbackPath ? { statusCallback: this.url(statusCallbackPath) } : {}),
      ...(statusCallbackPath && options.statusEvents
        ? { statusCallbackEvent: options.statusEvents }
        : {}),
      ...(options.detectMachineSeconds
        ? { machineDetection: 'Enable', machineDetectionTimeout: options.detectMachineSeconds }
        : {}),
    });
    this.logger.debug(`call placed for ${path.split('?')[0]}`);
    return sid;
  }

  /**
   * Rings `to` into a call's conference (its friendly name), joining as `options` say; the
   * conference's status callback hears of the join. Returns the new leg's CallSid.
   */
  async joinConference(
    conference: string,
    to: string,
    label: string,
    ringSeconds: number,
    options: ParticipantOptions,
    statusCallbackPath: string,
  ): Promise<string> {
    if (!this.rest || !this.phoneNumber) throw new Error('telephony is not configured');
    return this.rest.addParticipant(conference, {
      from: this.phoneNumber,
      to,
      timeout: ringSeconds,
      label,
      beep: 'false',
      startConferenceOnEnter: true,
      endConferenceOnExit: false,
      statusCallback: this.url(statusCallbackPath),
      ...options,
    });
  }

  async updateParticipant(
    conferenceSid: string,
    callSid: string,
    options: ParticipantOptions,
  ): Promise<void> {
    if (!this.rest) throw new Error('telephony is not configured');
    await this.rest.updateParticipant(conferenceSid, callSid, options);
  }

  /** Ends a conference: everyone in it leaves (the caller's dial goes on to its action). */
  async endConference(conferenceSid: string): Promise<void> {
    if (!this.rest) throw new Error('telephony is not configured');
    await this.rest.endConference(conferenceSid);
  }

  async removeParticipant(conferenceSid: string, callSid: string): Promise<void> {
    if (!this.rest) throw new Error('telephony is not configured');
    await this.rest.removeParticipant(conferenceSid, callSid);
  }

  /**
   * Texts `to` from the hotline's number; the number never reaches the log. With
   * `statusCallback`, Twilio reports the message's delivery there.
   */
  async sendSms(to: string, body: string, statusCallback?: string): Promise<string> {
    if (!this.rest || !this.phoneNumber) throw new Error('telephony is not configured');
    return this.rest.sendSms({
      from: this.phoneNumber,
      to,
      body,
      ...(statusCallback ? { statusCallback } : {}),
    });
  }

  /** A caller's message as MP3, streamed from Twilio where it is kept; null when Twilio has it no more. */
  async recordingMp3(recordingSid: string): Promise<RecordingAudio | null> {
    if (!this.rest) throw new Error('telephony is not configured');
    return this.rest.recordingMp3(recordingSid);
  }

  /** Deletes a caller's message at Twilio (past retention). */
  async deleteRecording(recordingSid: string): Promise<void> {
    if (!this.rest) throw new Error('telephony is not configured');
    await this.rest.deleteRecording(recordingSid);
  }
}
