import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A deadlocked transaction is tried this many times in all before the error stands. */
const DEADLOCK_TRIES = 4;

const driverCode = (error: unknown) =>
  (error as { driverError?: { code?: string } })?.driverError?.code;

/** MariaDB gave up a lock to break a cycle, or waited too long: the same try may succeed. */
export function isLockConflict(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}

const isDeadlock = (error: unknown) => driverCode(error) === 'ER_LOCK_DEADLOCK';

/**
 * Runs work in one database transaction. With SQLite the whole process shares one
 * connection, and TypeORM would nest a second concurrent transaction inside the first as a
 * savepoint: so SQLite transactions take turns here. MySQL gives each its own connection, and
 * InnoDB may roll one back to break a deadlock ("try restarting transaction"): it is run again,
 * so that two volunteers saving records at the same moment both get them saved. The work must
 * keep its state inside the transaction (every caller here does).
 */
@Injectable()
export class Transactions {
  private readonly shared: boolean;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.shared = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.shared) return this.retried(work);
    const mine = this.turn.then(() => this.dataSource.transaction(work));
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private async retried<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!isDeadlock(error) || tries >= DEADLOCK_TRIES) throw error;
        // A little apart, so the two that met do not meet again at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * tries));
      }
    }
  }
}
