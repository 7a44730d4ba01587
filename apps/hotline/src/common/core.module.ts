import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import type { Clock } from '@hotline/clock';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../config/environment';
import { Secrets, resolveSecrets } from '../config/secrets';
import { clockProvider, CLOCK } from './clock.provider';
import { FieldCipher } from './field-cipher';
import { PasswordHasher } from './password-hasher';

export const SECRETS = Symbol('Secrets');

/** What every feature module may need: the clock, the secrets, the field cipher and password hashing. */
@Global()
@Module({
  providers: [
    PasswordHasher,
    {
      provide: SECRETS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): Secrets =>
        resolveSecrets(
          {
            DATA_DIR: config.get('DATA_DIR', { infer: true }),
            DATA_ENCRYPTION_KEY: config.get('DATA_ENCRYPTION_KEY', { infer: true }),
            DATA_ENCRYPTION_PREVIOUS_KEYS: config.get('DATA_ENCRYPTION_PREVIOUS_KEYS', {
              infer: true,
            }),
            JWT_SECRET: config.get('JWT_SECRET', { infer: true }),
          },
          (message) => new Logger('Secrets').warn(message),
        ),
    },
    {
      provide: FieldCipher,
      inject: [SECRETS],
      useFactory: (secrets: Secrets) =>
        new FieldCipher(secrets.dataEncryptionKey, secrets.previousDataEncryptionKeys),
    },
  ],
  exports: [CLOCK, SECRETS, FieldCipher, PasswordHasher],
})
export class CoreModule {
  /** `clock` replaces the configured one: tests move time by hand to check deadlines. */
  static forRoot(clock?: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [clock ? { provide: CLOCK, useValue: clock } : clockProvider],
      exports: [CLOCK],
    };
  }
}
