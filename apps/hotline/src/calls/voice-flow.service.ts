import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { currentOrNextOpening, isOpenAt } from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { isUniqueViolation } from '../database/errors';
import { Hotline } from '../hotlines/hotline.entity';
import { Call, CallerType } from './call.entity';
import { CallFlowTwiml } from './call-flow.twiml';
import { CallSettlement } from './call-settlement';
import { CallerTransfer } from './caller-transfer';
import { CallbackReason } from './callback-request.entity';
import { CallbackRequestsService } from './callback-requests.service';
import { HotlineEvents } from '../events/hotline-events';
import { Switchboard } from './switchboard';
import { CALLER_DIGITS, DANGER_DIGIT } from './voice-prompts';
import { HotlineDirectory } from '../hotlines/hotline-directory';

/** The POST parameters Twilio sends with every voice webhook (those we read). */
export interface VoiceParams {
  CallSid: string;
  From?: string;
  To?: string;
  Digits?: string;
  CallStatus?: string;
  QueueSid?: string;
  QueueResult?: string;
  DialCallStatus?: string;
  DialCallDuration?: string;
}

/** The topic a crisis call is matched on: volunteers with this skill are preferred. */
const CRISIS_TOPIC = 'self_harm_suicide';
const DEFAULT_TOPIC = 'other';

/**
 * Each step of a phone call, from Twilio's webhooks: record it, move the call on, answer
 * TwiML. Every step is idempotent on CallSid: a retried webhook finds the call where the
 * first attempt left it and gets the same answer.
 */
@Injectable()
export class VoiceFlowService {
  private readonly logger = new Logger('VoiceFlow');

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly callbackRequests: CallbackRequestsService,
    private readonly switchboard: Switchboard,
    private readonly settlement: CallSettlement,
    private readonly directory: HotlineDirectory,
    private readonly events: HotlineEvents,
    private readonly cipher: FieldCipher,
    private readonly transfer: CallerTransfer,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async incoming(params: VoiceParams): Promise<string> {
    const { call, hotline } = await this.findOrCreateCall(params);
    const twiml = this.twiml(hotline);
    if (call.outcome === 'closed_hours') return twiml.closed(this.clock.now());
    if (call.status !== 'menu') return this.resume(call, hotline);
    return twiml.callerMenu();
  }

  async menu(params: VoiceParams, step: 'caller' | 'topic'): Promise<string> {
    const { call, hotline } = await this.callOf(params);
    if (call.status !== 'menu') return this.resume(call, hotline);
    const digit = params.Digits ?? '';
    if (digit === DANGER_DIGIT) return this.enqueue(call, hotline, 'crisis', CRISIS_TOPIC);
    if (step === 'caller') {
      const callerType: CallerType = CALLER_DIGITS[digit as keyof typeof CALLER_DIGITS] ?? 'other';
      await this.calls.update(call.id, { callerType, updatedAt: this.now() });
      return this.twiml(hotline).topicMenu();
    }
    const topic =
      defaultTaxonomy()
        .menuTopics()
        .find((candidate) => String(candidate.menu) === digit)?.key ?? DEFAULT_TOPIC;
    return this.enqueue(call, hotline, 'normal', topic);
  }

  async wait(params: VoiceParams): Promise<string> {
    const { call, hotline } = await this.callOf(params);
    if (!call.queueSid && params.QueueSid)
      await this.calls.update(call.id, { queueSid: params.QueueSid });
    if (call.status === 'overflowing') return this.twiml(hotline).leaveQueue();
    const place = (await this.switchboard.placeOf(call)) ?? {
      position: 1,
      expectedWaitSeconds: 60,
    };
    return this.twiml(hotline).hold(place.position, place.expectedWaitSeconds);
  }

  async queueResult(params: VoiceParams): Promise<string> {
    const { call, hotline } = await this.callOf(params);
    const twiml = this.twiml(hotline);
    switch (params.QueueResult) {
      case 'leave':
        if (call.status === 'overflowing') {
          await this.calls.update(call.id, { status: 'callback_menu', updatedAt: this.now() });
        }
        return twiml.overflow();
      case 'hangup':
        await this.switchboard.hangUp(call);
        return CallFlowTwiml.empty();
      case 'bridged':
      case 'redirected':
      case 'bridging-in-process':
        return CallFlowTwiml.empty();
      default:
        // Twilio's queue failed (queue-full, error, system-error): sorry, emergency numbers, call-back.
        this.logger.warn(
          { result: params.QueueResult },
          'Twilio could not keep the caller in the queue',
        );
        await this.switchboard.hangUp(call);
        return twiml.overflow();
    }
  }

  /** Twilio fetches this for the caller once the accepted volunteer's dial should start. */
  async connect(params: VoiceParams, callId: string | undefined): Promise<string> {
    const { call, hotline } = await this.callOf(params);
    if (call.id !== callId || call.status !== 'connecting' || !call.volunteerId)
      return this.resume(call, hotline);
    const target = await this.transfer.dialTarget(call.volunteerId);
    if (!target) {
      // Nothing of theirs can ring (no softphone registered, no phone number): fail at once.
      await this.switchboard.dialFailed(call);
      return this.twiml(hotline).enqueue(call.priority === 'crisis');
    }
    return this.twiml(hotline).dial(target, call.id, hotline.routing.offerTimeoutSeconds);
  }

