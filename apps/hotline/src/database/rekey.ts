import type { DataSource, QueryRunner } from 'typeorm';
import type { FieldCipher } from '../common/field-cipher';

/** A table's FieldCipher columns, and the keyed hash made from one of them, if any. */
export interface EncryptedColumns {
  table: string;
  columns: string[];
  /** `column` holds the keyed hash of the plaintext of the encrypted column `from`. */
  hash?: { column: string; from: string };
}

/** Every encrypted column in the schema (see the migrations). Add new ones here. */
export const ENCRYPTED_COLUMNS: EncryptedColumns[] = [
  { table: 'volunteer', columns: ['phone_encrypted', 'two_factor_secret_encrypted'] },
  {
    table: 'phone_call',
    columns: ['caller_number_encrypted'],
    hash: { column: 'caller_hash', from: 'caller_number_encrypted' },
  },
  // A call-back request copies its call's number and hash, so both are rewritten here too.
  {
    table: 'callback_request',
    columns: ['caller_number_encrypted', 'message_encrypted'],
    hash: { column: 'caller_hash', from: 'caller_number_encrypted' },
  },
  // Its caller_hash has no number beside it: see COPIED_HASHES.
  { table: 'contact', columns: ['notes_encrypted'] },
  { table: 'contact_draft', columns: ['notes_encrypted'] },
  { table: 'caller_profile', columns: ['guidance_encrypted'] },
  {
    table: 'crisis_case',
    columns: [
      'referral_note_encrypted',
      'report_encrypted',
      'closing_note_encrypted',
      'report_draft_encrypted',
    ],
  },
  { table: 'crisis_follow_up', columns: ['note_encrypted'] },
  { table: 'contact_review_entry', columns: ['text_encrypted'] },
  { table: 'chat_message', columns: ['text_encrypted'] },
  {
    table: 'booking',
    columns: ['parent_name_encrypted', 'phone_encrypted', 'description_encrypted'],
    hash: { column: 'phone_hash', from: 'phone_encrypted' },
  },
  {
    table: 'booking_waitlist',
    columns: ['parent_name_encrypted', 'phone_encrypted'],
    hash: { column: 'phone_hash', from: 'phone_encrypted' },
  },
];

/** A keyed hash copied from another row (no plaintext beside it to hash again). */
export interface CopiedHash {
  table: string;
  column: string;
  /** Copied from `source.column` of the `source.table` row whose id is this row's `source.key`. */
  source: { table: string; column: string; key: string };
}

/** Hashes to copy again once their source rows have been rekeyed. */
export const COPIED_HASHES: CopiedHash[] = [
  {
    table: 'contact',
    column: 'caller_hash',
    source: { table: 'phone_call', column: 'caller_hash', key: 'call_id' },
  },
  // A call-back's record has no call: its hash is the request's.
  {
    table: 'contact',
    column: 'caller_hash',
    source: { table: 'callback_request', column: 'caller_hash', key: 'callback_request_id' },
  },
];

/**
 * A keyed hash of a caller's number kept with no number beside it (blocks, profiles), so it
 * cannot be hashed again from its own row: it is carried over from the calls that still hold
 * the number. `only` narrows the rows, e.g. blocks of callers rather than of chat devices.
 */
export interface BareHash {
  table: string;
  column: string;
  only?: { column: string; value: string };
}

export const BARE_HASHES: BareHash[] = [
  {
    table: 'caller_block',
    column: 'subject_hash',
    only: { column: 'subject_kind', value: 'caller' },
  },
  { table: 'caller_profile', column: 'caller_hash' },
];

/** Where the numbers that explain the bare hashes are kept. */
export const CALLER_NUMBERS = { table: 'phone_call', column: 'caller_number_encrypted' };

type Row = Record<string, unknown> & { id: string | number };

/**
 * Rewrites every value not yet under the cipher's current key (older keys, or v1 values
 * without a key id) with the current key, and recomputes the keyed hashes made from them,
 * so that the previous keys can then be dropped. Safe to run while the server runs and to
 * run again: rows already current are skipped, and a row the server changed meanwhile is
 * left to the server's own (current-key) write. Returns the rows rewritten per table.
 */
