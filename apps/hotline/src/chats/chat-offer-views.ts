import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import type { OfferView } from '../calls/dto/calls.dto';
import { InjectClock } from '../common/clock.provider';
import { ChatOffer } from './chat.entity';

/** A chat offered on a console, shown as consoles show an offer (`channel: 'chat'`). */
@Injectable()
export class ChatOfferViews {
  constructor(
    @InjectRepository(ChatOffer) private readonly offers: Repository<ChatOffer>,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The offer with this id rang a chat. */
  isChatOffer(offerId: string): Promise<boolean> {
    return this.offers.existsBy({ id: offerId });
  }

  /** What the ringing console shows: who writes about what, how long they waited. */
  async view(offerId: string): Promise<OfferView | null> {
    const offer = await this.offers.findOne({ where: { id: offerId }, relations: { chat: true } });
    const chat = offer?.chat;
    if (!offer || !chat) return null;
    return {
      offerId: offer.id,
      callId: chat.id,
      chatId: chat.id,
      channel: 'chat',
      expiresAt: offer.expiresAt.toISOString(),
      callerType: chat.callerType,
      topic: chat.topic,
      priority: chat.priority,
      language: chat.language,
      waitedSeconds: Math.max(
        0,
        Math.round((this.clock.now().toMillis() - chat.arrivedAt.getTime()) / 1000),
      ),
      // A writer is not recognised from one chat to the next: nothing identifies them.
      earlierContacts: 0,
    };
  }
}
