import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { hotlineFor } from '../hotlines/hotline-scope';
import { Volunteer } from '../volunteers/volunteer.entity';
import { AttendanceCorrectionDto, AttendanceRow, PeriodQuery } from './dto/shift.dto';
import { ShiftSignup } from './shift.entity';

/**
 * Attendance as coordinators see it: corrections by hand of what CheckIns recorded, and the
 * report per person over a period.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectRepository(ShiftSignup) private readonly signups: Repository<ShiftSignup>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async correct(
    actor: Volunteer,
    shiftId: string,
    volunteerId: string,
    dto: AttendanceCorrectionDto,
  ): Promise<void> {
    const signup = await this.signups.findOne({
      where: { shiftId, volunteerId },
      relations: { shift: true },
    });
    if (!signup || !actor.worksFor(signup.shift!.hotlineId))
      throw new NotFoundException('That person is not signed up for this shift.');
    await this.signups.update(signup.id, {
      checkedInAt: dto.attended ? (signup.checkedInAt ?? signup.shift!.startsAt) : null,
      minutesLate: dto.attended ? (dto.minutesLate ?? signup.minutesLate ?? 0) : null,
      noShow: !dto.attended,
      correctedBy: actor.id,
    });
    await this.audit.record({
      actorId: actor.id,
      action: 'shift.attendance.corrected',
      subjectType: 'shift',
      subjectId: shiftId,
      hotlineId: signup.shift!.hotlineId,
    });
  }

  /** Per person over a period: shifts signed up for, attended, late (and by how much), no-shows. */
  async report(actor: Volunteer, query: PeriodQuery): Promise<AttendanceRow[]> {
    const hotlineId = hotlineFor(actor, query.hotlineId);
    const rows = await this.signups
      .createQueryBuilder('s')
      .innerJoin('s.shift', 'shift')
      .where('shift.hotlineId = :hotlineId', { hotlineId })
      .andWhere('shift.localDate BETWEEN :from AND :to', { from: query.from, to: query.to })
      .andWhere('shift.cancelledAt IS NULL')
      .andWhere('shift.startsAt <= :now', { now: this.clock.now().toJSDate() })
      .getMany();
    const people = new Map<string, AttendanceRow>();
    for (const signup of rows) {
      const row = people.get(signup.volunteerId) ?? {
        volunteerId: signup.volunteerId,
        name: '',
        shifts: 0,
        attended: 0,
        late: 0,
        minutesLate: 0,
        noShows: 0,
      };
      row.shifts += 1;
      if (signup.checkedInAt) row.attended += 1;
      if ((signup.minutesLate ?? 0) > 0) {
        row.late += 1;
        row.minutesLate += signup.minutesLate!;
      }
      if (signup.noShow) row.noShows += 1;
      people.set(signup.volunteerId, row);
    }
    const names = people.size
      ? await this.volunteers.find({
          where: { id: In([...people.keys()]) },
          select: { id: true, name: true },
        })
      : [];
    return [...people.values()]
      .map((row) => ({
        ...row,
        name: names.find((named) => named.id === row.volunteerId)?.name ?? '',
      }))
      .sort((a, b) => b.noShows - a.noShows || a.name.localeCompare(b.name));
  }
}
