import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { InjectClock } from '../common/clock.provider';
import { Hotline } from '../hotlines/hotline.entity';
import { Call, CallerType } from './call.entity';
import { CallFlowTwiml, HoldNews } from './call-flow.twiml';
import { CallSettlement } from './call-settlement';
import { ConferenceLegs } from './conference/conference-legs';
import { legAnswered } from './call-deadlines';
import { secondsBetween } from './effect-record';
import { HotlineEvents } from '../events/hotline-events';
import { IncomingCalls } from './incoming-calls';
import { Switchboard } from './switchboard';
import { VoiceCallbacks, hasCallerNumber } from './voice-callbacks';
import { CALLER_DIGITS, DANGER_DIGIT, VOICE_PROMPTS } from './voice-prompts';

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
  RecordingSid?: string;
  RecordingStatus?: string;
  RecordingDuration?: string;
}

/** Volunteer states of someone on duty: able to answer now, after their call, or their break. */
const ON_DUTY_STATES = new Set(['available', 'offered', 'talking', 'wrap_up', 'missed', 'break']);

/**
 * Nobody on duty at all (not merely busy): every volunteer of the hotline is offline. Someone
 * on a call, in wrap-up, on a short break or who just missed an offer will answer in time.
 */
export const nobodyOnDuty = (volunteers: readonly { state: string }[]): boolean =>
  !volunteers.some((volunteer) => ON_DUTY_STATES.has(volunteer.state));

/** The topic a crisis call is matched on: volunteers with this skill are preferred. */
const CRISIS_TOPIC = 'self_harm_suicide';
const DEFAULT_TOPIC = 'other';

/**
 * Each step of a phone call, from Twilio's webhooks: record it, move the call on, answer
 * TwiML. The menus, the queue and the dial are here; the call's record is `IncomingCalls`',
 * messages and call-backs `VoiceCallbacks`'. Every step is idempotent on CallSid: a retried webhook finds the call where the
 * first attempt left it and gets the same answer.
 */
@Injectable()
export class VoiceFlowService {
  private readonly logger = new Logger('VoiceFlow');

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly records: IncomingCalls,
    private readonly callbacks: VoiceCallbacks,
    private readonly switchboard: Switchboard,
    private readonly settlement: CallSettlement,
    private readonly events: HotlineEvents,
    private readonly legs: ConferenceLegs,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async incoming(params: VoiceParams): Promise<string> {
    const { call, hotline } = await this.records.arrive(params);
    const twiml = this.twiml(hotline);
    if (call.outcome === 'closed_hours') return twiml.closed(this.clock.now());
    // The caller menu, or a refused caller's message (see `resume`).
    return this.resume(call, hotline);
  }

  async menu(params: VoiceParams, step: 'caller' | 'topic'): Promise<string> {
    const { call, hotline } = await this.records.of(params);
    if (call.status !== 'menu') return this.resume(call, hotline);
    const digit = params.Digits ?? '';
    if (digit === DANGER_DIGIT) return this.enqueue(call, hotline, 'crisis', CRISIS_TOPIC);
    if (call.refusal) return this.refuse(call, hotline);
    if (step === 'caller') {
      const callerType: CallerType = CALLER_DIGITS[digit as keyof typeof CALLER_DIGITS] ?? 'other';
      await this.calls.update(call.id, { callerType, updatedAt: this.now() });
      return this.twiml(hotline).topicMenu();
    }
    const topic =
      defaultTaxonomy()
        .menuTopics()
        .find((candidate) => String(candidate.menu) === digit)?.key ?? DEFAULT_TOPIC;
    if (await this.nobodyOnDuty(hotline)) return this.offerInsteadOfHolding(call, hotline, topic);
    return this.enqueue(call, hotline, 'normal', topic);
  }

  /** A refused caller who did not press the danger key: not queued, the call ends. */
  private async refuse(call: Call, hotline: Hotline): Promise<string> {
    const at = this.now();
    await this.settlement.settleCall(call.id, {
      status: 'ended',
      outcome: call.refusal,
      waitSeconds: 0,
      endedAt: at,
      updatedAt: at,
    });
    return this.twiml(hotline).goodbye();
  }

