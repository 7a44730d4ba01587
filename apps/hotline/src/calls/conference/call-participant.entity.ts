import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { InCallMode } from '@hotline/console-protocol';
import { HotlineRecord } from '../../hotlines/hotline-record';
import { Volunteer } from '../../volunteers/volunteer.entity';
import { Call } from '../call.entity';
import { DATETIME, REFERENCE, RESTRICT } from '../../database/column-types';

export type ParticipantRole = 'volunteer' | 'supervisor';

/**
 * Someone besides the caller in a call's conference: the volunteer who answered, or a
 * supervisor who joined to listen, whisper or barge in. Kept in the database, so any instance
 * (and a new routing leader) knows who is in a call and how.
 */
@Entity({ name: 'call_participant' })
@Index('idx_call_participant_call_id', ['callId'])
@Index('idx_call_participant_leg_sid', ['legSid'])
export class CallParticipant extends HotlineRecord {
  @Column({ name: 'call_id', ...REFERENCE })
  callId!: string;

  @ManyToOne(() => Call, RESTRICT)
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @ManyToOne(() => Volunteer, RESTRICT)
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ type: 'varchar', length: 16 })
  role!: ParticipantRole;

  @Column({ type: 'varchar', length: 16 })
  mode!: InCallMode;

  /** Twilio's CallSid of this person's leg (null until Twilio placed it). */
  @Column({ name: 'leg_sid', type: 'varchar', length: 64, nullable: true })
  legSid!: string | null;

  /** Muted by their own choice (a listening supervisor is muted by their mode, not this). */
  @Column({ type: 'boolean', default: false })
  muted!: boolean;

  @Column({ name: 'joined_at', ...DATETIME, nullable: true })
  joinedAt!: Date | null;

  @Column({ name: 'left_at', ...DATETIME, nullable: true })
  leftAt!: Date | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}
