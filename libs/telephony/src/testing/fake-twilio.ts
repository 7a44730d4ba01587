import { randomBytes } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { FakeConferences } from './fake-conferences';

export interface FakeTwilioRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  /** The account the Basic credentials named. */
  accountSid: string;
}

/** A call the hotline asked Twilio to place. */
export interface PlacedCall {
  sid: string;
  params: Record<string, string>;
}

/** The statuses of Twilio's Call resource. */
export type CallStatus =
  'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

const ENDED_CALL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
}

/**
 * A small stand-in for Twilio's REST API: answers the calls the hotline makes like Twilio
 * does, records them, and emits each as a `request` event. Shared by the end-to-end tests
 * and the caller simulator. `failNext(n)` makes the next n requests fail with a 500, as an
 * outage would; `stallNext(n)` holds the next n requests unanswered (a Twilio that never
 * answers) until `releaseStalled()` fails them. A call's status (its Call resource) is
 * `in-progress` until `setCallStatus` says otherwise; an ended call cannot be redirected.
 */
export class FakeTwilio extends EventEmitter {
  /** Every fake started and not yet stopped in this process, for helpers that play Twilio. */
  static readonly running = new Set<FakeTwilio>();
  readonly requests: FakeTwilioRequest[] = [];
  /** Calls the hotline placed (POST .../Calls.json), with the sid Twilio gave each. */
  readonly placed: PlacedCall[] = [];
  /** Recordings Twilio holds (made by `<Record>`), by sid: their audio until deleted. */
  private readonly recordings = new Map<string, { callSid: string; audio: Buffer }>();
  private server?: Server;
  private failures = 0;
  private stalls = 0;
  private readonly stalled: (() => void)[] = [];
  private readonly callStatuses = new Map<string, string>();
  /** Conferences and their participants (`<Dial><Conference>` and the REST resources). */
  readonly conferences = new FakeConferences();

  constructor(private readonly options: FakeTwilioOptions) {
    super();
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    FakeTwilio.running.add(this);
    return this.baseUrl;
  }

