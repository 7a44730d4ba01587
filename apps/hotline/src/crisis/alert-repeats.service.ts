import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { startRecurringJob } from '../common/recurring-job';
import { Cluster } from '../instances/cluster';
import { CrisisAlerts } from './crisis-alerts.service';

/**
 * How often unacknowledged alerts of waiting crisis callers are looked at (real time): the
 * hotline's `crisisRealertSeconds` decides when each is raised again, this only how late.
 * One indexed query over the few open alerts.
 */
export const REALERT_CHECK_MS = 1000;

/** Raises unacknowledged alerts again while their crisis caller waits; on the routing leader only. */
@Injectable()
export class AlertRepeats implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Crisis');
  private stop?: () => void;

  constructor(
    private readonly alerts: CrisisAlerts,
    private readonly cluster: Cluster,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob(
      'crisis re-alert',
      REALERT_CHECK_MS,
      () => this.alerts.raiseAgainDue(),
      this.logger,
      () => this.cluster.isLeader,
    );
  }

  onModuleDestroy(): void {
    this.stop?.();
  }
}