  /**
   * Nobody is on duty: the caller is told at once and offered a message or a call-back
   * instead of holding for nobody. The call never queues (outcome `overflow_callback`).
   */
  private async offerInsteadOfHolding(
    call: Call,
    hotline: Hotline,
    topic: string,
  ): Promise<string> {
    const at = this.now();
    await this.settlement.settleCall(call.id, {
      topic,
      status: 'callback_menu',
      outcome: 'overflow_callback',
      waitSeconds: 0,
      updatedAt: at,
    });
    return this.twiml(hotline).messageOrCallback(
      'nobody_on_duty',
      [this.prompts(hotline).nobodyOnDuty],
      hasCallerNumber(call),
    );
  }

  async wait(params: VoiceParams): Promise<string> {
    const { call, hotline } = await this.records.of(params);
    // The caller's sign of life while queued (see `Takeover.sweep`).
    await this.calls.update(call.id, {
      heardAt: this.now(),
      ...(!call.queueSid && params.QueueSid ? { queueSid: params.QueueSid } : {}),
    });
    const twiml = this.twiml(hotline);
    if (['overflowing', 'voicemail', 'callback_chosen'].includes(call.status))
      return twiml.leaveQueue();
    const crisis = call.priority === 'crisis';
    const nobody = await this.nobodyOnDuty(hotline);
    const place = await this.switchboard.placeOf(call);
    const news: HoldNews = nobody ? 'nobody_on_duty' : (place ?? null);
    // Crisis callers are escalated, never sent to a message.
    if (crisis) return twiml.hold(nobody ? null : news, false, true);
    const waited = call.queuedAt ? this.clock.now().toMillis() - call.queuedAt.getTime() : 0;
    const offer = nobody || waited >= hotline.routing.offerMessageAfterSeconds * 1000;
    return twiml.hold(news, offer);
  }

  /**
   * A key pressed while holding: 1 for a message, 2 for a call-back. The caller's wait ends
   * (outcome `overflow_callback`) and `<Leave>` takes them out of Twilio's queue; the queue
   * result then records the message or the call-back. Another key: back to holding.
   */
  async waitChoice(params: VoiceParams): Promise<string> {
    const { call, hotline } = await this.records.of(params);
    const twiml = this.twiml(hotline);
    if (['overflowing', 'voicemail', 'callback_chosen'].includes(call.status))
      return twiml.leaveQueue();
    const digit = params.Digits ?? '';
    if (call.priority === 'crisis' || call.status !== 'waiting' || !['1', '2'].includes(digit))
      return twiml.backToHold();
    const at = this.now();
    const settled = await this.settlement.settleCall(call.id, {
      status: digit === '1' ? 'voicemail' : 'callback_chosen',
      outcome: 'overflow_callback',
      waitSeconds: Math.max(
        0,
        Math.round((at.getTime() - (call.queuedAt ?? call.arrivedAt).getTime()) / 1000),
      ),
      updatedAt: at,
    });
    if (!settled) {
      // Already settled: the overflow or a volunteer's accept came first.
      const now = await this.calls.findOneByOrFail({ id: call.id });
      return now.status === 'overflowing' ? twiml.leaveQueue() : twiml.backToHold();
    }
    await this.switchboard.hangUp({ ...call, outcome: 'overflow_callback' } as Call);
    return twiml.leaveQueue();
  }

  async queueResult(params: VoiceParams): Promise<string> {
    const { call, hotline } = await this.records.of(params);
    const twiml = this.twiml(hotline);
    switch (params.QueueResult) {
      case 'leave':
        if (call.status === 'voicemail') return twiml.recordMessage('while_waiting');
        if (call.status === 'callback_chosen')
          return this.callbacks.callbackFor(call, hotline, 'while_waiting');
        if (call.status === 'overflowing') {
          await this.calls.update(call.id, { status: 'callback_menu', updatedAt: this.now() });
        }
        return twiml.overflow(hasCallerNumber(call));
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
        return twiml.overflow(hasCallerNumber(call));
    }
  }

