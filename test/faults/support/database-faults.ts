import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, Server, Socket, createServer, connect } from 'node:net';

export type ProxyMode = 'pass' | 'drop' | 'freeze';

/**
 * A TCP proxy of the test's own in front of the shared MariaDB, so a test can break the
 * database for this server alone: `pass` forwards, `drop` cuts every connection and refuses
 * new ones, `freeze` accepts and keeps connections but forwards nothing (a hung server),
 * until `pass` again lets what was held through.
 */
export class DatabaseProxy {
  private server?: Server;
  private mode: ProxyMode = 'pass';
  private readonly pairs = new Set<Pair>();

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  set(mode: ProxyMode): void {
    this.mode = mode;
    if (mode === 'drop') for (const pair of [...this.pairs]) pair.close();
    if (mode === 'pass') for (const pair of this.pairs) pair.resume();
  }

  async stop(): Promise<void> {
    for (const pair of [...this.pairs]) pair.close();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private accept(client: Socket): void {
    if (this.mode === 'drop') {
      client.destroy();
      return;
    }
    const pair = new Pair(
      client,
      () => this.mode === 'freeze',
      () => this.connectUpstream(),
    );
    this.pairs.add(pair);
    pair.onClose(() => this.pairs.delete(pair));
  }

  private connectUpstream(): Socket {
    return connect(this.upstreamPort, this.upstreamHost);
  }
}

class Pair {
  private upstream?: Socket;
  private readonly held: { to: 'client' | 'upstream'; chunk: Buffer }[] = [];
  private closed = false;
  private readonly closers: (() => void)[] = [];

  constructor(
    private readonly client: Socket,
    private readonly frozen: () => boolean,
    private readonly open: () => Socket,
  ) {
    client.on('data', (chunk) => this.forward('upstream', chunk));
    client.on('error', () => this.close());
    client.on('close', () => this.close());
    if (!frozen()) this.connect();
  }

  onClose(listener: () => void): void {
    this.closers.push(listener);
  }

  resume(): void {
    if (!this.upstream) this.connect();
    for (const { to, chunk } of this.held.splice(0)) this.write(to, chunk);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.destroy();
    this.upstream?.destroy();
    for (const listener of this.closers) listener();
  }

  private connect(): void {
    this.upstream = this.open();
    this.upstream.on('data', (chunk) => this.forward('client', chunk));
    this.upstream.on('error', () => this.close());
    this.upstream.on('close', () => this.close());
  }

  private forward(to: 'client' | 'upstream', chunk: Buffer): void {
    if (this.frozen() || !this.upstream) this.held.push({ to, chunk });
    else this.write(to, chunk);
  }

  private write(to: 'client' | 'upstream', chunk: Buffer): void {
    if (this.closed) return;
    (to === 'client' ? this.client : this.upstream!).write(chunk);
  }
}

/**
 * A second process holding an SQLite file's write lock (`BEGIN IMMEDIATE`), as
 * `npm run stats:rebuild` or a `sqlite3` shell would, until `release()`.
 */
export class SqliteLockHolder {
  private child?: ChildProcess;

  constructor(private readonly file: string) {}

  async lock(): Promise<void> {
    const script = `
      const db = new (require('better-sqlite3'))(process.argv[1], { timeout: 10000 });
      db.exec('BEGIN IMMEDIATE');
      process.stdout.write('locked\\n');
      process.stdin.on('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
    `;
    const child = spawn(process.execPath, ['-e', script, this.file], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      // Its busy timeout gives up after 10 s; beyond that the holder itself is stuck.
      const stuck = setTimeout(() => {
        child.kill();
        reject(new Error('the lock holder did not take the lock within 15 s'));
      }, 15_000);
      child.stdout!.on('data', (data: Buffer) => {
        if (!data.toString().includes('locked')) return;
        clearTimeout(stuck);
        resolve();
      });
      child.on('exit', (code) => {
        clearTimeout(stuck);
        reject(new Error(`the lock holder exited with ${code}`));
      });
    });
  }

  async release(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin!.write('release\n');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill();
  }
}
