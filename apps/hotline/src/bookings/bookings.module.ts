import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Call } from '../calls/call.entity';
import { CallsModule } from '../calls/calls.module';
import { Environment } from '../config/environment';
import { ContactsModule } from '../contacts/contacts.module';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { BookingMessages } from './booking-messages.service';
import { BookingSetupService } from './booking-setup.service';
import {
  AvailabilityDate,
  Booking,
  BookingClaim,
  BookingSettings,
  ExpertAvailability,
  Room,
  WaitlistEntry,
} from './booking.entity';
import { BookingsController, SmsStatusController } from './bookings.controller';
import { PublicBookingsController, PublicRateLimit } from './public-bookings.controller';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { Attendance } from './attendance';
import { BookingViews } from './booking-views';
import { Desk } from './desk';
import { FamilyBookings } from './family-bookings';
import { SlotPlan } from './slot-plan';
import { TimeClaims } from './time-claims';
import { Waitlist } from './waitlist';
import { WaitlistOffers } from './waitlist-offers';

/** The parts behind the public page: what a family books, moves, cancels and waits for. */
export const FAMILY_PARTS = [
  BookingSetupService,
  BookingMessages,
  BookingViews,
  SlotPlan,
  TimeClaims,
  FamilyBookings,
  Waitlist,
  WaitlistOffers,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AvailabilityDate,
      Booking,
      BookingClaim,
      BookingSettings,
      ExpertAvailability,
      Room,
      WaitlistEntry,
      Call,
      Hotline,
      Volunteer,
    ]),
    // The public routes' budget: BOOKING_RATE_LIMIT requests a minute per client address.
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        throttlers: [
          { name: 'public', ttl: 60_000, limit: config.get('BOOKING_RATE_LIMIT', { infer: true }) },
        ],
        errorMessage:
          'Too many requests from this address. Please wait a minute and try again, or call the hotline.',
      }),
    }),
    AuditModule,
    CallsModule,
    ContactsModule,
    HotlinesModule,
  ],
  controllers: [PublicBookingsController, BookingsController, SmsStatusController],
  providers: [...FAMILY_PARTS, Desk, Attendance, PublicRateLimit],
})
export class BookingsModule {}
