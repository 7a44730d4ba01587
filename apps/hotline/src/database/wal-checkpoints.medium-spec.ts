import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { CHECKPOINT_EVERY_MS, WalCheckpoints } from './wal-checkpoints';

describe('WalCheckpoints (the embedded database, off the event loop)', () => {
  let test: ServiceTest;
  let checkpoints: WalCheckpoints;
  let walPath: string;
  const autocheckpoint = async () =>
    (
      (await test.dataSource.query('PRAGMA wal_autocheckpoint')) as { wal_autocheckpoint: number }[]
    )[0].wal_autocheckpoint;

  beforeAll(async () => {
    test = await serviceTest([]);
    checkpoints = test.get(WalCheckpoints);
    walPath = `${test.dataSource.options.database as string}-wal`;
    await test.dataSource.query('CREATE TABLE probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  });
  afterAll(() => test.close());

  /** Writes `rows` rows of 4 KiB, one commit each, then waits for the worker to copy them all. */
  async function writeAndCheckpoint(rows: number): Promise<void> {
    const body = 'x'.repeat(4096);
    for (let n = 0; n < rows; n++) {
      await test.dataSource.query('INSERT INTO probe (body) VALUES (?)', [body]);
      // A server's writes come between other work; the worker runs meanwhile regardless.
      if (n % 200 === 0) await sleep(5);
    }
    const done = () =>
      checkpoints.last !== null && checkpoints.last.checkpointed === checkpoints.last.log;
    // Two ticks at least after the last write, so what the worker last told covers it.
    await sleep(2 * CHECKPOINT_EVERY_MS);
    const deadline = Date.now() + 10 * CHECKPOINT_EVERY_MS;
    while (Date.now() < deadline && !done()) await sleep(20);
    expect(done()).toBe(true);
  }

  it("recycles the log though the server's own connection never checkpoints", async () => {
    expect(await autocheckpoint()).toBe(0);
    // Never checkpointed, the log would keep every page written: a 4 KiB page a row at least.
    // Recycled, it is written over from the start once all of it is copied: it holds a round's
    // pages or so (a round and more when a restart met the worker mid-tick, less when the
    // worker caught up mid-round), about 3 pages a row here.
    const rounds = 32;
    const rows = 30;
    for (let round = 0; round < rounds; round++) await writeAndCheckpoint(rows);
    expect(statSync(walPath).size).toBeLessThan((rounds * rows * 4096) / 2);
  }, 120_000); // 32 rounds of a second or so

  it('gives checkpoints back to the server when the worker is gone', async () => {
    const worker = (checkpoints as unknown as { worker: Worker }).worker;
    await worker.terminate();
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline && (await autocheckpoint()) === 0) await sleep(20);
    expect(await autocheckpoint()).toBe(1000);
  });
});
