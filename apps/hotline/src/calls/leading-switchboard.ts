import { Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
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
import { Cluster } from '../instances/cluster';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { CallSettlement } from './call-settlement';
import { legAnswered, recordEnded } from './call-deadlines';
import { CallerMoves } from './caller-moves';
import { RoutedChannels, isChatEffect } from './chat-channel';
import type { TransferSteps } from './caller-transfer';
import { AfterStep, Effect } from './effect-record';
import { EffectRecorder, OfferIds } from './effect-recorder';
import { StaleLeaderError } from './routing-fence';
import { OfferRecords } from './offer-records';
import { Switchboard } from './switchboard';
import { SwitchboardRefusal } from './switchboard-refusal';
import { SwitchboardProtocol, VolunteerStates } from './switchboard-protocol';

/** One hotline's routing engine, the timer that wakes it, and the queue of work on it. */
interface Board {
  hotlineId: string;
  /** The hotline's settings, kept current by `hotline.changed` (for the metrics' queue names). */
  hotline: Hotline;
  engine: RoutingEngine;
  /** Engine work runs one step at a time, so effects reach the database in order. */
  chain: Promise<unknown>;
  timer?: NodeJS.Timeout;
  offers: OfferIds;
}

/** The longest a board's timer sleeps before reading the clock again (real milliseconds). */
const MAX_SLEEP_MS = 1_000;

/**
 * How long a step keeps retrying a write the database fails (real milliseconds): the
 * hotline's later steps wait behind it, so the record keeps the engine's order.
 */
const STEP_WRITE_PATIENCE_MS = 60_000;

/** What an engine step returns to its caller, and the effects the host carries out. */
export type Step<T> = { value: T; effects: Effect[] };

/**
 * The leader's switchboard: hosts a routing engine per hotline, feeds it calls and
 * volunteers' actions, and carries out what it decides (the `EffectRecorder` writes it, the
 * `CallerTransfer` moves callers; `OfferRecords` reads and closes the offers' rows). The
 * engine is the fast, authoritative queue; the database is the record it is rebuilt from
 * (see `Takeover`).
 */
@Injectable()
export class LeadingSwitchboard extends Switchboard implements OnModuleDestroy {
  private readonly logger = new Logger('Switchboard');
  /** Boards being opened (loading their hotline) and open ones. */
  private readonly opening = new Map<string, Promise<Board>>();
  private readonly boards = new Map<string, Board>();
  private closing = false;

  constructor(
    private readonly offerRecords: OfferRecords,
    private readonly directory: HotlineDirectory,
    private readonly recorder: EffectRecorder,
    private readonly moves: CallerMoves,
    private readonly settlement: CallSettlement,
    private readonly channels: RoutedChannels,
    @InjectClock() private readonly clock: Clock,
    @Optional() private readonly cluster?: Cluster,
  ) {
    super();
  }

  onModuleDestroy(): void {
    this.closing = true;
    this.retire();
  }

  enqueue(call: Call): Promise<'queued' | 'queue_full' | 'duplicate'> {
    return this.step(call.hotlineId, (engine) => {
      const result = engine.enqueue(queueEntry(call));
      return { value: result.queued ? 'queued' : result.reason, effects: result.effects };
    });
  }

  async hangUp(call: Call): Promise<void> {
    const known = await this.step(call.hotlineId, (engine) => {
      const phase = engine.call(call.id)?.phase;
      if (!phase) return { value: false, effects: [] };
      // Answered only if the volunteer's leg did: a caller gone while connecting is abandoned.
      const answered = phase === 'connecting' && legAnswered(call) ? engine.answered(call.id) : [];
      return { value: true, effects: [...answered, ...engine.hangUp(call.id)] };
    });
    if (known || call.outcome) return;
    const at = this.clock.now().toJSDate();
    await this.settlement.settleCall(call.id, {
      status: 'ended',
      outcome: legAnswered(call) ? 'answered' : 'abandoned',
      endedAt: at,
      updatedAt: at,
    });
  }

  takeOver(call: Call, supervisorId: string): Promise<void> {
    return this.inCall(
      call,
      (engine) => engine.takeOver(call.id, supervisorId),
      'The call is not in a conversation with its volunteer now.',
    );
  }

  transferToQueue(call: Call, topic: string): Promise<void> {
    return this.inCall(
      call,
      (engine) => engine.transferToQueue(call.id, topic),
      'The call is not in a conversation with its volunteer now.',
    );
  }

  consult(call: Call, colleagueId: string): Promise<void> {
    return this.inCall(
      call,
      (engine) => {
        const state = engine.volunteer(colleagueId)?.state ?? 'offline';
        if (state !== 'available')
          throw new SwitchboardRefusal(
            'conflict',
            `Your colleague is not available now: they are ${STATE_WORDS[state]}.`,
          );
        return engine.consult(call.id, colleagueId);
      },
      'The call is not in a conversation with you alone now.',
    );
  }

  endConsult(call: Call, complete: boolean): Promise<void> {
    return this.inCall(
      call,
      (engine) => (complete ? engine.completeTransfer(call.id) : engine.cancelTransfer(call.id)),
      'No transfer of this call is under way.',
    );
  }

  /** One engine command on a call in conversation; the engine's refusal is said as `notAllowed`. */
  private inCall(
    call: Call,
    command: (engine: RoutingEngine) => RoutingEffect[],
    notAllowed: string,
  ): Promise<void> {
    return this.step(call.hotlineId, (engine) => ({
      value: undefined,
      effects: refusing(() => command(engine), notAllowed),
    }));
  }

  connected(call: Call): Promise<void> {
    return this.step(call.hotlineId, (engine) => ({
      value: undefined,
      effects: engine.call(call.id)?.phase === 'connecting' ? engine.answered(call.id) : [],
    }));
  }

  dialFailed(call: Call): Promise<void> {
    return this.step(call.hotlineId, (engine) => ({
      value: undefined,
      effects: requeue(engine, call),
    }));
  }

  async placeOf(call: Pick<Call, 'id' | 'hotlineId'>): Promise<QueuePosition | undefined> {
    return this.boards.get(call.hotlineId)?.engine.position(call.id);
  }

  async snapshot(hotlineId: string): Promise<QueueSnapshot> {
    return (await this.board(hotlineId)).engine.snapshot();
  }

  async setPresence(
    volunteer: Volunteer,
    hotlineId: string,
    presence: ChosenPresence,
  ): Promise<EngineVolunteer> {
    if (!volunteer.hotlines.some((hotline) => hotline.id === hotlineId)) {
      throw new SwitchboardRefusal('not_found', `You do not work for hotline ${hotlineId}.`);
    }
    if (presence === 'available') {
      for (const other of volunteer.hotlines.filter((hotline) => hotline.id !== hotlineId)) {
        const state = this.volunteerState(other.id, volunteer.id)?.state;
        if (state && state !== 'offline') await this.setPresence(volunteer, other.id, 'offline');
      }
    }
    // Two steps, so the skills' effects are carried out even when the presence is refused.
    await this.step(hotlineId, (engine) => ({
      value: undefined,
      effects: engine.setVolunteer({ id: volunteer.id, skills: skillsOf(volunteer) }),
    }));
    return this.step(hotlineId, (engine) => {
      const effects = refusing(() => engine.setPresence(volunteer.id, presence));
      return { value: engine.volunteer(volunteer.id)!, effects };
    });
  }

  async accept(volunteer: Volunteer, offerId: string): Promise<Call> {
    const offer = await this.offerRecords.own(volunteer, offerId);
    await this.answerOffer(offer.hotlineId, offerId, true);
    return this.offerRecords.accepted(offer);
  }

  async decline(volunteer: Volunteer, offerId: string): Promise<void> {
    const offer = await this.offerRecords.own(volunteer, offerId);
    await this.answerOffer(offer.hotlineId, offerId, false);
  }

  /**
   * Accepts or declines a live offer, a call's or a chat's, by its row's id, in one step;
   * refused when it is not live (lapsed, withdrawn, answered).
   */
  async answerOffer(hotlineId: string, offerId: string, accept: boolean): Promise<void> {
    const board = await this.board(hotlineId);
    await this.step(hotlineId, (engine) => {
      const engineOfferId = liveEngineOffer(board, offerId);
      const effects = refusing(() =>
        accept ? engine.accept(engineOfferId) : engine.decline(engineOfferId),
      );
      if (accept) board.offers.close(engineOfferId);
      return { value: undefined, effects };
    });
  }

  /** A read of a hotline's engine as it stands, if it runs here; it must change nothing. */
  peek<T>(hotlineId: string, read: (engine: RoutingEngine) => T): T | undefined {
    const board = this.boards.get(hotlineId);
    return board && read(board.engine);
  }

  finishWrapUp(volunteer: Volunteer, call: Call): Promise<EngineVolunteer> {
    return this.step(call.hotlineId, (engine) => {
      if (engine.volunteer(volunteer.id)?.state !== 'wrap_up') {
        throw new SwitchboardRefusal(
          'conflict',
          'You are not in wrap-up; there is nothing to finish.',
        );
      }
      const effects = engine.finishWrapUp(volunteer.id);
      return { value: engine.volunteer(volunteer.id)!, effects };
    });
  }

  reoffer(hotlineId: string, callId: string, volunteerId: string): Promise<void> {
    return this.step(hotlineId, (engine) => ({
      value: undefined,
      effects: refusing(
        () => engine.offerTo(callId, volunteerId),
        'That volunteer is not available now, or the call is no longer waiting.',
      ),
    }));
  }

  async liveOffer(volunteer: Volunteer): Promise<CallOffer | null> {
    for (const hotline of volunteer.hotlines) {
      const board = this.boards.get(hotline.id);
      if (board?.engine.volunteer(volunteer.id)?.state !== 'offered') continue;
      const offer = await this.offerRecords.latestOpen(volunteer);
      if (offer && board.offers.engineOffer(offer.id)) return offer;
    }
    return null;
  }

  async setOnShift(hotlineId: string, volunteerIds: string[]): Promise<void> {
    await this.step(hotlineId, (engine) => {
      engine.setOnShift(volunteerIds);
      return { value: undefined, effects: [] };
    });
  }

  /** The call enters the engine and is offered in one step, so nobody else is ever offered it. */
  ringOnly(call: Call, volunteerId: string, topic: string): Promise<void> {
    return this.step(call.hotlineId, (engine) => {
      if (engine.volunteer(volunteerId)?.state !== 'available') {
        throw new SwitchboardRefusal(
          'conflict',
          'That volunteer is not available now: a practice call rings only an available volunteer.',
        );
      }
      engine.restore({ ...queueEntry(call), topic });
      return { value: undefined, effects: engine.offerTo(call.id, volunteerId) };
    });
  }

  release(call: Call): Promise<void> {
    return this.step(call.hotlineId, (engine) => {
      const volunteerId = engine.call(call.id)?.volunteerId;
      const effects = engine.hangUp(call.id);
      if (volunteerId && engine.volunteer(volunteerId)?.state === 'wrap_up')
        effects.push(...engine.finishWrapUp(volunteerId));
      return { value: undefined, effects };
    });
  }

  callBack(volunteerId: string, hotlineId: string, callbackId: string): Promise<void> {
    return this.step(hotlineId, (engine) => {
      const state = engine.volunteer(volunteerId)?.state ?? 'offline';
      if (!CALLING_BACK_FROM.includes(state))
        throw new SwitchboardRefusal(
          'conflict',
          `You cannot call back now: you are ${STATE_WORDS[state]}. Go available or on a break first.`,
        );
      return { value: undefined, effects: engine.callBack(volunteerId, callbackId) };
    });
  }

  callBackEnded(
    volunteerId: string,
    hotlineId: string,
    callbackId: string,
    reached: boolean,
  ): Promise<void> {
    return this.step(hotlineId, (engine) => ({
      value: undefined,
      effects: engine.callBackEnded(volunteerId, callbackId, reached),
    }));
  }

  callBackRecorded(volunteerId: string, hotlineId: string, callbackId: string): Promise<void> {
    return this.step(hotlineId, (engine) => {
      const volunteer = engine.volunteer(volunteerId);
      const wrapping = volunteer?.state === 'wrap_up' && volunteer.callbackId === callbackId;
      return { value: undefined, effects: wrapping ? engine.finishWrapUp(volunteerId) : [] };
    });
  }

  supervisorTook(call: Call, supervisorId: string): Promise<boolean> {
    return this.step(call.hotlineId, (engine) => {
      const phase = engine.call(call.id)?.phase;
      if (phase !== 'waiting' && phase !== 'offered') return { value: false, effects: [] };
      return { value: true, effects: engine.supervisorTook(call.id, supervisorId) };
    });
  }

  volunteerState(hotlineId: string, volunteerId: string): EngineVolunteer | undefined {
    return this.boards.get(hotlineId)?.engine.volunteer(volunteerId);
  }

  onDuty(): { hotlineId: string; volunteerId: string }[] {
    return [...this.boards.values()].flatMap((board) =>
      board.engine
        .snapshot()
        .volunteers.filter((volunteer) => !['offline', 'talking'].includes(volunteer.state))
        .map((volunteer) => ({ hotlineId: board.hotlineId, volunteerId: volunteer.id })),
    );
  }

  openQueues(): { hotlineId: string; name: string; queue: QueueSnapshot }[] {
    return [...this.boards.values()].map((board) => ({
      hotlineId: board.hotlineId,
      name: board.hotline.name,
      queue: board.engine.snapshot(),
    }));
  }

  callView(hotlineId: string, callId: string): WaitingCallView | undefined {
    return this.boards.get(hotlineId)?.engine.call(callId);
  }

  // For the takeover and the followers.

  /** Every volunteer's state on every open hotline. */
  states(): VolunteerStates {
    return Object.fromEntries(
      [...this.boards.values()].map((board) => [
        board.hotlineId,
        board.engine.snapshot().volunteers,
      ]),
    );
  }

  /** The hotlines whose engines run now, and the calls each holds. */
  held(): { hotlineId: string; callIds: string[] }[] {
    return [...this.boards.values()].map((board) => ({
      hotlineId: board.hotlineId,
      callIds: board.engine.snapshot().calls.map((call) => call.callId),
    }));
  }

  /** Drops every engine (their timers too); a detached board's late step arms no timer (see `wake`). */
  retire(): void {
    for (const board of this.boards.values()) clearTimeout(board.timer);
    this.boards.clear();
  }

  /**
   * Runs one engine step on a hotline, in turn, then carries out its effects. The engine's
   * decision stands: writes the database fails are retried until they land (see
   * `EffectRecorder`), and the board's timer is armed again however the step ends.
   */
  async step<T>(hotlineId: string, operation: (engine: RoutingEngine) => Step<T>): Promise<T> {
    const board = await this.board(hotlineId);
    let after: AfterStep[] = [];
    const step = board.chain.then(async () => {
      let effects: Effect[] = [];
      try {
        const decided = operation(board.engine);
        effects = decided.effects;
        const persistence = {
          patienceMs: STEP_WRITE_PATIENCE_MS,
          wanted: () => !this.closing && this.boards.get(hotlineId) === board,
          epoch: this.cluster?.epoch,
        };
        // Chats are the chat channel's to record; calls and volunteers' states this one's.
        const chats = effects.filter(isChatEffect);
        const calls = chats.length === 0 ? effects : effects.filter((one) => !isChatEffect(one));
        after = await this.recorder.record(board.hotline, calls, board.offers, persistence);
        if (chats.length > 0)
          await this.channels.chat?.record(board.hotline, chats, board.offers, persistence);
        return decided.value;
      } catch (error) {
        if (error instanceof StaleLeaderError) this.cluster?.superseded();
        throw error;
      } finally {
        this.shareStates(board, effects);
        this.wake(board);
      }
    });
    board.chain = step.catch(() => undefined);
    const value = await step;
    // Twilio is called outside the turn, so a slow API never holds up the other calls.
    for (const action of after)
      void this.moves.carryOut(action, {
        ...this.transferSteps(hotlineId),
        hangUp: (call) => this.hangUp(call),
      });
    return value;
  }

  private transferSteps(hotlineId: string): TransferSteps {
    return {
      requeue: (call) =>
        this.step(hotlineId, (engine) => ({ value: undefined, effects: requeue(engine, call) })),
      answered: (call) => this.connected(call),
    };
  }

  /** New settings: the engine takes the routing policy (the directory keeps the rest). */
  async policyChanged(hotline: Hotline): Promise<void> {
    const board = this.boards.get(hotline.id);
    if (!board) return;
    board.hotline = hotline;
    await this.step(hotline.id, (engine) => ({
      value: undefined,
      effects: engine.setPolicy(hotline.routing),
    }));
  }

  private board(hotlineId: string): Promise<Board> {
    const open = this.boards.get(hotlineId);
    if (open) return Promise.resolve(open);
    let board = this.opening.get(hotlineId);
    if (!board) {
      board = this.directory.hotline(hotlineId).then((hotline) => {
        const loaded: Board = {
          hotlineId,
          hotline,
          engine: new RoutingEngine(
            hotline.routing,
            () => this.clock.now().toMillis(),
            this.clock.speed,
          ),
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

  /** With followers, the states of the volunteers a step touched go to them (see `SwitchboardRelay`). */
  private shareStates(board: Board, effects: Effect[]): void {
    if (!this.cluster?.isLeader || !this.cluster.enabled) return;
    const touched = new Set(
      effects.flatMap((effect) =>
        'volunteerId' in effect && effect.volunteerId ? [effect.volunteerId] : [],
      ),
    );
    if (touched.size === 0) return;
    const volunteers = [...touched].flatMap((id) => board.engine.volunteer(id) ?? []);
    this.cluster
      .line<SwitchboardProtocol>()
      .broadcast('switchboard.states', { hotlineId: board.hotlineId, volunteers });
  }

  /** Sets the one timer a board needs: the engine's next deadline, in real time. */
  private wake(board: Board): void {
    clearTimeout(board.timer);
    const deadline = board.engine.nextDeadline();
    // A board retired when leadership moved (see `retire`) wakes no more.
    if (deadline === undefined || this.closing || this.boards.get(board.hotlineId) !== board)
      return;
    // At least once a second the clock is read again, so a clock set by hand (in tests) or a
    // machine that slept catches up: the escalation ladder must never wait on a stale timer.
    const delay = Math.min(
      MAX_SLEEP_MS,
      Math.max(0, (deadline - this.clock.now().toMillis()) / this.clock.speed),
    );
    board.timer = setTimeout(
      () =>
        void this.step(board.hotlineId, (engine) => ({
          value: undefined,
          effects: engine.tick(),
        })).catch((error: Error) =>
          this.logger.error({ err: error.message }, 'routing tick failed'),
        ),
      Math.ceil(delay),
    );
  }
}

/** What the engine needs of a call to queue it. */
export function queueEntry(call: Call): IncomingCall {
  return {
    callId: call.id,
    topic: call.topic ?? 'other',
    priority: call.priority,
    arrivedAt: (call.queuedAt ?? call.arrivedAt).getTime(),
  };
}

/** The engine skills of a volunteer: the top-level topics of their skills. */
export function skillsOf(volunteer: Volunteer): string[] {
  return [...new Set(volunteer.topicSkills.map((key) => defaultTaxonomy().topLevelOf(key)))];
}

/**
 * A connecting call whose volunteer could not be reached goes back to its place. One the
 * engine lost in a restart while it was connecting is put back from its record, unless the
 * record ended it: an ended call is final (the engine refuses those it ended itself).
 */
function requeue(engine: RoutingEngine, call: Call): Effect[] {
  const phase = engine.call(call.id)?.phase;
  if (phase === 'connecting')
    return [{ type: 'requeued', callId: call.id }, ...engine.dialFailed(call.id)];
  if (phase !== undefined || recordEnded(call)) return [];
  engine.restore(queueEntry(call));
  return [{ type: 'requeued', callId: call.id }, ...engine.dispatch()];
}

function liveEngineOffer(board: Board, offerId: string): string {
  const engineOfferId = board.offers.engineOffer(offerId);
  if (!engineOfferId)
    throw SwitchboardRefusal.of(new RoutingError('offer_not_live', 'offer is not live'));
  return engineOfferId;
}

/** The states a volunteer may start a call-back from (the engine's rule, said first here). */
const CALLING_BACK_FROM: EngineVolunteer['state'][] = ['available', 'missed', 'break'];

/** A volunteer's state, as a refusal (a warm transfer's colleague, a call-back) gives the reason. */
const STATE_WORDS: Record<EngineVolunteer['state'], string> = {
  offline: 'offline',
  available: 'available',
  offered: 'being offered a call',
  talking: 'on a call',
  wrap_up: 'wrapping up a call',
  missed: 'back in a moment after a missed call',
  break: 'on a break',
};

/** Turns the engine's refusals into answers a console can show. */
function refusing(operation: () => RoutingEffect[], notAllowed?: string): RoutingEffect[] {
  try {
    return operation();
  } catch (error) {
    throw error instanceof RoutingError ? SwitchboardRefusal.of(error, notAllowed) : error;
  }
}
