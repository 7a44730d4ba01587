import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { DatabaseLogger } from '../common/typeorm-logger';
import { dataSourceOptions } from './data-source-options';
import { migrateUnderLock } from './migrate';
import { applyTimeBudgets } from './time-budgets';
import { WalCheckpoints } from './wal-checkpoints';

/** Opens the database and brings its schema up to date before any feature module starts. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        dataSourceOptions(config.get('DATABASE_URL', { infer: true }), new DatabaseLogger()),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        const ran = await migrateUnderLock(dataSource);
        if (ran.length > 0)
          new Logger('Database').log(`Applied migrations: ${ran.map((m) => m.name).join(', ')}`);
        applyTimeBudgets(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [WalCheckpoints],
  exports: [WalCheckpoints],
})
export class DatabaseModule {}
