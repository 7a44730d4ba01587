import type { DataSource, Migration } from 'typeorm';

export const MIGRATION_LOCK = 'hotline.migrations';
const LOCK_WAIT_SECONDS = 120;

/**
 * Runs pending migrations. On MySQL/MariaDB this holds a named lock (`GET_LOCK`) for the
 * whole run, so instances starting together migrate one after another, never at once;
 * the second finds nothing left to do. SQLite is one file owned by one server.
 */
export async function migrateUnderLock(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type === 'better-sqlite3') {
    return dataSource.runMigrations({ transaction: 'all' });
  }
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    const [row] = await lockHolder.query('SELECT GET_LOCK(?, ?) AS acquired', [MIGRATION_LOCK, LOCK_WAIT_SECONDS]);
    if (Number(row.acquired) !== 1) {
      throw new Error(`Another instance has held the migration lock for over ${LOCK_WAIT_SECONDS} s; is it stuck?`);
    }
    try {
      // MySQL cannot roll back DDL, so one transaction per migration is as safe as it gets.
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await lockHolder.release();
  }
}
