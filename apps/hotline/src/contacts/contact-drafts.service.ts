import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { isUniqueViolation } from '../database/errors';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ContactAccess } from './contact-access';
import { ContactDraftRecord, DraftFields } from './contact-draft.entity';
import { Contact } from './contact.entity';
import { ContactDraftDto, ContactDraftView } from './dto/contact.dto';

/** A draft as the contact record takes it: its fields, and its notes as stored (encrypted). */
export interface Draft {
  fields: DraftFields;
  notesEncrypted: string | null;
}

/**
 * The contact draft of a call, saved as the volunteer types during the call and the wrap-up:
 * only the volunteer who holds the call writes it; they and the hotline's supervisors (audited)
 * read it. It becomes the record when the call ends, and goes once the wrap-up is written.
 */
@Injectable()
export class ContactDrafts {
  constructor(
    @InjectRepository(ContactDraftRecord) private readonly drafts: Repository<ContactDraftRecord>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Replaces the call's draft with what the form holds now. Refused once the record was
   * written at wrap-up: a tab left open must not reopen it.
   */
  async save(actor: Volunteer, callId: string, dto: ContactDraftDto): Promise<ContactDraftView> {
    const call = await this.calls.findOneBy({ id: callId, volunteerId: actor.id });
    if (!call) throw new NotFoundException(`No call ${callId} answered by you.`);
    const { notes, ...fields } = dto;
    const row = {
      fields: JSON.stringify(fields),
      notesEncrypted: this.cipher.encryptOptional(notes),
      updatedAt: this.clock.now().toJSDate(),
    };
    const done = await this.drafts.update({ callId }, row);
    if (!done.affected) {
      const record = await this.contacts.findOne({
        where: { callId },
        select: { id: true, primaryTopic: true, contactType: true },
      });
      if (record && (record.primaryTopic || record.contactType !== 'counselling'))
        throw new ConflictException('The contact of this call is recorded; change the record.');
      try {
        await this.drafts.insert({
          id: randomUUID(),
          hotlineId: call.hotlineId,
          callId,
          volunteerId: actor.id,
          ...row,
        });
      } catch (error) {
        // Two saves raced to create it: the later one wins, as typing goes.
        if (!isUniqueViolation(error)) throw error;
        await this.drafts.update({ callId }, row);
      }
    }
    return { callId, ...fields, ...(notes ? { notes } : {}), savedAt: row.updatedAt.toISOString() };
  }

  /** The draft for its volunteer, or for a supervisor of the hotline (the read is audited). */
  async read(actor: Volunteer, callId: string): Promise<ContactDraftView> {
    const call = await this.calls.findOneBy({ id: callId });
    if (
      !call?.volunteerId ||
      !ContactAccess.mayHandle(actor, call as Call & { volunteerId: string })
    )
      throw new NotFoundException(`No call ${callId} whose draft you may read.`);
    const stored = await this.drafts.findOneBy({ callId });
    if (!stored) return { callId, savedAt: null };
    if (actor.id !== call.volunteerId)
      await this.audit.record({
        actorId: actor.id,
        action: 'contact_draft.read',
        subjectType: 'call',
        subjectId: callId,
        hotlineId: call.hotlineId,
      });
    const { fields, notesEncrypted } = this.open(stored);
    const notes = this.cipher.decryptOptional(notesEncrypted);
    return {
      callId,
      ...fields,
      ...(notes ? { notes } : {}),
      savedAt: stored.updatedAt.toISOString(),
    };
  }

  /** The call's draft as the record takes it, if one was saved. */
  async ofCall(callId: string): Promise<Draft | null> {
    const stored = await this.drafts.findOneBy({ callId });
    return stored && this.open(stored);
  }

  /** The record is written: the draft has served. */
  async clear(callId: string): Promise<void> {
    await this.drafts.delete({ callId });
  }

  /** Retention: drafts untouched since before the cutoff go, with the notes of that age. */
  async clearBefore(hotlineId: string, cutoff: Date): Promise<number> {
    return (await this.drafts.delete({ hotlineId, updatedAt: LessThan(cutoff) })).affected ?? 0;
  }

  private open(stored: ContactDraftRecord): Draft {
    return {
      fields: JSON.parse(stored.fields) as DraftFields,
      notesEncrypted: stored.notesEncrypted,
    };
  }
}
