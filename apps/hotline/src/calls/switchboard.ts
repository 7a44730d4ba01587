import type {
  ChosenPresence,
  QueuePosition,
  QueueSnapshot,
  VolunteerView as EngineVolunteer,
  WaitingCallView,
} from '@hotline/routing';
import type { Volunteer } from '../volunteers/volunteer.entity';
import type { CallOffer } from './call-offer.entity';
import type { Call } from './call.entity';

/**
 * The routing of calls to volunteers, one engine per hotline. One instance (the leader, see
 * docs/instances.md) runs the engines (`LeadingSwitchboard`); the others relay to it
 * (`SwitchboardRelay`). Consumers inject this class and never ask which they have.
 */
export abstract class Switchboard {
  /** A caller chose their topic: they join the queue. */
  abstract enqueue(call: Call): Promise<'queued' | 'queue_full' | 'duplicate'>;
  /**
   * A supervisor in the conversation takes it over: the volunteer leaves into wrap-up, the call
   * (answered) and its contact record are the supervisor's from now.
   */
  abstract takeOver(call: Call, supervisorId: string): Promise<void>;
  /**
   * A cold transfer: the volunteer sends the caller back to the queue for `topic`, keeping
   * their priority and place; the volunteer goes into wrap-up.
   */
  abstract transferToQueue(call: Call, topic: string): Promise<void>;
  /**
   * A warm transfer begins: the volunteer consults `colleagueId`, who must be available and
   * is offered nothing else meanwhile (refused with the reason otherwise).
   */
  abstract consult(call: Call, colleagueId: string): Promise<void>;
  /**
   * The warm transfer ends: completed, the colleague is the call's volunteer (and the contact
   * record theirs) and the volunteer goes into wrap-up; cancelled, the colleague is free again.
   */
  abstract endConsult(call: Call, complete: boolean): Promise<void>;
  /**
   * The caller hung up or the conversation ended. A call the engine does not know (it was
   * with a volunteer when the server restarted) gets its outcome from its recorded status.
   */
  abstract hangUp(call: Call): Promise<void>;
  /** The volunteer's leg joined the call's conference: the call is talking (a retry changes nothing). */
  abstract connected(call: Call): Promise<void>;
  /** The volunteer's phone or browser did not answer: the caller goes back to their place. */
  abstract dialFailed(call: Call): Promise<void>;
  /** The caller's place and expected wait, if still waiting. */
  abstract placeOf(call: Pick<Call, 'id' | 'hotlineId'>): Promise<QueuePosition | undefined>;
  abstract snapshot(hotlineId: string): Promise<QueueSnapshot>;
  /** A volunteer goes available, on break or offline on one hotline (available on one at a time). */
  abstract setPresence(
    volunteer: Volunteer,
    hotlineId: string,
    presence: ChosenPresence,
  ): Promise<EngineVolunteer>;
  abstract accept(volunteer: Volunteer, offerId: string): Promise<Call>;
  abstract decline(volunteer: Volunteer, offerId: string): Promise<void>;
  /** Ends the volunteer's wrap-up of this call early (the contact record is done). */
  abstract finishWrapUp(volunteer: Volunteer, call: Call): Promise<EngineVolunteer>;
  /** A supervisor rings a waiting call on a volunteer they choose. */
  abstract reoffer(hotlineId: string, callId: string, volunteerId: string): Promise<void>;
  /** The offer ringing on this volunteer's console now, if any. */
  abstract liveOffer(volunteer: Volunteer): Promise<CallOffer | null>;
  /** Who is signed up for the shift running now: the engine offers them calls first. */
  abstract setOnShift(hotlineId: string, volunteerIds: string[]): Promise<void>;
  /**
   * Rings a call on this one volunteer only, if available, with an engine topic nobody has
   * as a skill, so a lapsed offer rings no one else (practice calls).
   */
  abstract ringOnly(call: Call, volunteerId: string, topic: string): Promise<void>;
  /**
   * A supervisor rung by the escalation ladder pressed 1: they take the crisis caller if the
   * caller is still in the queue. False when someone else has them (or they were forwarded).
   */
  abstract supervisorTook(call: Call, supervisorId: string): Promise<boolean>;
  /** The call leaves, and its volunteer is free at once: no contact record is due (practice calls). */
  abstract release(call: Call): Promise<void>;
  /**
   * The volunteer calls a caller back, outside the queue: talking, offered nothing, until
   * `callBackEnded`. Refused (with the reason) unless they are available, missed or on a break.
   */
  abstract callBack(volunteerId: string, hotlineId: string, callbackId: string): Promise<void>;
  /**
   * The call-back ended: reached, the volunteer wraps up its record; not reached, back to where
   * they were. A late word (the volunteer moved on meanwhile) changes nothing.
   */
  abstract callBackEnded(
    volunteerId: string,
    hotlineId: string,
    callbackId: string,
    reached: boolean,
  ): Promise<void>;
  /** The call-back's record is written: the volunteer's wrap-up of it ends (if it still runs). */
  abstract callBackRecorded(
    volunteerId: string,
    hotlineId: string,
    callbackId: string,
  ): Promise<void>;

  // Reads that cannot wait: from this instance's engines, or the leader's last known states.

  abstract volunteerState(hotlineId: string, volunteerId: string): EngineVolunteer | undefined;
  /** Volunteers on duty and not on a call, on every hotline whose engine runs here. */
  abstract onDuty(): { hotlineId: string; volunteerId: string }[];
  /** The queues this instance holds now, read-only, for the metrics; opens none. */
  abstract openQueues(): { hotlineId: string; name: string; queue: QueueSnapshot }[];
  abstract callView(hotlineId: string, callId: string): WaitingCallView | undefined;
}
