import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import type { LiveChat } from '@hotline/chat-protocol';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { ContactAccess } from '../contacts/contact-access';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ChatConversations } from './chat-conversations';
import { ChatHolders } from './chat-holders';
import { ChatRefusal } from './chat-refusal';
import { CHAT_TEXTS } from './chat-texts';
import { ChatParticipant } from './chat.entity';
import { LiveChats } from './live-chats';

/**
 * Supervisors on the wall read a live chat and join it (a waiting one too: a writer in danger
 * nobody has taken is not left alone), and leave it. Every read is audited.
 */
@Injectable()
export class ChatJoins {
  constructor(
    @InjectRepository(ChatParticipant) private readonly participants: Repository<ChatParticipant>,
    private readonly holders: ChatHolders,
    private readonly conversations: ChatConversations,
    private readonly live: LiveChats,
    private readonly audit: AuditService,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async join(actor: Volunteer, chatId: string): Promise<LiveChat> {
    // The role first: whether a chat exists is not for everyone to learn.
    if (!actor.hasRole('supervisor'))
      throw new ChatRefusal('forbidden', 'Only a supervisor of the hotline joins a chat.');
    const chat = await this.holders.chat(chatId);
    if (!ContactAccess.supervises(actor, chat.hotlineId))
      throw new ChatRefusal('not_yours', `No chat ${chatId} on a hotline you supervise.`);
    if (chat.status === 'ended') throw new ChatRefusal('ended', 'This chat is over.');
    await this.audit.record({
      actorId: actor.id,
      action: 'chat.transcript.read',
      subjectType: 'chat',
      subjectId: chat.id,
      hotlineId: chat.hotlineId,
    });
    const already = (await this.holders.holders(chat)).includes(actor.id);
    if (!already) {
      await this.participants.insert({
        id: randomUUID(),
        chatId: chat.id,
        volunteerId: actor.id,
        joinedAt: this.clock.now().toJSDate(),
        leftAt: null,
      });
      await this.audit.record({
        actorId: actor.id,
        action: 'chat.joined',
        subjectType: 'chat',
        subjectId: chat.id,
        hotlineId: chat.hotlineId,
      });
      await this.conversations.system(chat, CHAT_TEXTS[chat.language].supervisorJoined);
      this.events.publish({
        type: 'chat.live',
        hotlineId: chat.hotlineId,
        chatId: chat.id,
        to: await this.holders.holders(chat),
        gone: [],
      });
    }
    return this.live.view(chat);
  }

  async leave(actor: Volunteer, chatId: string): Promise<void> {
    const chat = await this.holders.chat(chatId);
    const left = await this.participants.update(
      { chatId, volunteerId: actor.id, leftAt: IsNull() },
      { leftAt: this.clock.now().toJSDate() },
    );
    if (!left.affected) throw new ChatRefusal('not_yours', 'You have not joined this chat.');
    this.events.publish({
      type: 'chat.live',
      hotlineId: chat.hotlineId,
      chatId,
      to: chat.status === 'ended' ? [] : await this.holders.holders(chat),
      gone: [actor.id],
    });
  }
}
