import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Hotline } from '../hotlines/hotline.entity';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { UnitTree } from './unit-tree';
import { Unit, UnitRole } from './unit.entity';

/** The whole organisation as read at one moment: the tree, its top, and each unit's own hotlines. */
export interface Organisation {
  tree: UnitTree;
  top: string;
  units: Map<string, Unit>;
  /** Unit id → hotline ids directly in it (a hotline without a unit is the top unit's). */
  hotlines: Map<string, string[]>;
}

/**
 * Which hotlines a person may act on through the roles they hold at units: every hotline in
 * the subtree of such a unit. Read with the person on every request, so a new grant or a moved
 * hotline counts at once; the per-hotline memberships keep counting beside it.
 */
@Injectable()
export class UnitReach {
  constructor(
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(UnitRole) private readonly grants: Repository<UnitRole>,
    @InjectRepository(Hotline) private readonly hotlineRows: Repository<Hotline>,
  ) {}

  async organisation(): Promise<Organisation> {
    const [units, hotlines] = await Promise.all([
      this.units.find(),
      this.hotlineRows.find({ select: { id: true, unitId: true } }),
    ]);
    const top = units.find((unit) => unit.parentId === null)!;
    const byUnit = new Map<string, string[]>();
    for (const hotline of hotlines) {
      const unitId = hotline.unitId ?? top.id;
      const own = byUnit.get(unitId) ?? [];
      own.push(hotline.id);
      byUnit.set(unitId, own);
    }
    return {
      tree: new UnitTree(units),
      top: top.id,
      units: new Map(units.map((unit) => [unit.id, unit])),
      hotlines: byUnit,
    };
  }

  /** Hotline ids of the unit's subtree. */
  static hotlinesBelow(organisation: Organisation, unitId: string): string[] {
    return [...organisation.tree.subtree(unitId)].flatMap(
      (id) => organisation.hotlines.get(id) ?? [],
    );
  }

  /** Gives the person their unit roles and the hotlines those reach (none read when they hold none). */
  async attach(volunteer: Volunteer): Promise<Volunteer> {
    const grants = await this.grants.findBy({ volunteerId: volunteer.id });
    volunteer.unitGrants = grants.map(({ unitId, role }) => ({ unitId, role }));
    if (grants.length === 0) {
      volunteer.reachedHotlineIds = [];
      return volunteer;
    }
    const organisation = await this.organisation();
    volunteer.reachedHotlineIds = [
      ...new Set(grants.flatMap((grant) => UnitReach.hotlinesBelow(organisation, grant.unitId))),
    ];
    return volunteer;
  }

  /**
   * Whether the person may read the unit's reports: an admin any, others a unit at or below
   * one where they hold a role.
   */
  static reads(actor: Volunteer, organisation: Organisation, unitId: string): boolean {
    if (!organisation.tree.has(unitId)) return false;
    if (actor.hasRole('admin')) return true;
    return (actor.unitGrants ?? []).some((grant) => organisation.tree.within(unitId, grant.unitId));
  }
}
