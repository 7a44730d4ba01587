/**
 * The console's live picture of one hotline, and the pure rules that keep it current: a
 * snapshot replaces it, `queue.changes` frames patch it in sequence order, and a frame that
 * does not follow on from the last change we applied means we missed something, so the caller
 * must fetch a fresh snapshot. No React and no browser APIs here, so it runs under plain jest.
 */
import type { LiveChat } from '@hotline/chat-protocol';
import type {
  DutyVolunteer,
  LiveCall,
  Me,
  MissedTwiceNotice,
  QueueChange,
  QueueSnapshot,
  QueuedCall,
  RingingOffer,
} from '@hotline/console-protocol';
import { chatsStillHeld } from './live-chats';

export type LiveState = QueueSnapshot & {
  /**
   * Volunteers the engine put on a break for missing two offers in a row, while they are still
   * on that break: the wall says so. Not in snapshots; `applySnapshot` keeps what is still true.
   */
  missedTwice?: MissedTwiceNotice[];
  /**
   * The call I am in, for the live call panel (`call.live`); null or absent when none. Not in
   * snapshots: the server sends it after each connect, and a snapshot keeps what is still true.
   */
  liveCall?: LiveCall | null;
  /**
   * The live chats I hold (`chat.live`, see live-chats.ts), in the order taken; my own ended
   * ones stay until their record is kept. Not in snapshots, like `liveCall`.
   */
  chats?: LiveChat[];
};

export interface ChangesFrame {
  hotlineId: string;
  changes: QueueChange[];
}

export type FrameResult =
  /** `serverNow`: the latest instant the frame proves the server's clock has reached, if any. */
  | { kind: 'applied'; state: LiveState; serverNow: string | null }
  /** Another hotline's frame, or only changes the snapshot already held: nothing to do. */
  | { kind: 'ignored' }
  /** Changes went missing between `expected` and `received`: ask for a snapshot. */
  | { kind: 'gap'; expected: number; received: number };

/** Applies one frame; changes at or below the state's `seq` are already in it (a snapshot raced the frame). */
export function applyFrame(state: LiveState, frame: ChangesFrame): FrameResult {
  if (frame.hotlineId !== state.hotlineId) return { kind: 'ignored' };
  const fresh = frame.changes.filter((change) => change.s > state.seq);
  if (fresh.length === 0) return { kind: 'ignored' };
  let next = state;
  let serverNow: string | null = null;
  for (const change of fresh) {
    if (change.s !== next.seq + 1)
      return { kind: 'gap', expected: next.seq + 1, received: change.s };
    const proves = instantProvedBy(next, change);
    if (proves && (!serverNow || Date.parse(proves) > Date.parse(serverNow))) serverNow = proves;
    next = applyChange(next, change);
  }
  return { kind: 'applied', state: next, serverNow };
}

/** One change, whatever its sequence number (the caller checks order). */
export function applyChange(state: LiveState, change: QueueChange): LiveState {
  const next: LiveState = { ...state, seq: change.s };
  switch (change.type) {
    case 'call':
      next.calls = upsert(state.calls, change.call, (call) => call.callId === change.call.callId);
      break;
    case 'call.gone':
      next.calls = state.calls.filter((call) => call.callId !== change.callId);
      break;
    case 'volunteer':
      // Off the break (set available, offline, or on a call): nothing more to tell.
      if (change.volunteer.state !== 'break' && state.missedTwice)
        next.missedTwice = state.missedTwice.filter(
          (notice) => notice.volunteerId !== change.volunteer.id,
        );
      // Volunteers (not supervisors) get no list; their count cannot be kept from changes.
      if (state.volunteers) {
        next.volunteers = upsert(
          state.volunteers,
          change.volunteer,
          (v) => v.id === change.volunteer.id,
        );
        next.availableVolunteers = countAvailable(next.volunteers);
      }
      break;
    case 'today':
      next.today = change.today;
      break;
    case 'alert':
      next.alerts = upsert(
        state.alerts ?? [],
        change.alert,
        (a) => a.alertId === change.alert.alertId,
      );
      break;
    case 'alert.gone':
      next.alerts = (state.alerts ?? []).filter((alert) => alert.alertId !== change.alertId);
      break;
    case 'volunteer.missed_twice':
      next.missedTwice = upsert(
        state.missedTwice ?? [],
        change.notice,
        (notice) => notice.volunteerId === change.notice.volunteerId,
      );
      break;
    case 'callbacks':
      next.callbacks = change.callbacks;
      break;
  }
  return next;
}

/**
 * A fresh snapshot replaces the state; the notices of volunteers still on the same break (the
 * one that began when they missed twice) stay, the others are no longer true.
 */
export function applySnapshot(previous: LiveState | null, snapshot: QueueSnapshot): LiveState {
  const same = previous?.hotlineId === snapshot.hotlineId;
  const known = same ? (previous.missedTwice ?? []) : [];
  const still = known.filter((notice) =>
    snapshot.volunteers?.some(
      (volunteer) =>
        volunteer.id === notice.volunteerId &&
        volunteer.state === 'break' &&
        volunteer.since === notice.since,
    ),
  );
  const next: LiveState = still.length > 0 ? { ...snapshot, missedTwice: still } : snapshot;
  const liveCall = same ? previous.liveCall : null;
  const chats = same ? chatsStillHeld(previous.chats ?? [], snapshot.me) : [];
  const withChats = chats.length > 0 ? { ...next, chats } : next;
  return liveCall && stillIn(liveCall, snapshot.me) ? { ...withChats, liveCall } : withChats;
}

