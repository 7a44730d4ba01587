import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './common/openapi-document';

/**
 * The API document without starting the server: in Nest's preview mode the module graph is
 * built but no provider runs, so no database is opened and nothing listens. The settings are
 * throwaway ones; the document does not depend on them.
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-openapi-'));
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(dataDir, 'unused.sqlite')}`,
    DATA_DIR: dataDir,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  try {
    const app = await NestFactory.create(AppModule.forRoot(), {
      preview: true,
      logger: false,
      abortOnError: false,
    });
    try {
      return buildOpenApiDocument(app);
    } finally {
      await app.close();
    }
  } finally {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
