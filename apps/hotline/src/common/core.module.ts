import { Global, Logger, Module } from '@nestjs/common';
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
    clockProvider,
    PasswordHasher,
    {
      provide: SECRETS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): Secrets =>
        resolveSecrets(
          {
            DATA_DIR: config.get('DATA_DIR', { infer: true }),
            DATA_ENCRYPTION_KEY: config.get('DATA_ENCRYPTION_KEY', { infer: true }),
            JWT_SECRET: config.get('JWT_SECRET', { infer: true }),
          },
          (message) => new Logger('Secrets').warn(message),
        ),
    },
    {
      provide: FieldCipher,
      inject: [SECRETS],
      useFactory: (secrets: Secrets) => new FieldCipher(secrets.dataEncryptionKey),
    },
  ],
  exports: [CLOCK, SECRETS, FieldCipher, PasswordHasher],
})
export class CoreModule {}
