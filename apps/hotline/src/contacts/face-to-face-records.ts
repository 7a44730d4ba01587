import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { StatsRollups, contactFacts } from '../statistics/stats-rollups';
import { AgeBand, Grade } from './contact-fields';
import { openedContact } from './contact-records.service';
import { Contact } from './contact.entity';

/** A face-to-face session that took place, as the module that booked it knows it. */
export interface FaceToFaceSession {
  hotlineId: string;
  /** The expert who saw the family: the record is theirs to complete. */
  volunteerId: string;
  recordedBy: string;
  startsAt: Date;
  endsAt: Date;
  ageBand: AgeBand | null;
  grade: Grade | null;
  /** The keyed hash of the family's phone, so the record matches their earlier calls. */
  callerHash: string | null;
}

/**
 * Opens the contact record of a face-to-face session the family came to, not yet
 * categorised, for its expert to complete like a call's wrap-up. It opens inside the
 * caller's transaction, so the session is marked and its record opened together, and is
 * counted in the statistics as it opens.
 */
@Injectable()
export class FaceToFaceRecords {
  constructor(
    private readonly rollups: StatsRollups,
    private readonly directory: HotlineDirectory,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async open(manager: EntityManager, session: FaceToFaceSession): Promise<Contact> {
    const contact = openedContact(
      {
        hotlineId: session.hotlineId,
        channel: 'face_to_face',
        volunteerId: session.volunteerId,
        recordedBy: session.recordedBy,
        occurredAt: session.startsAt,
        durationMinutes: Math.round(
          (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000,
        ),
        callerType: 'parent',
        ageBand: session.ageBand,
        grade: session.grade,
        callerHash: session.callerHash,
      },
      this.clock.now().toJSDate(),
    );
    await manager.insert(Contact, contact);
    await this.rollups.countContact(
      manager,
      contact.hotlineId,
      (await this.directory.hotline(contact.hotlineId)).timeZone,
      null,
      contactFacts({ ...contact, topics: [] } as Contact),
    );
    return contact;
  }

  /** Audits the opening, once the transaction that opened the record has committed. */
  async opened(actorId: string, contact: Contact): Promise<void> {
    await this.audit.record({
      actorId,
      action: 'contact.created',
      subjectType: 'contact',
      subjectId: contact.id,
      hotlineId: contact.hotlineId,
    });
  }
}
