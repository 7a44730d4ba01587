import { randomBytes } from 'node:crypto';

/** One participant of a fake conference, as Twilio's Participant resource describes it. */
export interface FakeParticipant {
  callSid: string;
  label: string | null;
  /** Whom the participant was called at (a REST-created participant), if Twilio placed the call. */
  to: string | null;
  muted: boolean;
  hold: boolean;
  holdUrl: string | null;
  coaching: boolean;
  callSidToCoach: string | null;
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  beep: string;
  statusCallback: string | null;
}

export interface FakeConference {
  sid: string;
  friendlyName: string;
  status: 'init' | 'in-progress' | 'completed';
  participants: Map<string, FakeParticipant>;
}

/** What a conference request is answered with (status and JSON body; 204 has none). */
export interface ConferenceReply {
  status: number;
  body?: object;
}

const BOOLEAN = /^(true|false)$/;
const CALL_SID = /^CA[0-9a-fA-F]{32}$/;
const PARTICIPANT_EVENTS = new Set(['initiated', 'ringing', 'answered', 'completed']);
const BEEP = new Set(['true', 'false', 'onEnter', 'onExit']);

/**
 * Twilio's Conference and Participant resources, as strict as Twilio: a participant is created
 * in a conference named by its sid or, creating it if need be, its friendly name; updated and
 * removed by call sid or label in a conference named by its sid; `Coaching` needs a
 * `CallSidToCoach` naming another participant of the same conference; booleans are `true` or
 * `false`; URLs are absolute. A `<Dial><Conference>` joins a caller (`join`), as Twilio does
 * when it plays that TwiML.
 */
export class FakeConferences {
  private readonly bySid = new Map<string, FakeConference>();
  private readonly byName = new Map<string, FakeConference>();

  /** The live (not completed) conference of this friendly name or sid. */
  find(nameOrSid: string): FakeConference | undefined {
    const found = this.bySid.get(nameOrSid) ?? this.byName.get(nameOrSid);
    return found?.status === 'completed' ? undefined : found;
  }

  /** A call entering by TwiML (`<Dial><Conference participantLabel>`): the conference's sid. */
  join(
    friendlyName: string,
    callSid: string,
    options: { label?: string; endConferenceOnExit?: boolean } = {},
  ): string {
    const conference = this.open(friendlyName);
    conference.participants.set(callSid, {
      ...participantDefaults(callSid),
      label: options.label ?? null,
      endConferenceOnExit: options.endConferenceOnExit ?? false,
    });
    return conference.sid;
  }

  /** A participant hangs up; one with `endConferenceOnExit` ends the conference. */
  leave(nameOrSid: string, callSidOrLabel: string): void {
    const conference = this.find(nameOrSid);
    const participant = conference && participantOf(conference, callSidOrLabel);
    if (!conference || !participant) return;
    conference.participants.delete(participant.callSid);
    if (participant.endConferenceOnExit || conference.participants.size === 0)
      conference.status = 'completed';
  }

  /** Answers `/Accounts/{AC}/Conferences/...` requests; undefined for other paths. */
  handle(
    method: string,
    path: string,
    params: Record<string, string>,
  ): ConferenceReply | undefined {
    const match = path.match(
      /\/Accounts\/(AC\w+)\/Conferences\/([^/]+?)(?:\/Participants(?:\/([^/]+?))?)?\.json$/,
    );
    if (!match) return undefined;
    const [, accountSid, conferenceId, participantId] = match;
    const decodedName = decodeURIComponent(conferenceId);
    const isParticipants = path.includes('/Participants');
    if (isParticipants && !participantId && method === 'POST')
      return this.create(accountSid, decodedName, params);
    const conference = conferenceId.startsWith('CF') ? this.find(conferenceId) : undefined;
    if (!conference) return notFound(path);
    if (!isParticipants) {
      if (method !== 'POST') return { status: 200, body: conferenceBody(accountSid, conference) };
      if (params.Status !== undefined && params.Status !== 'completed')
        return invalid(21220, `Status can only be completed, not ${params.Status}`);
      if (params.Status === 'completed') conference.status = 'completed';
      return { status: 200, body: conferenceBody(accountSid, conference) };
    }
    const participant = participantId
      ? participantOf(conference, decodeURIComponent(participantId))
      : undefined;
    if (!participant) return notFound(path);
    if (method === 'DELETE') {
      this.leave(conference.sid, participant.callSid);
      return { status: 204 };
    }
    if (method !== 'POST')
      return { status: 200, body: participantBody(accountSid, conference, participant) };
    const problem = updateProblem(conference, participant, params);
    if (problem) return problem;
    applyUpdate(participant, params);
    return { status: 200, body: participantBody(accountSid, conference, participant) };
  }

