import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { Between, In, MoreThan, Repository } from 'typeorm';
import {
  ShiftTemplate as PlanTemplate,
  gapScore,
  planShifts,
  shiftTemplateProblems,
} from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { invalidFields } from '../common/validation';
import { isUniqueViolation } from '../database/errors';
import type { Volunteer } from '../volunteers/volunteer.entity';
import {
  ChangeShiftDto,
  CoverageView,
  GenerateResult,
  GenerateShiftsDto,
  PeriodQuery,
  ShiftTemplateDto,
  ShiftTemplateView,
  ShiftView,
  UpdateShiftTemplateDto,
} from './dto/shift.dto';
import { NEEDED, SIGNED, Shift, ShiftSignup, ShiftTemplate } from './shift.entity';
import { hotlineFor } from '../hotlines/hotline-scope';
import { HotlineDirectory } from '../hotlines/hotline-directory';

/** Shifts are generated for at most this many days at once. */
const MAX_GENERATE_DAYS = 92;

/**
 * The roster: shift templates, the shifts generated from them in the hotline's zone, and
 * where places are still open. Signing up and withdrawing are ShiftSignups'.
 */
@Injectable()
export class ShiftsService {
  constructor(
    @InjectRepository(ShiftTemplate) private readonly templates: Repository<ShiftTemplate>,
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(ShiftSignup) private readonly signups: Repository<ShiftSignup>,
    private readonly directory: HotlineDirectory,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async listTemplates(actor: Volunteer, hotlineId?: string): Promise<ShiftTemplateView[]> {
    const hotline = hotlineFor(actor, hotlineId);
    return (
      await this.templates.find({ where: { hotlineId: hotline }, order: { startTime: 'ASC' } })
    ).map(templateView);
  }

  async createTemplate(actor: Volunteer, dto: ShiftTemplateDto): Promise<ShiftTemplateView> {
    const now = this.clock.now().toJSDate();
    const template = this.templates.create({
      id: randomUUID(),
      hotlineId: hotlineFor(actor, dto.hotlineId),
      name: dto.name,
      weekdays: [...new Set(dto.weekdays)].sort(),
      startTime: dto.startTime,
      endTime: dto.endTime,
      volunteersNeeded: dto.volunteersNeeded,
      supervisorsNeeded: dto.supervisorsNeeded,
      validFrom: dto.validFrom ?? null,
      validTo: dto.validTo ?? null,
      createdAt: now,
      updatedAt: now,
    });
    this.checkTemplate(template);
    await this.templates.insert(template);
    await this.record(
      actor,
      'shift_template.created',
      'shift_template',
      template.id,
      template.hotlineId,
    );
    return templateView(template);
  }

  async updateTemplate(
    actor: Volunteer,
    id: string,
    dto: UpdateShiftTemplateDto,
  ): Promise<ShiftTemplateView> {
    const template = await this.templates.findOneBy({ id });
    if (!template || !actor.worksFor(template.hotlineId))
      throw new NotFoundException(`No shift template ${id} on a hotline you work for.`);
    const { hotlineId: _moved, ...changes } = dto;
    Object.assign(template, changes, { updatedAt: this.clock.now().toJSDate() });
    this.checkTemplate(template);
    await this.templates.save(template);
    await this.record(actor, 'shift_template.updated', 'shift_template', id, template.hotlineId);
    return templateView(template);
  }

  /**
   * Creates the shifts the templates plan for the local dates; a shift already there keeps its
   * sign-ups and takes the planned headcount (so an exam-week template run over its weeks
   * raises their headcount). Never lowers a headcount below who is signed up.
   */
  async generate(actor: Volunteer, dto: GenerateShiftsDto): Promise<GenerateResult> {
    const hotlineId = hotlineFor(actor, dto.hotlineId);
    const hotline = await this.directory.hotline(hotlineId);
    this.checkPeriod(dto.from, dto.to, MAX_GENERATE_DAYS);
    const templates = await this.templates.find({
      where: { hotlineId, ...(dto.templateIds ? { id: In(dto.templateIds) } : {}) },
      order: { createdAt: 'ASC' },
    });
    if (dto.templateIds && templates.length !== new Set(dto.templateIds).size)
      throw invalidFields({ templateIds: ['some templateIds are not templates of this hotline'] });
    const planned = planShifts(templates.map(planOf), dto.from, dto.to, hotline.timeZone);
    const result: GenerateResult = { created: 0, updated: 0, unchanged: 0 };
    const now = this.clock.now().toJSDate();
    for (const plan of planned) {
      const existing = await this.shifts.findOneBy({
        hotlineId,
        startsAt: plan.startsAt,
        endsAt: plan.endsAt,
      });
      if (!existing) {
        try {
          await this.shifts.insert({
            id: randomUUID(),
            hotlineId,
            templateId: plan.templateId,
            localDate: plan.localDate,
            startsAt: plan.startsAt,
            endsAt: plan.endsAt,
            volunteersNeeded: plan.volunteersNeeded,
            supervisorsNeeded: plan.supervisorsNeeded,
            volunteersSigned: 0,
            supervisorsSigned: 0,
            cancelledAt: null,
            version: 0,
            remindedAt: null,
            gapInvitedAt: null,
            createdAt: now,
            updatedAt: now,
          });
          result.created += 1;
        } catch (error) {
          // Generated at the same moment by someone else: theirs stands.
          if (!isUniqueViolation(error)) throw error;
          result.unchanged += 1;
        }
        continue;
      }
      const volunteersNeeded = Math.max(plan.volunteersNeeded, existing.volunteersSigned);
      const supervisorsNeeded = Math.max(plan.supervisorsNeeded, existing.supervisorsSigned);
      if (
        volunteersNeeded === existing.volunteersNeeded &&
        supervisorsNeeded === existing.supervisorsNeeded &&
        !existing.cancelledAt
      ) {
        result.unchanged += 1;
        continue;
      }
      await this.shifts.update(existing.id, {
        templateId: plan.templateId,
        volunteersNeeded,
        supervisorsNeeded,
        cancelledAt: null,
        version: existing.version + 1,
        updatedAt: now,
      });
      result.updated += 1;
    }
    await this.record(actor, 'shifts.generated', 'hotline', hotlineId, hotlineId);
    return result;
  }

  async list(actor: Volunteer, query: PeriodQuery): Promise<ShiftView[]> {
    const hotlineId = hotlineFor(actor, query.hotlineId);
    this.checkPeriod(query.from, query.to, 3 * 366);
    return this.views(actor, await this.inPeriod(hotlineId, query.from, query.to));
  }

  /** The person's own shifts from today on, and the last month's for their record. */
  async mine(actor: Volunteer): Promise<ShiftView[]> {
    const since = this.clock.now().minus({ days: 31 }).toJSDate();
    const own = await this.signups.find({
      where: { volunteerId: actor.id },
      select: { shiftId: true },
    });
    if (own.length === 0) return [];
    const shifts = await this.shifts.find({
      where: { id: In(own.map((signup) => signup.shiftId)), endsAt: MoreThan(since) },
      order: { startsAt: 'ASC' },
    });
    return this.views(actor, shifts);
  }

  async change(actor: Volunteer, id: string, dto: ChangeShiftDto): Promise<ShiftView> {
    const shift = await this.visibleShift(actor, id);
    const volunteersNeeded = dto.volunteersNeeded ?? shift.volunteersNeeded;
    const supervisorsNeeded = dto.supervisorsNeeded ?? shift.supervisorsNeeded;
    // The condition re-checks the counts in the database: a sign-up in between is not undone.
    const changed = await this.shifts
      .createQueryBuilder()
      .update(Shift)
      .set({
        volunteersNeeded,
        supervisorsNeeded,
        version: () => 'version + 1',
        updatedAt: this.clock.now().toJSDate(),
      })
      .where('id = :id', { id })
      .andWhere('volunteers_signed <= :volunteersNeeded', { volunteersNeeded })
      .andWhere('supervisors_signed <= :supervisorsNeeded', { supervisorsNeeded })
      .execute();
    if (!changed.affected)
      throw new ConflictException(
        `More people are signed up than that (${shift.volunteersSigned} volunteers, ${shift.supervisorsSigned} supervisors); withdraw someone first.`,
      );
    await this.record(actor, 'shift.changed', 'shift', id, shift.hotlineId);
    return this.viewOf(actor, id);
  }

  async cancel(actor: Volunteer, id: string): Promise<ShiftView> {
    const shift = await this.visibleShift(actor, id);
    if (!shift.cancelledAt)
      await this.shifts.update(id, {
        cancelledAt: this.clock.now().toJSDate(),
        version: shift.version + 1,
        updatedAt: this.clock.now().toJSDate(),
      });
    await this.record(actor, 'shift.cancelled', 'shift', id, shift.hotlineId);
    return this.viewOf(actor, id);
  }

  /** Needed against signed-up people per shift and role, the gaps, and the gap score. */
  async coverage(actor: Volunteer, query: PeriodQuery): Promise<CoverageView> {
    const hotlineId = hotlineFor(actor, query.hotlineId);
    this.checkPeriod(query.from, query.to, 3 * 366);
    const shifts = (await this.inPeriod(hotlineId, query.from, query.to)).filter(
      (shift) => !shift.cancelledAt,
    );
    const views = await this.views(actor, shifts);
    const score = gapScore(shifts);
    return {
      from: query.from,
      to: query.to,
      shifts: views,
      gaps: views.flatMap((view) =>
        (['volunteer', 'supervisor'] as const).flatMap((slot) => {
          const missing = view[NEEDED[slot]] - view[SIGNED[slot]];
          return missing > 0
            ? [
                {
                  shiftId: view.id,
                  localDate: view.localDate,
                  localStart: view.localStart,
                  localEnd: view.localEnd,
                  slot,
                  missing,
                },
              ]
            : [];
        }),
      ),
      ...score,
    };
  }

  /** Who is signed up for a shift of the hotline running at `at`. */
  async onShiftAt(hotlineId: string, at: Date): Promise<ShiftSignup[]> {
    return this.signups
      .createQueryBuilder('s')
      .innerJoin('s.shift', 'shift')
      .where('shift.hotlineId = :hotlineId', { hotlineId })
      .andWhere('shift.startsAt <= :at AND shift.endsAt > :at', { at })
      .andWhere('shift.cancelledAt IS NULL')
      .getMany();
  }

  private inPeriod(hotlineId: string, from: string, to: string): Promise<Shift[]> {
    return this.shifts.find({
      where: { hotlineId, localDate: Between(from, to) },
      order: { startsAt: 'ASC' },
    });
  }

  /** One shift as it is now, after a change. */
  async viewOf(actor: Volunteer, id: string): Promise<ShiftView> {
    return (await this.views(actor, [await this.shifts.findOneByOrFail({ id })]))[0];
  }

  private async views(actor: Volunteer, shifts: Shift[]): Promise<ShiftView[]> {
    if (shifts.length === 0) return [];
    const signups = await this.signups.find({
      where: { shiftId: In(shifts.map((shift) => shift.id)) },
      relations: { volunteer: true },
      order: { signedUpAt: 'ASC' },
    });
    const zones = new Map<string, string>();
    for (const shift of shifts)
      if (!zones.has(shift.hotlineId))
        zones.set(shift.hotlineId, (await this.directory.hotline(shift.hotlineId)).timeZone);
    return shifts.map((shift) => {
      const zone = zones.get(shift.hotlineId)!;
      const own = signups.filter((signup) => signup.shiftId === shift.id);
      return {
        id: shift.id,
        hotlineId: shift.hotlineId,
        localDate: shift.localDate,
        startsAt: shift.startsAt.toISOString(),
        endsAt: shift.endsAt.toISOString(),
        localStart: DateTime.fromJSDate(shift.startsAt, { zone }).toFormat('HH:mm'),
        localEnd: DateTime.fromJSDate(shift.endsAt, { zone }).toFormat('HH:mm'),
        volunteersNeeded: shift.volunteersNeeded,
        supervisorsNeeded: shift.supervisorsNeeded,
        volunteersSigned: shift.volunteersSigned,
        supervisorsSigned: shift.supervisorsSigned,
        cancelled: shift.cancelledAt !== null,
        signups: own.map((signup) => ({
          volunteerId: signup.volunteerId,
          name: signup.volunteer?.name ?? '',
          slot: signup.slot,
          checkedInAt: signup.checkedInAt?.toISOString() ?? null,
          minutesLate: signup.minutesLate,
          noShow: signup.noShow,
        })),
        mine: own.some((signup) => signup.volunteerId === actor.id),
      };
    });
  }

  /** The shift, if it is on a hotline the person works for; else 404. */
  async visibleShift(actor: Volunteer, id: string): Promise<Shift> {
    const shift = await this.shifts.findOneBy({ id });
    if (!shift || !actor.worksFor(shift.hotlineId))
      throw new NotFoundException(`No shift ${id} on a hotline you work for.`);
    return shift;
  }

  private checkTemplate(template: ShiftTemplate): void {
    const problems = shiftTemplateProblems(planOf(template));
    if (problems.length > 0) throw invalidFields({ template: problems });
  }

  private checkPeriod(from: string, to: string, maxDays: number): void {
    const start = DateTime.fromISO(from);
    const end = DateTime.fromISO(to);
    if (!start.isValid) throw invalidFields({ from: ['from is not a date of the calendar'] });
    if (!end.isValid) throw invalidFields({ to: ['to is not a date of the calendar'] });
    if (end < start) throw invalidFields({ to: ['to must be the same day as from or later'] });
    if (end.diff(start, 'days').days >= maxDays)
      throw invalidFields({ to: [`a period covers at most ${maxDays} days`] });
  }

  /** Audits a change of the roster. */
  record(
    actor: Volunteer,
    action: string,
    subjectType: string,
    subjectId: string,
    hotlineId: string,
  ) {
    return this.audit.record({ actorId: actor.id, action, subjectType, subjectId, hotlineId });
  }
}

/** The template as the planning functions of `@hotline/calendar` read it. */
function planOf(template: ShiftTemplate): PlanTemplate {
  return {
    id: template.id,
    weekdays: template.weekdays,
    start: template.startTime,
    end: template.endTime,
    volunteersNeeded: template.volunteersNeeded,
    supervisorsNeeded: template.supervisorsNeeded,
    validFrom: template.validFrom,
    validTo: template.validTo,
  };
}

function templateView(template: ShiftTemplate): ShiftTemplateView {
  return {
    id: template.id,
    hotlineId: template.hotlineId,
    name: template.name,
    weekdays: template.weekdays,
    startTime: template.startTime,
    endTime: template.endTime,
    volunteersNeeded: template.volunteersNeeded,
    supervisorsNeeded: template.supervisorsNeeded,
    validFrom: template.validFrom,
    validTo: template.validTo,
  };
}
