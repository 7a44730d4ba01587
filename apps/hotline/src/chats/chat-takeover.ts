import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { LeadingSwitchboard } from '../calls/leading-switchboard';
import { InjectClock } from '../common/clock.provider';
import { ChatConversations } from './chat-conversations';
import { ChatRouting, chatEntry } from './chat-routing';
import { CHAT_TEXTS } from './chat-texts';
import { Chat, ChatOffer } from './chat.entity';

/**
 * The leader's engines start from the record for chats too (after a restart or a failover):
 * chats waiting go back in their original order, chats in conversation back on their
 * volunteer (or, when that cannot be, to the front of the queue, the writer told); and the
 * routing check repairs what a failover or a failed write lost.
 */
@Injectable()
export class ChatTakeover {
  private readonly logger = new Logger('Chats');

  constructor(
    private readonly leader: LeadingSwitchboard,
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectRepository(ChatOffer) private readonly offers: Repository<ChatOffer>,
    private readonly routing: ChatRouting,
    private readonly conversations: ChatConversations,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Chats in conversation first (their volunteers' places), then the queue. */
  async restore(): Promise<void> {
    const now = this.clock.now().toJSDate();
    const talking = await this.chats.find({
      where: { status: 'talking', outcome: IsNull() },
      order: { answeredAt: 'ASC' },
    });
    const lost: Chat[] = [];
    for (const chat of talking) {
      const restored = await this.leader.step(chat.hotlineId, (engine) => {
        const effects = engine.restoreTalking(
          chatEntry(chat),
          chat.volunteerId ?? '',
          (chat.answeredAt ?? chat.updatedAt).getTime(),
        );
        return { value: effects.length > 0, effects };
      });
      if (!restored) lost.push(chat);
    }
    // A conversation whose volunteer is gone (or full) goes back to the front of the queue.
    if (lost.length > 0)
      await this.chats.update(
        { id: In(lost.map((chat) => chat.id)) },
        { status: 'waiting', volunteerId: null, answeredAt: null, updatedAt: now },
      );
    const waiting = await this.waitingChats();
    if (waiting.length > 0) {
      await this.offers.update(
        { chatId: In(waiting.map((chat) => chat.id)), result: IsNull() },
        { result: 'restart', endedAt: now },
      );
      await this.chats.update(
        { id: In(waiting.map((chat) => chat.id)), status: 'offered' },
        { status: 'waiting', updatedAt: now },
      );
    }
    for (const chat of waiting)
      await this.leader.step(chat.hotlineId, (engine) => {
        engine.restore(chatEntry(chat));
        return { value: undefined, effects: [] };
      });
    for (const chat of lost)
      await this.conversations.system(chat, CHAT_TEXTS[chat.language].volunteerLost);
    if (talking.length + waiting.length > 0)
      this.logger.log(
        `Restored ${talking.length - lost.length} chat(s) in conversation and ${waiting.length} waiting`,
      );
  }

  /**
   * A chat recorded as waiting that no engine holds joins its queue (one written in the last
   * two seconds is left to its request in flight); a chat an engine holds whose record ended
   * leaves it.
   */
  async sweep(): Promise<void> {
    const settled = this.clock.now().toMillis() - 2000 * this.clock.speed;
    let joined = 0;
    for (const chat of await this.waitingChats()) {
      if (chat.updatedAt.getTime() > settled) continue;
      joined += await this.leader.step(chat.hotlineId, (engine) => {
        if (engine.call(chat.id)) return { value: 0, effects: [] };
        engine.restore(chatEntry(chat));
        return { value: 1, effects: engine.dispatch() };
      });
    }
    let left = 0;
    for (const { hotlineId } of this.leader.held()) {
      const held =
        this.leader.peek(hotlineId, (engine) => {
          const { calls, talking } = engine.snapshot();
          return [...calls, ...talking]
            .filter((call) => call.channel === 'chat')
            .map((c) => c.callId);
        }) ?? [];
      if (held.length === 0) continue;
      for (const chat of await this.chats.find({ where: { id: In(held), status: 'ended' } })) {
        await this.routing.end(chat, chat.endReason ?? 'writer');
        left += 1;
      }
    }
    if (joined + left > 0)
      this.logger.warn({ joined, left }, 'the routing check repaired chats the engines had lost');
  }

  private waitingChats(): Promise<Chat[]> {
    return this.chats.find({
      where: { status: In(['waiting', 'offered']), outcome: IsNull() },
      order: { arrivedAt: 'ASC' },
    });
  }
}
