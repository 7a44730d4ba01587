import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, LessThan, Repository } from 'typeorm';
import type { ChatMessage } from '@hotline/chat-protocol';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { Chat, ChatMessageRecord, ChatSender } from './chat.entity';

/** Messages removed by retention are deleted this many chats at a time. */
const RETENTION_BATCH = 500;

/**
 * A chat's messages: each encrypted as it arrives (never a word in the clear, in the database
 * or a log), read back in order; removed with the notes once past the hotline's retention.
 */
@Injectable()
export class ChatTranscripts {
  constructor(
    @InjectRepository(ChatMessageRecord) private readonly messages: Repository<ChatMessageRecord>,
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Stores one message; returns it as the sides see it. */
  async store(
    chatId: string,
    sender: ChatSender,
    text: string,
    authorId: string | null = null,
  ): Promise<ChatMessage> {
    const row: Omit<ChatMessageRecord, 'seq'> = {
      id: randomUUID(),
      chatId,
      sender,
      authorId,
      textEncrypted: this.cipher.encrypt(text),
      sentAt: this.clock.now().toJSDate(),
    };
    await this.messages.insert(row);
    return { id: row.id, from: sender, text, at: row.sentAt.toISOString() };
  }

  /**
   * Stores one message unless the chat is over, in one statement (the hot path of a chat: no
   * read before the write, so a message costs one round trip); null when the chat has ended.
   */
  async storeWhileOpen(
    chatId: string,
    sender: ChatSender,
    text: string,
  ): Promise<ChatMessage | null> {
    const id = randomUUID();
    const sentAt = this.clock.now().toJSDate();
    const { metadata } = this.messages;
    const at = this.dataSource.driver.preparePersistentValue(
      sentAt,
      metadata.findColumnWithPropertyName('sentAt')!,
    );
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(
        'INSERT INTO `chat_message` (`id`, `chat_id`, `sender`, `author_id`, `text_encrypted`, `sent_at`) ' +
          "SELECT ?, ?, ?, NULL, ?, ? FROM `chat` WHERE `id` = ? AND `status` <> 'ended'",
        [id, chatId, sender, this.cipher.encrypt(text), at, chatId],
        true,
      );
      if (!result.affected) return null;
    } finally {
      await runner.release();
    }
    return { id, from: sender, text, at: sentAt.toISOString() };
  }

  /** Every message of the chat, oldest first (empty once retention cleared them). */
  async of(chatId: string): Promise<ChatMessage[]> {
    const rows = await this.messages.find({
      where: { chatId },
      order: { seq: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id,
      from: row.sender,
      text: this.cipher.decrypt(row.textEncrypted),
      at: row.sentAt.toISOString(),
    }));
  }

  /**
   * Retention: the messages of the hotline's chats that began before `cutoff` are deleted
   * (the chat keeps its anonymous fields for the statistics). Returns the chats cleared.
   */
  async clearBefore(hotlineId: string, cutoff: Date): Promise<number> {
    let cleared = 0;
    for (;;) {
      const due = await this.chats.find({
        where: {
          hotlineId,
          arrivedAt: LessThan(cutoff),
          status: 'ended',
          transcriptClearedAt: IsNull(),
        },
        select: { id: true },
        take: RETENTION_BATCH,
      });
      if (due.length === 0) return cleared;
      const ids = due.map((chat) => chat.id);
      await this.messages.delete({ chatId: In(ids) });
      const done = await this.chats.update(
        { id: In(ids), transcriptClearedAt: IsNull() },
        { transcriptClearedAt: this.clock.now().toJSDate() },
      );
      cleared += done.affected ?? 0;
    }
  }

  /** Whether the chat still has messages to read (none once retention cleared them). */
  async has(chatId: string): Promise<boolean> {
    return this.messages.existsBy({ chatId });
  }
}

/** An instant read raw: MySQL gives a Date, SQLite its stored text (UTC); null stays null. */
export function instant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(text.includes('T') || text.endsWith('Z') ? text : `${text.replace(' ', 'T')}Z`);
}
