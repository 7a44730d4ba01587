import type { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { StaleLeaderError } from './routing-fence';

/** The first pause before a failed write is tried again; each next one doubles, up to the most. */
const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 2_000;

/**
 * Runs `write` until it lands, pausing longer each time, while `retrying()` allows: a routing
 * step's decision stands, so its record must follow it (docs/decisions.md). A stale leader's
 * refusal is never retried. `again` tells the write it is a retry (an insert may have landed
 * although its answer was lost).
 */
export async function untilLanded<T>(
  write: (again: boolean) => Promise<T>,
  retrying: () => boolean,
  logger: Logger,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await write(attempt > 0);
      if (attempt > 0) logger.log(`a step's write landed after ${attempt} retries`);
      return result;
    } catch (error) {
      if (error instanceof StaleLeaderError || !retrying()) throw error;
      if (attempt === 0)
        logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          "the database failed a step's write; trying again until it lands",
        );
      await sleep(Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt));
    }
  }
}
