import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { invalidFields } from '../common/validation';
import { isUniqueViolation } from '../database/errors';
import { CrisisOpening } from '../crisis/crisis-opening.service';
import { Transactions } from '../database/transactions';
import { HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { StatsRollups, contactFacts } from '../statistics/stats-rollups';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ContactAccess } from './contact-access';
import { Contact, ContactTopic } from './contact.entity';
import { ContactFieldsDto, ContactView, UpdateContactDto, WrapUpView } from './dto/contact.dto';

/** What opens a record of a consultation that happened (a call, a chat, a call-back). */
export type Opening = Pick<
  Contact,
  'hotlineId' | 'channel' | 'volunteerId' | 'occurredAt' | 'callerType' | 'callerHash'
> &
  Partial<
    Pick<
      Contact,
      | 'callId'
      | 'chatId'
      | 'callbackRequestId'
      | 'direction'
      | 'durationMinutes'
      | 'ageBand'
      | 'grade'
      | 'gender'
      | 'district'
      | 'notesEncrypted'
      | 'recordedBy'
    >
  >;

/**
 * The record of a consultation that happened, every channel's, before it is categorised:
 * recorded by its volunteer unless said otherwise, with no topic, risk or outcome yet.
 */
export function openedContact(opening: Opening, now: Date): Contact {
  return Object.assign(new Contact(), {
    id: randomUUID(),
    contactType: 'counselling',
    direction: 'inbound',
    callId: null,
    chatId: null,
    callbackRequestId: null,
    recordedBy: opening.volunteerId,
    durationMinutes: null,
    ageBand: null,
    grade: null,
    gender: null,
    district: null,
    primaryTopic: null,
    riskLevel: null,
    outcome: null,
    notesEncrypted: null,
    notesClearedAt: null,
    wrapUpSeconds: null,
    createdAt: now,
    updatedAt: now,
    ...opening,
  } satisfies Omit<Contact, 'topics' | 'hotline' | 'volunteer'>);
}

/**
 * Writing a contact record, whatever its channel: its fields and topics in one transaction with
 * the statistics, the crisis case it opens or joins, the audit of every change of its notes;
 * and the record as the people who may see it see it.
 */
@Injectable()
export class ContactRecords {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly transactions: Transactions,
    private readonly rollups: StatsRollups,
    private readonly directory: HotlineDirectory,
    private readonly crisis: CrisisOpening,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly events: HotlineEvents,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** A record of its volunteer's, not yet categorised: no topic, risk or outcome. */
  opening(opening: Opening): Contact {
    return openedContact(opening, this.clock.now().toJSDate());
  }

