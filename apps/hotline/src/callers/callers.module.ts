import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Call } from '../calls/call.entity';
import { Contact } from '../contacts/contact.entity';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { CallerBlock } from './caller-block.entity';
import { CallerBlocks } from './caller-blocks.service';
import { CallerGate } from './caller-gate';
import { CallerProfile } from './caller-profile.entity';
import { CallerProfiles } from './caller-profiles.service';
import { CallerSubjects } from './caller-subjects';
import { CallersController } from './callers.controller';

/** Block list, limits per number and caller profiles; the calls module asks it at the door. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CallerBlock, CallerProfile, Call, Contact]),
    AuditModule,
    HotlinesModule,
  ],
  controllers: [CallersController],
  providers: [CallerGate, CallerBlocks, CallerProfiles, CallerSubjects],
  exports: [CallerGate, CallerProfiles, CallerBlocks],
})
export class CallersModule {}
