import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { ChatEndReason } from '@hotline/chat-protocol';
import type { Clock } from '@hotline/clock';
import type { RoutingEffect } from '@hotline/routing';
import type { OfferIds, Persistence } from '../calls/effect-recorder';
import { untilLanded } from '../calls/landing';
import { StaleLeaderError, fenceRouting } from '../calls/routing-fence';
import { InjectClock } from '../common/clock.provider';
import { Transactions } from '../database/transactions';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import type { Hotline } from '../hotlines/hotline.entity';
import { ChatConversations } from './chat-conversations';
import { ChatSettlement } from './chat-settlement';
import { CHAT_TEXTS, ChatTexts } from './chat-texts';
import { Chat, ChatOffer, ChatOfferResult, ChatOutcome } from './chat.entity';

/** One write of a step, in the step's transaction (behind the routing fence among several). */
type Write = (manager: EntityManager, again: boolean) => Promise<void>;

/** What the hotline says to a writer once a step is recorded. */
interface Note {
  chat: Chat;
  text: (texts: ChatTexts, hotline: Hotline) => string;
}

/** The effects that need the chat's row. */
const NAMING_CHATS = new Set<RoutingEffect['type']>([
  'connect',
  'call_ended',
  'crisis_line',
  'transferred',
  'handed_over',
]);

/**
 * Mirrors an engine step's effects on chats into the record and tells of them, as the effect
 * recorder does for calls: offers rung and ended, a chat answered, passed on, back in the
 * queue, and its one outcome (counted in the statistics). The writes are retried until they
 * land, behind the routing fence; the events go out once they have; what the hotline says to
 * the writer about it (back in the queue, the crisis line) is posted last.
 */
@Injectable()
export class ChatRecorder {
  private readonly logger = new Logger('Chats');

