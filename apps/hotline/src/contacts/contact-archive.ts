import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Contact, ContactTopic } from './contact.entity';

/** A consultation of an earlier year as it is archived: no notes, no number, no call. */
export type ArchivedContact = Pick<
  Contact,
  | 'id'
  | 'hotlineId'
  | 'channel'
  | 'volunteerId'
  | 'recordedBy'
  | 'occurredAt'
  | 'callerType'
  | 'ageBand'
  | 'gender'
  | 'district'
  | 'primaryTopic'
  | 'riskLevel'
  | 'outcome'
  | 'createdAt'
> & { topics: string[] };

/** Rows per INSERT: well inside SQLite's limit on bound values. */
const BATCH = 400;

/**
 * Writes consultations imported from earlier years, many at a time, inside the importer's
 * transaction. They carry no notes and no caller hash; the rollups are the importer's to add.
 */
@Injectable()
export class ContactArchive {
  async insert(manager: EntityManager, contacts: ArchivedContact[]): Promise<void> {
    for (let start = 0; start < contacts.length; start += BATCH) {
      const batch = contacts.slice(start, start + BATCH);
      await manager
        .createQueryBuilder()
        .insert()
        .into(Contact)
        .values(
          batch.map(({ topics: _topics, ...contact }) => ({
            ...contact,
            callId: null,
            durationMinutes: null,
            grade: null,
            notesEncrypted: null,
            notesClearedAt: null,
            wrapUpSeconds: null,
            callerHash: null,
            updatedAt: contact.createdAt,
          })),
        )
        .execute();
      const topics = batch.flatMap((contact) =>
        contact.topics.map((topicKey, index) => ({
          contactId: contact.id,
          topicKey,
          isPrimary: index === 0,
        })),
      );
      for (let first = 0; first < topics.length; first += BATCH)
        await manager
          .createQueryBuilder()
          .insert()
          .into(ContactTopic)
          .values(topics.slice(first, first + BATCH))
          .execute();
    }
  }
}
