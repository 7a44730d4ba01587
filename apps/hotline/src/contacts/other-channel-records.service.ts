import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { invalidFields } from '../common/validation';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { hotlineFor } from '../hotlines/hotline-scope';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ContactRecords } from './contact-records.service';
import { Contact } from './contact.entity';
import { CreateContactDto, WrapUpView } from './dto/contact.dto';

/** Consultations that are not phone calls (face to face, online), entered whole once they took place. */
@Injectable()
export class OtherChannelRecords {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly records: ContactRecords,
    private readonly directory: HotlineDirectory,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** A face-to-face or online consultation, entered by its volunteer or on their behalf. */
  async create(actor: Volunteer, dto: CreateContactDto): Promise<WrapUpView> {
    const hotlineId = hotlineFor(actor, dto.hotlineId);
    const volunteerId = dto.volunteerId ?? actor.id;
    if (volunteerId !== actor.id) {
      if (!actor.hasRole('coordinator', 'supervisor'))
        throw new ForbiddenException(
          'Only a coordinator or supervisor can enter a record on behalf of someone else.',
        );
      const counsellor = await this.volunteers.findOne({
        where: { id: volunteerId, hotlines: { id: hotlineId } },
      });
      if (!counsellor)
        throw invalidFields({ volunteerId: [`No volunteer ${volunteerId} on this hotline.`] });
    }
    // Without an offset, the time is the hotline's local time.
    const at = DateTime.fromISO(dto.occurredAt, {
      zone: (await this.directory.hotline(hotlineId)).timeZone,
    });
    if (at > this.clock.now().plus({ minutes: 5 }))
      throw invalidFields({
        occurredAt: ['occurredAt is in the future; record a consultation once it took place'],
      });
    const now = this.clock.now().toJSDate();
    const record = this.contacts.create({
      id: randomUUID(),
      hotlineId,
      channel: dto.channel,
      contactType: 'counselling',
      callId: null,
      volunteerId,
      recordedBy: actor.id,
      occurredAt: at.toJSDate(),
      durationMinutes: dto.durationMinutes ?? null,
      notesClearedAt: null,
      callerHash: null,
      wrapUpSeconds: null,
      createdAt: now,
      updatedAt: now,
    });
    const contact = await this.records.write(actor, record, dto, { isNew: true });
    return this.records.withCase(contact);
  }
}
