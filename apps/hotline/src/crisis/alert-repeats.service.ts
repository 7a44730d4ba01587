import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { Call } from '../calls/call.entity';
import { Chat } from '../chats/chat.entity';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Cluster } from '../instances/cluster';
import { AlertResolution, UNTIL_ACKNOWLEDGED_REASONS } from './crisis-alert.entity';
import { CrisisAlerts } from './crisis-alerts.service';

/**
 * How often unacknowledged alerts of waiting crisis callers are looked at (real time): the
 * hotline's `crisisRealertSeconds` decides when each is raised again, this only how late.
 * One indexed query over the few open alerts.
 */
export const REALERT_CHECK_MS = 1000;

/**
 * How the call (or chat) stands for its alert: still waiting (null), or how the caller stopped
 * waiting.
 */
function resolutionOf(
  call: Pick<Call | Chat, 'status' | 'outcome'> | null,
): AlertResolution | null {
  if (!call) return 'hung_up';
  if (call.status === 'talking') return 'taken';
  if (call.status === 'ended') return call.outcome === 'answered' ? 'taken' : 'hung_up';
  return null;
}

/** Raises unacknowledged alerts again while their crisis caller waits; on the routing leader only. */
@Injectable()
export class AlertRepeats implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Crisis');
  private stop?: () => void;

  constructor(
    private readonly alerts: CrisisAlerts,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    private readonly directory: HotlineDirectory,
    @InjectClock() private readonly clock: Clock,
    private readonly cluster: Cluster,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob(
      'crisis re-alert',
      REALERT_CHECK_MS,
      () => this.raiseAgainDue(),
      this.logger,
      () => this.cluster.isLeader,
    );
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  /**
   * Alerts of crisis callers still waiting, unacknowledged, last raised `crisisRealertSeconds`
   * ago or more, are raised again; alerts of callers who stopped waiting are resolved.
   * Returns how many were raised again.
   */
  async raiseAgainDue(): Promise<number> {
    const now = this.clock.now();
    let raised = 0;
    for (const alert of await this.alerts.toRaiseAgain()) {
      const resolution = UNTIL_ACKNOWLEDGED_REASONS.includes(alert.reason)
        ? null
        : resolutionOf(await this.waiter(alert));
      if (resolution) {
        await this.alerts.resolve(alert, resolution);
        continue;
      }
      const hotline = await this.directory.hotline(alert.hotlineId);
      const due = now.minus({ seconds: hotline.routing.crisisRealertSeconds }).toJSDate();
      if (alert.lastRaisedAt > due) continue;
      if (await this.alerts.raiseAgain(alert, due, now)) raised += 1;
    }
    return raised;
  }

  /** The call or chat whose caller the alert is about, as it stands. */
  private waiter(alert: { callId: string | null; chatId: string | null }) {
    const select = { id: true, status: true, outcome: true } as const;
    return alert.chatId
      ? this.chats.findOne({ where: { id: alert.chatId }, select })
      : this.calls.findOne({ where: { id: alert.callId! }, select });
  }
}
