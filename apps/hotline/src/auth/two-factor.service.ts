import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { base32Decode, base32Encode, matchingStep, newTotpSecret, otpauthUri } from './totp';

/** The issuer authenticator apps show beside the account. */
const ISSUER = 'Hotline';

/** Why a code was refused: told apart so that a person knows what to do next. */
export type CodeRefusal = 'wrong' | 'used';

/**
 * TOTP second factor: enrolment (a secret, confirmed by a first code), checking a code at
 * sign-in (each time step's code accepted once), and whether a person's hotlines require it.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * True when a hotline lists one of this person's roles in `requireTwoFactorFor`: their own
   * hotlines, or, for an admin (who acts on every hotline), any hotline.
   */
  async required(volunteer: Volunteer): Promise<boolean> {
    const hotlines = volunteer.hasRole('admin')
      ? await this.hotlines.find()
      : (volunteer.hotlines ?? []);
    return hotlines.some((hotline) =>
      (hotline.requireTwoFactorFor ?? []).some((role) => volunteer.roles.includes(role)),
    );
  }

  /**
   * A new secret for this person, kept encrypted but not yet in force: the first code confirms
   * it. Refused once two-factor sign-in is on, so that a stolen session cannot swap the factor.
   */
  async start(volunteer: Volunteer): Promise<{ secret: string; otpauthUri: string }> {
    if (volunteer.twoFactorEnabledAt)
      throw new ConflictException('Two-factor sign-in is already on for your account.');
    const secret = newTotpSecret();
    await this.volunteers.update(volunteer.id, {
      twoFactorSecretEncrypted: this.cipher.encrypt(base32Encode(secret)),
      twoFactorLastStep: null,
      updatedAt: this.clock.now().toJSDate(),
    });
    return {
      secret: base32Encode(secret),
      otpauthUri: otpauthUri(secret, ISSUER, volunteer.email),
    };
  }

  /** Turns two-factor sign-in on with the first code from the person's app. */
  async confirm(volunteer: Volunteer, code: string): Promise<void> {
    if (volunteer.twoFactorEnabledAt)
      throw new ConflictException('Two-factor sign-in is already on for your account.');
    const refusal = await this.useCode(volunteer.id, code, false);
    if (refusal)
      throw new UnauthorizedException(
        refusal === 'used'
          ? 'This code has been used already; wait for the next one.'
          : 'The code is wrong: start enrolment again if your app does not show the hotline.',
      );
    await this.volunteers.update(volunteer.id, {
      twoFactorEnabledAt: this.clock.now().toJSDate(),
      updatedAt: this.clock.now().toJSDate(),
    });
  }

  /**
   * Checks a code for this person and, if it is right, uses it up: its time step (and every
   * earlier one) is refused from now on. The step moves on in one conditional update, so two
   * sign-ins racing with the same code cannot both pass. Undefined when accepted.
   */
  async useCode(
    volunteerId: string,
    code: string,
    enabledOnly = true,
  ): Promise<CodeRefusal | undefined> {
    const row = await this.volunteers
      .createQueryBuilder('v')
      .select(['v.id', 'v.twoFactorEnabledAt'])
      .addSelect('v.twoFactorSecretEncrypted')
      .where('v.id = :id', { id: volunteerId })
      .getOne();
    if (!row?.twoFactorSecretEncrypted || (enabledOnly && !row.twoFactorEnabledAt)) return 'wrong';
    const secret = base32Decode(this.cipher.decrypt(row.twoFactorSecretEncrypted));
    const step = matchingStep(secret, code, Math.floor(this.clock.now().toSeconds()));
    if (step === null) return 'wrong';
    const result = await this.volunteers
      .createQueryBuilder()
      .update(Volunteer)
      .set({ twoFactorLastStep: step })
      .where('id = :id', { id: volunteerId })
      .andWhere('(two_factor_last_step IS NULL OR two_factor_last_step < :step)', { step })
      .execute();
    return result.affected === 1 ? undefined : 'used';
  }
}
