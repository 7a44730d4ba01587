import { HttpException, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { InjectRepository } from '@nestjs/typeorm';
import type { Namespace, Socket } from 'socket.io';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { CONSOLE_NAMESPACE, ClientEvents, ServerEvents } from '@hotline/console-protocol';
import { AuthService } from '../auth/auth.service';
import { CallsService } from '../calls/calls.service';
import { SoftphoneRegistry } from '../calls/softphone-registry';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { RequestOrigin } from '../common/request-origin';
import { ContactsService } from '../contacts/contacts.service';
import { CrisisAlerts } from '../crisis/crisis-alerts.service';
import { Environment } from '../config/environment';
import { Cluster } from '../instances/cluster';
import { type Role, Volunteer } from '../volunteers/volunteer.entity';
import {
  AlertCommand,
  MoveVolunteerCommand,
  OfferCommand,
  PresenceCommand,
  ReofferCommand,
  SoftphoneCommand,
  WrapUpCommand,
  parseCommand,
} from './console-commands';
import { LiveFeed, hotlineRoom, volunteerRoom } from './live-feed.service';
import { hotlineFor } from '../hotlines/hotline-scope';

interface ConsoleData {
  token: string;
  volunteerId: string;
  hotlineId: string;
  /** This console's browser softphone is registered (`softphone.registered`). */
  softphone?: boolean;
}

type ConsoleSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, ConsoleData>;
type Ack = { ok: true } | { ok: false; error: string };

const SUPERVISING: Role[] = ['supervisor', 'coordinator', 'admin'];

/**
 * The live console over socket.io (`/console`). The handshake carries the same access token
 * as the API; a missing or bad one refuses the connection with the reason. Commands go to
 * the services the HTTP API uses and are always acknowledged: `{ ok: true, ... }` or
 * `{ ok: false, error }`, never silence.
 */
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE })
export class ConsoleGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy
{
  private readonly logger = new Logger('Console');
  /** Consoles open per volunteer and hotline, and the timers that set them offline when all close. */
  private readonly open = new Map<string, Set<string>>();
  private readonly goneTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly auth: AuthService,
    private readonly feed: LiveFeed,
    private readonly calls: CallsService,
    private readonly contacts: ContactsService,
    private readonly alerts: CrisisAlerts,
    private readonly switchboard: Switchboard,
    private readonly config: ConfigService<Environment, true>,
    @InjectClock() private readonly clock: Clock,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly softphones: SoftphoneRegistry,
    @Optional() private readonly cluster?: Cluster,
  ) {
    // A new leader restored volunteers on duty; those whose console went with the old leader
    // and did not come back within the grace period go offline.
    this.cluster?.whenLeading(() => {
      setTimeout(() => void this.dropAbsent(), this.graceMs()).unref();
    });
  }

  private server?: Namespace<ClientEvents, ServerEvents, Record<string, never>, ConsoleData>;

  afterInit(
    server: Namespace<ClientEvents, ServerEvents, Record<string, never>, ConsoleData>,
  ): void {
    this.server = server;
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
    this.feed.attach(server as unknown as Namespace<Record<string, never>, ServerEvents>);
    server.use((socket, next) => {
      void this.admit(socket as ConsoleSocket).then(
        () => next(),
        (error: Error) => next(new Error(error.message)),
      );
    });
  }

  onModuleDestroy(): void {
    for (const timer of this.goneTimers.values()) clearTimeout(timer);
    this.goneTimers.clear();
  }

  async handleConnection(socket: ConsoleSocket): Promise<void> {
    const { volunteerId, hotlineId } = socket.data;
    if (!volunteerId) return;
    const key = `${hotlineId}:${volunteerId}`;
    clearTimeout(this.goneTimers.get(key));
    this.goneTimers.delete(key);
    this.open.set(key, (this.open.get(key) ?? new Set()).add(socket.id));
    await socket.join([hotlineRoom(hotlineId), volunteerRoom(volunteerId)]);
    const volunteer = await this.auth.volunteerForToken(socket.data.token).catch(() => undefined);
    if (!volunteer) return;
    try {
      socket.emit('queue.snapshot', await this.feed.snapshot(volunteer, hotlineId));
    } catch (error) {
      // Several instances, mid-failover: the console asks again (snapshot.get) once it can.
      this.logger.warn({ err: messageOf(error) }, 'no snapshot for a new console');
    }
  }

  /**
   * A short network drop must not flap the volunteer offline, but a console that is gone must
   * not keep receiving offers: after the grace period with no console open, they go offline.
   */
  handleDisconnect(socket: ConsoleSocket): void {
    const { volunteerId, hotlineId } = socket.data;
    if (!volunteerId) return;
    const key = `${hotlineId}:${volunteerId}`;
    const sockets = this.open.get(key);
    sockets?.delete(socket.id);
    if (sockets && sockets.size > 0) return;
    this.open.delete(key);
    const graceMs = this.graceMs();
    this.goneTimers.set(
      key,
      setTimeout(() => {
        this.goneTimers.delete(key);
        void this.leave(socket.data.token, hotlineId, volunteerId);
      }, graceMs),
    );
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
      return { me: await this.feed.me(volunteer, socket.data.hotlineId) };
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
      return { ...recorded, me: await this.feed.me(volunteer, socket.data.hotlineId) };
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
      return { me: await this.feed.me(volunteer, socket.data.hotlineId) };
    });
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

  /** Checks the handshake: a valid token, and a hotline the person works for. */
  private async admit(socket: ConsoleSocket): Promise<void> {
    const { token, hotlineId } = (socket.handshake.auth ?? {}) as {
      token?: string;
      hotlineId?: string;
    };
    if (!token) throw new Error('Sign in first: connect with auth { token: <accessToken> }.');
    const volunteer = await this.auth.volunteerForToken(token);
    socket.data = {
      token,
      volunteerId: volunteer.id,
      hotlineId: hotlineFor(volunteer, hotlineId),
    };
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

  private async leave(token: string, hotlineId: string, volunteerId: string): Promise<void> {
    try {
      // A person whose sessions ended (deactivated, signed out) still goes offline.
      const volunteer =
        (await this.auth.volunteerForToken(token).catch(() => null)) ??
        (await this.volunteers.findOneOrFail({
          where: { id: volunteerId },
          relations: { hotlines: true },
        }));
      if (await this.consoleOpenElsewhere(volunteer.id, hotlineId)) return;
      const state = this.switchboard.volunteerState(hotlineId, volunteer.id)?.state;
      if (state && state !== 'offline' && state !== 'talking') {
        await this.calls.setPresence(volunteer, 'offline', hotlineId);
        this.logger.log(`A volunteer's console closed; they are offline now`);
      }
    } catch (error) {
      this.logger.warn({ err: messageOf(error) }, 'could not set a departed volunteer offline');
    }
  }

  private graceMs(): number {
    return (this.config.get('CONSOLE_GRACE_SECONDS', { infer: true }) * 1000) / this.clock.speed;
  }

  private async dropAbsent(): Promise<void> {
    for (const { hotlineId, volunteerId } of this.switchboard.onDuty()) {
      try {
        if (await this.consoleOpenElsewhere(volunteerId, hotlineId)) continue;
        const volunteer = await this.volunteers.findOne({
          where: { id: volunteerId },
          relations: { hotlines: true },
        });
        if (volunteer) await this.calls.setPresence(volunteer, 'offline', hotlineId);
      } catch (error) {
        this.logger.warn({ err: messageOf(error) }, 'could not set an absent volunteer offline');
      }
    }
  }

  /** Several instances: the volunteer may have reconnected to another one during the grace period. */
  private async consoleOpenElsewhere(volunteerId: string, hotlineId: string): Promise<boolean> {
    if (!this.cluster?.enabled || !this.server) return false;
    const sockets = await this.server.in(volunteerRoom(volunteerId)).fetchSockets();
    return sockets.some((socket) => socket.data.hotlineId === hotlineId);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const message =
      typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
    return Array.isArray(message) ? message.join('; ') : (message ?? error.message);
  }
  return error instanceof Error ? error.message : String(error);
}
