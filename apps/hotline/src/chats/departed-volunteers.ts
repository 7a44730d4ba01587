import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CallsService } from '../calls/calls.service';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ChatConversations } from './chat-conversations';
import { ChatRouting } from './chat-routing';
import { CHAT_TEXTS } from './chat-texts';
import { Chat } from './chat.entity';

/**
 * A volunteer holding chats whose consoles are all gone past the grace period: their chats go
 * back to the queue in their place, each writer told why, and they go offline, as anyone whose
 * console is gone does (they were kept on duty only while chatting).
 */
@Injectable()
export class DepartedVolunteers {
  private readonly logger = new Logger('Chats');

  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly routing: ChatRouting,
    private readonly conversations: ChatConversations,
    private readonly calls: CallsService,
  ) {}

  async departed(volunteerId: string, chatIds: string[]): Promise<void> {
    const hotlines = new Set<string>();
    for (const chatId of chatIds) {
      const chat = await this.chats.findOneByOrFail({ id: chatId });
      try {
        await this.routing.toQueue(chat, volunteerId, chat.topic);
        await this.conversations.system(chat, CHAT_TEXTS[chat.language].volunteerLost);
        hotlines.add(chat.hotlineId);
      } catch (error) {
        this.logger.warn(
          { err: (error as Error).message },
          'a chat of a departed volunteer stayed',
        );
      }
    }
    const volunteer = await this.volunteers.findOne({
      where: { id: volunteerId },
      relations: { hotlines: true },
    });
    for (const hotlineId of hotlines)
      if (volunteer)
        await this.calls
          .setPresence(volunteer, 'offline', hotlineId)
          .catch((error: Error) =>
            this.logger.warn({ err: error.message }, 'a departed volunteer stayed on duty'),
          );
    this.logger.log('A volunteer holding chats left; their chats are back in the queue');
  }
}
