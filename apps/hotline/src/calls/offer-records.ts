import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { SwitchboardRefusal } from './switchboard-refusal';

/** The offers' rows, as the leader's switchboard reads and closes them around engine steps. */
@Injectable()
export class OfferRecords {
  constructor(
    @InjectRepository(CallOffer) private readonly offers: Repository<CallOffer>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The volunteer's own offer, with its call's hotline; refused when there is none. */
  async own(volunteer: Volunteer, offerId: string): Promise<CallOffer & { hotlineId: string }> {
    const offer = await this.offers.findOne({
      where: { id: offerId, volunteerId: volunteer.id },
      relations: { call: true },
    });
    if (!offer) throw new SwitchboardRefusal('not_found', `No offer ${offerId} for you.`);
    return Object.assign(offer, { hotlineId: offer.call!.hotlineId });
  }

  /** Records the accepted offer; returns its call as it stands now. */
  async accepted(offer: CallOffer): Promise<Call> {
    await this.offers.update(offer.id, {
      result: 'accepted',
      endedAt: this.clock.now().toJSDate(),
    });
    return this.calls.findOneByOrFail({ id: offer.callId });
  }

  /** The volunteer's latest offer still without a result. */
  latestOpen(volunteer: Volunteer): Promise<CallOffer | null> {
    return this.offers.findOne({
      where: { volunteerId: volunteer.id, result: IsNull() },
      order: { offeredAt: 'DESC' },
    });
  }
}
