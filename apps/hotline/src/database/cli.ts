import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../common/field-cipher';
import { validateEnvironment } from '../config/environment';
import { resolveSecrets } from '../config/secrets';
import { dataSourceOptions } from './data-source-options';
import { migrateUnderLock } from './migrate';
import { rotateKeys } from './rekey';

const USAGE = 'usage: migration:run | migration:revert | migration:generate -- <Name> | rekey';

/**
 * `npm run migration:run|revert|generate` against DATABASE_URL, and `rekey`
 * (`node dist/apps/hotline/src/database/cli.js rekey`), which rewrites confidential fields
 * with the current DATA_ENCRYPTION_KEY after a rotation.
 */
async function main([command, name]: string[]): Promise<void> {
  const env = validateEnvironment(process.env);
  const dataSource = await new DataSource(await dataSourceOptions(env.DATABASE_URL)).initialize();
  try {
    if (command === 'run') {
      const ran = await migrateUnderLock(dataSource);
      console.log(
        ran.length ? `Ran ${ran.map((m) => m.name).join(', ')}` : 'No pending migrations.',
      );
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))
        throw new Error(`${USAGE} (Name in PascalCase)`);
      console.log(writeDraft(name, await dataSource.driver.createSchemaBuilder().log()));
    } else if (command === 'rekey') {
      // The keys exactly as the server resolves them (core.module.ts).
      const secrets = resolveSecrets(env, (message) => console.warn(message));
      const cipher = new FieldCipher(secrets.dataEncryptionKey, secrets.previousDataEncryptionKeys);
      console.log(`Re-encrypting with key ${cipher.keyId}.`);
      const { rewritten, recopied, carried } = await rotateKeys(dataSource, cipher);
      const plural = (rows: number, one: string, many: string) =>
        `${rows} ${rows === 1 ? one : many}`;
      for (const { table, rows } of rewritten)
        console.log(`${table}: ${plural(rows, 'row', 'rows')} re-encrypted`);
      for (const { table, rows } of recopied)
        console.log(
          `${table}: ${plural(rows, 'copied caller hash', 'copied caller hashes')} updated`,
        );
      for (const { table, rows } of carried)
        console.log(`${table}: ${plural(rows, 'caller hash', 'caller hashes')} carried over`);
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Writes the schema difference as a draft. The SQL it holds is the current database's
 * dialect: rewrite it with the QueryRunner table API before committing, so it runs on both.
 */
function writeDraft(
  name: string,
  sql: { upQueries: { query: string }[]; downQueries: { query: string }[] },
): string {
  if (sql.upQueries.length === 0)
    return 'The entities and the database agree; nothing to generate.';
  const timestamp = Date.now();
  const file = join(
    __dirname,
    '../../../../apps/hotline/src/database/migrations',
    `${timestamp}-${name}.draft.ts`,
  );
  const lines = (queries: { query: string }[]) =>
    queries.map(({ query }) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
      `// DRAFT in one SQL dialect: rewrite with the QueryRunner table API, then list it in migrations/index.ts.\n` +
      `export class ${name}${timestamp} implements MigrationInterface {\n` +
      `  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(sql.upQueries)}\n  }\n\n` +
      `  async down(queryRunner: QueryRunner): Promise<void> {\n${lines([...sql.downQueries].reverse())}\n  }\n}\n`,
  );
  return `Wrote ${file}`;
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
