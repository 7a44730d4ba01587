#!/usr/bin/env node
/**
 * `npm run api:types`: writes libs/api-types/src/openapi.ts, the TypeScript types of the API
 * document, generated with openapi-typescript.
 *
 * The document is built by libs/api-types/src/openapi.spec.ts in Nest's preview mode (no
 * database, nothing listens), compiled exactly as the tests compile the server; run with
 * API_TYPES=write that spec writes the file instead of comparing. openapi-typescript needs
 * Node's require(esm), which jest lacks, so the spec hands the document to this script:
 * `node scripts/api-types.js --convert < document.json` prints the types.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');

const HEADER = `/**
 * Generated from the hotline server's API document (/api/docs-json) by openapi-typescript:
 * do not edit. Regenerate with \`npm run api:types\`; libs/api-types/src/openapi.spec.ts fails
 * while this file differs from the document.
 */

`;

/** All of standard input: a synchronous read of a pipe still filling may fail with EAGAIN. */
async function input() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function convert() {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const document = JSON.parse(await input());
  const ast = await openapiTS(document, { alphabetize: true });
  const prettier = require('prettier');
  const file = join(root, 'libs/api-types/src/openapi.ts');
  const options = await prettier.resolveConfig(file);
  process.stdout.write(
    await prettier.format(HEADER + astToString(ast), { ...options, filepath: file }),
  );
}

if (process.argv.includes('--convert')) {
  convert().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const result = spawnSync(process.execPath, [jest, 'libs/api-types/src/openapi.spec.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, API_TYPES: 'write' },
  });
  process.exit(result.status ?? 1);
}
