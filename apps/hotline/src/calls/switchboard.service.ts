import {
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import {
  ChosenPresence,
  IncomingCall,
  QueuePosition,
  QueueSnapshot,
  RoutingEffect,
  RoutingEngine,
  RoutingError,
  VolunteerView as EngineVolunteer,
  WaitingCallView,
} from '@hotline/routing';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { InjectClock } from '../common/clock.provider';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { startRecurringJob } from '../common/recurring-job';
import { Telephony } from '../telephony/telephony';
import { Cluster } from '../instances/cluster';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { CallSettlement } from './call-settlement';
import { Effect } from './effect-record';
import { EffectRecorder, OfferIds } from './effect-recorder';
import { PresenceChange } from './presence-change.entity';
import { HotlineEvents } from '../events/hotline-events';

/** One hotline's routing engine, the timer that wakes it, and the queue of work on it. */
interface Switchboard {
  hotlineId: string;
  /** The hotline's settings, kept current by `hotline.changed` (for the metrics' queue names). */
  hotline: Hotline;
  engine: RoutingEngine;
  /** Engine work runs one step at a time, so effects reach the database in order. */
  chain: Promise<unknown>;
  timer?: NodeJS.Timeout;
  offers: OfferIds;
}

type Step<T> = { value: T; effects: Effect[] };

export const CONNECT_PATH = '/twilio/voice/connect';
/** A webhook answers without waiting longer than this on the leader (the call is durable first). */
const WEBHOOK_WAIT_MS = 1500;
/** The engine topic of practice calls: no volunteer has it as a skill. */
const TRAINING_TOPIC = 'training';

/**
 * Hosts a routing engine per hotline: feeds it calls and volunteers' actions, carries out
 * what it decides (offers, dequeues), mirrors every change into the database and publishes
 * it for the consoles. The database is the record; the engine is the fast, authoritative
 * queue, rebuilt from the record on start.
 */
@Injectable()
export class SwitchboardService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Switchboard');
  /** Switchboards being opened (loading their hotline) and open ones. */
  private readonly opening = new Map<string, Promise<Switchboard>>();
  private readonly boards = new Map<string, Switchboard>();
  /** Practice calls in the engines now (see `offerTraining`). */
  private readonly trainingCalls = new Set<string>();
  private closing = false;
  /** On a follower: the leader's volunteer states, for the reads that cannot wait (see `shareStates`). */
  private readonly mirror = new Map<string, Map<string, EngineVolunteer>>();
  private stopSweep?: () => void;

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectRepository(PresenceChange) private readonly presence: Repository<PresenceChange>,
    private readonly recorder: EffectRecorder,
    private readonly directory: HotlineDirectory,
    private readonly settlement: CallSettlement,
    private readonly telephony: Telephony,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
    @InjectRepository(Volunteer) private readonly volunteerRows: Repository<Volunteer>,
    /** Several instances (REDIS_URL): only the leader runs the engines; see docs/instances.md. */
    @Optional() private readonly cluster?: Cluster,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.events.on('hotline.changed', ({ hotline }) => this.policyChanged(hotline), this.logger);
    if (this.cluster?.enabled) return this.joinCluster();
    return this.restoreWaitingCalls();
  }

  /** After a restart, callers still waiting get their places back, in their original order. */
  private async restoreWaitingCalls(): Promise<void> {
    const waiting = await this.calls.find({
      where: { status: In(['waiting', 'offered']), training: false },
      order: { queuedAt: 'ASC' },
    });
    if (waiting.length === 0) return;
    const now = this.clock.now().toJSDate();
    await this.offers.update(
      { callId: In(waiting.map((call) => call.id)), result: IsNull() },
      { result: 'restart', endedAt: now },
    );
    await this.calls.update(
      { id: In(waiting.map((call) => call.id)) },
      { status: 'waiting', updatedAt: now },
    );
    for (const call of waiting) {
      const board = await this.board(call.hotlineId);
      board.engine.restore(this.queueEntry(call));
    }
    for (const hotlineId of new Set(waiting.map((call) => call.hotlineId))) {
      await this.run(hotlineId, (engine) => ({ value: undefined, effects: engine.dispatch() }));
    }
    this.logger.log(`Restored ${waiting.length} waiting call(s) to their queues`);
  }

  onModuleDestroy(): void {
    this.closing = true;
    this.stopSweep?.();
    for (const board of this.boards.values()) clearTimeout(board.timer);
  }

  async enqueue(call: Call): Promise<'queued' | 'queue_full' | 'duplicate'> {
    if (this.follower) return this.relayCallStep('enqueue', call, 'queued');
    return this.run(call.hotlineId, (engine) => {
      const result = engine.enqueue(this.queueEntry(call));
      return { value: result.queued ? 'queued' : result.reason, effects: result.effects };
    });
  }

  /**
   * The caller hung up or the conversation ended. A call the engine does not know (it was
   * with a volunteer when the server restarted) gets its outcome from its recorded status.
   */
  async hangUp(call: Call): Promise<void> {
    if (this.follower) return this.relayCallStep('hangUp', call, undefined);
    const known = await this.run(call.hotlineId, (engine) =>
      engine.call(call.id)
        ? { value: true, effects: engine.hangUp(call.id) }
        : { value: false, effects: [] },
    );
    if (known || call.outcome) return;
    const at = this.clock.now().toJSDate();
    await this.settlement.settleCall(call.id, {
      status: 'ended',
      outcome: call.status === 'connecting' || call.status === 'talking' ? 'answered' : 'abandoned',
      endedAt: at,
      updatedAt: at,
    });
  }

  /** The volunteer's phone or browser did not answer: the caller goes back to their place. */
  dialFailed(call: Call): Promise<void> {
    if (this.follower) return this.relayDialFailed(call);
    return this.run(call.hotlineId, (engine) => ({
      value: undefined,
      effects: this.requeue(engine, call),
    }));
  }

  position(call: Call): QueuePosition | undefined {
    return this.loaded(call.hotlineId)?.engine.position(call.id);
  }

  /** The caller's place and expected wait; asks the leader when another instance leads. */
  async placeOf(call: Call): Promise<QueuePosition | undefined> {
    if (!this.follower) return this.position(call);
    return this.cluster!.askLeader<QueuePosition | undefined>(
      'switchboard.position',
      { callId: call.id, hotlineId: call.hotlineId },
      { timeoutMs: WEBHOOK_WAIT_MS, patienceMs: 0 },
    ).catch(() => undefined);
  }

  async snapshot(hotlineId: string): Promise<QueueSnapshot> {
    if (this.follower) return this.cluster!.askLeader('switchboard.snapshot', { hotlineId });
    return (await this.board(hotlineId)).engine.snapshot();
  }

  /** New settings: the engine takes the routing policy (the directory keeps the rest). */
  private async policyChanged(hotline: Hotline): Promise<void> {
    const board = this.loaded(hotline.id);
    if (!board) return;
    board.hotline = hotline;
    if (this.follower) return;
    await this.run(hotline.id, (engine) => ({
      value: undefined,
      effects: engine.setPolicy(hotline.routing),
    }));
  }

  /** A volunteer goes available, on break or offline on one hotline (available on one at a time). */
  async setPresence(
    volunteer: Volunteer,
    hotlineId: string,
    presence: ChosenPresence,
  ): Promise<EngineVolunteer> {
    if (!volunteer.hotlines.some((hotline) => hotline.id === hotlineId)) {
      throw new NotFoundException(`You do not work for hotline ${hotlineId}.`);
    }
    if (this.follower)
      return this.cluster!.askLeader('switchboard.setPresence', {
        volunteerId: volunteer.id,
        hotlineId,
        presence,
      });
    if (presence === 'available') {
      for (const other of volunteer.hotlines.filter((hotline) => hotline.id !== hotlineId)) {
        const state = this.loaded(other.id)?.engine.volunteer(volunteer.id)?.state;
        if (state && state !== 'offline') await this.setPresence(volunteer, other.id, 'offline');
      }
    }
    const skills = [
      ...new Set(volunteer.topicSkills.map((key) => defaultTaxonomy().topLevelOf(key))),
    ];
    // Two steps, so the skills' effects are carried out even when the presence is refused.
    await this.run(hotlineId, (engine) => ({
      value: undefined,
      effects: engine.setVolunteer({ id: volunteer.id, skills }),
    }));
    return this.run(hotlineId, (engine) => {
      const effects = this.refusing(() => engine.setPresence(volunteer.id, presence));
      return { value: engine.volunteer(volunteer.id)!, effects };
    });
  }

  async accept(volunteer: Volunteer, offerId: string): Promise<Call> {
    if (this.follower) {
      const callId = await this.cluster!.askLeader<string>('switchboard.accept', {
        volunteerId: volunteer.id,
        offerId,
      });
      return this.calls.findOneByOrFail({ id: callId });
    }
    const offer = await this.ownOffer(volunteer, offerId);
    const board = await this.board(offer.hotlineId);
    await this.run(offer.hotlineId, (engine) => {
      const engineOfferId = this.liveEngineOffer(board, offerId);
      const effects = this.refusing(() => engine.accept(engineOfferId));
      board.offers.close(engineOfferId);
      return { value: undefined, effects };
    });
    await this.offers.update(offerId, { result: 'accepted', endedAt: this.clock.now().toJSDate() });
    return this.calls.findOneByOrFail({ id: offer.callId });
  }

  async decline(volunteer: Volunteer, offerId: string): Promise<void> {
    if (this.follower)
      return this.cluster!.askLeader('switchboard.decline', { volunteerId: volunteer.id, offerId });
    const offer = await this.ownOffer(volunteer, offerId);
    const board = await this.board(offer.hotlineId);
    await this.run(offer.hotlineId, (engine) => ({
      value: undefined,
      effects: this.refusing(() => engine.decline(this.liveEngineOffer(board, offerId))),
    }));
  }

  /** Ends the volunteer's wrap-up of this call early (the contact record is done). */
  finishWrapUp(volunteer: Volunteer, call: Call): Promise<EngineVolunteer> {
    if (this.follower)
      return this.cluster!.askLeader('switchboard.finishWrapUp', {
        volunteerId: volunteer.id,
        callId: call.id,
      });
    return this.run(call.hotlineId, (engine) => {
      if (engine.volunteer(volunteer.id)?.state !== 'wrap_up') {
        throw new ConflictException('You are not in wrap-up; there is nothing to finish.');
      }
      const effects = engine.finishWrapUp(volunteer.id);
      return { value: engine.volunteer(volunteer.id)!, effects };
    });
  }

  /** A supervisor rings a waiting call on a volunteer they choose. */
  reoffer(hotlineId: string, callId: string, volunteerId: string): Promise<void> {
    if (this.follower)
      return this.cluster!.askLeader('switchboard.reoffer', { hotlineId, callId, volunteerId });
    return this.run(hotlineId, (engine) => ({
      value: undefined,
      effects: this.refusing(
        () => engine.offerTo(callId, volunteerId),
        'That volunteer is not available now, or the call is no longer waiting.',
      ),
    }));
  }

  callView(hotlineId: string, callId: string): WaitingCallView | undefined {
    return this.loaded(hotlineId)?.engine.call(callId);
  }

  /** The offer ringing on this volunteer's console now, if any. */
  async liveOffer(volunteer: Volunteer): Promise<CallOffer | null> {
    if (this.follower) {
      const offerId = await this.cluster!.askLeader<string | null>('switchboard.liveOffer', {
        volunteerId: volunteer.id,
      });
      return offerId ? this.offers.findOneBy({ id: offerId }) : null;
    }
    for (const hotline of volunteer.hotlines) {
      const board = this.loaded(hotline.id);
      const state = board?.engine.volunteer(volunteer.id);
      if (state?.state !== 'offered') continue;
      const offer = await this.offers.findOne({
        where: { volunteerId: volunteer.id, result: IsNull() },
        order: { offeredAt: 'DESC' },
      });
      if (offer && board!.offers.engineOffer(offer.id)) return offer;
    }
    return null;
  }

  /** Who is signed up for the shift running now: the engine offers them calls first. */
  async setOnShift(hotlineId: string, volunteerIds: string[]): Promise<void> {
    // The leader's own roster job keeps its engines current; a follower has none to tell.
    if (this.follower) return;
    await this.run(hotlineId, (engine) => {
      engine.setOnShift(volunteerIds);
      return { value: undefined, effects: [] };
    });
  }

  /** Volunteers on duty and not on a call, on every hotline this leader routes. */
  onDuty(): { hotlineId: string; volunteerId: string }[] {
    return [...this.boards.values()].flatMap((board) =>
      board.engine
        .snapshot()
        .volunteers.filter((volunteer) => !['offline', 'talking'].includes(volunteer.state))
        .map((volunteer) => ({ hotlineId: board.hotlineId, volunteerId: volunteer.id })),
    );
  }

  volunteerState(hotlineId: string, volunteerId: string): EngineVolunteer | undefined {
    if (this.follower) return this.mirror.get(hotlineId)?.get(volunteerId);
    return this.loaded(hotlineId)?.engine.volunteer(volunteerId);
  }

  /** The queues this instance holds now, read-only, for the metrics; opens none. */
  openQueues(): { hotlineId: string; name: string; queue: QueueSnapshot }[] {
    return [...this.boards.values()].map((board) => ({
      hotlineId: board.hotlineId,
      name: board.hotline.name,
      queue: board.engine.snapshot(),
    }));
  }

  /**
   * Rings a practice call on one available volunteer only. The call enters the engine and is
   * offered in one step, so nobody else is ever offered it; its engine topic is a skill no one
   * has, so a lapsed offer does not ring anyone else before `endTraining` takes it out.
   */
  offerTraining(call: Call, volunteerId: string): Promise<void> {
    if (this.follower)
      return this.cluster!.askLeader('switchboard.offerTraining', { callId: call.id, volunteerId });
    return this.run(call.hotlineId, (engine) => {
      if (engine.volunteer(volunteerId)?.state !== 'available') {
        throw new ConflictException(
          'That volunteer is not available now: a practice call rings only an available volunteer.',
        );
      }
      engine.restore({ ...this.queueEntry(call), topic: TRAINING_TOPIC });
      this.trainingCalls.add(call.id);
      return { value: undefined, effects: engine.offerTo(call.id, volunteerId) };
    });
  }

  /** The practice caller hangs up; the volunteer is free at once (no contact record is due). */
  endTraining(call: Call): Promise<void> {
    if (this.follower)
      return this.cluster!.askLeader('switchboard.endTraining', { callId: call.id });
    return this.run(call.hotlineId, (engine) => {
      const volunteerId = engine.call(call.id)?.volunteerId;
      const effects = engine.hangUp(call.id);
      if (volunteerId && engine.volunteer(volunteerId)?.state === 'wrap_up')
        effects.push(...engine.finishWrapUp(volunteerId));
      return { value: undefined, effects };
    });
  }

  isTraining(callId: string): boolean {
    return this.trainingCalls.has(callId);
  }

  private async ownOffer(
    volunteer: Volunteer,
    offerId: string,
  ): Promise<CallOffer & { hotlineId: string }> {
    const offer = await this.offers.findOne({
      where: { id: offerId, volunteerId: volunteer.id },
      relations: { call: true },
    });
    if (!offer) throw new NotFoundException(`No offer ${offerId} for you.`);
    return Object.assign(offer, { hotlineId: offer.call!.hotlineId });
  }

  /**
   * A connecting call whose volunteer could not be reached goes back to its place. One the
   * engine lost in a restart while it was connecting is put back from its record.
   */
  private requeue(engine: RoutingEngine, call: Call): Effect[] {
    const phase = engine.call(call.id)?.phase;
    if (phase === 'connecting')
      return [{ type: 'requeued', callId: call.id }, ...engine.dialFailed(call.id)];
    if (phase !== undefined) return [];
    engine.restore(this.queueEntry(call));
    return [{ type: 'requeued', callId: call.id }, ...engine.dispatch()];
  }

  private queueEntry(call: Call): IncomingCall {
    return {
      callId: call.id,
      topic: call.topic ?? 'other',
      priority: call.priority,
      arrivedAt: (call.queuedAt ?? call.arrivedAt).getTime(),
    };
  }

  private liveEngineOffer(board: Switchboard, offerId: string): string {
    const engineOfferId = board.offers.engineOffer(offerId);
    if (!engineOfferId) throw this.asHttp(new RoutingError('offer_not_live', 'offer is not live'));
    return engineOfferId;
  }

  /** Turns the engine's refusals into answers a console can show. */
  private refusing(operation: () => RoutingEffect[], notAllowed?: string): RoutingEffect[] {
    try {
      return operation();
    } catch (error) {
      if (notAllowed && error instanceof RoutingError && error.code === 'not_allowed') {
        throw new ConflictException(notAllowed);
      }
      throw this.asHttp(error);
    }
  }

  private asHttp(error: unknown): unknown {
    if (!(error instanceof RoutingError)) return error;
    if (error.code === 'offer_not_live') {
      return new ConflictException(
        'This call is no longer being offered to you: it timed out, was withdrawn or the caller hung up.',
      );
    }
    if (error.code === 'not_allowed') {
      return new ConflictException('You cannot change your state while you are on a call.');
    }
    return new NotFoundException(error.message);
  }

  private loaded(hotlineId: string): Switchboard | undefined {
    return this.boards.get(hotlineId);
  }

  private board(hotlineId: string): Promise<Switchboard> {
    const open = this.boards.get(hotlineId);
    if (open) return Promise.resolve(open);
    let board = this.opening.get(hotlineId);
    if (!board) {
      board = this.directory.hotline(hotlineId).then((hotline) => {
        const loaded: Switchboard = {
          hotlineId,
          hotline,
          engine: new RoutingEngine(hotline.routing, () => this.clock.now().toMillis()),
          chain: Promise.resolve(),
          offers: new OfferIds(),
        };
        this.boards.set(hotlineId, loaded);
        this.opening.delete(hotlineId);
        return loaded;
      });
      board.catch(() => this.opening.delete(hotlineId));
      this.opening.set(hotlineId, board);
    }
    return board;
  }

  /** Runs one engine step on a hotline's switchboard, in turn, then carries out its effects. */
  private async run<T>(
    hotlineId: string,
    operation: (engine: RoutingEngine) => Step<T>,
  ): Promise<T> {
    const board = await this.board(hotlineId);
    const connects: Call[] = [];
    const step = board.chain.then(async () => {
      const { value, effects } = operation(board.engine);
      connects.push(...(await this.recorder.record(hotlineId, effects, board.offers)));
      this.shareStates(board, effects);
      this.wake(board);
      return value;
    });
    board.chain = step.catch(() => undefined);
    const value = await step;
    // Twilio is called outside the turn, so a slow API never holds up the other calls.
    for (const call of connects) void this.sendCallerToVolunteer(board, call);
    return value;
  }

  // Several instances (REDIS_URL, docs/instances.md): one leader runs the engines.

  /** Another instance leads: the engines' work is asked of it. */
  private get follower(): boolean {
    return this.cluster?.follower ?? false;
  }

  /** Serves the other instances while leading, and competes for the lease. */
  private async joinCluster(): Promise<void> {
    const cluster = this.cluster!;
    const person = async (id: string) => {
      const volunteer = await this.volunteerRows.findOne({
        where: { id },
        relations: { hotlines: true },
      });
      if (!volunteer) throw new NotFoundException(`No volunteer ${id}.`);
      return volunteer;
    };
    const call = (id: string) => this.calls.findOneByOrFail({ id });
    type CallArgs = { callId: string };
    type OfferArgs = { volunteerId: string; offerId: string };
    cluster.handle('switchboard.enqueue', async ({ callId }: CallArgs) =>
      this.enqueue(await call(callId)),
    );
    cluster.handle('switchboard.hangUp', async ({ callId }: CallArgs) =>
      this.hangUp(await call(callId)),
    );
    cluster.handle('switchboard.dialFailed', async ({ callId }: CallArgs) =>
      this.dialFailed(await call(callId)),
    );
    cluster.handle(
      'switchboard.offerTraining',
      async ({ callId, volunteerId }: CallArgs & { volunteerId: string }) =>
        this.offerTraining(await call(callId), volunteerId),
    );
    cluster.handle('switchboard.endTraining', async ({ callId }: CallArgs) =>
      this.endTraining(await call(callId)),
    );
    cluster.handle(
      'switchboard.position',
      ({ callId, hotlineId }: CallArgs & { hotlineId: string }) =>
        this.loaded(hotlineId)?.engine.position(callId),
    );
    cluster.handle('switchboard.snapshot', ({ hotlineId }: { hotlineId: string }) =>
      this.snapshot(hotlineId),
    );
    cluster.handle(
      'switchboard.setPresence',
      async (args: { volunteerId: string; hotlineId: string; presence: ChosenPresence }) =>
        this.setPresence(await person(args.volunteerId), args.hotlineId, args.presence),
    );
    cluster.handle(
      'switchboard.accept',
      async ({ volunteerId, offerId }: OfferArgs) =>
        (await this.accept(await person(volunteerId), offerId)).id,
    );
    cluster.handle('switchboard.decline', async ({ volunteerId, offerId }: OfferArgs) =>
      this.decline(await person(volunteerId), offerId),
    );
    cluster.handle(
      'switchboard.finishWrapUp',
      async ({ volunteerId, callId }: CallArgs & { volunteerId: string }) =>
        this.finishWrapUp(await person(volunteerId), await call(callId)),
    );
    cluster.handle(
      'switchboard.reoffer',
      (args: { hotlineId: string; callId: string; volunteerId: string }) =>
        this.reoffer(args.hotlineId, args.callId, args.volunteerId),
    );
    cluster.handle(
      'switchboard.liveOffer',
      async ({ volunteerId }: { volunteerId: string }) =>
        (await this.liveOffer(await person(volunteerId)))?.id ?? null,
    );
    cluster.handle('switchboard.states', () =>
      Object.fromEntries(
        [...this.boards.values()].map((board) => [
          board.hotlineId,
          board.engine.snapshot().volunteers,
        ]),
      ),
    );
    cluster.on(
      'switchboard.states',
      (states: { hotlineId: string; volunteers: EngineVolunteer[] }) =>
        this.mirrorStates({ [states.hotlineId]: states.volunteers }),
    );
    cluster.on('leader', () => void this.refreshMirror());
    await cluster.campaign({ takeOver: () => this.takeOver(), standDown: () => this.standDown() });
    if (this.follower) await this.refreshMirror();
    this.stopSweep = startRecurringJob(
      'queue sweep',
      cluster.leaseMs,
      () => this.sweep(),
      this.logger,
    );
  }

  /**
   * The new leader starts from the record, as after a restart: volunteers on duty get their
   * states back (on a call or in wrap-up: break, since the calls they are on finish through
   * their webhooks), then waiting callers their places, and routing resumes.
   */
  private async takeOver(): Promise<void> {
    this.retireEngines();
    this.mirror.clear();
    await this.restoreVolunteers();
    await this.restoreWaitingCalls();
    for (const board of this.boards.values()) {
      await this.run(board.hotlineId, (engine) => ({
        value: undefined,
        effects: engine.dispatch(),
      }));
    }
  }

  /** Lost the lease: stop at once, keeping the last states known for the reads until the new leader's come. */
  private standDown(): void {
    for (const board of this.boards.values()) {
      this.mirrorStates({ [board.hotlineId]: board.engine.snapshot().volunteers });
    }
    this.retireEngines();
  }

  /** Drops every engine (their timers too); a detached board's late step arms no timer (see `wake`). */
  private retireEngines(): void {
    for (const board of this.boards.values()) clearTimeout(board.timer);
    this.boards.clear();
  }

  /** Each volunteer's last recorded state on each hotline, from `presence_change`. */
  private async restoreVolunteers(): Promise<void> {
    const latest: { hotline_id: string; volunteer_id: string; state: string }[] =
      await this.presence.query(
        `SELECT p.hotline_id, p.volunteer_id, p.state FROM presence_change p
         WHERE p.state <> 'offline' AND p.changed_at = (
           SELECT MAX(q.changed_at) FROM presence_change q
           WHERE q.hotline_id = p.hotline_id AND q.volunteer_id = p.volunteer_id)`,
      );
    if (latest.length === 0) return;
    const people = await this.volunteerRows.find({
      where: { id: In([...new Set(latest.map((row) => row.volunteer_id))]), active: true },
      relations: { hotlines: true },
    });
    let restored = 0;
    for (const row of latest) {
      const volunteer = people.find((person) => person.id === row.volunteer_id);
      if (!volunteer?.hotlines.some((hotline) => hotline.id === row.hotline_id)) continue;
      const presence: ChosenPresence =
        row.state === 'available' || row.state === 'offered' ? 'available' : 'break';
      const skills = [
        ...new Set(volunteer.topicSkills.map((key) => defaultTaxonomy().topLevelOf(key))),
      ];
      await this.run(row.hotline_id, (engine) => {
        const effects = engine.setVolunteer({ id: volunteer.id, skills });
        if (engine.volunteer(volunteer.id)?.state !== 'offline')
          return { value: undefined, effects };
        return {
          value: undefined,
          effects: [...effects, ...engine.setPresence(volunteer.id, presence)],
        };
      });
      restored += 1;
    }
    this.logger.log(`Restored ${restored} volunteer(s) on duty`);
  }

  /**
   * The leader's safety net for requests lost in a failover: a call recorded as waiting that
   * no engine holds joins its queue, and a call whose record has ended leaves it.
   */
  private async sweep(): Promise<void> {
    if (this.follower) return;
    // A call written a moment ago may be on its way here: leave it to its request.
    const settled = this.clock.now().toMillis() - 2000 * this.clock.speed;
    const waiting = await this.calls.find({
      where: { status: In(['waiting', 'offered']), training: false },
      order: { queuedAt: 'ASC' },
    });
    for (const call of waiting) {
      if (call.updatedAt.getTime() > settled || this.follower) continue;
      await this.run(call.hotlineId, (engine) => {
        if (engine.call(call.id)) return { value: undefined, effects: [] };
        this.logger.warn({ callId: call.id }, 'a waiting call no engine held joins its queue');
        engine.restore(this.queueEntry(call));
        return { value: undefined, effects: engine.dispatch() };
      });
    }
    for (const board of [...this.boards.values()]) {
      const held = board.engine.snapshot().calls.map((call) => call.callId);
      if (held.length === 0 || this.follower) continue;
      for (const call of await this.calls.find({ where: { id: In(held), status: 'ended' } }))
        await this.hangUp(call);
    }
  }

  /** On the leader: after each step, the states of the volunteers it touched go to the followers. */
  private shareStates(board: Switchboard, effects: Effect[]): void {
    if (!this.cluster?.isLeader || !this.cluster.enabled) return;
    const touched = new Set(
      effects.flatMap((effect) =>
        'volunteerId' in effect && effect.volunteerId ? [effect.volunteerId] : [],
      ),
    );
    if (touched.size === 0) return;
    const volunteers = [...touched].flatMap((id) => board.engine.volunteer(id) ?? []);
    this.cluster.broadcast('switchboard.states', { hotlineId: board.hotlineId, volunteers });
  }

  private mirrorStates(states: Record<string, EngineVolunteer[]>): void {
    for (const [hotlineId, volunteers] of Object.entries(states)) {
      const known = this.mirror.get(hotlineId) ?? new Map<string, EngineVolunteer>();
      for (const volunteer of volunteers) known.set(volunteer.id, volunteer);
      this.mirror.set(hotlineId, known);
    }
  }

  /** A follower learns every state from a new leader (or on joining). */
  private async refreshMirror(): Promise<void> {
    if (!this.follower) return;
    try {
      const states = await this.cluster!.askLeader<Record<string, EngineVolunteer[]>>(
        'switchboard.states',
        {},
        { patienceMs: 0 },
      );
      this.mirror.clear();
      this.mirrorStates(states);
    } catch {
      // No leader yet: its announcement brings the states.
    }
  }

  /**
   * A webhook's step, asked of the leader without keeping the caller waiting: the call is in
   * the database already, so if the leader does not answer in time its sweep (or the next
   * leader's takeover) picks the call up.
   */
  private async relayCallStep<T>(
    method: 'enqueue' | 'hangUp',
    call: Call,
    fallback: T,
  ): Promise<T> {
    try {
      return await this.cluster!.askLeader<T>(
        `switchboard.${method}`,
        { callId: call.id },
        { timeoutMs: WEBHOOK_WAIT_MS, patienceMs: WEBHOOK_WAIT_MS },
      );
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, callId: call.id },
        `no leader took ${method}; the record stands and the leader's sweep will`,
      );
      return fallback;
    }
  }

  private async relayDialFailed(call: Call): Promise<void> {
    try {
      await this.cluster!.askLeader(
        'switchboard.dialFailed',
        { callId: call.id },
        { timeoutMs: WEBHOOK_WAIT_MS, patienceMs: WEBHOOK_WAIT_MS },
      );
    } catch {
      // Back in line on record; the leader's sweep puts the caller back in the queue.
      await this.calls.update(call.id, {
        status: 'waiting',
        volunteerId: null,
        updatedAt: this.clock.now().toJSDate(),
      });
    }
  }

  /** Asks Twilio to bring the caller to the accepted volunteer; if it cannot, they keep their place. */
  private async sendCallerToVolunteer(board: Switchboard, call: Call): Promise<void> {
    if (call.training) return this.connectTraining(board, call);
    try {
      await this.telephony.sendCallerTo(
        call.callSid,
        call.queueSid,
        `${CONNECT_PATH}?call=${call.id}`,
      );
    } catch (error) {
      this.logger.error(
        { err: (error as Error).message, callId: call.id },
        'could not bring the caller to the volunteer',
      );
      await this.run(board.hotlineId, (engine) => ({
        value: undefined,
        effects: this.requeue(engine, call),
      })).catch(() => undefined);
    }
  }

  /** A practice call has no caller on the line: accepted is connected. */
  private async connectTraining(board: Switchboard, call: Call): Promise<void> {
    await this.calls.update(call.id, { status: 'talking', updatedAt: this.clock.now().toJSDate() });
    await this.run(board.hotlineId, (engine) => ({
      value: undefined,
      effects: engine.call(call.id)?.phase === 'connecting' ? engine.answered(call.id) : [],
    }));
  }

  /** Sets the one timer a switchboard needs: the engine's next deadline, in real time. */
  private wake(board: Switchboard): void {
    clearTimeout(board.timer);
    const deadline = board.engine.nextDeadline();
    // A board retired when leadership moved (see `retireEngines`) wakes no more.
    if (deadline === undefined || this.closing || this.boards.get(board.hotlineId) !== board)
      return;
    const delay = Math.max(0, (deadline - this.clock.now().toMillis()) / this.clock.speed);
    board.timer = setTimeout(
      () =>
        void this.run(board.hotlineId, (engine) => ({
          value: undefined,
          effects: engine.tick(),
        })).catch((error: Error) =>
          this.logger.error({ err: error.message }, 'routing tick failed'),
        ),
      Math.min(Math.ceil(delay), 2 ** 31 - 1),
    );
  }
}
