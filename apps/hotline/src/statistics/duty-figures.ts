import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { PresenceChange } from '../calls/presence-change.entity';
import { InjectClock } from '../common/clock.provider';
import { ShiftSignup } from '../shifts/shift.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { VolunteerFigures } from './dto/stats.dto';
import type { ReportPeriod } from './stats-report.service';

/** The report's figures per volunteer. */
@Injectable()
export class DutyFigures {
  constructor(
    @InjectRepository(PresenceChange) private readonly presence: Repository<PresenceChange>,
    @InjectRepository(ShiftSignup) private readonly signups: Repository<ShiftSignup>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Calls answered per volunteer (from the rollups, read by the report), hours on duty (the
   * time between a presence change to any state but offline and the next change, within the
   * period) and missed shifts.
   */
  async figures(
    hotlineId: string,
    answeredRead: Promise<Map<string, number>>,
    start: Date,
    end: Date,
    period: ReportPeriod,
  ): Promise<VolunteerFigures[]> {
    const changes = await this.presence.find({
      where: { hotlineId, changedAt: Between(start, new Date(end.getTime() - 1)) },
      order: { changedAt: 'ASC' },
      select: { volunteerId: true, state: true, changedAt: true },
    });
    const until = Math.min(end.getTime(), this.clock.now().toMillis());
    const onDuty = new Map<string, number>();
    const current = new Map<string, { state: string; since: number }>();
    const close = (volunteerId: string, at: number) => {
      const open = current.get(volunteerId);
      if (open && open.state !== 'offline')
        onDuty.set(volunteerId, (onDuty.get(volunteerId) ?? 0) + Math.max(0, at - open.since));
    };
    for (const change of changes) {
      close(change.volunteerId, change.changedAt.getTime());
      current.set(change.volunteerId, { state: change.state, since: change.changedAt.getTime() });
    }
    for (const volunteerId of current.keys()) close(volunteerId, until);

    const answered = await answeredRead;
    const missed = new Map<string, number>();
    for (const signup of await this.signups
      .createQueryBuilder('s')
      .innerJoin('s.shift', 'shift')
      .where('shift.hotlineId = :hotlineId', { hotlineId })
      .andWhere('shift.localDate BETWEEN :from AND :to', { from: period.from, to: period.to })
      .andWhere('s.noShow = :yes', { yes: true })
      .getMany())
      missed.set(signup.volunteerId, (missed.get(signup.volunteerId) ?? 0) + 1);
    const ids = [...new Set([...answered.keys(), ...onDuty.keys(), ...missed.keys()])];
    const names = ids.length
      ? await this.volunteers.find({ where: { id: In(ids) }, select: { id: true, name: true } })
      : [];
    return ids
      .map((volunteerId) => ({
        volunteerId,
        name: names.find((named) => named.id === volunteerId)?.name ?? '',
        callsAnswered: answered.get(volunteerId) ?? 0,
        hoursOnDuty: Math.round((onDuty.get(volunteerId) ?? 0) / 360_000) / 10,
        noShows: missed.get(volunteerId) ?? 0,
      }))
      .sort((a, b) => b.callsAnswered - a.callsAnswered || a.name.localeCompare(b.name));
  }
}
