import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BlockTerms, CallerBlocks, mayBlock } from '../callers/caller-blocks.service';
import { blockView } from '../callers/dto/callers.dto';
import { ContactAccess } from '../contacts/contact-access';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ChatRouting } from './chat-routing';
import { ChatTranscripts } from './chat-transcripts';
import { Chat } from './chat.entity';
import { ChatBlockView, ChatTranscriptView } from './dto/chat.dto';

/**
 * A chat's transcript, read by its volunteer or a supervisor of its hotline (every read
 * audited), and a writer's device blocked by a supervisor (the chat ends at once).
 */
@Injectable()
export class ChatSupervision {
  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    private readonly transcripts: ChatTranscripts,
    private readonly blocks: CallerBlocks,
    private readonly routing: ChatRouting,
    private readonly audit: AuditService,
  ) {}

  async transcript(actor: Volunteer, chatId: string): Promise<ChatTranscriptView> {
    const chat = await this.chats.findOneBy({ id: chatId });
    if (!chat || !ContactAccess.mayHandle(actor, chat))
      throw new NotFoundException(`No chat ${chatId} whose transcript you may read.`);
    await this.audit.record({
      actorId: actor.id,
      action: 'chat.transcript.read',
      subjectType: 'chat',
      subjectId: chat.id,
      hotlineId: chat.hotlineId,
    });
    return {
      chatId: chat.id,
      messages: await this.transcripts.of(chat.id),
      clearedAt: chat.transcriptClearedAt?.toISOString() ?? null,
    };
  }

  /** Blocks the writer's device (audited, as any block) and ends the chat if it is not over. */
  async block(actor: Volunteer, chatId: string, terms: BlockTerms): Promise<ChatBlockView> {
    const chat = await this.chats.findOneBy({ id: chatId });
    if (!chat || !mayBlock(actor, chat.hotlineId))
      throw new NotFoundException(`No chat ${chatId} on a hotline you supervise.`);
    const block = await this.blocks.block(
      actor,
      { hotlineId: chat.hotlineId, callerHash: chat.deviceHash },
      terms,
      'device',
    );
    const ended = chat.status !== 'ended';
    if (ended) await this.routing.end(chat, 'blocked');
    return { ...blockView(block), ended };
  }
}
