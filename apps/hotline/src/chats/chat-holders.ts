import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ChatRefusal } from './chat-refusal';
import { Chat, ChatParticipant } from './chat.entity';

/**
 * Who is in a chat on the hotline's side: the volunteer who holds it in conversation, and the
 * supervisors who joined it. Only they send in it, see it typed, and receive it.
 */
@Injectable()
export class ChatHolders {
  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectRepository(ChatParticipant) private readonly participants: Repository<ChatParticipant>,
  ) {}

  /** The chat, read afresh; refused as not theirs when there is none. */
  async chat(chatId: string): Promise<Chat> {
    const chat = await this.chats.findOneBy({ id: chatId });
    if (!chat) throw new ChatRefusal('not_yours', `No chat ${chatId} of yours.`);
    return chat;
  }

  /** The supervisors in the chat now (joined and not left). */
  async joined(chatId: string): Promise<string[]> {
    const rows = await this.participants.find({
      where: { chatId, leftAt: IsNull() },
      select: { id: true, volunteerId: true },
    });
    return rows.map((row) => row.volunteerId);
  }

  /** Everyone who holds the chat now: its volunteer in conversation, and those who joined. */
  async holders(chat: Chat): Promise<string[]> {
    const joined = await this.joined(chat.id);
    const volunteer = chat.status === 'talking' && chat.volunteerId ? [chat.volunteerId] : [];
    return [...new Set([...volunteer, ...joined])];
  }

  /** The chat, if the person holds it and it is not over; the protocol's refusal otherwise. */
  async held(actor: Volunteer, chatId: string): Promise<Chat> {
    const chat = await this.chat(chatId);
    if (chat.status === 'ended') throw new ChatRefusal('ended', 'This chat is over.');
    if (!(await this.holders(chat)).includes(actor.id))
      throw new ChatRefusal('not_yours', 'You are not in this chat.');
    return chat;
  }

  /** The chat, if the person is its volunteer in conversation (not a supervisor who joined). */
  async own(actor: Volunteer, chatId: string): Promise<Chat> {
    const chat = await this.held(actor, chatId);
    if (chat.volunteerId !== actor.id || chat.status !== 'talking')
      throw new ChatRefusal('not_yours', 'Only the volunteer in conversation can do this.');
    return chat;
  }
}
