import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import {
  CHAT_NAMESPACE,
  type WriterClientEvents,
  type WriterServerEvents,
} from '@hotline/chat-protocol';
import { CONSOLE_NAMESPACE, type ServerEvents } from '@hotline/console-protocol';

export interface WriterData {
  chatId: string;
  hotlineId: string;
}

export type WriterNamespace = Namespace<
  WriterClientEvents,
  WriterServerEvents,
  Record<string, never>,
  WriterData
>;

/** The room of a chat: its writer's sockets on `/chat`, its holders' consoles on `/console`. */
export const chatRoom = (chatId: string) => `chat:${chatId}`;

/** The console room of a volunteer, as the console gateway names it. */
export const consoleRoom = (volunteerId: string) => `volunteer:${volunteerId}`;

/**
 * The socket.io namespaces chats speak on: the writers' (`/chat`) and the consoles' (`/console`),
 * reached through socket.io's adapter on every instance.
 */
@Injectable()
export class ChatSockets {
  private writerNamespace?: WriterNamespace;

  attach(writers: WriterNamespace): void {
    this.writerNamespace = writers;
  }

  get writers(): WriterNamespace | undefined {
    return this.writerNamespace;
  }

  get consoles(): Namespace<Record<string, never>, ServerEvents> | undefined {
    return this.writerNamespace?.server.of(CONSOLE_NAMESPACE) as
      Namespace<Record<string, never>, ServerEvents> | undefined;
  }

  /** Whether the volunteer has a console open, on any instance. */
  async consoleOpen(volunteerId: string): Promise<boolean> {
    const consoles = this.consoles;
    if (!consoles) return true;
    return (await consoles.in(consoleRoom(volunteerId)).fetchSockets()).length > 0;
  }

  /** Whether the chat's writer has the page open, on any instance. */
  async writerOpen(chatId: string): Promise<boolean> {
    const writers = this.writerNamespace;
    if (!writers) return false;
    return (await writers.in(chatRoom(chatId)).fetchSockets()).length > 0;
  }
}

export { CHAT_NAMESPACE };
