/**
 * Owns the console's socket: keeps the live state current from snapshots and change frames,
 * resynchronises after a gap, and sends commands with acknowledgements. React reads it through
 * `useConsole` (useSyncExternalStore); the state rules themselves live in live-state.ts.
 */
import { io, type Socket } from 'socket.io-client';
import {
  CONSOLE_NAMESPACE,
  type Ack,
  type CallbackAttemptLive,
  type ClientEvents,
  type ContactFields,
  type InCallMode,
  type LiveCall,
  type Me,
  type Presence,
  type QueueSnapshot,
  type RingingOffer,
  type ServerEvents,
} from '@hotline/console-protocol';
import { type ChatError, type LiveChat, TypingShown } from '@hotline/chat-protocol';
import {
  applyChatEnded,
  applyChatMessage,
  applyChatTyping,
  applyLiveChat,
  dropChat,
  receiveLiveChat,
} from './live-chats';
import {
  type ChangesFrame,
  type LiveState,
  applyFrame,
  applyLiveCall,
  applyLiveCallEnded,
  applySnapshot,
  applyMe,
  applyRinging,
  applyWithdrawn,
  clockOffset,
} from './live-state';

export type ConsoleSocket = Socket<ServerEvents, ClientEvents>;
/** How a supervisor is in a call they joined. */
export type MonitorMode = Exclude<InCallMode, 'talk' | 'consult'>;

/** Someone available to take my caller in a warm transfer. */
export interface Colleague {
  id: string;
  name: string;
  role: 'volunteer' | 'supervisor';
}
/** The socket with an ack deadline: `emitWithAck` rejects when the server does not answer. */
type TimedSocket = ReturnType<ConsoleSocket['timeout']>;
export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type Notice =
  | { kind: 'error'; reason: string }
  | { kind: 'noAnswer' }
  | { kind: 'withdrawn'; reason: string }
  /** My contact record opened a crisis case (high risk): the supervisors have been alerted. */
  | { kind: 'crisisOpened'; caseId: string }
  /** I pressed "crisis now" (in a call, or a chat): the case is open, the supervisors alerted. */
  | { kind: 'crisisNow'; caseId: string; chat?: true };

/** The call whose contact record I owe, and what the voice menu learnt about its caller. */
export interface RecordDue {
  /** Null if neither the server nor an accepted offer named the call (the server then refuses). */
  callId: string | null;
  callerType: string | null;
  topic: string | null;
}

