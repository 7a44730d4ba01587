import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Server, createServer, request as httpRequest } from 'node:http';
import { signAsTwilio } from '@hotline/telephony';
import { FakeTwilio, FakeTwilioRequest } from '@hotline/telephony/testing/fake-twilio';
import type { HotlineTime } from './hotline-time';
import type { CallRecord, PersonKind } from './metrics';
import type { ScenarioCall } from './profile';
import { twimlProblem } from '@hotline/telephony/testing/twiml-check';
import { verb, verbText } from './twiml';
import type { ConferenceSide } from './listener';

/** What the server was configured with: the simulator signs and answers as this account. */
export interface TwilioSettings {
  /** The server's PUBLIC_BASE_URL: signatures are made for it. */
  publicBaseUrl: string;
  accountSid: string;
  authToken: string;
  /** The hotline's number (To). */
  number: string;
}

/** A webhook as Twilio sends it: the form body and its X-Twilio-Signature. */
export function signedWebhook(
  settings: TwilioSettings,
  url: string,
  params: Record<string, string>,
): { body: string; signature: string } {
  return {
    body: new URLSearchParams(params).toString(),
    signature: signAsTwilio(settings.authToken, url, params),
  };
}

export interface WebhookAnswer {
  status: number;
  twiml: string;
  /** Why the answer is not TwiML; null when it is. */
  problem: string | null;
}

/** One webhook's round trip, for the load report. */
export interface WebhookTiming {
  path: string;
  ms: number;
  status: number;
  valid: boolean;
}

/** Posts signed webhooks to the server, following the absolute URLs its TwiML names. */
export class Webhooks {
  readonly timings: WebhookTiming[] = [];

  constructor(
    private readonly serverUrl: string,
    readonly settings: TwilioSettings,
  ) {}

  /** `target`: an absolute URL from TwiML (under PUBLIC_BASE_URL) or a path like `/twilio/voice/incoming`. */
  /** `leg: 'called'`: the TwiML runs on the dialled volunteer's end (a `<Number url>`). */
  async post(
    target: string,
    params: Record<string, string>,
    leg: 'caller' | 'called' = 'caller',
  ): Promise<WebhookAnswer> {
    const publicUrl = target.startsWith('/') ? `${this.settings.publicBaseUrl}${target}` : target;
    if (!publicUrl.startsWith(this.settings.publicBaseUrl))
      throw new Error(`the server sent Twilio to ${publicUrl}, outside PUBLIC_BASE_URL`);
    const path = publicUrl.slice(this.settings.publicBaseUrl.length);
    const { body, signature } = signedWebhook(this.settings, publicUrl, params);
    const started = performance.now();
    const response = await fetch(`${this.serverUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      body,
    });
    const twiml = await response.text();
    const ms = performance.now() - started;
    const problem = twimlProblem(twiml, {
      waitUrl: /\/twilio\/voice\/wait(\?|-choice|$)/.test(path),
      leg,
    });
    this.timings.push({
      path: path.split('?')[0],
      ms,
      status: response.status,
      valid: problem === null,
    });
    return { status: response.status, twiml, problem };
  }
}

/** A call the server placed (POST …/Calls.json): Twilio rings `to`, and fetches `url` once answered. */
export interface PlacedCall {
  to: string;
  from: string;
  url: string;
  /** Seconds it rings before Twilio gives up. */
  timeout: number;
}

/**
 * Twilio's side of the REST API: the embedded FakeTwilio answers the server's requests; a
 * dequeue or redirect of a simulated call is handed to that caller, who then fetches the URL
 * the server gave, as Twilio would; a call the server places rings the simulated phone of
 * that number (nobody answers a number the simulator does not play). With a fixed port (the
 * server's TWILIO_API_BASE_URL), a small relay listens there and passes every request on to
 * the fake.
 */
export class TwilioSide {
  private readonly fake: FakeTwilio;
  private relay?: Server;
  private readonly waiting = new Map<string, (url: string) => void>();
  private readonly phones = new Map<string, (call: PlacedCall) => void>();
  private readonly conferences = new Map<string, { ended: Promise<void>; end: () => void }>();
  /** Legs the hotline rang to the volunteer who accepted a call, by the call's id. */
  private readonly legs = new Map<string, (leg: PlacedCall & { sid: string }) => void>();
  private readonly legsRung = new Map<string, PlacedCall & { sid: string }>();

  constructor(settings: TwilioSettings) {
    this.fake = new FakeTwilio({ accountSid: settings.accountSid, authToken: settings.authToken });
    this.fake.on('request', (request: FakeTwilioRequest) => this.received(request));
    this.fake.on('placed', (placed: { sid: string; params: Record<string, string> }) =>
      this.placedLeg(placed),
    );
  }

  /**
   * The leg the hotline rang to the volunteer who accepted this call: their simulated phone
   * (answered at once, the screen's 1 pressed by the caller's side).
   */
  volunteerLeg(callId: string): Promise<PlacedCall & { sid: string }> {
    const rung = this.legsRung.get(callId);
    this.legsRung.delete(callId);
    if (rung) return Promise.resolve(rung);
    return new Promise((resolve) => this.legs.set(callId, resolve));
  }

  /** The CallSid of the participant with this label in a live conference, if any. */
  participant(name: string, label: string): string | undefined {
    const conference = this.fake.conferences.find(name);
    return [...(conference?.participants.values() ?? [])].find((one) => one.label === label)
      ?.callSid;
  }

  /** A call entering a conference at the fake Twilio: the conference's sid. */
  enter(name: string, callSid: string, label: string, endConferenceOnExit = false): string {
    return this.fake.conferences.join(name, callSid, { label, endConferenceOnExit });
  }

  /** Starts the fake; returns the base URL the server must use for TWILIO_API_BASE_URL. */
  async start(port?: number, host = '127.0.0.1'): Promise<string> {
    const fakeUrl = new URL(await this.fake.start());
    if (port === undefined) return fakeUrl.origin;
    this.relay = createServer((incoming, outgoing) => {
      const forwarded = httpRequest(
        {
          host: fakeUrl.hostname,
          port: fakeUrl.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => {
        outgoing.writeHead(502);
        outgoing.end();
      });
      incoming.pipe(forwarded);
    });
    this.relay.listen(port, host);
    await once(this.relay, 'listening');
    return `http://${host}:${port}`;
  }

  get requests(): FakeTwilioRequest[] {
    return this.fake.requests;
  }

  /** Resolves with the URL the server sends this call to (a dequeue or a redirect). */
  dequeued(callSid: string): Promise<string> {
    return new Promise((resolve) => this.waiting.set(callSid, resolve));
  }

  forget(callSid: string): void {
    this.waiting.delete(callSid);
  }

  /** Calls the server places to `number` ring here. */
  answerPhone(number: string, ring: (call: PlacedCall) => void): void {
    this.phones.set(number, ring);
  }

  /** A `<Conference>` by name: `end()` when its last party leaves, `ended` resolves then. */
  conference(name: string): { ended: Promise<void>; end: () => void } {
    let room = this.conferences.get(name);
    if (!room) {
      let end = () => undefined as void;
      const ended = new Promise<void>((resolve) => (end = resolve));
      room = { ended, end: () => end() };
      this.conferences.set(name, room);
    }
    return room;
  }

  async stop(): Promise<void> {
    this.relay?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.relay ? this.relay.close(() => resolve()) : resolve(),
    );
    await this.fake.stop();
  }

