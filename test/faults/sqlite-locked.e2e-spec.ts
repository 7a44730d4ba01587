import { fakeTwilio } from '../support/twilio';
import { startHotline } from '../support/hotline-server';
import { createTestDatabase, testDatabaseKind } from '../support/test-database';
import { SqliteLockHolder } from './support/database-faults';
import {
  burstThroughFault,
  expectEveryAnswerInTime,
  FAULT_TEST_TIMEOUT_MS,
} from './support/fault-burst';

const EVENING = { HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00' };
const onSqlite = testDatabaseKind() === 'sqlite' ? describe : describe.skip;

onSqlite('the SQLite file locked by another process', () => {
  it(
    'answers every webhook in time, holds callers, forwards callers in danger, and loses nothing',
    async () => {
      const fake = await fakeTwilio();
      const database = await createTestDatabase('sqlite');
      const server = await startHotline({ ...fake.env, ...EVENING }, database);
      const holder = new SqliteLockHolder(database.url.slice('sqlite:'.length));
      try {
        const counts = await burstThroughFault({
          server,
          admin: await server.signIn(),
          breakDatabase: () => holder.lock(),
          healDatabase: () => holder.release(),
          faultMs: 6_000,
          label: 'SQLite locked by another process',
        });
        expectEveryAnswerInTime(counts);
      } finally {
        await holder.release();
        await server.stop();
        await database.drop();
        await fake.fake.stop();
      }
    },
    FAULT_TEST_TIMEOUT_MS,
  );
});
