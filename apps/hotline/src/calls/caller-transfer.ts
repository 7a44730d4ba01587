import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Call } from './call.entity';
import { recordEnded } from './call-deadlines';
import { SoftphoneRegistry } from './softphone-registry';

export const CONNECT_PATH = '/twilio/voice/connect';

/** Where a volunteer's next call rings: their console's softphone, or their own phone (screened). */
export type DialTarget = { client: string } | { number: string };

/** The engine steps a transfer may need, on the call's hotline. */
export interface TransferSteps {
  /** The caller could not be moved: back to their place in the queue. */
  requeue(call: Call): Promise<void>;
  /** The call is connected. */
  answered(call: Call): Promise<void>;
}

/**
 * Brings a caller to the volunteer who accepted: Twilio moves the caller out of its queue to
 * the connect webhook, which dials the volunteer's phone or console.
 */
@Injectable()
export class CallerTransfer {
  private readonly logger = new Logger('Switchboard');

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly telephony: Telephony,
    private readonly cipher: FieldCipher,
    private readonly softphones: SoftphoneRegistry,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** If Twilio cannot move the caller, they keep their place; a practice call connects at once. */
  async bring(call: Call, steps: TransferSteps): Promise<void> {
    if (call.training) {
      // No caller on the line: accepted is connected.
      await this.calls.update(call.id, {
        status: 'talking',
        updatedAt: this.clock.now().toJSDate(),
      });
      return steps.answered(call);
    }
    try {
      await this.telephony.sendCallerTo(
        call.callSid,
        call.queueSid,
        `${CONNECT_PATH}?call=${call.id}`,
      );
    } catch (error) {
      this.logger.error(
        { err: (error as Error).message, callId: call.id },
        'could not bring the caller to the volunteer',
      );
      // A slow Twilio: the caller may have hung up meanwhile. Only a call still connecting
      // goes back to its place; one that ended stays ended.
      const now = await this.calls.findOneBy({ id: call.id }).catch(() => null);
      if (!now || now.status !== 'connecting' || recordEnded(now)) return;
      await steps.requeue(now).catch(() => undefined);
    }
  }

  /**
   * Where the dial rings, or null when nothing can ring. Phone answering rings the phone.
   * Browser answering rings the softphone only when one is registered (and the server can
   * sign softphone tokens at all); otherwise it falls back to the phone. A volunteer with
   * neither a registered softphone nor a phone number cannot be rung.
   */
  async dialTarget(volunteerId: string): Promise<DialTarget | null> {
    return this.targetFor(await this.volunteers.findOneByOrFail({ id: volunteerId }));
  }

  async targetFor(
    volunteer: Pick<Volunteer, 'id' | 'answerBy' | 'phoneEncrypted' | 'softphoneIdentity'>,
  ): Promise<DialTarget | null> {
    const phone = this.cipher.decryptOptional(volunteer.phoneEncrypted);
    if (volunteer.answerBy === 'phone' && phone) return { number: phone };
    if (await this.softphones.ready(volunteer.id)) return { client: volunteer.softphoneIdentity };
    return phone ? { number: phone } : null;
  }

  /** The public address of a webhook, for the TwiML that sends Twilio there. */
  url(path: string): string {
    return this.telephony.url(path);
  }
}
