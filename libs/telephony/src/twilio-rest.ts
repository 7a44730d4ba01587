import { Readable } from 'node:stream';
import twilio from 'twilio';
import type { RequestOptions } from 'twilio/lib/base/RequestClient';

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** Where REST calls go instead of https://api.twilio.com (a compatible provider, a local fake). */
  apiBaseUrl: string;
}

/**
 * Sends the official client's requests to `apiBaseUrl`: every Twilio host
 * (api.twilio.com, regional and edge hosts) is swapped for it, the path is kept.
 */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly apiBaseUrl: URL) {
    super({ keepAlive: true });
  }

  override request<TData>(options: RequestOptions<TData>) {
    const target = new URL(options.uri);
    if (target.hostname.endsWith('twilio.com')) {
      target.protocol = this.apiBaseUrl.protocol;
      target.host = this.apiBaseUrl.host;
      target.pathname = this.apiBaseUrl.pathname.replace(/\/$/, '') + target.pathname;
    }
    return super.request<TData>({ ...options, uri: target.toString() });
  }
}

/** How someone is in a conference (Twilio's Participant parameters). */
export interface ParticipantOptions {
  muted?: boolean;
  hold?: boolean;
  holdUrl?: string;
  coaching?: boolean;
  callSidToCoach?: string;
}

/** A call's progress events that may be sent to its status callback (Twilio sends `completed` by default). */
export type CallProgressEvent = 'initiated' | 'ringing' | 'answered' | 'completed';

/** A call the hotline places (Twilio's Calls resource, create). */
export interface OutboundCall {
  from: string;
  to: string;
  url: string;
  timeout: number;
  statusCallback?: string;
  statusCallbackEvent?: CallProgressEvent[];
  /**
   * Twilio's answering machine detection, synchronous: the TwiML fetch waits for the verdict
   * (at most `machineDetectionTimeout` seconds, 3 to 59) and carries it as `AnsweredBy`.
   */
  machineDetection?: 'Enable';
  machineDetectionTimeout?: number;
}

/** A recording's audio as Twilio sends it: a stream, and its length when Twilio says it. */
export interface RecordingAudio {
  body: Readable;
  length: number | null;
}

/** The REST calls the hotline makes to Twilio, through the official client. */
export class TwilioRest {
  private readonly client: twilio.Twilio;

  constructor(private readonly account: TwilioAccount) {
    const base = new URL(account.apiBaseUrl);
    const isTwilio = base.hostname === 'api.twilio.com';
    this.client = twilio(account.accountSid, account.authToken, {
      ...(isTwilio ? {} : { httpClient: new RedirectingRequestClient(base) }),
      autoRetry: true,
      maxRetries: 2,
    });
  }

  /** Takes one waiting caller out of a queue and points their call at `url` (TwiML for the Dial). */
  async dequeue(queueSid: string, callSid: string, url: string): Promise<void> {
    await this.client.queues(queueSid).members(callSid).update({ url, method: 'POST' });
  }

  /** Sends a text message; `statusCallback` hears of its delivery. Returns Twilio's message sid. */
  async sendSms(message: {
    from: string;
    to: string;
    body: string;
    statusCallback?: string;
  }): Promise<string> {
    return (await this.client.messages.create(message)).sid;
  }

  /**
   * Places an outbound call from `from` to `to`; Twilio fetches `url` (POST) for its TwiML once
   * it is answered, and gives up after `timeout` seconds of ringing. Returns the call's sid.
   */
  async createCall(call: OutboundCall): Promise<string> {
    const callback = call.statusCallback ? { statusCallbackMethod: 'POST' } : {};
    return (await this.client.calls.create({ ...call, ...callback, method: 'POST' })).sid;
  }

  /**
   * A call's status as Twilio sees it now: `queued`, `ringing`, `in-progress`, or one of the
   * ends (`completed`, `busy`, `failed`, `no-answer`, `canceled`).
   */
  async callStatus(callSid: string): Promise<string> {
    return (await this.client.calls(callSid).fetch()).status;
  }

  /** Points a live call at new TwiML (used when the queue is not known yet). */
  async redirect(callSid: string, url: string): Promise<void> {
    await this.client.calls(callSid).update({ url, method: 'POST' });
  }

  /** Hangs up a live call (`Status=completed`); Twilio refuses one that is not in progress. */
  async endCall(callSid: string): Promise<void> {
    await this.client.calls(callSid).update({ status: 'completed' });
  }

  /**
   * Stops a call still queued or ringing (`Status=canceled`); one answered meanwhile is left
   * alone, as Twilio does.
   */
  async cancelCall(callSid: string): Promise<void> {
    await this.client.calls(callSid).update({ status: 'canceled' });
  }

  /**
   * Adds someone to a conference (named by its sid, or by its friendly name, which creates it
   * if need be): Twilio rings `to` and joins them as `options` say. Returns their leg's CallSid.
   */
  async addParticipant(
    conference: string,
    participant: { from: string; to: string; timeout: number } & ParticipantOptions & {
        label?: string;
        beep?: 'true' | 'false';
        startConferenceOnEnter?: boolean;
        endConferenceOnExit?: boolean;
        statusCallback?: string;
      },
  ): Promise<string> {
    return (await this.client.conferences(conference).participants.create(participant)).callSid;
  }

  /** Changes how someone is in a conference (muted, on hold, coaching someone). */
  async updateParticipant(
    conferenceSid: string,
    callSid: string,
    options: ParticipantOptions,
  ): Promise<void> {
    await this.client.conferences(conferenceSid).participants(callSid).update(options);
  }

  async endConference(conferenceSid: string): Promise<void> {
    await this.client.conferences(conferenceSid).update({ status: 'completed' });
  }

  /** Takes someone out of a conference (their leg hangs up); one already gone counts as removed. */
  async removeParticipant(conferenceSid: string, callSid: string): Promise<void> {
    try {
      await this.client.conferences(conferenceSid).participants(callSid).remove();
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }

  /**
   * A recording's audio as MP3, streamed with the account's credentials (Twilio may enforce
   * HTTP authentication on media URLs, and redirects to the file). Null when Twilio has no
   * such recording (deleted, or never made).
   */
  async recordingMp3(recordingSid: string): Promise<RecordingAudio | null> {
    if (!/^RE[0-9a-fA-F]{32}$/.test(recordingSid)) return null;
    const base = this.account.apiBaseUrl.replace(/\/$/, '');
    const response = await fetch(
      `${base}/2010-04-01/Accounts/${this.account.accountSid}/Recordings/${recordingSid}.mp3`,
      {
        headers: {
          Authorization: `Basic ${Buffer.from(`${this.account.accountSid}:${this.account.authToken}`).toString('base64')}`,
        },
      },
    );
    if (response.status === 404) return null;
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`Twilio answered ${response.status} for a recording`);
    }
    const length = Number(response.headers.get('content-length'));
    return {
      // Passed on as it arrives: a long message starts playing before it has all come.
      body: Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]),
      length: Number.isInteger(length) && length > 0 ? length : null,
    };
  }

  /** Deletes a recording at Twilio; one already gone counts as deleted. */
  async deleteRecording(recordingSid: string): Promise<void> {
    try {
      await this.client.recordings(recordingSid).remove();
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
}
