import { EntityManager } from 'typeorm';
import { RoutingEpoch } from './routing-epoch.entity';

/** A routing leader's write was refused: another leader, with a later lease epoch, has written. */
export class StaleLeaderError extends Error {
  constructor(readonly epoch: number) {
    super(`the routing lease epoch ${epoch} has been superseded; this instance no longer leads`);
  }
}

/**
 * The routing fence, run first in a routing write's transaction: raises the stored epoch to
 * the writer's, or refuses the write when a later leader's is stored. The row stays locked to
 * the transaction's end, so a successor's first write waits for it and then raises the epoch.
 * One statement (two only when nothing changed on a database that counts changed rows).
 */
export async function fenceRouting(manager: EntityManager, epoch: number): Promise<void> {
  const raised = await manager
    .createQueryBuilder()
    .update(RoutingEpoch)
    .set({ epoch })
    .where('id = :id AND epoch <= :epoch', { id: 'routing', epoch })
    .execute();
  if (raised.affected) return;
  const stored = await manager.findOneBy(RoutingEpoch, { id: 'routing' });
  if (!stored || stored.epoch > epoch) throw new StaleLeaderError(epoch);
}
