import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Call } from '../calls/call.entity';
import { CallsModule } from '../calls/calls.module';
import { ChatsModule } from '../chats/chats.module';
import { Chat } from '../chats/chat.entity';
import { ChatContacts } from './chat-contacts.service';
import { ChatContactsController } from './chat-contacts.controller';
import { CrisisModule } from '../crisis/crisis.module';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ContactDraftRecord } from './contact-draft.entity';
import { ContactDrafts } from './contact-drafts.service';
import { Contact, ContactTopic } from './contact.entity';
import { ContactsController } from './contacts.controller';
import { CallerHistory } from './caller-history.service';
import { ContactArchive } from './contact-archive';
import { CallbackRecords } from './callback-records';
import { ContactReads } from './contact-reads.service';
import { ContactRecords } from './contact-records.service';
import { ContactsService } from './contacts.service';
import { FaceToFaceRecords } from './face-to-face-records';
import { OtherChannelRecords } from './other-channel-records.service';
import { NoteRetentionController } from './note-retention.controller';
import { NoteRetentionService } from './note-retention.service';
import { HotlinesModule } from '../hotlines/hotlines.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Contact,
      ContactTopic,
      ContactDraftRecord,
      Call,
      Chat,
      Hotline,
      Volunteer,
    ]),
    AuditModule,
    CallsModule,
    CrisisModule,
    HotlinesModule,
    ChatsModule,
  ],
  controllers: [ContactsController, NoteRetentionController, ChatContactsController],
  providers: [
    ContactsService,
    ContactRecords,
    ContactDrafts,
    OtherChannelRecords,
    ContactReads,
    CallerHistory,
    NoteRetentionService,
    FaceToFaceRecords,
    ContactArchive,
    CallbackRecords,
    ChatContacts,
  ],
  exports: [
    ContactsService,
    ContactDrafts,
    FaceToFaceRecords,
    ContactArchive,
    ContactReads,
    CallbackRecords,
    ChatContacts,
  ],
})
export class ContactsModule {}
