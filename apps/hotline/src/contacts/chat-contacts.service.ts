import {
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import { Repository } from 'typeorm';
import { ChatRouting } from '../chats/chat-routing';
import { Chat } from '../chats/chat.entity';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ContactRecords } from './contact-records.service';
import { Contact } from './contact.entity';
import { ContactFieldsDto, WrapUpView } from './dto/contact.dto';

/**
 * The record of a live chat, channel `online`, its transcript attached (`chatId`): opened when
 * an answered chat ends, so the statistics count it even if wrap-up runs out, and completed by
 * its volunteer at wrap-up, which frees the place the chat held.
 */
@Injectable()
export class ChatContacts implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Contacts');
  private subscription?: Subscription;

  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    private readonly records: ContactRecords,
    private readonly routing: ChatRouting,
    private readonly events: HotlineEvents,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.on(
      'chat.ended',
      (event) => this.openForChat(event.chatId),
      this.logger,
      (event) => event.outcome === 'answered',
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The record of an answered chat, not yet categorised; idempotent, returns the record. */
  async openForChat(chatId: string): Promise<Contact> {
    const existing = await this.contacts.findOneBy({ chatId });
    if (existing) return existing;
    const chat = await this.chats.findOneByOrFail({ id: chatId });
    if (!chat.volunteerId || !chat.answeredAt)
      throw new NotFoundException('This chat was not answered; it has no contact record.');
    const contact = this.records.opening({
      hotlineId: chat.hotlineId,
      channel: 'online',
      chatId: chat.id,
      volunteerId: chat.volunteerId,
      occurredAt: chat.answeredAt,
      durationMinutes: chat.talkSeconds === null ? null : Math.ceil(chat.talkSeconds / 60),
      callerType: chat.callerType,
      // A writer is never recognised from one chat to the next.
      callerHash: null,
    });
    // The wrap-up and the end of the chat may race to open it: one record either way.
    const once = await this.records.openOnce(contact, () =>
      this.contacts.findOneByOrFail({ chatId }),
    );
    return once.contact;
  }

  /**
   * The volunteer records the chat they answered (also while it goes on). Once it has ended,
   * the place it held is free: they may be offered another chat.
   */
  async wrapUp(actor: Volunteer, chatId: string, fields: ContactFieldsDto): Promise<WrapUpView> {
    const chat = await this.chats.findOneBy({ id: chatId, volunteerId: actor.id });
    if (!chat?.answeredAt) throw new NotFoundException(`No chat ${chatId} answered by you.`);
    const record = await this.openForChat(chat.id);
    const ended = chat.status === 'ended';
    const contact = await this.records.write(actor, record, fields, {
      wrapUpFrom: ended ? chat.endedAt : null,
    });
    if (ended)
      await this.routing.wroteUp(chat, actor.id).catch((error: Error) =>
        // The record is saved either way; the place frees itself when wrap-up runs out.
        this.logger.warn({ err: error.message }, 'a chat written up kept its place'),
      );
    return this.records.withCase(contact);
  }
}
