import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Clock } from '@hotline/clock';
import { CallbackRequestsService } from '../calls/callback-requests.service';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Cluster } from '../instances/cluster';
import { CallbackAttempts } from './callback-attempts.service';

/** How often call-backs past their check time are looked at (real time). */
export const CALLBACK_SWEEP_MS = 5_000;

/**
 * The call-back desk's safety net, on the routing leader: attempts whose webhook never came
 * are asked about at Twilio (every state of a call-back ends), and when a new local day begins
 * on a hotline with open requests the walls' reminder is recounted (yesterday's requests are
 * now overdue).
 */
@Injectable()
export class CallbackSweep implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CallbackDesk');
  private stop?: () => void;
  /** The local day each hotline's reminder was last counted for. */
  private readonly days = new Map<string, string>();

  constructor(
    private readonly attempts: CallbackAttempts,
    private readonly requests: CallbackRequestsService,
    private readonly directory: HotlineDirectory,
    private readonly events: HotlineEvents,
    private readonly cluster: Cluster,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob(
      'call-back sweep',
      CALLBACK_SWEEP_MS,
      () => this.run(),
      this.logger,
      () => this.cluster.isLeader,
    );
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  async run(): Promise<void> {
    await this.attempts.checkDue();
    for (const hotlineId of await this.requests.hotlinesWithOpenRequests()) {
      const zone = (await this.directory.hotline(hotlineId)).timeZone;
      const day = this.clock.now().setZone(zone).toISODate()!;
      if (this.days.get(hotlineId) === day) continue;
      this.days.set(hotlineId, day);
      this.events.publish({ type: 'callbacks.changed', hotlineId });
    }
  }
}
