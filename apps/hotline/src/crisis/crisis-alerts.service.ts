import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { CrisisAlertReason, HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { ShiftsService } from '../shifts/shifts.service';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisCase } from './crisis-case.entity';

/** Tells the supervisors about a crisis case: on the console at once, and by SMS. */
@Injectable()
export class CrisisAlerts {
  private readonly logger = new Logger('Crisis');

  constructor(
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly events: HotlineEvents,
    private readonly switchboard: Switchboard,
    private readonly directory: HotlineDirectory,
    private readonly shifts: ShiftsService,
    private readonly telephony: Telephony,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The console alert at once; an SMS to each supervisor on duty when telephony is set up. */
  async alert(crisisCase: CrisisCase, reason: CrisisAlertReason): Promise<void> {
    this.events.publish({
      type: 'crisis.alert',
      hotlineId: crisisCase.hotlineId,
      caseId: crisisCase.id,
      callId: crisisCase.callId,
      reason,
    });
    if (!this.telephony.enabled) return;
    const hotline = await this.directory.hotline(crisisCase.hotlineId);
    const supervisors = await this.supervisorsToText(crisisCase.hotlineId);
    const at = this.clock.now().setZone(hotline.timeZone).toFormat('HH:mm');
    const why = {
      danger_key: 'a caller pressed the danger key',
      high_risk: 'a contact was rated high risk',
      report_overdue: 'the written report is overdue',
    }[reason];
    const body = `${hotline.name}: crisis case at ${at}, ${why}. Open the console: ${this.telephony.url('/console/')}`;
    for (const supervisor of supervisors) {
      try {
        await this.telephony.sendSms(this.cipher.decrypt(supervisor.phoneEncrypted!), body);
      } catch (error) {
        this.logger.error(
          { err: (error as Error).message, supervisorId: supervisor.id },
          'crisis SMS failed',
        );
      }
    }
  }

  /**
   * Supervisors with a phone: those signed up for the shift running now; else those on duty
   * in the console; else every supervisor of the hotline, because a crisis must reach someone.
   */
  async supervisorsToText(hotlineId: string): Promise<Volunteer[]> {
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
