import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions, Logger as TypeOrmLogger, LogLevel } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { HotlineNamingStrategy } from './naming-strategy';
import { DATABASE_BUDGETS } from './time-budgets';

export type DatabaseKind = 'sqlite' | 'mysql';

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}

/** `sqlite:data/x.sqlite` (relative to the working directory), `sqlite:///abs/x.sqlite` or `sqlite::memory:`. */
export function sqlitePath(url: string): string {
  const rest = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (rest === ':memory:') return rest;
  return isAbsolute(rest) ? rest : resolve(rest);
}

/**
 * The one DataSource definition, used by the server, the migration CLI, the demo seed and
 * the tests. Migrations never run implicitly: see `migrateUnderLock`.
 */
export async function dataSourceOptions(
  url: string,
  logger?: TypeOrmLogger,
): Promise<DataSourceOptions> {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new HotlineNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logger,
    logging: ['error', 'warn', 'migration'] satisfies LogLevel[],
  };
  if (databaseKind(url) === 'sqlite') {
    const database = sqlitePath(url);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database,
      enableWAL: database !== ':memory:',
      // With WAL, NORMAL syncs at checkpoints instead of every commit: a crash of the server
      // loses nothing; only an OS crash or power cut can lose the last moments' writes.
      prepareDatabase: (db: { pragma(statement: string): unknown }) => {
        db.pragma('synchronous = NORMAL');
      },
      // Waits for a writer in another process (the seed, the CLI) instead of failing at once.
      // The server itself waits asynchronously instead, in short steps (time-budgets.ts).
      timeout: DATABASE_BUDGETS.sqliteLockBudgetMs,
    };
  }
  return {
    ...common,
    type: await mysqlFlavour(url.replace(/^mariadb:/, 'mysql:')),
    url: url.replace(/^mariadb:/, 'mysql:'),
    // Instants go in and come out as UTC whatever the server's own zone.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // A server that accepts but never answers fails the connection, not the caller
    // (the pool's wait and each query have budgets too: time-budgets.ts).
    connectTimeout: DATABASE_BUDGETS.mysqlConnectTimeoutMs,
  };
}

/**
 * MariaDB and MySQL report column defaults differently; TypeORM reads the schema right only
 * when told which one it is, so ask the server rather than trust the URL's scheme.
 */
async function mysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection({ uri: url, connectTimeout: 10_000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return String((rows as { version: string }[])[0].version).includes('MariaDB')
      ? 'mariadb'
      : 'mysql';
  } finally {
    await connection.end();
  }
}
