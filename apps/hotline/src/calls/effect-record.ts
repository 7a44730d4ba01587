import { DateTime } from 'luxon';
import type { RoutingEffect } from '@hotline/routing';
import type { HotlineEvent } from '../events/hotline-events';
import type { CallOffer, OfferResult } from './call-offer.entity';
import type { Call } from './call.entity';
import type { PresenceChange } from './presence-change.entity';

/** The engine's effects, and one of the host's own: a call went back to its place in the queue. */
export type Effect = RoutingEffect | { type: 'requeued'; callId: string };

/** One change to the record (or a message) that an engine step leads to, in the order due. */
export type RecordChange =
  | { kind: 'offer.insert'; row: CallOffer }
  | { kind: 'offer.update'; id: string; changes: Partial<CallOffer> }
  /** The call is rung: status offered, one more offer, and the first offer's time once. */
  | { kind: 'call.offered'; callId: string; at: Date }
  | { kind: 'call.update'; callId: string; changes: Partial<Call> }
  /** The call's one outcome (see `CallSettlement`). */
  | { kind: 'call.settle'; callId: string; changes: Partial<Call> }
  | { kind: 'presence.insert'; row: PresenceChange }
  | { kind: 'publish'; event: HotlineEvent }
  /** The accepted volunteer is to be connected: Twilio moves the caller, after the step. */
  | { kind: 'transfer'; call: Call }
  /** The escalation ladder: ring the supervisors' phones, after the step. */
  | { kind: 'ring_supervisors'; call: Call }
  /** The escalation ladder: Twilio moves the caller to the crisis line, after the step. */
  | { kind: 'forward'; call: Call; to: string }
  /** The call has been connecting too long: Twilio is asked where the caller is, after the step. */
  | { kind: 'connect_check'; call: Call };

/** What the host does with Twilio once a step is recorded (outside the engine's turn). */
export type AfterStep = Extract<
  RecordChange,
  { kind: 'transfer' | 'ring_supervisors' | 'forward' | 'connect_check' }
>;

/** The step's setting: its hotline and time, the calls its effects name, the offers live now. */
export interface RecordContext {
  hotlineId: string;
  at: Date;
  /** Rows of the calls that connect or end in this step, as they were before it. */
  calls: ReadonlyMap<string, Call>;
  /** The engine's offer id → the offer row's id (the one the API and consoles use). */
  offerRows: ReadonlyMap<string, string>;
  /** Where the hotline forwards crisis callers nobody took. */
  crisisLine: string;
  newId: () => string;
}

export interface Record {
  changes: RecordChange[];
  /** Offers the step opened (engine id → row id) and closed (engine ids). */
  opened: [string, string][];
  closed: string[];
}

