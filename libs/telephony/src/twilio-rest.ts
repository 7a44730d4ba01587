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
  async createCall(call: {
    from: string;
    to: string;
    url: string;
    timeout: number;
    statusCallback?: string;
  }): Promise<string> {
    return (await this.client.calls.create({ ...call, method: 'POST' })).sid;
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
   * A recording's audio as MP3, fetched with the account's credentials (Twilio may enforce
   * HTTP authentication on media URLs, and redirects to the file). Null when Twilio has no
   * such recording (deleted, or never made).
   */
  async recordingMp3(recordingSid: string): Promise<Buffer | null> {
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
    if (!response.ok) throw new Error(`Twilio answered ${response.status} for a recording`);
    return Buffer.from(await response.arrayBuffer());
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