  /**
   * Twilio fetches this for the caller once the accepted volunteer is to be connected: the
   * volunteer's leg is rung, and the caller waits for them in the call's conference.
   */
  async connect(params: VoiceParams, callId: string | undefined): Promise<string> {
    const { call, hotline } = await this.records.of(params);
    if (call.id !== callId || call.status !== 'connecting' || !call.volunteerId)
      return this.resume(call, hotline);
    if (!(await this.legs.ringVolunteer(call, hotline.routing.offerTimeoutSeconds))) {
      // Nothing of theirs can ring (no softphone registered, no phone number): fail at once.
      await this.switchboard.dialFailed(call);
      return this.twiml(hotline).enqueue(call.priority === 'crisis');
    }
    // The ring is under way: the connecting deadline leaves this call to it.
    await this.calls.update(
      { id: call.id, status: 'connecting' },
      { dialStartedAt: this.now(), updatedAt: this.now() },
    );
    return this.twiml(hotline).conference(call.id);
  }

  /**
   * The caller's `<Dial><Conference>` ended: the caller left the conference, or it ended (the
   * volunteer hung up). Answered (the volunteer joined, or pressed 1 on their phone): the talk
   * ran from the answer until now. Otherwise the conference failed before anyone answered:
   * back to the caller's place.
   */
  async dialResult(params: VoiceParams): Promise<string> {
    const { call, hotline } = await this.records.of(params);
    if (call.status === 'talking' || (call.status === 'connecting' && legAnswered(call))) {
      await this.conversationEnded(call);
      return this.twiml(hotline).goodbye();
    }
    if (call.status !== 'connecting') return this.resume(call, hotline);
    await this.switchboard.dialFailed(call);
    return this.twiml(hotline).enqueue(call.priority === 'crisis');
  }

  /** The answered call is over: its talk time, its outcome, and its end for those in it. */
  private async conversationEnded(call: Call): Promise<void> {
    const endedAt = this.now();
    const answered = {
      answeredAt: call.answeredAt ?? endedAt,
      talkSeconds: call.talkSeconds ?? secondsBetween(call.answeredAt ?? endedAt, endedAt),
      status: 'talking' as const,
      updatedAt: endedAt,
    };
    await this.calls.update(call.id, answered);
    await this.switchboard.hangUp({ ...call, ...answered } as Call);
    await this.legs.ended(call.id);
  }

  /** Call status callbacks: the caller's call ended, whatever it was doing. */
  async status(params: VoiceParams): Promise<string> {
    const ended = ['completed', 'canceled', 'busy', 'failed', 'no-answer'].includes(
      params.CallStatus ?? '',
    );
    const call = await this.calls.findOneBy({ callSid: params.CallSid });
    if (!call || !ended || call.endedAt) return CallFlowTwiml.empty();
    if (call.status === 'menu') {
      // Hung up while choosing (or while told they are refused): a call that never queued.
      const at = this.now();
      await this.settlement.settleCall(call.id, {
        status: 'ended',
        outcome: call.refusal ?? 'abandoned',
        waitSeconds: 0,
        endedAt: at,
        updatedAt: at,
      });
    } else if (legAnswered(call)) {
      // Hung up while talking (Twilio may report this before the dial's action).
      await this.conversationEnded(call);
      const at = this.now();
      await this.calls.update(call.id, { status: 'ended', endedAt: at, updatedAt: at });
    } else {
      await this.switchboard.hangUp(call);
      const at = this.now();
      await this.calls.update(call.id, { status: 'ended', endedAt: at, updatedAt: at });
    }
    return CallFlowTwiml.empty();
  }

  private async nobodyOnDuty(hotline: Hotline): Promise<boolean> {
    return nobodyOnDuty((await this.switchboard.snapshot(hotline.id)).volunteers);
  }

  private prompts(hotline: Hotline) {
    return VOICE_PROMPTS[hotline.locale];
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
        return call.refusal ? twiml.refused(call.refusal) : twiml.callerMenu();
      case 'waiting':
      case 'offered':
      case 'connecting':
        return twiml.enqueue(call.priority === 'crisis');
      case 'overflowing':
      case 'callback_menu':
        return twiml.overflow(hasCallerNumber(call));
      case 'voicemail':
        return twiml.recordMessage('while_waiting');
      default:
        return call.outcome === 'queue_full' ? twiml.queueFull() : twiml.goodbye();
    }
  }

  private twiml(hotline: Hotline): CallFlowTwiml {
    return new CallFlowTwiml(hotline, (path) => this.legs.url(path));
  }

  private now(): Date {
    return this.clock.now().toJSDate();
  }
}
