import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { LiveChat } from '@hotline/chat-protocol';
import { CrisisOpening } from '../crisis/crisis-opening.service';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ChatHolders } from './chat-holders';
import { ChatTranscripts } from './chat-transcripts';
import { phaseOf } from './chat-writers';
import { Chat, ChatParticipant } from './chat.entity';

/**
 * A chat as the consoles in it show it (`chat.live`): the writer's choices, every message, who
 * is in it, the crisis case opened from it, and the hotline's canned replies.
 */
@Injectable()
export class LiveChats {
  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectRepository(ChatParticipant) private readonly participants: Repository<ChatParticipant>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly holders: ChatHolders,
    private readonly transcripts: ChatTranscripts,
    private readonly crisis: CrisisOpening,
    private readonly directory: HotlineDirectory,
  ) {}

  async view(chat: Chat): Promise<LiveChat> {
    const joined = await this.holders.joined(chat.id);
    const ids = [...(chat.volunteerId ? [chat.volunteerId] : []), ...joined];
    const people =
      ids.length > 0
        ? await this.volunteers.find({ where: { id: In(ids) }, select: { id: true, name: true } })
        : [];
    const name = (id: string) => people.find((person) => person.id === id)?.name ?? '';
    const hotline = await this.directory.hotline(chat.hotlineId);
    return {
      chatId: chat.id,
      answeredAt: (chat.answeredAt ?? chat.arrivedAt).toISOString(),
      callerType: chat.callerType,
      topic: chat.topic,
      priority: chat.priority,
      language: chat.language,
      messages: await this.transcripts.of(chat.id),
      writerTyping: false,
      phase: phaseOf(chat),
      endReason: chat.status === 'ended' ? chat.endReason : null,
      participants: [
        ...(chat.volunteerId && chat.status === 'talking'
          ? [
              {
                volunteerId: chat.volunteerId,
                name: name(chat.volunteerId),
                role: 'volunteer' as const,
              },
            ]
          : []),
        ...joined
          .filter((id) => id !== chat.volunteerId)
          .map((id) => ({ volunteerId: id, name: name(id), role: 'supervisor' as const })),
      ],
      crisisCaseId: await this.crisis.caseOfChat(chat.id),
      cannedReplies:
        chat.language === hotline.locale
          ? hotline.chat.cannedReplies
          : hotline.chat.secondLanguageCannedReplies,
    };
  }

  /** The chats a console of this person holds now: in conversation, or joined. */
  async heldBy(volunteerId: string): Promise<Chat[]> {
    const joined = await this.participants.find({
      where: { volunteerId, leftAt: IsNull() },
      select: { id: true, chatId: true },
    });
    const chats = await this.chats.find({
      where: [
        { volunteerId, status: 'talking' },
        ...(joined.length > 0
          ? [
              {
                id: In(joined.map((row) => row.chatId)),
                status: In(['waiting', 'offered', 'talking']),
              },
            ]
          : []),
      ],
    });
    return chats;
  }
}
