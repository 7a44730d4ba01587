import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { ChatLanguage, ChatQueue } from '@hotline/chat-protocol';
import { LeadingSwitchboard } from '../calls/leading-switchboard';
import { startRecurringJob } from '../common/recurring-job';
import { ChatConversations } from './chat-conversations';
import { ChatHotlines } from './chat-hotlines';
import { ChatRouting } from './chat-routing';
import { ChatSockets } from './chat-sockets';
import { CHAT_TEXTS } from './chat-texts';
import { Chat, ChatMessageRecord, ChatStatus } from './chat.entity';
import { instant } from './chat-transcripts';
import { WatchSettings } from './watch-settings';
import { DepartedVolunteers } from './departed-volunteers';

/** How often the watch looks (real time): a writer's place in the queue is this fresh. */
export const WATCH_EVERY_MS = 2_000;

/**
 * The slower checks (silence, closing, who left) run every this many looks: they read every
 * open chat, and a message should not wait behind them more often than needed.
 */
const CHECKS_EVERY = 5;

/** A waiting writer whose page has been closed this long (hotline time) has left the queue. */
export const WRITER_GONE_SECONDS = 120;

/** A queue's expected wait is told again when it moved by this much. */
const WAIT_CHANGE_SECONDS = 30;

/**
 * What no single request does, on the routing leader only (one instance's watch is enough):
 * tells waiting writers their place; asks a silent writer whether they are still there, then
 * ends the chat; ends the chats still waiting when the hotline closes, with the emergency
 * numbers; lets go of a waiting chat whose writer left; and puts back in the queue a chat
 * whose volunteer's console is gone for the grace period, so no writer waits on nobody.
 */
