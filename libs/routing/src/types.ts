/**
 * The routing engine's contract. One engine per hotline. Pure: no framework, no I/O; time
 * comes from the injected `now()` (epoch milliseconds), so tests and replays are deterministic.
 *
 * The host (the server's calls module) feeds it events and carries out the effects it
 * returns (ring a console, dequeue a caller in Twilio, redirect an overflowing caller,
 * write the call record). The host calls `tick()` when `nextDeadline()` passes.
 */

export type VolunteerState =
  'offline' | 'available' | 'offered' | 'talking' | 'wrap_up' | 'break' | 'missed';

/** The states a volunteer may choose themself; the others the engine sets. */
export type ChosenPresence = 'available' | 'break' | 'offline';

/** Crisis calls ("I am in danger now") go before every normal call. */
export type CallPriority = 'crisis' | 'normal';

export type RoutingStrategy = 'longest_idle' | 'fewest_calls' | 'round_robin';

/**
 * How a caller reached the hotline: a phone call, or a live chat. A volunteer holds one call,
 * or up to `maxChats` chats and no call: the engine offers a chat to someone already chatting
 * with room for another, and a call only to someone free of both.
 */
export type Channel = 'voice' | 'chat';

export interface RoutingPolicy {
  strategy: RoutingStrategy;
  /** Ring time before an offer lapses and the volunteer goes to `missed`. */
  offerTimeoutSeconds: number;
  /** After a call ends, the volunteer is in wrap-up this long unless they finish sooner. */
  wrapUpSeconds: number;
  /** A normal call is offered only to volunteers with its topic skill until it has waited this long. */
  skillFallbackSeconds: number;
  /** A call still waiting after this long overflows (the caller is offered a call-back). */
  maxWaitSeconds: number;
  /** Normal calls beyond this many waiting are refused (`queue_full`); crisis calls never are. */
  maxQueueSize: number;
  /** A volunteer who missed an offer is available again after this long (break after two in a row). */
  missedRecoverSeconds: number;
  /** A crisis caller still in the queue this long after arriving: the supervisors are rung. */
  crisisSupervisorAfterSeconds: number;
  /**
   * A crisis caller still in the queue this long after arriving: forwarded to the crisis line
   * (a chat's writer is shown the crisis line instead, and keeps their place).
   */
  crisisForwardAfterSeconds: number;
  /** Chats a volunteer may hold at once (in conversation or writing up); default 2. */
  maxChats?: number;
}

export interface VolunteerProfile {
  id: string;
  /** Top-level topic keys (the host maps sub-topic skills to their top level). */
  skills: readonly string[];
}

export interface IncomingCall {
  callId: string;
  /** Top-level topic key chosen in the menu (`emotional`, `learning`, ...). */
  topic: string;
  priority: CallPriority;
  /** When the caller joined the queue (epoch ms); a restored call keeps its original time. */
  arrivedAt: number;
  /** Default `voice`. */
  channel?: Channel;
}

export type CallPhase = 'waiting' | 'offered' | 'connecting' | 'talking';

/** How a call left the engine; every call that entered leaves with exactly one. */
export type CallOutcome = 'answered' | 'abandoned' | 'overflow_callback' | 'forwarded';

/**
 * Effects about a chat say so (`channel: 'chat'`); those about a call do not. A chat is never
 * connecting (accepted, it is talking), never overflows and is never forwarded.
 */
type OfChat = { channel?: 'chat' };

