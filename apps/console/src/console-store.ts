/**
 * Owns the console's socket: keeps the live state current from snapshots and change frames,
 * resynchronises after a gap, and sends commands with acknowledgements. React reads it through
 * `useConsole` (useSyncExternalStore); the state rules themselves live in live-state.ts.
 */
import { io, type Socket } from 'socket.io-client';
import {
  CONSOLE_NAMESPACE,
  type Ack,
  type ClientEvents,
  type Me,
  type Presence,
  type QueueSnapshot,
  type ServerEvents,
} from '@hotline/console-protocol';
import {
  type ChangesFrame,
  type LiveState,
  applyFrame,
  applyMe,
  applyRinging,
  applyWithdrawn,
  clockOffset,
} from './live-state';

export type ConsoleSocket = Socket<ServerEvents, ClientEvents>;
/** The socket with an ack deadline: `emitWithAck` rejects when the server does not answer. */
type TimedSocket = ReturnType<ConsoleSocket['timeout']>;
export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type Notice =
  { kind: 'error'; reason: string } | { kind: 'noAnswer' } | { kind: 'withdrawn'; reason: string };

export interface ConsoleModel {
  connection: Connection;
  /** Why the server refused the connection; socket.io does not retry then. */
  refused: string | null;
  live: LiveState | null;
  /** Server clock minus browser clock (ms); the server may run a simulated clock. */
  offset: number;
  /** When the ringing offer reached us (browser clock), to keep its wait ticking. */
  offerSeenAt: number;
  /** When I last accepted an offer (browser clock): the softphone answers the call that follows. */
  acceptedAt: number | null;
  /** The call of the offer I last accepted: what wrap-up is about if the server has not said. */
  acceptedCallId: string | null;
  notice: Notice | null;
  busy: boolean;
}

const ACK_TIMEOUT_MS = 10_000;

export class ConsoleStore {
  private readonly socket: ConsoleSocket;
  private model: ConsoleModel = {
    connection: 'connecting',
    refused: null,
    live: null,
    offset: 0,
    offerSeenAt: 0,
    acceptedAt: null,
    acceptedCallId: null,
    notice: null,
    busy: false,
  };
  private readonly listeners = new Set<() => void>();
  /** The best lower bound of the server clock's offset we have seen; null until any. */
  private provenOffset: number | null = null;
  /** Frames that arrive while a snapshot is on its way: applied after it, if still new. */
  private held: ChangesFrame[] | null = null;

