import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Call } from './call.entity';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';

export const OFFER_RESULTS = [
  'accepted',
  'declined',
  'timeout',
  'abandoned',
  'presence',
  'restart',
] as const;
export type OfferResult = (typeof OFFER_RESULTS)[number];

/** A call rung on one volunteer's console, and how that ended. */
@Entity({ name: 'call_offer' })
@Index('idx_call_offer_call_id', ['callId'])
@Index('idx_call_offer_volunteer_id_offered_at', ['volunteerId', 'offeredAt'])
export class CallOffer {
  @PrimaryColumn(REFERENCE)
  id!: string;

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

  @Column({ name: 'offered_at', ...DATETIME })
  offeredAt!: Date;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt!: Date;

  @Column({ type: 'varchar', length: 16, nullable: true })
  result!: OfferResult | null;

  @Column({ name: 'ended_at', ...DATETIME, nullable: true })
  endedAt!: Date | null;
}
