import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Not, Repository } from 'typeorm';
import { Call } from './call.entity';
import { CallbackRequest } from './callback-request.entity';

/**
 * Clears the caller numbers kept past the hotline's retention, for the retention job in
 * contacts: a call's from its arrival, a callback request's once it is done. The keyed hash
 * that recognises a returning caller stays.
 */
@Injectable()
export class CallerNumberRetention {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallbackRequest) private readonly callbacks: Repository<CallbackRequest>,
  ) {}

  /** Clears the numbers older than `cutoff`; returns how many of each were cleared. */
  async clearBefore(
    hotlineId: string,
    cutoff: Date,
  ): Promise<{ callerNumbers: number; callbackNumbers: number }> {
    const calls = await this.calls.update(
      { hotlineId, arrivedAt: LessThan(cutoff), callerNumberEncrypted: Not(IsNull()) },
      { callerNumberEncrypted: null },
    );
    const callbacks = await this.callbacks.update(
      { hotlineId, doneAt: LessThan(cutoff), callerNumberEncrypted: Not(IsNull()) },
      { callerNumberEncrypted: null },
    );
    return { callerNumbers: calls.affected ?? 0, callbackNumbers: callbacks.affected ?? 0 };
  }
}
