import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction. With SQLite the whole process shares one
 * connection, and TypeORM would nest a second concurrent transaction inside the first as a
 * savepoint: so SQLite transactions take turns here. MySQL gives each its own connection.
 */
@Injectable()
export class Transactions {
  private readonly shared: boolean;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.shared = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.shared) return this.dataSource.transaction(work);
    const mine = this.turn.then(() => this.dataSource.transaction(work));
    this.turn = mine.catch(() => undefined);
    return mine;
  }
}
