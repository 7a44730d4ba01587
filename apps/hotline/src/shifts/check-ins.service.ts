import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { HotlineEvents } from '../events/hotline-events';
import { Hotline } from '../hotlines/hotline.entity';
import { Shift, ShiftSignup } from './shift.entity';
import { ShiftsService } from './shifts.service';

/** Going available this long before a shift starts counts as checking in for it. */
const CHECK_IN_EARLY_MINUTES = 30;
/** How often no-shows are marked and the on-shift lists refreshed (real time). */
const ROSTER_EVERY_MS = 30_000;

/**
 * Who came, as it happens: going available in the console during one's shift checks one in
 * (with the minutes late), and a sign-up without a check-in is a no-show once the shift is
 * over. Also tells the routing engine who is on shift now.
 */
@Injectable()
export class CheckIns implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Attendance');
  private subscription?: Subscription;
  private stopJob?: () => void;

  constructor(
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(ShiftSignup) private readonly signups: Repository<ShiftSignup>,
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    private readonly roster: ShiftsService,
    private readonly switchboard: Switchboard,
    private readonly events: HotlineEvents,
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
    for (const hotline of await this.hotlines.find({ select: { id: true } }))
      await this.tellRouting(hotline.id, now);
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
    await this.tellRouting(hotlineId, this.clock.now().toJSDate());
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

  /** Gives the routing engine the people on shift at `at`. */
  private async tellRouting(hotlineId: string, at: Date): Promise<void> {
    const onShift = await this.roster.onShiftAt(hotlineId, at);
    await this.switchboard.setOnShift(
      hotlineId,
      onShift.map((signup) => signup.volunteerId),
    );
  }
}