  /**
   * `screened`: the dial rang a phone behind the take-the-call screen. Twilio reports a leg the
   * screen hung up as `completed` too (it was picked up), so only a recorded key press counts.
   */
  async dialResult(params: VoiceParams, screened = false): Promise<string> {
    const { call, hotline } = await this.callOf(params);
    if (call.status !== 'connecting') return this.resume(call, hotline);
    const bridged = params.DialCallStatus === 'completed' || params.DialCallStatus === 'answered';
    if (bridged && (!screened || call.answeredAt)) {
      const talkSeconds = Number(params.DialCallDuration ?? 0);
      const endedAt = this.now();
      await this.calls.update(call.id, {
        answeredAt: call.answeredAt ?? new Date(endedAt.getTime() - talkSeconds * 1000),
        talkSeconds,
        status: 'talking',
        updatedAt: endedAt,
      });
      await this.switchboard.hangUp(call);
      return this.twiml(hotline).goodbye();
    }
    await this.switchboard.dialFailed(call);
    return this.twiml(hotline).enqueue(call.priority === 'crisis');
  }

  /** Call status callbacks: the caller's call ended, whatever it was doing. */
  async status(params: VoiceParams): Promise<string> {
    const ended = ['completed', 'canceled', 'busy', 'failed', 'no-answer'].includes(
      params.CallStatus ?? '',
    );
    const call = await this.calls.findOneBy({ callSid: params.CallSid });
    if (!call || !ended || call.endedAt) return CallFlowTwiml.empty();
    if (call.status === 'menu') {
      // Hung up while choosing: an abandoned call that never queued.
      const at = this.now();
      await this.settlement.settleCall(call.id, {
        status: 'ended',
        outcome: 'abandoned',
        waitSeconds: 0,
        endedAt: at,
        updatedAt: at,
      });
    } else {
      await this.switchboard.hangUp(call);
      const at = this.now();
      await this.calls.update(call.id, { status: 'ended', endedAt: at, updatedAt: at });
    }
    return CallFlowTwiml.empty();
  }

  async callback(params: VoiceParams, reason: CallbackReason): Promise<string> {
    const { call, hotline } = await this.callOf(params);
    const twiml = this.twiml(hotline);
    if (params.Digits !== '1') return twiml.goodbye(hotline.closedMessage);
    const next = currentOrNextOpening(hotline.schedule(), this.clock.now().plus({ minutes: 1 }));
    const forDate = (next?.start ?? this.clock.now()).setZone(hotline.timeZone).toISODate()!;
    await this.callbackRequests.record(call, reason, forDate);
    return twiml.callbackRecorded(forDate);
  }

  private async enqueue(
    call: Call,
    hotline: Hotline,
    priority: 'normal' | 'crisis',
    topic: string,
  ): Promise<string> {
    const queuedAt = this.now();
    const queued = { priority, topic, queuedAt, status: 'waiting' as const, updatedAt: queuedAt };
    await this.calls.update(call.id, queued);
    Object.assign(call, queued);
    const result = await this.switchboard.enqueue(call);
    if (result === 'queue_full') {
      await this.settlement.settleCall(call.id, {
        status: 'ended',
        outcome: 'queue_full',
        endedAt: queuedAt,
        waitSeconds: 0,
      });
      return this.twiml(hotline).queueFull();
    }
    this.events.publish({
      type: 'call.queued',
      hotlineId: hotline.id,
      callId: call.id,
      topic,
      priority,
      callerType: call.callerType,
    });
    if (priority === 'crisis')
      this.events.publish({ type: 'call.danger', hotlineId: hotline.id, callId: call.id });
    return this.twiml(hotline).enqueue(priority === 'crisis');
  }

  /** A repeated or late webhook: answer for where the call is now. */
  private resume(call: Call, hotline: Hotline): string {
    const twiml = this.twiml(hotline);
    switch (call.status) {
      case 'menu':
        return twiml.callerMenu();
      case 'waiting':
      case 'offered':
      case 'connecting':
        return twiml.enqueue(call.priority === 'crisis');
      case 'overflowing':
      case 'callback_menu':
        return twiml.overflow();
      default:
        return call.outcome === 'queue_full' ? twiml.queueFull() : twiml.goodbye();
    }
  }

  /** Most incoming webhooks are new calls: write first, and read only when Twilio retried. */
  private async findOrCreateCall(params: VoiceParams): Promise<{ call: Call; hotline: Hotline }> {
    const hotline = await this.directory.called(params.To);
    const now = this.clock.now();
    const open = isOpenAt(hotline.schedule(), now);
    const call = this.calls.create({
      id: randomUUID(),
      hotlineId: hotline.id,
      callSid: params.CallSid,
      callerNumberEncrypted: this.cipher.encryptOptional(params.From),
      callerHash: params.From ? this.cipher.keyedHash(params.From) : null,
      callerType: null,
      topic: null,
      priority: 'normal',
      status: open ? 'menu' : 'ended',
      outcome: open ? null : 'closed_hours',
      queueSid: null,
      volunteerId: null,
      offerCount: 0,
      arrivedAt: now.toJSDate(),
      queuedAt: null,
      firstOfferedAt: null,
      answeredAt: null,
      endedAt: null,
      waitSeconds: null,
      talkSeconds: null,
      updatedAt: now.toJSDate(),
    });
    try {
      if (open) await this.calls.insert(call);
      else await this.settlement.recordEndedCall(call);
      return { call, hotline };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.calls.findOneByOrFail({ callSid: params.CallSid });
      return { call: existing, hotline: await this.directory.hotline(existing.hotlineId) };
    }
  }

  private async callOf(params: VoiceParams): Promise<{ call: Call; hotline: Hotline }> {
    const call = await this.calls.findOneBy({ callSid: params.CallSid });
    if (!call) return this.findOrCreateCall(params);
    return { call, hotline: await this.directory.hotline(call.hotlineId) };
  }

  private twiml(hotline: Hotline): CallFlowTwiml {
    return new CallFlowTwiml(hotline, (path) => this.transfer.url(path));
  }

  private now(): Date {
    return this.clock.now().toJSDate();
  }
}
