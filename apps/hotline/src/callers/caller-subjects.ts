import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Call } from '../calls/call.entity';
import { ContactAccess } from '../contacts/contact-access';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import type { Hotline } from '../hotlines/hotline.entity';
import { Contact } from '../contacts/contact.entity';
import type { Volunteer } from '../volunteers/volunteer.entity';

/** A caller as supervisors reach them: through one of their calls or contact records. */
export type CallerRef = { callId: string } | { contactId: string };

/** The caller a supervisor acts on: the hotline and the keyed number hash (never the number). */
export interface CallerSubject {
  hotline: Hotline;
  hotlineId: string;
  callerHash: string;
  /** The call it was reached through, if any (to hang it up). */
  call?: Call;
  /** The contact record it was reached through, if any. */
  contactId?: string;
}

@Injectable()
export class CallerSubjects {
  constructor(
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly directory: HotlineDirectory,
  ) {}

  /**
   * The caller behind a call or a contact of a hotline the actor supervises (or may act on,
   * by `mayAct`); 404 otherwise, as
   * if it did not exist, and 422 for a caller who withheld their number (nothing to key on).
   */
  async of(
    actor: Volunteer,
    ref: CallerRef,
    mayAct: (actor: Volunteer, hotlineId: string) => boolean = ContactAccess.supervises,
  ): Promise<CallerSubject> {
    const record =
      'callId' in ref
        ? await this.calls.findOneBy({ id: ref.callId })
        : await this.contacts.findOneBy({ id: ref.contactId });
    const what = 'callId' in ref ? `call ${ref.callId}` : `contact record ${ref.contactId}`;
    if (!record || !mayAct(actor, record.hotlineId))
      throw new NotFoundException(`No ${what} on a hotline you supervise.`);
    if (!record.callerHash)
      throw new UnprocessableEntityException(
        `The caller of ${what} withheld their number: there is nothing to recognise them by.`,
      );
    return {
      hotline: await this.directory.hotline(record.hotlineId),
      hotlineId: record.hotlineId,
      callerHash: record.callerHash,
      ...('callId' in ref ? { call: record as Call } : { contactId: ref.contactId }),
    };
  }
}
