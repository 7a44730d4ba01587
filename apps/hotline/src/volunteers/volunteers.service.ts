import {
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { PasswordHasher } from '../common/password-hasher';
import { invalidFields } from '../common/validation';
import { isUniqueViolation } from '../database/errors';
import { Hotline } from '../hotlines/hotline.entity';
import {
  ChangePasswordDto,
  CreateVolunteerDto,
  ListVolunteersQuery,
  UpdateMeDto,
  UpdateVolunteerDto,
  VolunteerPage,
  VolunteerView,
} from './dto/volunteer.dto';
import { UnitReach } from '../units/unit-reach';
import { SessionRevocations } from './session-revocations';
import { VolunteerAccess } from './volunteer-access';
import { Volunteer } from './volunteer.entity';

@Injectable()
export class VolunteersService {
  private readonly logger = new Logger(VolunteersService.name);

  constructor(
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    private readonly cipher: FieldCipher,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly revocations: SessionRevocations,
    private readonly reach: UnitReach,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async list(actor: Volunteer, query: ListVolunteersQuery): Promise<VolunteerPage> {
    const access = new VolunteerAccess(actor);
    const builder = this.volunteers.createQueryBuilder('v').leftJoinAndSelect('v.hotlines', 'h');
    const memberOf = (parameter: string, ids: string[]) =>
      builder.andWhere(
        `EXISTS (SELECT 1 FROM volunteer_hotline vh WHERE vh.volunteer_id = v.id AND vh.hotline_id IN (:...${parameter}))`,
        { [parameter]: ids },
      );
    const scope = access.hotlineScope;
    if (scope) memberOf('scope', scope.length ? scope : ['']);
    if (query.hotlineId) memberOf('hotline', [query.hotlineId]);
    // Roles are a JSON list of fixed words, so a quoted LIKE matches exactly one role.
    if (query.role) builder.andWhere('v.roles LIKE :role', { role: `%"${query.role}"%` });
    if (query.active !== undefined)
      builder.andWhere('v.active = :active', { active: query.active });
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        new Brackets((or) =>
          or.where('LOWER(v.name) LIKE :like', { like }).orWhere('v.email LIKE :like', { like }),
        ),
      );
    }
    const [items, total] = await builder
      .orderBy('v.name', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return {
      items: items.map((volunteer) => this.toView(volunteer)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** One volunteer with their phone number in the clear; the read is audited. */
  async get(actor: Volunteer, id: string): Promise<VolunteerView> {
    const volunteer = await this.findVisible(actor, id);
    return this.withPhone(actor, volunteer);
  }

  async create(actor: Volunteer, dto: CreateVolunteerDto): Promise<VolunteerView> {
    const access = new VolunteerAccess(actor);
    access.assertCanGrant(dto.roles);
    const hotlines = await this.hotlinesToAssign(
      access,
      dto.hotlineIds ?? actor.hotlines.map((hotline) => hotline.id),
    );
    const volunteer = await this.newVolunteer({
      ...dto,
      phoneEncrypted: this.cipher.encryptOptional(dto.phone),
      hotlines,
    });
    await this.saveUnique(volunteer);
    await this.recordChange(actor, 'volunteer.created', volunteer);
    return this.withPhone(actor, volunteer, false);
  }

  async update(actor: Volunteer, id: string, dto: UpdateVolunteerDto): Promise<VolunteerView> {
    const access = new VolunteerAccess(actor);
    const volunteer = await this.findVisible(actor, id);
    access.assertCanManage(volunteer);
    if (dto.roles) access.assertCanGrant(dto.roles);
    if (dto.hotlineIds) volunteer.hotlines = await this.hotlinesToAssign(access, dto.hotlineIds);

    const losesAdmin =
      volunteer.hasRole('admin') &&
      ((dto.roles && !dto.roles.includes('admin')) || dto.active === false);
    if (losesAdmin && volunteer.active) await this.assertAnotherActiveAdmin(volunteer.id);

    const { phone, hotlineIds: _hotlineIds, active, ...profile } = dto;
    Object.assign(volunteer, profile);
    if (phone !== undefined) volunteer.phoneEncrypted = this.cipher.encryptOptional(phone);
    if (active !== undefined && active !== volunteer.active) {
      volunteer.active = active;
      volunteer.deactivatedAt = active ? null : this.clock.now().toJSDate();
    }
    volunteer.updatedAt = this.clock.now().toJSDate();
    await this.saveUnique(volunteer);
    if (active === false) await this.endSessions(volunteer.id);
    await this.recordChange(
      actor,
      active === false ? 'volunteer.deactivated' : 'volunteer.updated',
      volunteer,
    );
    return this.withPhone(actor, volunteer, false);
  }

  async resetPassword(actor: Volunteer, id: string, password: string): Promise<void> {
    const volunteer = await this.findVisible(actor, id);
    new VolunteerAccess(actor).assertCanManage(volunteer);
    await this.volunteers.update(volunteer.id, {
      passwordHash: await this.hasher.hash(password),
      updatedAt: this.clock.now().toJSDate(),
    });
    // Whoever knew the old password may be signed in with it: every session ends.
    await this.endSessions(volunteer.id);
    await this.recordChange(actor, 'volunteer.password_reset', volunteer);
  }

  me(actor: Volunteer): Promise<VolunteerView> {
    return this.withPhone(actor, actor);
  }

  async updateMe(actor: Volunteer, dto: UpdateMeDto): Promise<VolunteerView> {
    const { phone, ...profile } = dto;
    Object.assign(actor, profile);
    if (phone !== undefined) actor.phoneEncrypted = this.cipher.encryptOptional(phone);
    actor.updatedAt = this.clock.now().toJSDate();
    await this.volunteers.save(actor);
    return this.withPhone(actor, actor, false);
  }

  async changeMyPassword(actor: Volunteer, dto: ChangePasswordDto): Promise<void> {
    const current = await this.findForSignIn(actor.email);
    if (!current || !(await this.hasher.verify(current.passwordHash, dto.currentPassword))) {
      throw new UnauthorizedException('The current password is wrong.');
    }
    await this.volunteers.update(actor.id, {
      passwordHash: await this.hasher.hash(dto.newPassword),
      updatedAt: this.clock.now().toJSDate(),
    });
    await this.endSessions(actor.id);
  }

  /**
   * Ends every session of this person at once: the session version stamped in their access
   * tokens moves on (checked on every request, on every instance), and their open consoles
   * are closed.
   */
  async endSessions(volunteerId: string): Promise<void> {
    await this.volunteers
      .createQueryBuilder()
      .update(Volunteer)
      .set({ sessionVersion: () => 'session_version + 1' })
      .where('id = :id', { id: volunteerId })
      .execute();
    this.revocations.announce(volunteerId);
  }

  /** Keeps the hash of the person's calendar-feed token (shifts' calendar feed); null revokes it. */
  async setCalendarFeedToken(volunteerId: string, tokenHash: string | null): Promise<void> {
    await this.volunteers.update(volunteerId, { calendarFeedTokenHash: tokenHash });
  }

  /** The active person whose calendar-feed token has this hash. */
  withCalendarFeedToken(tokenHash: string): Promise<Volunteer | null> {
    return this.volunteers.findOneBy({ calendarFeedTokenHash: tokenHash, active: true });
  }

  /** The person behind a valid token, with hotlines and session version, if they may still sign in. */
  /** The active person with their memberships and what their unit roles reach. */
  async findActive(id: string): Promise<Volunteer | null> {
    const volunteer = await this.volunteers
      .createQueryBuilder('v')
      .addSelect('v.sessionVersion')
      .leftJoinAndSelect('v.hotlines', 'h')
      .where('v.id = :id', { id })
      .andWhere('v.active = :active', { active: true })
      .getOne();
    return volunteer && this.reach.attach(volunteer);
  }

  /** The person signing in, with their unit roles (a role held at a unit may ask for a code). */
  async findForSignIn(email: string): Promise<(Volunteer & { passwordHash: string }) | null> {
    const volunteer = await this.volunteers
      .createQueryBuilder('v')
      .addSelect('v.passwordHash')
      .addSelect('v.sessionVersion')
      .leftJoinAndSelect('v.hotlines', 'h')
      .where('v.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    return volunteer && (await this.reach.attach(volunteer));
  }

  /** Creates the configured admin when no active admin exists yet (first start). */
  async ensureAdmin(email: string, password: string, hotline: Hotline): Promise<boolean> {
    if ((await this.countActiveAdmins()) > 0) return false;
    await this.saveUnique(
      await this.newVolunteer({
        name: 'Administrator',
        email: email.toLowerCase(),
        password,
        expertKind: 'counsellor',
        roles: ['admin'],
        hotlines: [hotline],
      }),
    );
    this.logger.log(`Created the first admin, ${email}`);
    return true;
  }

  toView(volunteer: Volunteer): VolunteerView {
    return {
      id: volunteer.id,
      name: volunteer.name,
      email: volunteer.email,
      hasPhone: volunteer.phoneEncrypted !== null,
      expertKind: volunteer.expertKind,
      topicSkills: volunteer.topicSkills,
      languages: volunteer.languages,
      roles: volunteer.roles,
      softphoneIdentity: volunteer.softphoneIdentity,
      answerBy: volunteer.answerBy,
      active: volunteer.active,
      hotlineIds: (volunteer.hotlines ?? []).map((hotline) => hotline.id).sort(),
      createdAt: volunteer.createdAt,
      updatedAt: volunteer.updatedAt,
      deactivatedAt: volunteer.deactivatedAt,
      twoFactorEnabled: !!volunteer.twoFactorEnabledAt,
      ...(volunteer.unitGrants ? { unitGrants: volunteer.unitGrants } : {}),
    };
  }

  private async withPhone(
    actor: Volunteer,
    volunteer: Volunteer,
    audited = true,
  ): Promise<VolunteerView> {
    const phone = this.cipher.decryptOptional(volunteer.phoneEncrypted);
    if (phone && audited) {
      await this.audit.record({
        actorId: actor.id,
        action: 'volunteer.phone.read',
        subjectType: 'volunteer',
        subjectId: volunteer.id,
      });
    }
    return { ...this.toView(volunteer), phone };
  }

  private async findVisible(actor: Volunteer, id: string): Promise<Volunteer> {
    const volunteer = await this.volunteers.findOne({
      where: { id },
      relations: { hotlines: true },
    });
    if (!volunteer || !new VolunteerAccess(actor).canSee(volunteer)) {
      throw new NotFoundException(`No volunteer ${id} in the hotlines you work for.`);
    }
    return volunteer;
  }

  private async hotlinesToAssign(access: VolunteerAccess, ids: string[]): Promise<Hotline[]> {
    if (ids.length === 0)
      throw invalidFields({ hotlineIds: ['hotlineIds must name at least one hotline'] });
    const found = await this.hotlines.findBy({ id: In(ids) });
    const unknown = ids.filter((id) => !found.some((hotline) => hotline.id === id));
    if (unknown.length > 0)
      throw invalidFields({
        hotlineIds: [`hotlineIds has unknown hotlines: ${unknown.join(', ')}`],
      });
    const refused = access.unassignable(ids);
    if (refused.length > 0) {
      throw invalidFields({
        hotlineIds: [`hotlineIds has hotlines you do not work for: ${refused.join(', ')}`],
      });
    }
    return found;
  }

  private async assertAnotherActiveAdmin(exceptId: string): Promise<void> {
    if ((await this.countActiveAdmins(exceptId)) === 0) {
      throw new ConflictException('This is the last active admin; make someone else admin first.');
    }
  }

  private countActiveAdmins(exceptId?: string): Promise<number> {
    const builder = this.volunteers
      .createQueryBuilder('v')
      .where('v.active = :active', { active: true })
      // Roles are a JSON list of fixed words, so a quoted LIKE matches exactly one role.
      .andWhere('v.roles LIKE :role', { role: '%"admin"%' });
    if (exceptId) builder.andWhere('v.id <> :id', { id: exceptId });
    return builder.getCount();
  }

  private async newVolunteer(
    fields: Pick<Volunteer, 'name' | 'email' | 'expertKind' | 'roles' | 'hotlines'> &
      Partial<
        Pick<
          Volunteer,
          'phoneEncrypted' | 'topicSkills' | 'languages' | 'softphoneIdentity' | 'answerBy'
        >
      > & {
        password: string;
      },
  ): Promise<Volunteer> {
    const now = this.clock.now().toJSDate();
    const id = randomUUID();
    return this.volunteers.create({
      id,
      name: fields.name,
      email: fields.email,
      passwordHash: await this.hasher.hash(fields.password),
      phoneEncrypted: fields.phoneEncrypted ?? null,
      expertKind: fields.expertKind,
      topicSkills: fields.topicSkills ?? [],
      languages: fields.languages ?? ['zh-CN'],
      roles: fields.roles,
      softphoneIdentity: fields.softphoneIdentity ?? `v${id.replace(/-/g, '')}`,
      answerBy: fields.answerBy ?? 'browser',
      active: true,
      hotlines: fields.hotlines,
      createdAt: now,
      updatedAt: now,
      deactivatedAt: null,
    });
  }

  private async saveUnique(volunteer: Volunteer): Promise<void> {
    try {
      await this.volunteers.save(volunteer);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const clash = await this.volunteers.findOne({
        where: [{ email: volunteer.email }, { softphoneIdentity: volunteer.softphoneIdentity }],
      });
      throw new ConflictException(
        clash?.email === volunteer.email
          ? `A volunteer with email ${volunteer.email} already exists.`
          : `The softphone identity ${volunteer.softphoneIdentity} is taken.`,
      );
    }
  }

  private recordChange(actor: Volunteer, action: string, volunteer: Volunteer): Promise<void> {
    return this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'volunteer',
      subjectId: volunteer.id,
    });
  }
}
