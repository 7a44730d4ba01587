import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CallsModule } from '../calls/calls.module';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { AttendanceService } from './attendance.service';
import { CalendarFeedService } from './calendar-feed.service';
import { CheckIns } from './check-ins.service';
import { Shift, ShiftSignup, ShiftTemplate } from './shift.entity';
import { ShiftSignups } from './shift-signups.service';
import { ShiftRemindersService } from './shift-reminders.service';
import { CalendarFeedController, ShiftsController } from './shifts.controller';
import { ShiftsService } from './shifts.service';
import { HotlinesModule } from '../hotlines/hotlines.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([ShiftTemplate, Shift, ShiftSignup, Volunteer, Hotline]),
    AuditModule,
    CallsModule,
    HotlinesModule,
    VolunteersModule,
  ],
  controllers: [ShiftsController, CalendarFeedController],
  providers: [
    ShiftsService,
    ShiftSignups,
    AttendanceService,
    CheckIns,
    CalendarFeedService,
    ShiftRemindersService,
  ],
  exports: [ShiftsService],
})
export class ShiftsModule {}
