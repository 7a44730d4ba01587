import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Call } from '../calls/call.entity';
import { Chat } from '../chats/chat.entity';
import { CallsModule } from '../calls/calls.module';
import { Contact } from '../contacts/contact.entity';
import { ShiftsModule } from '../shifts/shifts.module';
import { Volunteer } from '../volunteers/volunteer.entity';
import { AlertRepeats } from './alert-repeats.service';
import { AlertTexts } from './alert-texts';
import { CallCrisisController } from './call-crisis.controller';
import { CrisisAlertRecord } from './crisis-alert.entity';
import { CrisisAlertsController } from './crisis-alerts.controller';
import { CrisisCase, CrisisFollowUp } from './crisis-case.entity';
import { CrisisCasesController } from './crisis-cases.controller';
import { CrisisAlerts } from './crisis-alerts.service';
import { CrisisCasesService } from './crisis-cases.service';
import { CrisisFollowUps } from './crisis-follow-ups.service';
import { CrisisOpening } from './crisis-opening.service';
import { CrisisReports } from './crisis-reports.service';
import { LadderSupervisors } from './ladder-supervisors';
import { OnCallSupervisors } from './on-call-supervisors';
import { OverdueReports } from './overdue-reports.service';
import { CrisisRetention } from './crisis-retention';
import { Partner } from './partner.entity';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';
import { HotlinesModule } from '../hotlines/hotlines.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      CrisisAlertRecord,
      CrisisCase,
      CrisisFollowUp,
      Partner,
      Call,
      Chat,
      Contact,
      Volunteer,
    ]),
    AuditModule,
    CallsModule,
    ShiftsModule,
    HotlinesModule,
  ],
  controllers: [
    CrisisCasesController,
    CrisisAlertsController,
    PartnersController,
    CallCrisisController,
  ],
  providers: [
    CrisisCasesService,
    CrisisAlerts,
    AlertRepeats,
    AlertTexts,
    OnCallSupervisors,
    CrisisOpening,
    OverdueReports,
    CrisisReports,
    CrisisFollowUps,
    PartnersService,
    CrisisRetention,
    LadderSupervisors,
  ],
  exports: [CrisisOpening, CrisisRetention, CrisisAlerts],
})
export class CrisisModule {}
