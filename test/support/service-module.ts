import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule, getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { ManualClock } from '@hotline/clock';
import { CoreModule } from '../../apps/hotline/src/common/core.module';
import { validateEnvironment } from '../../apps/hotline/src/config/environment';
import { DatabaseModule } from '../../apps/hotline/src/database/database.module';
import { ENTITIES } from '../../apps/hotline/src/database/entities';
import { EventsModule } from '../../apps/hotline/src/events/hotline-events';

/** One service (or a few) on a real migrated SQLite database, with the manual clock; no HTTP. */
export interface ServiceTest {
  module: TestingModule;
  clock: ManualClock;
  dataSource: DataSource;
  get<T>(type: Type<T>): T;
  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T>;
  close(): Promise<void>;
}

/**
 * Builds a Nest module holding `providers` on top of what every service may inject (the
 * configuration, the clock, the field cipher, the event bus, every repository), against a
 * fresh SQLite file brought up to date by the migrations.
 */
export async function serviceTest(
  providers: Provider[],
  options: {
    imports?: (Type | DynamicModule)[];
    start?: string;
    env?: Record<string, string>;
  } = {},
): Promise<ServiceTest> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-service-'));
  const clock = new ManualClock(options.start ?? '2026-03-02T10:00:00Z');
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(dir, 'hotline.sqlite')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...options.env,
  };
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({
        isGlobal: true,
        ignoreEnvFile: true,
        ignoreEnvVars: true,
        load: [() => validateEnvironment(env)],
      }),
      CoreModule.forRoot(clock),
      DatabaseModule,
      TypeOrmModule.forFeature(ENTITIES),
      EventsModule,
      ...(options.imports ?? []),
    ],
    providers,
  }).compile();
  await module.init();
  return {
    module,
    clock,
    dataSource: module.get(DataSource),
    get: (type) => module.get(type),
    repository: (entity) => module.get(getRepositoryToken(entity as Type)),
    async close() {
      await module.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
