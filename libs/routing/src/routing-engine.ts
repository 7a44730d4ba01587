import { AvailableVolunteers } from './available-volunteers';
import { EscalationLadder } from './escalation-ladder';
import { IndexedHeap } from './indexed-heap';
import {
  CALL_SLOTS,
  CHAT_WRAP_UP_SLOTS,
  OFFER_SLOTS,
  VOLUNTEER_SLOTS,
  type Call,
  type ChatWrapUp,
  type Offer,
  type Volunteer,
} from './model';
import { RoutingError } from './routing-error';
import type {
  CallOutcome,
  Channel,
  ChosenPresence,
  EnqueueResult,
  IncomingCall,
  QueuePosition,
  QueueSnapshot,
  RoutingEffect,
  RoutingPolicy,
  VolunteerProfile,
  VolunteerState,
  VolunteerView,
  WaitingCallView,
} from './types';
import { WaitingQueue, queueOrder } from './waiting-queue';

type WithdrawReason = Extract<RoutingEffect, { type: 'offer_withdrawn' }>['reason'];

/** Misses in a row that send a volunteer on break. */
const MISSES_BEFORE_BREAK = 2;

/** Weight of the newest call in the average handling time. */
const HANDLE_TIME_WEIGHT = 0.2;

/** Chats a volunteer may hold when the policy does not say. */
export const DEFAULT_MAX_CHATS = 2;

/**
 * From the accept, how long a caller may be connecting before the host must find out where
 * they are. Moving a caller out of Twilio's queue and fetching the dial's TwiML takes a second
 * or two; 15 s leaves room for a slow API call (the client's own retries included) and is
 * still short for a child hearing the hold loop with nobody coming.
 */
export const CONNECT_DEADLINE_SECONDS = 15;

/**
 * After a check that left the call connecting (the dial under way, or a conversation on a
 * softphone that reports only at its end), the next check: one look a minute at Twilio.
 */
export const CONNECT_RECHECK_SECONDS = 60;

/**
 * Ended calls remembered so that nothing brings them back (a late retry, a failed transfer):
 * an evening's calls many times over, and a bound on the memory.
 */
const ENDED_REMEMBERED = 10_000;

/**
 * Matches one hotline's waiting callers with its volunteers.
 *
 * Every event returns the effects the host must carry out, and ends by offering calls until no
 * waiting caller has an available volunteer who may take them: the head-most such caller
 * first. A normal call goes only to volunteers with its topic until it has waited
 * `skillFallbackSeconds`, then to anyone; a crisis call goes to anyone at once, preferring its
 * topic. Among those eligible the policy's strategy picks. A caller put back after an offer
 * or a failed dial keeps their place. Every call that enters leaves with exactly one
 * `call_ended` effect, and an ended call is final: its id is neither queued nor restored
 * again. A connecting call has a deadline (`connect_deadline`): the host is never left
 * without a reason to look at it.
 *
 * A crisis caller never overflows: still in the queue `crisisSupervisorAfterSeconds` after
 * arriving, the supervisors are rung (`crisis_supervisors`) and the first who answers takes
 * the caller (`supervisorTook`); still in the queue `crisisForwardAfterSeconds` after arriving,
 * the caller is forwarded to the crisis line (`crisis_forward`, outcome `forwarded`). A volunteer
 * who misses an offer is `missed` for `missedRecoverSeconds`, then available; a second miss
 * in a row sends them on break instead (`missed_twice`).
 *
 * Live chats are a second channel through the same engine (`channel: 'chat'`), queued apart
 * but in the same order: the head-most item either channel can serve goes first, so a crisis
 * chat goes before a normal call and the reverse. A volunteer holds one call, or up to
 * `maxChats` chats and no call: a chat is offered to someone available or already chatting with
 * a place free (those holding fewer chats first), a call only to someone holding neither. While
 * chatting a volunteer is `talking` (`offered` when a chat rings on someone holding none); a chat
 * that ends takes its place until its record is written or `wrapUpSeconds` pass (`wrap_up` once
 * no chat is in conversation), and they take no new chat meanwhile. A chat is in conversation as
 * soon as it is accepted, never overflows and is never forwarded: at the crisis line's time its
 * writer is shown the line (`crisis_line`) and keeps their place. A chat let ring out or declined
 * by someone already chatting closes them to new chats until they are free of chats, instead of
 * `missed`.
 */
export class RoutingEngine {
  private policy: RoutingPolicy;
  private readonly calls = new Map<string, Call>();
  private readonly volunteers = new Map<string, Volunteer>();
  private onShift = new Set<string>();
  private readonly liveOffers = new Map<string, Offer>();
  private readonly waiting = new WaitingQueue();
  private readonly chatsWaiting = new WaitingQueue();
  private readonly available: AvailableVolunteers;
  /** Those who may take a chat now: available, or chatting with a place free. */
  private readonly chatReady: AvailableVolunteers;
  /** Chats' wrap-ups by their start: they all last `wrapUpSeconds`. */
  private readonly chatWrapUps = new IndexedHeap<ChatWrapUp>(
    (a, b) => a.since - b.since,
    CHAT_WRAP_UP_SLOTS.ends,
  );
  private readonly offerExpiries = new IndexedHeap<Offer>(
    (a, b) => a.expiresAt - b.expiresAt,
    OFFER_SLOTS.expiries,
  );
  // Everyone wraps up for the same time, so wrap-ups end in the order they began.
  private readonly wrapUps = new IndexedHeap<Volunteer>(
    (a, b) => a.since - b.since,
    VOLUNTEER_SLOTS.wrapUps,
  );
  // Likewise everyone missed recovers after the same time.
  private readonly missed = new IndexedHeap<Volunteer>(
    (a, b) => a.since - b.since,
    VOLUNTEER_SLOTS.missed,
  );
  /** Connecting calls by `connectBy`, so none is ever left connecting unchecked. */
  private readonly connecting = new IndexedHeap<Call>(
    (a, b) => a.connectBy! - b.connectBy!,
    CALL_SLOTS.connecting,
  );
  /** Calls that ended here, oldest first: an ended call is final. */
  private readonly ended = new Set<string>();
  private readonly ladder = new EscalationLadder();
  private readonly inQueue = (callId: string) => {
    const call = this.calls.get(callId);
    return call !== undefined && isInQueue(call);
  };
  private arrivals = 0;
  private turns = 0;
  private offersMade = 0;
  /** From accept to the end of wrap-up, averaged over recent answered calls. */
  private averageHandleSeconds = 300;
  /** The same over recent chats: a chat takes longer than a call. */
  private averageChatSeconds = 900;
  /** The instant of the event being handled, and its effects so far. */
  private at = 0;
  private effects: RoutingEffect[] = [];