  /** A supervisor's phone rings on its own (`answerPhone`); any other placed call is a volunteer's leg. */
  private placedLeg({ sid, params }: { sid: string; params: Record<string, string> }): void {
    const { To: to, From: from, Url: url, Timeout: timeout } = params;
    if (!url || this.phones.has(to)) return;
    const callId = new URL(url).searchParams.get('call');
    if (!callId) return;
    const leg = { sid, to, from, url, timeout: Number(timeout ?? 60) };
    const waiting = this.legs.get(callId);
    this.legs.delete(callId);
    if (waiting) waiting(leg);
    else this.legsRung.set(callId, leg);
  }

  private received(request: FakeTwilioRequest): void {
    if (request.method === 'POST' && /\/Calls\.json$/.test(request.path)) {
      const { To: to, From: from, Url: url, Timeout: timeout } = request.params;
      if (url) this.phones.get(to)?.({ to, from, url, timeout: Number(timeout ?? 60) });
      return;
    }
    const callSid = /\/(CA\w+)\.json$/.exec(request.path)?.[1];
    const url = request.params.Url;
    if (!callSid || !url) return;
    const caller = this.waiting.get(callSid);
    this.waiting.delete(callSid);
    // No caller waits on a call who had just hung up: nobody is there to move.
    caller?.(url);
  }
}

export const newCallSid = () => `CA${randomBytes(16).toString('hex')}`;

/** A caller's hold: Twilio asks the wait URL again after the hold music (pause + speech). */
const SPEECH_SECONDS = 4;
/** How long a caller listens to a menu before pressing a key. */
const MENU_SECONDS = 3;

/**
 * One simulated caller: dials, presses the keys of their scenario, holds on the wait URL,
 * hangs up when their patience runs out, and talks for their talk time once a volunteer takes
 * them. Plays exactly the webhooks Twilio would, signed.
 */
