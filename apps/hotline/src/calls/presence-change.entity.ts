import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { DATETIME } from '../database/column-types';

/** A volunteer's state on a hotline changed: the record behind time on duty and attendance. */
@Entity({ name: 'presence_change' })
@Index('idx_presence_change_volunteer_id_changed_at', ['volunteerId', 'changedAt'])
@Index('idx_presence_change_hotline_id_changed_at', ['hotlineId', 'changedAt'])
export class PresenceChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'hotline_id', type: 'varchar', length: 36 })
  hotlineId!: string;

  @ManyToOne(() => Hotline, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'hotline_id' })
  hotline?: Hotline;

  @Column({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @ManyToOne(() => Volunteer, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ type: 'varchar', length: 16 })
  state!: string;

  @Column({ name: 'changed_at', ...DATETIME })
  changedAt!: Date;
}
