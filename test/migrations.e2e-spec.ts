import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/hotline/src/database/data-source-options';
import { MIGRATION_LOCK, migrateUnderLock } from '../apps/hotline/src/database/migrate';
import { MIGRATIONS } from '../apps/hotline/src/database/migrations';
import { runBuilt } from './support/built-server';
import { TestDatabase, createTestDatabase, testDatabaseKind } from './support/test-database';

const TABLES = [
  'audit_event',
  'call_offer',
  'callback_request',
  'hotline',
  'phone_call',
  'presence_change',
  'volunteer',
  'volunteer_hotline',
];

async function tablesIn(database: TestDatabase): Promise<string[]> {
  const rows =
    database.kind === 'sqlite'
      ? await database.query<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table'",
        )
      : await database.query<{ name: string }>(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
        );
  return rows
    .map((row) => row.name)
    .filter((name) => TABLES.includes(name))
    .sort();
}

describe('migrations', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  it('build the schema, revert to nothing and build it again', async () => {
    const dataSource = await new DataSource(await dataSourceOptions(database.url)).initialize();
    try {
      const ran = await migrateUnderLock(dataSource);
      expect(ran.map((migration) => migration.name)).toEqual(
        MIGRATIONS.map((migration) => migration.name),
      );
      expect(await tablesIn(database)).toEqual(TABLES);
      // The entities and the migrated schema agree: nothing left for TypeORM to change.
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);

      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      expect(await tablesIn(database)).toEqual([]);

      await migrateUnderLock(dataSource);
      expect(await tablesIn(database)).toEqual(TABLES);
    } finally {
      await dataSource.destroy();
    }
  });

  it('run once when several instances start at the same moment', async () => {
    // Three processes of `npm run migration:run`, as three servers starting together would.
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        runBuilt('apps/hotline/src/database/cli.js', ['run'], { DATABASE_URL: database.url }),
      ),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0 });
    expect(runs.filter((run) => run.stdout.includes('Ran Foundation')).length).toBe(1);
    expect(runs.filter((run) => run.stdout.includes('No pending migrations.')).length).toBe(2);
    const applied = await database.query<{ name: string }>('SELECT name FROM migrations');
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  // better-sqlite3 is synchronous, so only MySQL can be raced inside one test process.
  (testDatabaseKind() === 'mysql' ? it : it.skip)(
    'wait for the MySQL migration lock held by another instance',
    async () => {
      const holder = await createConnection({ uri: database.url });
      await holder.query('SELECT GET_LOCK(?, 10)', [MIGRATION_LOCK]);
      const instances = await Promise.all(
        [1, 2].map(async () => new DataSource(await dataSourceOptions(database.url)).initialize()),
      );
      try {
        const running = Promise.all(instances.map((instance) => migrateUnderLock(instance)));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await tablesIn(database)).toEqual([]);

        await holder.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
        const results = await running;
        expect(results.map((ran) => ran.length).sort()).toEqual([0, MIGRATIONS.length]);
        expect(await tablesIn(database)).toEqual(TABLES);
      } finally {
        await holder.end();
        await Promise.all(instances.map((instance) => instance.destroy()));
      }
    },
  );
});
