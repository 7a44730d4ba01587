import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import type { Namespace } from 'socket.io';
import type { ServerEvents } from '@hotline/console-protocol';
import { ChatHolders } from '../chats/chat-holders';
import { chatRoom, consoleRoom } from '../chats/chat-sockets';
import { LiveChats } from '../chats/live-chats';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import type { ConsoleSocket } from './open-consoles';

type Server = Namespace<Record<string, never>, ServerEvents>;

/**
 * The chat panels of the consoles in a chat (its volunteer, supervisors who joined): the whole
 * chat (`chat.live`) when they get it, when someone joins or leaves, and on reconnecting;
 * its messages and the writer's typing as they come (the chat's room, on every instance
 * through the adapter); `chat.live.ended` when it ends or is passed on. Nobody else's console
 * receives a word of it.
 */
@Injectable()
export class ChatPanels implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Console');
  private subscriptions: Subscription[] = [];
  private server?: Server;

  constructor(
    private readonly events: HotlineEvents,
    private readonly live: LiveChats,
    private readonly holders: ChatHolders,
  ) {}

  attach(server: Server): void {
    this.server = server;
  }

  onModuleInit(): void {
    const room = (chatId: string) => this.server?.to(chatRoom(chatId));
    this.subscriptions = [
      this.events.on(
        'chat.message',
        async ({ chatId, message }) => void room(chatId)?.emit('chat.message', { chatId, message }),
        this.logger,
      ),
      this.events.on(
        'chat.typing',
        async ({ chatId, typing }) => void room(chatId)?.emit('chat.typing', { chatId, typing }),
        this.logger,
        ({ by }) => by === 'writer',
      ),
      this.events.on(
        'chat.live',
        (event) => this.tell(event.chatId, event.to, event.gone),
        this.logger,
      ),
      this.events.on(
        'chat.ended',
        async ({ chatId, reason }) => {
          room(chatId)?.emit('chat.live.ended', { chatId, reason });
          this.server?.in(chatRoom(chatId)).socketsLeave(chatRoom(chatId));
        },
        this.logger,
      ),
    ];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** A console opened (a reload, a dropped connection): back in its chats' rooms, with them. */
  async reopened(volunteer: Volunteer, socket: ConsoleSocket): Promise<void> {
    const held = await this.live.heldBy(volunteer.id);
    // In the rooms before the views are read, as when a chat is taken (see `tell`).
    await socket.join(held.map((chat) => chatRoom(chat.id)));
    for (const chat of held) socket.emit('chat.live', await this.live.view(chat));
  }

  /** Those now in the chat get it whole and its room; those who left it learn it ended for them. */
  private async tell(chatId: string, to: string[], gone: string[]): Promise<void> {
    const server = this.server;
    if (!server) return;
    for (const volunteerId of gone.filter((id) => !to.includes(id))) {
      server
        .to(consoleRoom(volunteerId))
        .emit('chat.live.ended', { chatId, reason: 'transferred' });
      server.in(consoleRoom(volunteerId)).socketsLeave(chatRoom(chatId));
    }
    if (to.length === 0) return;
    // In the room first: a message from now on reaches them, one before is in the view read
    // after (a message in between comes both ways; consoles keep each id once).
    for (const volunteerId of to) server.in(consoleRoom(volunteerId)).socketsJoin(chatRoom(chatId));
    const chat = await this.holders.chat(chatId);
    const view = await this.live.view(chat);
    // Those already in it (supervisors who joined) see who else is now.
    const everyone = new Set([...to, ...(await this.holders.holders(chat))]);
    for (const volunteerId of everyone) server.to(consoleRoom(volunteerId)).emit('chat.live', view);
  }
}
