import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../../common/clock.provider';
import { Telephony } from '../../telephony/telephony';
import type { Volunteer } from '../../volunteers/volunteer.entity';
import { Call } from '../call.entity';
import { Switchboard } from '../switchboard';
import { CallParticipant } from './call-participant.entity';
import { LiveCalls } from './live-calls';

/**
 * A volunteer hands their caller on. Cold: back to the queue for a topic they choose, the
 * caller keeping their priority and place (the routing leader's engine decides who is next);
 * the caller leaves the conference for the queue and the volunteer goes into wrap-up.
 */
@Injectable()
export class Transfer {
  private readonly logger = new Logger('Conference');

  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallParticipant) private readonly participants: Repository<CallParticipant>,
    private readonly switchboard: Switchboard,
    private readonly telephony: Telephony,
    private readonly live: LiveCalls,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async toQueue(volunteer: Volunteer, callId: string, topic: string): Promise<void> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call || !volunteer.worksFor(call.hotlineId))
      throw new NotFoundException(`No call ${callId} on your hotlines.`);
    if (call.status !== 'talking' || call.volunteerId !== volunteer.id)
      throw new ConflictException('Only the volunteer talking with the caller can transfer them.');
    await this.switchboard.transferToQueue(call, topic);
    // Those in the call leave it with the caller; the leave events then change nothing.
    const present = await this.live.present(call.id);
    await this.participants.update({ callId: call.id, leftAt: IsNull() }, { leftAt: this.now() });
    await this.live.publish(
      call.id,
      present.map((row) => row.volunteerId),
    );
    // The connect webhook answers a waiting caller with their place in the queue.
    await this.telephony
      .sendCallerTo(call.callSid, null, `/twilio/voice/connect?call=${call.id}`)
      .catch((error: Error) =>
        this.logger.error(
          { err: error.message, callId },
          'could not move the caller back to the queue; the sweep finds them waiting',
        ),
      );
  }

  private now(): Date {
    return this.clock.now().toJSDate();
  }
}
