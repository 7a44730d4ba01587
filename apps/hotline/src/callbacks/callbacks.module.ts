import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallbackRequest } from '../calls/callback-request.entity';
import { CallsModule } from '../calls/calls.module';
import { ContactsModule } from '../contacts/contacts.module';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallbackAttempt } from './callback-attempt.entity';
import { CallbackAttempts } from './callback-attempts.service';
import { CallbackDeskController } from './callback-desk.controller';
import { CallbackDialler } from './callback-dialler';
import { CallbackLegs } from './callback-legs';
import { CallbackList } from './callback-list';
import { CallbackSweep } from './callback-sweep';
import { CallbackWebhooksController } from './callback-webhooks.controller';

/**
 * The call-back desk: calling back the callers who asked for it or left a message, through
 * Twilio from the hotline's number, and the list supervisors work it from (docs/callbacks.md).
 * It writes `callback_attempt`; requests are written by the calls module, records by contacts.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CallbackAttempt, CallbackRequest, Volunteer]),
    CallsModule,
    ContactsModule,
    HotlinesModule,
  ],
  controllers: [CallbackDeskController, CallbackWebhooksController],
  providers: [CallbackAttempts, CallbackDialler, CallbackLegs, CallbackList, CallbackSweep],
})
export class CallbacksModule {}
