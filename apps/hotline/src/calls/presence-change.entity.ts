import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { HotlineRecord } from '../hotlines/hotline-record';
import { Volunteer } from '../volunteers/volunteer.entity';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';

/** A volunteer's state on a hotline changed: the record behind time on duty and attendance. */
@Entity({ name: 'presence_change' })
@Index('idx_presence_change_volunteer_id_changed_at', ['volunteerId', 'changedAt'])
@Index('idx_presence_change_hotline_id_changed_at', ['hotlineId', 'changedAt'])
@Index('idx_presence_change_volunteer_id_hotline_id_changed_at', [
  'volunteerId',
  'hotlineId',
  'changedAt',
])
export class PresenceChange extends HotlineRecord {
  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @ManyToOne(() => Volunteer, RESTRICT)
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ type: 'varchar', length: 16 })
  state!: string;

  @Column({ name: 'changed_at', ...DATETIME })
  changedAt!: Date;
}