/** A wrap-up submission: on failure the server's reason, or null when it did not answer. */
export type WrapUpResult =
  { ok: true; crisisCaseId?: string } | { ok: false; error: string | null };

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
  /** The offer I last accepted: what wrap-up is about if the server has not said, and its caller. */
  acceptedOffer: RingingOffer | null;
  /**
   * The contact record to write: set when wrap-up begins, cleared once it is recorded (or the
   * volunteer leaves it). It outlives a wrap-up that ran out: a late record is still taken.
   */
  recordDue: RecordDue | null;
  notice: Notice | null;
  busy: boolean;
  /**
   * The call I sent back to the queue: its record follows whoever takes it next, so the pause
   * after it asks me for none.
   */
  handedOver: string | null;
  /** The call-back I am making, as its last step told (`callback.attempt`). */
  callbackAttempt: CallbackAttemptLive | null;
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
    acceptedOffer: null,
    recordDue: null,
    notice: null,
    busy: false,
    handedOver: null,
    callbackAttempt: null,
  };
  private readonly listeners = new Set<() => void>();
  /** The best lower bound of the server clock's offset we have seen; null until any. */
  private provenOffset: number | null = null;
  /** Frames that arrive while a snapshot is on its way: applied after it, if still new. */
  private held: ChangesFrame[] | null = null;
  private readonly typingShown = new Map<string, TypingShown>();

  constructor(private readonly token: string) {
    this.socket = io(CONSOLE_NAMESPACE, { auth: { token }, autoConnect: false });
    this.listen();
  }

  private softphoneRegistered = false;

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
    const offer = this.model.live?.offer?.offerId === offerId ? this.model.live.offer : null;
    // A chat rings no phone and owes a record of its own (`chat.wrapup`).
    if (offer?.channel !== 'chat') this.update({ acceptedAt: Date.now(), acceptedOffer: offer });
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

  /**
   * Records the contact of the call and so ends wrap-up. A refusal is the form's to show (it
   * names the field), so it does not become the page's notice.
   */
  async finishWrapUp(callId: string, contact: ContactFields): Promise<WrapUpResult> {
    const sent = await this.send(
      (socket) => socket.emitWithAck('wrapup.submit', { callId, contact }),
      (result) => {
        this.update({ recordDue: null });
        this.receiveMe(result.me);
      },
    );
    if (!sent.ok) return sent;
    const { crisisCaseId } = sent.result;
    this.update({
      notice: crisisCaseId ? { kind: 'crisisOpened', caseId: crisisCaseId } : null,
    });
    return { ok: true, crisisCaseId };
  }

  /** The volunteer gives up on a record whose wrap-up already ran out. */
  dropLateRecord(): void {
    if (this.model.live?.me.state !== 'wrap_up') this.update({ recordDue: null });
  }

  reoffer(callId: string, volunteerId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('call.reoffer', { callId, volunteerId }),
      () => undefined,
    );
  }

  moveVolunteer(volunteerId: string, state: 'available' | 'break' | 'offline'): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('volunteer.presence', { volunteerId, state }),
      () => undefined,
    );
  }

  /** "Crisis now" from the call I am in. */
  crisisNow(callId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('call.crisis', { callId }),
      () => undefined,
      (result) => ({ kind: 'crisisNow', caseId: result.crisisCaseId }),
    );
  }

  acknowledgeAlert(alertId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('alert.acknowledge', { alertId }),
      () => undefined,
    );
  }

  /** A supervisor joins a call (their phone or softphone rings) or switches how they are in it. */
  monitor(callId: string, mode: MonitorMode): Promise<boolean> {
    return this.request('POST', `/api/calls/${callId}/monitor`, { mode });
  }

  /** A supervisor leaves the call they joined. */
  leaveCall(callId: string): Promise<boolean> {
    return this.request('DELETE', `/api/calls/${callId}/monitor`);
  }

  /** The volunteer puts the caller on hold (hold music) or takes them back. */
  hold(callId: string, on: boolean): Promise<boolean> {
    return this.request('POST', `/api/calls/${callId}/hold`, { on });
  }

  /** The volunteer mutes or unmutes themself. */
  mute(callId: string, on: boolean): Promise<boolean> {
    return this.request('POST', `/api/calls/${callId}/mute`, { on });
  }

  /** The volunteer sends the caller back to the queue for a top-level topic; they go to wrap-up. */
  transferToQueue(callId: string, topic: string): Promise<boolean> {
    return this.handOver(callId, `/api/calls/${callId}/transfer`, { kind: 'cold', topic });
  }

  /** The caller leaves me (to the queue or to a colleague): the pause after asks no record. */
  private async handOver(callId: string, path: string, body?: object): Promise<boolean> {
    // Before the request: the wrap-up it starts may reach me before its answer does.
    this.update({ handedOver: callId });
    const done = await this.request('POST', path, body);
    if (!done) this.update({ handedOver: null });
    return done;
  }

  /** Whom I may transfer my caller to (warm): those available on its hotline now. */
  async colleagues(callId: string): Promise<Colleague[]> {
    const response = await fetch(`/api/calls/${callId}/colleagues`, {
      headers: { Authorization: `Bearer ${this.token}` },
    }).catch(() => null);
    return response?.ok ? ((await response.json()) as Colleague[]) : [];
  }

  /** A warm transfer: the caller on hold, the colleague is rung into the call to talk first. */
  warmTransfer(callId: string, volunteerId: string): Promise<boolean> {
    return this.request('POST', `/api/calls/${callId}/transfer`, { kind: 'warm', volunteerId });
  }

  /** The warm transfer ends: the caller handed over to the colleague, or taken back. */
  endWarmTransfer(callId: string, complete: boolean): Promise<boolean> {
    return complete
      ? this.handOver(callId, `/api/calls/${callId}/transfer/complete`)
      : this.request('POST', `/api/calls/${callId}/transfer/cancel`);
  }

  /**
   * A message to a chat I hold. Not a command that makes the whole console busy: the panel
   * keeps the text until the server has stored it, and shows a refusal itself.
   */
  async sendChat(
    chatId: string,
    text: string,
  ): Promise<{ ok: true } | { ok: false; error: ChatError | null }> {
    const result = await this.ask((socket) => socket.emitWithAck('chat.send', { chatId, text }));
    if (!result) return { ok: false, error: null };
    if (!result.ok) return { ok: false, error: result.error };
    this.changeChats((chats) => applyChatMessage(chats, chatId, result.message));
    return { ok: true };
  }

  /** I started or stopped typing in a chat: worth nothing later, so never queued. */
  chatTyping(chatId: string, typing: boolean): void {
    if (this.socket.connected) this.socket.volatile.emit('chat.typing', { chatId, typing });
  }

  /** I end my chat; its wrap-up follows. */
  endChat(chatId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('chat.end', { chatId }),
      () => undefined,
    );
  }

  /** My chat goes to an available colleague or back to the queue; it asks me for no record. */
  transferChat(chatId: string, to: { volunteerId: string } | 'queue'): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('chat.transfer', { chatId, to }),
      () => this.changeChats((chats) => dropChat(chats, chatId)),
    );
  }

  /** "Crisis now" from a chat I hold. */
  chatCrisis(chatId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('chat.crisis', { chatId }),
      () => undefined,
      (result) => ({ kind: 'crisisNow', caseId: result.crisisCaseId, chat: true }),
    );
  }

  /** A supervisor reads a live chat from the wall and joins it (the read is audited). */
  joinChat(chatId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('chat.join', { chatId }),
      (result) => this.changeChats((chats) => applyLiveChat(chats, result.chat)),
    );
  }

  /** A supervisor leaves a chat they joined; its volunteer keeps it. */
  leaveChat(chatId: string): Promise<boolean> {
    return this.command(
      (socket) => socket.emitWithAck('chat.leave', { chatId }),
      () => this.changeChats((chats) => dropChat(chats, chatId)),
    );
  }

  /** Records the contact of a chat that ended (channel online, its transcript attached). */
  async finishChatWrapUp(chatId: string, contact: ContactFields): Promise<WrapUpResult> {
    const sent = await this.send(
      (socket) => socket.emitWithAck('chat.wrapup', { chatId, contact }),
      (result) => {
        this.receiveMe(result.me);
        this.changeChats((chats) => dropChat(chats, chatId));
      },
    );
    if (!sent.ok) return sent;
    const { crisisCaseId } = sent.result;
    this.update({
      notice: crisisCaseId ? { kind: 'crisisOpened', caseId: crisisCaseId } : null,
    });
    return { ok: true, crisisCaseId };
  }

  /** Whom I may pass my chat to now, as the engine sees them (none when the server cannot say). */
  async chatColleagues(chatId: string): Promise<Colleague[]> {
    const ack = await this.ask((socket) => socket.emitWithAck('chat.colleagues', { chatId }));
    return ack?.ok ? ack.colleagues : [];
  }

  /** A closed chat whose record is not mine to write (or no longer due) leaves the desk. */
  closeChat(chatId: string): void {
    this.changeChats((chats) => dropChat(chats, chatId));
  }

  /** A chat's writer typing as shown: it lapses when no signal renews it. */
  private writerTyping(chatId: string): TypingShown {
    let shown = this.typingShown.get(chatId);
    if (!shown) {
      shown = new TypingShown((typing) =>
        this.changeChats((chats) => applyChatTyping(chats, chatId, typing)),
      );
      this.typingShown.set(chatId, shown);
    }
    return shown;
  }

  private changeChats(change: (chats: LiveChat[]) => LiveChat[]): void {
    const live = this.model.live;
    if (!live) return;
    const chats = change(live.chats ?? []);
    this.update({ live: { ...live, chats } });
  }

  /** An API request; its refusal becomes the page's notice, a live call it returns is mine. */
  private async request(method: string, path: string, body?: object): Promise<boolean> {
    this.update({ busy: true });
    try {
      const response = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${this.token}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const answer = (await response.json().catch(() => null)) as
        (Partial<LiveCall> & { message?: string | string[] }) | null;
      if (!response.ok) {
        const reason = [answer?.message ?? response.statusText].flat().join(' ');
        this.update({ busy: false, notice: { kind: 'error', reason } });
        return false;
      }
      this.update({
        busy: false,
        notice: null,
        ...(answer?.callId && this.model.live
          ? { live: applyLiveCall(this.model.live, answer as LiveCall) }
          : {}),
      });
      return true;
    } catch {
      this.update({ busy: false, notice: { kind: 'noAnswer' } });
      return false;
    }
  }

  private listen(): void {
    const socket = this.socket;
    socket.on('connect', () => {
      this.update({ connection: 'connected', refused: null });
      if (this.softphoneRegistered) void this.sendSoftphone();
    });
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
    socket.on('call.live', (call) => {
      const live = this.model.live;
      if (live) this.update({ live: applyLiveCall(live, call) });
    });
    socket.on('callback.attempt', (attempt) => this.update({ callbackAttempt: attempt }));
    socket.on('call.live.ended', ({ callId }) => {
      const live = this.model.live;
      if (live) this.update({ live: applyLiveCallEnded(live, callId) });
    });
    socket.on('chat.live', (chat) => {
      const live = this.model.live;
      if (live) this.update({ live: receiveLiveChat(live, chat) });
    });
    socket.on('chat.message', ({ chatId, message }) =>
      this.changeChats((chats) => applyChatMessage(chats, chatId, message)),
    );
    socket.on('chat.typing', ({ chatId, typing }) => this.writerTyping(chatId).heard(typing));
    socket.on('chat.live.ended', ({ chatId, reason }) => {
      this.typingShown.get(chatId)?.stop();
      this.typingShown.delete(chatId);
      const meId = this.model.live?.me.id ?? '';
      this.changeChats((chats) => applyChatEnded(chats, chatId, reason, meId));
    });
  }

  private receiveSnapshot(snapshot: QueueSnapshot): void {
    // A server that says what time it is makes waits exact; otherwise we learn it from changes.
    this.prove(snapshot.now, true);
    const held = this.held ?? [];
    this.held = null;
    this.update({
      live: applySnapshot(this.model.live, snapshot),
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
    // No answer: the reconnect that usually follows brings a snapshot anyway.
    const result = await this.ask((socket) => socket.emitWithAck('snapshot.get', {}));
    if (result?.ok) {
      this.receiveSnapshot(result.snapshot);
      return;
    }
    this.held = null;
  }

  /**
   * This console's softphone registered or stopped: the server rings it only while it knows.
   * Reported again after every reconnect (the registration lives on the socket).
   */
  reportSoftphone(registered: boolean): void {
    if (this.softphoneRegistered === registered) return;
    this.softphoneRegistered = registered;
    void this.sendSoftphone();
  }

  private async sendSoftphone(): Promise<void> {
    if (!this.socket.connected) return;
    // No answer: the next connect reports again.
    const result = await this.ask((socket) =>
      socket.emitWithAck('softphone.registered', { registered: this.softphoneRegistered }),
    );
    if (result?.ok) this.receiveMe(result.me);
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

  /**
   * A command whose refusal (or silence) becomes the page's notice; `noticeOf` says what its
   * success is worth telling, if anything.
   */
  private async command<T>(
    send: (socket: TimedSocket) => Promise<Ack<T>>,
    onSuccess: (result: { ok: true } & T) => void,
    noticeOf: (result: { ok: true } & T) => Notice | null = () => null,
  ): Promise<boolean> {
    const sent = await this.send(send, onSuccess);
    this.update({
      notice: sent.ok
        ? noticeOf(sent.result)
        : sent.error === null
          ? { kind: 'noAnswer' }
          : { kind: 'error', reason: sent.error },
    });
    return sent.ok;
  }

  /** A request the console waits on without going busy; null when no answer came in time. */
  private async ask<R>(send: (socket: TimedSocket) => Promise<R>): Promise<R | null> {
    try {
      return await send(this.socket.timeout(ACK_TIMEOUT_MS));
    } catch {
      return null;
    }
  }

  /** Sends a command and waits for its ack; busy meanwhile. */
  private async send<T>(
    send: (socket: TimedSocket) => Promise<Ack<T>>,
    onSuccess: (result: { ok: true } & T) => void,
  ): Promise<{ ok: true; result: { ok: true } & T } | { ok: false; error: string | null }> {
    this.update({ busy: true });
    try {
      const result = await send(this.socket.timeout(ACK_TIMEOUT_MS));
      if (result.ok) onSuccess(result);
      this.update({ busy: false });
      return result.ok ? { ok: true, result } : { ok: false, error: result.error };
    } catch {
      this.update({ busy: false });
      return { ok: false, error: null };
    }
  }

  private update(patch: Partial<ConsoleModel>): void {
    const model = { ...this.model, ...patch };
    if ('live' in patch) model.recordDue = recordDueAfter(model);
    this.model = model;
    for (const listener of this.listeners) listener();
  }
}

/** Entering wrap-up (or a snapshot taken in it) makes a record due; anything else leaves it be. */
function recordDueAfter(model: ConsoleModel): RecordDue | null {
  const me = model.live?.me;
  // A call-back's record is written on the call-back desk.
  if (me?.callbackId) return null;
  if (me?.state !== 'wrap_up') return model.recordDue;
  // A wrap-up after chats asks for the chats' records, not a call's.
  if ((me.wrapUpChatIds?.length ?? 0) > 0 && !me.wrapUpCallId) return model.recordDue;
  const accepted = model.acceptedOffer;
  const callId = me.wrapUpCallId ?? accepted?.callId ?? null;
  if (callId !== null && callId === model.handedOver) return null;
  if (model.recordDue && model.recordDue.callId === callId) return model.recordDue;
  const known = accepted && accepted.callId === callId ? accepted : null;
  return { callId, callerType: known?.callerType ?? null, topic: known?.topic ?? null };
}
