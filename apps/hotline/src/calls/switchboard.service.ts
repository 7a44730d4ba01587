import {
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
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
import { Transactions } from '../database/transactions';
import { StatsRollups } from '../statistics/stats-rollups';
import { Telephony } from '../telephony/telephony';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer, OfferResult } from './call-offer.entity';
import { Call } from './call.entity';
import { PresenceChange } from './presence-change.entity';
import { SwitchboardEvents } from './switchboard-events';

/** One hotline's routing engine, the timer that wakes it, and the queue of work on it. */
interface Switchboard {
  hotlineId: string;
  /** The hotline's settings, kept current by `hotlineChanged`, so webhooks need not read them. */
  hotline: Hotline;
  engine: RoutingEngine;
  /** Engine work runs one step at a time, so effects reach the database in order. */
  chain: Promise<unknown>;
  timer?: NodeJS.Timeout;
  /** The engine's offer ids and the offer rows (whose ids the API and consoles use). */
  offerRowOf: Map<string, string>;
  engineOfferOf: Map<string, string>;
}

/** The engine's effects, and one of the host's own: a call went back to its place in the queue. */
type Effect = RoutingEffect | { type: 'requeued'; callId: string };
type Step<T> = { value: T; effects: Effect[] };

export const CONNECT_PATH = '/twilio/voice/connect';

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
  /** Dialled number → hotline id; numbers change rarely, and every change clears it. */
  private readonly hotlineByNumber = new Map<string, string>();
  private closing = false;

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectRepository(PresenceChange) private readonly presence: Repository<PresenceChange>,
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    private readonly transactions: Transactions,
    private readonly rollups: StatsRollups,
    private readonly telephony: Telephony,
    private readonly events: SwitchboardEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** After a restart, callers still waiting get their places back, in their original order. */
  async onApplicationBootstrap(): Promise<void> {
    const waiting = await this.calls.find({
      where: { status: In(['waiting', 'offered']) },
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
    for (const board of this.boards.values()) clearTimeout(board.timer);
  }

  async enqueue(call: Call): Promise<'queued' | 'queue_full' | 'duplicate'> {
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
    const known = await this.run(call.hotlineId, (engine) =>
      engine.call(call.id)
        ? { value: true, effects: engine.hangUp(call.id) }
        : { value: false, effects: [] },
    );
    if (known || call.outcome) return;
    const at = this.clock.now().toJSDate();
    await this.settleCall(call.id, {
      status: 'ended',
      outcome: call.status === 'connecting' || call.status === 'talking' ? 'answered' : 'abandoned',
      endedAt: at,
      updatedAt: at,
    });
  }

  /**
   * Gives a call its outcome and counts it in the statistics, in one transaction. A call has
   * one outcome: a second attempt (a retried webhook) changes nothing and returns false.
   */
  async settleCall(callId: string, changes: Partial<Call>): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const result = await manager.update(Call, { id: callId, outcome: IsNull() }, changes);
      if (!result.affected) return false;
      const call = await manager.findOneByOrFail(Call, { id: callId });
      await this.rollups.countCall(manager, call, (await this.hotline(call.hotlineId)).timeZone);
      return true;
    });
  }

  /** Records a call that ended as it arrived (outside opening hours), counted at once. */
  async recordEndedCall(call: Call): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.insert(Call, call);
      await this.rollups.countCall(manager, call, (await this.hotline(call.hotlineId)).timeZone);
    });
  }

  /** The volunteer's phone or browser did not answer: the caller goes back to their place. */
  dialFailed(call: Call): Promise<void> {
    return this.run(call.hotlineId, (engine) => ({
      value: undefined,
      effects: this.requeue(engine, call),
    }));
  }

  position(call: Call): QueuePosition | undefined {
    return this.loaded(call.hotlineId)?.engine.position(call.id);
  }

  async snapshot(hotlineId: string): Promise<QueueSnapshot> {
    return (await this.board(hotlineId)).engine.snapshot();
  }

  /** The hotline's current settings (read once, then kept in step by `hotlineChanged`). */
  async hotline(hotlineId: string): Promise<Hotline> {
    return (await this.board(hotlineId)).hotline;
  }

  /** The hotline whose number was dialled; the oldest hotline when no number matches. */
  async hotlineCalled(number: string | undefined): Promise<Hotline> {
    const key = number ?? '';
    let hotlineId = this.hotlineByNumber.get(key);
    if (!hotlineId) {
      const dialled = number
        ? await this.hotlines.findOne({ where: { phoneNumber: number }, select: { id: true } })
        : null;
      const hotline =
        dialled ??
        (
          await this.hotlines.find({ select: { id: true }, order: { createdAt: 'ASC' }, take: 1 })
        )[0];
      hotlineId = hotline.id;
      this.hotlineByNumber.set(key, hotlineId);
    }
    return this.hotline(hotlineId);
  }

  async hotlineChanged(hotline: Hotline): Promise<void> {
    this.hotlineByNumber.clear();
    const board = this.loaded(hotline.id);
    if (!board) return;
    board.hotline = hotline;
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
    const offer = await this.ownOffer(volunteer, offerId);
    const board = await this.board(offer.hotlineId);
    await this.run(offer.hotlineId, (engine) => {
      const engineOfferId = this.liveEngineOffer(board, offerId);
      const effects = this.refusing(() => engine.accept(engineOfferId));
      board.offerRowOf.delete(engineOfferId);
      board.engineOfferOf.delete(offerId);
      return { value: undefined, effects };
    });
    await this.offers.update(offerId, { result: 'accepted', endedAt: this.clock.now().toJSDate() });
    return this.calls.findOneByOrFail({ id: offer.callId });
  }

  async decline(volunteer: Volunteer, offerId: string): Promise<void> {
    const offer = await this.ownOffer(volunteer, offerId);
    const board = await this.board(offer.hotlineId);
    await this.run(offer.hotlineId, (engine) => ({
      value: undefined,
      effects: this.refusing(() => engine.decline(this.liveEngineOffer(board, offerId))),
    }));
  }

  /** Ends the volunteer's wrap-up of this call early (the contact record is done). */
  finishWrapUp(volunteer: Volunteer, call: Call): Promise<EngineVolunteer> {
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
    for (const hotline of volunteer.hotlines) {
      const board = this.loaded(hotline.id);
      const state = board?.engine.volunteer(volunteer.id);
      if (state?.state !== 'offered') continue;
      const offer = await this.offers.findOne({
        where: { volunteerId: volunteer.id, result: IsNull() },
        order: { offeredAt: 'DESC' },
      });
      if (offer && board!.engineOfferOf.has(offer.id)) return offer;
    }
    return null;
  }

  /** Who is signed up for the shift running now: the engine offers them calls first. */
  async setOnShift(hotlineId: string, volunteerIds: string[]): Promise<void> {
    await this.run(hotlineId, (engine) => {
      engine.setOnShift(volunteerIds);
      return { value: undefined, effects: [] };
    });
  }

  volunteerState(hotlineId: string, volunteerId: string): EngineVolunteer | undefined {
    return this.loaded(hotlineId)?.engine.volunteer(volunteerId);
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
    const engineOfferId = board.engineOfferOf.get(offerId);
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
      board = this.hotlines.findOneByOrFail({ id: hotlineId }).then((hotline) => {
        const loaded: Switchboard = {
          hotlineId,
          hotline,
          engine: new RoutingEngine(hotline.routing, () => this.clock.now().toMillis()),
          chain: Promise.resolve(),
          offerRowOf: new Map(),
          engineOfferOf: new Map(),
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
      await this.apply(board, effects, connects);
      this.wake(board);
      return value;
    });
    board.chain = step.catch(() => undefined);
    const value = await step;
    // Twilio is called outside the turn, so a slow API never holds up the other calls.
    for (const call of connects) void this.sendCallerToVolunteer(board, call);
    return value;
  }

  private async apply(board: Switchboard, effects: Effect[], connects: Call[]): Promise<void> {
    const now = this.clock.now();
    const at = now.toJSDate();
    // A volunteer entering wrap-up learns in the same step which call just ended.
    const endedCallOf = new Map(
      effects.flatMap((effect) =>
        effect.type === 'call_ended' && effect.volunteerId
          ? [[effect.volunteerId, effect.callId] as const]
          : [],
      ),
    );
    for (const effect of effects) {
      switch (effect.type) {
        case 'offer': {
          const id = randomUUID();
          board.offerRowOf.set(effect.offerId, id);
          board.engineOfferOf.set(id, effect.offerId);
          await this.offers.insert({
            id,
            callId: effect.callId,
            volunteerId: effect.volunteerId,
            offeredAt: at,
            expiresAt: new Date(effect.expiresAt),
            result: null,
            endedAt: null,
          });
          await this.calls.update(effect.callId, {
            status: 'offered',
            offerCount: () => 'offer_count + 1',
            updatedAt: at,
          });
          await this.calls.update(
            { id: effect.callId, firstOfferedAt: IsNull() },
            { firstOfferedAt: at },
          );
          this.events.publish({
            type: 'offer.created',
            hotlineId: board.hotlineId,
            offerId: id,
            callId: effect.callId,
            volunteerId: effect.volunteerId,
            expiresAt: DateTime.fromMillis(effect.expiresAt).toUTC().toISO()!,
          });
          break;
        }
        case 'offer_withdrawn': {
          const id = board.offerRowOf.get(effect.offerId)!;
          board.offerRowOf.delete(effect.offerId);
          board.engineOfferOf.delete(id);
          await this.offers.update(id, { result: effect.reason as OfferResult, endedAt: at });
          if (effect.reason !== 'abandoned')
            await this.calls.update(effect.callId, { status: 'waiting', updatedAt: at });
          this.events.publish({
            type: 'offer.withdrawn',
            hotlineId: board.hotlineId,
            offerId: id,
            callId: effect.callId,
            volunteerId: effect.volunteerId,
            reason: effect.reason,
          });
          break;
        }
        case 'connect': {
          const call = await this.calls.findOneByOrFail({ id: effect.callId });
          await this.calls.update(effect.callId, {
            status: 'connecting',
            volunteerId: effect.volunteerId,
            waitSeconds: secondsBetween(call.queuedAt ?? call.arrivedAt, at),
            updatedAt: at,
          });
          connects.push(call);
          this.events.publish({
            type: 'call.changed',
            hotlineId: board.hotlineId,
            callId: effect.callId,
          });
          break;
        }
        case 'requeued':
          await this.calls.update(effect.callId, {
            status: 'waiting',
            volunteerId: null,
            updatedAt: at,
          });
          break;
        case 'overflow':
          await this.calls.update(effect.callId, { status: 'overflowing', updatedAt: at });
          break;
        case 'call_ended': {
          const call = await this.calls.findOneByOrFail({ id: effect.callId });
          const waited =
            effect.outcome === 'answered'
              ? call.waitSeconds
              : secondsBetween(call.queuedAt ?? call.arrivedAt, at);
          await this.settleCall(effect.callId, {
            outcome: effect.outcome,
            // An overflowing caller is still on the line, hearing the call-back offer.
            ...(effect.outcome === 'overflow_callback'
              ? {}
              : { status: 'ended', endedAt: call.endedAt ?? at }),
            waitSeconds: waited,
            updatedAt: at,
          });
          this.events.publish({
            type: 'call.ended',
            hotlineId: board.hotlineId,
            callId: effect.callId,
            outcome: effect.outcome,
            ...(effect.volunteerId ? { volunteerId: effect.volunteerId } : {}),
          });
          break;
        }
        case 'volunteer_state':
          await this.presence.insert({
            id: randomUUID(),
            hotlineId: board.hotlineId,
            volunteerId: effect.volunteerId,
            state: effect.state,
            changedAt: new Date(effect.since),
          });
          this.events.publish({
            type: 'volunteer.state',
            hotlineId: board.hotlineId,
            volunteerId: effect.volunteerId,
            state: effect.state,
            since: DateTime.fromMillis(effect.since).toUTC().toISO()!,
            ...(effect.state === 'wrap_up' && endedCallOf.has(effect.volunteerId)
              ? { wrapUpCallId: endedCallOf.get(effect.volunteerId) }
              : {}),
          });
          break;
      }
    }
  }

  /** Asks Twilio to bring the caller to the accepted volunteer; if it cannot, they keep their place. */
  private async sendCallerToVolunteer(board: Switchboard, call: Call): Promise<void> {
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

  /** Sets the one timer a switchboard needs: the engine's next deadline, in real time. */
  private wake(board: Switchboard): void {
    clearTimeout(board.timer);
    const deadline = board.engine.nextDeadline();
    if (deadline === undefined || this.closing) return;
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

const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