  get baseUrl(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    FakeTwilio.running.delete(this);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /**
   * What Twilio does when a `<Record>` ends: it keeps the audio and gives it a sid, which the
   * recording status callback then reports. The audio is a few bytes standing for an MP3.
   */
  record(callSid: string): { recordingSid: string; audio: Buffer } {
    const recordingSid = `RE${randomBytes(16).toString('hex')}`;
    const audio = Buffer.concat([Buffer.from('ID3'), randomBytes(61)]);
    this.recordings.set(recordingSid, { callSid, audio });
    return { recordingSid, audio };
  }

  /** Whether Twilio still holds this recording (not deleted). */
  holdsRecording(recordingSid: string): boolean {
    return this.recordings.has(recordingSid);
  }

  failNext(count = 1): void {
    this.failures = count;
  }

  /** The next `count` requests get no answer until `releaseStalled()`. */
  stallNext(count = 1): void {
    this.stalls = count;
  }

  /** Answers every stalled request with a 500, as a gateway giving up would. */
  releaseStalled(): void {
    for (const release of this.stalled.splice(0)) release();
  }

  /**
   * What Twilio says of this call from now on: `queued`, `ringing`, `in-progress`, `completed`,
   * `busy`, `failed`, `no-answer` or `canceled`.
   */
  setCallStatus(callSid: string, status: CallStatus): void {
    this.callStatuses.set(callSid, status);
  }

  /**
   * The call some running fake placed whose parameters match (already placed, or the next one
   * within `timeoutMs`), and that fake: Twilio's side of a leg the hotline rang.
   */
  static async placedCall(
    match: (call: PlacedCall) => boolean,
    timeoutMs = 5_000,
  ): Promise<PlacedCall & { twilio: FakeTwilio }> {
    for (const twilio of FakeTwilio.running) {
      const seen = twilio.placed.find(match);
      if (seen) return { ...seen, twilio };
    }
    return new Promise((resolve, reject) => {
      const listeners = new Map<FakeTwilio, (call: PlacedCall) => void>();
      const done = () => {
        clearTimeout(timer);
        for (const [twilio, listener] of listeners) twilio.off('placed', listener);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error('no fake Twilio was asked to place a matching call in time'));
      }, timeoutMs);
      for (const twilio of FakeTwilio.running) {
        const listener = (call: PlacedCall) => {
          if (!match(call)) return;
          done();
          resolve({ ...call, twilio });
        };
        listeners.set(twilio, listener);
        twilio.on('placed', listener);
      }
    });
  }

  /** Resolves with the next recorded request that matches, waiting up to `timeoutMs`. */
  async next(
    match: (request: FakeTwilioRequest) => boolean,
    timeoutMs = 5_000,
  ): Promise<FakeTwilioRequest> {
    const seen = this.requests.find(match);
    if (seen) return seen;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error('the fake Twilio received no matching request in time'));
      }, timeoutMs);
      const listener = (request: FakeTwilioRequest) => {
        if (!match(request)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(request);
      };
      this.on('request', listener);
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let data = '';
      request.on('data', (chunk: Buffer) => (data += chunk));
      request.on('end', () => resolve(data));
    });
    const [user, password] = Buffer.from(
      (request.headers.authorization ?? '').replace(/^Basic /, ''),
      'base64',
    )
      .toString()
      .split(':');
    const reply = (status: number, payload: object) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    if (user !== this.options.accountSid || password !== this.options.authToken) {
      return reply(401, { code: 20003, message: 'Authenticate', status: 401 });
    }
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const recorded: FakeTwilioRequest = {
      method: request.method ?? 'GET',
      path,
      params: formParams(body),
      accountSid: user,
    };
    this.requests.push(recorded);
    this.emit('request', recorded);

    if (this.stalls > 0) {
      this.stalls -= 1;
      await new Promise<void>((resolve) => this.stalled.push(resolve));
      return reply(500, { code: 20500, message: 'Internal Server Error', status: 500 });
    }
    if (this.failures > 0) {
      this.failures -= 1;
      return reply(500, { code: 20500, message: 'Internal Server Error', status: 500 });
    }
    const conference = this.conferences.handle(recorded.method, path, recorded.params);
    if (conference) {
      if (conference.body) return reply(conference.status, conference.body);
      response.writeHead(conference.status).end();
      return;
    }
    const member = path.match(/\/Accounts\/(AC\w+)\/Queues\/(QU\w+)\/Members\/(CA\w+)\.json$/);
    if (member) {
      return reply(200, {
        call_sid: member[3],
        queue_sid: member[2],
        position: 1,
        wait_time: 0,
        date_enqueued: new Date().toUTCString(),
      });
    }
    const message = path.match(/\/Accounts\/(AC\w+)\/Messages\.json$/);
    if (message) {
      return reply(201, {
        sid: `SM${randomBytes(16).toString('hex')}`,
        account_sid: message[1],
        to: recorded.params.To,
        from: recorded.params.From,
        body: recorded.params.Body,
        status: 'queued',
      });
    }
    // Recordings: GET <sid>.mp3 (or .wav) is the audio, DELETE <sid>.json removes it (204);
    // an unknown or deleted one is a 404, as at Twilio.
    const recording = path.match(/\/Accounts\/(AC\w+)\/Recordings\/(RE\w+)\.(json|mp3|wav)$/);
    if (recording) {
      const [, accountSid, sid, extension] = recording;
      const held = this.recordings.get(sid);
      if (!held || accountSid !== user) {
        return reply(404, {
          code: 20404,
          message: `The requested resource ${path} was not found`,
          status: 404,
        });
      }
      if (request.method === 'DELETE' && extension === 'json') {
        this.recordings.delete(sid);
        response.writeHead(204).end();
        return;
      }
      if (request.method === 'GET' && extension !== 'json') {
        response.writeHead(200, {
          'Content-Type': extension === 'mp3' ? 'audio/mpeg' : 'audio/x-wav',
          'Content-Length': held.audio.length,
        });
        response.end(held.audio);
        return;
      }
      if (request.method === 'GET') {
        return reply(200, {
          sid,
          account_sid: accountSid,
          call_sid: held.callSid,
          status: 'completed',
        });
      }
      return reply(405, { code: 20004, message: 'Method not allowed', status: 405 });
    }
    const placed = path.match(/\/Accounts\/(AC\w+)\/Calls\.json$/);
    if (placed) {
      const problem = outboundCallProblem(recorded.params);
      if (problem) return reply(400, { ...problem, status: 400 });
      const sid = `CA${randomBytes(16).toString('hex')}`;
      const call = { sid, params: recorded.params };
      this.placed.push(call);
      this.emit('placed', call);
      return reply(201, {
        sid,
        account_sid: placed[1],
        to: recorded.params.To,
        from: recorded.params.From,
        status: 'queued',
        direction: 'outbound-api',
        uri: `/2010-04-01/Accounts/${placed[1]}/Calls/${sid}.json`,
      });
    }
    const call = path.match(/\/Accounts\/(AC\w+)\/Calls\/(CA\w+)\.json$/);
    if (call) {
      const status = this.callStatuses.get(call[2]) ?? 'in-progress';
      if (request.method === 'POST' && ENDED_CALL_STATUSES.has(status)) {
        return reply(400, {
          code: 21220,
          message: 'Call is not in-progress. Cannot redirect.',
          status: 400,
        });
      }
      if (request.method === 'POST') {
        const problem = callUpdateProblem(recorded.params);
        if (problem) return reply(400, { ...problem, status: 400 });
        // Hung up by the API: Twilio reports the call completed (a queued or ringing one canceled).
        if (recorded.params.Status) {
          // `canceled` stops a call still queued or ringing; an answered one goes on.
          const next =
            recorded.params.Status === 'canceled' && status === 'in-progress'
              ? status
              : recorded.params.Status;
          this.callStatuses.set(call[2], next);
          return reply(200, { sid: call[2], account_sid: call[1], status: next });
        }
      }
      return reply(200, { sid: call[2], account_sid: call[1], status });
    }
    reply(404, {
      code: 20404,
      message: `The requested resource ${path} was not found`,
      status: 404,
    });
  }
}

