/**
 * The live console protocol (socket.io namespace `/console`): one map from event name to
 * payload type, used by the server's gateway and by the browser console alike.
 *
 * Server → console: a full `queue.snapshot` on connect and on request, then `queue.changes`
 * frames. Every change carries its hotline's sequence number; a frame holds the changes of a
 * short window (coalesced), in order. A console that sees a gap asks for a snapshot.
 * Console → server: commands, each acknowledged with `Ack`.
 */

import type {
  ChatLanguage,
  ConsoleChatClientEvents,
  ConsoleChatServerEvents,
} from '@hotline/chat-protocol';
import type { ContactFields } from './contact-fields';

export * from './contact-fields';
export * from './callers';
export type {
  ChatEndReason,
  ChatError,
  ChatMessage,
  ChatPhase,
  ChatWriter,
  LiveChat,
} from '@hotline/chat-protocol';

// Live chats (`/chat/`) go through the same queue and routing as calls: an item of the queue, an
// offer, is a call unless it says `channel: 'chat'`, and a chat's `callId` is then the chat's id.

export type VolunteerState =
  'offline' | 'available' | 'offered' | 'talking' | 'wrap_up' | 'break' | 'missed';
export type Presence = 'available' | 'break' | 'offline';
export type Priority = 'normal' | 'crisis';
export type CallPhase = 'waiting' | 'offered' | 'connecting' | 'talking';

export interface QueuedCall {
  callId: string;
  topic: string;
  priority: Priority;
  phase: CallPhase;
  /** When the caller joined the queue (ISO instant); consoles count the wait themselves. */
  queuedAt: string;
  callerType: string | null;
  volunteerId?: string;
  /** A practice call (`POST /api/training-calls`): rings one volunteer, never counted. */
  training?: true;
  /** Who is in the call besides the caller, once it is a conference (talking). */
  participants?: CallParticipant[];
  /** The caller's profile flags (frequent_caller, abusive, at_risk, known_case). */
  callerFlags?: string[];
  /** A live chat, not a call: `callId` is the chat's id. */
  channel?: 'chat';
}

/**
 * How someone is in a call's conference: the volunteer talks; a supervisor listens muted,
 * whispers to the volunteer only (Twilio's coaching), or barges in, speaking to both.
 */
/** `consult`: a colleague rung in by a warm transfer, talking with the volunteer only. */
export type InCallMode = 'talk' | 'listen' | 'whisper' | 'barge' | 'consult';

export interface CallParticipant {
  volunteerId: string;
  name: string;
  role: 'volunteer' | 'supervisor';
  mode: InCallMode;
  /** Muted by themselves (the volunteer's mute button). */
  muted?: true;
  /** The volunteer holds the caller (the caller hears hold music). */
  holding?: true;
}

/**
 * The call a volunteer is in, for the live call panel: sent as `call.live` to everyone in the
 * call whenever any of it changes, and `call.live.ended` when they leave it.
 */
export interface LiveCall {
  callId: string;
  /** When the caller was connected (ISO instant): the panel's running timer. */
  answeredAt: string;
  callerType: string | null;
  topic: string | null;
  priority: Priority;
  /** Earlier contacts from the same number to this hotline (never the number itself). */
  earlierContacts: number;
  participants: CallParticipant[];
  /** The caller is on hold. */
  callerOnHold: boolean;
  /** A crisis case opened during this call ("crisis now"), if any. */
  crisisCaseId: string | null;
  /** The caller's profile flags (frequent_caller, abusive, at_risk, known_case). */
  callerFlags?: string[];
  /** The supervisors' confidential guidance on this caller (the call's volunteer and supervisors). */
  guidance?: string | null;
}

export interface DutyVolunteer {
  id: string;
  name: string;
  state: VolunteerState;
  since: string;
  callsHandled: number;
  callId?: string;
  /** Talking: a call-back they are making; wrapping up: the call-back whose record is due. */
  callbackId?: string;
  /** Live chats they hold now (capacity: the hotline's `maxChats`). */
  chats?: number;
}

export interface RingingOffer {
  offerId: string;
  callId: string;
  expiresAt: string;
  callerType: string | null;
  topic: string | null;
  priority: Priority;
  waitedSeconds: number;
  /** Earlier calls from the same number to this hotline (never the number itself). */
  earlierContacts: number;
  /** A practice call: accepting it connects at once, nobody is on the line. */
  training?: true;
  /** The caller's profile flags: frequent_caller, abusive, at_risk, known_case. */
  callerFlags?: string[];
  /** The supervisors' confidential guidance on this caller, for the offered volunteer only. */
  guidance?: string | null;
  /**
   * A live chat offered like a call (accept and decline it the same way): `callId` and `chatId`
   * are then both the chat's id.
   */
  channel?: 'chat';
  chatId?: string;
  /** The language the writer chose. */
  language?: ChatLanguage;
}

