import type {
  ChosenPresence,
  QueuePosition,
  QueueSnapshot,
  VolunteerView as EngineVolunteer,
} from '@hotline/routing';
import type { Protocol, ProtocolLine } from '../instances/cluster';
import type { Volunteer } from '../volunteers/volunteer.entity';
import type { Call } from './call.entity';
import type { Switchboard } from './switchboard';
import { SwitchboardRefusal } from './switchboard-refusal';

type CallArgs = { callId: string };
type OfferArgs = { volunteerId: string; offerId: string };
type CallBackArgs = { volunteerId: string; hotlineId: string; callbackId: string };

/** What a follower asks of the leader's switchboard, and what the leader tells the followers. */
export interface SwitchboardProtocol extends Protocol {
  requests: {
    'switchboard.enqueue': { args: CallArgs; result: 'queued' | 'queue_full' | 'duplicate' };
    'switchboard.hangUp': { args: CallArgs; result: void };
    'switchboard.dialFailed': { args: CallArgs; result: void };
    'switchboard.connected': { args: CallArgs; result: void };
    'switchboard.transferToQueue': { args: CallArgs & { topic: string }; result: void };
    'switchboard.takeOver': { args: CallArgs & { supervisorId: string }; result: void };
    'switchboard.consult': { args: CallArgs & { colleagueId: string }; result: void };
    'switchboard.endConsult': { args: CallArgs & { complete: boolean }; result: void };
    'switchboard.ringOnly': {
      args: CallArgs & { volunteerId: string; topic: string };
      result: void;
    };
    'switchboard.release': { args: CallArgs; result: void };
    'switchboard.callBack': { args: CallBackArgs; result: void };
    'switchboard.callBackEnded': { args: CallBackArgs & { reached: boolean }; result: void };
    'switchboard.callBackRecorded': { args: CallBackArgs; result: void };
    'switchboard.supervisorTook': { args: CallArgs & { supervisorId: string }; result: boolean };
    'switchboard.position': {
      args: CallArgs & { hotlineId: string };
      result: QueuePosition | undefined;
    };
    'switchboard.snapshot': { args: { hotlineId: string }; result: QueueSnapshot };
    'switchboard.setPresence': {
      args: { volunteerId: string; hotlineId: string; presence: ChosenPresence };
      result: EngineVolunteer;
    };
    /** The accepted call's id. */
    'switchboard.accept': { args: OfferArgs; result: string };
    'switchboard.decline': { args: OfferArgs; result: void };
    'switchboard.finishWrapUp': {
      args: CallArgs & { volunteerId: string };
      result: EngineVolunteer;
    };
    'switchboard.reoffer': {
      args: { hotlineId: string; callId: string; volunteerId: string };
      result: void;
    };
    /** The live offer's id. */
    'switchboard.liveOffer': { args: { volunteerId: string }; result: string | null };
    /** Every volunteer's state on every hotline, for a follower that joins or sees a new leader. */
    'switchboard.states': { args: Record<string, never>; result: VolunteerStates };
  };
  broadcasts: {
    /** After each step, the states of the volunteers it touched. */
    'switchboard.states': { hotlineId: string; volunteers: EngineVolunteer[] };
    /** A new leader has taken over (sent by `Cluster`). */
    leader: { instanceId: string };
  };
}

/** Hotline id → its volunteers' engine states. */
export type VolunteerStates = Record<string, EngineVolunteer[]>;

export type SwitchboardLine = ProtocolLine<SwitchboardProtocol>;

/** The records a request names, read on the leader. */
export interface Records {
  call(id: string): Promise<Call>;
  volunteer(id: string): Promise<Volunteer>;
}

/** The leader answers each request with its own switchboard; its refusals travel as HTTP errors. */
export function serveSwitchboard(
  line: SwitchboardLine,
  leader: Switchboard & { states(): VolunteerStates },
  records: Records,
): void {
  const { call, volunteer } = records;
  const handle: SwitchboardLine['handle'] = (method, handler) =>
    line.handle(method, async (args) => {
      try {
        return await handler(args);
      } catch (error) {
        throw error instanceof SwitchboardRefusal ? error.asHttp() : error;
      }
    });
  handle('switchboard.enqueue', async ({ callId }) => leader.enqueue(await call(callId)));
  handle('switchboard.hangUp', async ({ callId }) => leader.hangUp(await call(callId)));
  handle('switchboard.takeOver', async ({ callId, supervisorId }) =>
    leader.takeOver(await call(callId), supervisorId),
  );
  handle('switchboard.consult', async ({ callId, colleagueId }) =>
    leader.consult(await call(callId), colleagueId),
  );
  handle('switchboard.endConsult', async ({ callId, complete }) =>
    leader.endConsult(await call(callId), complete),
  );
  handle('switchboard.transferToQueue', async ({ callId, topic }) =>
    leader.transferToQueue(await call(callId), topic),
  );
  handle('switchboard.connected', async ({ callId }) => leader.connected(await call(callId)));
  handle('switchboard.dialFailed', async ({ callId }) => leader.dialFailed(await call(callId)));
  handle('switchboard.ringOnly', async ({ callId, volunteerId, topic }) =>
    leader.ringOnly(await call(callId), volunteerId, topic),
  );
  handle('switchboard.release', async ({ callId }) => leader.release(await call(callId)));
  handle('switchboard.callBack', (args) =>
    leader.callBack(args.volunteerId, args.hotlineId, args.callbackId),
  );
  handle('switchboard.callBackEnded', (args) =>
    leader.callBackEnded(args.volunteerId, args.hotlineId, args.callbackId, args.reached),
  );
  handle('switchboard.callBackRecorded', (args) =>
    leader.callBackRecorded(args.volunteerId, args.hotlineId, args.callbackId),
  );
  handle('switchboard.supervisorTook', async ({ callId, supervisorId }) =>
    leader.supervisorTook(await call(callId), supervisorId),
  );
  handle('switchboard.position', ({ callId, hotlineId }) =>
    leader.placeOf({ id: callId, hotlineId }),
  );
  handle('switchboard.snapshot', ({ hotlineId }) => leader.snapshot(hotlineId));
  handle('switchboard.setPresence', async (args) =>
    leader.setPresence(await volunteer(args.volunteerId), args.hotlineId, args.presence),
  );
  handle(
    'switchboard.accept',
    async ({ volunteerId, offerId }) =>
      (await leader.accept(await volunteer(volunteerId), offerId)).id,
  );
  handle('switchboard.decline', async ({ volunteerId, offerId }) =>
    leader.decline(await volunteer(volunteerId), offerId),
  );
  handle('switchboard.finishWrapUp', async ({ volunteerId, callId }) =>
    leader.finishWrapUp(await volunteer(volunteerId), await call(callId)),
  );
  handle('switchboard.reoffer', (args) =>
    leader.reoffer(args.hotlineId, args.callId, args.volunteerId),
  );
  handle(
    'switchboard.liveOffer',
    async ({ volunteerId }) => (await leader.liveOffer(await volunteer(volunteerId)))?.id ?? null,
  );
  handle('switchboard.states', () => leader.states());
}
