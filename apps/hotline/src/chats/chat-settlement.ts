import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { Transactions } from '../database/transactions';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { StatsRollups } from '../statistics/stats-rollups';
import { Chat, ChatParticipant } from './chat.entity';

/** A chat's one outcome, and its count in the statistics, written in one transaction. */
@Injectable()
export class ChatSettlement {
  constructor(
    private readonly transactions: Transactions,
    private readonly rollups: StatsRollups,
    private readonly directory: HotlineDirectory,
  ) {}

  /**
   * Settles the chat unless it has an outcome already (then nothing changes and null comes
   * back), in its own transaction.
   */
  settle(chatId: string, changes: Settled): Promise<Chat | null> {
    return this.transactions.run((manager) => this.settleWith(manager, chatId, changes));
  }

  /** The same, inside a transaction of the caller's (a routing step's, behind its fence). */
  async settleWith(manager: EntityManager, chatId: string, changes: Settled): Promise<Chat | null> {
    const result = await manager.update(Chat, { id: chatId, outcome: IsNull() }, changes);
    if (!result.affected) return null;
    // Supervisors who joined leave with the chat's end.
    await manager.update(
      ChatParticipant,
      { chatId, leftAt: IsNull() },
      { leftAt: changes.endedAt ?? new Date() },
    );
    const chat = await manager.findOneByOrFail(Chat, { id: chatId });
    const { timeZone } = await this.directory.hotline(chat.hotlineId);
    await this.rollups.countChat(manager, chat.hotlineId, chat, timeZone);
    return chat;
  }
}

type Settled = Partial<Chat> & Pick<Chat, 'outcome'>;
