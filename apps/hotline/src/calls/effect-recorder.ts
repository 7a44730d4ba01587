import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { HotlineEvents } from '../events/hotline-events';
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

/**
 * Mirrors an engine step into the database and publishes it for the consoles: the database
 * is the record, rebuilt into the engines on start. What to write is `recordOf`'s decision.
 */
@Injectable()
export class EffectRecorder {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectRepository(PresenceChange) private readonly presence: Repository<PresenceChange>,
    private readonly settlement: CallSettlement,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Writes the step's changes in order; returns what Twilio is to do once the step is done. */
  async record(
    hotline: Pick<Hotline, 'id' | 'routing'>,
    effects: readonly Effect[],
    offers: OfferIds,
  ): Promise<AfterStep[]> {
    const named = callsNamedBy(effects);
    const rows = named.length > 0 ? await this.calls.findBy({ id: In(named) }) : [];
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
    for (const change of changes) {
      if (isAfterStep(change)) after.push(change);
      else await this.apply(change);
    }
    return after;
  }

  private async apply(change: Exclude<RecordChange, AfterStep>): Promise<void> {
    switch (change.kind) {
      case 'offer.insert':
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
        await this.presence.insert(change.row);
        break;
      case 'publish':
        this.events.publish(change.event);
    }
  }
}

const isAfterStep = (change: RecordChange): change is AfterStep =>
  change.kind === 'transfer' ||
  change.kind === 'ring_supervisors' ||
  change.kind === 'forward' ||
  change.kind === 'connect_check';
