import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Transactions } from '../database/transactions';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { CallSettlement } from './call-settlement';
import { PresenceChange } from './presence-change.entity';
import { StaleLeaderError, fenceRouting } from './routing-fence';
import { AfterStep, Effect, RecordChange, callsNamedBy, recordOf } from './effect-record';
import { untilLanded } from './landing';
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
  /**
   * The routing leader's lease epoch: each write then runs in a transaction behind the routing
   * fence, and a leader superseded by a later one has its writes refused (`StaleLeaderError`,
   * not retried). Without it (one instance) writes are not fenced.
   */
  epoch?: number;
}

/** A direct caller (a test) learns of the first failure. */
export const ONCE: Persistence = { patienceMs: 0, wanted: () => false };

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
    private readonly transactions: Transactions,
  ) {}

  private get repositories(): Tables {
    return { calls: this.calls, offers: this.offers, presence: this.presence };
  }

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
      untilLanded(write, () => persistence.wanted() && Date.now() < giveUpAt, this.logger);
    const { epoch } = persistence;
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
          await landing((again) => this.fenced(change, again, epoch));
        } catch (error) {
          if (persistence.patienceMs === 0 || error instanceof StaleLeaderError) throw error;
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

  /** One change, behind the routing fence when the leader's `epoch` is given, in one transaction. */
  private fenced(change: Written, again: boolean, epoch: number | undefined): Promise<void> {
    if (epoch === undefined) return this.apply(change, again, this.repositories);
    const fence = (manager: EntityManager) => fenceRouting(manager, epoch);
    if (change.kind === 'call.settle')
      return this.settlement.settleCall(change.callId, change.changes, fence).then(() => undefined);
    return this.transactions.run(async (manager) => {
      await fence(manager);
      await this.apply(change, again, {
        calls: manager.getRepository(Call),
        offers: manager.getRepository(CallOffer),
        presence: manager.getRepository(PresenceChange),
      });
    });
  }

  /** One change; `again` after a failure, when an insert may have landed unanswered. */
  private async apply(change: Written, again: boolean, tables: Tables): Promise<void> {
    const { calls, offers, presence } = tables;
    switch (change.kind) {
      case 'offer.insert':
        if (again && (await offers.existsBy({ id: change.row.id }))) break;
        await offers.insert(change.row);
        break;
      case 'offer.update':
        await offers.update(change.id, change.changes);
        break;
      case 'call.offered':
        await calls.update(change.callId, {
          status: 'offered',
          offerCount: () => 'offer_count + 1',
          updatedAt: change.at,
        });
        await calls.update(
          { id: change.callId, firstOfferedAt: IsNull() },
          { firstOfferedAt: change.at },
        );
        break;
      case 'call.update':
        await calls.update(change.callId, change.changes);
        break;
      case 'call.settle':
        await this.settlement.settleCall(change.callId, change.changes);
        break;
      case 'presence.insert':
        if (again && (await presence.existsBy({ id: change.row.id }))) break;
        await presence.insert(change.row);
        break;
    }
  }
}

type Written = Exclude<RecordChange, AfterStep | { kind: 'publish' }>;

interface Tables {
  calls: Repository<Call>;
  offers: Repository<CallOffer>;
  presence: Repository<PresenceChange>;
}

const isAfterStep = (change: RecordChange): change is AfterStep =>
  change.kind === 'transfer' ||
  change.kind === 'ring_supervisors' ||
  change.kind === 'forward' ||
  change.kind === 'connect_check';
