import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { overlaps } from '@hotline/calendar';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { invalidFields } from '../common/validation';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Volunteer } from '../volunteers/volunteer.entity';
import { ShiftView, SignUpDto } from './dto/shift.dto';
import { NEEDED, SIGNED, Shift, ShiftSignup, Slot } from './shift.entity';
import { ShiftsService } from './shifts.service';

/** The column pair a slot's place is counted in. */
const COLUMN: Record<Slot, string> = {
  volunteer: 'volunteers',
  supervisor: 'supervisors',
};

/** Taking a place on a shift and giving it back. */
@Injectable()
export class ShiftSignups {
  constructor(
    @InjectRepository(ShiftSignup) private readonly signups: Repository<ShiftSignup>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly roster: ShiftsService,
    private readonly directory: HotlineDirectory,
    private readonly transactions: Transactions,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Signs a person up. The place is claimed by one conditional update of the shift's count
   * (`signed < needed`), inside the transaction that inserts the sign-up under a unique key:
   * of two people racing for the last place, exactly one gets it.
   */
  async signUp(actor: Volunteer, shiftId: string, dto: SignUpDto): Promise<ShiftView> {
    const shift = await this.roster.visibleShift(actor, shiftId);
    const person = await this.signingUp(actor, shift, dto.volunteerId);
    const slot = dto.slot ?? 'volunteer';
    if (!person.hasRole(slot))
      throw new ConflictException(
        slot === 'supervisor'
          ? 'This place is for a supervisor; you do not hold the supervisor role.'
          : 'This place is for a volunteer expert; sign up for a supervisor place instead.',
      );
    if (shift.cancelledAt) throw new ConflictException('This shift was cancelled.');
    if (shift.startsAt <= this.clock.now().toJSDate())
      throw new ConflictException('This shift has already started; sign-up is closed.');
    const theirs = await this.signups.find({
      where: { volunteerId: person.id },
      relations: { shift: true },
    });
    if (theirs.some((signup) => signup.shiftId === shift.id))
      throw new ConflictException('You are already signed up for this shift.');
    const clash = theirs.find(
      (signup) => !signup.shift!.cancelledAt && overlaps(signup.shift!, shift),
    );
    if (clash)
      throw new ConflictException(
        `This shift overlaps another one of yours (${this.localTimes(clash.shift!, (await this.directory.hotline(shift.hotlineId)).timeZone)}).`,
      );

    await this.transactions.run(async (manager) => {
      const claimed = await manager
        .createQueryBuilder()
        .update(Shift)
        .set({ [SIGNED[slot]]: () => `${COLUMN[slot]}_signed + 1`, version: () => 'version + 1' })
        .where('id = :id', { id: shift.id })
        .andWhere(`${COLUMN[slot]}_signed < ${COLUMN[slot]}_needed`)
        .andWhere('cancelled_at IS NULL')
        .execute();
      if (!claimed.affected)
        throw new ConflictException(
          `This shift is full: all ${shift[NEEDED[slot]]} ${slot} places are taken.`,
        );
      try {
        await manager.insert(ShiftSignup, {
          id: randomUUID(),
          shiftId: shift.id,
          volunteerId: person.id,
          slot,
          signedUpAt: this.clock.now().toJSDate(),
          checkedInAt: null,
          minutesLate: null,
          noShow: false,
          correctedBy: null,
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictException('You are already signed up for this shift.');
        throw error;
      }
    });
    await this.roster.record(actor, 'shift.signed_up', 'shift', shift.id, shift.hotlineId);
    return this.roster.viewOf(actor, shift.id);
  }

  /** Gives the place back; a volunteer only until the hotline's cut-off, a coordinator always. */
  async withdraw(actor: Volunteer, shiftId: string, volunteerId: string): Promise<void> {
    const shift = await this.roster.visibleShift(actor, shiftId);
    const coordinating = actor.hasRole('coordinator', 'admin');
    if (volunteerId !== actor.id && !coordinating)
      throw new ForbiddenException('Only a coordinator can take someone else off a shift.');
    const signup = await this.signups.findOneBy({ shiftId, volunteerId });
    if (!signup) throw new NotFoundException('That person is not signed up for this shift.');
    const cutoffHours = (await this.directory.hotline(shift.hotlineId)).withdrawCutoffHours;
    const cutoff = DateTime.fromJSDate(shift.startsAt).minus({ hours: cutoffHours });
    if (!coordinating && this.clock.now() >= cutoff)
      throw new ConflictException(
        `Withdrawal closed ${cutoffHours} hours before the shift; ask a coordinator to find someone in your place.`,
      );
    await this.transactions.run(async (manager) => {
      const removed = await manager.delete(ShiftSignup, { id: signup.id });
      if (!removed.affected) return;
      await manager
        .createQueryBuilder()
        .update(Shift)
        .set({
          [SIGNED[signup.slot]]: () => `${COLUMN[signup.slot]}_signed - 1`,
          version: () => 'version + 1',
        })
        .where('id = :id', { id: shiftId })
        .execute();
    });
    await this.roster.record(actor, 'shift.withdrawn', 'shift', shiftId, shift.hotlineId);
  }

  private localTimes(shift: Shift, zone: string): string {
    const start = DateTime.fromJSDate(shift.startsAt, { zone });
    return `${start.toFormat('yyyy-MM-dd HH:mm')}-${DateTime.fromJSDate(shift.endsAt, { zone }).toFormat('HH:mm')}`;
  }

  /** The person to sign up: oneself, or (coordinators) someone of the shift's hotline. */
  private async signingUp(
    actor: Volunteer,
    shift: Shift,
    volunteerId?: string,
  ): Promise<Volunteer> {
    if (!volunteerId || volunteerId === actor.id) return actor;
    if (!actor.hasRole('coordinator', 'admin'))
      throw new ForbiddenException('Only a coordinator can sign someone else up.');
    const person = await this.volunteers.findOne({
      where: { id: volunteerId, active: true, hotlines: { id: shift.hotlineId } },
    });
    if (!person)
      throw invalidFields({ volunteerId: [`No active volunteer ${volunteerId} on this hotline.`] });
    return person;
  }
}