  private create(
    accountSid: string,
    conferenceId: string,
    params: Record<string, string>,
  ): ConferenceReply {
    if (!params.From) return invalid(21213, "No 'From' number is specified");
    if (!params.To) return invalid(21201, "No 'To' number is specified");
    const existing = this.find(conferenceId);
    if (!existing && conferenceId.startsWith('CF')) return notFound(`/Conferences/${conferenceId}`);
    const problem = createProblem(existing, params);
    if (problem) return problem;
    const conference = existing ?? this.open(conferenceId);
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const participant: FakeParticipant = {
      ...participantDefaults(callSid),
      label: params.Label ?? null,
      to: params.To,
      startConferenceOnEnter: params.StartConferenceOnEnter !== 'false',
      endConferenceOnExit: params.EndConferenceOnExit === 'true',
      beep: params.Beep ?? 'true',
      statusCallback: params.StatusCallback ?? null,
    };
    applyUpdate(participant, params);
    conference.participants.set(callSid, participant);
    return { status: 201, body: participantBody(accountSid, conference, participant) };
  }

  private open(friendlyName: string): FakeConference {
    const live = this.find(friendlyName);
    if (live) return live;
    const conference: FakeConference = {
      sid: `CF${randomBytes(16).toString('hex')}`,
      friendlyName,
      status: 'in-progress',
      participants: new Map(),
    };
    this.bySid.set(conference.sid, conference);
    this.byName.set(friendlyName, conference);
    return conference;
  }
}

function participantDefaults(callSid: string): FakeParticipant {
  return {
    callSid,
    label: null,
    to: null,
    muted: false,
    hold: false,
    holdUrl: null,
    coaching: false,
    callSidToCoach: null,
    startConferenceOnEnter: true,
    endConferenceOnExit: false,
    beep: 'true',
    statusCallback: null,
  };
}

function participantOf(conference: FakeConference, callSidOrLabel: string) {
  return (
    conference.participants.get(callSidOrLabel) ??
    [...conference.participants.values()].find((each) => each.label === callSidOrLabel)
  );
}

const invalid = (code: number, message: string): ConferenceReply => ({
  status: 400,
  body: { code, message, status: 400 },
});

const notFound = (path: string): ConferenceReply => ({
  status: 404,
  body: { code: 20404, message: `The requested resource ${path} was not found`, status: 404 },
});

const isUrl = (value: string) => /^https?:\/\/\S+$/.test(value);

