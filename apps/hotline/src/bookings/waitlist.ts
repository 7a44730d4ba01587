import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { invalidFields } from '../common/validation';
import { BookingSetupService } from './booking-setup.service';
import { WaitlistEntry } from './booking.entity';
import { WaitlistDto, WaitlistView } from './dto/booking.dto';
import { familyOf } from './family';
import { SlotPlan } from './slot-plan';

/**
 * The line of parents waiting for a time on a day, first come, first served. A time freed on
 * that day is offered to them in turn by `WaitlistOffers`.
 */
@Injectable()
export class Waitlist {
  constructor(
    @InjectRepository(WaitlistEntry) private readonly waitlist: Repository<WaitlistEntry>,
    private readonly setup: BookingSetupService,
    private readonly plan: SlotPlan,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async join(dto: WaitlistDto): Promise<WaitlistView> {
    const hotlineId = await this.setup.publicHotline();
    const family = familyOf(dto, dto.phone);
    const settings = await this.setup.settings(hotlineId);
    const { first, last } = await this.plan.bookableDates(hotlineId, settings.horizonDays);
    if (dto.date < first || dto.date > last)
      throw invalidFields({ date: [`date must be from ${first} to ${last}`] });
    const now = this.clock.now().toJSDate();
    await this.waitlist.insert({
      id: randomUUID(),
      hotlineId,
      localDate: dto.date,
      topic: family.topic,
      status: 'waiting',
      queueKey: `${String(now.getTime()).padStart(15, '0')}-${String(process.hrtime.bigint()).padStart(24, '0')}`,
      parentNameEncrypted: this.cipher.encrypt(family.parentName),
      phoneEncrypted: this.cipher.encrypt(family.phone),
      phoneHash: this.cipher.keyedHash(family.phone),
      childAgeBand: (family.childAgeBand ?? null) as WaitlistEntry['childAgeBand'],
      childGrade: (family.childGrade ?? null) as WaitlistEntry['childGrade'],
      language: family.language,
      offerTokenHash: null,
      offerBookingId: null,
      offerExpiresAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const position = await this.waitlist.count({
      where: { hotlineId, localDate: dto.date, status: In(['waiting', 'offered']) },
    });
    return { date: dto.date, position };
  }
}
