import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { SECRETS } from '../common/core.module';
import { Secrets } from '../config/secrets';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorService } from './two-factor.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';

@Module({
  imports: [
    VolunteersModule,
    TypeOrmModule.forFeature([Volunteer, Hotline]),
    JwtModule.registerAsync({
      inject: [SECRETS],
      useFactory: (secrets: Secrets) => ({
        // A key object, not the text: given text, jsonwebtoken first tries to read it as a PEM
        // key, and that failed parse (~0.5 ms) came with every signed-in request and command.
        secret: createSecretKey(Buffer.from(secrets.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, TwoFactorController],
  providers: [AuthService, TwoFactorService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService],
})
export class AuthModule {}
