import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { isOpenAt } from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { isUniqueViolation } from '../database/errors';
import { CallerGate } from '../callers/caller-gate';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import type { Hotline } from '../hotlines/hotline.entity';
import { Call } from './call.entity';
import { CallSettlement } from './call-settlement';
import type { VoiceParams } from './voice-flow.service';

/**
 * What Twilio sends as `From` when the caller withheld their number (or the network gave
 * none): no caller id, so nothing to call back and nothing to recognise a caller by.
 */
const WITHHELD_NUMBERS = new Set([
  '',
  'anonymous',
  'restricted',
  'unknown',
  'unavailable',
  'private',
]);
const TWILIO_ANONYMOUS = /^\+?266696687$/;

/** The caller's number, or undefined when they have no caller id. */
export function callerIdOf(from: string | undefined): string | undefined {
  const number = (from ?? '').trim();
  if (WITHHELD_NUMBERS.has(number.toLowerCase()) || TWILIO_ANONYMOUS.test(number)) return undefined;
  return number;
}

/**
 * The call's record for Twilio's webhooks: written when the call arrives (the caller's number
 * encrypted, closed hours settled at once), found again by CallSid on every later step.
 */
@Injectable()
export class IncomingCalls {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly directory: HotlineDirectory,
    private readonly settlement: CallSettlement,
    private readonly cipher: FieldCipher,
    private readonly gate: CallerGate,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Most incoming webhooks are new calls: write first, and read only when Twilio retried. */
  async arrive(params: VoiceParams): Promise<{ call: Call; hotline: Hotline }> {
    const hotline = await this.directory.called(params.To);
    const now = this.clock.now();
    const open = isOpenAt(hotline.schedule(), now);
    const number = callerIdOf(params.From);
    const callerHash = number ? this.cipher.keyedHash(number) : null;
    // A blocked or too frequent caller is refused, but still hears the danger key.
    const admission = open
      ? await this.gate.admission(hotline, callerHash, now.toJSDate())
      : 'admit';
    const call = this.calls.create({
      id: randomUUID(),
      hotlineId: hotline.id,
      callSid: params.CallSid,
      callerNumberEncrypted: this.cipher.encryptOptional(number),
      callerHash,
      refusal: admission === 'admit' ? null : admission,
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

  /** The call a webhook is about; one Twilio reports before `incoming` is recorded now. */
  async of(params: VoiceParams): Promise<{ call: Call; hotline: Hotline }> {
    const call = await this.calls.findOneBy({ callSid: params.CallSid });
    if (!call) return this.arrive(params);
    return { call, hotline: await this.directory.hotline(call.hotlineId) };
  }
}