/**
 * The call changed (`call.live`): it replaces the panel's. A call I have already left (its
 * end overtook a late change) is not brought back.
 */
export function applyLiveCall(state: LiveState, call: LiveCall): LiveState {
  // The call may come before my own state says I took it (two messages from the server).
  const taking = state.me.state === 'offered';
  return taking || stillIn(call, state.me) ? { ...state, liveCall: call } : state;
}

/** I left the call (`call.live.ended`): its panel closes; another call's stays. */
export function applyLiveCallEnded(state: LiveState, callId: string): LiveState {
  return state.liveCall?.callId === callId ? { ...state, liveCall: null } : state;
}

/**
 * Whether I can still be in the call: as its volunteer, only while talking on it; someone who
 * joined it (a supervisor) until the server says they left.
 */
function stillIn(call: LiveCall, me: Me): boolean {
  const mine = call.participants.find((participant) => participant.volunteerId === me.id);
  if (mine?.role !== 'volunteer') return true;
  return me.state === 'talking' && (me.callId === undefined || me.callId === call.callId);
}

/**
 * A chat offered to someone already chatting leaves their state as it is (talking): it rings
 * until withdrawn, or taken (then the chat is theirs).
 */
function ringsBesideChats(offer: RingingOffer | null, me: Me): boolean {
  return offer?.channel === 'chat' && !(me.chatIds ?? []).includes(offer.callId);
}

/**
 * My own state changed; a ringing offer ends with any state but `offered` (a chat's beside
 * other chats, see `ringsBesideChats`). Wrap-up is of the
 * call I was just on: if the server has not named it yet (its record may still be closing),
 * the call I was talking on is the one.
 */
export function applyMe(state: LiveState, me: Me): LiveState {
  const previous = state.me;
  // A wrap-up after chats is the chats' (`wrapUpChatIds`), a call-back's is the call-back's:
  // no call is guessed for either.
  const afterChats = (me.wrapUpChatIds?.length ?? 0) > 0;
  const wrapUpCallId =
    me.state === 'wrap_up' && !afterChats && !me.callbackId
      ? (me.wrapUpCallId ?? me.callId ?? previous.callId ?? previous.wrapUpCallId)
      : me.wrapUpCallId;
  const next: LiveState = {
    ...state,
    me: wrapUpCallId ? { ...me, wrapUpCallId } : me,
    offer: me.state === 'offered' || ringsBesideChats(state.offer, me) ? state.offer : null,
    ...(state.chats ? { chats: chatsStillHeld(state.chats, me) } : {}),
  };
  return state.liveCall && !stillIn(state.liveCall, next.me) ? { ...next, liveCall: null } : next;
}

export function applyRinging(state: LiveState, offer: RingingOffer): LiveState {
  return { ...state, offer };
}

export function applyWithdrawn(state: LiveState, offerId: string): LiveState {
  return state.offer?.offerId === offerId ? { ...state, offer: null } : state;
}

export function countAvailable(volunteers: readonly DutyVolunteer[]): number {
  return volunteers.filter((volunteer) => volunteer.state === 'available').length;
}

/** Calls still waiting for someone, crisis first, then the longest waiting. */
export function waitingCalls(state: LiveState): QueuedCall[] {
  return state.calls
    .filter((call) => call.phase === 'waiting')
    .sort(
      (a, b) =>
        Number(b.priority === 'crisis') - Number(a.priority === 'crisis') ||
        Date.parse(a.queuedAt) - Date.parse(b.queuedAt),
    );
}

/**
 * Milliseconds to add to the browser's clock to get the server's. The server may run a
 * simulated clock (drills, tests), so waits and countdowns are counted on its clock.
 */
export function clockOffset(serverInstant: string, receivedAtMs: number): number {
  return Date.parse(serverInstant) - receivedAtMs;
}

/**
 * An instant a change shows the server has just reached: a volunteer's new `since` or a new
 * call's `queuedAt`. Repeats of known values prove nothing.
 */
function instantProvedBy(state: LiveState, change: QueueChange): string | null {
  switch (change.type) {
    case 'volunteer': {
      const known = state.volunteers?.find((v) => v.id === change.volunteer.id);
      return known?.since === change.volunteer.since ? null : change.volunteer.since;
    }
    case 'call':
      return state.calls.some((call) => call.callId === change.call.callId)
        ? null
        : change.call.queuedAt;
    default:
      // Not an alert's `raisedAt`: an alert raised long ago proves nothing about the time now.
      return null;
  }
}

function upsert<T>(list: readonly T[], item: T, same: (candidate: T) => boolean): T[] {
  const index = list.findIndex(same);
  if (index < 0) return [...list, item];
  const copy = [...list];
  copy[index] = item;
  return copy;
}
