import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { Transactions } from '../database/transactions';
import { HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { StatsRollups } from '../statistics/stats-rollups';
import { Call } from './call.entity';

/**
 * A call's one outcome, and its count in the statistics, written in one transaction; then
 * `call.settled` for the metrics. Practice calls get outcomes but are never counted.
 */
@Injectable()
export class CallSettlement {
  constructor(
    private readonly transactions: Transactions,
    private readonly rollups: StatsRollups,
    private readonly directory: HotlineDirectory,
    private readonly events: HotlineEvents,
  ) {}

  /**
   * A second attempt (a retried webhook) changes nothing and returns false. `first` runs at the
   * start of the same transaction (the routing fence).
   */
  async settleCall(
    callId: string,
    changes: Partial<Call>,
    first?: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    const settled = await this.transactions.run(async (manager) => {
      await first?.(manager);
      const result = await manager.update(Call, { id: callId, outcome: IsNull() }, changes);
      if (!result.affected) return null;
      const call = await manager.findOneByOrFail(Call, { id: callId });
      if (!call.training) await this.count(manager, call);
      return call;
    });
    if (settled && !settled.training) this.publishSettled(settled);
    return settled !== null;
  }

  /** Records a call that ended as it arrived (outside opening hours), counted at once. */
  async recordEndedCall(call: Call): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.insert(Call, call);
      await this.count(manager, call);
    });
    this.publishSettled(call);
  }

  private async count(manager: EntityManager, call: Call): Promise<void> {
    const { timeZone } = await this.directory.hotline(call.hotlineId);
    await this.rollups.countCall(manager, call, timeZone);
  }

  private publishSettled(call: Call): void {
    if (call.outcome)
      this.events.publish({
        type: 'call.settled',
        hotlineId: call.hotlineId,
        callId: call.id,
        outcome: call.outcome,
      });
  }
}