@Injectable()
export class ChatWatch implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Chats');
  private stop?: () => void;
  /** The place last told to each waiting writer. */
  private readonly told = new Map<string, ChatQueue>();
  /** Volunteers holding chats whose consoles were found gone, and since when (real ms). */
  private readonly absent = new Map<string, number>();
  private looks = 0;

  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    private readonly leader: LeadingSwitchboard,
    private readonly routing: ChatRouting,
    private readonly conversations: ChatConversations,
    private readonly hotlines: ChatHotlines,
    private readonly sockets: ChatSockets,
    private readonly departures: DepartedVolunteers,
    private readonly deps: WatchSettings,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob(
      'chat watch',
      WATCH_EVERY_MS,
      () => this.run(),
      this.logger,
      () => this.deps.leading(),
    );
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  async run(): Promise<void> {
    this.tellPlaces();
    if (this.looks++ % CHECKS_EVERY === 0) await this.checkOpenChats();
  }

  /** The slower checks, over every chat not over: who left, closing time, silence. */
  async checkOpenChats(): Promise<void> {
    const open = await this.openChats();
    await this.letGoOfAbsentWriters(open);
    await this.closeWaiting(open);
    await this.checkSilentWriters(open);
    await this.requeueWhereVolunteersLeft(open);
  }

  /** Each waiting writer whose place or expected wait moved is told (`chat.queue`). */
  tellPlaces(): void {
    const queued = new Set<string>();
    for (const { hotlineId } of this.leader.held()) {
      const places = this.leader.peek(hotlineId, (engine) => engine.positions('chat'));
      for (const [chatId, queue] of places ?? []) {
        queued.add(chatId);
        const before = this.told.get(chatId);
        if (
          before &&
          before.position === queue.position &&
          Math.abs(before.expectedWaitSeconds - queue.expectedWaitSeconds) < WAIT_CHANGE_SECONDS
        )
          continue;
        this.told.set(chatId, queue);
        this.deps.events.publish({ type: 'chat.queue', hotlineId, chatId, queue });
      }
    }
    for (const chatId of this.told.keys()) if (!queued.has(chatId)) this.told.delete(chatId);
  }

  /** A waiting chat whose writer has had no page open for a while: they left. */
  private async letGoOfAbsentWriters(open: OpenChat[]): Promise<void> {
    const since = this.deps.now().minus({ seconds: WRITER_GONE_SECONDS }).toMillis();
    for (const chat of open) {
      if (chat.status === 'talking' || !chat.writerLeftAt || chat.writerLeftAt.getTime() > since)
        continue;
      // Their page may have come back on another instance a moment ago.
      if (await this.sockets.writerOpen(chat.id)) continue;
      await this.routing.end(await this.chats.findOneByOrFail({ id: chat.id }), 'writer');
    }
  }

  /** At closing time, chats still waiting end, their writers shown the emergency numbers. */
  private async closeWaiting(open: OpenChat[]): Promise<void> {
    for (const chat of open) {
      if (chat.status === 'talking') continue;
      const hotline = await this.deps.directory.hotline(chat.hotlineId);
      if (this.hotlines.isOpen(hotline)) continue;
      await this.conversations.system(
        chat,
        CHAT_TEXTS[chat.language].closed(hotline.closedMessage),
      );
      await this.routing.end(await this.chats.findOneByOrFail({ id: chat.id }), 'closed');
    }
  }

  /**
   * A writer silent for the hotline's `idleCheckSeconds` since they last wrote (or were
   * answered) is asked, politely, whether they are there; silent `idleEndSeconds` more, the
   * chat ends, the way back left open.
   */
  private async checkSilentWriters(open: OpenChat[]): Promise<void> {
    const now = this.deps.now();
    for (const chat of open) {
      if (chat.status !== 'talking') continue;
      const { chat: settings } = await this.deps.directory.hotline(chat.hotlineId);
      const lastHeard = Math.max(
        (chat.answeredAt ?? chat.arrivedAt).getTime(),
        chat.lastWritten?.getTime() ?? 0,
      );
      const texts = CHAT_TEXTS[chat.language];
      // Asked since they last wrote (a message in the same instant answers it).
      const asked = chat.idleCheckedAt && chat.idleCheckedAt.getTime() > lastHeard;
      if (!asked) {
        if (now.toMillis() - lastHeard < settings.idleCheckSeconds * 1000) continue;
        const checked = await this.chats.update(
          { id: chat.id, idleCheckedAt: chat.idleCheckedAt ?? IsNull() },
          { idleCheckedAt: now.toJSDate() },
        );
        if (checked.affected) await this.conversations.system(chat, texts.stillThere);
      } else if (now.toMillis() - chat.idleCheckedAt!.getTime() >= settings.idleEndSeconds * 1000) {
        await this.conversations.system(chat, texts.idleEnd);
        await this.routing.end(await this.chats.findOneByOrFail({ id: chat.id }), 'idle');
      }
    }
  }

  /**
   * A chat whose volunteer has had no console open for the grace period goes back to the
   * queue (to the front: it keeps its arrival), the writer told why (`DepartedVolunteers`).
   */
  private async requeueWhereVolunteersLeft(open: OpenChat[]): Promise<void> {
    const talking = open.filter((chat) => chat.status === 'talking' && chat.volunteerId);
    const holders = new Set(talking.map((chat) => chat.volunteerId!));
    for (const volunteerId of this.absent.keys())
      if (!holders.has(volunteerId)) this.absent.delete(volunteerId);
    const now = Date.now();
    for (const volunteerId of holders) {
      if (await this.sockets.consoleOpen(volunteerId)) {
        this.absent.delete(volunteerId);
        continue;
      }
      const since = this.absent.get(volunteerId) ?? now;
      this.absent.set(volunteerId, since);
      if (now - since < this.deps.graceMs()) continue;
      this.absent.delete(volunteerId);
      await this.departures.departed(
        volunteerId,
        talking.filter((chat) => chat.volunteerId === volunteerId).map((chat) => chat.id),
      );
    }
  }

  /**
   * Every chat not over, as the checks need it, in one read without building entities (it
   * runs beside the messages: the fewer milliseconds it holds the server, the better), with
   * when each writer last wrote.
   */
  private async openChats(): Promise<OpenChat[]> {
    const rows = await this.chats
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect('c.hotlineId', 'hotlineId')
      .addSelect('c.status', 'status')
      .addSelect('c.language', 'language')
      .addSelect('c.topic', 'topic')
      .addSelect('c.volunteerId', 'volunteerId')
      .addSelect('c.arrivedAt', 'arrivedAt')
      .addSelect('c.answeredAt', 'answeredAt')
      .addSelect('c.idleCheckedAt', 'idleCheckedAt')
      .addSelect('c.writerLeftAt', 'writerLeftAt')
      // The writer's latest message, found walking the chat's messages back from the newest
      // (its index): a MAX over them all would read every message of every open chat.
      .addSelect(
        (sub) =>
          sub
            .select('m.sentAt')
            .from(ChatMessageRecord, 'm')
            .where('m.chatId = c.id')
            .andWhere("m.sender = 'writer'")
            .orderBy('m.seq', 'DESC')
            .limit(1),
        'lastWritten',
      )
      .where('c.status IN (:...open)', { open: ['waiting', 'offered', 'talking'] })
      .andWhere('c.outcome IS NULL')
      .getRawMany<Record<keyof OpenChat, unknown>>();
    return rows.map((row) => ({
      id: row.id as string,
      hotlineId: row.hotlineId as string,
      status: row.status as ChatStatus,
      language: row.language as ChatLanguage,
      topic: row.topic as string,
      volunteerId: (row.volunteerId as string | null) ?? null,
      arrivedAt: instant(row.arrivedAt)!,
      answeredAt: instant(row.answeredAt),
      idleCheckedAt: instant(row.idleCheckedAt),
      writerLeftAt: instant(row.writerLeftAt),
      lastWritten: instant(row.lastWritten),
    }));
  }
}

/** A chat not over, as the watch's checks read it. */
interface OpenChat {
  id: string;
  hotlineId: string;
  status: ChatStatus;
  language: ChatLanguage;
  topic: string;
  volunteerId: string | null;
  arrivedAt: Date;
  answeredAt: Date | null;
  idleCheckedAt: Date | null;
  writerLeftAt: Date | null;
  lastWritten: Date | null;
}
