import { Column, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { REFERENCE, RESTRICT } from '../database/column-types';
import { Hotline } from './hotline.entity';

/** A record of a hotline's work. Every one carries its hotline: one deployment serves several. */
export abstract class HotlineRecord {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ name: 'hotline_id', ...REFERENCE })
  hotlineId!: string;

  @ManyToOne(() => Hotline, RESTRICT)
  @JoinColumn({ name: 'hotline_id' })
  hotline?: Hotline;
}