  constructor(token: string) {
    this.socket = io(CONSOLE_NAMESPACE, { auth: { token }, autoConnect: false });
    this.listen();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getModel = (): ConsoleModel => this.model;

  start(): void {
    this.socket.connect();
  }

  /** Closes the socket; `start` may open it again (React's strict mode does exactly that). */
  stop(): void {
    this.socket.disconnect();
  }

  retry(): void {
    this.update({ refused: null, connection: 'connecting' });
    this.socket.connect();
  }

  dismissNotice(): void {
    this.update({ notice: null });
  }

  setPresence(state: Presence): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('presence.set', { state }),
      (result) => this.receiveMe(result.me),
    );
  }

  accept(offerId: string): Promise<boolean> {
    const callId =
      this.model.live?.offer?.offerId === offerId ? this.model.live.offer.callId : null;
    this.update({ acceptedAt: Date.now(), acceptedCallId: callId });
    return this.command(
      (socket) => socket.emitWithAck('offer.accept', { offerId }),
      () => undefined,
    );
  }

  decline(offerId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('offer.decline', { offerId }),
      () => this.update({ live: this.model.live && applyWithdrawn(this.model.live, offerId) }),
    );
  }

  finishWrapUp(callId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('wrapup.submit', { callId }),
      (result) => this.receiveMe(result.me),
    );
  }

  reoffer(callId: string, volunteerId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('call.reoffer', { callId, volunteerId }),
      () => undefined,
    );
  }

  moveVolunteer(volunteerId: string, state: 'break' | 'offline'): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('volunteer.presence', { volunteerId, state }),
      () => undefined,
    );
  }

  acknowledgeAlert(alertId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('alert.acknowledge', { alertId }),
      () => undefined,
    );
  }

  private listen(): void {
    const socket = this.socket;
    socket.on('connect', () => this.update({ connection: 'connected', refused: null }));
    socket.on('disconnect', (reason) => {
      // The server closing us is not retried by socket.io; a network drop is.
      if (reason === 'io server disconnect') socket.connect();
      this.update({ connection: reason === 'io client disconnect' ? 'offline' : 'reconnecting' });
    });
    socket.on('connect_error', (error) => {
      if (!socket.active) this.update({ connection: 'offline', refused: error.message });
      else if (this.model.connection !== 'connecting') this.update({ connection: 'reconnecting' });
    });
    socket.on('queue.snapshot', (snapshot) => this.receiveSnapshot(snapshot));
    socket.on('queue.changes', (frame) => this.receiveFrame(frame));
    socket.on('offer.ringing', (offer) => {
      if (!this.model.live) return; // the snapshot that follows holds it
      this.update({ live: applyRinging(this.model.live, offer), offerSeenAt: Date.now() });
    });
    socket.on('offer.withdrawn', ({ offerId, reason }) => {
      const live = this.model.live;
      if (!live || live.offer?.offerId !== offerId) return;
      this.update({
        live: applyWithdrawn(live, offerId),
        notice: reason === 'declined' ? this.model.notice : { kind: 'withdrawn', reason },
      });
    });
    socket.on('me.state', (me) => this.receiveMe(me));
  }

  private receiveSnapshot(snapshot: QueueSnapshot): void {
    // A server that says what time it is makes waits exact; otherwise we learn it from changes.
    this.prove(snapshot.now, true);
    const held = this.held ?? [];
    this.held = null;
    this.update({
      live: snapshot,
      offerSeenAt: snapshot.offer ? Date.now() : this.model.offerSeenAt,
    });
    for (const frame of held) this.receiveFrame(frame);
  }

  private receiveFrame(frame: ChangesFrame): void {
    if (this.held) {
      this.held.push(frame);
      return;
    }
    const live = this.model.live;
    if (!live) return; // a snapshot is on its way (sent on every connect)
    const result = applyFrame(live, frame);
    if (result.kind === 'applied') {
      if (result.serverNow) this.prove(result.serverNow);
      this.update({ live: result.state });
    } else if (result.kind === 'gap') {
      void this.resynchronise();
    }
  }

  /** We missed changes: fetch the whole state again rather than guess. */
  private async resynchronise(): Promise<void> {
    this.held = [];
    try {
      const result = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('snapshot.get', {});
      if (result.ok) {
        this.receiveSnapshot(result.snapshot);
        return;
      }
    } catch {
      // No answer: the reconnect that usually follows brings a snapshot anyway.
    }
    this.held = null;
  }

  private receiveMe(me: Me): void {
    const live = this.model.live;
    if (!live) return;
    // A new `since` on a state on duty is the server's "now" (an offline one may be a default).
    if (me.since !== live.me.since && me.state !== 'offline') this.prove(me.since);
    this.update({ live: applyMe(live, me) });
  }

  private prove(serverInstant: string, exact = false): void {
    const offset = clockOffset(serverInstant, Date.now());
    if (Number.isNaN(offset)) return;
    this.provenOffset =
      exact || this.provenOffset === null ? offset : Math.max(this.provenOffset, offset);
    this.update({ offset: this.provenOffset });
  }

  private async command<T>(
    send: (socket: TimedSocket) => Promise<Ack<T>>,
    onSuccess: (result: { ok: true } & T) => void,
  ): Promise<boolean> {
    this.update({ busy: true });
    try {
      const result = await send(this.socket.timeout(ACK_TIMEOUT_MS));
      if (result.ok) {
        onSuccess(result);
        this.update({ busy: false, notice: null });
        return true;
      }
      this.update({ busy: false, notice: { kind: 'error', reason: result.error } });
    } catch {
      this.update({ busy: false, notice: { kind: 'noAnswer' } });
    }
    return false;
  }

  private update(patch: Partial<ConsoleModel>): void {
    this.model = { ...this.model, ...patch };
    for (const listener of this.listeners) listener();
  }
}