/** Today's service figures of one channel. */
export interface ChannelFigures {
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  longestWaitSeconds: number;
}

/** Today's service figures for the supervisors' wall (the hotline's local day). */
export interface TodayFigures {
  offered: number;
  answered: number;
  abandoned: number;
  /** Share of answered calls answered within the threshold, percent with one decimal; null before any. */
  serviceLevel: number | null;
  serviceLevelSeconds: number;
  longestWaitSeconds: number;
  /** The same for live chats (the figures above are calls'). */
  chats?: ChannelFigures;
}

export interface CrisisAlert {
  alertId: string;
  /** The crisis case to open (`GET /api/crisis-cases/:id`). */
  caseId: string;
  /** The call, when the case came from one. */
  callId: string | null;
  /** The live chat, when the case came from one (the wall offers to join it: `chat.join`). */
  chatId?: string | null;
  /**
   * Why: the caller pressed the danger key, a contact was rated high risk, a report is late,
   * a crisis caller is waiting and nobody has taken them, or a volunteer pressed "crisis now"
   * during a call (the wall offers to join it: `POST /api/calls/:id/monitor`).
   */
  reason: 'danger_key' | 'high_risk' | 'report_overdue' | 'not_taken' | 'crisis_now';
  /** When it was first raised (the hotline's clock). */
  raisedAt: string;
  /** When it was last raised: raised again while its crisis caller waits unacknowledged. */
  lastRaisedAt: string;
  /** Its caller stopped waiting: no longer raised again, shown until acknowledged. */
  resolvedAt: string | null;
  /** How the caller stopped waiting: taken by a volunteer, hung up, forwarded to the crisis line. */
  resolution: 'taken' | 'hung_up' | 'forwarded' | null;
}

/**
 * A volunteer missed two offers in a row (declined or let ring out), and the routing engine put
 * them on a break so that callers stop ringing someone who is not there. The supervisors' wall
 * shows it until the volunteer is off that break (a supervisor may set them available again).
 */
export interface MissedTwiceNotice {
  volunteerId: string;
  name: string;
  /** When the break began. */
  since: string;
}

/**
 * Where the volunteer's next call rings: `browser`, this console's softphone (registered, see
 * `softphone.registered`); `phone`, their own phone, screened (press 1 to take it); `nowhere`,
 * neither a registered softphone nor a phone number, so calls they accept fail at once.
 */
export type RingsOn = 'browser' | 'phone' | 'nowhere';

export interface Me {
  id: string;
  name: string;
  roles: string[];
  state: VolunteerState;
  since: string;
  callId?: string;
  /** The call to wrap up, while in wrap-up. */
  wrapUpCallId?: string;
  /** Where the next call rings; absent when the server has no telephony. */
  ringsOn?: RingsOn;
  /** The call-back I am making (talking) or whose record I owe (wrap-up): its attempt's id. */
  callbackId?: string;
  /** The live chats they hold now. */
  chatIds?: string[];
  /** Chats that ended and await their contact record (`chat.wrapup`). */
  wrapUpChatIds?: string[];
  /** How many chats they may hold at once (the hotline's setting). */
  maxChats?: number;
}

export interface QueueSnapshot {
  hotlineId: string;
  hotlineName: string;
  locale: 'zh-CN' | 'en';
  /** The hotline's time zone (IANA): the console shows every time in it, not the browser's. */
  timeZone: string;
  /** The last change this snapshot includes. */
  seq: number;
  /** The hotline clock when the snapshot was taken (differs from the browser's in simulations). */
  now: string;
  telephony: 'on' | 'off';
  me: Me;
  offer: RingingOffer | null;
  calls: QueuedCall[];
  /** Supervisors see every volunteer on duty; volunteers see only how many are available. */
  volunteers: DutyVolunteer[] | null;
  availableVolunteers: number;
  today: TodayFigures | null;
  alerts: CrisisAlert[] | null;
  /** The call-back list at a glance, for the supervisors' reminder. */
  callbacks?: CallbackReminder;
}

/** One change to a hotline's live state; `s` is the hotline's sequence number. */
export type QueueChange =
  | { s: number; type: 'call'; call: QueuedCall }
  | { s: number; type: 'call.gone'; callId: string }
  | { s: number; type: 'volunteer'; volunteer: DutyVolunteer }
  | { s: number; type: 'today'; today: TodayFigures }
  | { s: number; type: 'alert'; alert: CrisisAlert }
  | { s: number; type: 'alert.gone'; alertId: string }
  | { s: number; type: 'volunteer.missed_twice'; notice: MissedTwiceNotice }
  | { s: number; type: 'callbacks'; callbacks: CallbackReminder };

