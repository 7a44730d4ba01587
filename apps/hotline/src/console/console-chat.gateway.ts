import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import type { ChatAck } from '@hotline/chat-protocol';
import { CONSOLE_NAMESPACE, type ServerEvents } from '@hotline/console-protocol';
import { AuthService } from '../auth/auth.service';
import { ChatDesk } from '../chats/chat-desk';
import { ChatJoins } from '../chats/chat-joins';
import { refusedAck } from '../chats/chat-refusal';
import { RequestOrigin } from '../common/request-origin';
import { ChatContacts } from '../contacts/chat-contacts.service';
import type { Volunteer } from '../volunteers/volunteer.entity';
import {
  ChatCommand,
  ChatSendCommand,
  ChatTransferCommand,
  ChatTypingCommand,
  ChatWrapUpCommand,
} from './chat-commands';
import { parseCommand } from './console-commands';
import { ChatPanels } from './chat-panels';
import { FeedViews } from './feed-views';
import type { ConsoleSocket } from './open-consoles';

/**
 * The console gateway's chat commands and panels (`/console`, beside `ConsoleGateway`, whose
 * handshake admits the socket): a volunteer writes, types, ends, passes on a chat and calls
 * for help; a supervisor joins and leaves one; the contact is written up. Every command is
 * acknowledged with the chat protocol's answer, `{ ok: false, error, message }` when refused.
 */
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE })
export class ConsoleChatGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Console');

  constructor(
    private readonly auth: AuthService,
    private readonly desk: ChatDesk,
    private readonly joins: ChatJoins,
    private readonly contacts: ChatContacts,
    private readonly panels: ChatPanels,
    private readonly views: FeedViews,
  ) {}

  afterInit(server: Namespace): void {
    this.panels.attach(server as unknown as Namespace<Record<string, never>, ServerEvents>);
  }

  /** Reopened with chats in hand: the panels come back with them. */
  async handleConnection(socket: ConsoleSocket): Promise<void> {
    if (!socket.data?.volunteerId) return;
    try {
      const volunteer = await this.auth.volunteerForToken(socket.data.token);
      await this.panels.reopened(volunteer, socket);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'a console reopened without its chats');
    }
  }

  @SubscribeMessage('chat.send')
  send(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      const { chatId, text } = await parseCommand(ChatSendCommand, payload);
      return { message: await this.desk.send(volunteer, chatId, text) };
    });
  }

  @SubscribeMessage('chat.typing')
  async typing(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    // Not acknowledged: a lost typing signal matters to nobody.
    await this.answer(socket, async (volunteer) => {
      const { chatId, typing } = await parseCommand(ChatTypingCommand, payload);
      await this.desk.typing(volunteer, chatId, typing);
      return {};
    });
  }

  @SubscribeMessage('chat.end')
  end(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      await this.desk.end(volunteer, (await parseCommand(ChatCommand, payload)).chatId);
      return {};
    });
  }

  @SubscribeMessage('chat.colleagues')
  colleagues(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => ({
      colleagues: await this.desk.colleagues(
        volunteer,
        (await parseCommand(ChatCommand, payload)).chatId,
      ),
    }));
  }

  @SubscribeMessage('chat.transfer')
  transfer(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      const { chatId, to } = await parseCommand(ChatTransferCommand, payload);
      await this.desk.transfer(
        volunteer,
        chatId,
        to === 'queue' ? 'queue' : { volunteerId: to.volunteerId },
      );
      return {};
    });
  }

  @SubscribeMessage('chat.crisis')
  crisis(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) =>
      this.desk.crisisNow(volunteer, (await parseCommand(ChatCommand, payload)).chatId),
    );
  }

  @SubscribeMessage('chat.join')
  join(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      const { chatId } = await parseCommand(ChatCommand, payload);
      const chat = await this.joins.join(volunteer, chatId);
      return { chat };
    });
  }

  @SubscribeMessage('chat.leave')
  leave(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      await this.joins.leave(volunteer, (await parseCommand(ChatCommand, payload)).chatId);
      return {};
    });
  }

  @SubscribeMessage('chat.wrapup')
  wrapUp(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      const { chatId, contact } = await parseCommand(ChatWrapUpCommand, payload);
      const recorded = await this.contacts.wrapUp(volunteer, chatId, contact);
      return {
        contact: { id: recorded.contact.id },
        ...(recorded.crisisCaseId ? { crisisCaseId: recorded.crisisCaseId } : {}),
        me: await this.views.me(volunteer, socket.data.hotlineId),
      };
    });
  }

  /** Runs a command as the person behind the socket, read afresh; a refusal is acknowledged. */
  private answer<T extends object>(
    socket: ConsoleSocket,
    command: (volunteer: Volunteer) => Promise<T>,
  ): Promise<ChatAck<T>> {
    return RequestOrigin.run(socket.handshake.address, async () => {
      try {
        const volunteer = await this.auth.volunteerForToken(socket.data.token);
        return { ok: true as const, ...(await command(volunteer)) };
      } catch (error) {
        return refusedAck(error);
      }
    });
  }
}
