import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Repository } from 'typeorm';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { hotlineFor } from '../hotlines/hotline-scope';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ContactAccess } from './contact-access';
import { ContactRecords } from './contact-records.service';
import { Contact } from './contact.entity';
import { ContactQueryDto, ContactView } from './dto/contact.dto';

/** Reading contact records: each person sees what their role allows, and a read of notes is audited. */
@Injectable()
export class ContactReads {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly records: ContactRecords,
    private readonly directory: HotlineDirectory,
  ) {}

  /** One record; its notes only to those who may read them, and that read is audited. */
  async get(actor: Volunteer, id: string): Promise<ContactView> {
    const contact = await this.records.readable(actor, id);
    const showNotes = ContactAccess.mayHandle(actor, contact);
    if (showNotes && contact.notesEncrypted)
      await this.records.recordAccess(actor, contact, 'contact.notes.read');
    return this.records.view(contact, {
      notes: showNotes,
      earlier: showNotes ? await this.records.earlierContacts(contact) : undefined,
    });
  }

  async list(actor: Volunteer, query: ContactQueryDto): Promise<ContactView[]> {
    const hotlineIds = query.hotlineId
      ? [hotlineFor(actor, query.hotlineId)]
      : actor.hasRole('admin')
        ? undefined
        : actor.hotlineIds();
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
      builder.andWhere(
        query.categorised
          ? "(c.primaryTopic IS NOT NULL OR c.contactType <> 'counselling')"
          : "c.primaryTopic IS NULL AND c.contactType = 'counselling'",
      );
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
    return page.map((contact) => this.records.view(contact, { notes: false }));
  }
}