/**
 * A form body as Twilio reads it. A list parameter (`StatusCallbackEvent`) comes as the same
 * name repeated, once per item: its items are kept, joined by spaces.
 */
function formParams(body: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body))
    params[name] = name in params ? `${params[name]} ${value}` : value;
  return params;
}

/** The parameters of Twilio's Calls resource, create. */
const CALL_CREATE_PARAMS = new Set([
  'To',
  'From',
  'Url',
  'Twiml',
  'ApplicationSid',
  'Method',
  'FallbackUrl',
  'FallbackMethod',
  'StatusCallback',
  'StatusCallbackEvent',
  'StatusCallbackMethod',
  'SendDigits',
  'Timeout',
  'TimeLimit',
  'Record',
  'RecordingChannels',
  'RecordingStatusCallback',
  'RecordingStatusCallbackMethod',
  'RecordingStatusCallbackEvent',
  'RecordingTrack',
  'Trim',
  'CallerId',
  'CallReason',
  'MachineDetection',
  'MachineDetectionTimeout',
  'MachineDetectionSpeechThreshold',
  'MachineDetectionSpeechEndThreshold',
  'MachineDetectionSilenceTimeout',
  'AsyncAmd',
  'AsyncAmdStatusCallback',
  'AsyncAmdStatusCallbackMethod',
  'Byoc',
  'SipAuthUsername',
  'SipAuthPassword',
]);
const CALL_PROGRESS_EVENTS = new Set(['initiated', 'ringing', 'answered', 'completed']);
const E164 = /^\+[1-9]\d{1,14}$/;
/** Whom a call may be placed to: a number (E.164), a browser (`client:`) or a SIP address. */
const CALLABLE = /^(\+[1-9]\d{1,14}|client:[\w.@-]+|sips?:\S+)$/;

/**
 * What Twilio refuses in a request to place a call (POST .../Calls.json), as its error: only
 * the resource's parameters; `To` and `From` are required, `To` a number (E.164), a client or
 * a SIP address, `From` a number or a client, and a number when `To` is one; exactly one of
 * `Url`, `Twiml` or `ApplicationSid` says what the call does; URLs are absolute; every method
 * is GET or POST; `Timeout` is 5 to 600 seconds; `StatusCallbackEvent` names Twilio's progress
 * events (initiated, ringing, answered, completed) and needs a `StatusCallback`;
 * `MachineDetection` is `Enable` or `DetectMessageEnd`, its timeout 3 to 59 seconds.
 */
