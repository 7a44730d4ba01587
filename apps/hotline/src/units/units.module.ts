import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { Volunteer } from '../volunteers/volunteer.entity';
import { UnitReach } from './unit-reach';
import { Unit, UnitRole } from './unit.entity';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Unit, UnitRole, Hotline, Volunteer]),
    HotlinesModule,
    AuditModule,
  ],
  controllers: [UnitsController],
  providers: [UnitsService, UnitReach],
  exports: [UnitReach],
})
export class UnitsModule {}