export type RoutingEffect =
  /** Ring this volunteer's console with this call until `expiresAt`. */
  | ({
      type: 'offer';
      offerId: string;
      callId: string;
      volunteerId: string;
      expiresAt: number;
    } & OfChat)
  /** The offer ended without an accept (declined, timed out, caller gone, volunteer went offline,
   * a supervisor gave the call to someone else). */
  | ({
      type: 'offer_withdrawn';
      offerId: string;
      callId: string;
      volunteerId: string;
      reason: 'declined' | 'timeout' | 'abandoned' | 'presence' | 'reassigned';
    } & OfChat)
  /**
   * The volunteer accepted: the host dequeues the caller to a Dial of this volunteer; a chat is
   * in conversation at once.
   */
  | ({ type: 'connect'; callId: string; volunteerId: string } & OfChat)
  /**
   * The call has been connecting too long (see `CONNECT_DEADLINE_SECONDS`): the host asks
   * Twilio where the caller is, then calls `answered`, `dialFailed` or `hangUp`, or leaves it
   * (the dial is under way); unresolved, the deadline comes again `CONNECT_RECHECK_SECONDS` later.
   */
  | { type: 'connect_deadline'; callId: string; volunteerId: string; acceptedAt: number }
  /** The caller waited `maxWaitSeconds`: the host redirects them to the call-back offer. */
  | { type: 'overflow'; callId: string }
  /** Nobody took a crisis caller in time: ring the supervisors on duty (the caller keeps waiting). */
  | ({ type: 'crisis_supervisors'; callId: string } & OfChat)
  /**
   * Nobody took a crisis chat by the time a caller would be forwarded: the host shows the
   * writer the crisis line; the chat keeps its place.
   */
  | { type: 'crisis_line'; callId: string; channel: 'chat' }
  /** A supervisor took the crisis caller: the host moves the caller to them. */
  | { type: 'supervisor_connect'; callId: string; supervisorId: string }
  /**
   * A supervisor in the call took it over: the volunteer leaves into wrap-up, the caller stays
   * with the supervisor outside the engine (the host records them as the call's person).
   */
  | { type: 'taken_over'; callId: string; volunteerId: string; supervisorId: string }
  /**
   * The volunteer sent the caller back to the queue for another topic (a cold transfer): the
   * caller keeps their priority and place; the volunteer is free of the call.
   */
  | ({ type: 'transferred'; callId: string; volunteerId: string; topic: string } & OfChat)
  /**
   * A warm transfer completed: the colleague the volunteer consulted is the call's volunteer
   * now (the record follows them); the volunteer is free of the call.
   */
  | ({ type: 'handed_over'; callId: string; volunteerId: string; toVolunteerId: string } & OfChat)
  /** Still nobody: the host forwards the caller to the crisis line; the call ends `forwarded`. */
  | { type: 'crisis_forward'; callId: string }
  /** A volunteer missed two offers in a row and was put on break: the supervisors are told. */
  | { type: 'missed_twice'; volunteerId: string }
  /** A call left the engine, with its single outcome. */
  | ({
      type: 'call_ended';
      callId: string;
      outcome: CallOutcome;
      /** Who answered (a volunteer, or the supervisor who took a crisis caller). */
      volunteerId?: string;
    } & OfChat)
  /** A volunteer's state changed (for consoles and the record). */
  | { type: 'volunteer_state'; volunteerId: string; state: VolunteerState; since: number }
  /**
   * The chats a volunteer holds changed (whatever their state did): those in conversation, and
   * those ended whose contact record is due (see `VolunteerView`).
   */
  | {
      type: 'chat_load';
      volunteerId: string;
      chatIds: string[];
      wrapUpChatIds: string[];
      /** Places taken: chats ringing or in conversation, and wrap-ups (some with no record due). */
      placesTaken: number;
    };

export type EnqueueResult =
  | { queued: true; effects: RoutingEffect[] }
  | { queued: false; reason: 'queue_full' | 'duplicate'; effects: RoutingEffect[] };

export interface WaitingCallView {
  callId: string;
  topic: string;
  priority: CallPriority;
  arrivedAt: number;
  phase: CallPhase;
  volunteerId?: string;
  /** The colleague consulted in a warm transfer. */
  consultantId?: string;
  /** A live chat (absent for a call). */
  channel?: 'chat';
}

export interface VolunteerView {
  id: string;
  state: VolunteerState;
  since: number;
  skills: readonly string[];
  callsHandled: number;
  /** The call they are offered, connecting or talking on. */
  callId?: string;
  /** The call-back they are making (talking) or wrapping up: the host's id for it. */
  callbackId?: string;
  /** The chats they are in conversation with (absent when none). */
  chatIds?: string[];
  /** The chat offered to them now, ringing (absent when none). */
  offeredChatId?: string;
  /**
   * Chats that ended and take one of their places until the contact record is written or
   * wrap-up runs out (absent when none).
   */
  wrapUpChatIds?: string[];
  /** Places their chats take (ringing, in conversation, in wrap-up); absent when none. */
  chatPlaces?: number;
  /** Free to be offered a chat, or handed one by a colleague, now; absent otherwise. */
  chatReady?: true;
}

export interface QueueSnapshot {
  /** Calls not yet talking, in the order they would be served (crisis first, then arrival). */
  calls: WaitingCallView[];
  /** Calls in conversation with a volunteer (the supervisors' wall shows them too). */
  talking: WaitingCallView[];
  volunteers: VolunteerView[];
}

/** What a waiting caller is told. */
export interface QueuePosition {
  /** 1 = next in line. */
  position: number;
  /** Rough expected wait in seconds (queue ahead × average handling time ÷ volunteers on duty). */
  expectedWaitSeconds: number;
}
