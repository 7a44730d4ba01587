import { Column, Entity, Index } from 'typeorm';
import type { ContactFields } from '@hotline/console-protocol';
import { DATETIME, REFERENCE } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';

/** What a draft holds besides its notes: the contact's fields, each optional. */
export type DraftFields = Partial<Omit<ContactFields, 'notes'>>;

/**
 * The contact record a volunteer writes while they talk, saved as they type: one row per call,
 * kept until the wrap-up writes the record (the end of the call copies it into the record
 * already). The notes are confidential and encrypted like a record's; the other fields are
 * the record's closed lists and topic keys, kept as JSON.
 */
@Entity({ name: 'contact_draft' })
@Index('uq_contact_draft_call_id', ['callId'], { unique: true })
@Index('idx_contact_draft_hotline_id_updated_at', ['hotlineId', 'updatedAt'])
export class ContactDraftRecord extends HotlineRecord {
  @Column({ name: 'call_id', ...REFERENCE })
  callId!: string;

  /** The volunteer who holds the call: the only one who writes it. */
  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @Column({ type: 'text' })
  fields!: string;

  @Column({ name: 'notes_encrypted', type: 'text', nullable: true })
  notesEncrypted!: string | null;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}