function outboundCallProblem(
  params: Record<string, string>,
): { code: number; message: string } | undefined {
  const unknown = Object.keys(params).filter((name) => !CALL_CREATE_PARAMS.has(name));
  if (unknown.length > 0)
    return { code: 20001, message: `Unknown parameters: ${unknown.join(', ')}` };
  if (!params.To) return { code: 21201, message: "No 'To' number is specified" };
  if (!params.From) return { code: 21213, message: "No 'From' number is specified" };
  if (!CALLABLE.test(params.To)) return { code: 21211, message: "Invalid 'To' Phone Number" };
  if (!E164.test(params.From) && !params.From.startsWith('client:'))
    return { code: 21212, message: "Invalid 'From' Phone Number" };
  if (E164.test(params.To) && !E164.test(params.From))
    return { code: 21212, message: "'From' must be a phone number when 'To' is one" };
  const instructions = ['Url', 'Twiml', 'ApplicationSid'].filter((name) => params[name]);
  if (instructions.length !== 1)
    return { code: 21205, message: 'Exactly one of Url, Twiml or ApplicationSid is required' };
  for (const name of ['Url', 'FallbackUrl', 'StatusCallback', 'AsyncAmdStatusCallback'])
    if (params[name] !== undefined && !/^https?:\/\/\S+$/.test(params[name]))
      return { code: 21205, message: `${name} is not a valid URL: ${params[name]}` };
  for (const name of ['Method', 'FallbackMethod', 'StatusCallbackMethod'])
    if (params[name] !== undefined && !['GET', 'POST'].includes(params[name]))
      return { code: 21207, message: `${name} must be GET or POST, not ${params[name]}` };
  const timeout = params.Timeout === undefined ? 60 : Number(params.Timeout);
  if (!Number.isInteger(timeout) || timeout < 5 || timeout > 600)
    return { code: 21216, message: `Timeout must be 5 to 600 seconds, not ${params.Timeout}` };
  if (params.StatusCallbackEvent !== undefined) {
    const unknownEvent = params.StatusCallbackEvent.split(' ').find(
      (event) => !CALL_PROGRESS_EVENTS.has(event),
    );
    if (unknownEvent !== undefined)
      return { code: 20001, message: `StatusCallbackEvent has no event ${unknownEvent}` };
    if (!params.StatusCallback)
      return { code: 20001, message: 'StatusCallbackEvent without a StatusCallback' };
  }
  if (
    params.MachineDetection !== undefined &&
    !['Enable', 'DetectMessageEnd'].includes(params.MachineDetection)
  )
    return {
      code: 20001,
      message: `MachineDetection must be Enable or DetectMessageEnd, not ${params.MachineDetection}`,
    };
  if (params.MachineDetectionTimeout !== undefined) {
    const seconds = Number(params.MachineDetectionTimeout);
    if (!Number.isInteger(seconds) || seconds < 3 || seconds > 59)
      return {
        code: 20001,
        message: `MachineDetectionTimeout must be 3 to 59 seconds, not ${params.MachineDetectionTimeout}`,
      };
  }
  return undefined;
}

const CALL_UPDATE_PARAMS = new Set([
  'Url',
  'Method',
  'Status',
  'FallbackUrl',
  'FallbackMethod',
  'StatusCallback',
  'StatusCallbackMethod',
  'Twiml',
  'TimeLimit',
]);

/**
 * What Twilio refuses in an update of a live call (POST .../Calls/<sid>.json): only its
 * documented parameters; `Status` is `completed` (hang up) or `canceled`; at most one of `Url`
 * and `Twiml`, and something to do at all; `Method` GET or POST.
 */
function callUpdateProblem(
  params: Record<string, string>,
): { code: number; message: string } | undefined {
  const unknown = Object.keys(params).filter((name) => !CALL_UPDATE_PARAMS.has(name));
  if (unknown.length > 0)
    return { code: 20001, message: `Unknown parameters: ${unknown.join(', ')}` };
  if (params.Status !== undefined && !['completed', 'canceled'].includes(params.Status))
    return { code: 20001, message: `Status must be completed or canceled, not ${params.Status}` };
  if (params.Url && params.Twiml)
    return { code: 21205, message: 'Only one of Url or Twiml may be given' };
  if (!params.Url && !params.Twiml && !params.Status)
    return { code: 21205, message: 'A Url, Twiml or Status is required to update a call' };
  if (params.Url && !/^https?:\/\//.test(params.Url))
    return { code: 21205, message: `Url is not a valid URL: ${params.Url}` };
  if (params.Method && !['GET', 'POST'].includes(params.Method))
    return { code: 21207, message: `Method must be GET or POST, not ${params.Method}` };
  return undefined;
}
