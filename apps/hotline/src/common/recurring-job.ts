import type { Logger } from '@nestjs/common';

/**
 * Runs `work` every `everyMs` real milliseconds, one run at a time, until stopped. A failed
 * run is logged and the next one tries again; the timer never keeps the process alive.
 */
export function startRecurringJob(
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
  logger: Logger,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch((error: Error) => logger.error({ err: error.message }, `${name} failed`))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
