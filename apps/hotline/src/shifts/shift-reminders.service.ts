import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, IsNull, Not, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { startRecurringJob } from '../common/recurring-job';
import { Cluster } from '../instances/cluster';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Shift, ShiftSignup, Slot } from './shift.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';

const REMIND_HOURS = 24;
const INVITE_HOURS = 48;
const EVERY_MS = 10 * 60_000;

/**
 * Text messages about shifts, when Twilio is configured: a reminder to everyone on a shift
 * the day before, and, for a shift still short of people 48 hours ahead, one invitation to
 * the people with the right role who are not on it. Each shift gets each message once.
 */
@Injectable()
export class ShiftRemindersService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ShiftReminders');
  private stop?: () => void;

  constructor(
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(ShiftSignup) private readonly signups: Repository<ShiftSignup>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly directory: HotlineDirectory,
    private readonly telephony: Telephony,
    private readonly cipher: FieldCipher,
    private readonly cluster: Cluster,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob(
      'shift messages',
      EVERY_MS,
      () => this.send(),
      this.logger,
      () => this.cluster.isLeader,
    );
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  /** Sends what is due; returns how many messages went out. */
  async send(): Promise<{ reminders: number; invitations: number }> {
    const sent = { reminders: 0, invitations: 0 };
    if (!this.telephony.enabled) return sent;
    const now = this.clock.now();
    for (const shift of await this.due('remindedAt', now.plus({ hours: REMIND_HOURS }))) {
      if (!(await this.claim(shift.id, 'remindedAt'))) continue;
      const on = await this.signups.find({
        where: { shiftId: shift.id },
        relations: { volunteer: true },
      });
      for (const signup of on)
        sent.reminders += await this.text(
          signup.volunteer!,
          `${await this.when(shift)}: 值班提醒 / shift reminder. ${this.telephony.url('/console/')}`,
        );
    }
    for (const shift of await this.due('gapInvitedAt', now.plus({ hours: INVITE_HOURS }))) {
      const open = (['volunteer', 'supervisor'] as Slot[]).filter((slot) =>
        slot === 'volunteer'
          ? shift.volunteersSigned < shift.volunteersNeeded
          : shift.supervisorsSigned < shift.supervisorsNeeded,
      );
      if (open.length === 0 || !(await this.claim(shift.id, 'gapInvitedAt'))) continue;
      const taken = new Set(
        (await this.signups.find({ where: { shiftId: shift.id } })).map((s) => s.volunteerId),
      );
      const staff = await this.volunteers.find({
        where: { hotlines: { id: shift.hotlineId }, active: true, phoneEncrypted: Not(IsNull()) },
      });
      for (const person of staff.filter(
        (p) => !taken.has(p.id) && open.some((slot) => p.hasRole(slot)),
      ))
        sent.invitations += await this.text(
          person,
          `${await this.when(shift)}: 值班还缺人，欢迎报名 / places are still open on this shift. ${this.telephony.url('/console/')}`,
        );
    }
    return sent;
  }

  private due(sentColumn: 'remindedAt' | 'gapInvitedAt', until: DateTime): Promise<Shift[]> {
    return this.shifts.find({
      where: {
        startsAt: Between(this.clock.now().toJSDate(), until.toJSDate()),
        cancelledAt: IsNull(),
        [sentColumn]: IsNull(),
      },
    });
  }

  /** Marks the message as sent before sending, so two instances never both send it. */
  private async claim(
    shiftId: string,
    sentColumn: 'remindedAt' | 'gapInvitedAt',
  ): Promise<boolean> {
    const result = await this.shifts.update(
      { id: shiftId, [sentColumn]: IsNull() },
      { [sentColumn]: this.clock.now().toJSDate() },
    );
    return Boolean(result.affected);
  }

  private async when(shift: Shift): Promise<string> {
    const hotline = await this.directory.hotline(shift.hotlineId);
    const start = DateTime.fromJSDate(shift.startsAt, { zone: hotline.timeZone });
    const end = DateTime.fromJSDate(shift.endsAt, { zone: hotline.timeZone });
    return `${hotline.name} ${start.toFormat('MM-dd HH:mm')}-${end.toFormat('HH:mm')}`;
  }

  private async text(person: Volunteer, body: string): Promise<number> {
    const phone = this.cipher.decryptOptional(person.phoneEncrypted);
    if (!phone) return 0;
    try {
      await this.telephony.sendSms(phone, body);
      return 1;
    } catch (error) {
      this.logger.error(
        { err: (error as Error).message, volunteerId: person.id },
        'shift SMS failed',
      );
      return 0;
    }
  }
}