  /** @param now the current instant in epoch milliseconds */
  /**
   * `clockSpeed`: how many engine milliseconds pass in one real one (a simulation's faster
   * clock). Twilio's latency is real time, so the connecting deadlines stay real seconds.
   */
  constructor(
    policy: RoutingPolicy,
    private readonly now: () => number,
    private readonly clockSpeed = 1,
  ) {
    this.policy = { ...policy };
    this.available = new AvailableVolunteers(policy.strategy);
    this.chatReady = new AvailableVolunteers(
      policy.strategy,
      { all: VOLUNTEER_SLOTS.chatReady, firstSkill: VOLUNTEER_SLOTS.firstSkill + 1, stride: 2 },
      (a, b) => a.chats.size - b.chats.size,
    );
  }

  private get maxChats(): number {
    return this.policy.maxChats ?? DEFAULT_MAX_CHATS;
  }

  /** New settings apply to offers made from now on and to wrap-ups in progress. */
  setPolicy(policy: RoutingPolicy): RoutingEffect[] {
    return this.handle(() => {
      if (policy.strategy !== this.policy.strategy) {
        this.available.useStrategy(policy.strategy);
        this.chatReady.useStrategy(policy.strategy);
      }
      this.policy = { ...policy };
      // A new number of places opens or closes chats to those chatting.
      for (const volunteer of this.volunteers.values()) this.refreshChatReady(volunteer);
    });
  }

  /** Adds a volunteer, offline, or updates their skills and leaves their state alone. */
  setVolunteer(profile: VolunteerProfile): RoutingEffect[] {
    return this.handle(() => {
      const skills = [...new Set(profile.skills)];
      const volunteer = this.volunteers.get(profile.id);
      if (!volunteer) {
        this.volunteers.set(profile.id, {
          id: profile.id,
          skills,
          state: 'offline',
          since: this.at,
          callsHandled: 0,
          turn: 0,
          lastOffered: 0,
          onShift: this.onShift.has(profile.id),
          misses: 0,
          chats: new Set(),
          chatWrapUps: new Map(),
          chatsClosed: false,
          heapIndex: [],
        });
        return;
      }
      // Out of the pools under the old skills, back in under the new ones.
      this.chatReady.remove(volunteer);
      if (volunteer.state === 'available') {
        this.available.remove(volunteer);
        volunteer.skills = skills;
        this.available.add(volunteer);
      } else {
        volunteer.skills = skills;
      }
      this.refreshChatReady(volunteer);
    });
  }

  /**
   * What the volunteer chose. Leaving while offered withdraws the offer and the caller keeps
   * their place; `available` while offered changes nothing; leaving wrap-up ends it.
   * @throws RoutingError `unknown_volunteer`; `not_allowed` while they are on a call
   */
  setPresence(volunteerId: string, presence: ChosenPresence): RoutingEffect[] {
    return this.handle(() => {
      const volunteer = this.knownVolunteer(volunteerId);
      if (volunteer.state === 'talking') {
        throw new RoutingError('not_allowed', `volunteer ${volunteerId} is on a call`);
      }
      if (volunteer.state === presence) return;
      if (volunteer.state === 'offered') {
        if (presence === 'available') return;
        this.withdraw(ringingOn(volunteer)!, 'presence');
      }
      const wroteUp = this.dropChatWrapUps(volunteer);
      if (presence === 'available') this.startIdle(volunteer);
      else this.moveTo(volunteer, presence);
      if (wroteUp) this.tellChats(volunteer);
    });
  }

