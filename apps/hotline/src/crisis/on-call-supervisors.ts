import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { ShiftsService } from '../shifts/shifts.service';
import { Volunteer } from '../volunteers/volunteer.entity';

/** The supervisors a crisis reaches, by SMS and on the escalation ladder alike. */
@Injectable()
export class OnCallSupervisors {
  constructor(
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly switchboard: Switchboard,
    private readonly shifts: ShiftsService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Supervisors with a phone: those signed up for the shift running now; else those on duty
   * in the console; else every supervisor of the hotline, because a crisis must reach someone.
   */
  async of(hotlineId: string): Promise<Volunteer[]> {
    const staff = await this.volunteers.find({
      where: { hotlines: { id: hotlineId }, active: true, phoneEncrypted: Not(IsNull()) },
    });
    const supervisors = staff.filter((person) => person.hasRole('supervisor'));
    const onShift = new Set(
      (await this.shifts.onShiftAt(hotlineId, this.clock.now().toJSDate())).map(
        (signup) => signup.volunteerId,
      ),
    );
    const onDuty = supervisors.filter((person) => {
      const state = this.switchboard.volunteerState(hotlineId, person.id)?.state;
      return state !== undefined && state !== 'offline';
    });
    for (const group of [supervisors.filter((person) => onShift.has(person.id)), onDuty])
      if (group.length > 0) return group;
    return supervisors;
  }
}
