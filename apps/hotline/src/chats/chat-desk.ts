import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ChatColleague, ChatMessage } from '@hotline/chat-protocol';
import { In, Repository } from 'typeorm';
import { colleaguesByName } from '../calls/conference/warm-transfer';
import { Switchboard } from '../calls/switchboard';
import { CrisisOpening } from '../crisis/crisis-opening.service';
import { HotlineEvents } from '../events/hotline-events';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ChatConversations } from './chat-conversations';
import { ChatHolders } from './chat-holders';
import { ChatRefusal } from './chat-refusal';
import { ChatRouting } from './chat-routing';
import { CHAT_TEXTS } from './chat-texts';

/**
 * What a volunteer does in a chat from the console (a supervisor who joined it too): write,
 * type, end it, pass it on, and call for help ("crisis now"). Each is checked against who
 * holds the chat now, read afresh.
 */
@Injectable()
export class ChatDesk {
  constructor(
    private readonly holders: ChatHolders,
    private readonly conversations: ChatConversations,
    private readonly routing: ChatRouting,
    private readonly crisis: CrisisOpening,
    private readonly events: HotlineEvents,
    private readonly switchboard: Switchboard,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
  ) {}

  async send(actor: Volunteer, chatId: string, text: unknown): Promise<ChatMessage> {
    return this.conversations.fromVolunteer(actor, await this.holders.held(actor, chatId), text);
  }

  async typing(actor: Volunteer, chatId: string, typing: unknown): Promise<void> {
    this.conversations.typing(await this.holders.held(actor, chatId), 'volunteer', typing);
  }

  /** The volunteer, or a supervisor who joined, ends the chat; its volunteer writes it up. */
  async end(actor: Volunteer, chatId: string): Promise<void> {
    await this.routing.end(await this.holders.held(actor, chatId), 'volunteer');
  }

  /**
   * To the queue (the writer keeps their place), or to a colleague with a chat place free (the
   * record follows them). Either way the volunteer writes no record of it.
   */
  async transfer(
    actor: Volunteer,
    chatId: string,
    to: { volunteerId: string } | 'queue',
  ): Promise<void> {
    const chat = await this.holders.own(actor, chatId);
    const texts = CHAT_TEXTS[chat.language];
    if (to === 'queue') {
      await this.routing.toQueue(chat, actor.id, chat.topic);
      await this.conversations.system(chat, texts.backInQueue);
      return;
    }
    if (to.volunteerId === actor.id)
      throw new ChatRefusal('invalid', 'Pass the chat to a colleague, not to yourself.');
    await this.routing.handOver(chat, actor.id, to.volunteerId);
    await this.conversations.system(chat, texts.handedOver);
  }

  /** Whom its volunteer may pass the chat to now: those the engine sees free for a chat. */
  async colleagues(actor: Volunteer, chatId: string): Promise<ChatColleague[]> {
    const chat = await this.holders.own(actor, chatId);
    const free = (await this.switchboard.snapshot(chat.hotlineId)).volunteers
      .filter((one) => one.chatReady && one.id !== actor.id)
      .map((one) => one.id);
    return free.length > 0 ? colleaguesByName(await this.volunteers.findBy({ id: In(free) })) : [];
  }

  /** "Crisis now": the case opens and the supervisors are alerted; the panels show it. */
  async crisisNow(actor: Volunteer, chatId: string): Promise<{ crisisCaseId: string }> {
    const chat = await this.holders.held(actor, chatId);
    const crisisCase = await this.crisis.crisisNowForChat(actor, chat);
    this.events.publish({
      type: 'chat.live',
      hotlineId: chat.hotlineId,
      chatId: chat.id,
      to: await this.holders.holders(chat),
      gone: [],
    });
    return { crisisCaseId: crisisCase.id };
  }
}
