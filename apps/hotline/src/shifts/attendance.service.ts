import {
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { HotlineEvents } from '../events/hotline-events';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { AttendanceCorrectionDto, AttendanceRow, PeriodQuery } from './dto/shift.dto';
import { Shift, ShiftSignup } from './shift.entity';
import { ShiftsService } from './shifts.service';
import { hotlineFor } from '../hotlines/hotline-scope';

/** Going available this long before a shift starts counts as checking in for it. */
const CHECK_IN_EARLY_MINUTES = 30;
/** How often no-shows are marked and the on-shift lists refreshed (real time). */
const ROSTER_EVERY_MS = 30_000;

/**
 * Who came: going available in the console during one's shift checks one in (with the
 * minutes late), a sign-up without a check-in is a no-show once the shift is over, and
 * coordinators correct either by hand. Also tells the routing engine who is on shift now.
 */
@Injectable()
export class AttendanceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Attendance');
  private subscription?: Subscription;
  private stopJob?: () => void;

  constructor(
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(ShiftSignup) private readonly signups: Repository<ShiftSignup>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    private readonly roster: ShiftsService,
    private readonly switchboard: Switchboard,
    private readonly events: HotlineEvents,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.on(
      'volunteer.state',
      (event) => this.checkIn(event.hotlineId, event.volunteerId, new Date(event.since)),
      this.logger,
      (event) => event.state === 'available',
    );
    this.stopJob = startRecurringJob(
      'roster',
      ROSTER_EVERY_MS,
      () => this.keepRoster(),
      this.logger,
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.stopJob?.();
  }

  /** Marks no-shows and refreshes who is on shift for the routing engine. */
  async keepRoster(): Promise<void> {
    await this.markNoShows();
    const now = this.clock.now().toJSDate();
    for (const hotline of await this.hotlines.find({ select: { id: true } })) {
      const onShift = await this.roster.onShiftAt(hotline.id, now);
      await this.switchboard.setOnShift(
        hotline.id,
        onShift.map((signup) => signup.volunteerId),
      );
    }
  }

  /** The volunteer went available at `at`: the first time during a shift of theirs checks them in. */
  async checkIn(hotlineId: string, volunteerId: string, at: Date): Promise<void> {
    const signup = await this.signups
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.shift', 'shift')
      .where('s.volunteerId = :volunteerId', { volunteerId })
      .andWhere('s.checkedInAt IS NULL')
      .andWhere('shift.hotlineId = :hotlineId', { hotlineId })
      .andWhere('shift.cancelledAt IS NULL')
      .andWhere('shift.startsAt <= :early AND shift.endsAt > :at', {
        early: new Date(at.getTime() + CHECK_IN_EARLY_MINUTES * 60_000),
        at,
      })
      .getOne();
    if (!signup) return;
    const minutesLate = Math.max(
      0,
      Math.floor((at.getTime() - signup.shift!.startsAt.getTime()) / 60_000),
    );
    await this.signups.update(
      { id: signup.id, checkedInAt: IsNull() },
      { checkedInAt: at, minutesLate, noShow: false },
    );
    await this.switchboard.setOnShift(
      hotlineId,
      (await this.roster.onShiftAt(hotlineId, this.clock.now().toJSDate())).map(
        (s) => s.volunteerId,
      ),
    );
  }

  /** Sign-ups of shifts that are over and were never checked in. */
  async markNoShows(): Promise<number> {
    const over = await this.shifts.find({
      where: { endsAt: LessThanOrEqual(this.clock.now().toJSDate()), cancelledAt: IsNull() },
      select: { id: true },
    });
    if (over.length === 0) return 0;
    const result = await this.signups.update(
      {
        shiftId: In(over.map((shift) => shift.id)),
        checkedInAt: IsNull(),
        noShow: false,
        correctedBy: IsNull(),
      },
      { noShow: true },
    );
    return result.affected ?? 0;
  }

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
