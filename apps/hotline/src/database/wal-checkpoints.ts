import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';

/** How often the background connection copies the write-ahead log back into the database. */
export const CHECKPOINT_EVERY_MS = 500;

/** SQLite's own checkpoint threshold (pages), restored when the background one is gone. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * The background connection: a PASSIVE checkpoint never waits for a lock and never blocks a
 * writer; a busy database is simply tried again at the next tick. Plain JavaScript evaluated
 * in the worker, so it runs the same from the build and from the TypeScript sources.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 0 });
let told = { log: 0, checkpointed: 0 };
const tick = () => {
  try {
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log > 0 && (log !== told.log || checkpointed !== told.checkpointed)) {
      told = { log, checkpointed };
      parentPort.postMessage(told);
    }
  } catch (error) {
    if (!String(error.code).startsWith('SQLITE_BUSY')) throw error;
  }
};
const timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});
`;

/** The last checkpoint the background connection made: frames in the log, frames copied. */
export interface Checkpoint {
  log: number;
  checkpointed: number;
}

/**
 * SQLite checkpoints the write-ahead log on the connection that commits, synchronously: with
 * better-sqlite3 that is the event loop, so every thousand pages or so one write stalled every
 * socket and webhook for ~10 ms (the fsync). The server's connection now never checkpoints;
 * a worker thread with a connection of its own does, off the event loop. If the worker dies,
 * the server's connection checkpoints again as SQLite does by default.
 */
@Injectable()
export class WalCheckpoints implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private worker?: Worker;
  private stopping = false;
  last: Checkpoint | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const { type, database } = this.dataSource.options as { type: string; database?: unknown };
    if (type !== 'better-sqlite3' || typeof database !== 'string' || database === ':memory:')
      return;
    const [{ journal_mode: mode }] = (await this.dataSource.query('PRAGMA journal_mode')) as {
      journal_mode: string;
    }[];
    if (mode !== 'wal') return;
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        path: database,
        everyMs: CHECKPOINT_EVERY_MS,
      },
    });
    worker.unref();
    worker.on('message', (checkpoint: Checkpoint) => (this.last = checkpoint));
    worker.on('error', (error) =>
      this.logger.warn({ err: error.message }, 'the background checkpoint failed'),
    );
    worker.on('exit', () => {
      if (this.stopping) return;
      // Gone on its own: nothing to stop any more, and the server checkpoints again.
      this.stopping = true;
      void this.checkpointInline();
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('online', resolve);
      worker.once('error', reject);
    });
    this.worker = worker;
    await this.setAutocheckpoint(0);
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    if (!worker || this.stopping) return;
    this.stopping = true;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
    // The connection may live on (a test closing the app keeps its data source a moment).
    await this.checkpointInline();
  }

  private async checkpointInline(): Promise<void> {
    await this.setAutocheckpoint(SQLITE_DEFAULT_AUTOCHECKPOINT).catch((error: Error) =>
      this.logger.warn({ err: error.message }, 'automatic checkpoints not restored'),
    );
  }

  private async setAutocheckpoint(pages: number): Promise<void> {
    if (this.dataSource.isInitialized)
      await this.dataSource.query(`PRAGMA wal_autocheckpoint = ${pages}`);
  }
}