export interface ServerEvents extends ConsoleChatServerEvents {
  'queue.snapshot': (snapshot: QueueSnapshot) => void;
  /** Changes since the previous frame, in sequence order, without gaps. */
  'queue.changes': (frame: { hotlineId: string; changes: QueueChange[] }) => void;
  /** Only to the volunteer offered. */
  'offer.ringing': (offer: RingingOffer) => void;
  'offer.withdrawn': (withdrawn: { offerId: string; reason: string }) => void;
  /** Only to the volunteer concerned. */
  'me.state': (me: Me) => void;
  /** To everyone in the call (volunteer and supervisors who joined), on every change. */
  'call.live': (call: LiveCall) => void;
  'call.live.ended': (ended: { callId: string }) => void;
  /** To the volunteer making it: their call-back, on every step (ringing them, the caller, talking, over). */
  'callback.attempt': (attempt: CallbackAttemptLive) => void;
}

export type Ack<T = Record<string, never>> = ({ ok: true } & T) | { ok: false; error: string };
type Command<Payload, Result = Record<string, never>> = (
  payload: Payload,
  ack: (result: Ack<Result>) => void,
) => void;

export interface ClientEvents extends ConsoleChatClientEvents {
  'snapshot.get': Command<Record<string, never>, { snapshot: QueueSnapshot }>;
  'presence.set': Command<{ state: Presence }, { me: Me }>;
  'offer.accept': Command<{ offerId: string }>;
  'offer.decline': Command<{ offerId: string }>;
  /** Records the contact and ends wrap-up; a high risk opens a crisis case (its id comes back). */
  'wrapup.submit': Command<
    { callId: string; contact: ContactFields },
    { me: Me; contact: { id: string }; crisisCaseId?: string }
  >;
  /** Supervisors: ring a waiting call on a chosen available volunteer. */
  'call.reoffer': Command<{ callId: string; volunteerId: string }>;
  /** Supervisors: set a volunteer available (not on a call), on break or offline. */
  'volunteer.presence': Command<{ volunteerId: string; state: Presence }>;
  'alert.acknowledge': Command<{ alertId: string }>;
  /**
   * This console's browser softphone registered with Twilio (true) or stopped (false). The
   * server rings the softphone only while one of the volunteer's consoles reports it
   * registered; a console that disconnects takes its registration with it (report again after
   * reconnecting). The answer says where calls ring now.
   */
  'softphone.registered': Command<{ registered: boolean }, { me: Me }>;
  /**
   * The volunteer in a call: opens a crisis case at once (risk imminent, the volunteer as
   * author), alerts the supervisors on duty and offers them to join. Same as
   * `POST /api/calls/:id/crisis`.
   */
  'call.crisis': Command<{ callId: string }, { crisisCaseId: string }>;
  /**
   * Records the contact of a chat the volunteer held (channel `online`, its transcript attached)
   * and frees its place; a high risk opens a crisis case. Same as `POST /api/chats/:id/wrap-up`.
   */
  'chat.wrapup': Command<
    { chatId: string; contact: ContactFields },
    { me: Me; contact: { id: string }; crisisCaseId?: string }
  >;
}

export const CONSOLE_NAMESPACE = '/console';

/**
 * Open call-back requests, for the supervisors' reminder: `overdue`, those whose evening has
 * passed (still open the next evening); `today`, those to call back this evening.
 */
export interface CallbackReminder {
  overdue: number;
  today: number;
}

export const CALLBACK_ATTEMPT_STATUSES = [
  'ringing_volunteer',
  'dialling',
  'talking',
  'ended',
] as const;
export type CallbackAttemptStatus = (typeof CALLBACK_ATTEMPT_STATUSES)[number];

/**
 * How one attempt ended: the caller reached; their phone rang out (or a voicemail answered:
 * no message is left on a child's phone); busy; the number reaches no one (or someone else);
 * or not placed (the volunteer's own phone did not pick up, so the caller was never rung).
 */
export const CALLBACK_OUTCOMES = [
  'reached',
  'no_answer',
  'busy',
  'wrong_number',
  'not_placed',
] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/**
 * A call-back as the volunteer making it follows it: their own phone or browser rings first,
 * then the caller's phone (from the hotline's number; the number itself never reaches a
 * console), then they talk; `outcome` once it is over.
 */
export interface CallbackAttemptLive {
  attemptId: string;
  requestId: string;
  status: CallbackAttemptStatus;
  outcome: CallbackOutcome | null;
  startedAt: string;
  /** When the caller picked up (a person, not a voicemail). */
  answeredAt: string | null;
  endedAt: string | null;
}
