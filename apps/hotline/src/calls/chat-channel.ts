import { Injectable } from '@nestjs/common';
import type { RoutingEffect } from '@hotline/routing';
import type { Hotline } from '../hotlines/hotline.entity';
import type { Volunteer } from '../volunteers/volunteer.entity';
import type { OfferView } from './dto/calls.dto';
import type { OfferIds, Persistence } from './effect-recorder';

/**
 * What the switchboard and the offer routes ask of the live-chat channel, whose chats the same
 * engines route (docs/chat.md). The chats module depends on this one, not the other way round:
 * it registers its channel when it starts.
 */
export interface ChatChannel {
  /** Writes a step's effects about chats (and volunteers' chat loads), then tells of them. */
  record(
    hotline: Hotline,
    effects: readonly RoutingEffect[],
    offers: OfferIds,
    persistence: Persistence,
  ): Promise<void>;
  /** The leader's engines start from the record: chats waiting and in conversation go back. */
  restore(): Promise<void>;
  /** The leader's routing check, for chats. */
  sweep(): Promise<void>;
  /** The offer with this id rang a chat. */
  isOffer(offerId: string): Promise<boolean>;
  /** The chat ringing on the volunteer's console now, as consoles show an offer. */
  liveOffer(volunteer: Volunteer): Promise<OfferView | null>;
  accept(volunteer: Volunteer, offerId: string): Promise<void>;
  decline(volunteer: Volunteer, offerId: string): Promise<void>;
}

/** The channels beside calls that registered: live chats, when the chats module runs. */
@Injectable()
export class RoutedChannels {
  private registered?: ChatChannel;

  get chat(): ChatChannel | undefined {
    return this.registered;
  }

  register(chat: ChatChannel): void {
    this.registered = chat;
  }
}

/** An effect the chat channel records: one naming a chat, or a volunteer's chats. */
export const isChatEffect = (effect: { type: string }): effect is RoutingEffect =>
  effect.type === 'chat_load' || ('channel' in effect && effect.channel === 'chat');