  /**
   * Inserts a record opened before it is categorised (an answered call's) and counts it in
   * the statistics. A unique violation (the record is there already) is the caller's to handle.
   */
  async open(contact: Contact): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.insert(Contact, contact);
      await this.rollups.countContact(
        manager,
        contact.hotlineId,
        await this.zoneOf(contact.hotlineId),
        null,
        contactFacts({ ...contact, topics: [] } as Contact),
      );
    });
  }

  /**
   * Opens a record there must be only one of (a unique key on its call or call-back request):
   * when another writer (the wrap-up, the end of the call) opened it first, theirs is returned.
   */
  async openOnce(
    contact: Contact,
    theirs: () => Promise<Contact>,
  ): Promise<{ contact: Contact; opened: boolean }> {
    try {
      await this.open(contact);
      return { contact, opened: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return { contact: await theirs(), opened: false };
    }
  }

  /** Completes or corrects a record: its volunteer or a supervisor of the hotline. */
  async update(actor: Volunteer, id: string, dto: UpdateContactDto): Promise<WrapUpView> {
    const record = await this.readable(actor, id);
    if (!ContactAccess.mayHandle(actor, record))
      throw new ForbiddenException('Only its volunteer or a supervisor can change this record.');
    const merged = {
      ...this.fieldsOf(record),
      ...Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)),
    };
    const counselling = (merged.contactType ?? 'counselling') === 'counselling';
    if (counselling && (!merged.primaryTopic || !merged.riskLevel || !merged.outcome))
      throw invalidFields({
        primaryTopic: merged.primaryTopic
          ? []
          : ['primaryTopic is required to categorise the record'],
        riskLevel: merged.riskLevel ? [] : ['riskLevel is required'],
        outcome: merged.outcome ? [] : ['outcome is required'],
      });
    const contact = await this.write(actor, record, merged as ContactFieldsDto, {
      notesChanged: dto.notes !== undefined,
    });
    return this.withCase(contact);
  }

  /**
   * Writes the fields and the topics in one transaction, and audits a change of the notes.
   * `wrapUpFrom`, the end of the conversation when the record is written in its wrap-up: the
   * wrap-up time counts once, from then to the first record written after it.
   */
  async write(
    actor: Pick<Volunteer, 'id'>,
    record: Contact,
    fields: ContactFieldsDto,
    {
      isNew = false,
      notesChanged = fields.notes !== undefined,
      wrapUpFrom,
    }: { isNew?: boolean; notesChanged?: boolean; wrapUpFrom?: Date | null } = {},
  ): Promise<Contact> {
    const contactType = fields.contactType ?? 'counselling';
    // A non-counselling contact (silent, prank, ...) keeps no topic, risk or outcome.
    const counselling = contactType === 'counselling';
    const others = [...new Set(fields.otherTopics ?? [])].filter(
      (key) => key !== fields.primaryTopic,
    );
    const topics = counselling ? [fields.primaryTopic, ...others] : [];
    const unknown = defaultTaxonomy().unknownKeys(topics);
    if (unknown.length > 0)
      throw invalidFields({
        otherTopics: [`unknown topic keys (${unknown.join(', ')}); see GET /api/taxonomy`],
      });
    const now = this.clock.now().toJSDate();
    Object.assign(record, {
      callerType: fields.callerType ?? record.callerType ?? null,
      ageBand: fields.ageBand ?? null,
      grade: fields.grade ?? null,
      gender: fields.gender ?? null,
      district: fields.district ?? null,
      contactType,
      primaryTopic: counselling ? fields.primaryTopic : null,
      riskLevel: counselling ? fields.riskLevel : null,
      outcome: counselling ? fields.outcome : null,
      ...(notesChanged ? { notesEncrypted: this.cipher.encryptOptional(fields.notes) } : {}),
      ...(wrapUpFrom && record.wrapUpSeconds === null
        ? {
            wrapUpSeconds: Math.max(0, Math.round((now.getTime() - wrapUpFrom.getTime()) / 1000)),
          }
        : {}),
      updatedAt: now,
    });
    const zone = await this.zoneOf(record.hotlineId);
    await this.transactions.run(async (manager) => {
      // What the statistics counted so far is read here, under lock, not from the caller's copy.
      const counted = isNew ? null : await this.lockedForUpdate(manager, record.id);
      const { topics: _loaded, ...row } = record;
      if (isNew) await manager.insert(Contact, row);
      else await manager.update(Contact, record.id, row);
      await manager.delete(ContactTopic, { contactId: record.id });
      if (topics.length > 0)
        await manager.insert(
          ContactTopic,
          topics.map((topicKey) => ({
            contactId: record.id,
            topicKey,
            isPrimary: topicKey === fields.primaryTopic,
          })),
        );
      await this.rollups.countContact(
        manager,
        record.hotlineId,
        zone,
        counted && contactFacts(counted),
        contactFacts({ ...record, topics: topics.map((topicKey) => ({ topicKey })) } as Contact),
      );
    });
    record.topics = topics.map((topicKey) =>
      Object.assign(new ContactTopic(), {
        contactId: record.id,
        topicKey,
        isPrimary: topicKey === fields.primaryTopic,
      }),
    );
    await this.recordAccess(actor, record, isNew ? 'contact.created' : 'contact.updated');
    if (notesChanged && fields.notes)
      await this.recordAccess(actor, record, 'contact.notes.written');
    return record;
  }

  private lockedForUpdate(manager: EntityManager, id: string): Promise<Contact> {
    const mysql = manager.connection.options.type !== 'better-sqlite3';
    return manager.findOneOrFail(Contact, {
      where: { id },
      relations: { topics: true },
      // SQLite has no row locks; its transactions take turns (see Transactions).
      ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  private async zoneOf(hotlineId: string): Promise<string> {
    return (await this.directory.hotline(hotlineId)).timeZone;
  }

  /** What a written record sets off: its crisis case, and its place in the review queue. */
  async withCase(contact: Contact): Promise<WrapUpView> {
    const crisisCaseId = await this.crisis.considerContact(contact);
    this.events.publish({
      type: 'contact.recorded',
      hotlineId: contact.hotlineId,
      contactId: contact.id,
    });
    return {
      contact: this.view(contact, { notes: true, earlier: await this.earlierContacts(contact) }),
      ...(crisisCaseId ? { crisisCaseId } : {}),
    };
  }

  /** The record if the person may see it at all; otherwise 404, as if it did not exist. */
  async readable(actor: Volunteer, id: string): Promise<Contact> {
    const contact = await this.contacts.findOne({ where: { id }, relations: { topics: true } });
    if (!contact || !ContactAccess.mayRead(actor, contact))
      throw new NotFoundException(`No contact record ${id} that you may read.`);
    return contact;
  }

  earlierContacts(contact: Contact): Promise<number> | number {
    if (!contact.callerHash) return 0;
    return this.contacts
      .createQueryBuilder('c')
      .where('c.hotlineId = :hotlineId', { hotlineId: contact.hotlineId })
      .andWhere('c.callerHash = :hash', { hash: contact.callerHash })
      .andWhere('c.occurredAt < :at', { at: contact.occurredAt })
      .andWhere('c.id <> :id', { id: contact.id })
      .getCount();
  }

  private fieldsOf(contact: Contact): Partial<ContactFieldsDto> {
    const decrypted = this.cipher.decryptOptional(contact.notesEncrypted);
    return {
      contactType: contact.contactType,
      callerType: contact.callerType ?? undefined,
      ageBand: contact.ageBand ?? undefined,
      grade: contact.grade ?? undefined,
      gender: contact.gender ?? undefined,
      district: contact.district ?? undefined,
      primaryTopic: contact.primaryTopic ?? undefined,
      otherTopics: (contact.topics ?? [])
        .filter((topic) => !topic.isPrimary)
        .map((topic) => topic.topicKey),
      riskLevel: contact.riskLevel ?? undefined,
      outcome: contact.outcome ?? undefined,
      notes: decrypted ?? undefined,
    };
  }

  recordAccess(actor: Pick<Volunteer, 'id'>, contact: Contact, action: string): Promise<void> {
    return this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'contact',
      subjectId: contact.id,
      hotlineId: contact.hotlineId,
    });
  }

  view(contact: Contact, show: { notes: boolean; earlier?: number }): ContactView {
    const topics = [...(contact.topics ?? [])].sort(
      (a, b) => Number(b.isPrimary) - Number(a.isPrimary),
    );
    return {
      id: contact.id,
      hotlineId: contact.hotlineId,
      channel: contact.channel,
      callId: contact.callId,
      direction: contact.direction ?? 'inbound',
      callbackRequestId: contact.callbackRequestId ?? null,
      ...(contact.chatId ? { chatId: contact.chatId } : {}),
      volunteerId: contact.volunteerId,
      recordedBy: contact.recordedBy,
      occurredAt: contact.occurredAt.toISOString(),
      durationMinutes: contact.durationMinutes,
      callerType: contact.callerType,
      ageBand: contact.ageBand,
      grade: contact.grade,
      gender: contact.gender,
      district: contact.district,
      contactType: contact.contactType,
      // A non-counselling contact is complete without a topic.
      categorised: contact.primaryTopic !== null || contact.contactType !== 'counselling',
      primaryTopic: contact.primaryTopic,
      topics: topics.map((topic) => topic.topicKey),
      riskLevel: contact.riskLevel,
      outcome: contact.outcome,
      hasNotes: contact.notesEncrypted !== null,
      notesClearedAt: contact.notesClearedAt?.toISOString() ?? null,
      ...(show.notes ? { notes: this.cipher.decryptOptional(contact.notesEncrypted) } : {}),
      ...(show.earlier !== undefined ? { earlierContacts: show.earlier } : {}),
      createdAt: contact.createdAt.toISOString(),
      updatedAt: contact.updatedAt.toISOString(),
    };
  }
}
