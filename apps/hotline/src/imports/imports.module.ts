import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ContactsModule } from '../contacts/contacts.module';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { UnitsModule } from '../units/units.module';
import { ImportBatch, ImportedRow } from './import-batch.entity';
import { ImportPlanner } from './import-planner';
import { ImportProgress } from './import-progress';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ImportBatch, ImportedRow]),
    AuditModule,
    ContactsModule,
    HotlinesModule,
    UnitsModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportPlanner, ImportProgress],
  exports: [ImportsService],
})
export class ImportsModule {}
