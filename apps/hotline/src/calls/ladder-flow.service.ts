import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Telephony } from '../telephony/telephony';
import { Call } from './call.entity';
import { CallFlowTwiml } from './call-flow.twiml';
import { CrisisLadder } from './crisis-ladder';
import { LadderTwiml } from './ladder.twiml';
import { Switchboard } from './switchboard';
import { SwitchboardRefusal } from './switchboard-refusal';
import type { VoiceParams } from './voice-flow.service';

/**
 * The ladder's webhooks: a supervisor's call (asked, then taking the caller with 1) and the
 * crisis caller's moves. The first supervisor to press 1 gets the caller; any later one hears
 * that someone else has them.
 */
@Injectable()
export class LadderFlowService {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly switchboard: Switchboard,
    private readonly ladder: CrisisLadder,
    private readonly directory: HotlineDirectory,
    private readonly telephony: Telephony,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The supervisor answered the ladder's call. */
  async supervisor(callId: string, supervisorId: string): Promise<string> {
    const call = await this.callOf(callId);
    if (!call) return CallFlowTwiml.empty();
    const twiml = await this.twiml(call);
    if (!stillWaiting(call)) return twiml.alreadyTaken();
    const waited = Math.round(
      (this.clock.now().toMillis() - (call.queuedAt ?? call.arrivedAt).getTime()) / 1000,
    );
    return twiml.supervisorAsked(call.id, supervisorId, waited);
  }

  /** The supervisor's key: 1 takes the caller if nobody else has them yet. */
  async take(params: VoiceParams, callId: string, supervisorId: string): Promise<string> {
    const call = await this.callOf(callId);
    if (!call) return CallFlowTwiml.empty();
    const twiml = await this.twiml(call);
    if (params.Digits !== '1') return twiml.noKey();
    const took = await this.switchboard
      .supervisorTook(call, supervisorId)
      .catch((error: Error) =>
        error instanceof SwitchboardRefusal ? false : Promise.reject(error),
      );
    if (!took) return twiml.alreadyTaken();
    await this.ladder.bringToSupervisor(call);
    return twiml.supervisorJoins(call.id);
  }

  /** The caller, moved out of the queue, joins their supervisor's conference. */
  async caller(params: VoiceParams, callId: string): Promise<string> {
    const call = await this.callOf(callId, params.CallSid);
    if (!call) return CallFlowTwiml.empty();
    return (await this.twiml(call)).callerJoins(call.id);
  }

  /** The caller, moved out of the queue, is dialled through to the crisis line. */
  async forward(params: VoiceParams, callId: string): Promise<string> {
    const call = await this.callOf(callId, params.CallSid);
    if (!call) return CallFlowTwiml.empty();
    const hotline = await this.directory.hotline(call.hotlineId);
    return (await this.twiml(call)).forward(call.forwardedTo ?? hotline.routing.crisisLine);
  }

  /** The call a ladder webhook names; none for a missing id (TypeORM would match any row). */
  private callOf(callId: string | undefined, callSid?: string): Promise<Call | null> {
    if (!callId) return Promise.resolve(null);
    return this.calls.findOneBy(callSid ? { id: callId, callSid } : { id: callId });
  }

  private async twiml(call: Call): Promise<LadderTwiml> {
    return new LadderTwiml(await this.directory.hotline(call.hotlineId), (path) =>
      this.telephony.url(path),
    );
  }
}

const stillWaiting = (call: Call) =>
  call.outcome === null && (call.status === 'waiting' || call.status === 'offered');
