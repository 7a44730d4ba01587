import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import { createHotlineApp } from './app';
import { ConfigurationError, Environment } from './config/environment';
import { databaseKind } from './database/data-source-options';

async function main(): Promise<void> {
  const app = await createHotlineApp();
  const config = app.get(ConfigService<Environment, true>);
  await app.listen(config.get('PORT', { infer: true }));
  app
    .get(Logger)
    .log(
      `Hotline server ready at ${config.get('PUBLIC_BASE_URL', { infer: true })} ` +
        `(database: ${databaseKind(config.get('DATABASE_URL', { infer: true }))}; API docs at /api/docs)`,
    );
}

main().catch((error: Error) => {
  // A bad setting is the operator's to fix: say which, without a stack trace.
  console.error(
    error instanceof ConfigurationError
      ? error.message
      : `Hotline server failed to start: ${error.stack}`,
  );
  process.exit(1);
});