/** What an engine step's effects do to the offer, call and presence rows, and what is published. */
export function recordOf(effects: readonly Effect[], context: RecordContext): Record {
  const { hotlineId, at } = context;
  const offerRows = new Map(context.offerRows);
  const calls = new Map(context.calls);
  const record: Record = { changes: [], opened: [], closed: [] };
  const change = (next: RecordChange) => record.changes.push(next);
  const publish = (event: HotlineEvent) => change({ kind: 'publish', event });
  const callOf = (callId: string) => {
    const call = calls.get(callId);
    if (!call) throw new Error(`call ${callId} was not read for this step`);
    return call;
  };
  // A volunteer entering wrap-up learns in the same step which call just ended.
  // A caller a supervisor took is still on the line when the engine lets go of the call.
  const withSupervisor = new Set(
    effects.flatMap((effect) =>
      effect.type === 'supervisor_connect' || effect.type === 'taken_over' ? [effect.callId] : [],
    ),
  );
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
        const id = context.newId();
        offerRows.set(effect.offerId, id);
        record.opened.push([effect.offerId, id]);
        change({
          kind: 'offer.insert',
          row: {
            id,
            callId: effect.callId,
            volunteerId: effect.volunteerId,
            offeredAt: at,
            expiresAt: new Date(effect.expiresAt),
            result: null,
            endedAt: null,
          },
        });
        change({ kind: 'call.offered', callId: effect.callId, at });
        publish({
          type: 'offer.created',
          hotlineId,
          offerId: id,
          callId: effect.callId,
          volunteerId: effect.volunteerId,
          expiresAt: iso(effect.expiresAt),
        });
        break;
      }
      case 'offer_withdrawn': {
        const id = offerRows.get(effect.offerId)!;
        offerRows.delete(effect.offerId);
        record.closed.push(effect.offerId);
        change({
          kind: 'offer.update',
          id,
          changes: { result: effect.reason as OfferResult, endedAt: at },
        });
        if (effect.reason !== 'abandoned')
          change({
            kind: 'call.update',
            callId: effect.callId,
            changes: { status: 'waiting', updatedAt: at },
          });
        publish({
          type: 'offer.withdrawn',
          hotlineId,
          offerId: id,
          callId: effect.callId,
          volunteerId: effect.volunteerId,
          reason: effect.reason,
        });
        break;
      }
      case 'connect': {
        const call = callOf(effect.callId);
        const changes = {
          status: 'connecting' as const,
          volunteerId: effect.volunteerId,
          waitSeconds: secondsBetween(call.queuedAt ?? call.arrivedAt, at),
          // Set again by the dial's webhook: this accept's dial has not started yet.
          dialStartedAt: null,
          updatedAt: at,
        };
        change({ kind: 'call.update', callId: effect.callId, changes });
        // Later effects of this step see the wait just recorded.
        calls.set(call.id, { ...call, waitSeconds: changes.waitSeconds } as Call);
        change({ kind: 'transfer', call });
        publish({ type: 'call.changed', hotlineId, callId: effect.callId });
        break;
      }
      case 'connect_deadline':
        change({ kind: 'connect_check', call: callOf(effect.callId) });
        break;
      case 'requeued':
        change({
          kind: 'call.update',
          callId: effect.callId,
          changes: { status: 'waiting', volunteerId: null, updatedAt: at },
        });
        break;
      case 'crisis_supervisors':
        change({ kind: 'ring_supervisors', call: callOf(effect.callId) });
        publish({
          type: 'crisis.escalated',
          hotlineId,
          callId: effect.callId,
          step: 'supervisors',
        });
        break;
      case 'supervisor_connect': {
        const call = callOf(effect.callId);
        const changes = {
          status: 'talking' as const,
          volunteerId: effect.supervisorId,
          answeredAt: at,
          waitSeconds: secondsBetween(call.queuedAt ?? call.arrivedAt, at),
          updatedAt: at,
        };
        change({ kind: 'call.update', callId: effect.callId, changes });
        calls.set(call.id, { ...call, ...changes } as Call);
        break;
      }
      case 'transferred':
        // Back in the queue, for the next volunteer: their answer will be the call's answer.
        change({
          kind: 'call.update',
          callId: effect.callId,
          changes: {
            status: 'waiting',
            volunteerId: null,
            topic: effect.topic,
            answeredAt: null,
            dialStartedAt: null,
            callerOnHold: false,
            updatedAt: at,
          },
        });
        publish({ type: 'call.changed', hotlineId, callId: effect.callId });
        break;
      case 'taken_over':
        // The contact record follows the person who ends up with the caller.
        change({
          kind: 'call.update',
          callId: effect.callId,
          changes: { volunteerId: effect.supervisorId, updatedAt: at },
        });
        break;
      case 'handed_over':
        // A warm transfer: the contact record follows the colleague who has the caller now.
        change({
          kind: 'call.update',
          callId: effect.callId,
          changes: { volunteerId: effect.toVolunteerId, callerOnHold: false, updatedAt: at },
        });
        publish({ type: 'call.changed', hotlineId, callId: effect.callId });
        break;
      case 'crisis_forward': {
        const to = context.crisisLine;
        change({ kind: 'call.update', callId: effect.callId, changes: { forwardedTo: to } });
        change({ kind: 'forward', call: callOf(effect.callId), to });
        publish({
          type: 'crisis.escalated',
          hotlineId,
          callId: effect.callId,
          step: 'forwarded',
          forwardedTo: to,
        });
        break;
      }
      case 'missed_twice':
        publish({ type: 'volunteer.missed_twice', hotlineId, volunteerId: effect.volunteerId });
        break;
      case 'overflow':
        change({
          kind: 'call.update',
          callId: effect.callId,
          changes: { status: 'overflowing', updatedAt: at },
        });
        break;
      case 'call_ended': {
        const call = callOf(effect.callId);
        change({
          kind: 'call.settle',
          callId: effect.callId,
          changes: {
            outcome: effect.outcome,
            // An overflowing caller is still on the line, hearing the call-back offer; one a
            // supervisor took is talking to them.
            ...(effect.outcome === 'overflow_callback' || withSupervisor.has(effect.callId)
              ? {}
              : { status: 'ended' as const, endedAt: call.endedAt ?? at }),
            waitSeconds:
              effect.outcome === 'answered'
                ? call.waitSeconds
                : secondsBetween(call.queuedAt ?? call.arrivedAt, at),
            updatedAt: at,
          },
        });
        // A practice call ends quietly: no contact record opens for it (see `call.ended`).
        publish(
          call.training
            ? { type: 'call.changed', hotlineId, callId: effect.callId }
            : {
                type: 'call.ended',
                hotlineId,
                callId: effect.callId,
                outcome: effect.outcome,
                ...(effect.volunteerId ? { volunteerId: effect.volunteerId } : {}),
              },
        );
        break;
      }
      case 'volunteer_state':
        change({
          kind: 'presence.insert',
          row: {
            id: context.newId(),
            hotlineId,
            volunteerId: effect.volunteerId,
            state: effect.state,
            changedAt: new Date(effect.since),
          },
        });
        publish({
          type: 'volunteer.state',
          hotlineId,
          volunteerId: effect.volunteerId,
          state: effect.state,
          since: iso(effect.since),
          ...(effect.state === 'wrap_up' && endedCallOf.has(effect.volunteerId)
            ? { wrapUpCallId: endedCallOf.get(effect.volunteerId) }
            : {}),
        });
        break;
    }
  }
  return record;
}

const NAMING_CALLS = new Set<Effect['type']>([
  'connect',
  'connect_deadline',
  'call_ended',
  'crisis_supervisors',
  'supervisor_connect',
  'crisis_forward',
]);

/** The calls whose rows a step's record needs (see `RecordContext.calls`). */
export function callsNamedBy(effects: readonly Effect[]): string[] {
  return [
    ...new Set(
      effects.flatMap((effect) =>
        NAMING_CALLS.has(effect.type) && 'callId' in effect ? [effect.callId] : [],
      ),
    ),
  ];
}

export const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

const iso = (millis: number) => DateTime.fromMillis(millis).toUTC().toISO()!;
