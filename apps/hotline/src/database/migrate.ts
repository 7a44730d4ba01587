import type { DataSource, Migration } from 'typeorm';

export const MIGRATION_LOCK = 'hotline.migrations';
const LOCK_WAIT_SECONDS = 120;

/**
 * Runs pending migrations so that processes starting together (two servers, a server and
 * the CLI) migrate one after another, never at once; the later ones find nothing to do.
 * MySQL/MariaDB: a named lock (`GET_LOCK`) held for the whole run. SQLite: the file's write
 * lock (`BEGIN IMMEDIATE`) held by one transaction around every migration.
 */
export async function migrateUnderLock(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type === 'better-sqlite3') {
    // better-sqlite3 has one connection per DataSource, so these statements and the
    // migrations share it; other processes wait on the busy timeout.
    await dataSource.query('BEGIN IMMEDIATE');
    try {
      const ran = await dataSource.runMigrations({ transaction: 'none' });
      await dataSource.query('COMMIT');
      return ran;
    } catch (error) {
      await dataSource.query('ROLLBACK');
      throw error;
    }
  }
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    const [row] = await lockHolder.query('SELECT GET_LOCK(?, ?) AS acquired', [
      MIGRATION_LOCK,
      LOCK_WAIT_SECONDS,
    ]);
    if (Number(row.acquired) !== 1) {
      throw new Error(
        `Another instance has held the migration lock for over ${LOCK_WAIT_SECONDS} s; is it stuck?`,
      );
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
