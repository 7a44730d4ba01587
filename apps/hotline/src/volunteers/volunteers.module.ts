import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Hotline } from '../hotlines/hotline.entity';
import { UnitsModule } from '../units/units.module';
import { MeController } from './me.controller';
import { SessionRevocations } from './session-revocations';
import { Volunteer } from './volunteer.entity';
import { VolunteersController } from './volunteers.controller';
import { VolunteersService } from './volunteers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Volunteer, Hotline]), AuditModule, UnitsModule],
  controllers: [VolunteersController, MeController],
  providers: [VolunteersService, SessionRevocations],
  exports: [VolunteersService, SessionRevocations],
})
export class VolunteersModule {}
