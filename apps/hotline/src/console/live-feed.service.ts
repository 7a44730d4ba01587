import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { filter, Subscription } from 'rxjs';
import type { Namespace } from 'socket.io';
import type {
  CrisisAlert,
  MissedTwiceNotice,
  QueueChange,
  QueueSnapshot,
  ServerEvents,
} from '@hotline/console-protocol';
import { CallbackRequestsService } from '../calls/callback-requests.service';
import { CallsService } from '../calls/calls.service';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import { Switchboard } from '../calls/switchboard';
import { Cluster } from '../instances/cluster';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { FeedLookups } from './feed-lookups';
import { FeedViews } from './feed-views';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { ChatOfferViews } from '../chats/chat-offer-views';

/** The events the live feed turns into frames: a follower sends only these to the leader. */
const FEED_EVENTS = new Set<HotlineEvent['type']>([
  'call.queued',
  'call.changed',
  'call.ended',
  'offer.created',
  'offer.withdrawn',
  'volunteer.state',
  'call.live',
  'crisis.alert',
  'crisis.alert.acknowledged',
  'volunteer.missed_twice',
  'chat.queued',
  'volunteer.chats',
  'callbacks.changed',
  'callback.attempt',
]);

/**
 * At most one frame per window: a change after a quiet spell goes out at once, and changes
 * that follow within the window wait for its end and go out together, so a burst costs
 * consoles one message without slowing the calm evening's single changes. 20 ms keeps a
 * change's delivery close to a bare broadcast (bench/fanout) while one call's events
 * (offer, states, figures), which come within a few milliseconds, still share a frame.
 */
export const COALESCE_MS = 20;
/** Today's figures take a database query: recounted at most this often. */
export const TODAY_EVERY_MS = 1000;

/** What has changed on one hotline since the last frame, and its running sequence number. */
interface HotlineFeed {
  seq: number;
  calls: Set<string>;
  volunteers: Set<string>;
  today: boolean;
  /** Alerts raised, raised again or resolved since the last frame, by id. */
  newAlerts: Map<string, CrisisAlert>;
  /** Alerts acknowledged since the last frame. */
  goneAlerts: Set<string>;
  /** Volunteers put on a break for missing two offers in a row since the last frame. */
  missedTwice: Set<string>;
  /** The call-back list changed: the reminder is recounted. */
  callbacks: boolean;
  timer?: NodeJS.Timeout;
  flushing: Promise<void>;
  dueAt: number;
  lastFrameAt: number;
  lastTodayAt: number;
}

/** A change before it gets its sequence number. */
type Unnumbered = QueueChange extends infer Change
  ? Change extends QueueChange
    ? Omit<Change, 's'>
    : never
  : never;

export const hotlineRoom = (hotlineId: string) => `hotline:${hotlineId}`;
export const volunteerRoom = (volunteerId: string) => `volunteer:${volunteerId}`;

/**
 * Turns the switchboard's events into the console protocol: numbered, coalesced change frames
 * for everyone on a hotline, offers and own-state updates for the volunteer concerned, and
 * snapshots on demand (built by `FeedViews`, numbered by this feed). Frames carry whole items (a call, a volunteer), so a console applies
 * them by replacing what it has; nothing confidential (numbers, notes) is ever in them.
 */