  constructor(
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    private readonly settlement: ChatSettlement,
    private readonly conversations: ChatConversations,
    private readonly events: HotlineEvents,
    private readonly transactions: Transactions,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async record(
    hotline: Hotline,
    effects: readonly RoutingEffect[],
    offers: OfferIds,
    persistence: Persistence,
  ): Promise<void> {
    const giveUpAt = Date.now() + persistence.patienceMs;
    const landing = <T>(write: (again: boolean) => Promise<T>) =>
      untilLanded(write, () => persistence.wanted() && Date.now() < giveUpAt, this.logger);
    const named = [
      ...new Set(
        effects.flatMap((e) => (NAMING_CHATS.has(e.type) && 'callId' in e ? [e.callId] : [])),
      ),
    ];
    const rows = new Map(
      (named.length > 0 ? await landing(() => this.chats.findBy({ id: In(named) })) : []).map(
        (chat) => [chat.id, chat],
      ),
    );
    const at = this.clock.now().toJSDate();
    const hotlineId = hotline.id;
    const writes: Write[] = [];
    const events: HotlineEvent[] = [];
    const notes: Note[] = [];
    const chatOf = (id: string) => {
      const chat = rows.get(id);
      if (!chat) throw new Error(`chat ${id} was not read for this step`);
      return chat;
    };
    const update = (id: string, changes: Partial<Chat>) =>
      writes.push((manager) =>
        manager.update(Chat, id, { ...changes, updatedAt: at }).then(() => {}),
      );
    const changed = (chatId: string) =>
      events.push({ type: 'call.changed', hotlineId, callId: chatId });

    for (const effect of effects) {
      switch (effect.type) {
        case 'offer': {
          const id = randomUUID();
          offers.open(effect.offerId, id);
          const row: ChatOffer = {
            id,
            chatId: effect.callId,
            volunteerId: effect.volunteerId,
            offeredAt: at,
            expiresAt: new Date(effect.expiresAt),
            result: null,
            endedAt: null,
          };
          writes.push(async (manager, again) => {
            if (again && (await manager.existsBy(ChatOffer, { id }))) return;
            await manager.insert(ChatOffer, row);
            await manager.update(Chat, effect.callId, {
              status: 'offered',
              offerCount: () => 'offer_count + 1',
              updatedAt: at,
            });
            await manager.update(
              Chat,
              { id: effect.callId, firstOfferedAt: IsNull() },
              { firstOfferedAt: at },
            );
          });
          events.push({
            type: 'offer.created',
            hotlineId,
            offerId: id,
            callId: effect.callId,
            volunteerId: effect.volunteerId,
            expiresAt: new Date(effect.expiresAt).toISOString(),
            channel: 'chat',
          });
          break;
        }
        case 'offer_withdrawn': {
          const id = offers.rows.get(effect.offerId);
          offers.close(effect.offerId);
          if (id)
            writes.push((manager) =>
              manager
                .update(ChatOffer, id, { result: effect.reason as ChatOfferResult, endedAt: at })
                .then(() => {}),
            );
          if (effect.reason !== 'abandoned') update(effect.callId, { status: 'waiting' });
          events.push({
            type: 'offer.withdrawn',
            hotlineId,
            offerId: id ?? effect.offerId,
            callId: effect.callId,
            volunteerId: effect.volunteerId,
            reason: effect.reason,
            channel: 'chat',
          });
          break;
        }
        case 'connect': {
          const chat = chatOf(effect.callId);
          update(chat.id, {
            status: 'talking',
            volunteerId: effect.volunteerId,
            answeredAt: at,
            waitSeconds: secondsBetween(chat.arrivedAt, at),
            idleCheckedAt: null,
          });
          writes.push((manager) =>
            manager
              .update(
                ChatOffer,
                { chatId: chat.id, volunteerId: effect.volunteerId, result: IsNull() },
                { result: 'accepted', endedAt: at },
              )
              .then(() => {}),
          );
          events.push(
            {
              type: 'chat.answered',
              hotlineId,
              chatId: chat.id,
              volunteerId: effect.volunteerId,
              at: at.toISOString(),
            },
            { type: 'chat.live', hotlineId, chatId: chat.id, to: [effect.volunteerId], gone: [] },
          );
          changed(chat.id);
          break;
        }
        case 'transferred': {
          const chat = chatOf(effect.callId);
          update(chat.id, {
            status: 'waiting',
            volunteerId: null,
            topic: effect.topic,
            answeredAt: null,
          });
          events.push({
            type: 'chat.live',
            hotlineId,
            chatId: chat.id,
            to: [],
            gone: [effect.volunteerId],
          });
          changed(chat.id);
          break;
        }
        case 'handed_over': {
          const chat = chatOf(effect.callId);
          update(chat.id, { volunteerId: effect.toVolunteerId });
          events.push({
            type: 'chat.live',
            hotlineId,
            chatId: chat.id,
            to: [effect.toVolunteerId],
            gone: [effect.volunteerId],
          });
          changed(chat.id);
          break;
        }
        case 'crisis_supervisors':
          events.push({
            type: 'crisis.escalated',
            hotlineId,
            callId: effect.callId,
            step: 'supervisors',
            channel: 'chat',
          });
          break;
        case 'crisis_line': {
          // Once per chat: a new leader's engine climbs the ladder again from the arrival.
          const chat = chatOf(effect.callId);
          if (chat.crisisLineAt) break;
          update(chat.id, { crisisLineAt: at });
          notes.push({ chat, text: (texts, { routing }) => texts.crisisLine(routing.crisisLine) });
          break;
        }
        case 'call_ended': {
          const chat = chatOf(effect.callId);
          const outcome = outcomeOf(effect.outcome, chat.endReason);
          const reason: ChatEndReason =
            chat.endReason ?? (outcome === 'answered' ? 'volunteer' : 'writer');
          writes.push((manager) =>
            this.settlement
              .settleWith(manager, chat.id, {
                status: 'ended',
                outcome,
                endReason: reason,
                endedAt: at,
                waitSeconds:
                  outcome === 'answered' ? chat.waitSeconds : secondsBetween(chat.arrivedAt, at),
                talkSeconds:
                  outcome === 'answered' && chat.answeredAt
                    ? secondsBetween(chat.answeredAt, at)
                    : null,
                updatedAt: at,
              })
              .then(() => {}),
          );
          events.push({
            type: 'chat.ended',
            hotlineId,
            chatId: chat.id,
            reason,
            outcome,
            at: at.toISOString(),
            ...(effect.volunteerId ? { volunteerId: effect.volunteerId } : {}),
          });
          changed(chat.id);
          break;
        }
        case 'chat_load':
          events.push({ type: 'volunteer.chats', hotlineId, volunteerId: effect.volunteerId });
          break;
      }
    }

    let lost = 0;
    for (const write of writes) {
      try {
        await landing((again) => this.fenced(write, again, persistence.epoch));
      } catch (error) {
        if (persistence.patienceMs === 0 || error instanceof StaleLeaderError) throw error;
        lost += 1;
      }
    }
    if (lost > 0)
      this.logger.error(
        { hotlineId, lost },
        `the database did not take ${lost} of a step's chat writes; the routing check repairs the record`,
      );
    for (const event of events) this.events.publish(event);
    for (const note of notes)
      await this.conversations
        .system(note.chat, note.text(CHAT_TEXTS[note.chat.language], hotline))
        .catch((error: Error) =>
          this.logger.warn({ err: error.message }, 'a chat note was not posted'),
        );
  }

  /** One write in one transaction, behind the routing fence when the leader's epoch is given. */
  private fenced(write: Write, again: boolean, epoch: number | undefined): Promise<void> {
    return this.transactions.run(async (manager) => {
      if (epoch !== undefined) await fenceRouting(manager, epoch);
      await write(manager, again);
    });
  }
}

/** The record's outcome of a chat the engine ended so, for why it ended. */
function outcomeOf(engine: string, reason: ChatEndReason | null): ChatOutcome {
  if (engine === 'answered') return 'answered';
  if (reason === 'closed' || reason === 'blocked') return reason;
  return 'abandoned';
}

const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
