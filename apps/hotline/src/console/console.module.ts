import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CallOffer } from '../calls/call-offer.entity';
import { Call } from '../calls/call.entity';
import { CallsModule } from '../calls/calls.module';
import { ContactsModule } from '../contacts/contacts.module';
import { CrisisModule } from '../crisis/crisis.module';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ConsoleGateway } from './console.gateway';
import { FeedLookups } from './feed-lookups';
import { FeedViews } from './feed-views';
import { CallPanels } from './call-panels';
import { LiveFeed } from './live-feed.service';
import { OpenConsoles } from './open-consoles';
import { VoiceTokenController } from './voice-token.controller';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { CallersModule } from '../callers/callers.module';
import { ChatsModule } from '../chats/chats.module';
import { Chat } from '../chats/chat.entity';
import { ChatPanels } from './chat-panels';
import { ConsoleChatGateway } from './console-chat.gateway';

@Module({
  imports: [
    TypeOrmModule.forFeature([Call, CallOffer, Chat, Volunteer]),
    CallsModule,
    ContactsModule,
    CrisisModule,
    AuthModule,
    HotlinesModule,
    CallersModule,
    ChatsModule,
  ],
  controllers: [VoiceTokenController],
  providers: [
    ConsoleGateway,
    OpenConsoles,
    LiveFeed,
    FeedViews,
    FeedLookups,
    CallPanels,
    ConsoleChatGateway,
    ChatPanels,
  ],
})
export class ConsoleModule {}
