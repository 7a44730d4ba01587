import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, QueryFailedError } from 'typeorm';

/**
 * How long the server lets the database make it wait (see docs/decisions.md). A phone call
 * cannot wait on a database that is locked, frozen or gone: each wait has an end, after which
 * the statement fails, and the webhook budget (`telephony/webhook-budget.interceptor.ts`)
 * turns that into a hold for the caller.
 */
export const DATABASE_BUDGETS = {
  /**
   * SQLite: how long a write blocks the event loop waiting for another process's lock, when
   * the lock is not known to be taken (another process's commit is over in milliseconds).
   */
  sqliteBusyTimeoutMs: 20,
  /** SQLite: the pause between the retries (which do not block at all) of a refused write. */
  sqliteRetryDelayMs: 25,
  /** SQLite: how long a write keeps retrying before it fails (the old synchronous wait). */
  sqliteLockBudgetMs: 10_000,
  /** MySQL/MariaDB: a new connection must finish its handshake within this. */
  mysqlConnectTimeoutMs: 3_000,
  /** MySQL/MariaDB: the longest wait for a connection from the pool. */
  mysqlAcquireTimeoutMs: 2_000,
  /** MySQL/MariaDB: a query silent this long fails, and its connection is dropped. */
  mysqlQueryTimeoutMs: 5_000,
} as const;

const logger = new Logger('Database');

interface DriverError {
  code?: string;
  errno?: number | string;
  fatal?: boolean;
}

/** SQLite refused the statement because another connection holds the lock. */
function isSqliteBusy(error: unknown): boolean {
  const code = (error as DriverError | undefined)?.code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_SERVER_SHUTDOWN',
  'POOL_ACQUIRE_TIMEOUT',
]);

/**
 * The database is locked, slow or unreachable: a passing condition worth waiting out, not a
 * fault in the request. Both the error as thrown and TypeORM's wrapper around it count.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driverError =
    error instanceof QueryFailedError ? (error.driverError as DriverError) : (error as DriverError);
  if (!driverError || typeof driverError !== 'object') return false;
  if (isSqliteBusy(driverError)) return true;
  if (UNAVAILABLE_CODES.has(String(driverError.code ?? ''))) return true;
  return driverError.fatal === true;
}

/**
 * Puts the budgets on a server's DataSource, after its migrations ran (a migration may wait
 * for the migration lock or alter a big table for longer than any budget).
 */
