import type { Database } from 'better-sqlite3';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../common/field-cipher';
import { dataSourceOptions } from './data-source-options';
import { migrateUnderLock } from './migrate';
import {
  BARE_HASHES,
  CALLER_NUMBERS,
  COPIED_HASHES,
  ENCRYPTED_COLUMNS,
  EncryptedColumns,
  carryBareHashes,
  recopyHashes,
  rekey,
} from './rekey';

describe('rekey', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const before = new FieldCipher(oldKey);
  const after = new FieldCipher(newKey, [oldKey]);
  const spec: EncryptedColumns = {
    table: 'caller',
    columns: ['number_encrypted', 'note_encrypted'],
    hash: { column: 'number_hash', from: 'number_encrypted' },
  };

  interface Row {
    id: string;
    number_encrypted: string | null;
    note_encrypted: string | null;
    number_hash: string | null;
  }

  let dir: string;
  let dataSource: DataSource;
  const rows = (): Promise<Row[]> => dataSource.query('SELECT * FROM caller ORDER BY id');
  const insert = (id: string, number: string | null, note: string | null, cipher: FieldCipher) =>
    dataSource.query('INSERT INTO caller VALUES (?, ?, ?, ?)', [
      id,
      cipher.encryptOptional(number),
      cipher.encryptOptional(note),
      number === null ? null : cipher.keyedHash(number),
    ]);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-rekey-'));
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: join(dir, 'rekey.sqlite'),
    }).initialize();
    await dataSource.query(
      'CREATE TABLE caller (id varchar(36) PRIMARY KEY, number_encrypted text, note_encrypted text, number_hash varchar(64))',
    );
  });

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rewrites rows under the old key with the new one, in batches, and recomputes hashes', async () => {
    const number = (i: number) => `+86138000000${i}`;
    const note = (i: number) => (i % 2 ? `note ${i}` : null);
    for (let i = 1; i <= 7; i++) await insert(`row-${i}`, number(i), note(i), before);
    await insert('row-8', null, null, before);
    await insert('row-9', number(9), 'written after the rotation', after);
    const untouched = (await rows())[8];

    // Batches of 3 over 9 rows: the last batch is full, so a fourth, empty one ends the walk.
    expect(await rekey(dataSource, after, [spec], 3)).toEqual([{ table: 'caller', rows: 7 }]);

    const stored = await rows();
    expect(stored).toHaveLength(9);
    const newKeyOnly = new FieldCipher(newKey);
    for (let i = 1; i <= 7; i++) {
      const row = stored[i - 1];
      expect(row.number_encrypted!.split(':').slice(0, 2)).toEqual(['v2', after.keyId]);
      expect(after.isCurrent(row.number_encrypted!)).toBe(true);
      expect(newKeyOnly.decrypt(row.number_encrypted!)).toBe(number(i));
      expect(newKeyOnly.decryptOptional(row.note_encrypted)).toBe(note(i));
      expect(row.number_hash).toBe(after.keyedHash(number(i)));
    }
    expect(stored[7]).toEqual({
      id: 'row-8',
      number_encrypted: null,
      note_encrypted: null,
      number_hash: null,
    });
    expect(stored[8]).toEqual(untouched);

    // Nothing is left to do a second time.
    expect(await rekey(dataSource, after, [spec])).toEqual([{ table: 'caller', rows: 0 }]);
  });

  it('upgrades v1 values, which have no key id, to the current key', async () => {
    const subkey = Buffer.from(
      hkdfSync('sha256', newKey, Buffer.alloc(0), 'hotline field encryption', 32),
    );
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', subkey, iv);
    const body = Buffer.concat([cipher.update('+8613800000001', 'utf8'), cipher.final()]);
    const v1 = ['v1', iv, cipher.getAuthTag(), body]
      .map((part) => part.toString('base64'))
      .join(':');
    await dataSource.query('INSERT INTO caller VALUES (?, ?, NULL, ?)', ['a', v1, 'stale']);

    expect(await rekey(dataSource, after, [spec])).toEqual([{ table: 'caller', rows: 1 }]);
    const [row] = await rows();
    expect(after.isCurrent(row.number_encrypted!)).toBe(true);
    expect(after.decrypt(row.number_encrypted!)).toBe('+8613800000001');
    expect(row.number_hash).toBe(after.keyedHash('+8613800000001'));
  });

  it('stops on a value no configured key opens, naming the table, row and column', async () => {
    await insert('row-1', '+8613800000001', null, new FieldCipher(randomBytes(32)));
    await expect(rekey(dataSource, after, [spec])).rejects.toThrow(
      /^caller row-1, number_encrypted: encrypted with key [0-9a-f]{8}, which is not configured/,
    );
  });

  it('leaves a row the server rewrote meanwhile to the server', async () => {
    await insert('row-1', '+8613800000001', null, before);
    await insert('row-2', '+8613800000002', null, before);
    const serverWrite = after.encrypt('+8613800000099');
    // The server changes row-1's number between rekey's read and its update.
    const connection = (dataSource.driver as unknown as { databaseConnection: Database })
      .databaseConnection;
    class RacingCipher extends FieldCipher {
      private raced = false;
      override encrypt(plaintext: string): string {
        if (!this.raced) {
          this.raced = true;
          connection
            .prepare('UPDATE caller SET number_encrypted = ?, number_hash = ? WHERE id = ?')
            .run(serverWrite, after.keyedHash('+8613800000099'), 'row-1');
        }
        return super.encrypt(plaintext);
      }
    }

    const racing = new RacingCipher(newKey, [oldKey]);
    expect(await rekey(dataSource, racing, [spec])).toEqual([{ table: 'caller', rows: 1 }]);
    const [first, second] = await rows();
    expect(first.number_encrypted).toBe(serverWrite);
    expect(first.number_hash).toBe(after.keyedHash('+8613800000099'));
    expect(after.decrypt(second.number_encrypted!)).toBe('+8613800000002');
    expect(after.isCurrent(second.number_encrypted!)).toBe(true);
  });

  it('copies hashes again from rekeyed rows they were copied from', async () => {
    await dataSource.query(
      'CREATE TABLE visit (id varchar(36) PRIMARY KEY, caller_id varchar(36), caller_hash varchar(64))',
    );
    await insert('row-1', '+8613800000001', null, before);
    await insert('row-2', null, null, before);
    const visits = [
      ['v1', 'row-1', before.keyedHash('+8613800000001')],
      ['v2', 'row-1', null],
      ['v3', 'row-2', 'left alone: its caller has no hash'],
      ['v4', null, 'left alone: no caller'],
    ];
    for (const visit of visits) await dataSource.query('INSERT INTO visit VALUES (?, ?, ?)', visit);
    const copied = {
      table: 'visit',
      column: 'caller_hash',
      source: { table: 'caller', column: 'number_hash', key: 'caller_id' },
    };

    await rekey(dataSource, after, [spec]);
    expect(await recopyHashes(dataSource, [copied])).toEqual([{ table: 'visit', rows: 1 }]);

    expect(await dataSource.query('SELECT id, caller_hash FROM visit ORDER BY id')).toEqual([
      { id: 'v1', caller_hash: after.keyedHash('+8613800000001') },
      { id: 'v2', caller_hash: null },
      { id: 'v3', caller_hash: visits[2][2] },
      { id: 'v4', caller_hash: visits[3][2] },
    ]);
    expect(await recopyHashes(dataSource, [copied])).toEqual([{ table: 'visit', rows: 0 }]);
  });

  it('carries bare hashes over from the numbers calls still hold, one row per hotline', async () => {
    await dataSource.query(
      'CREATE TABLE block (id varchar(36) PRIMARY KEY, hotline_id varchar(36), kind varchar(16), hash varchar(64))',
    );
    const kept = '+8613800000001';
    const gone = '+8613800000002';
    const begunAnew = '+8613800000003';
    await insert('row-1', kept, null, before);
    await insert('row-3', begunAnew, null, before);
    const blocks = [
      ['b1', 'h1', 'caller', before.keyedHash(kept)],
      ['b2', 'h2', 'caller', before.keyedHash(kept)],
      ['b3', 'h1', 'device', before.keyedHash(kept)],
      ['b4', 'h1', 'caller', before.keyedHash(gone)],
      ['b5', 'h1', 'caller', before.keyedHash(begunAnew)],
      ['b6', 'h1', 'caller', after.keyedHash(begunAnew)],
    ];
    for (const block of blocks)
      await dataSource.query('INSERT INTO block VALUES (?, ?, ?, ?)', block);
    const bare = [{ table: 'block', column: 'hash', only: { column: 'kind', value: 'caller' } }];
    const numbers = { table: 'caller', column: 'number_encrypted' };

    await rekey(dataSource, after, [spec]);
    expect(await carryBareHashes(dataSource, after, bare, numbers, 1)).toEqual([
      { table: 'block', rows: 2 },
    ]);

    expect(await dataSource.query('SELECT id, hash FROM block ORDER BY id')).toEqual([
      { id: 'b1', hash: after.keyedHash(kept) },
      { id: 'b2', hash: after.keyedHash(kept) },
      // Another kind of subject, hashed from something no call holds.
      { id: 'b3', hash: before.keyedHash(kept) },
      // No call holds the number any more.
      { id: 'b4', hash: before.keyedHash(gone) },
      // Its hotline has a row under the current hash already.
      { id: 'b5', hash: before.keyedHash(begunAnew) },
      { id: 'b6', hash: after.keyedHash(begunAnew) },
    ]);
    expect(await carryBareHashes(dataSource, after, bare, numbers)).toEqual([
      { table: 'block', rows: 0 },
    ]);
  });

  it('lists columns that exist in the migrated schema', async () => {
    const migrated = await new DataSource(
      await dataSourceOptions(`sqlite:${join(dir, 'hotline.sqlite')}`),
    ).initialize();
    try {
      await migrateUnderLock(migrated);
      for (const { table, columns, hash } of ENCRYPTED_COLUMNS) {
        const names = ['id', ...columns, ...(hash ? [hash.column] : [])].join(', ');
        await expect(migrated.query(`SELECT ${names} FROM ${table} LIMIT 0`)).resolves.toEqual([]);
      }
      for (const { table, column, source } of COPIED_HASHES) {
        await expect(
          migrated.query(`SELECT id, ${column}, ${source.key} FROM ${table} LIMIT 0`),
        ).resolves.toEqual([]);
        await expect(
          migrated.query(`SELECT id, ${source.column} FROM ${source.table} LIMIT 0`),
        ).resolves.toEqual([]);
      }
      // A new encrypted column left out of the list would be lost when the old key goes.
      const encrypted: { name: string }[] = await migrated.query(
        "SELECT m.name || '.' || c.name AS name FROM sqlite_master m, pragma_table_info(m.name) c " +
          "WHERE m.type = 'table' AND c.name LIKE '%\\_encrypted' ESCAPE '\\' ORDER BY 1",
      );
      expect(encrypted.map(({ name }) => name)).toEqual(
        ENCRYPTED_COLUMNS.flatMap(({ table, columns }) =>
          columns.map((c) => `${table}.${c}`),
        ).sort(),
      );
      expect(await rekey(migrated, after, ENCRYPTED_COLUMNS)).toEqual(
        ENCRYPTED_COLUMNS.map(({ table }) => ({ table, rows: 0 })),
      );
      expect(await recopyHashes(migrated, COPIED_HASHES)).toEqual(
        COPIED_HASHES.map(({ table }) => ({ table, rows: 0 })),
      );
      expect(await carryBareHashes(migrated, after, BARE_HASHES, CALLER_NUMBERS)).toEqual(
        BARE_HASHES.map(({ table }) => ({ table, rows: 0 })),
      );
    } finally {
      await migrated.destroy();
    }
  });
});
