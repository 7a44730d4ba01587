import {
  HttpException,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment';
import { LeaderLease } from './leader-lease';

/** What a new leader does to take the routing over, and what a leader does on losing it. */
export interface Leadership {
  takeOver(): Promise<void>;
  standDown(): void;
}

type Handler = (args: never) => Promise<unknown> | unknown;

/**
 * What instances say to each other on one subject, typed for both ends: each request to the
 * leader (method → its arguments and result) and each broadcast (topic → its payload).
 */
export interface Protocol {
  requests: Record<string, { args: unknown; result: unknown }>;
  broadcasts: Record<string, unknown>;
}

export interface AskOptions {
  /** How long a leader that took the request may take to answer. */
  timeoutMs?: number;
  /** How long to ask again while there is no leader. */
  patienceMs?: number;
}

/** The cluster's requests and broadcasts, held to one protocol's names and types. */
export interface ProtocolLine<P extends Protocol> {
  handle<M extends keyof P['requests'] & string>(
    method: M,
    handler: (
      args: P['requests'][M]['args'],
    ) => Promise<P['requests'][M]['result']> | P['requests'][M]['result'],
  ): void;
  askLeader<M extends keyof P['requests'] & string>(
    method: M,
    args: P['requests'][M]['args'],
    options?: AskOptions,
  ): Promise<P['requests'][M]['result']>;
  broadcast<T extends keyof P['broadcasts'] & string>(topic: T, payload: P['broadcasts'][T]): void;
  on<T extends keyof P['broadcasts'] & string>(
    topic: T,
    listener: (payload: P['broadcasts'][T]) => void,
  ): void;
}

interface Request {
  id: string;
  method: string;
  args: unknown;
  replyTo: string;
}

type Reply =
  | { id: string; ok: true; value: unknown }
  | { id: string; ok: false; status: number; response: string | object }
  /** The receiver is no longer the leader: ask again. */
  | { id: string; retry: true };

interface Broadcast {
  from: string;
  topic: string;
  payload: unknown;
}

/** No leader answered in time: during a failover, for at most the lease's duration. */
export class LeaderUnavailableException extends ServiceUnavailableException {
  constructor() {
    super('The switchboard is moving to another server; try again in a few seconds.');
  }
}

/**
 * This server among several (REDIS_URL set): the routing leader's lease, requests to the
 * leader with their replies, and broadcasts to every instance, all over Redis. Without
 * REDIS_URL there is one instance, it always leads, and nothing here touches the network.
 */
@Injectable()
export class Cluster implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Cluster');
  readonly enabled: boolean;
  readonly instanceId: string;
  readonly leaseMs: number;
  private readonly prefix: string;
  private readonly handlers = new Map<string, Handler>();
  private readonly listeners = new Map<string, ((payload: never) => void)[]>();
  private readonly waiting = new Map<string, (reply: Reply) => void>();
  private readonly leadingListeners: (() => void)[] = [];
  private commands?: Redis;
  private subscriber?: Redis;
  private lease?: LeaderLease;
  private leadership?: Leadership;
  /** True once the takeover is done and requests are being served. */
  private serving = false;

  constructor(private readonly config: ConfigService<Environment, true>) {
    this.enabled = Boolean(config.get('REDIS_URL', { infer: true }));
    this.instanceId =
      config.get('INSTANCE_ID', { infer: true }) ?? `hotline-${randomUUID().slice(0, 8)}`;
    this.leaseMs = config.get('LEADER_LEASE_MS', { infer: true });
    this.prefix = config.get('REDIS_KEY_PREFIX', { infer: true });
  }

  /** The one instance leads; among several, the holder of the lease once it has taken over. */
  get isLeader(): boolean {
    return !this.enabled || (this.serving && (this.lease?.held ?? false));
  }

  /**
   * The epoch drawn with this instance's last lease win, which the routing writes carry (see
   * `RoutingFence`); undefined with one instance, whose writes are not fenced.
   */
  get epoch(): number | undefined {
    return this.enabled ? (this.lease?.epoch ?? 0) : undefined;
  }

  /** The database refused this leader's writes, since a later one has written: stand down. */
  superseded(): void {
    if (!this.lease?.held) return;
    this.logger.warn(`Instance ${this.instanceId} was superseded as routing leader; standing down`);
    this.lease.superseded();
  }

  /** Another instance leads: routing work goes there. */
  get follower(): boolean {
    return this.enabled && !this.isLeader;
  }

  /** For monitoring: `single` without REDIS_URL, else whether this instance leads now. */
  role(): 'single' | 'leader' | 'follower' {
    return this.enabled ? (this.isLeader ? 'leader' : 'follower') : 'single';
  }

  /**
   * The shared Redis connection (commands fail within a second rather than wait), for state
   * the instances share; undefined with one instance, or before it has joined.
   */
  get redis(): Redis | undefined {
    return this.commands;
  }

  /** `name` under this cluster's `REDIS_KEY_PREFIX`, so clusters sharing a Redis stay apart. */
  key(name: string): string {
    return this.channel(name);
  }

  /** The prefix of the socket.io adapter's channels, so clusters sharing a Redis stay apart. */
  get socketKey(): string {
    return `${this.prefix}:socket.io`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    const url = this.config.get('REDIS_URL', { infer: true })!;
    const options = {
      lazyConnect: true,
      // A command fails rather than waits while Redis is away; the lease treats that as lost.
      commandTimeout: Math.min(1000, Math.floor(this.leaseMs / 3)),
      maxRetriesPerRequest: 1,
    };
    this.commands = new Redis(url, { ...options, connectionName: `${this.instanceId}:commands` });
    this.subscriber = new Redis(url, {
      lazyConnect: true,
      connectionName: `${this.instanceId}:subscriber`,
    });
    await Promise.all([this.commands.connect(), this.subscriber.connect()]);
    this.subscriber.on('message', (channel: string, message: string) =>
      this.receive(channel, message),
    );
    await this.subscriber.subscribe(this.channel('all'), this.channel(`reply:${this.instanceId}`));
    this.logger.log(`Instance ${this.instanceId} joined (lease ${this.leaseMs} ms)`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.enabled) return;
    // Give the lease back so another instance takes over at once, not after it expires.
    await this.lease?.stop();
    this.subscriber?.disconnect();
    await this.commands?.quit().catch(() => undefined);
  }

  /** This cluster's requests and broadcasts, typed by `P`. */
  line<P extends Protocol>(): ProtocolLine<P> {
    return {
      handle: (method, handler) => this.handle(method, handler),
      askLeader: (method, args, options) => this.askLeader(method, args, options),
      broadcast: (topic, payload) => this.broadcast(topic, payload),
      on: (topic, listener) => this.on(topic, listener),
    };
  }

  /** Serves `method` for the other instances while this instance leads. */
  handle<A, T>(method: string, handler: (args: A) => Promise<T> | T): void {
    this.handlers.set(method, handler as Handler);
  }

  /** Runs `listener` each time this instance has taken the routing over. */
  whenLeading(listener: () => void): void {
    this.leadingListeners.push(listener);
  }

  /** Runs `listener` for each broadcast on `topic` from another instance. */
  on<P>(topic: string, listener: (payload: P) => void): void {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener as never]);
  }

  /** Tells every other instance; fire and forget. */
  broadcast(topic: string, payload: unknown): void {
    if (!this.enabled) return;
    const message: Broadcast = { from: this.instanceId, topic, payload };
    void this.commands
      ?.publish(this.channel('all'), JSON.stringify(message))
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'broadcast failed'));
  }

  /** Competes for the routing lease; resolves once this instance has taken over or knows it follows. */
  async campaign(leadership: Leadership): Promise<void> {
    if (!this.enabled) return;
    this.leadership = leadership;
    this.lease = new LeaderLease(
      this.commands!,
      this.channel('leader-lease'),
      `${this.instanceId}:${randomUUID()}`,
      this.leaseMs,
      { won: () => this.lead(), lost: () => this.follow() },
    );
    await this.lease.start();
  }

  /**
   * Asks the leader to run `method`, and returns its answer; the leader's own refusals (409,
   * 404...) come back as the same HTTP errors. While there is no leader (a failover) it asks
   * again until `patienceMs`; a leader that took the request but did not answer within
   * `timeoutMs` is not asked twice, since the work may have been done.
   */
  async askLeader<T>(
    method: string,
    args: unknown,
    { timeoutMs = 5000, patienceMs = this.leaseMs * 2 }: AskOptions = {},
  ): Promise<T> {
    const deadline = Date.now() + patienceMs;
    for (;;) {
      const local = this.handlers.get(method);
      if (this.isLeader && local) return (await local(args as never)) as T;
      if (this.enabled) {
        const reply = await this.send(method, args, timeoutMs);
        if (reply && !('retry' in reply)) {
          if (reply.ok) return reply.value as T;
          if (reply.status >= 500) throw new Error(String(reply.response));
          throw new HttpException(reply.response, reply.status);
        }
      }
      if (Date.now() >= deadline) throw new LeaderUnavailableException();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Undefined when no leader listens now (or it was stepping down). */
  private async send(method: string, args: unknown, timeoutMs: number): Promise<Reply | undefined> {
    const request: Request = {
      id: randomUUID(),
      method,
      args,
      replyTo: this.channel(`reply:${this.instanceId}`),
    };
    const reply = new Promise<Reply | 'timeout'>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(request.id);
        resolve('timeout');
      }, timeoutMs);
      this.waiting.set(request.id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
    let receivers = 0;
    try {
      receivers = await this.commands!.publish(this.channel('leader'), JSON.stringify(request));
    } catch {
      receivers = 0;
    }
    if (receivers === 0) {
      this.waiting.get(request.id)?.({ id: request.id, retry: true });
      await reply;
      return undefined;
    }
    const answer = await reply;
    if (answer === 'timeout') throw new LeaderUnavailableException();
    return 'retry' in answer ? undefined : answer;
  }

  private receive(channel: string, message: string): void {
    try {
      if (channel === this.channel('leader')) void this.serve(JSON.parse(message) as Request);
      else if (channel === this.channel('all')) this.heard(JSON.parse(message) as Broadcast);
      else {
        const reply = JSON.parse(message) as Reply;
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        waiter?.(reply);
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'unreadable cluster message');
    }
  }

  private heard(message: Broadcast): void {
    if (message.from === this.instanceId) return;
    for (const listener of this.listeners.get(message.topic) ?? []) {
      try {
        listener(message.payload as never);
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, `${message.topic} handling failed`);
      }
    }
  }

  private async serve(request: Request): Promise<void> {
    const handler = this.handlers.get(request.method);
    let reply: Reply;
    if (!this.isLeader || !handler) {
      reply = { id: request.id, retry: true };
    } else {
      try {
        reply = { id: request.id, ok: true, value: await handler(request.args as never) };
      } catch (error) {
        reply =
          error instanceof HttpException
            ? {
                id: request.id,
                ok: false,
                status: error.getStatus(),
                response: error.getResponse(),
              }
            : { id: request.id, ok: false, status: 500, response: (error as Error).message };
      }
    }
    await this.commands
      ?.publish(request.replyTo, JSON.stringify(reply))
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'reply failed'));
  }

  private async lead(): Promise<void> {
    this.logger.log(`Instance ${this.instanceId} won the routing lease; taking over`);
    await this.leadership!.takeOver();
    if (!this.lease?.held) {
      // Lost while taking over: undo what the takeover started.
      this.leadership!.standDown();
      return;
    }
    this.serving = true;
    // Requests reach only the leader: a follower's publish to an empty channel means "no leader now".
    await this.subscriber!.subscribe(this.channel('leader'));
    this.broadcast('leader', { instanceId: this.instanceId });
    for (const listener of this.leadingListeners) listener();
    this.logger.log(`Instance ${this.instanceId} leads the routing`);
  }

  private follow(): void {
    const wasServing = this.serving;
    this.serving = false;
    void this.subscriber?.unsubscribe(this.channel('leader')).catch(() => undefined);
    this.leadership?.standDown();
    if (wasServing) this.logger.warn(`Instance ${this.instanceId} lost the routing lease`);
  }

  private channel(name: string): string {
    return `${this.prefix}:${name}`;
  }
}
