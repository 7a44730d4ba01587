import { Column, Entity, Index } from 'typeorm';
import { CALLER_FLAGS, type CallerFlag } from '@hotline/console-protocol';
import { DATETIME, REFERENCE } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';

export { CALLER_FLAGS, type CallerFlag };

/** A closed list stored comma-separated (no flag has a comma). */
const flagList = {
  to: (flags: CallerFlag[] | undefined) => (flags ?? []).join(','),
  from: (stored: string | null) => (stored ? (stored.split(',') as CallerFlag[]) : []),
};

/**
 * What the hotline knows of one caller (a keyed number hash), for supervisors: flags, and a
 * short guidance note for the volunteers they next reach (encrypted, every read audited).
 */
@Entity({ name: 'caller_profile' })
@Index('uq_caller_profile_hotline_id_caller_hash', ['hotlineId', 'callerHash'], { unique: true })
export class CallerProfile extends HotlineRecord {
  @Column({ name: 'caller_hash', type: 'varchar', length: 64 })
  callerHash!: string;

  @Column({ type: 'varchar', length: 200, transformer: flagList })
  flags!: CallerFlag[];

  @Column({ name: 'guidance_encrypted', type: 'text', nullable: true })
  guidanceEncrypted!: string | null;

  @Column({ name: 'updated_by', ...REFERENCE })
  updatedBy!: string;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}
