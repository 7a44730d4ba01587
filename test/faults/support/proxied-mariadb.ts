import { fakeTwilio } from '../../support/twilio';
import { RunningHotline, startHotline } from '../../support/hotline-server';
import { TestDatabase, createTestDatabase } from '../../support/test-database';
import { DatabaseProxy } from './database-faults';
import { burstThroughFault, expectEveryAnswerInTime } from './fault-burst';

const EVENING = { HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00' };

/** A server whose MariaDB connections all go through a proxy the test controls. */
export async function startBehindProxy(): Promise<{
  server: RunningHotline;
  proxy: DatabaseProxy;
  stop(): Promise<void>;
}> {
  const fake = await fakeTwilio();
  const database: TestDatabase = await createTestDatabase('mysql');
  const direct = new URL(database.url);
  const proxy = new DatabaseProxy(direct.hostname, Number(direct.port || 3306));
  const proxied = new URL(database.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(await proxy.start());
  const server = await startHotline(
    { ...fake.env, ...EVENING, DATABASE_URL: proxied.toString() },
    database,
  );
  return {
    server,
    proxy,
    async stop() {
      proxy.set('pass');
      await server.stop();
      await proxy.stop();
      await database.drop();
      await fake.fake.stop();
    },
  };
}

/** The fault test of a server behind the proxy, broken in `mode` for `faultMs`. */
export async function burstThroughProxyFault(
  mode: 'freeze' | 'drop',
  faultMs: number,
  label: string,
): Promise<void> {
  const { server, proxy, stop } = await startBehindProxy();
  try {
    expectEveryAnswerInTime(
      await burstThroughFault({
        server,
        admin: await server.signIn(),
        breakDatabase: async () => proxy.set(mode),
        healDatabase: async () => proxy.set('pass'),
        faultMs,
        label,
      }),
    );
  } finally {
    await stop();
  }
}
