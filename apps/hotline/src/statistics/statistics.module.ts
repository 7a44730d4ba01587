import { Module } from '@nestjs/common';
import { Chat } from '../chats/chat.entity';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Call } from '../calls/call.entity';
import { CallbackRequest } from '../calls/callback-request.entity';
import { CallsModule } from '../calls/calls.module';
import { PresenceChange } from '../calls/presence-change.entity';
import { Contact, ContactTopic } from '../contacts/contact.entity';
import { CrisisCase } from '../crisis/crisis-case.entity';
import { Hotline } from '../hotlines/hotline.entity';
import { ShiftSignup } from '../shifts/shift.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { StatsDay, StatsMonth } from './rollup-cells.entity';
import { DutyFigures } from './duty-figures';
import { StatsController } from './stats.controller';
import { StatsRebuildService } from './stats-rebuild.service';
import { StatsReportService } from './stats-report.service';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { UnitsModule } from '../units/units.module';
import { UnitReportService } from './unit-report.service';
import { UnitStatsController } from './unit-stats.controller';
import { ImportedRow } from '../imports/import-batch.entity';
import { ReviewsModule } from '../reviews/reviews.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      StatsDay,
      StatsMonth,
      Call,
      Chat,
      CallbackRequest,
      Contact,
      ContactTopic,
      CrisisCase,
      Hotline,
      ImportedRow,
      PresenceChange,
      ShiftSignup,
      Volunteer,
    ]),
    CallsModule,
    HotlinesModule,
    UnitsModule,
    ReviewsModule,
  ],
  controllers: [StatsController, UnitStatsController],
  providers: [StatsReportService, DutyFigures, StatsRebuildService, UnitReportService],
  exports: [StatsRebuildService],
})
export class StatisticsModule {}
