import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io over Redis: a frame sent to a room on one instance reaches the consoles of that
 * room on every instance, and `fetchSockets()` sees the whole cluster. The leader builds the
 * live feed once and every console receives it, wherever it connected.
 */
export class RedisIoAdapter extends IoAdapter {
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly url: string,
    /** The prefix of the adapter's channels (REDIS_KEY_PREFIX), so clusters never hear each other. */
    private readonly key: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    this.publisher = new Redis(this.url, { lazyConnect: true, connectionName: 'socket.io:pub' });
    this.subscriber = this.publisher.duplicate({ connectionName: 'socket.io:sub' });
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(createAdapter(this.publisher, this.subscriber, { key: this.key }));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    this.subscriber?.disconnect();
    await this.publisher?.quit().catch(() => undefined);
  }
}
