import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import type { ChatPhase, ChatState } from '@hotline/chat-protocol';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { ChatRefusal } from './chat-refusal';
import { ChatRouting } from './chat-routing';
import { ChatSockets } from './chat-sockets';
import { ChatTranscripts } from './chat-transcripts';
import { Chat } from './chat.entity';

/** What the writer's page is in, by the chat's status. */
export const phaseOf = (chat: Pick<Chat, 'status'>): ChatPhase =>
  chat.status === 'talking' ? 'talking' : chat.status === 'ended' ? 'ended' : 'waiting';

/**
 * The writer's side of a chat: the whole chat on every connect (first or resumed), whether
 * their page is open (a writer gone a while leaves the queue, see `ChatWatch`), and their end.
 */
@Injectable()
export class ChatWriters {
  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    private readonly transcripts: ChatTranscripts,
    private readonly routing: ChatRouting,
    private readonly sockets: ChatSockets,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The chat as it stands: phase, every message so far, the place in the queue, why it ended. */
  async state(chatId: string): Promise<ChatState> {
    const chat = await this.chats.findOneByOrFail({ id: chatId });
    const phase = phaseOf(chat);
    return {
      chatId,
      phase,
      messages: await this.transcripts.of(chatId),
      queue: phase === 'waiting' ? ((await this.routing.placeOf(chat)) ?? null) : null,
      endReason: chat.endReason && phase === 'ended' ? chat.endReason : null,
    };
  }

  /** A page of the writer's connected. */
  async arrived(chatId: string): Promise<void> {
    await this.chats.update(
      { id: chatId, writerLeftAt: Not(IsNull()) },
      { writerLeftAt: null, updatedAt: this.clock.now().toJSDate() },
    );
  }

  /** A page of the writer's closed: if it was the last, since when they are away. */
  async left(chatId: string): Promise<void> {
    if (await this.sockets.writerOpen(chatId)) return;
    await this.chats.update(
      { id: chatId, writerLeftAt: IsNull(), status: Not('ended') },
      { writerLeftAt: this.clock.now().toJSDate(), updatedAt: this.clock.now().toJSDate() },
    );
  }

  /** The writer ends the chat (also their quick exit). */
  async end(chatId: string): Promise<void> {
    const chat = await this.chats.findOneByOrFail({ id: chatId });
    if (chat.status === 'ended') throw new ChatRefusal('ended', 'This chat is over already.');
    await this.routing.end(chat, 'writer');
  }
}
