import { Injectable, NotFoundException, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { ChatEndReason } from '@hotline/chat-protocol';
import type { Clock } from '@hotline/clock';
import {
  IncomingCall,
  QueuePosition,
  RoutingEffect,
  RoutingEngine,
  RoutingError,
} from '@hotline/routing';
import { LeadingSwitchboard } from '../calls/leading-switchboard';
import { SwitchboardRefusal } from '../calls/switchboard-refusal';
import { InjectClock } from '../common/clock.provider';
import { Cluster, Protocol, ProtocolLine } from '../instances/cluster';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ChatRefusal } from './chat-refusal';
import { ChatSettlement } from './chat-settlement';
import { Chat, ChatOffer } from './chat.entity';
import { HotlineEvents } from '../events/hotline-events';

type ChatArgs = { chatId: string };
type OfferArgs = { volunteerId: string; offerId: string };

/** What a follower asks of the leader's engines about chats (docs/instances.md). */
export interface ChatRoutingProtocol extends Protocol {
  requests: {
    'chats.enqueue': { args: ChatArgs; result: 'queued' | 'queue_full' | 'duplicate' };
    'chats.end': { args: ChatArgs & { reason: ChatEndReason }; result: void };
    'chats.toQueue': { args: ChatArgs & { volunteerId: string; topic: string }; result: void };
    'chats.handOver': {
      args: ChatArgs & { volunteerId: string; toVolunteerId: string };
      result: void;
    };
    'chats.wroteUp': { args: ChatArgs & { volunteerId: string }; result: void };
    'chats.accept': { args: OfferArgs; result: void };
    'chats.decline': { args: OfferArgs; result: void };
    /** The id of the chat offer ringing on the volunteer's console now. */
    'chats.liveOffer': { args: { volunteerId: string }; result: string | null };
    'chats.place': { args: ChatArgs & { hotlineId: string }; result: QueuePosition | undefined };
  };
  broadcasts: Record<string, never>;
}

/** The steps on chats, as the leader runs them and a follower forwards them. */
interface ChatSteps {
  enqueue(chat: Chat): Promise<'queued' | 'queue_full' | 'duplicate'>;
  end(chat: Chat, reason: ChatEndReason): Promise<void>;
  toQueue(chat: Chat, volunteerId: string, topic: string): Promise<void>;
  handOver(chat: Chat, volunteerId: string, toVolunteerId: string): Promise<void>;
  wroteUp(chat: Chat, volunteerId: string): Promise<void>;
  accept(volunteer: Volunteer, offerId: string): Promise<void>;
  decline(volunteer: Volunteer, offerId: string): Promise<void>;
  liveOffer(volunteer: Volunteer): Promise<string | null>;
  placeOf(chat: Pick<Chat, 'id' | 'hotlineId'>): Promise<QueuePosition | undefined>;
}

/** What the engine needs of a chat to queue it. */
export function chatEntry(chat: Chat): IncomingCall {
  return {
    callId: chat.id,
    topic: chat.topic,
    priority: chat.priority,
    arrivedAt: chat.arrivedAt.getTime(),
    channel: 'chat',
  };
}

/**
 * The leader's chat steps: on its engines, through the switchboard's step (one at a time per
 * hotline, recorded by the chat channel before the next).
 */