export function applyTimeBudgets(dataSource: DataSource): void {
  if (dataSource.options.type === 'better-sqlite3') applySqliteBudgets(dataSource);
  else if (dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb')
    applyMysqlBudgets(dataSource);
}

// ---------------------------------------------------------------------------------------------
// SQLite

interface SqliteQuery {
  query(sql: string, parameters?: unknown[], structured?: boolean): Promise<unknown>;
}

const READ = /^\s*(SELECT|WITH|PRAGMA)\b/i;

/**
 * better-sqlite3 waits for a lock synchronously, freezing every call in the process. So the
 * connection waits only `sqliteBusyTimeoutMs`, and a statement refused with SQLITE_BUSY is
 * retried after a pause that yields to the event loop, until `sqliteLockBudgetMs`; the
 * retries do not wait on the lock at all (busy timeout 0): they poll.
 *
 * Writes take turns while they wait: only one at a time knocks on the lock, so fifty waiting
 * webhooks cost one poll every 25 ms, not fifty. Reads never wait for a
 * writer under WAL and go straight through. Transactions start with `BEGIN IMMEDIATE`, so the
 * lock is taken at the start (and waited for there) and never refused in the middle.
 */
function applySqliteBudgets(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as {
    databaseConnection: { pragma(statement: string): unknown };
    createQueryRunner(mode: 'master'): SqliteQuery;
  };
  driver.databaseConnection.pragma(`busy_timeout = ${DATABASE_BUDGETS.sqliteBusyTimeoutMs}`);

  // A refusal that will be retried is not an error worth a log line.
  const typeormLogger = dataSource.logger as { logQueryError: (...args: unknown[]) => unknown };
  const logQueryError = typeormLogger.logQueryError.bind(typeormLogger);
  typeormLogger.logQueryError = (error: unknown, ...rest: unknown[]) =>
    isSqliteBusy(error) ? undefined : logQueryError(error, ...rest);

  const runner = driver.createQueryRunner('master'); // one shared connection: one runner
  const original = runner.query.bind(runner);
  // Set only when it changes: every write would otherwise cost two more synchronous calls.
  let busyTimeout: number = DATABASE_BUDGETS.sqliteBusyTimeoutMs;
  const gate = new SqliteWriteTurns((milliseconds) => {
    if (milliseconds === busyTimeout) return;
    driver.databaseConnection.pragma(`busy_timeout = ${milliseconds}`);
    busyTimeout = milliseconds;
  });
  runner.query = (sql, parameters, structured) => {
    const statement = /^\s*BEGIN TRANSACTION\s*$/i.test(sql) ? 'BEGIN IMMEDIATE' : sql;
    const attempt = () => original(statement, parameters, structured);
    return READ.test(statement) ? retryWhileBusy(attempt, Date.now()) : gate.run(attempt);
  };
}

class SqliteWriteTurns {
  private tail: Promise<unknown> = Promise.resolve();
  /** The lock's last refusal, while no write has got through since. */
  private refusal: unknown = null;

  constructor(private readonly setBusyTimeout: (milliseconds: number) => void) {}

  run<T>(attempt: () => Promise<T>): Promise<T> {
    const since = Date.now();
    let tries = 0;
    // The first try of a write waits a little on the lock; once refused, tries are polls
    // that never block: the pause between them is where the other requests are served.
    const polite = () => {
      this.setBusyTimeout(
        tries++ === 0 && !this.refusal ? DATABASE_BUDGETS.sqliteBusyTimeoutMs : 0,
      );
      return attempt();
    };
    const mine = this.tail.then(async () => {
      // Its budget spent in the line behind a locked file: fail without blocking again.
      if (this.refusal && Date.now() - since >= DATABASE_BUDGETS.sqliteLockBudgetMs)
        throw this.refusal;
      try {
        const result = await retryWhileBusy(polite, since);
        this.refusal = null;
        return result;
      } catch (error) {
        if (isSqliteBusy(error instanceof QueryFailedError ? error.driverError : error))
          this.refusal = error;
        throw error;
      } finally {
        this.setBusyTimeout(DATABASE_BUDGETS.sqliteBusyTimeoutMs);
      }
    });
    this.tail = mine.catch(() => undefined);
    return mine;
  }
}

async function retryWhileBusy<T>(attempt: () => Promise<T>, since: number): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const driverError = error instanceof QueryFailedError ? error.driverError : error;
      if (!isSqliteBusy(driverError)) throw error;
      const waited = Date.now() - since;
      if (waited + DATABASE_BUDGETS.sqliteRetryDelayMs >= DATABASE_BUDGETS.sqliteLockBudgetMs) {
        logger.warn({ waitedMs: waited, tries }, 'the SQLite file stayed locked; giving up');
        throw error;
      }
      await sleep(DATABASE_BUDGETS.sqliteRetryDelayMs);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// MySQL / MariaDB

type Callback = (error: (Error & DriverError) | null, ...rest: unknown[]) => void;

interface PooledConnection {
  query(sql: unknown, values?: unknown, callback?: Callback): unknown;
  release(): void;
  destroy(): void;
}

const guarded = new WeakSet<PooledConnection>();

/**
 * mysql2 has neither an acquire timeout nor a default query timeout, and TypeORM's
 * `enableQueryTimeout` would also cut the migrations short. So: the wait for a pooled
 * connection ends after `mysqlAcquireTimeoutMs`, every query of the server carries
 * `mysqlQueryTimeoutMs`, and a connection whose query timed out is dropped from the pool
 * (mysql2 leaves it waiting for the answer, which would block whoever gets it next).
 */
function applyMysqlBudgets(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as {
    obtainMasterConnection(): Promise<PooledConnection>;
  };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () =>
    new Promise<PooledConnection>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        const error = new Error(
          `no database connection within ${DATABASE_BUDGETS.mysqlAcquireTimeoutMs} ms`,
        ) as Error & DriverError;
        error.code = 'POOL_ACQUIRE_TIMEOUT';
        reject(error);
      }, DATABASE_BUDGETS.mysqlAcquireTimeoutMs);
      obtain().then(
        (connection) => {
          clearTimeout(timer);
          if (late) connection.release();
          else resolve(withQueryTimeout(connection));
        },
        (error: Error) => {
          clearTimeout(timer);
          if (!late) reject(error);
        },
      );
    });
}

function withQueryTimeout(connection: PooledConnection): PooledConnection {
  if (guarded.has(connection)) return connection;
  guarded.add(connection);
  const query = connection.query.bind(connection);
  connection.query = (sql: unknown, values?: unknown, callback?: Callback) => {
    const options =
      typeof sql === 'string'
        ? { sql, timeout: DATABASE_BUDGETS.mysqlQueryTimeoutMs }
        : { timeout: DATABASE_BUDGETS.mysqlQueryTimeoutMs, ...(sql as object) };
    const done = (typeof values === 'function' ? values : callback) as Callback | undefined;
    const guardedDone: Callback = (error, ...rest) => {
      if (error?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
      done?.(error, ...rest);
    };
    return typeof values === 'function'
      ? query(options, guardedDone)
      : query(options, values, guardedDone);
  };
  return connection;
}
