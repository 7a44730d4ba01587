import type { Logger } from '@nestjs/common';

/**
 * Runs `work` every `everyMs` real milliseconds, one run at a time, until stopped. A failed
 * run is logged and the next one tries again; the timer never keeps the process alive.
 * `when` skips runs while it is false: jobs that send messages run on the routing leader
 * only, so several instances do not send them twice.
 */
export function startRecurringJob(
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
  logger: Logger,
  when: () => boolean = () => true,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || !when()) return;
    running = true;
    work()
      .catch((error: unknown) => logger.error({ err: error }, `${name} failed`))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