/** Checks shared by create and update: booleans, URLs, and coaching someone in the conference. */
function commonProblem(
  conference: FakeConference | undefined,
  params: Record<string, string>,
  coachingBefore: { coaching: boolean; callSidToCoach: string | null; self?: string },
): ConferenceReply | undefined {
  for (const name of ['Muted', 'Hold', 'Coaching', 'EndConferenceOnExit', 'StartConferenceOnEnter'])
    if (params[name] !== undefined && !BOOLEAN.test(params[name]))
      return invalid(21212, `${name} must be true or false, not ${params[name]}`);
  for (const name of ['HoldUrl', 'AnnounceUrl', 'StatusCallback', 'WaitUrl'])
    if (params[name] !== undefined && params[name] !== '' && !isUrl(params[name]))
      return invalid(21205, `${name} is not a valid URL: ${params[name]}`);
  for (const name of ['HoldMethod', 'AnnounceMethod', 'StatusCallbackMethod', 'WaitMethod'])
    if (params[name] !== undefined && !['GET', 'POST'].includes(params[name]))
      return invalid(21207, `${name} must be GET or POST, not ${params[name]}`);
  const coaching =
    params.Coaching !== undefined
      ? params.Coaching === 'true'
      : coachingBefore.coaching || params.CallSidToCoach !== undefined;
  const coached = params.CallSidToCoach ?? coachingBefore.callSidToCoach;
  if (coaching && !coached)
    return invalid(21215, 'CallSidToCoach is required when Coaching is true');
  if (params.CallSidToCoach !== undefined) {
    if (!CALL_SID.test(params.CallSidToCoach))
      return invalid(21210, `CallSidToCoach is not a call sid: ${params.CallSidToCoach}`);
    if (params.CallSidToCoach === coachingBefore.self)
      return invalid(21210, 'A participant cannot coach itself');
    if (!conference?.participants.has(params.CallSidToCoach))
      return invalid(21210, 'CallSidToCoach must be a participant of the same conference');
  }
  return undefined;
}

function createProblem(
  conference: FakeConference | undefined,
  params: Record<string, string>,
): ConferenceReply | undefined {
  if (params.Beep !== undefined && !BEEP.has(params.Beep))
    return invalid(21212, `Beep must be true, false, onEnter or onExit, not ${params.Beep}`);
  const timeout = params.Timeout === undefined ? 60 : Number(params.Timeout);
  if (!Number.isInteger(timeout) || timeout < 5 || timeout > 600)
    return invalid(21216, `Timeout must be 5 to 600 seconds, not ${params.Timeout}`);
  if (params.StatusCallbackEvent !== undefined) {
    const unknown = params.StatusCallbackEvent.split(/[ ,]+/).find(
      (event) => !PARTICIPANT_EVENTS.has(event),
    );
    if (unknown !== undefined) return invalid(21212, `StatusCallbackEvent has no event ${unknown}`);
  }
  return commonProblem(conference, params, { coaching: false, callSidToCoach: null });
}

function updateProblem(
  conference: FakeConference,
  participant: FakeParticipant,
  params: Record<string, string>,
): ConferenceReply | undefined {
  return commonProblem(conference, params, { ...participant, self: participant.callSid });
}

function applyUpdate(participant: FakeParticipant, params: Record<string, string>): void {
  if (params.Muted !== undefined) participant.muted = params.Muted === 'true';
  if (params.Hold !== undefined) participant.hold = params.Hold === 'true';
  if (params.HoldUrl !== undefined) participant.holdUrl = params.HoldUrl;
  if (params.EndConferenceOnExit !== undefined)
    participant.endConferenceOnExit = params.EndConferenceOnExit === 'true';
  if (params.CallSidToCoach !== undefined) {
    participant.callSidToCoach = params.CallSidToCoach;
    participant.coaching = params.Coaching !== 'false';
  }
  if (params.Coaching !== undefined) {
    participant.coaching = params.Coaching === 'true';
    if (!participant.coaching) participant.callSidToCoach = null;
  }
}

function conferenceBody(accountSid: string, conference: FakeConference): object {
  return {
    sid: conference.sid,
    account_sid: accountSid,
    friendly_name: conference.friendlyName,
    status: conference.status,
  };
}

function participantBody(
  accountSid: string,
  conference: FakeConference,
  participant: FakeParticipant,
): object {
  return {
    account_sid: accountSid,
    call_sid: participant.callSid,
    conference_sid: conference.sid,
    label: participant.label,
    muted: participant.muted,
    hold: participant.hold,
    coaching: participant.coaching,
    call_sid_to_coach: participant.callSidToCoach,
    start_conference_on_enter: participant.startConferenceOnEnter,
    end_conference_on_exit: participant.endConferenceOnExit,
    status: 'connected',
  };
}
