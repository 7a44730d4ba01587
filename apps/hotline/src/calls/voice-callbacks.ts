import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { currentOrNextOpening } from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import type { Hotline } from '../hotlines/hotline.entity';
import { Call } from './call.entity';
import { CallFlowTwiml } from './call-flow.twiml';
import { CallerTransfer } from './caller-transfer';
import { CallbackReason } from './callback-request.entity';
import { CallbackRequestsService } from './callback-requests.service';
import { IncomingCalls } from './incoming-calls';
import type { VoiceParams } from './voice-flow.service';
import { VOICE_PROMPTS } from './voice-prompts';

/** A caller we could call back: they gave their number. */
export function hasCallerNumber(call: Call): boolean {
  return call.callerNumberEncrypted !== null && call.callerHash !== null;
}

/**
 * The caller's way out when nobody takes them: a message (recorded at Twilio, kept with the
 * call-back requests) or a call-back on the next opening's date.
 */
@Injectable()
export class VoiceCallbacks {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly records: IncomingCalls,
    private readonly callbackRequests: CallbackRequestsService,
    private readonly directory: HotlineDirectory,
    private readonly transfer: CallerTransfer,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Outside opening hours: 1 for a call-back. */
  async callback(params: VoiceParams, reason: CallbackReason): Promise<string> {
    const { call, hotline } = await this.records.of(params);
    const twiml = this.twiml(hotline);
    if (params.Digits !== '1') return twiml.goodbye(hotline.closedMessage);
    return this.callbackFor(call, hotline, reason);
  }

  /** Instead of holding: 1 for a message, 2 for a call-back. */
  async choice(params: VoiceParams, reason: CallbackReason): Promise<string> {
    const { call, hotline } = await this.records.of(params);
    const twiml = this.twiml(hotline);
    if (params.Digits === '1') {
      if (call.status === 'callback_menu')
        await this.calls.update(call.id, {
          status: 'voicemail',
          updatedAt: this.clock.now().toJSDate(),
        });
      return twiml.recordMessage(reason);
    }
    if (params.Digits === '2') return this.callbackFor(call, hotline, reason);
    return twiml.goodbye(hotline.closedMessage);
  }

  /** The `<Record>` ended: Twilio asks what next (only when it heard something). */
  async recorded(params: VoiceParams): Promise<string> {
    const { hotline } = await this.records.of(params);
    const twiml = this.twiml(hotline);
    if (Number(params.RecordingDuration ?? 0) > 0) return twiml.messageKept();
    return twiml.goodbye(VOICE_PROMPTS[hotline.locale].noMessageHeard, hotline.closedMessage);
  }

  /**
   * Twilio's recording status callback: a completed message is kept with the call-back
   * requests (its audio stays at Twilio). An absent one (silence) still leaves a call-back
   * for a caller with a number: they wanted to reach us.
   */
  async recording(params: VoiceParams, reason: CallbackReason): Promise<string> {
    const call = await this.calls.findOneBy({ callSid: params.CallSid });
    if (!call) return CallFlowTwiml.empty();
    const hotline = await this.directory.hotline(call.hotlineId);
    const forDate = this.callbackDate(hotline);
    const seconds = Number(params.RecordingDuration ?? 0);
    if (params.RecordingStatus === 'completed' && params.RecordingSid && seconds > 0) {
      await this.callbackRequests.recordMessage(call, reason, forDate, {
        recordingSid: params.RecordingSid,
        seconds,
      });
    } else if (params.RecordingStatus === 'completed' || params.RecordingStatus === 'absent') {
      await this.callbackRequests.record(call, reason, forDate);
    }
    return CallFlowTwiml.empty();
  }

  /**
   * A call-back for a caller with a number, for the next opening's date. A caller without
   * caller id is never promised one: they hear the hours and may leave a message instead.
   */
  async callbackFor(call: Call, hotline: Hotline, reason: CallbackReason): Promise<string> {
    const twiml = this.twiml(hotline);
    if (!hasCallerNumber(call)) return twiml.noCallbackWithoutNumber(reason);
    const forDate = this.callbackDate(hotline);
    await this.callbackRequests.record(call, reason, forDate);
    return twiml.callbackRecorded(forDate);
  }

  private callbackDate(hotline: Hotline): string {
    const next = currentOrNextOpening(hotline.schedule(), this.clock.now().plus({ minutes: 1 }));
    return (next?.start ?? this.clock.now()).setZone(hotline.timeZone).toISODate()!;
  }

  private twiml(hotline: Hotline): CallFlowTwiml {
    return new CallFlowTwiml(hotline, (path) => this.transfer.url(path));
  }
}
