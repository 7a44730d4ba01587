import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { Observable, Subject, Subscription, filter } from 'rxjs';
import type { ChatEndReason, ChatMessage, ChatQueue } from '@hotline/chat-protocol';
import type { CallbackAttemptLive, CrisisAlert, LiveCall } from '@hotline/console-protocol';
import type { VolunteerState } from '@hotline/routing';
import type { CallOutcome, CallerType } from '../calls/call.entity';
import type { ChatOutcome } from '../chats/chat.entity';
import type { CrisisAlertReason } from '../crisis/crisis-alert.entity';
import type { Hotline } from '../hotlines/hotline.entity';

export type { CrisisAlertReason } from '../crisis/crisis-alert.entity';

/**
 * What happens on the hotlines, one entry per event type: the switchboard, contacts, crisis
 * and hotlines publish; the live console, metrics, crisis, shifts and statistics subscribe,
 * without importing each other.
 */
export interface HotlineEventMap {
  'call.queued': {
    hotlineId: string;
    callId: string;
    topic: string;
    priority: 'normal' | 'crisis';
    callerType: CallerType | null;
  };
  'call.ended': { hotlineId: string; callId: string; outcome: CallOutcome; volunteerId?: string };
  /** The call got its outcome, whatever it was (the menu, closed hours, a full queue too). */
  'call.settled': { hotlineId: string; callId: string; outcome: CallOutcome };
  /** The call moved on in the queue: connecting to its volunteer, back in line, overflowing. */
  'call.changed': { hotlineId: string; callId: string };
  /** A call (or, `channel: 'chat'`, a live chat: `callId` is the chat's id) rings a console. */
  'offer.created': {
    hotlineId: string;
    offerId: string;
    callId: string;
    volunteerId: string;
    expiresAt: string;
    channel?: 'chat';
  };
  'offer.withdrawn': {
    hotlineId: string;
    offerId: string;
    callId: string;
    volunteerId: string;
    reason: string;
    channel?: 'chat';
  };
  'volunteer.state': {
    hotlineId: string;
    volunteerId: string;
    state: VolunteerState;
    since: string;
    /** Entering wrap-up: the call just ended, whose contact record is due. */
    wrapUpCallId?: string;
  };
  /** A volunteer missed two offers in a row and was put on break: the supervisors' wall says so. */
  'volunteer.missed_twice': { hotlineId: string; volunteerId: string };
  /** The caller pressed the danger key ("I am in danger now"): a crisis case opens. */
  'call.danger': { hotlineId: string; callId: string };
  /**
   * Supervisors on duty must see this at once: a crisis case opened, its report is late, or a
   * crisis caller is waiting; published again each time the stored alert is raised again or
   * resolved, until a supervisor acknowledges it.
   */
  'crisis.alert': {
    hotlineId: string;
    caseId: string;
    callId: string | null;
    reason: CrisisAlertReason;
    alert: CrisisAlert;
  };
  /** A supervisor acknowledged the alert: it leaves every wall. */
  'crisis.alert.acknowledged': { hotlineId: string; alertId: string; volunteerId: string };
  /**
   * Nobody has taken a crisis caller in time: the supervisors on duty are rung, or, later, the
   * caller is forwarded to the hotline's crisis line.
   */
  'crisis.escalated': {
    hotlineId: string;
    /** The call's id, or a live chat's (`channel: 'chat'`). */
    callId: string;
    step: 'supervisors' | 'forwarded';
    forwardedTo?: string;
    channel?: 'chat';
  };
  /**
   * Someone joined, left or changed how they are in a call's conference: `live` goes to those
   * in it (`to`), and those who left it (`gone`) learn that it ended for them.
   */
  'call.live': {
    hotlineId: string;
    callId: string;
    to: string[];
    /** Null once the call is not answered any more (back in the queue). */
    live: LiveCall | null;
    gone: string[];
  };
  /** A hotline's settings changed (on this instance or another): routing takes the new policy. */
  'hotline.changed': { hotlineId: string; hotline: Hotline };
  /** A contact record was written or corrected: supervision may take it into its review queue. */
  'contact.recorded': { hotlineId: string; contactId: string };
  /** The call-back list changed (a request made, assigned, tried, done), or a new evening began. */
  'callbacks.changed': { hotlineId: string };
  /** A call-back moved on a step: the console of the volunteer making it follows. */
  'callback.attempt': { hotlineId: string; volunteerId: string; attempt: CallbackAttemptLive };
  // Live chats (docs/chat.md). Their messages travel in memory only, on the instance where they
  // arrived: socket.io's adapter carries them to the sockets on the others.
  /** A chat joined the queue. */
  'chat.queued': {
    hotlineId: string;
    chatId: string;
    topic: string;
    priority: 'normal' | 'crisis';
    callerType: string;
  };
  /** The writer said "I am in danger now": a crisis case opens, as for the danger key. */
  'chat.danger': { hotlineId: string; chatId: string };
  'chat.answered': { hotlineId: string; chatId: string; volunteerId: string; at: string };
  'chat.message': { hotlineId: string; chatId: string; message: ChatMessage };
  'chat.typing': { hotlineId: string; chatId: string; by: 'writer' | 'volunteer'; typing: boolean };
  /** A waiting writer's place or expected wait changed. */
  'chat.queue': { hotlineId: string; chatId: string; queue: ChatQueue };
  /**
   * Who holds the chat changed: its panel goes to those now in it (`to`), and those who left
   * (`gone`, passed on by a transfer) learn it ended for them.
   */
  'chat.live': { hotlineId: string; chatId: string; to: string[]; gone: string[] };
  'chat.ended': {
    hotlineId: string;
    chatId: string;
    reason: ChatEndReason;
    outcome: ChatOutcome;
    at: string;
    /** Who answered it, when someone did: their contact record is due. */
    volunteerId?: string;
  };
  /** The chats a volunteer holds changed (their state may not have). */
  'volunteer.chats': { hotlineId: string; volunteerId: string };
}

export type HotlineEventType = keyof HotlineEventMap;
export type HotlineEvent = {
  [K in HotlineEventType]: { type: K } & HotlineEventMap[K];
}[HotlineEventType];
export type HotlineEventOf<K extends HotlineEventType> = Extract<HotlineEvent, { type: K }>;

@Injectable()
export class HotlineEvents {
  private readonly subject = new Subject<HotlineEvent>();

  get stream(): Observable<HotlineEvent> {
    return this.subject.asObservable();
  }

  publish(event: HotlineEvent): void {
    this.subject.next(event);
  }

  /**
   * Runs `work` for each event of this type that `when` accepts. A failure is logged, never
   * thrown back into the service that published the event.
   */
  on<K extends HotlineEventType>(
    type: K,
    work: (event: HotlineEventOf<K>) => Promise<unknown>,
    logger: Logger,
    when: (event: HotlineEventOf<K>) => boolean = () => true,
  ): Subscription {
    return this.subject
      .pipe(filter((event): event is HotlineEventOf<K> => event.type === type))
      .pipe(filter(when))
      .subscribe((event) => {
        work(event).catch((error: Error) =>
          logger.error({ err: error.message }, `${type} handling failed`),
        );
      });
  }
}

/** The one event bus of the server, for every module. */
@Global()
@Module({ providers: [HotlineEvents], exports: [HotlineEvents] })
export class EventsModule {}
