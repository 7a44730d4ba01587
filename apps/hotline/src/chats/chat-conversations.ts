import { Injectable } from '@nestjs/common';
import { CHAT_MESSAGE_MAX_LENGTH, type ChatMessage } from '@hotline/chat-protocol';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ChatLimits } from './chat-limits';
import { ChatRefusal } from './chat-refusal';
import { ChatTranscripts } from './chat-transcripts';
import type { Chat } from './chat.entity';

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
    private readonly transcripts: ChatTranscripts,
    private readonly limits: ChatLimits,
    private readonly events: HotlineEvents,
  ) {}

  /** A message from the writer; one sent while waiting is there for the volunteer who answers. */
  async fromWriter(chat: ChatRef, text: unknown): Promise<ChatMessage> {
    const checked = checkedText(text);
    if (!this.limits.allow('message', chat.id))
      throw new ChatRefusal('rate_limited', 'Too many messages at once; wait a few seconds.');
    const message = await this.transcripts.storeWhileOpen(chat.id, 'writer', checked);
    if (!message)
      throw new ChatRefusal('ended', 'This chat is over; start a new one if you need to.');
    this.told(chat, message);
    return message;
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
    this.told(chat, message);
    return message;
  }

  /** The other side hears of it (on this instance's sockets, and the others' through the adapter). */
  private told(chat: ChatRef, message: ChatMessage): void {
    this.events.publish({
      type: 'chat.message',
      hotlineId: chat.hotlineId,
      chatId: chat.id,
      message,
    });
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
