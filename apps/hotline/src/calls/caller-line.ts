import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Telephony } from '../telephony/telephony';
import { Call } from './call.entity';
import { connectVerdict, recordEnded } from './call-deadlines';
import type { TransferSteps } from './caller-transfer';

/** The engine steps a connecting deadline may end in, on the call's hotline. */
export interface ConnectSteps extends TransferSteps {
  /** The caller is gone: the hang-up the engine never heard. */
  hangUp(call: Call): Promise<void>;
}

/**
 * Asks Twilio where a caller really is, for the deadlines: a call connecting too long, a
 * caller who stopped fetching the hold loop. Twilio is the truth about the line; the record
 * is the truth about what was answered.
 */
@Injectable()
export class CallerLine {
  private readonly logger = new Logger('Switchboard');

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly telephony: Telephony,
  ) {}

  /** The call's status at Twilio, or undefined when Twilio cannot say (failed, silent, no telephony). */
  async status(callSid: string): Promise<string | undefined> {
    if (!this.telephony.enabled) return undefined;
    try {
      return await this.telephony.callStatus(callSid);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not ask Twilio about a call');
      return undefined;
    }
  }

  /** The call's connecting deadline passed: connect, requeue or settle it (see `connectVerdict`). */
  async checkConnecting(callId: string, steps: ConnectSteps): Promise<void> {
    const record = await this.calls.findOneBy({ id: callId });
    // A practice call has no line: it connects at once.
    if (!record || record.training) return;
    const status = recordEnded(record) ? undefined : await this.status(record.callSid);
    const verdict = connectVerdict(record, status);
    this.logger.warn({ callId, twilio: status, verdict }, 'a call connecting past its deadline');
    switch (verdict) {
      case 'settle':
        return steps.hangUp(record);
      case 'answered':
        return steps.answered(record);
      case 'requeue':
        return steps.requeue(record);
      case 'leave':
      case 'retry':
        return;
    }
  }
}
