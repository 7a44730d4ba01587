import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { Namespace, Socket } from 'socket.io';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import type { ClientEvents, ServerEvents } from '@hotline/console-protocol';
import { AuthService } from '../auth/auth.service';
import { CallsService } from '../calls/calls.service';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { Environment } from '../config/environment';
import { hotlineFor } from '../hotlines/hotline-scope';
import { Cluster } from '../instances/cluster';
import { Volunteer } from '../volunteers/volunteer.entity';
import { messageOf } from './console-commands';
import { volunteerRoom } from './live-feed.service';

export interface ConsoleData {
  token: string;
  volunteerId: string;
  hotlineId: string;
  /** This console's browser softphone is registered (`softphone.registered`). */
  softphone?: boolean;
}

export type ConsoleSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, ConsoleData>;
export type ConsoleNamespace = Namespace<
  ClientEvents,
  ServerEvents,
  Record<string, never>,
  ConsoleData
>;

/**
 * Who has a console open: admits a console on its handshake, and sets a volunteer whose
 * consoles are all gone offline once the grace period has passed.
 */
@Injectable()
export class OpenConsoles implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Console');
  /** Consoles open per volunteer and hotline, and the timers that set them offline when all close. */
  private readonly open = new Map<string, Set<string>>();
  private readonly goneTimers = new Map<string, NodeJS.Timeout>();
  private server?: ConsoleNamespace;
  private dropTimer?: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly calls: CallsService,
    private readonly switchboard: Switchboard,
    private readonly config: ConfigService<Environment, true>,
    @InjectClock() private readonly clock: Clock,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @Optional() private readonly cluster?: Cluster,
  ) {
    // A new leader restored volunteers on duty; those whose console went with the old leader
    // and did not come back within the grace period go offline.
    this.cluster?.whenLeading(() => this.dropAbsentAfterGrace());
  }

  /**
   * A single server that restarted restored the volunteers on duty (see `Takeover`, whose
   * calls module starts before this one): the same grace period lets their consoles
   * reconnect, as after a change of leader.
   */
  onApplicationBootstrap(): void {
    if (this.cluster?.enabled) return;
    // Only those restored: a volunteer who goes on duty later without a console (through the
    // API) is not dropped by this check.
    const restored = this.switchboard.onDuty();
    if (restored.length > 0) this.dropAbsentAfterGrace(restored);
  }

  /** Those on duty (`restored`, or all then) still without a console after the grace go offline. */
  private dropAbsentAfterGrace(restored?: { hotlineId: string; volunteerId: string }[]): void {
    clearTimeout(this.dropTimer);
    this.dropTimer = setTimeout(() => void this.dropAbsent(restored), this.graceMs());
    this.dropTimer.unref();
  }

  attach(server: ConsoleNamespace): void {
    this.server = server;
  }

  onModuleDestroy(): void {
    clearTimeout(this.dropTimer);
    for (const timer of this.goneTimers.values()) clearTimeout(timer);
    this.goneTimers.clear();
  }

  /** Checks the handshake: a valid token, and a hotline the person works for. */
  async admit(socket: ConsoleSocket): Promise<void> {
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

  /** A console of the volunteer is open: whatever grace period ran is over. */
  opened(socket: ConsoleSocket): void {
    const key = keyOf(socket.data);
    clearTimeout(this.goneTimers.get(key));
    this.goneTimers.delete(key);
    this.open.set(key, (this.open.get(key) ?? new Set()).add(socket.id));
  }

  /**
   * A short network drop must not flap the volunteer offline, but a console that is gone must
   * not keep receiving offers: after the grace period with no console open, they go offline.
   */
  closed(socket: ConsoleSocket): void {
    const { hotlineId, volunteerId } = socket.data;
    const key = keyOf(socket.data);
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

  private async leave(token: string, hotlineId: string, volunteerId: string): Promise<void> {
    try {
      // A person whose sessions ended (deactivated, signed out) still goes offline.
      const volunteer =
        (await this.auth.volunteerForToken(token).catch(() => null)) ??
        (await this.volunteers.findOneOrFail({
          where: { id: volunteerId },
          relations: { hotlines: true },
        }));
      if (await this.consoleOpen(volunteer.id, hotlineId)) return;
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

  private async dropAbsent(restored?: { hotlineId: string; volunteerId: string }[]): Promise<void> {
    const now = this.switchboard.onDuty();
    const onDuty = new Set(now.map((one) => keyOf(one)));
    for (const { hotlineId, volunteerId } of restored ?? now) {
      try {
        if (!onDuty.has(keyOf({ hotlineId, volunteerId }))) continue;
        if (await this.consoleOpen(volunteerId, hotlineId)) continue;
        const volunteer = await this.volunteers.findOne({
          where: { id: volunteerId },
          relations: { hotlines: true },
        });
        if (!volunteer) continue;
        await this.calls.setPresence(volunteer, 'offline', hotlineId);
        this.logger.log(`A volunteer on duty did not reconnect within the grace period; offline`);
      } catch (error) {
        this.logger.warn({ err: messageOf(error) }, 'could not set an absent volunteer offline');
      }
    }
  }

  /**
   * The volunteer has a console open on the hotline: here, or (several instances) on another
   * instance they reconnected to during the grace period.
   */
  private async consoleOpen(volunteerId: string, hotlineId: string): Promise<boolean> {
    if (this.open.has(`${hotlineId}:${volunteerId}`)) return true;
    if (!this.cluster?.enabled || !this.server) return false;
    const sockets = await this.server.in(volunteerRoom(volunteerId)).fetchSockets();
    return sockets.some((socket) => socket.data.hotlineId === hotlineId);
  }
}

const keyOf = ({ hotlineId, volunteerId }: Pick<ConsoleData, 'hotlineId' | 'volunteerId'>) =>
  `${hotlineId}:${volunteerId}`;