export async function rekey(
  dataSource: DataSource,
  cipher: FieldCipher,
  specs: EncryptedColumns[],
  batchSize = 500,
): Promise<{ table: string; rows: number }[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive whole number, got ${batchSize}`);
  }
  // One runner rather than dataSource.query: only its structured result reports affected rows.
  const runner = dataSource.createQueryRunner();
  try {
    const results: { table: string; rows: number }[] = [];
    for (const spec of specs) {
      results.push({ table: spec.table, rows: await rekeyTable(runner, cipher, spec, batchSize) });
    }
    return results;
  } finally {
    await runner.release();
  }
}

type Tally = { table: string; rows: number }[];

/** `npm run data:rekey`: every step of a key rotation, in order, with the rows each changed. */
export async function rotateKeys(
  dataSource: DataSource,
  cipher: FieldCipher,
): Promise<{ rewritten: Tally; recopied: Tally; carried: Tally }> {
  const rewritten = await rekey(dataSource, cipher, ENCRYPTED_COLUMNS);
  const recopied = await recopyHashes(dataSource, COPIED_HASHES);
  const carried = await carryBareHashes(dataSource, cipher, BARE_HASHES, CALLER_NUMBERS);
  return { rewritten, recopied, carried };
}

/**
 * Copies each hash again from its source row where the two differ, as they do once the
 * source has been rekeyed. Run it after `rekey`. Returns the rows changed per table.
 */
export async function recopyHashes(
  dataSource: DataSource,
  specs: CopiedHash[],
): Promise<{ table: string; rows: number }[]> {
  const q = (name: string) => dataSource.driver.escape(name);
  const runner = dataSource.createQueryRunner();
  try {
    const results: { table: string; rows: number }[] = [];
    for (const { table, column, source } of specs) {
      const theirs = (name: string) => `${q(source.table)}.${q(name)}`;
      const ours = (name: string) => `${q(table)}.${q(name)}`;
      const from = `FROM ${q(source.table)} WHERE ${theirs('id')} = ${ours(source.key)}`;
      const differs = `${theirs(source.column)} IS NOT NULL AND ${theirs(source.column)} <> ${ours(column)}`;
      const result = await runner.query(
        `UPDATE ${q(table)} SET ${q(column)} = (SELECT ${theirs(source.column)} ${from}) ` +
          `WHERE ${ours(column)} IS NOT NULL AND EXISTS (SELECT 1 ${from} AND ${differs})`,
        [],
        true,
      );
      results.push({ table, rows: result.affected ?? 0 });
    }
    return results;
  } finally {
    await runner.release();
  }
}

/**
 * Rewrites bare hashes made under a previous key with the current hash of the same number,
 * found by hashing under every configured key the numbers calls still hold (run it after
 * `rekey`, while the previous keys are still configured). A hash whose number no call holds
 * any more cannot be carried over and is left as it is. Where a hotline already has a row
 * under the current hash (a profile begun after the rotation), the older row is left alone
 * rather than break the one-profile-per-caller rule. Returns the rows changed per table.
 */
export async function carryBareHashes(
  dataSource: DataSource,
  cipher: FieldCipher,
  specs: BareHash[],
  numbers: { table: string; column: string },
  batchSize = 500,
): Promise<{ table: string; rows: number }[]> {
  const q = (name: string) => dataSource.driver.escape(name);
  const where = ({ column, only }: BareHash) =>
    `${q(column)} IS NOT NULL` + (only ? ` AND ${q(only.column)} = ?` : '');
  const narrowed = ({ only }: BareHash) => (only ? [only.value] : []);
  const bare = new Set<string>();
  for (const spec of specs) {
    const rows: Record<string, string>[] = await dataSource.query(
      `SELECT DISTINCT ${q(spec.column)} AS hash FROM ${q(spec.table)} WHERE ${where(spec)}`,
      narrowed(spec),
    );
    for (const { hash } of rows) bare.add(hash);
  }

  // Old hash → current hash, for the bare hashes some stored number explains.
  const carried = new Map<string, string>();
  for await (const stored of batches(dataSource, numbers.table, numbers.column, batchSize)) {
    if (bare.size === carried.size) break;
    const [current, ...previous] = cipher.keyedHashes(cipher.decrypt(stored));
    for (const hash of previous) if (bare.has(hash)) carried.set(hash, current);
  }

  const runner = dataSource.createQueryRunner();
  try {
    const results: { table: string; rows: number }[] = [];
    for (const spec of specs) {
      let rows = 0;
      const t = q(spec.table);
      const hotline = q('hotline_id');
      for (const [old, current] of carried) {
        // The derived table lets MariaDB read the table it updates.
        const result = await runner.query(
          `UPDATE ${t} SET ${q(spec.column)} = ? WHERE ${where(spec)} AND ${q(spec.column)} = ? ` +
            `AND ${hotline} NOT IN (SELECT ${hotline} FROM (SELECT ${hotline} FROM ${t} ` +
            `WHERE ${q(spec.column)} = ?) AS already)`,
          [current, ...narrowed(spec), old, current],
          true,
        );
        rows += result.affected ?? 0;
      }
      results.push({ table: spec.table, rows });
    }
    return results;
  } finally {
    await runner.release();
  }
}

/** The non-empty values of one column, a batch at a time in id order. */
async function* batches(
  dataSource: DataSource,
  table: string,
  column: string,
  batchSize: number,
): AsyncGenerator<string> {
  const q = (name: string) => dataSource.driver.escape(name);
  const select = `SELECT ${q('id')} AS id, ${q(column)} AS value FROM ${q(table)} WHERE ${q(column)} IS NOT NULL`;
  let last: unknown;
  for (;;) {
    const rows: { id: unknown; value: string }[] =
      last === undefined
        ? await dataSource.query(`${select} ORDER BY ${q('id')} LIMIT ${batchSize}`)
        : await dataSource.query(
            `${select} AND ${q('id')} > ? ORDER BY ${q('id')} LIMIT ${batchSize}`,
            [last],
          );
    for (const row of rows) if (row.value !== '') yield row.value;
    if (rows.length < batchSize) return;
    last = rows[rows.length - 1].id;
  }
}

async function rekeyTable(
  runner: QueryRunner,
  cipher: FieldCipher,
  spec: EncryptedColumns,
  batchSize: number,
): Promise<number> {
  const { table, columns, hash } = spec;
  if (hash && !columns.includes(hash.from)) {
    throw new Error(
      `${table}: the hash column ${hash.column} is made from ${hash.from}, which is not listed`,
    );
  }
  const q = (name: string) => runner.connection.driver.escape(name);
  const select = `SELECT ${['id', ...columns].map(q).join(', ')} FROM ${q(table)}`;
  // batchSize is a checked integer, so inlining it is safe.
  const order = `ORDER BY ${q('id')} LIMIT ${batchSize}`;

  let rewritten = 0;
  let last: Row['id'] | undefined;
  for (;;) {
    // Keyset pagination: stable and cheap however far in, unlike OFFSET.
    const rows: Row[] =
      last === undefined
        ? await runner.query(`${select} ${order}`)
        : await runner.query(`${select} WHERE ${q('id')} > ? ${order}`, [last]);
    for (const row of rows) {
      if (await rekeyRow(runner, cipher, spec, row, q)) rewritten++;
    }
    if (rows.length < batchSize) return rewritten;
    last = rows[rows.length - 1].id;
  }
}

async function rekeyRow(
  runner: QueryRunner,
  cipher: FieldCipher,
  { table, columns, hash }: EncryptedColumns,
  row: Row,
  q: (name: string) => string,
): Promise<boolean> {
  const stored = (column: string): string | null => {
    const value = row[column];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const stale = columns.filter((column) => {
    const value = stored(column);
    return value !== null && !cipher.isCurrent(value);
  });
  if (stale.length === 0) return false;

  const decrypt = (column: string): string => {
    try {
      return cipher.decrypt(stored(column)!);
    } catch (error) {
      throw new Error(`${table} ${row.id}, ${column}: ${(error as Error).message}`);
    }
  };
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const column of stale) {
    sets.push(`${q(column)} = ?`);
    values.push(cipher.encrypt(decrypt(column)));
  }
  if (hash && stored(hash.from) !== null) {
    sets.push(`${q(hash.column)} = ?`);
    values.push(cipher.keyedHash(decrypt(hash.from)));
  }

  // Only if the row still holds what was read: a concurrent write by the server wins.
  const unchanged = columns.map((column) =>
    row[column] === null ? `${q(column)} IS NULL` : `${q(column)} = ?`,
  );
  const expected = columns.filter((column) => row[column] !== null).map((column) => row[column]);
  const result = await runner.query(
    `UPDATE ${q(table)} SET ${sets.join(', ')} WHERE ${q('id')} = ? AND ${unchanged.join(' AND ')}`,
    [...values, row.id, ...expected],
    true,
  );
  return (result.affected ?? 0) > 0;
}
