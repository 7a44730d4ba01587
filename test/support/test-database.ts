import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type TestDatabaseKind = 'sqlite' | 'mysql';

export interface TestDatabase {
  kind: TestDatabaseKind;
  url: string;
  /** A raw connection for reading columns as stored (to check encryption at rest). */
  query<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** Which database this run of the suite covers: `npm test` runs it once per kind. */
export const testDatabaseKind = (): TestDatabaseKind =>
  process.env.TEST_DATABASE === 'mysql' ? 'mysql' : 'sqlite';

export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/**
 * A fresh, empty database of its own for one suite: a temporary SQLite file, or a MariaDB
 * database with a random name, dropped afterwards, so parallel workers never collide.
 */
export async function createTestDatabase(kind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-db-'));
    const file = join(dir, 'hotline.sqlite');
    return {
      kind,
      url: `sqlite:${file}`,
      query: async <T>(sql: string, parameters: unknown[] = []) => {
        const Database = (await import('better-sqlite3')).default;
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare(sql).all(...parameters) as T[];
        } finally {
          db.close();
        }
      },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `hotline_test_${randomBytes(6).toString('hex')}`;
  const server = new URL(TEST_MYSQL_URL);
  const admin = await createConnection({ uri: TEST_MYSQL_URL });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  server.pathname = `/${name}`;
  return {
    kind,
    url: server.toString(),
    query: async <T>(sql: string, parameters: unknown[] = []) => {
      const connection = await createConnection({ uri: server.toString() });
      try {
        const [rows] = await connection.query(sql, parameters);
        return rows as T[];
      } finally {
        await connection.end();
      }
    },
    drop: async () => {
      const connection = await createConnection({ uri: TEST_MYSQL_URL });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
