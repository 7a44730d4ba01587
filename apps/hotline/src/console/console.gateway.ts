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
import type { Namespace } from 'socket.io';
import { CONSOLE_NAMESPACE, ServerEvents } from '@hotline/console-protocol';
import { AuthService } from '../auth/auth.service';
import { CallsService } from '../calls/calls.service';
import { SoftphoneRegistry } from '../calls/softphone-registry';
import { RequestOrigin } from '../common/request-origin';
import { ContactsService } from '../contacts/contacts.service';
import { CrisisAlerts } from '../crisis/crisis-alerts.service';
import type { Role, Volunteer } from '../volunteers/volunteer.entity';
import {
  AlertCommand,
  CallCommand,
  MoveVolunteerCommand,
  OfferCommand,
  PresenceCommand,
  ReofferCommand,
  SoftphoneCommand,
  WrapUpCommand,
  messageOf,
  parseCommand,
} from './console-commands';
import { FeedViews } from './feed-views';
import { CallPanels } from './call-panels';
import { LiveFeed, hotlineRoom, volunteerRoom } from './live-feed.service';
import { ConsoleNamespace, ConsoleSocket, OpenConsoles } from './open-consoles';

type Ack = { ok: true } | { ok: false; error: string };

const SUPERVISING: Role[] = ['supervisor', 'coordinator', 'admin'];

