import {
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import type { ChatRequest } from '@hotline/chat-protocol';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { HotlineEvents } from '../events/hotline-events';
import { ChatHotlines, menuTopic } from './chat-hotlines';
import { ChatLimits } from './chat-limits';
import { ChatRouting } from './chat-routing';
import { ChatSettlement } from './chat-settlement';
import { Chat } from './chat.entity';
import { ChatOpenedView } from './dto/chat.dto';

/**
 * The way in for a chat page's writer: opening a chat (or why not: closed, a full queue, a
 * blocked device) and resuming it with its token. Nothing that identifies the writer is kept:
 * the token and the device only as keyed hashes.
 */
@Injectable()
export class ChatDoor {
  private readonly logger = new Logger('Chats');

  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    private readonly hotlines: ChatHotlines,
    private readonly routing: ChatRouting,
    private readonly settlement: ChatSettlement,
    private readonly cipher: FieldCipher,
    private readonly limits: ChatLimits,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Opens a chat and queues it. Refused outside opening hours (409, with the hours and the way
   * to leave a message), when the queue is full (409; never a writer in danger), and from a
   * blocked device (403; a writer in danger is still answered, as a crisis). A chat recorded is
   * never lost: if the routing leader cannot be reached now, its routing check queues it.
   */
  async open(request: ChatRequest, address: string): Promise<ChatOpenedView> {
    const hotline = await this.hotlines.hotline(request.hotlineId);
    const topic = menuTopic(request.topic);
    if (!this.limits.allow('open', address))
      throw new HttpException(
        'Too many chats from this address; wait a little and try again.',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    const now = this.clock.now();
    if (!this.hotlines.isOpen(hotline)) throw new ConflictException(this.hotlines.closed(hotline));
    const danger = request.danger === true;
    const blocked = await this.hotlines.deviceBlocked(hotline.id, request.deviceId, address);
    if (blocked && !danger) throw new ForbiddenException(this.hotlines.refused(hotline));
    const token = randomBytes(32).toString('base64url');
    const at = now.toJSDate();
    const chat = this.chats.create({
      id: randomUUID(),
      hotlineId: hotline.id,
      tokenHash: this.cipher.keyedHash(token),
      deviceHash: this.hotlines.deviceHash(request.deviceId, address),
      callerType: request.callerType,
      topic,
      priority: danger ? 'crisis' : 'normal',
      language: request.language,
      status: 'waiting',
      outcome: null,
      endReason: null,
      refusal: blocked ? 'blocked' : null,
      volunteerId: null,
      offerCount: 0,
      arrivedAt: at,
      firstOfferedAt: null,
      answeredAt: null,
      endedAt: null,
      waitSeconds: null,
      talkSeconds: null,
      idleCheckedAt: null,
      writerLeftAt: at,
      crisisLineAt: null,
      transcriptClearedAt: null,
      updatedAt: at,
    });
    await this.chats.insert(chat);
    if (danger)
      this.events.publish({ type: 'chat.danger', hotlineId: hotline.id, chatId: chat.id });
    const queued = await this.routing.enqueue(chat).catch((error: Error) => {
      this.logger.warn(
        { err: error.message, chatId: chat.id },
        'no leader queued a chat; its routing check will',
      );
      return 'queued' as const;
    });
    if (queued === 'queue_full') {
      await this.settlement.settle(chat.id, {
        status: 'ended',
        outcome: 'queue_full',
        endedAt: at,
        waitSeconds: 0,
        updatedAt: at,
      });
      throw new ConflictException({
        statusCode: 409,
        message:
          'Every volunteer is busy and the queue is full: try again soon, or leave a message.',
        error: 'busy',
        leaveMessage: true,
        emergency: hotline.closedMessage,
      });
    }
    this.events.publish({
      type: 'chat.queued',
      hotlineId: hotline.id,
      chatId: chat.id,
      topic,
      priority: chat.priority,
      callerType: chat.callerType,
    });
    return { chatId: chat.id, token };
  }

  /** The chat of a resume token (hashed under every configured key), or an error to show. */
  async resume(token: unknown): Promise<Chat> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100)
      throw new Error('Connect with auth { token }: the token POST /api/public/chats gave.');
    const chat = await this.chats.findOneBy({ tokenHash: In(this.cipher.keyedHashes(token)) });
    if (!chat) throw new Error('No chat has this token; open a new chat.');
    if (!this.limits.allow('resume', chat.id))
      throw new Error('Reconnecting too often; wait a moment.');
    return chat;
  }
}
