import type { HeapItem } from './indexed-heap';
import type { CallPhase, CallPriority, Channel, VolunteerState } from './types';

/**
 * The heaps a call can be in: its priority's queue and its topic's queue while waiting, the
 * connecting deadlines once accepted (never at the same time as the queues, but a slot of its
 * own keeps that from mattering).
 */
export const CALL_SLOTS = { queue: 0, topicQueue: 1, connecting: 2 } as const;

/**
 * The heaps a volunteer can be in at once: wrap-ups or misses (one state at a time, so they
 * share a slot); those free for a call and each skill's; those free for a chat and each
 * skill's. The two pools' skill heaps take every other slot from `firstSkill` on.
 */
export const VOLUNTEER_SLOTS = {
  wrapUps: 0,
  missed: 0,
  available: 1,
  chatReady: 2,
  firstSkill: 3,
} as const;

/** A chat's wrap-up is only ever in the heap of chat wrap-ups. */
export const CHAT_WRAP_UP_SLOTS = { ends: 0 } as const;

/** An offer is only ever in the heap of offer expiries. */
export const OFFER_SLOTS = { expiries: 0 } as const;

/** A caller the engine is looking after, from joining the queue until they hang up. */
export interface Call extends HeapItem {
  readonly callId: string;
  readonly channel: Channel;
  /** Changed only by a cold transfer, while the call is out of the waiting queues. */
  topic: string;
  readonly priority: CallPriority;
  readonly arrivedAt: number;
  /** Breaks ties between callers who arrived in the same millisecond. */
  readonly seq: number;
  phase: CallPhase;
  /** The volunteer offered, connecting or talking to this caller. */
  volunteer?: Volunteer;
  offer?: Offer;
  acceptedAt?: number;
  /** A warm transfer: the colleague the volunteer consults while the caller is on hold. */
  consultant?: Volunteer;
  /** While connecting: when the host must next check that the caller is on their way. */
  connectBy?: number;
}

export interface Volunteer extends HeapItem {
  readonly id: string;
  skills: readonly string[];
  state: VolunteerState;
  since: number;
  callsHandled: number;
  /** Counts up each time anyone becomes available: the order they did, within one millisecond. */
  turn: number;
  /** The offer counter's value at their last offer (0 = never offered): round-robin order. */
  lastOffered: number;
  /** Signed up for the shift running now: offered calls before those who are not. */
  onShift: boolean;
  /** Offers missed (declined, timed out, not picked up) since they last accepted one. */
  misses: number;
  /** The call they are offered, connecting or talking on, or consulted on (a warm transfer). */
  call?: Call;
  /**
   * A call-back they are making (talking, outside the queue) or wrapping up: the host's id
   * for it. Kept until they leave wrap-up, so the host knows which record is due.
   */
  callbackId?: string;
  /** Where a call-back that reaches nobody returns them: their break, else available. */
  callbackFrom?: 'available' | 'break';
  /** The chats offered to them (one at most) and in conversation with them. */
  readonly chats: Set<Call>;
  /** Chats that ended and still take a place, by chat id. */
  readonly chatWrapUps: Map<string, ChatWrapUp>;
  /** Let a chat ring out or declined it while chatting: offered no other until free of chats. */
  chatsClosed: boolean;
}

/**
 * A chat that ended (or was passed on) and still takes one of its volunteer's places: until
 * its record is written, or `wrapUpSeconds` after `since`. One passed on has no record due.
 */
export interface ChatWrapUp extends HeapItem {
  readonly callId: string;
  readonly volunteer: Volunteer;
  readonly since: number;
  readonly recordDue: boolean;
}

export interface Offer extends HeapItem {
  readonly id: string;
  readonly call: Call;
  readonly volunteer: Volunteer;
  readonly expiresAt: number;
  /** Where the volunteer stood in the idle order, to put them back if the caller hangs up. */
  readonly idleSince: number;
  readonly lastOfferedBefore: number;
}
