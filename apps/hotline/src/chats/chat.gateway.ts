import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import {
  CHAT_NAMESPACE,
  type ChatAck,
  type ChatMessage,
  type WriterClientEvents,
  type WriterServerEvents,
} from '@hotline/chat-protocol';
import { ChatConversations } from './chat-conversations';
import { ChatDoor } from './chat-door';
import { refusedAck } from './chat-refusal';
import { ChatSockets, WriterData, WriterNamespace, chatRoom } from './chat-sockets';
import { ChatWriters } from './chat-writers';

type WriterSocket = Socket<
  WriterClientEvents,
  WriterServerEvents,
  Record<string, never>,
  WriterData
>;

/**
 * The writer's chat page over socket.io (`/chat`). The handshake carries the chat's resume
 * token (`auth: { token }`); an unknown one refuses the connection with the reason. Every
 * connect gets `chat.state`; commands are acknowledged, `{ ok: false, error }` when refused.
 * Nothing a writer sends is logged.
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('Chats');

  constructor(
    private readonly door: ChatDoor,
    private readonly writers: ChatWriters,
    private readonly conversations: ChatConversations,
    private readonly sockets: ChatSockets,
  ) {}

  afterInit(server: WriterNamespace): void {
    this.sockets.attach(server);
    server.use((socket, next) => {
      const { token } = (socket.handshake.auth ?? {}) as { token?: unknown };
      void this.door.resume(token).then(
        (chat) => {
          socket.data = { chatId: chat.id, hotlineId: chat.hotlineId };
          next();
        },
        (error: Error) => next(new Error(error.message)),
      );
    });
  }

  async handleConnection(socket: WriterSocket): Promise<void> {
    const { chatId } = socket.data;
    if (!chatId) return;
    try {
      await socket.join(chatRoom(chatId));
      await this.writers.arrived(chatId);
      const state = await this.writers.state(chatId);
      socket.emit('chat.state', state);
      // A page waiting hears its place at once, whenever the queue last moved.
      if (state.queue) socket.emit('chat.queue', state.queue);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'a writer connected without a state');
    }
  }

  handleDisconnect(socket: WriterSocket): void {
    const { chatId } = socket.data;
    if (chatId)
      void this.writers
        .left(chatId)
        .catch((error: Error) =>
          this.logger.warn({ err: error.message }, 'writer left unrecorded'),
        );
  }

  @SubscribeMessage('chat.send')
  async send(
    @ConnectedSocket() socket: WriterSocket,
    @MessageBody() payload: unknown,
  ): Promise<ChatAck<{ message: ChatMessage }>> {
    try {
      const text = (payload as { text?: unknown } | null)?.text;
      const message = await this.conversations.fromWriter(
        { id: socket.data.chatId, hotlineId: socket.data.hotlineId },
        text,
      );
      return { ok: true, message };
    } catch (error) {
      return refusedAck(error);
    }
  }

  @SubscribeMessage('chat.typing')
  typing(@ConnectedSocket() socket: WriterSocket, @MessageBody() payload: unknown): void {
    this.conversations.typing(
      { id: socket.data.chatId, hotlineId: socket.data.hotlineId },
      'writer',
      (payload as { typing?: unknown } | null)?.typing,
    );
  }

  @SubscribeMessage('chat.end')
  async end(@ConnectedSocket() socket: WriterSocket): Promise<ChatAck<object>> {
    try {
      await this.writers.end(socket.data.chatId);
      return { ok: true };
    } catch (error) {
      return refusedAck(error);
    }
  }
}
