import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CreatePartnerDto, PartnerView, UpdatePartnerDto } from './dto/partner.dto';
import { Partner } from './partner.entity';
import { hotlineFor } from '../hotlines/hotline-scope';

/** The hospitals and services a hotline refers crises to. */
@Injectable()
export class PartnersService {
  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async list(actor: Volunteer, hotlineId?: string): Promise<PartnerView[]> {
    const hotlines = hotlineId ? [hotlineFor(actor, hotlineId)] : actor.hotlineIds();
    return (
      await this.partners.find({
        where: { hotlineId: In(hotlines) },
        order: { active: 'DESC', name: 'ASC' },
      })
    ).map(view);
  }

  async create(actor: Volunteer, dto: CreatePartnerDto): Promise<PartnerView> {
    const now = this.clock.now().toJSDate();
    const partner = this.partners.create({
      id: randomUUID(),
      hotlineId: hotlineFor(actor, dto.hotlineId),
      kind: dto.kind,
      name: dto.name,
      phone: dto.phone ?? null,
      address: dto.address ?? null,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    await this.partners.insert(partner);
    await this.record(actor, partner, 'partner.created');
    return view(partner);
  }

  async update(actor: Volunteer, id: string, dto: UpdatePartnerDto): Promise<PartnerView> {
    const partner = await this.partners.findOneBy({ id });
    if (!partner || !actor.worksFor(partner.hotlineId))
      throw new NotFoundException(`No partner ${id} on a hotline you work for.`);
    const { hotlineId: _moved, ...changes } = dto;
    Object.assign(partner, changes, { updatedAt: this.clock.now().toJSDate() });
    await this.partners.save(partner);
    await this.record(actor, partner, 'partner.updated');
    return view(partner);
  }

  private record(actor: Volunteer, partner: Partner, action: string): Promise<void> {
    return this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'partner',
      subjectId: partner.id,
      hotlineId: partner.hotlineId,
    });
  }
}

const view = (partner: Partner): PartnerView => ({
  id: partner.id,
  hotlineId: partner.hotlineId,
  kind: partner.kind,
  name: partner.name,
  phone: partner.phone,
  address: partner.address,
  active: partner.active,
});
