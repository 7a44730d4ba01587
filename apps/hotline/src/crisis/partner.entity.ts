import { Column, Entity } from 'typeorm';
import { DATETIME } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';

export const PARTNER_KINDS = ['hospital', 'service'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** A partner hospital or service that crisis cases are referred to. */
@Entity({ name: 'partner' })
export class Partner extends HotlineRecord {
  @Column({ type: 'varchar', length: 16 })
  kind!: PartnerKind;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** The partner's own desk number (an organisation's, not a person's). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address!: string | null;

  /** Retired partners stay on old referrals but are not offered for new ones. */
  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}
