import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { CallSettlement } from './call-settlement';
import { PresenceChange } from './presence-change.entity';
import { AfterStep, Effect, RecordChange, callsNamedBy, recordOf } from './effect-record';
import type { Hotline } from '../hotlines/hotline.entity';

/** A hotline's live offers: the engine's ids and the offer rows' ids (which the API uses), both ways. */
export class OfferIds {
  private readonly rowOf = new Map<string, string>();
  private readonly engineOf = new Map<string, string>();

  get rows(): ReadonlyMap<string, string> {
    return this.rowOf;
  }

  open(engineOfferId: string, rowId: string): void {
    this.rowOf.set(engineOfferId, rowId);
    this.engineOf.set(rowId, engineOfferId);
  }

  close(engineOfferId: string): void {
    const rowId = this.rowOf.get(engineOfferId);
    this.rowOf.delete(engineOfferId);
    if (rowId) this.engineOf.delete(rowId);
  }

  engineOffer(rowId: string): string | undefined {
    return this.engineOf.get(rowId);
  }
}

/** How a step's writes are retried when the database fails them (see `EffectRecorder.record`). */
export interface Persistence {
  /** How long (real milliseconds) the step keeps retrying a failed write. */
  patienceMs: number;
  /** False once nobody waits for the step any more (the board was retired, the server stops). */
  wanted: () => boolean;
}

/** A direct caller (a test) learns of the first failure. */
const ONCE: Persistence = { patienceMs: 0, wanted: () => false };

/** The first pause before a failed write is tried again; each next one doubles, up to the most. */
const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 2_000;

/**
 * Mirrors an engine step into the database and publishes it for the consoles: the database
 * is the record, rebuilt into the engines on start. What to write is `recordOf`'s decision.
 *
 * The engine's decision stands: a write the database fails is tried again, with a growing
 * pause, until it lands (docs/decisions.md). The step's changes are written once each, in
 * order, from the first one that has not landed; a row whose insert may have landed although
 * its answer was lost is looked for before it is inserted again. The step's events are
 * published once its writes are done, so a console is never told of what the record lacks.
 */
@Injectable()
export class EffectRecorder {
  private readonly logger = new Logger('Switchboard');

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectRepository(PresenceChange) private readonly presence: Repository<PresenceChange>,
    private readonly settlement: CallSettlement,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Writes the step's changes in order; returns what Twilio is to do once the step is done.
   * A write still failing after `patienceMs` is given up (logged; the sweep repairs the
   * record, see `Takeover.sweep`) and the step goes on with the next one.
   */
  async record(
    hotline: Pick<Hotline, 'id' | 'routing'>,
    effects: readonly Effect[],
    offers: OfferIds,
    persistence: Persistence = ONCE,
  ): Promise<AfterStep[]> {
    const giveUpAt = Date.now() + persistence.patienceMs;
    const landing = <T>(write: (again: boolean) => Promise<T>) =>
      this.untilLanded(write, () => persistence.wanted() && Date.now() < giveUpAt);
    const named = callsNamedBy(effects);
    const rows = named.length > 0 ? await landing(() => this.calls.findBy({ id: In(named) })) : [];
    const { changes, opened, closed } = recordOf(effects, {
      hotlineId: hotline.id,
      at: this.clock.now().toJSDate(),
      calls: new Map(rows.map((call) => [call.id, call])),
      offerRows: offers.rows,
      crisisLine: hotline.routing.crisisLine,
      newId: randomUUID,
    });
    for (const [engineOfferId, rowId] of opened) offers.open(engineOfferId, rowId);
    for (const engineOfferId of closed) offers.close(engineOfferId);
    const after: AfterStep[] = [];
    const events: HotlineEvent[] = [];
    let lost = 0;
    for (const change of changes) {
      if (isAfterStep(change)) after.push(change);
      else if (change.kind === 'publish') events.push(change.event);
      else {
        try {
          await landing((again) => this.apply(change, again));
        } catch (error) {
          if (persistence.patienceMs === 0) throw error;
          lost += 1;
        }
      }
    }
    if (lost > 0)
      this.logger.error(
        { hotlineId: hotline.id, lost, kinds: changes.map((change) => change.kind) },
        `the database did not take ${lost} of a step's writes; the sweep repairs the record`,
      );
    for (const event of events) this.events.publish(event);
    return after;
  }

  /** Runs `write` until it lands, pausing longer each time, while `retrying()` allows. */
  private async untilLanded<T>(
    write: (again: boolean) => Promise<T>,
    retrying: () => boolean,
  ): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await write(attempt > 0);
        if (attempt > 0) this.logger.log(`a step's write landed after ${attempt} retries`);
        return result;
      } catch (error) {
        if (!retrying()) throw error;
        if (attempt === 0)
          this.logger.warn(
            { err: error instanceof Error ? error.message : String(error) },
            "the database failed a step's write; trying again until it lands",
          );
        await sleep(Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt));
      }
    }
  }

  /** One change; `again` after a failure, when an insert may have landed unanswered. */
  private async apply(
    change: Exclude<RecordChange, AfterStep | { kind: 'publish' }>,
    again: boolean,
  ): Promise<void> {
    switch (change.kind) {
      case 'offer.insert':
        if (again && (await this.offers.existsBy({ id: change.row.id }))) break;
        await this.offers.insert(change.row);
        break;
      case 'offer.update':
        await this.offers.update(change.id, change.changes);
        break;
      case 'call.offered':
        await this.calls.update(change.callId, {
          status: 'offered',
          offerCount: () => 'offer_count + 1',
          updatedAt: change.at,
        });
        await this.calls.update(
          { id: change.callId, firstOfferedAt: IsNull() },
          { firstOfferedAt: change.at },
        );
        break;
      case 'call.update':
        await this.calls.update(change.callId, change.changes);
        break;
      case 'call.settle':
        await this.settlement.settleCall(change.callId, change.changes);
        break;
      case 'presence.insert':
        if (again && (await this.presence.existsBy({ id: change.row.id }))) break;
        await this.presence.insert(change.row);
        break;
    }
  }
}

const isAfterStep = (change: RecordChange): change is AfterStep =>
  change.kind === 'transfer' ||
  change.kind === 'ring_supervisors' ||
  change.kind === 'forward' ||
  change.kind === 'connect_check';
