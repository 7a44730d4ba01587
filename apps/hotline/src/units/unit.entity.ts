import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME, REFERENCE } from '../database/column-types';

export const UNIT_KINDS = ['province', 'city', 'county', 'district', 'school', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Roles a person can be given at a unit; admin stays a role of the whole installation. */
export const UNIT_ROLES = ['coordinator', 'supervisor'] as const;
export type UnitRoleName = (typeof UNIT_ROLES)[number];

/** A level of the organisation (province, city, county, school…); hotlines belong to one. */
@Entity({ name: 'unit' })
@Index('idx_unit_parent_id', ['parentId'])
export class Unit {
  @PrimaryColumn(REFERENCE)
  id!: string;

  /** Null only for the top unit, made by the migration. */
  @Column({ name: 'parent_id', ...REFERENCE, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: UnitKind;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}

/** A role given to a person at a unit: they act with it on every hotline of its subtree. */
@Entity({ name: 'unit_role' })
@Index('idx_unit_role_unit_id', ['unitId'])
export class UnitRole {
  @PrimaryColumn({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @PrimaryColumn({ name: 'unit_id', ...REFERENCE })
  unitId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  role!: UnitRoleName;

  @Column({ name: 'granted_at', ...DATETIME })
  grantedAt!: Date;
}
