import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Volunteer } from '../volunteers/volunteer.entity';
import type { CallerType } from './contact-fields';
import { ContactRecords } from './contact-records.service';
import { Contact } from './contact.entity';
import { ContactFieldsDto, WrapUpView } from './dto/contact.dto';

/** A call-back that reached someone, as its contact record needs it. */
export interface ReachedCallBack {
  requestId: string;
  hotlineId: string;
  volunteerId: string;
  /** When the person picked up: the consultation's time. */
  answeredAt: Date;
  /** When the call-back ended: its wrap-up time runs from here. */
  endedAt: Date;
  /** The request's caller: their keyed hash, and who they said they were on the first call. */
  callerHash: string | null;
  callerType: CallerType | null;
}

/**
 * The record of a call-back: a phone contact, outbound, one per request (a unique key). It
 * opens when the call-back ends, not yet categorised, so the statistics count it even if its
 * wrap-up is never sent, as for a call; its volunteer completes it at wrap-up.
 */
@Injectable()
export class CallbackRecords {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly records: ContactRecords,
  ) {}

  /** Opens the record (idempotent: a second opening finds the first); returns it. */
  async open(callBack: ReachedCallBack): Promise<Contact> {
    const existing = await this.contacts.findOne({
      where: { callbackRequestId: callBack.requestId },
      relations: { topics: true },
    });
    if (existing) return existing;
    const contact = this.records.opening({
      hotlineId: callBack.hotlineId,
      channel: 'phone',
      direction: 'outbound',
      callbackRequestId: callBack.requestId,
      volunteerId: callBack.volunteerId,
      occurredAt: callBack.answeredAt,
      callerType: callBack.callerType,
      callerHash: callBack.callerHash,
    });
    // The wrap-up and the end of the call-back may race to open it: one record either way.
    const once = await this.records.openOnce(contact, () =>
      this.contacts.findOneOrFail({
        where: { callbackRequestId: callBack.requestId },
        relations: { topics: true },
      }),
    );
    return once.contact;
  }

  /**
   * Its volunteer writes the record (again: a correction). Wrap-up time counts once, from the
   * end of the call-back to the first record written while wrapping it up.
   */
  async write(
    actor: Volunteer,
    callBack: ReachedCallBack,
    fields: ContactFieldsDto,
    inWrapUp: boolean,
  ): Promise<WrapUpView> {
    const record = await this.open(callBack);
    const contact = await this.records.write(actor, record, fields, {
      wrapUpFrom: inWrapUp ? callBack.endedAt : null,
    });
    return this.records.withCase(contact);
  }
}