@Injectable()
export class LiveFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly feeds = new Map<string, HotlineFeed>();
  private subscription?: Subscription;
  private server?: Namespace<Record<string, never>, ServerEvents>;

  constructor(
    private readonly events: HotlineEvents,
    private readonly switchboard: Switchboard,
    private readonly directory: HotlineDirectory,
    private readonly calls: CallsService,
    private readonly lookups: FeedLookups,
    private readonly views: FeedViews,
    private readonly callbacks: CallbackRequestsService,
    private readonly chatOffers: ChatOfferViews,
    /** Several instances: the leader builds the frames, the adapter carries them to every console. */
    @Optional() private readonly cluster?: Cluster,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.stream
      // An outcome alone is for counters: the wall follows calls through their queue events.
      // A chat's messages never leave their instance but through the consoles' sockets.
      .pipe(filter((event) => FEED_EVENTS.has(event.type)))
      .subscribe(
        (event) =>
          void (this.cluster?.follower ? this.relay(event) : this.receive(event)).catch(
            (error: Error) => this.logger.error({ err: error.message }, 'live feed failed'),
          ),
      );
    this.cluster?.handle('feed.event', (event: HotlineEvent) => this.receive(event));
    this.cluster?.handle(
      'feed.snapshot',
      async ({ volunteerId, hotlineId }: { volunteerId: string; hotlineId: string }) =>
        this.snapshot(await this.lookups.person(volunteerId), hotlineId),
    );
  }

  /** A follower's own events (a call queued by its webhook, a crisis alert) go to the leader's feed. */
  private async relay(event: HotlineEvent): Promise<void> {
    await this.cluster!.askLeader('feed.event', event, { timeoutMs: 2000 });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    for (const feed of this.feeds.values()) clearTimeout(feed.timer);
  }

  attach(server: Namespace<Record<string, never>, ServerEvents>): void {
    this.server = server;
  }

  async snapshot(volunteer: Volunteer, hotlineId: string): Promise<QueueSnapshot> {
    // The sequence numbers are the leader's: its snapshot matches its frames.
    if (this.cluster?.follower)
      return this.cluster.askLeader('feed.snapshot', { volunteerId: volunteer.id, hotlineId });
    const seq = this.feed(hotlineId).seq;
    const [snapshot, callbacks] = await Promise.all([
      this.views.snapshot(volunteer, hotlineId, seq),
      this.callbacks.reminder(await this.directory.hotline(hotlineId)),
    ]);
    return { ...snapshot, callbacks };
  }

  private async receive(event: HotlineEvent): Promise<void> {
    const feed = this.feed(event.hotlineId);
    switch (event.type) {
      case 'call.queued':
        this.lookups.rememberCallerType(event.callId, event.callerType);
        feed.calls.add(event.callId);
        feed.today = true;
        break;
      case 'call.changed':
      case 'call.ended':
        feed.calls.add(event.callId);
        feed.today = true;
        break;
      case 'offer.created': {
        feed.calls.add(event.callId);
        const ringing =
          event.channel === 'chat'
            ? await this.chatOffers.view(event.offerId)
            : await this.lookups
                .offer(event.offerId)
                .then((offer) => offer && this.calls.offerView(offer));
        if (ringing)
          this.server?.to(volunteerRoom(event.volunteerId)).emit('offer.ringing', ringing);
        break;
      }
      case 'chat.queued':
        this.lookups.rememberCallerType(event.chatId, event.callerType);
        feed.calls.add(event.chatId);
        feed.today = true;
        break;
      case 'volunteer.chats': {
        feed.volunteers.add(event.volunteerId);
        const volunteer = await this.lookups.volunteer(event.volunteerId);
        if (volunteer)
          this.server
            ?.to(volunteerRoom(volunteer.id))
            .emit('me.state', await this.views.me(volunteer, event.hotlineId));
        break;
      }
      case 'offer.withdrawn':
        feed.calls.add(event.callId);
        this.server
          ?.to(volunteerRoom(event.volunteerId))
          .emit('offer.withdrawn', { offerId: event.offerId, reason: event.reason });
        break;
      case 'volunteer.state': {
        feed.volunteers.add(event.volunteerId);
        this.lookups.rememberWrapUp(event.volunteerId, event.state, event.wrapUpCallId);
        const volunteer = await this.lookups.volunteer(event.volunteerId);
        if (volunteer)
          this.server
            ?.to(volunteerRoom(volunteer.id))
            .emit('me.state', await this.views.me(volunteer, event.hotlineId));
        break;
      }
      case 'call.live':
        // Answered: the wall shows the call in conversation, and who is in it.
        feed.calls.add(event.callId);
        // (The panels of those in it are told by `CallPanels`.)
        this.lookups.rememberParticipants(event.callId, event.live?.participants);
        break;
      case 'crisis.alert':
        // Raised, raised again (consoles ring anew) or resolved: the latest goes out.
        feed.newAlerts.set(event.alert.alertId, event.alert);
        break;
      case 'crisis.alert.acknowledged':
        feed.newAlerts.delete(event.alertId);
        feed.goneAlerts.add(event.alertId);
        break;
      case 'volunteer.missed_twice':
        // Their state (the break) goes out in the same frame, before the notice.
        feed.volunteers.add(event.volunteerId);
        feed.missedTwice.add(event.volunteerId);
        break;
      case 'callbacks.changed':
        feed.callbacks = true;
        break;
      case 'callback.attempt':
        this.server?.to(volunteerRoom(event.volunteerId)).emit('callback.attempt', event.attempt);
        return;
    }
    this.schedule(event.hotlineId, feed);
  }

  /** Flushes after `delay` ms, unless a flush is already due sooner. */
  private schedule(
    hotlineId: string,
    feed: HotlineFeed,
    delay = feed.lastFrameAt + COALESCE_MS - performance.now(),
  ): void {
    const dueAt = performance.now() + Math.max(0, delay);
    if (feed.timer && feed.dueAt <= dueAt) return;
    clearTimeout(feed.timer);
    feed.dueAt = dueAt;
    feed.timer = setTimeout(
      () => {
        feed.timer = undefined;
        // One flush at a time: a frame built while the previous one still awaits the database
        // would overtake it, and consoles would apply the older state last.
        feed.flushing = feed.flushing
          .then(() => this.flush(hotlineId, feed))
          .catch((error: Error) => this.logger.error({ err: error.message }, 'flush failed'));
      },
      Math.max(0, delay),
    );
  }

  /** One frame with everything that changed in the window, each change numbered in turn. */
  private async flush(hotlineId: string, feed: HotlineFeed): Promise<void> {
    // Leadership moved on: this instance's engines are gone, and the new leader sends frames.
    if (this.cluster?.follower) return;
    const callIds = [...feed.calls];
    const volunteerIds = [...feed.volunteers];
    const started = performance.now();
    const today = feed.today && started - feed.lastTodayAt >= TODAY_EVERY_MS;
    const newAlerts = [...feed.newAlerts.values()];
    const goneAlerts = [...feed.goneAlerts];
    const missedTwice = [...feed.missedTwice];
    const callbacks = feed.callbacks;
    feed.callbacks = false;
    feed.newAlerts.clear();
    feed.goneAlerts.clear();
    feed.missedTwice.clear();
    feed.calls.clear();
    feed.volunteers.clear();
    feed.lastFrameAt = started;
    if (today) {
      feed.today = false;
      feed.lastTodayAt = started;
    } else if (feed.today) {
      this.schedule(hotlineId, feed, feed.lastTodayAt + TODAY_EVERY_MS - started);
    }
    await this.lookups.learn(callIds, volunteerIds);

    const changes: Unnumbered[] = [];
    for (const callId of callIds) {
      const view = this.switchboard.callView(hotlineId, callId);
      if (!view) this.lookups.forgetCall(callId);
      changes.push(
        view ? { type: 'call', call: this.views.queuedCall(view) } : { type: 'call.gone', callId },
      );
    }
    for (const volunteerId of volunteerIds) {
      const state = this.switchboard.volunteerState(hotlineId, volunteerId);
      if (state) changes.push({ type: 'volunteer', volunteer: this.views.dutyVolunteer(state) });
    }
    if (today)
      changes.push({
        type: 'today',
        today: await this.views.today(await this.directory.hotline(hotlineId)),
      });
    for (const alert of newAlerts) changes.push({ type: 'alert', alert });
    for (const alertId of goneAlerts) changes.push({ type: 'alert.gone', alertId });
    for (const volunteerId of missedTwice) {
      const notice = this.missedTwiceNotice(hotlineId, volunteerId);
      if (notice) changes.push({ type: 'volunteer.missed_twice', notice });
    }
    if (callbacks)
      changes.push({
        type: 'callbacks',
        callbacks: await this.callbacks.reminder(await this.directory.hotline(hotlineId)),
      });
    if (changes.length === 0) return;

    const numbered = changes.map((change) => ({ ...change, s: ++feed.seq }) as QueueChange);
    this.server?.to(hotlineRoom(hotlineId)).emit('queue.changes', { hotlineId, changes: numbered });
  }

  /** Nothing to say when a supervisor already set them available (or offline) meanwhile. */
  private missedTwiceNotice(hotlineId: string, volunteerId: string): MissedTwiceNotice | null {
    const state = this.switchboard.volunteerState(hotlineId, volunteerId);
    if (state?.state !== 'break') return null;
    return {
      volunteerId,
      name: this.lookups.name(volunteerId),
      since: new Date(state.since).toISOString(),
    };
  }

  private feed(hotlineId: string): HotlineFeed {
    let feed = this.feeds.get(hotlineId);
    if (!feed) {
      feed = {
        seq: 0,
        calls: new Set(),
        volunteers: new Set(),
        today: false,
        flushing: Promise.resolve(),
        dueAt: Infinity,
        lastFrameAt: -Infinity,
        lastTodayAt: -Infinity,
        newAlerts: new Map(),
        goneAlerts: new Set(),
        missedTwice: new Set(),
        callbacks: false,
      };
      this.feeds.set(hotlineId, feed);
    }
    return feed;
  }
}
