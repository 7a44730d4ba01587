import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { Cluster } from '../instances/cluster';
import { CrisisAlerts } from './crisis-alerts.service';
import { CrisisCase } from './crisis-case.entity';

/** How often late reports are looked for (real time). */
const OVERDUE_CHECK_MS = 60_000;

/** A report still missing 12 hours after its case opened raises a second alert, once. */
@Injectable()
export class OverdueReports implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Crisis');
  private stopWatch?: () => void;

  constructor(
    @InjectRepository(CrisisCase) private readonly cases: Repository<CrisisCase>,
    private readonly alerts: CrisisAlerts,
    private readonly cluster: Cluster,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stopWatch = startRecurringJob(
      'overdue report check',
      OVERDUE_CHECK_MS,
      () => this.alertOverdueReports(),
      this.logger,
      () => this.cluster.isLeader,
    );
  }

  onModuleDestroy(): void {
    this.stopWatch?.();
  }

  /**
   * Cases whose report is late and not yet alerted: each is alerted once. The conditional
   * update makes sure two overlapping checks never alert the same case twice.
   */
  async alertOverdueReports(): Promise<number> {
    const now = this.clock.now().toJSDate();
    const late = await this.cases.find({
      where: {
        reportFiledAt: IsNull(),
        closedAt: IsNull(),
        overdueAlertedAt: IsNull(),
        reportDueAt: LessThanOrEqual(now),
      },
    });
    let alerted = 0;
    for (const crisisCase of late) {
      const claimed = await this.cases.update(
        { id: crisisCase.id, overdueAlertedAt: IsNull() },
        { overdueAlertedAt: now },
      );
      if (!claimed.affected) continue;
      await this.alerts.alert(crisisCase, 'report_overdue');
      alerted += 1;
    }
    return alerted;
  }
}
