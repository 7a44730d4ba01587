import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import type { Namespace } from 'socket.io';
import type { LiveCall, ServerEvents } from '@hotline/console-protocol';
import { LiveCalls } from '../calls/conference/live-calls';
import { CrisisOpening } from '../crisis/crisis-opening.service';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { volunteerRoom } from './live-feed.service';

type Server = Namespace<Record<string, never>, ServerEvents>;

/**
 * The live call panels: each `call.live` the conference tells (see `LiveCalls`) goes to the
 * consoles of those in the call, with the crisis case opened from it; `call.live.ended` to
 * those who left it; a console that reconnects mid-call gets its call at once. Only to the
 * people in the call: it carries the caller's topic and history count, never their number.
 */
@Injectable()
export class CallPanels implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Console');
  private subscriptions: Subscription[] = [];
  private server?: Server;

  constructor(
    private readonly events: HotlineEvents,
    private readonly calls: LiveCalls,
    private readonly crisis: CrisisOpening,
  ) {}

  onModuleInit(): void {
    this.subscriptions = [
      this.events.on(
        'call.live',
        async ({ callId, live, to, gone }) => {
          const view = live && (await this.withCase(live));
          if (view)
            for (const volunteerId of to)
              this.server?.to(volunteerRoom(volunteerId)).emit('call.live', view);
          for (const volunteerId of gone.filter((id) => !to.includes(id)))
            this.server?.to(volunteerRoom(volunteerId)).emit('call.live.ended', { callId });
        },
        this.logger,
      ),
      // "Crisis now": everyone in the call sees the case open.
      this.events.on(
        'crisis.alert',
        (event) => this.calls.publish(event.callId!),
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

  /** A console opened mid-call (a reload, a dropped connection) gets its call at once. */
  async current(volunteer: Volunteer): Promise<LiveCall | null> {
    const live = await this.calls.joinedBy(volunteer.id);
    return live && this.withCase(live);
  }

  /** "Crisis now" from the console: the case opens and the call's panel shows it. */
  async crisisNow(volunteer: Volunteer, callId: string): Promise<{ crisisCaseId: string }> {
    return { crisisCaseId: (await this.crisis.crisisNow(volunteer, callId)).id };
  }

  private async withCase(live: LiveCall): Promise<LiveCall> {
    return { ...live, crisisCaseId: await this.crisis.caseOf(live.callId) };
  }
}
