import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import type { Namespace } from 'socket.io';
import { Repository } from 'typeorm';
import type { CallParticipant, LiveCall, ServerEvents } from '@hotline/console-protocol';
import type { Clock } from '@hotline/clock';
import { Call } from '../calls/call.entity';
import { CallsService } from '../calls/calls.service';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { CrisisOpening } from '../crisis/crisis-opening.service';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { FeedLookups } from './feed-lookups';
import { volunteerRoom } from './live-feed.service';

type Server = Namespace<Record<string, never>, ServerEvents>;

/**
 * The live call panel's feed: `call.live` to everyone in a call whenever it changes (connected,
 * a crisis case opened, someone joined: the `call.participants` event, or `changed` directly),
 * `call.live.ended` when they leave it, and the call again to a console that reconnects
 * mid-call. Only to the people in the call: it carries the
 * caller's topic and history count, never their number.
 */
@Injectable()
export class LiveCalls implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Console');
  private subscriptions: Subscription[] = [];
  private server?: Server;
  /** Who is in which call, as last sent: they are told when they leave it. */
  private readonly sentTo = new Map<string, Set<string>>();
  /** When a call not yet answered on the volunteer's leg was first shown: its timer's start. */
  private readonly shownAt = new Map<string, Date>();

  constructor(
    private readonly events: HotlineEvents,
    private readonly switchboard: Switchboard,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly callViews: CallsService,
    private readonly crisis: CrisisOpening,
    private readonly lookups: FeedLookups,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscriptions = [
      this.events.on(
        'volunteer.state',
        async (event) => {
          const callId = this.switchboard.volunteerState(
            event.hotlineId,
            event.volunteerId,
          )?.callId;
          if (event.state === 'talking' && callId) await this.changed(callId);
          else this.left(event.volunteerId);
        },
        this.logger,
      ),
      this.events.on(
        'call.participants',
        (event) => this.changed(event.callId, event.participants),
        this.logger,
      ),
      this.events.on(
        'crisis.alert',
        (event) => this.changed(event.callId!),
        this.logger,
        (event) => event.reason === 'crisis_now' && event.callId !== null,
      ),
    ];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  attach(server: Server): void {
    this.server = server;
  }

  /**
   * The call changed: everyone in it gets it anew. `participants` are who is in it now (the
   * conference's people); without them, its volunteer alone. Those no longer in it are told.
   */
  async changed(callId: string, participants?: CallParticipant[]): Promise<void> {
    const view = await this.view(callId, participants);
    if (!view) return;
    const now = new Set(view.participants.map((participant) => participant.volunteerId));
    for (const volunteerId of this.sentTo.get(callId) ?? [])
      if (!now.has(volunteerId))
        this.server?.to(volunteerRoom(volunteerId)).emit('call.live.ended', { callId });
    this.sentTo.set(callId, now);
    for (const volunteerId of now)
      this.server?.to(volunteerRoom(volunteerId)).emit('call.live', view);
  }

  /** A console opened mid-call (a reload, a dropped connection) gets its call at once. */
  async current(volunteer: Volunteer, hotlineId: string): Promise<LiveCall | null> {
    const state = this.switchboard.volunteerState(hotlineId, volunteer.id);
    if (state?.state !== 'talking' || !state.callId) return null;
    return this.view(state.callId);
  }

  /** "Crisis now" from the console: the case opens and the call's panel shows it. */
  async crisisNow(volunteer: Volunteer, callId: string): Promise<{ crisisCaseId: string }> {
    return { crisisCaseId: (await this.crisis.crisisNow(volunteer, callId)).id };
  }

  /** The volunteer is no longer talking: their calls' panels close. */
  private left(volunteerId: string): void {
    for (const [callId, people] of this.sentTo) {
      if (!people.delete(volunteerId)) continue;
      this.server?.to(volunteerRoom(volunteerId)).emit('call.live.ended', { callId });
      if (people.size > 0) continue;
      this.sentTo.delete(callId);
      this.shownAt.delete(callId);
    }
  }

  private async view(callId: string, participants?: CallParticipant[]): Promise<LiveCall | null> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call?.volunteerId || call.status === 'ended') return null;
    await this.lookups.learn([], [call.volunteerId]);
    // A phone volunteer's leg is answered once they take it on the screen; until then, the
    // timer runs from when the panel first showed the call.
    if (!call.answeredAt && !this.shownAt.has(callId))
      this.shownAt.set(callId, this.clock.now().toJSDate());
    return {
      callId,
      answeredAt: (call.answeredAt ?? this.shownAt.get(callId)!).toISOString(),
      callerType: call.callerType,
      topic: call.topic,
      priority: call.priority,
      earlierContacts: await this.callViews.earlierContacts(call),
      participants: participants ?? [
        {
          volunteerId: call.volunteerId,
          name: this.lookups.name(call.volunteerId),
          role: 'volunteer',
          mode: 'talk',
        },
      ],
      callerOnHold: participants?.some((participant) => participant.holding) ?? false,
      crisisCaseId: await this.crisis.caseOf(callId),
    };
  }
}
