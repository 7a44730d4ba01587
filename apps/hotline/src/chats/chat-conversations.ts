import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CHAT_MESSAGE_MAX_LENGTH, type ChatMessage } from '@hotline/chat-protocol';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ChatLimits } from './chat-limits';
import { ChatRefusal } from './chat-refusal';
import { ChatTranscripts } from './chat-transcripts';
import { Chat } from './chat.entity';

/** The chat a message belongs to: its id and hotline. */
export type ChatRef = Pick<Chat, 'id' | 'hotlineId'>;

/**
 * The messages of a conversation: the writer's, the volunteer's (or a supervisor's who joined)
 * and the hotline's own. Each is checked (not empty, not too long, not too fast), stored
 * encrypted, and only then acknowledged and passed on to the other side.
 */
@Injectable()
export class ChatConversations {
  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    private readonly transcripts: ChatTranscripts,
    private readonly limits: ChatLimits,
    private readonly events: HotlineEvents,
  ) {}

  /** A message from the writer; one sent while waiting is there for the volunteer who answers. */
  async fromWriter(chat: ChatRef, text: unknown): Promise<ChatMessage> {
    const checked = checkedText(text);
    if (!this.limits.allow('message', chat.id))
      throw new ChatRefusal('rate_limited', 'Too many messages at once; wait a few seconds.');
    await this.stillOpen(chat.id);
    return this.post(chat, 'writer', checked);
  }

  /** A message from the volunteer who holds the chat, or a supervisor who joined it. */
  async fromVolunteer(author: Volunteer, chat: Chat, text: unknown): Promise<ChatMessage> {
    const checked = checkedText(text);
    if (!this.limits.allow('message', `${chat.id}:${author.id}`))
      throw new ChatRefusal('rate_limited', 'Too many messages at once; wait a few seconds.');
    return this.post(chat, 'volunteer', checked, author.id);
  }

  /** What the hotline itself says to the writer (a transfer, the idle check, the crisis line). */
  system(chat: ChatRef, text: string): Promise<ChatMessage> {
    return this.post(chat, 'system', text);
  }

  /** Someone started or stopped typing; passed on a few times a second at most. */
  typing(chat: ChatRef, by: 'writer' | 'volunteer', typing: unknown): void {
    if (typeof typing !== 'boolean' || !this.limits.allow('typing', `${chat.id}:${by}`)) return;
    this.events.publish({
      type: 'chat.typing',
      hotlineId: chat.hotlineId,
      chatId: chat.id,
      by,
      typing,
    });
  }

  private async post(
    chat: ChatRef,
    sender: 'writer' | 'volunteer' | 'system',
    text: string,
    authorId: string | null = null,
  ): Promise<ChatMessage> {
    const message = await this.transcripts.store(chat.id, sender, text, authorId);
    this.events.publish({
      type: 'chat.message',
      hotlineId: chat.hotlineId,
      chatId: chat.id,
      message,
    });
    return message;
  }

  private async stillOpen(chatId: string): Promise<void> {
    const found = await this.chats.findOne({
      where: { id: chatId },
      select: { id: true, status: true },
    });
    if (!found || found.status === 'ended')
      throw new ChatRefusal('ended', 'This chat is over; start a new one if you need to.');
  }
}

/** The text of a message as sent: not empty, at most CHAT_MESSAGE_MAX_LENGTH characters. */
export function checkedText(text: unknown): string {
  if (typeof text !== 'string') throw new ChatRefusal('invalid', 'text must be a string.');
  if (text.trim() === '') throw new ChatRefusal('empty', 'The message is empty.');
  if ([...text].length > CHAT_MESSAGE_MAX_LENGTH)
    throw new ChatRefusal(
      'too_long',
      `A message is at most ${CHAT_MESSAGE_MAX_LENGTH} characters; send it in parts.`,
    );
  return text;
}
