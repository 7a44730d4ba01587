import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CallersModule } from '../callers/callers.module';
import { CallsModule } from '../calls/calls.module';
import { CrisisModule } from '../crisis/crisis.module';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ChatChannelLink } from './chat-channel-link';
import { ChatConversations } from './chat-conversations';
import { ChatDesk } from './chat-desk';
import { ChatDoor } from './chat-door';
import { ChatFigures } from './chat-figures';
import { ChatHolders } from './chat-holders';
import { ChatHotlines } from './chat-hotlines';
import { ChatJoins } from './chat-joins';
import { ChatLimits } from './chat-limits';
import { ChatOfferViews } from './chat-offer-views';
import { ChatRecorder } from './chat-recorder';
import { ChatRouting, ChatStepsRelay, LeadingChatSteps } from './chat-routing';
import { ChatSettlement } from './chat-settlement';
import { ChatSockets } from './chat-sockets';
import { ChatSupervision } from './chat-supervision';
import { ChatTakeover } from './chat-takeover';
import { ChatTranscripts } from './chat-transcripts';
import { ChatWatch } from './chat-watch';
import { WatchSettings } from './watch-settings';
import { ChatWriters } from './chat-writers';
import { DepartedVolunteers } from './departed-volunteers';
import { Chat, ChatMessageRecord, ChatOffer, ChatParticipant } from './chat.entity';
import { ChatGateway } from './chat.gateway';
import { ChatsController } from './chats.controller';
import { LiveChats } from './live-chats';
import { MessagesLeft } from './messages-left';
import { PublicChatsController } from './public-chats.controller';
import { WriterRooms } from './writer-rooms';

/**
 * Live chat (docs/chat.md): the chat page's API and namespace, chats routed by the calls
 * module's engines as a second channel, the volunteers' side for the console, and the record.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Chat, ChatMessageRecord, ChatOffer, ChatParticipant, Volunteer]),
    AuditModule,
    CallsModule,
    CallersModule,
    CrisisModule,
    HotlinesModule,
  ],
  controllers: [PublicChatsController, ChatsController],
  providers: [
    ChatChannelLink,
    ChatConversations,
    ChatDesk,
    ChatDoor,
    ChatFigures,
    ChatGateway,
    ChatHolders,
    ChatHotlines,
    ChatJoins,
    ChatLimits,
    ChatOfferViews,
    ChatRecorder,
    ChatRouting,
    ChatSettlement,
    ChatSockets,
    ChatStepsRelay,
    ChatSupervision,
    ChatTakeover,
    ChatTranscripts,
    ChatWatch,
    ChatWriters,
    DepartedVolunteers,
    LeadingChatSteps,
    LiveChats,
    MessagesLeft,
    WatchSettings,
    WriterRooms,
  ],
  exports: [
    ChatDesk,
    ChatFigures,
    ChatHolders,
    ChatJoins,
    ChatOfferViews,
    ChatRouting,
    ChatSockets,
    ChatTranscripts,
    LiveChats,
  ],
})
export class ChatsModule {}