@Injectable()
export class LeadingChatSteps implements ChatSteps {
  constructor(
    private readonly leader: LeadingSwitchboard,
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectRepository(ChatOffer) private readonly offers: Repository<ChatOffer>,
    private readonly settlement: ChatSettlement,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  enqueue(chat: Chat): Promise<'queued' | 'queue_full' | 'duplicate'> {
    return this.leader.step(chat.hotlineId, (engine) => {
      const result = engine.enqueue(chatEntry(chat));
      return { value: result.queued ? 'queued' : result.reason, effects: result.effects };
    });
  }

  /**
   * The reason is written first, for the record of the end the engine decides; a chat the
   * engine does not hold (lost in a failover) is settled from its record.
   */
  async end(chat: Chat, reason: ChatEndReason): Promise<void> {
    const now = this.clock.now().toJSDate();
    await this.chats.update(
      { id: chat.id, endReason: IsNull(), outcome: IsNull() },
      { endReason: reason, updatedAt: now },
    );
    const known = await this.leader.step(chat.hotlineId, (engine) =>
      engine.call(chat.id)
        ? { value: true, effects: engine.hangUp(chat.id) }
        : { value: false, effects: [] },
    );
    if (known) return;
    const outcome =
      chat.status === 'talking'
        ? 'answered'
        : reason === 'closed' || reason === 'blocked'
          ? reason
          : 'abandoned';
    const settled = await this.settlement.settle(chat.id, {
      status: 'ended',
      outcome,
      endReason: reason,
      endedAt: now,
      updatedAt: now,
    });
    if (settled)
      this.events.publish({
        type: 'chat.ended',
        hotlineId: chat.hotlineId,
        chatId: chat.id,
        reason,
        outcome,
        at: now.toISOString(),
        ...(outcome === 'answered' && chat.volunteerId ? { volunteerId: chat.volunteerId } : {}),
      });
  }

  toQueue(chat: Chat, volunteerId: string, topic: string): Promise<void> {
    return this.held(chat, volunteerId, (engine) => engine.transferToQueue(chat.id, topic));
  }

  handOver(chat: Chat, volunteerId: string, toVolunteerId: string): Promise<void> {
    return this.held(chat, volunteerId, (engine) => {
      try {
        return engine.handOverChat(chat.id, toVolunteerId);
      } catch (error) {
        if (!(error instanceof RoutingError)) throw error;
        throw new ChatRefusal(
          'unavailable',
          'That colleague cannot take a chat now: not on duty, on a call, or without a free place.',
        );
      }
    });
  }

  async wroteUp(chat: Chat, volunteerId: string): Promise<void> {
    await this.leader.step(chat.hotlineId, (engine) => ({
      value: undefined,
      effects: engine.volunteer(volunteerId) ? engine.finishChatWrapUp(volunteerId, chat.id) : [],
    }));
  }

  async accept(volunteer: Volunteer, offerId: string): Promise<void> {
    await this.leader.answerOffer(await this.hotlineOf(volunteer, offerId), offerId, true);
  }

  async decline(volunteer: Volunteer, offerId: string): Promise<void> {
    await this.leader.answerOffer(await this.hotlineOf(volunteer, offerId), offerId, false);
  }

  async liveOffer(volunteer: Volunteer): Promise<string | null> {
    for (const hotline of volunteer.hotlines) {
      const chatId = this.leader.volunteerState(hotline.id, volunteer.id)?.offeredChatId;
      if (!chatId) continue;
      const offer = await this.offers.findOne({
        where: { chatId, volunteerId: volunteer.id, result: IsNull() },
        order: { offeredAt: 'DESC' },
      });
      if (offer) return offer.id;
    }
    return null;
  }

  async placeOf(chat: Pick<Chat, 'id' | 'hotlineId'>): Promise<QueuePosition | undefined> {
    return this.leader.peek(chat.hotlineId, (engine) => engine.position(chat.id));
  }

  /** A step on a chat the volunteer holds in conversation; refused otherwise. */
  private async held(
    chat: Chat,
    volunteerId: string,
    command: (engine: RoutingEngine) => RoutingEffect[],
  ): Promise<void> {
    await this.leader.step(chat.hotlineId, (engine) => {
      const view = engine.call(chat.id);
      if (view?.phase !== 'talking' || view.volunteerId !== volunteerId)
        throw new ChatRefusal('not_yours', 'You are not in a conversation on this chat now.');
      return { value: undefined, effects: command(engine) };
    });
  }

  private async hotlineOf(volunteer: Volunteer, offerId: string): Promise<string> {
    const offer = await this.offers.findOne({
      where: { id: offerId, volunteerId: volunteer.id },
      relations: { chat: true },
    });
    if (!offer) throw new SwitchboardRefusal('not_found', `No offer ${offerId} for you.`);
    return offer.chat!.hotlineId;
  }
}

/** A follower's chat steps: each asked of the leader. */
@Injectable()
export class ChatStepsRelay implements ChatSteps {
  private readonly line?: ProtocolLine<ChatRoutingProtocol>;

  constructor(@Optional() cluster?: Cluster) {
    this.line = cluster?.line<ChatRoutingProtocol>();
  }

  private get leader(): ProtocolLine<ChatRoutingProtocol> {
    if (!this.line) throw new Error('a single instance relays to no leader');
    return this.line;
  }

