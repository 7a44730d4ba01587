import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RoutingEffect } from '@hotline/routing';
import { ChatChannel, RoutedChannels } from '../calls/chat-channel';
import type { OfferView } from '../calls/dto/calls.dto';
import type { OfferIds, Persistence } from '../calls/effect-recorder';
import type { Hotline } from '../hotlines/hotline.entity';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ChatOfferViews } from './chat-offer-views';
import { ChatRecorder } from './chat-recorder';
import { ChatRouting } from './chat-routing';
import { ChatTakeover } from './chat-takeover';

/** The chats' side of the switchboard: registered with the calls module when the server starts. */
@Injectable()
export class ChatChannelLink implements ChatChannel, OnModuleInit {
  constructor(
    private readonly channels: RoutedChannels,
    private readonly recorder: ChatRecorder,
    private readonly takeover: ChatTakeover,
    private readonly routing: ChatRouting,
    private readonly offers: ChatOfferViews,
  ) {}

  onModuleInit(): void {
    this.channels.register(this);
  }

  record(
    hotline: Hotline,
    effects: readonly RoutingEffect[],
    offers: OfferIds,
    persistence: Persistence,
  ): Promise<void> {
    return this.recorder.record(hotline, effects, offers, persistence);
  }

  restore(): Promise<void> {
    return this.takeover.restore();
  }

  sweep(): Promise<void> {
    return this.takeover.sweep();
  }

  isOffer(offerId: string): Promise<boolean> {
    return this.offers.isChatOffer(offerId);
  }

  async liveOffer(volunteer: Volunteer): Promise<OfferView | null> {
    const offerId = await this.routing.liveOffer(volunteer);
    return offerId ? this.offers.view(offerId) : null;
  }

  accept(volunteer: Volunteer, offerId: string): Promise<void> {
    return this.routing.accept(volunteer, offerId);
  }

  decline(volunteer: Volunteer, offerId: string): Promise<void> {
    return this.routing.decline(volunteer, offerId);
  }
}
