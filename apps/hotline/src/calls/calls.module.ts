import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Contact } from '../contacts/contact.entity';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { CallParticipant } from './conference/call-participant.entity';
import { ConferenceLegs } from './conference/conference-legs';
import { LiveCalls } from './conference/live-calls';
import { Monitor } from './conference/monitor';
import { Transfer } from './conference/transfer';
import { WarmTransfer } from './conference/warm-transfer';
import { InCallController } from './in-call.controller';
import { CallerNumberRetention } from './caller-number-retention';
import { Call } from './call.entity';
import { CallbackRequest } from './callback-request.entity';
import { CallbackRequestsService } from './callback-requests.service';
import { CallerMoves } from './caller-moves';
import { CallerTransfer } from './caller-transfer';
import { CallerLine } from './caller-line';
import { RoutedChannels } from './chat-channel';
import { CrisisLadder, CrisisSupervisors } from './crisis-ladder';
import { LadderFlowService } from './ladder-flow.service';
import { LadderWebhooksController } from './ladder-webhooks.controller';
import { SoftphoneRegistry } from './softphone-registry';
import { CallScreening } from './call-screening.service';
import { CallSettlement } from './call-settlement';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { EffectRecorder } from './effect-recorder';
import { LeadingSwitchboard } from './leading-switchboard';
import { OfferRecords } from './offer-records';
import { PresenceChange } from './presence-change.entity';
import { Switchboard } from './switchboard';
import { SwitchboardRelay } from './switchboard-relay';
import { SwitchboardSeat } from './switchboard-seat';
import { Takeover } from './takeover';
import { TrainingCallsController } from './training-calls.controller';
import { TrainingCallsService } from './training-calls.service';
import { IncomingCalls } from './incoming-calls';
import { VoiceCallbacks } from './voice-callbacks';
import { VoiceFlowService } from './voice-flow.service';
import { VoiceWebhooksController } from './voice-webhooks.controller';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { CallersModule } from '../callers/callers.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Call,
      CallOffer,
      CallParticipant,
      CallbackRequest,
      Contact,
      PresenceChange,
      Hotline,
      Volunteer,
    ]),
    AuditModule,
    HotlinesModule,
    CallersModule,
  ],
  controllers: [
    VoiceWebhooksController,
    LadderWebhooksController,
    CallsController,
    InCallController,
    TrainingCallsController,
  ],
  providers: [
    CallSettlement,
    ConferenceLegs,
    LiveCalls,
    Monitor,
    Transfer,
    WarmTransfer,
    EffectRecorder,
    CallerTransfer,
    CallerMoves,
    CallerLine,
    CrisisSupervisors,
    CrisisLadder,
    LadderFlowService,
    SoftphoneRegistry,
    CallScreening,
    LeadingSwitchboard,
    RoutedChannels,
    OfferRecords,
    SwitchboardRelay,
    Takeover,
    { provide: Switchboard, useClass: SwitchboardSeat },
    IncomingCalls,
    VoiceFlowService,
    VoiceCallbacks,
    CallsService,
    CallbackRequestsService,
    TrainingCallsService,
    CallerNumberRetention,
  ],
  exports: [
    Switchboard,
    CallsService,
    CallerNumberRetention,
    CallbackRequestsService,
    CrisisSupervisors,
    CallerTransfer,
    SoftphoneRegistry,
    LiveCalls,
    LeadingSwitchboard,
    RoutedChannels,
  ],
})
export class CallsModule {}