  /**
   * A supervisor rings a waiting call on a volunteer they choose, whatever the strategy and
   * skills say. A call already ringing elsewhere is taken back first; that volunteer is
   * available again in their old place.
   * @throws RoutingError `unknown_call`, `unknown_volunteer`; `not_allowed` unless the call is
   * waiting or ringing and the volunteer is available
   */
  offerTo(callId: string, volunteerId: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.knownCall(callId);
      const volunteer = this.knownVolunteer(volunteerId);
      if (
        !this.freeFor(call.channel, volunteer) ||
        (call.phase !== 'waiting' && call.phase !== 'offered')
      ) {
        throw new RoutingError(
          'not_allowed',
          `call ${callId} cannot be offered to volunteer ${volunteerId} now`,
        );
      }
      if (call.offer) this.giveBack(call.offer, 'reassigned');
      this.offer(call, volunteer);
    });
  }

  /** Ends wrap-up early (every chat's, after chats); does nothing in any other state. */
  finishWrapUp(volunteerId: string): RoutingEffect[] {
    return this.handle(() => {
      const volunteer = this.knownVolunteer(volunteerId);
      if (volunteer.state !== 'wrap_up') return;
      if (volunteer.chatWrapUps.size > 0) {
        this.dropChatWrapUps(volunteer);
        this.settleChats(volunteer);
      } else this.startIdle(volunteer);
    });
  }

  /**
   * The record of a chat that ended is written: its place is free (the volunteer, free of every
   * chat, is available). Does nothing when the chat takes no place of theirs (any more).
   */
  finishChatWrapUp(volunteerId: string, callId: string): RoutingEffect[] {
    return this.handle(() => {
      const volunteer = this.knownVolunteer(volunteerId);
      const wrapUp = volunteer.chatWrapUps.get(callId);
      if (wrapUp) this.endChatWrapUp(wrapUp);
    });
  }

  /**
   * Who is signed up for the shift running now: they are offered calls before volunteers
   * who are not (who still take calls when no one on shift is free).
   */
  setOnShift(volunteerIds: Iterable<string>): void {
    this.onShift = new Set(volunteerIds);
    for (const volunteer of this.volunteers.values())
      volunteer.onShift = this.onShift.has(volunteer.id);
    this.available.reorder();
    this.chatReady.reorder();
  }

  /** Starts a new evening for the `fewest_calls` strategy. */
  resetDailyCounts(): void {
    for (const volunteer of this.volunteers.values()) volunteer.callsHandled = 0;
    this.available.reorder();
    this.chatReady.reorder();
  }

  /**
   * A caller joined the queue. A repeated call id is a webhook retry (`duplicate`), and so is
   * the id of a call that ended here: an ended call never comes back. A normal
   * call is refused (`queue_full`) when `maxQueueSize` calls wait or are offered, a crisis
   * call never is. A refused call leaves no trace.
   */
  enqueue(incoming: IncomingCall): EnqueueResult {
    if (this.calls.has(incoming.callId) || this.ended.has(incoming.callId))
      return { queued: false, reason: 'duplicate', effects: [] };
    const inQueue = this.waiting.size + this.chatsWaiting.size + this.liveOffers.size;
    if (incoming.priority === 'normal' && inQueue >= this.policy.maxQueueSize) {
      return { queued: false, reason: 'queue_full', effects: [] };
    }
    return { queued: true, effects: this.handle(() => this.admit(incoming)) };
  }

  /**
   * The volunteer answers the ring: the caller is to be connected to them, and the call counts
   * as one they handled.
   * @throws RoutingError `offer_not_live` if the offer is unknown, answered, expired or withdrawn
   */
  accept(offerId: string): RoutingEffect[] {
    return this.handle(() => {
      const offer = this.liveOffer(offerId);
      const { call, volunteer } = offer;
      this.close(offer);
      if (call.channel === 'chat') {
        call.phase = 'talking';
        call.acceptedAt = this.at;
        volunteer.callsHandled++;
        volunteer.misses = 0;
        this.emit({ type: 'connect', callId: call.callId, volunteerId: volunteer.id, ...chat });
        this.settleChats(volunteer);
        return;
      }
      call.phase = 'connecting';
      call.acceptedAt = this.at;
      call.connectBy = this.at + CONNECT_DEADLINE_SECONDS * 1000 * this.clockSpeed;
      this.connecting.push(call);
      volunteer.callsHandled++;
      volunteer.misses = 0;
      this.emit({ type: 'connect', callId: call.callId, volunteerId: volunteer.id });
      this.moveTo(volunteer, 'talking');
    });
  }

  /**
   * The volunteer turns the call down: they are `missed` (see `tick`), and the call is offered
   * to the next volunteer.
   * @throws RoutingError `offer_not_live`, as for accept
   */
  decline(offerId: string): RoutingEffect[] {
    return this.handle(() => this.refuse(this.liveOffer(offerId), 'declined'));
  }

  /**
   * The Dial leg to the volunteer connected. A retry once talking changes nothing.
   * @throws RoutingError `unknown_call`; `not_allowed` unless the call is connecting
   */
  answered(callId: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.knownCall(callId);
      if (call.phase === 'talking') return;
      if (call.phase !== 'connecting') {
        throw new RoutingError('not_allowed', `call ${callId} is ${call.phase}, not connecting`);
      }
      this.stopConnecting(call);
      call.phase = 'talking';
    });
  }

  /**
   * The Dial leg to the volunteer failed: the caller goes back to their place, the volunteer
   * to `missed`.
   * @throws RoutingError `unknown_call`; `not_allowed` unless the call is connecting
   */
  dialFailed(callId: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.knownCall(callId);
      if (call.phase !== 'connecting') {
        throw new RoutingError('not_allowed', `call ${callId} is ${call.phase}, not connecting`);
      }
      const volunteer = call.volunteer!;
      volunteer.call = undefined;
      this.stopConnecting(call);
      this.requeue(call);
      this.miss(volunteer);
    });
  }

  /**
   * The caller is gone. Waiting or offered: `abandoned`, and an offered volunteer is available
   * again in their old place. Connecting (the volunteer's leg never answered: the host calls
   * `answered` first when it did): `abandoned`, and the volunteer is available again. Talking:
   * `answered`, and the volunteer wraps up (or is available at once when `wrapUpSeconds` is 0).
   * An unknown or ended call id is a retry: no effects.
   */
  hangUp(callId: string): RoutingEffect[] {
    const call = this.calls.get(callId);
    if (!call) return [];
    return this.handle(() => {
      if (call.phase === 'waiting') {
        this.queueOf(call).remove(call);
        this.end(call, 'abandoned');
      } else if (call.phase === 'offered') {
        this.giveBack(call.offer!, 'abandoned');
        this.end(call, 'abandoned');
      } else if (call.phase === 'connecting') {
        const volunteer = call.volunteer!;
        volunteer.call = undefined;
        call.volunteer = undefined;
        this.stopConnecting(call);
        this.startIdle(volunteer);
        this.end(call, 'abandoned');
      } else if (call.channel === 'chat') {
        const volunteer = call.volunteer!;
        volunteer.chats.delete(call);
        this.recordChatTime((this.at - call.acceptedAt!) / 1000 + this.policy.wrapUpSeconds);
        if (this.policy.wrapUpSeconds > 0) this.startChatWrapUp(volunteer, call, true);
        this.settleChats(volunteer);
        this.end(call, 'answered');
      } else {
        this.release(call);
        const volunteer = call.volunteer!;
        volunteer.call = undefined;
        this.recordHandleTime((this.at - call.acceptedAt!) / 1000 + this.policy.wrapUpSeconds);
        if (this.policy.wrapUpSeconds > 0) this.moveTo(volunteer, 'wrap_up');
        else this.startIdle(volunteer);
        this.end(call, 'answered');
      }
    });
  }

  /**
   * Puts back a call that was waiting before a server restart, with its original arrival,
   * whatever the queue size. A call id already known, or one that ended here, is ignored.
   * Offers nothing: the host calls `dispatch()` once everything is restored.
   */
  restore(incoming: IncomingCall): void {
    if (!this.calls.has(incoming.callId) && !this.ended.has(incoming.callId)) this.admit(incoming);
  }

  /**
   * Puts back a call that was in conversation before a failover, its volunteer talking on it,
   * so a take-over or a transfer still reaches it and its end sends the volunteer to wrap-up.
   * Nothing happens when the call is known or ended here, or the volunteer is unknown, offline
   * or on another call (or a call-back): the call then finishes through its webhooks alone.
   */
  restoreTalking(incoming: IncomingCall, volunteerId: string, acceptedAt: number): RoutingEffect[] {
    const volunteer = this.volunteers.get(volunteerId);
    if (this.calls.has(incoming.callId) || this.ended.has(incoming.callId)) return [];
    if (!volunteer || volunteer.call || volunteer.state === 'offline') return [];
    // Making a call-back (talking on no call of the queue): the call finishes through its webhooks.
    if (volunteer.state === 'talking' && volunteer.callbackId) return [];
    // A chat goes back only where it fits: beside other chats, within the places.
    const isChat = incoming.channel === 'chat';
    const placesTaken = volunteer.chats.size + volunteer.chatWrapUps.size;
    if (isChat && (volunteer.state === 'offered' || placesTaken >= this.maxChats)) return [];
    if (!isChat && placesTaken > 0) return [];
    return this.handle(() => {
      // As for a call admitted: a crisis caller transferred back to the queue climbs the ladder.
      const call = this.track(incoming);
      call.phase = 'talking';
      call.volunteer = volunteer;
      call.acceptedAt = acceptedAt;
      if (isChat) {
        volunteer.chats.add(call);
        this.settleChats(volunteer);
        return;
      }
      volunteer.call = call;
      this.moveTo(volunteer, 'talking');
    });
  }

  /**
   * A supervisor answered the ring of the escalation ladder: they take the crisis caller, who
   * leaves the queue (an offer ringing elsewhere is taken back). The call ends `answered` by
   * the supervisor.
   * @throws RoutingError `unknown_call`; `not_allowed` unless the caller is still in the queue
   * (another supervisor or a volunteer has them, or they were forwarded)
   */
  supervisorTook(callId: string, supervisorId: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.knownCall(callId);
      if (!isInQueue(call)) {
        throw new RoutingError('not_allowed', `call ${callId} is ${call.phase}, no longer waiting`);
      }
      this.leaveQueue(call);
      this.emit({ type: 'supervisor_connect', callId, supervisorId });
      this.end(call, 'answered', supervisorId);
    });
  }

  /**
   * A supervisor who joined the conversation takes it over: the volunteer is free of the call
   * and wraps up (or is available at once when `wrapUpSeconds` is 0); the call ends here,
   * `answered` by the supervisor, and goes on with them outside the engine.
   * @throws RoutingError `unknown_call`; `not_allowed` unless the call is talking
   */
  takeOver(callId: string, supervisorId: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.knownCall(callId);
      if (call.phase !== 'talking' || call.channel === 'chat') {
        throw new RoutingError('not_allowed', `call ${callId} is ${call.phase}, not talking`);
      }
      this.release(call);
      const volunteer = call.volunteer!;
      volunteer.call = undefined;
      this.recordHandleTime((this.at - call.acceptedAt!) / 1000 + this.policy.wrapUpSeconds);
      this.emit({ type: 'taken_over', callId, volunteerId: volunteer.id, supervisorId });
      this.end(call, 'answered', supervisorId);
      if (this.policy.wrapUpSeconds > 0) this.moveTo(volunteer, 'wrap_up');
      else this.startIdle(volunteer);
    });
  }

  /**
   * A cold transfer: the volunteer talking with the caller sends them back to the queue for
   * `topic`. The caller keeps their priority and their place (their arrival and turn); the
   * volunteer wraps up, so the call goes to someone else first (no record is theirs: it follows
   * whoever ends up with the caller). The call stays in the engine: it still ends once, with
   * one outcome.
   * @throws RoutingError `unknown_call`; `not_allowed` unless the call is talking
   */
  transferToQueue(callId: string, topic: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.knownCall(callId);
      if (call.phase !== 'talking') {
        throw new RoutingError('not_allowed', `call ${callId} is ${call.phase}, not talking`);
      }
      this.release(call);
      const volunteer = call.volunteer!;
      this.unlink(volunteer, call);
      if (call.channel === 'chat') this.recordChatTime((this.at - call.acceptedAt!) / 1000);
      else this.recordHandleTime((this.at - call.acceptedAt!) / 1000 + this.policy.wrapUpSeconds);
      call.acceptedAt = undefined;
      call.topic = topic;
      this.requeue(call);
      this.emit({ type: 'transferred', callId, volunteerId: volunteer.id, topic, ...tagOf(call) });
      // Wrap-up even when it lasts no time: the call is offered to someone else first.
      if (call.channel === 'chat') {
        this.startChatWrapUp(volunteer, call, false);
        this.settleChats(volunteer);
      } else this.moveTo(volunteer, 'wrap_up');
    });
  }

  /**
   * A chat passed to a colleague free for a chat: it is theirs from now (it counts as one they
   * handled; its record follows them); the volunteer's place stays taken for the wrap-up time,
   * with no record to write, as after a transfer to the queue.
   * @throws RoutingError `unknown_call`, `unknown_volunteer`; `not_allowed` unless the chat is
   * in conversation and the colleague is another volunteer free for a chat
   */
  handOverChat(callId: string, colleagueId: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.knownCall(callId);
      const colleague = this.knownVolunteer(colleagueId);
      if (call.channel !== 'chat' || call.phase !== 'talking') {
        throw new RoutingError('not_allowed', `${callId} is not a chat in conversation`);
      }
      const volunteer = call.volunteer!;
      if (colleague === volunteer || !this.isChatReady(colleague)) {
        throw new RoutingError('not_allowed', `volunteer ${colleagueId} cannot take a chat now`);
      }
      this.recordChatTime((this.at - call.acceptedAt!) / 1000);
      volunteer.chats.delete(call);
      this.startChatWrapUp(volunteer, call, false);
      call.volunteer = colleague;
      call.acceptedAt = this.at;
      // Out of the pools before a key of their order changes.
      this.available.remove(colleague);
      this.chatReady.remove(colleague);
      colleague.chats.add(call);
      colleague.callsHandled++;
      this.emit({
        type: 'handed_over',
        callId,
        volunteerId: volunteer.id,
        toVolunteerId: colleague.id,
        ...chat,
      });
      this.settleChats(volunteer);
      this.settleChats(colleague);
    });
  }

  /**
   * A warm transfer begins: the volunteer talking with the caller consults an available
   * colleague (a volunteer or a supervisor on duty), who is taken (offered nothing else) until
   * the transfer completes or is cancelled.
   * @throws RoutingError `unknown_call`, `unknown_volunteer`; `not_allowed` unless the call is
   * talking with no consultation under way and the colleague is available
   */
  consult(callId: string, colleagueId: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.knownCall(callId);
      const colleague = this.knownVolunteer(colleagueId);
      if (call.phase !== 'talking' || call.consultant || call.channel === 'chat') {
        throw new RoutingError('not_allowed', `call ${callId} cannot be transferred now`);
      }
      if (colleague.state !== 'available') {
        throw new RoutingError('not_allowed', `volunteer ${colleagueId} is ${colleague.state}`);
      }
      call.consultant = colleague;
      colleague.call = call;
      this.moveTo(colleague, 'talking');
    });
  }

  /**
   * The warm transfer completes: the colleague is the call's volunteer from now (it counts as
   * a call they handled); the volunteer wraps up, as after a take-over, with no record to write.
   * @throws RoutingError `unknown_call`; `not_allowed` unless a consultation is under way
   */
  completeTransfer(callId: string): RoutingEffect[] {
    return this.handle(() => {
      const call = this.consulting(callId);
      const volunteer = call.volunteer!;
      const colleague = call.consultant!;
      volunteer.call = undefined;
      this.recordHandleTime((this.at - call.acceptedAt!) / 1000 + this.policy.wrapUpSeconds);
      call.consultant = undefined;
      call.volunteer = colleague;
      call.acceptedAt = this.at;
      colleague.callsHandled++;
      this.emit({
        type: 'handed_over',
        callId,
        volunteerId: volunteer.id,
        toVolunteerId: colleague.id,
      });
      if (this.policy.wrapUpSeconds > 0) this.moveTo(volunteer, 'wrap_up');
      else this.startIdle(volunteer);
    });
  }

  /**
   * The warm transfer is called off (or the colleague did not answer, or left): the colleague
   * is available again, the caller stays with the volunteer.
   * @throws RoutingError `unknown_call`; `not_allowed` unless a consultation is under way
   */
  cancelTransfer(callId: string): RoutingEffect[] {
    return this.handle(() => this.release(this.consulting(callId)));
  }

  /**
   * The volunteer calls back a caller who asked for it: an outbound call the host places
   * outside the queue. They are talking, and offered nothing, until `callBackEnded`. From
   * available, missed or a break (a volunteer may step off the queue to make call-backs).
   * @throws RoutingError `unknown_volunteer`; `not_allowed` in any other state (offline,
   * offered, on a call, wrapping up)
   */
  callBack(volunteerId: string, callbackId: string): RoutingEffect[] {
    return this.handle(() => {
      const volunteer = this.knownVolunteer(volunteerId);
      if (!['available', 'missed', 'break'].includes(volunteer.state)) {
        throw new RoutingError('not_allowed', `volunteer ${volunteerId} is ${volunteer.state}`);
      }
      // A chat's place (one ringing, or one whose record is due) is not free for a call.
      if (volunteer.chats.size + volunteer.chatWrapUps.size > 0) {
        throw new RoutingError('not_allowed', `volunteer ${volunteerId} holds chats`);
      }
      volunteer.callbackFrom = volunteer.state === 'break' ? 'break' : 'available';
      this.moveTo(volunteer, 'talking');
      volunteer.callbackId = callbackId;
    });
  }

  /**
   * The call-back ended. Reached: the volunteer wraps up its record, as after a call (or is
   * available at once when `wrapUpSeconds` is 0). Not reached: back where they came from, a
   * break or available. Anything else (another call-back, a volunteer put on break by a
   * restart meanwhile) is a late report: no effects.
   */
  callBackEnded(volunteerId: string, callbackId: string, reached: boolean): RoutingEffect[] {
    const volunteer = this.volunteers.get(volunteerId);
    if (volunteer?.state !== 'talking' || volunteer.callbackId !== callbackId) return [];
    return this.handle(() => {
      if (reached && this.policy.wrapUpSeconds > 0) {
        this.moveTo(volunteer, 'wrap_up');
        volunteer.callbackId = callbackId;
      } else if (!reached && volunteer.callbackFrom === 'break') this.moveTo(volunteer, 'break');
      else this.startIdle(volunteer);
    });
  }

  /**
   * Does what is due: offers time out, wrap-ups and misses end, calls past their skill
   * fallback are offered, crisis callers climb the escalation ladder, normal callers who
   * waited `maxWaitSeconds` and whom nobody can take overflow, and calls connecting past their
   * deadline are handed to the host to check (`connect_deadline`), due again
   * `CONNECT_RECHECK_SECONDS` later unless the host resolves them.
   */
  tick(): RoutingEffect[] {
    return this.handle(() => {
      let offer: Offer | undefined;
      while ((offer = this.offerExpiries.peek()) && offer.expiresAt <= this.at) {
        this.refuse(offer, 'timeout');
      }
      let volunteer: Volunteer | undefined;
      while ((volunteer = this.wrapUps.peek()) && this.wrapUpEnd(volunteer) <= this.at) {
        this.startIdle(volunteer);
      }
      while ((volunteer = this.missed.peek()) && this.missedEnd(volunteer) <= this.at) {
        this.startIdle(volunteer);
      }
      let chatWrapUp: ChatWrapUp | undefined;
      while ((chatWrapUp = this.chatWrapUps.peek()) && this.wrapUpEnd(chatWrapUp) <= this.at) {
        this.endChatWrapUp(chatWrapUp);
      }
      // Someone just freed may still take a caller who has waited too long.
      this.match();
      for (
        let due = this.ladder.due(this.at, this.policy, this.inQueue);
        due.length > 0;
        due = this.ladder.due(this.at, this.policy, this.inQueue)
      ) {
        for (const { callId, rung } of due) this.climb(this.calls.get(callId)!, rung);
      }
      let call: Call | undefined;
      while ((call = this.waiting.firstNormal()) && this.overflowAt(call) <= this.at) {
        this.waiting.remove(call);
        this.emit({ type: 'overflow', callId: call.callId });
        this.end(call, 'overflow_callback');
      }
      while ((call = this.connecting.peek()) && call.connectBy! <= this.at) {
        this.connecting.remove(call);
        call.connectBy = this.at + CONNECT_RECHECK_SECONDS * 1000 * this.clockSpeed;
        this.connecting.push(call);
        this.emit({
          type: 'connect_deadline',
          callId: call.callId,
          volunteerId: call.volunteer!.id,
          acceptedAt: call.acceptedAt!,
        });
      }
    });
  }

  /** The earliest instant `tick()` has work (possibly past), or undefined if it never will. */
  nextDeadline(): number | undefined {
    const wrapUp = this.wrapUps.peek();
    const missed = this.missed.peek();
    const chatWrapUp = this.chatWrapUps.peek();
    const firstNormal = this.waiting.firstNormal();
    const firstNormalChat = this.chatsWaiting.firstNormal();
    const deadlines = [
      this.offerExpiries.peek()?.expiresAt,
      wrapUp && this.wrapUpEnd(wrapUp),
      missed && this.missedEnd(missed),
      chatWrapUp && this.wrapUpEnd(chatWrapUp),
      // Only the oldest normal call can be next to fall back, and only while someone who
      // lacks its topic is available to take it.
      firstNormal && this.available.size > 0 ? this.fallbackAt(firstNormal) : undefined,
      firstNormalChat && this.chatReady.size > 0 ? this.fallbackAt(firstNormalChat) : undefined,
      // Only normal calls overflow; crisis callers climb the ladder instead.
      firstNormal && this.overflowAt(firstNormal),
      this.ladder.nextDeadline(this.policy, this.inQueue),
      this.connecting.peek()?.connectBy,
    ].filter((deadline) => deadline !== undefined);
    return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
  }

  /** Offers every match possible now; the other events do this themselves. */
  dispatch(): RoutingEffect[] {
    return this.handle();
  }

  /**
   * Calls not yet talking (waiting, offered and connecting) in queue order, connecting ones
   * at the place they had, and every volunteer.
   */
  snapshot(): QueueSnapshot {
    const calls = [...this.calls.values()];
    return {
      calls: calls
        .filter((call) => call.phase !== 'talking')
        .sort(queueOrder)
        .map(callView),
      talking: calls.filter((call) => call.phase === 'talking').map(callView),
      volunteers: [...this.volunteers.values()].map((one) =>
        volunteerView(one, this.isChatReady(one)),
      ),
    };
  }

  /**
   * Where a waiting or offered caller stands, and roughly how long until they are served:
   * position × average handling time ÷ volunteers on duty. Scans every call.
   */
  position(callId: string): QueuePosition | undefined {
    const call = this.calls.get(callId);
    if (!call || !isInQueue(call)) return undefined;
    let position = 1;
    for (const other of this.calls.values()) {
      if (other.channel === call.channel && isInQueue(other) && queueOrder(other, call) < 0)
        position++;
    }
    return this.placed(call.channel, position);
  }

  /**
   * Every caller of the channel in the queue, with their place and expected wait as `position`
   * gives it, in one pass (for telling every waiting writer at once).
   */
  positions(channel: Channel): Map<string, QueuePosition> {
    const queued = [...this.calls.values()]
      .filter((call) => call.channel === channel && isInQueue(call))
      .sort(queueOrder);
    return new Map(queued.map((call, index) => [call.callId, this.placed(channel, index + 1)]));
  }

  /**
   * Position × average handling time ÷ volunteers on duty; for chats, ÷ the places they have
   * (each volunteer on duty holds up to `maxChats`).
   */
  private placed(channel: Channel, position: number): QueuePosition {
    let onDuty = 0;
    for (const volunteer of this.volunteers.values()) {
      if (volunteer.state !== 'offline' && volunteer.state !== 'break') onDuty++;
    }
    const [seconds, places] =
      channel === 'chat'
        ? [this.averageChatSeconds, onDuty * this.maxChats]
        : [this.averageHandleSeconds, onDuty];
    return {
      position,
      expectedWaitSeconds: Math.round((position * seconds) / Math.max(1, places)),
    };
  }

  volunteer(id: string): VolunteerView | undefined {
    const volunteer = this.volunteers.get(id);
    return volunteer && volunteerView(volunteer, this.isChatReady(volunteer));
  }

  call(id: string): WaitingCallView | undefined {
    const call = this.calls.get(id);
    return call && callView(call);
  }

  /** Runs one event at one instant, then offers whatever it made possible. */
  private handle(event?: () => void): RoutingEffect[] {
    this.at = this.now();
    this.effects = [];
    event?.();
    this.match();
    return this.effects;
  }

  private match(): void {
    for (let pair = this.nextMatch(); pair; pair = this.nextMatch()) this.offer(...pair);
  }

  /**
   * The head-most waiting call or chat someone free for it may take, and whom the strategy
   * picks: each channel's candidate, the one first in queue order (crisis first across both).
   */
  private nextMatch(): [Call, Volunteer] | undefined {
    const call = this.nextMatchIn(this.waiting, this.available);
    const chat = this.nextMatchIn(this.chatsWaiting, this.chatReady);
    if (!call || !chat) return call ?? chat;
    return queueOrder(call[0], chat[0]) <= 0 ? call : chat;
  }

  /** The head-most caller of one channel's queue someone in its pool may take, and whom. */
  private nextMatchIn(
    queue: WaitingQueue,
    pool: AvailableVolunteers,
  ): [Call, Volunteer] | undefined {
    if (pool.size === 0) return undefined;
    const head = queue.head();
    if (!head) return undefined;
    if (head.priority === 'crisis') {
      return [head, pool.firstWith(head.topic) ?? pool.first()!];
    }
    if (this.fallbackAt(head) <= this.at) return [head, pool.first()!];
    // The head is inside its skill window, so every call behind it is too: the first caller
    // of any topic that someone available has goes first.
    const call = queue.firstNormalWhere((skill) => !!pool.firstWith(skill));
    return call && [call, pool.firstWith(call.topic)!];
  }

  private offer(call: Call, volunteer: Volunteer): void {
    const offer: Offer = {
      id: `${call.callId}:${++this.offersMade}`,
      call,
      volunteer,
      expiresAt: this.at + this.policy.offerTimeoutSeconds * 1000,
      idleSince: volunteer.since,
      lastOfferedBefore: volunteer.lastOffered,
      heapIndex: [],
    };
    this.queueOf(call).remove(call);
    call.phase = 'offered';
    call.offer = offer;
    call.volunteer = volunteer;
    // Out of the pools before a key of their order changes.
    this.available.remove(volunteer);
    this.chatReady.remove(volunteer);
    volunteer.lastOffered = this.offersMade;
    this.liveOffers.set(offer.id, offer);
    this.offerExpiries.push(offer);
    this.emit({
      type: 'offer',
      offerId: offer.id,
      callId: call.callId,
      volunteerId: volunteer.id,
      expiresAt: offer.expiresAt,
      ...tagOf(call),
    });
    if (call.channel === 'chat') {
      volunteer.chats.add(call);
      this.settleChats(volunteer);
    } else {
      volunteer.call = call;
      this.moveTo(volunteer, 'offered');
    }
  }

  private consulting(callId: string): Call {
    const call = this.knownCall(callId);
    if (call.phase !== 'talking' || !call.consultant) {
      throw new RoutingError('not_allowed', `call ${callId} has no transfer under way`);
    }
    return call;
  }

  /** The colleague of a warm transfer under way is free again. */
  private release(call: Call): void {
    const colleague = call.consultant;
    if (!colleague) return;
    call.consultant = undefined;
    colleague.call = undefined;
    this.startIdle(colleague);
  }

  /**
   * Declined or timed out: the volunteer missed it; one still holding chats (in conversation or
   * wrap-up) takes no new chat until free of chats instead.
   */
  private refuse(offer: Offer, reason: 'declined' | 'timeout'): void {
    this.withdraw(offer, reason);
    const { volunteer } = offer;
    if (offer.call.channel === 'chat' && volunteer.chats.size + volunteer.chatWrapUps.size > 0) {
      volunteer.chatsClosed = true;
      this.settleChats(volunteer);
      return;
    }
    this.miss(volunteer);
  }

  /** `missed` for a while, or on break after missing twice in a row. */
  private miss(volunteer: Volunteer): void {
    volunteer.misses++;
    if (volunteer.misses < MISSES_BEFORE_BREAK) return this.moveTo(volunteer, 'missed');
    volunteer.misses = 0;
    this.moveTo(volunteer, 'break');
    this.emit({ type: 'missed_twice', volunteerId: volunteer.id });
  }

  /** The offer is taken back through no fault of the volunteer: available again in their old place. */
  private giveBack(offer: Offer, reason: 'abandoned' | 'reassigned'): void {
    this.withdraw(offer, reason);
    const { volunteer } = offer;
    this.chatReady.remove(volunteer);
    volunteer.lastOffered = offer.lastOfferedBefore;
    if (offer.call.channel === 'chat') this.settleChats(volunteer, offer.idleSince);
    else this.moveTo(volunteer, 'available', offer.idleSince);
  }

  /** A caller in the queue leaves it for someone outside the engine. */
  private leaveQueue(call: Call): void {
    if (call.offer) this.giveBack(call.offer, 'reassigned');
    this.queueOf(call).remove(call);
  }

  private climb(call: Call, rung: 'supervisors' | 'forward'): void {
    if (rung === 'supervisors') {
      this.emit({ type: 'crisis_supervisors', callId: call.callId, ...tagOf(call) });
      return;
    }
    if (call.channel === 'chat') {
      this.emit({ type: 'crisis_line', callId: call.callId, channel: 'chat' });
      return;
    }
    this.leaveQueue(call);
    this.emit({ type: 'crisis_forward', callId: call.callId });
    this.end(call, 'forwarded');
  }

  /** Ends an offer without an accept; the caller goes back to their place unless they left. */
  private withdraw(offer: Offer, reason: WithdrawReason): void {
    const { call, volunteer } = offer;
    this.close(offer);
    this.unlink(volunteer, call);
    this.emit({
      type: 'offer_withdrawn',
      offerId: offer.id,
      callId: call.callId,
      volunteerId: volunteer.id,
      reason,
      ...tagOf(call),
    });
    if (reason === 'abandoned') call.volunteer = undefined;
    else this.requeue(call);
    // The place the chat took is free, whatever comes of the volunteer.
    if (call.channel === 'chat') this.tellChats(volunteer);
  }

  private close(offer: Offer): void {
    this.liveOffers.delete(offer.id);
    this.offerExpiries.remove(offer);
    offer.call.offer = undefined;
  }

  private requeue(call: Call): void {
    call.phase = 'waiting';
    call.volunteer = undefined;
    this.queueOf(call).add(call);
  }

  private admit(incoming: IncomingCall): void {
    const call = this.track(incoming);
    this.queueOf(call).add(call);
  }

  private queueOf(call: Call): WaitingQueue {
    return call.channel === 'chat' ? this.chatsWaiting : this.waiting;
  }

  /** The volunteer no longer holds the call or chat (it stays linked to them until told). */
  private unlink(volunteer: Volunteer, call: Call): void {
    if (call.channel === 'chat') volunteer.chats.delete(call);
    else volunteer.call = undefined;
  }

  /** Free to be offered an item of this channel now. */
  private freeFor(channel: Channel, volunteer: Volunteer): boolean {
    return channel === 'chat' ? this.isChatReady(volunteer) : volunteer.state === 'available';
  }

  /**
   * Free for a chat: available, or in conversation with chats only, a place free, no chat
   * ringing, none to write up, and not closed to chats by a miss.
   */
  private isChatReady(volunteer: Volunteer): boolean {
    if (volunteer.call || volunteer.chatsClosed || volunteer.chatWrapUps.size > 0) return false;
    if (volunteer.state === 'available') return true;
    // Talking with no chat: on something else of the host's.
    const { size } = volunteer.chats;
    if (volunteer.state !== 'talking' || size === 0 || size >= this.maxChats) return false;
    for (const chat of volunteer.chats) if (chat.phase !== 'talking') return false;
    return true;
  }

  private refreshChatReady(volunteer: Volunteer): void {
    this.chatReady.remove(volunteer);
    if (this.isChatReady(volunteer)) this.chatReady.add(volunteer);
  }

  /**
   * After a change of a volunteer's chats: `talking` while one is in conversation, `offered`
   * while one rings on them alone, `wrap_up` while one still takes a place, else available
   * (at `idleSince`, their old place in the idle order, when given). The host learns the chats.
   */
  private settleChats(volunteer: Volunteer, idleSince?: number): void {
    let next: VolunteerState = 'available';
    for (const chat of volunteer.chats) {
      if (chat.phase === 'talking') next = 'talking';
      else if (next === 'available') next = 'offered';
    }
    if (next === 'available' && volunteer.chatWrapUps.size > 0) next = 'wrap_up';
    if (next !== volunteer.state) {
      if (next !== 'available') this.moveTo(volunteer, next);
      else if (idleSince !== undefined) this.moveTo(volunteer, next, idleSince);
      else this.startIdle(volunteer);
    } else {
      if (next === 'available') volunteer.chatsClosed = false;
      this.refreshChatReady(volunteer);
    }
    this.tellChats(volunteer);
  }

  private tellChats(volunteer: Volunteer): void {
    this.emit({
      type: 'chat_load',
      volunteerId: volunteer.id,
      chatIds: [...volunteer.chats].filter((c) => c.phase === 'talking').map((c) => c.callId),
      wrapUpChatIds: recordsDue(volunteer),
      placesTaken: volunteer.chats.size + volunteer.chatWrapUps.size,
    });
  }

  private startChatWrapUp(volunteer: Volunteer, call: Call, recordDue: boolean): void {
    const wrapUp: ChatWrapUp = {
      callId: call.callId,
      volunteer,
      since: this.at,
      recordDue,
      heapIndex: [],
    };
    volunteer.chatWrapUps.set(call.callId, wrapUp);
    this.chatWrapUps.push(wrapUp);
  }

  private endChatWrapUp(wrapUp: ChatWrapUp): void {
    this.chatWrapUps.remove(wrapUp);
    wrapUp.volunteer.chatWrapUps.delete(wrapUp.callId);
    this.settleChats(wrapUp.volunteer);
  }

  /** Every chat's wrap-up of the volunteer ends (they chose another state); false if none. */
  private dropChatWrapUps(volunteer: Volunteer): boolean {
    if (volunteer.chatWrapUps.size === 0) return false;
    for (const wrapUp of volunteer.chatWrapUps.values()) this.chatWrapUps.remove(wrapUp);
    volunteer.chatWrapUps.clear();
    return true;
  }

  /** A call the engine looks after from now on, waiting; a crisis caller's ladder starts. */
  private track(incoming: IncomingCall): Call {
    const { callId, topic, priority, arrivedAt } = incoming;
    const call: Call = {
      callId,
      channel: incoming.channel ?? 'voice',
      topic,
      priority,
      arrivedAt,
      seq: ++this.arrivals,
      phase: 'waiting',
      heapIndex: [],
    };
    this.calls.set(callId, call);
    if (priority === 'crisis') this.ladder.start(callId, arrivedAt);
    return call;
  }

  private stopConnecting(call: Call): void {
    this.connecting.remove(call);
    call.connectBy = undefined;
  }

  private end(call: Call, outcome: CallOutcome, volunteerId = call.volunteer?.id): void {
    this.calls.delete(call.callId);
    this.ended.add(call.callId);
    if (this.ended.size > ENDED_REMEMBERED) this.ended.delete(this.ended.values().next().value!);
    this.ladder.stop(call.callId);
    this.emit({
      type: 'call_ended',
      callId: call.callId,
      outcome,
      ...(volunteerId && { volunteerId }),
      ...tagOf(call),
    });
  }

  /** Available from now, behind everyone already waiting for a call. */
  private startIdle(volunteer: Volunteer): void {
    volunteer.turn = ++this.turns;
    this.moveTo(volunteer, 'available');
  }

  private moveTo(volunteer: Volunteer, state: VolunteerState, since = this.at): void {
    if (volunteer.state === 'available') this.available.remove(volunteer);
    else if (volunteer.state === 'wrap_up') this.wrapUps.remove(volunteer);
    else if (volunteer.state === 'missed') this.missed.remove(volunteer);
    this.chatReady.remove(volunteer);
    volunteer.state = state;
    volunteer.since = since;
    // A call-back lasts while its volunteer talks and wraps it up; the callers set it anew.
    volunteer.callbackId = undefined;
    if (state === 'available') this.available.add(volunteer);
    // A wrap-up after chats ends with their wrap-ups (`chatWrapUps`), not on its own.
    else if (state === 'wrap_up' && volunteer.chatWrapUps.size === 0) this.wrapUps.push(volunteer);
    else if (state === 'missed') this.missed.push(volunteer);
    // Free of chats: whatever a miss closed is open again.
    if (volunteer.chats.size === 0 && volunteer.chatWrapUps.size === 0)
      volunteer.chatsClosed = false;
    if (this.isChatReady(volunteer)) this.chatReady.add(volunteer);
    this.emit({ type: 'volunteer_state', volunteerId: volunteer.id, state, since });
  }

  private recordHandleTime(seconds: number): void {
    this.averageHandleSeconds += HANDLE_TIME_WEIGHT * (seconds - this.averageHandleSeconds);
  }

  private recordChatTime(seconds: number): void {
    this.averageChatSeconds += HANDLE_TIME_WEIGHT * (seconds - this.averageChatSeconds);
  }

  private fallbackAt(call: Call): number {
    return call.arrivedAt + this.policy.skillFallbackSeconds * 1000;
  }

  private overflowAt(call: Call): number {
    return call.arrivedAt + this.policy.maxWaitSeconds * 1000;
  }

  private wrapUpEnd(wrapping: { since: number }): number {
    return wrapping.since + this.policy.wrapUpSeconds * 1000;
  }

  private missedEnd(volunteer: Volunteer): number {
    return volunteer.since + this.policy.missedRecoverSeconds * 1000;
  }

  private emit(effect: RoutingEffect): void {
    this.effects.push(effect);
  }

  private liveOffer(offerId: string): Offer {
    const offer = this.liveOffers.get(offerId);
    if (!offer || offer.expiresAt <= this.at) {
      throw new RoutingError('offer_not_live', `offer ${offerId} is not live`);
    }
    return offer;
  }

  private knownCall(callId: string): Call {
    const call = this.calls.get(callId);
    if (!call) throw new RoutingError('unknown_call', `no call ${callId}`);
    return call;
  }

  private knownVolunteer(volunteerId: string): Volunteer {
    const volunteer = this.volunteers.get(volunteerId);
    if (!volunteer) throw new RoutingError('unknown_volunteer', `no volunteer ${volunteerId}`);
    return volunteer;
  }
}