/**
 * The live console over socket.io (`/console`). The handshake carries the same access token
 * as the API; a missing or bad one refuses the connection with the reason. Commands go to
 * the services the HTTP API uses and are always acknowledged: `{ ok: true, ... }` or
 * `{ ok: false, error }`, never silence.
 */
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE })
export class ConsoleGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('Console');

  constructor(
    private readonly auth: AuthService,
    private readonly consoles: OpenConsoles,
    private readonly feed: LiveFeed,
    private readonly views: FeedViews,
    private readonly calls: CallsService,
    private readonly contacts: ContactsService,
    private readonly alerts: CrisisAlerts,
    private readonly softphones: SoftphoneRegistry,
    private readonly panels: CallPanels,
  ) {}

  afterInit(server: ConsoleNamespace): void {
    this.consoles.attach(server);
    // Registrations live on the sockets: any instance's console of the volunteer counts.
    this.softphones.attach(async (volunteerId) => {
      const sockets = await server.in(volunteerRoom(volunteerId)).fetchSockets();
      return sockets.some((socket) => socket.data.softphone === true);
    });
    // Signed out, password changed or reset, deactivated: their consoles close at once (on
    // every instance, through the adapter) and stop receiving the live feed.
    this.auth.sessionsEnded$.subscribe(
      (volunteerId) => void server.in(volunteerRoom(volunteerId)).disconnectSockets(true),
    );
    const feedServer = server as unknown as Namespace<Record<string, never>, ServerEvents>;
    this.feed.attach(feedServer);
    this.panels.attach(feedServer);
    server.use((socket, next) => {
      void this.consoles.admit(socket as ConsoleSocket).then(
        () => next(),
        (error: Error) => next(new Error(error.message)),
      );
    });
  }

  async handleConnection(socket: ConsoleSocket): Promise<void> {
    const { volunteerId, hotlineId } = socket.data;
    if (!volunteerId) return;
    this.consoles.opened(socket);
    await socket.join([hotlineRoom(hotlineId), volunteerRoom(volunteerId)]);
    const volunteer = await this.auth.volunteerForToken(socket.data.token).catch(() => undefined);
    if (!volunteer) return;
    try {
      socket.emit('queue.snapshot', await this.feed.snapshot(volunteer, hotlineId));
    } catch (error) {
      // Several instances, mid-failover: the console asks again (snapshot.get) once it can.
      this.logger.warn({ err: messageOf(error) }, 'no snapshot for a new console');
    }
    // Reopened mid-call: the panel comes back with the call.
    const live = await this.panels.current(volunteer).catch(() => null);
    if (live) socket.emit('call.live', live);
  }

  handleDisconnect(socket: ConsoleSocket): void {
    if (socket.data.volunteerId) this.consoles.closed(socket);
  }

  @SubscribeMessage('snapshot.get')
  snapshot(@ConnectedSocket() socket: ConsoleSocket) {
    return this.answer(socket, async (volunteer) => ({
      snapshot: await this.feed.snapshot(volunteer, socket.data.hotlineId),
    }));
  }

  @SubscribeMessage('presence.set')
  presence(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      const { state } = await parseCommand(PresenceCommand, payload);
      await this.calls.setPresence(volunteer, state, socket.data.hotlineId);
      return { me: await this.views.me(volunteer, socket.data.hotlineId) };
    });
  }

  @SubscribeMessage('offer.accept')
  accept(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      await this.calls.accept(volunteer, (await parseCommand(OfferCommand, payload)).offerId);
      return {};
    });
  }

  @SubscribeMessage('offer.decline')
  decline(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      await this.calls.decline(volunteer, (await parseCommand(OfferCommand, payload)).offerId);
      return {};
    });
  }

  @SubscribeMessage('wrapup.submit')
  wrapUp(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      const { callId, contact } = await parseCommand(WrapUpCommand, payload);
      const recorded = await this.contacts.wrapUp(volunteer, callId, contact);
      return { ...recorded, me: await this.views.me(volunteer, socket.data.hotlineId) };
    });
  }

  @SubscribeMessage('call.reoffer')
  reoffer(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(
      socket,
      async (actor) => {
        const { callId, volunteerId } = await parseCommand(ReofferCommand, payload);
        await this.calls.reoffer(actor, socket.data.hotlineId, callId, volunteerId);
        return {};
      },
      SUPERVISING,
    );
  }

  @SubscribeMessage('volunteer.presence')
  moveVolunteer(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(
      socket,
      async (actor) => {
        const { volunteerId, state } = await parseCommand(MoveVolunteerCommand, payload);
        await this.calls.moveVolunteer(actor, socket.data.hotlineId, volunteerId, state);
        return {};
      },
      SUPERVISING,
    );
  }

  @SubscribeMessage('softphone.registered')
  softphone(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) => {
      const { registered } = await parseCommand(SoftphoneCommand, payload);
      socket.data.softphone = registered;
      return { me: await this.views.me(volunteer, socket.data.hotlineId) };
    });
  }

  @SubscribeMessage('call.crisis')
  crisisNow(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(socket, async (volunteer) =>
      this.panels.crisisNow(volunteer, (await parseCommand(CallCommand, payload)).callId),
    );
  }

  @SubscribeMessage('alert.acknowledge')
  acknowledge(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() payload: unknown) {
    return this.answer(
      socket,
      async (actor) => {
        const { alertId } = await parseCommand(AlertCommand, payload);
        if (!(await this.alerts.acknowledge(actor, socket.data.hotlineId, alertId)))
          throw new Error('This alert was already acknowledged.');
        return {};
      },
      SUPERVISING,
    );
  }

  /**
   * Runs a command as the person behind the socket, read afresh (a deactivated account or a
   * removed role stops at once), and turns every failure into an error acknowledgement.
   */
  private async answer<T extends object>(
    socket: ConsoleSocket,
    command: (volunteer: Volunteer) => Promise<T>,
    roles?: Role[],
  ): Promise<({ ok: true } & T) | Ack> {
    return RequestOrigin.run(socket.handshake.address, async () => {
      try {
        const volunteer = await this.auth.volunteerForToken(socket.data.token);
        if (roles && !volunteer.hasRole(...roles))
          throw new Error(`This needs the ${roles.join(' or ')} role.`);
        return { ok: true as const, ...(await command(volunteer)) };
      } catch (error) {
        return { ok: false as const, error: messageOf(error) };
      }
    });
  }
}
