import type { Writable } from 'node:stream';
import type { Clock } from '@hotline/clock';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BookingsModule } from './bookings/bookings.module';
import { CallsModule } from './calls/calls.module';
import { ChatsModule } from './chats/chats.module';
import { ConsoleModule } from './console/console.module';
import { ContactsModule } from './contacts/contacts.module';
import { CrisisModule } from './crisis/crisis.module';
import { CoreModule } from './common/core.module';
import { loggerParams } from './common/logging';
import { createValidationPipe } from './common/validation';
import { Environment, validateEnvironment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/hotline-events';
import { FirstStart } from './first-start';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { InstancesModule } from './instances/instances.module';
import { MetricsModule } from './metrics/metrics.module';
import { RollupsModule } from './statistics/stats-rollups';
import { StatisticsModule } from './statistics/statistics.module';
import { ShiftsModule } from './shifts/shifts.module';
import { HotlinesModule } from './hotlines/hotlines.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';
import { TelephonyModule } from './telephony/telephony.module';
import { UnitsModule } from './units/units.module';
import { VolunteersModule } from './volunteers/volunteers.module';
import { ReviewsModule } from './reviews/reviews.module';
import { CallbacksModule } from './callbacks/callbacks.module';

export interface AppOptions {
  /** Where log lines go (standard output by default); tests read them to check redaction. */
  logStream?: Writable;
  /** Replaces the clock HOTLINE_CLOCK_* would build (tests of deadlines and retention). */
  clock?: Clock;
}

@Module({})
export class AppModule {
  /** Built per start so the environment is read (and validated) when the app starts, not on import. */
  static forRoot(options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          ignoreEnvFile: process.env.NODE_ENV === 'test',
          validate: validateEnvironment,
        }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) =>
            loggerParams(
              {
                LOG_LEVEL: config.get('LOG_LEVEL', { infer: true }),
                NODE_ENV: config.get('NODE_ENV', { infer: true }),
              },
              options.logStream,
            ),
        }),
        CoreModule.forRoot(options.clock),
        DatabaseModule,
        EventsModule,
        InstancesModule,
        RollupsModule,
        AuditModule,
        AuthModule,
        HotlinesModule,
        UnitsModule,
        VolunteersModule,
        TelephonyModule,
        CallsModule,
        CrisisModule,
        ContactsModule,
        StatisticsModule,
        ImportsModule,
        ShiftsModule,
        BookingsModule,
        ConsoleModule,
        TaxonomyModule,
        HealthModule,
        MetricsModule,
        ReviewsModule,
        CallbacksModule,
        ChatsModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }, FirstStart],
    };
  }
}