function isInQueue(call: Call): boolean {
  return call.phase === 'waiting' || call.phase === 'offered';
}

const chat = { channel: 'chat' } as const;

/** What an effect about this call or chat carries to say which it is. */
const tagOf = (call: Call) => (call.channel === 'chat' ? chat : {});

/** The offer ringing on a volunteer, whichever channel. */
function ringingOn(volunteer: Volunteer): Offer | undefined {
  if (volunteer.call?.offer) return volunteer.call.offer;
  for (const held of volunteer.chats) if (held.offer) return held.offer;
  return undefined;
}

/** The chats whose record the volunteer still has to write. */
function recordsDue(volunteer: Volunteer): string[] {
  return [...volunteer.chatWrapUps.values()].filter((w) => w.recordDue).map((w) => w.callId);
}

function callView(call: Call): WaitingCallView {
  const { callId, topic, priority, arrivedAt, phase, volunteer, consultant } = call;
  return {
    callId,
    topic,
    priority,
    arrivedAt,
    phase,
    ...(volunteer && { volunteerId: volunteer.id }),
    ...(consultant && { consultantId: consultant.id }),
    ...tagOf(call),
  };
}

function volunteerView(volunteer: Volunteer, chatReady: boolean): VolunteerView {
  const { id, state, since, skills, callsHandled, call, callbackId, chats, chatWrapUps } =
    volunteer;
  const places = chats.size + chatWrapUps.size;
  const talking = [...chats].filter((held) => held.phase === 'talking');
  const ringing = [...chats].find((held) => held.phase === 'offered');
  const due = recordsDue(volunteer);
  return {
    id,
    state,
    since,
    skills,
    callsHandled,
    ...(call && { callId: call.callId }),
    ...(callbackId && { callbackId }),
    ...(talking.length > 0 && { chatIds: talking.map((held) => held.callId) }),
    ...(ringing && { offeredChatId: ringing.callId }),
    ...(due.length > 0 && { wrapUpChatIds: due }),
    ...(places > 0 && { chatPlaces: places }),
    ...(chatReady && { chatReady }),
  };
}
