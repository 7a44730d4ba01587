import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Call } from './call.entity';
import { CallerTransfer } from './caller-transfer';
import { ScreeningTwiml, TAKE_CALL_DIGIT } from './screening.twiml';

/**
 * The take-the-call screen on a volunteer's own phone (`<Number url>`). Twilio fetches it for
 * the volunteer's leg once they pick up, with that leg's CallSid; the hotline's call is named
 * in the URL. Pressing 1 records the answer on the call, which is how the dial result tells a
 * taken call from one the screen hung up (Twilio reports both as `completed`).
 */
@Injectable()
export class CallScreening {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly directory: HotlineDirectory,
    private readonly transfer: CallerTransfer,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async screen(
    callId: string | undefined,
    step: 'ask' | 'key' | 'join',
    digits?: string,
  ): Promise<string> {
    const call = callId ? await this.calls.findOneBy({ id: callId }) : null;
    if (!call)
      return new ScreeningTwiml(await this.directory.called(undefined), this.url).decline(true);
    const twiml = new ScreeningTwiml(await this.directory.hotline(call.hotlineId), this.url);
    const waiting = call.status === 'connecting';
    if (!waiting) return twiml.decline(true);
    if (step === 'join') return twiml.take(call.id);
    if (step === 'ask') return twiml.ask(call.id);
    if (digits !== TAKE_CALL_DIGIT) return twiml.decline(false);
    const at = this.clock.now().toJSDate();
    // Only the first press counts; a retried webhook finds the answer already recorded.
    await this.calls
      .createQueryBuilder()
      .update()
      .set({ answeredAt: at, updatedAt: at })
      .where('id = :id AND status = :status AND answered_at IS NULL', {
        id: call.id,
        status: 'connecting',
      })
      .execute();
    return twiml.take(call.id);
  }

  private readonly url = (path: string) => this.transfer.url(path);
}
