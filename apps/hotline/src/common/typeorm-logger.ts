import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const UNIQUE_VIOLATIONS = [
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
];

/**
 * TypeORM's own loggers print query parameters, which hold emails, password hashes and
 * ciphertexts. This one logs the statement and the error only.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    // The error itself (message and stack); its serializer leaves out the query's parameters.
    // A unique key refusing a row is how concurrent writers find each other (a retried
    // webhook, two bookings for one slot); the code that asked decides if it is an error.
    const code = typeof error === 'string' ? undefined : (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNIQUE_VIOLATIONS.includes(code))
      this.logger.warn({ query, err: error }, 'query refused by a unique key');
    else this.logger.error({ query, err: error }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query, milliseconds: time }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
