import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';
import { EntityManager, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { defaultTaxonomy } from '@hotline/taxonomy';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import { CallsService } from '../calls/calls.service';
import { HotlineEvents } from '../events/hotline-events';
import { SwitchboardService } from '../calls/switchboard.service';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { invalidFields } from '../common/validation';
import { CrisisOpening } from '../crisis/crisis-opening.service';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { StatsRollups, contactFacts } from '../statistics/stats-rollups';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ContactAccess } from './contact-access';
import { Contact, ContactTopic } from './contact.entity';
import {
  ContactFieldsDto,
  ContactQueryDto,
  ContactView,
  CreateContactDto,
  UpdateContactDto,
  WrapUpView,
} from './dto/contact.dto';
import { hotlineFor } from '../hotlines/hotline-scope';
import { HotlineDirectory } from '../hotlines/hotline-directory';

/**
 * Contact records: one per consultation, whatever the channel. A phone call's record opens
 * when the call is answered and is completed at wrap-up; other channels are entered whole.
 * Notes are encrypted, shown only to the record's volunteer and the hotline's supervisors,
 * and every read or change of them is audited.
 */
@Injectable()
export class ContactsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Contacts');
  private subscription?: Subscription;

  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly transactions: Transactions,
    private readonly rollups: StatsRollups,
    private readonly callsService: CallsService,
    private readonly switchboard: SwitchboardService,
    private readonly directory: HotlineDirectory,
    private readonly events: HotlineEvents,
    private readonly crisis: CrisisOpening,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.on(
      'call.ended',
      (event) => this.openForCall(event.callId),
      this.logger,
      (event) => event.outcome === 'answered',
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /**
   * The record of an answered call, not categorised yet: it exists even if wrap-up runs out,
   * so statistics count the consultation. Idempotent; returns the record.
   */
  async openForCall(callId: string): Promise<Contact> {
    const existing = await this.contacts.findOneBy({ callId });
    if (existing) return existing;
    const call = await this.calls.findOneByOrFail({ id: callId });
    if (!call.volunteerId || !call.answeredAt)
      throw new ConflictException('This call was not answered; it has no contact record.');
    const now = this.clock.now().toJSDate();
    const contact = this.contacts.create({
      id: randomUUID(),
      hotlineId: call.hotlineId,
      channel: 'phone',
      callId: call.id,
      volunteerId: call.volunteerId,
      recordedBy: call.volunteerId,
      occurredAt: call.answeredAt,
      durationMinutes: null,
      callerType: call.callerType,
      ageBand: null,
      grade: null,
      gender: null,
      district: null,
      primaryTopic: null,
      riskLevel: null,
      outcome: null,
      notesEncrypted: null,
      notesClearedAt: null,
      callerHash: call.callerHash,
      wrapUpSeconds: null,
      createdAt: now,
      updatedAt: now,
    });
    try {
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
    } catch (error) {
      // The wrap-up and the end of the call raced to open it: one record either way.
      if (isUniqueViolation(error)) return this.contacts.findOneByOrFail({ callId });
      throw error;
    }
    return contact;
  }

  /**
   * The volunteer records the call they answered. Their wrap-up ends and they are offered
   * calls again; a record written after wrap-up ran out completes it all the same.
   */
  async wrapUp(actor: Volunteer, callId: string, fields: ContactFieldsDto): Promise<WrapUpView> {
    const call = await this.calls.findOneBy({ id: callId, volunteerId: actor.id });
    if (!call?.answeredAt) throw new NotFoundException(`No call ${callId} answered by you.`);
    const record = await this.openForCall(call.id);
    const inWrapUp = this.switchboard.volunteerState(call.hotlineId, actor.id)?.state === 'wrap_up';
    // Wrap-up time counts once: from the end of the call to the first record written in it.
    const wrapUpSeconds =
      inWrapUp && record.primaryTopic === null && call.endedAt
        ? Math.max(0, Math.round((this.clock.now().toMillis() - call.endedAt.getTime()) / 1000))
        : undefined;
    const contact = await this.write(actor, record, fields, { wrapUpSeconds });
    if (inWrapUp) {
      await this.callsService.finishWrapUp(actor, callId).catch((error: unknown) => {
        // Wrap-up may have run out between the check and now; the record is saved either way.
        if (!(error instanceof ConflictException)) throw error;
      });
    }
    return this.withCase(contact);
  }

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
    const contact = await this.write(actor, record, dto, { isNew: true });
    return this.withCase(contact);
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
    if (!merged.primaryTopic || !merged.riskLevel || !merged.outcome)
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

  /** One record; its notes only to those who may read them, and that read is audited. */
  async get(actor: Volunteer, id: string): Promise<ContactView> {
    const contact = await this.readable(actor, id);
    const showNotes = ContactAccess.mayHandle(actor, contact);
    if (showNotes && contact.notesEncrypted)
      await this.recordAccess(actor, contact, 'contact.notes.read');
    return this.view(contact, {
      notes: showNotes,
      earlier: showNotes ? await this.earlierContacts(contact) : undefined,
    });
  }

  async list(actor: Volunteer, query: ContactQueryDto): Promise<ContactView[]> {
    const hotlineIds = query.hotlineId
      ? [hotlineFor(actor, query.hotlineId)]
      : actor.hasRole('admin')
        ? undefined
        : actor.hotlines.map((hotline) => hotline.id);
    const builder = this.contacts
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.topics', 't')
      .orderBy('c.occurredAt', 'DESC')
      .addOrderBy('c.id', 'ASC');
    if (hotlineIds) builder.andWhere('c.hotlineId IN (:...hotlineIds)', { hotlineIds });
    if (!ContactAccess.seesHotline(actor))
      builder.andWhere('c.volunteerId = :me', { me: actor.id });
    else if (query.volunteerId)
      builder.andWhere('c.volunteerId = :volunteerId', { volunteerId: query.volunteerId });
    if (query.channel) builder.andWhere('c.channel = :channel', { channel: query.channel });
    if (query.risk) builder.andWhere('c.riskLevel = :risk', { risk: query.risk });
    if (query.categorised !== undefined)
      builder.andWhere(query.categorised ? 'c.primaryTopic IS NOT NULL' : 'c.primaryTopic IS NULL');
    const zone =
      hotlineIds?.length === 1 ? (await this.directory.hotline(hotlineIds[0])).timeZone : 'UTC';
    if (query.from)
      builder.andWhere('c.occurredAt >= :from', {
        from: DateTime.fromISO(query.from, { zone }).startOf('day').toJSDate(),
      });
    if (query.to)
      builder.andWhere('c.occurredAt < :to', {
        to: DateTime.fromISO(query.to, { zone }).startOf('day').plus({ days: 1 }).toJSDate(),
      });
    if (query.topic) {
      const topic = query.topic;
      // A top-level topic also finds records filed under its sub-topics.
      builder.andWhere(
        'EXISTS (SELECT 1 FROM contact_topic ct WHERE ct.contact_id = c.id ' +
          'AND (ct.topic_key = :topic OR ct.topic_key LIKE :subTopics))',
        { topic, subTopics: `${topic}.%` },
      );
    }
    const page = await builder.take(query.limit).getMany();
    return page.map((contact) => this.view(contact, { notes: false }));
  }

  /**
   * Every contact with the same caller as this call, for a supervisor deciding how to help a
   * returning caller. Anonymous fields only; each record's notes open with GET /api/contacts/:id.
   */
  async callerHistory(actor: Volunteer, callId: string): Promise<ContactView[]> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call || !ContactAccess.supervises(actor, call.hotlineId))
      throw new NotFoundException(`No call ${callId} on a hotline you supervise.`);
    if (!call.callerHash) return [];
    await this.audit.record({
      actorId: actor.id,
      action: 'caller.history.read',
      subjectType: 'phone_call',
      subjectId: call.id,
      hotlineId: call.hotlineId,
    });
    const history = await this.contacts.find({
      where: { hotlineId: call.hotlineId, callerHash: call.callerHash },
      relations: { topics: true },
      order: { occurredAt: 'DESC' },
      take: 200,
    });
    return history.map((contact) => this.view(contact, { notes: false }));
  }

  /** Writes the fields and the topics in one transaction, and audits a change of the notes. */
  private async write(
    actor: Volunteer,
    record: Contact,
    fields: ContactFieldsDto,
    {
      isNew = false,
      notesChanged = fields.notes !== undefined,
      wrapUpSeconds,
    }: { isNew?: boolean; notesChanged?: boolean; wrapUpSeconds?: number } = {},
  ): Promise<Contact> {
    const others = [...new Set(fields.otherTopics ?? [])].filter(
      (key) => key !== fields.primaryTopic,
    );
    const topics = [fields.primaryTopic, ...others];
    const unknown = defaultTaxonomy().unknownKeys(topics);
    if (unknown.length > 0)
      throw invalidFields({
        otherTopics: [`unknown topic keys (${unknown.join(', ')}); see GET /api/taxonomy`],
      });
    Object.assign(record, {
      callerType: fields.callerType ?? record.callerType ?? null,
      ageBand: fields.ageBand ?? null,
      grade: fields.grade ?? null,
      gender: fields.gender ?? null,
      district: fields.district ?? null,
      primaryTopic: fields.primaryTopic,
      riskLevel: fields.riskLevel,
      outcome: fields.outcome,
      ...(notesChanged ? { notesEncrypted: this.cipher.encryptOptional(fields.notes) } : {}),
      ...(wrapUpSeconds !== undefined ? { wrapUpSeconds } : {}),
      updatedAt: this.clock.now().toJSDate(),
    });
    const zone = await this.zoneOf(record.hotlineId);
    await this.transactions.run(async (manager) => {
      // What the statistics counted so far is read here, under lock, not from the caller's copy.
      const counted = isNew ? null : await this.lockedForUpdate(manager, record.id);
      const { topics: _loaded, ...row } = record;
      if (isNew) await manager.insert(Contact, row);
      else await manager.update(Contact, record.id, row);
      await manager.delete(ContactTopic, { contactId: record.id });
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

  private async withCase(contact: Contact): Promise<WrapUpView> {
    const crisisCaseId = await this.crisis.considerContact(contact);
    return {
      contact: this.view(contact, { notes: true, earlier: await this.earlierContacts(contact) }),
      ...(crisisCaseId ? { crisisCaseId } : {}),
    };
  }

  /** The record if the person may see it at all; otherwise 404, as if it did not exist. */
  private async readable(actor: Volunteer, id: string): Promise<Contact> {
    const contact = await this.contacts.findOne({ where: { id }, relations: { topics: true } });
    if (!contact || !ContactAccess.mayRead(actor, contact))
      throw new NotFoundException(`No contact record ${id} that you may read.`);
    return contact;
  }

  private earlierContacts(contact: Contact): Promise<number> | number {
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

  private recordAccess(actor: Volunteer, contact: Contact, action: string): Promise<void> {
    return this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'contact',
      subjectId: contact.id,
      hotlineId: contact.hotlineId,
    });
  }

  private view(contact: Contact, show: { notes: boolean; earlier?: number }): ContactView {
    const topics = [...(contact.topics ?? [])].sort(
      (a, b) => Number(b.isPrimary) - Number(a.isPrimary),
    );
    return {
      id: contact.id,
      hotlineId: contact.hotlineId,
      channel: contact.channel,
      callId: contact.callId,
      volunteerId: contact.volunteerId,
      recordedBy: contact.recordedBy,
      occurredAt: contact.occurredAt.toISOString(),
      durationMinutes: contact.durationMinutes,
      callerType: contact.callerType,
      ageBand: contact.ageBand,
      grade: contact.grade,
      gender: contact.gender,
      district: contact.district,
      categorised: contact.primaryTopic !== null,
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