  enqueue(chat: Chat) {
    return this.leader.askLeader('chats.enqueue', { chatId: chat.id });
  }
  end(chat: Chat, reason: ChatEndReason) {
    return this.leader.askLeader('chats.end', { chatId: chat.id, reason });
  }
  toQueue(chat: Chat, volunteerId: string, topic: string) {
    return this.leader.askLeader('chats.toQueue', { chatId: chat.id, volunteerId, topic });
  }
  handOver(chat: Chat, volunteerId: string, toVolunteerId: string) {
    return this.leader.askLeader('chats.handOver', { chatId: chat.id, volunteerId, toVolunteerId });
  }
  wroteUp(chat: Chat, volunteerId: string) {
    return this.leader.askLeader('chats.wroteUp', { chatId: chat.id, volunteerId });
  }
  accept(volunteer: Volunteer, offerId: string) {
    return this.leader.askLeader('chats.accept', { volunteerId: volunteer.id, offerId });
  }
  decline(volunteer: Volunteer, offerId: string) {
    return this.leader.askLeader('chats.decline', { volunteerId: volunteer.id, offerId });
  }
  liveOffer(volunteer: Volunteer) {
    return this.leader.askLeader('chats.liveOffer', { volunteerId: volunteer.id });
  }
  placeOf(chat: Pick<Chat, 'id' | 'hotlineId'>) {
    return this.leader
      .askLeader(
        'chats.place',
        { chatId: chat.id, hotlineId: chat.hotlineId },
        { timeoutMs: 1500, patienceMs: 0 },
      )
      .catch(() => undefined);
  }
}

/**
 * The routing of chats: the leader's engines run every step (on this instance while it leads,
 * else through the leader). The rest of the chats module injects this and never asks which.
 */
@Injectable()
export class ChatRouting implements ChatSteps, OnApplicationBootstrap {
  constructor(
    private readonly leading: LeadingChatSteps,
    private readonly relay: ChatStepsRelay,
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @Optional() private readonly cluster?: Cluster,
  ) {}

  /** While leading, this instance answers the followers' requests with its own steps. */
  onApplicationBootstrap(): void {
    if (!this.cluster?.enabled) return;
    const line = this.cluster.line<ChatRoutingProtocol>();
    const handle: ProtocolLine<ChatRoutingProtocol>['handle'] = (method, handler) =>
      line.handle(method, async (args) => {
        try {
          return await handler(args);
        } catch (error) {
          if (error instanceof SwitchboardRefusal) throw error.asHttp();
          throw error instanceof ChatRefusal ? error.asHttp() : error;
        }
      });
    const chat = (id: string) => this.chats.findOneByOrFail({ id });
    const person = async (id: string) => {
      const found = await this.volunteers.findOne({ where: { id }, relations: { hotlines: true } });
      if (!found) throw new NotFoundException(`No volunteer ${id}.`);
      return found;
    };
    const leading = this.leading;
    handle('chats.enqueue', async ({ chatId }) => leading.enqueue(await chat(chatId)));
    handle('chats.end', async ({ chatId, reason }) => leading.end(await chat(chatId), reason));
    handle('chats.toQueue', async ({ chatId, volunteerId, topic }) =>
      leading.toQueue(await chat(chatId), volunteerId, topic),
    );
    handle('chats.handOver', async ({ chatId, volunteerId, toVolunteerId }) =>
      leading.handOver(await chat(chatId), volunteerId, toVolunteerId),
    );
    handle('chats.wroteUp', async ({ chatId, volunteerId }) =>
      leading.wroteUp(await chat(chatId), volunteerId),
    );
    handle('chats.accept', async ({ volunteerId, offerId }) =>
      leading.accept(await person(volunteerId), offerId),
    );
    handle('chats.decline', async ({ volunteerId, offerId }) =>
      leading.decline(await person(volunteerId), offerId),
    );
    handle('chats.liveOffer', async ({ volunteerId }) =>
      leading.liveOffer(await person(volunteerId)),
    );
    handle('chats.place', ({ chatId, hotlineId }) => leading.placeOf({ id: chatId, hotlineId }));
  }

  private get via(): ChatSteps {
    return this.cluster?.follower ? this.relay : this.leading;
  }

  enqueue(chat: Chat) {
    return this.via.enqueue(chat);
  }
  end(chat: Chat, reason: ChatEndReason) {
    return this.via.end(chat, reason);
  }
  toQueue(chat: Chat, volunteerId: string, topic: string) {
    return this.via.toQueue(chat, volunteerId, topic);
  }
  handOver(chat: Chat, volunteerId: string, toVolunteerId: string) {
    return this.via.handOver(chat, volunteerId, toVolunteerId);
  }
  wroteUp(chat: Chat, volunteerId: string) {
    return this.via.wroteUp(chat, volunteerId);
  }
  accept(volunteer: Volunteer, offerId: string) {
    return this.via.accept(volunteer, offerId);
  }
  decline(volunteer: Volunteer, offerId: string) {
    return this.via.decline(volunteer, offerId);
  }
  liveOffer(volunteer: Volunteer) {
    return this.via.liveOffer(volunteer);
  }
  placeOf(chat: Pick<Chat, 'id' | 'hotlineId'>) {
    return this.via.placeOf(chat);
  }
}