export class SimCaller {
  readonly callSid = newCallSid();
  readonly from = `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  /** The hotline's id of the call, learnt from the dequeue URL. */
  callId?: string;
  queuedAt?: number;
  private readonly queueSid: string;

  constructor(
    readonly call: ScenarioCall,
    private readonly webhooks: Webhooks,
    private readonly twilio: TwilioSide,
    private readonly time: HotlineTime,
    queueSid: string,
    private readonly onDequeued: (caller: SimCaller, callId: string) => void = () => undefined,
    /** A volunteer answered: the conference as Twilio's side can act on it. */
    private readonly onAnswered: (callId: string, conference: ConferenceSide) => void = () =>
      undefined,
  ) {
    this.queueSid = queueSid;
  }

  async run(): Promise<CallRecord> {
    const base = {
      index: this.call.index,
      callSid: this.callSid,
      routingTopic: this.call.routingTopic,
      crisis: this.call.crisis,
    };
    try {
      return { ...base, ...(await this.play()) };
    } catch (error) {
      this.twilio.forget(this.callSid);
      return { ...base, outcome: 'failed', waitSeconds: 0, failure: (error as Error).message };
    }
  }

  private params(extra: Record<string, string> = {}): Record<string, string> {
    return {
      CallSid: this.callSid,
      AccountSid: this.webhooks.settings.accountSid,
      From: this.from,
      To: this.webhooks.settings.number,
      Direction: 'inbound',
      ...extra,
    };
  }

  private async post(
    target: string,
    extra: Record<string, string> = {},
    leg: 'caller' | 'called' = 'caller',
  ): Promise<string> {
    const answer = await this.webhooks.post(target, this.params(extra), leg);
    if (answer.status !== 200 || answer.problem)
      throw new Error(`${target} answered ${answer.status}: ${answer.problem ?? 'not TwiML'}`);
    return answer.twiml;
  }

  private async play(): Promise<Omit<CallRecord, 'index' | 'callSid' | 'routingTopic' | 'crisis'>> {
    let twiml = await this.post('/twilio/voice/incoming', { CallStatus: 'ringing' });
    // The server puts the caller in the queue as it reads the last key.
    let lastKeyAt = this.time.nowMillis();
    for (const key of this.call.keys) {
      const gather = verb(twiml, 'Gather');
      if (!gather?.action) break;
      await this.time.sleep(MENU_SECONDS);
      lastKeyAt = this.time.nowMillis();
      twiml = await this.post(gather.action, { Digits: key, CallStatus: 'in-progress' });
    }
    const enqueue = verb(twiml, 'Enqueue');
    if (!enqueue) {
      await this.hangUp();
      // Nobody on duty: a message or a call-back is offered at once (this caller takes neither).
      return { outcome: 'refused', waitSeconds: 0, offered: verb(twiml, 'Gather') !== undefined };
    }
    this.queuedAt = lastKeyAt;
    const giveUpAt = this.queuedAt + this.call.patience * 1000;
    const dequeue = this.twilio.dequeued(this.callSid);
    let sentTo: string | undefined;
    void dequeue.then((url) => (sentTo = url));
    const stopHold = new AbortController();
    const holding = this.hold(enqueue, stopHold.signal);
    const patience = this.time.until(giveUpAt, stopHold.signal).then(() => 'patience' as const);
    const first = await Promise.race([dequeue.then(() => 'dequeued' as const), holding, patience]);
    stopHold.abort();
    const waited = () => (this.time.nowMillis() - this.queuedAt!) / 1000;
    // Taken in the same instant the caller gave up: the server connected them first.
    await Promise.resolve();
    if (first === 'dequeued' || sentTo) return this.talk(sentTo!, waited());
    this.twilio.forget(this.callSid);
    const waitSeconds = waited();
    if (first === 'leave') {
      const overflow = await this.post(enqueue.action, {
        QueueResult: 'leave',
        QueueTime: String(Math.round(waitSeconds)),
      });
      // The call-back offer: this caller does not press 1.
      if (verb(overflow, 'Gather')) await this.time.sleep(MENU_SECONDS);
      await this.hangUp();
      return { outcome: 'overflow', waitSeconds };
    }
    await this.post(enqueue.action, {
      QueueResult: 'hangup',
      QueueTime: String(Math.round(waitSeconds)),
    });
    await this.hangUp();
    return { outcome: 'abandoned', waitSeconds };
  }

  /** Twilio's hold loop: the wait URL, then again when its TwiML has played. Ends on <Leave/>. */
  private async hold(
    enqueue: Record<string, string>,
    signal: AbortSignal,
  ): Promise<'leave' | 'stopped'> {
    const waitUrl = enqueue.waitUrl;
    if (!waitUrl) return new Promise(() => undefined);
    while (!signal.aborted) {
      const twiml = await this.post(waitUrl, {
        QueueSid: this.queueSid,
        QueuePosition: '1',
        QueueTime: String(Math.round((this.time.nowMillis() - this.queuedAt!) / 1000)),
        CurrentQueueSize: '1',
      });
      if (signal.aborted) return 'stopped';
      if (/<Leave\s*\/>/.test(twiml)) return 'leave';
      const pause = Number(verb(twiml, 'Pause')?.length ?? 5);
      await this.time.sleep(pause + SPEECH_SECONDS, signal);
    }
    return 'stopped';
  }

  /**
   * Sent somewhere by the server: Twilio fetches the URL it gave and plays the `<Dial>`, to a
   * volunteer (behind their phone's screen), into the conference of the supervisor who took a
   * crisis caller, or through to the crisis line.
   */
  private async talk(
    url: string,
    waitSeconds: number,
  ): Promise<Omit<CallRecord, 'index' | 'callSid' | 'routingTopic' | 'crisis'>> {
    this.callId = new URL(url).searchParams.get('call') ?? undefined;
    if (this.callId) this.onDequeued(this, this.callId);
    const twiml = await this.post(url, { CallStatus: 'in-progress' });
    const dial = verb(twiml, 'Dial');
    const conference = verbText(twiml, 'Conference');
    const forwarded = new URL(url).pathname.endsWith('/ladder/forward');
    if (!dial || (!conference && !forwarded))
      throw new Error(`${new URL(url).pathname} answered no <Dial>: ${twiml.slice(0, 200)}`);
    // The call's own conference (the dial has an action): the volunteer's leg rings and joins.
    const own = conference && dial.action ? await this.volunteerJoins(twiml) : undefined;
    const who: PersonKind =
      conference && !own ? 'supervisor' : forwarded ? 'crisis_line' : 'volunteer';
    const person = { who, afterSeconds: (this.time.nowMillis() - this.queuedAt!) / 1000 };
    await this.time.sleep(this.call.talk);
    if (own) await own.event('participant-leave', this.callSid, 'caller');
    // A <Dial> without an action goes on to the next verb: there is none, the call ends.
    if (dial.action)
      await this.post(dial.action, {
        DialCallStatus: 'completed',
        DialCallDuration: String(Math.round(this.call.talk)),
        CallStatus: 'in-progress',
      });
    if (conference && !own) this.twilio.conference(conference).end();
    await this.hangUp();
    await own?.legEnded();
    return {
      outcome: forwarded ? 'forwarded' : 'answered',
      waitSeconds,
      callId: this.callId,
      person,
    };
  }

  /**
   * Twilio's side of the volunteer joining: their leg (placed by the hotline) is answered, its
   * screen takes a 1, and it enters the caller's conference; the status callback hears both
   * join. Gives what the end of the call reports.
   */
  private async volunteerJoins(callerTwiml: string) {
    const conference = verb(callerTwiml, 'Conference')!;
    const name = verbText(callerTwiml, 'Conference')!;
    const leg = await this.twilio.volunteerLeg(this.callId!);
    const legParams = {
      CallSid: leg.sid,
      AccountSid: this.webhooks.settings.accountSid,
      From: leg.from,
      To: leg.to,
      Direction: 'outbound-api',
      CallStatus: 'in-progress',
    };
    const answer = async (target: string, extra: Record<string, string> = {}) => {
      const answered = await this.webhooks.post(target, { ...legParams, ...extra });
      if (answered.status !== 200 || answered.problem)
        throw new Error(`${target} answered ${answered.status}: ${answered.problem}`);
      return answered.twiml;
    };
    let joined = await answer(leg.url);
    const key = verb(joined, 'Gather')?.action;
    if (key) joined = await answer(key, { Digits: '1' });
    if (verbText(joined, 'Conference') !== name)
      throw new Error(`the volunteer's leg joined no conference: ${joined.slice(0, 200)}`);
    const sid = this.twilio.enter(name, this.callSid, 'caller', true);
    this.twilio.enter(name, leg.sid, 'volunteer');
    const event = (statusEvent: string, callSid: string, label: string) =>
      this.webhooks.post(conference.statusCallback, {
        AccountSid: this.webhooks.settings.accountSid,
        ConferenceSid: sid,
        FriendlyName: name,
        StatusCallbackEvent: statusEvent,
        CallSid: callSid,
        ParticipantLabel: label,
      });
    await event('participant-join', this.callSid, 'caller');
    await event('participant-join', leg.sid, 'volunteer');
    this.onAnswered(this.callId!, {
      participant: (label) => this.twilio.participant(name, label),
      event,
    });
    return {
      event,
      legEnded: () =>
        this.webhooks.post(
          new URL(`/twilio/voice/conference/leg?call=${this.callId}`, leg.url).toString(),
          { ...legParams, CallStatus: 'completed' },
        ),
    };
  }

  private async hangUp(): Promise<void> {
    await this.post('/twilio/voice/status', { CallStatus: 'completed' });
  }
}
