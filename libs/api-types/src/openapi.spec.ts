import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewOpenApiDocument } from '../../../apps/hotline/src/openapi-preview';

const FILE = join(__dirname, 'openapi.ts');
const SCRIPT = join(__dirname, '../../../scripts/api-types.js');

describe('libs/api-types/src/openapi.ts', () => {
  it('is generated from the current API document', async () => {
    const document = await previewOpenApiDocument();
    const fresh = execFileSync(process.execPath, [SCRIPT, '--convert'], {
      input: JSON.stringify(document),
      encoding: 'utf8',
    });
    // `npm run api:types` runs this spec with API_TYPES=write to (re)write the file.
    if (process.env.API_TYPES === 'write') writeFileSync(FILE, fresh);
    if (readFileSync(FILE, 'utf8') !== fresh)
      throw new Error('libs/api-types/src/openapi.ts is stale: run `npm run api:types`.');
  });
});
