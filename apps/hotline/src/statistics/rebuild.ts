import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigurationError } from '../config/environment';
import { StatsRebuildService } from './stats-rebuild.service';

/**
 * `npm run stats:rebuild`: recomputes every hotline's statistics from the raw records, writing
 * one month at a time in short transactions (see StatsRebuildService).
 */
async function rebuild(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), {
    logger: ['error', 'warn'],
  });
  try {
    for (const done of await app.get(StatsRebuildService).rebuildAll())
      console.log(
        `hotline ${done.hotlineId}: ${done.contacts} contacts, ${done.calls} calls, ${done.chats} chats counted, ${done.months} months rewritten`,
      );
  } finally {
    await app.close();
  }
}

rebuild().catch((error: Error) => {
  console.error(error instanceof ConfigurationError ? error.message : error.stack);
  process.exit(1);
});
