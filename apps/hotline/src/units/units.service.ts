import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CreateUnitDto, GrantUnitRoleDto, UnitView, UpdateUnitDto } from './dto/unit.dto';
import { Organisation, UnitReach } from './unit-reach';
import { Unit, UnitRole } from './unit.entity';

/** Building the organisation: units, which unit a hotline belongs to, roles given at units. */
@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(UnitRole) private readonly grants: Repository<UnitRole>,
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly reach: UnitReach,
    private readonly directory: HotlineDirectory,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The units the person may see (an admin: all; others: below their unit roles), top first. */
  async list(actor: Volunteer): Promise<UnitView[]> {
    const organisation = await this.reach.organisation();
    const visible = [...organisation.units.values()].filter((unit) =>
      UnitReach.reads(actor, organisation, unit.id),
    );
    const ids = visible.map((unit) => unit.id);
    const [hotlines, grants] = await Promise.all([
      this.hotlines.find({ select: { id: true, name: true, unitId: true } }),
      ids.length ? this.grants.findBy({ unitId: In(ids) }) : Promise.resolve([]),
    ]);
    const people = grants.length
      ? await this.volunteers.find({
          where: { id: In(grants.map((grant) => grant.volunteerId)) },
          select: { id: true, name: true },
        })
      : [];
    const depth = (id: string) => organisation.tree.ancestors(id).length;
    return visible
      .sort((a, b) => depth(a.id) - depth(b.id) || a.name.localeCompare(b.name))
      .map((unit) => ({
        id: unit.id,
        parentId: unit.parentId,
        name: unit.name,
        kind: unit.kind,
        hotlines: hotlines
          .filter((hotline) => (hotline.unitId ?? organisation.top) === unit.id)
          .map(({ id, name }) => ({ id, name })),
        grants: grants
          .filter((grant) => grant.unitId === unit.id)
          .map((grant) => ({
            volunteerId: grant.volunteerId,
            name: people.find((person) => person.id === grant.volunteerId)?.name ?? '',
            role: grant.role,
          })),
      }));
  }

  async create(actor: Volunteer, dto: CreateUnitDto): Promise<UnitView> {
    this.existing(await this.reach.organisation(), dto.parentId);
    const unit = await this.units.save(
      this.units.create({
        id: randomUUID(),
        parentId: dto.parentId,
        name: dto.name,
        kind: dto.kind,
        createdAt: this.clock.now().toJSDate(),
      }),
    );
    await this.audited(actor, 'unit.created', 'unit', unit.id);
    const { id, parentId, name, kind } = unit;
    return { id, parentId, name, kind, hotlines: [], grants: [] };
  }

  async update(actor: Volunteer, id: string, dto: UpdateUnitDto): Promise<UnitView[]> {
    const organisation = await this.reach.organisation();
    const unit = this.existing(organisation, id);
    if (dto.parentId !== undefined && dto.parentId !== unit.parentId) {
      const refusal = organisation.tree.moveRefusal(id, dto.parentId);
      if (refusal) throw new BadRequestException(refusal);
    }
    await this.units.update(
      { id },
      {
        name: dto.name ?? unit.name,
        kind: dto.kind ?? unit.kind,
        parentId: dto.parentId ?? unit.parentId,
      },
    );
    await this.audited(actor, 'unit.changed', 'unit', id);
    return this.list(actor);
  }

  /** The hotline now belongs to the unit; whoever acts on the units above it follows at once. */
  async moveHotline(actor: Volunteer, unitId: string, hotlineId: string): Promise<UnitView[]> {
    this.existing(await this.reach.organisation(), unitId);
    const hotline = await this.hotlines.findOneBy({ id: hotlineId });
    if (!hotline) throw new NotFoundException(`No hotline ${hotlineId}.`);
    hotline.unitId = unitId;
    await this.hotlines.update({ id: hotlineId }, { unitId });
    this.directory.changed(hotline);
    await this.audited(actor, 'unit.hotline_moved', 'hotline', hotlineId);
    return this.list(actor);
  }

  async grant(actor: Volunteer, unitId: string, dto: GrantUnitRoleDto): Promise<UnitView[]> {
    this.existing(await this.reach.organisation(), unitId);
    if (!(await this.volunteers.existsBy({ id: dto.volunteerId })))
      throw new NotFoundException(`No person ${dto.volunteerId}.`);
    await this.grants.upsert(
      {
        volunteerId: dto.volunteerId,
        unitId,
        role: dto.role,
        grantedAt: this.clock.now().toJSDate(),
      },
      ['volunteerId', 'unitId', 'role'],
    );
    await this.audited(actor, `unit.${dto.role}_granted`, 'volunteer', dto.volunteerId);
    return this.list(actor);
  }

  async revoke(actor: Volunteer, unitId: string, dto: GrantUnitRoleDto): Promise<UnitView[]> {
    const { affected } = await this.grants.delete({
      unitId,
      volunteerId: dto.volunteerId,
      role: dto.role,
    });
    if (!affected)
      throw new NotFoundException(`No ${dto.role} role of ${dto.volunteerId} at unit ${unitId}.`);
    await this.audited(actor, `unit.${dto.role}_revoked`, 'volunteer', dto.volunteerId);
    return this.list(actor);
  }

  private existing(organisation: Organisation, id: string): Unit {
    const unit = organisation.units.get(id);
    if (!unit) throw new NotFoundException(`No unit ${id}.`);
    return unit;
  }

  private audited(actor: Volunteer, action: string, subjectType: string, subjectId: string) {
    return this.audit.record({
      actorId: actor.id,
      action,
      subjectType,
      subjectId,
      hotlineId: subjectType === 'hotline' ? subjectId : null,
    });
  }
}
