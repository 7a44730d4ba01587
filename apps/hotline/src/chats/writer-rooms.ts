import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { HotlineEvents } from '../events/hotline-events';
import { ChatSockets, chatRoom } from './chat-sockets';

/**
 * Tells writers what happens in their chat, on `/chat`: the volunteer's messages and the
 * hotline's, typing, the answer, their place in the queue, the end. Each event goes out from
 * the instance where it happened; the adapter carries it to the writer's socket wherever it is.
 */
@Injectable()
export class WriterRooms implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Chats');
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly events: HotlineEvents,
    private readonly sockets: ChatSockets,
  ) {}

  onModuleInit(): void {
    const room = (chatId: string) => this.sockets.writers?.to(chatRoom(chatId));
    const on = this.events.on.bind(this.events);
    this.subscriptions = [
      on(
        'chat.message',
        async ({ chatId, message }) => void room(chatId)?.emit('chat.message', message),
        this.logger,
        ({ message }) => message.from !== 'writer',
      ),
      on(
        'chat.typing',
        async ({ chatId, typing }) => void room(chatId)?.emit('chat.typing', { typing }),
        this.logger,
        ({ by }) => by === 'volunteer',
      ),
      on(
        'chat.answered',
        async ({ chatId, at }) => void room(chatId)?.emit('chat.answered', { at }),
        this.logger,
      ),
      on(
        'chat.queue',
        async ({ chatId, queue }) => void room(chatId)?.emit('chat.queue', queue),
        this.logger,
      ),
      on(
        'chat.ended',
        async ({ chatId, reason, at }) => void room(chatId)?.emit('chat.ended', { reason, at }),
        this.logger,
      ),
    ];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}
