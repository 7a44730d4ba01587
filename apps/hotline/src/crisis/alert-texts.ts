import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Telephony } from '../telephony/telephony';
import { CrisisAlertRecord } from './crisis-alert.entity';
import { crisisAlertText } from './crisis-texts';
import { OnCallSupervisors } from './on-call-supervisors';

/**
 * An alert raised again is texted again no more often than this: the console rings every
 * `crisisRealertSeconds`, a phone in a pocket is buzzed every two minutes at most.
 */
export const SMS_REPEAT_SECONDS = 120;

/** Crisis alerts by SMS to the supervisors' phones, when telephony is set up. */
@Injectable()
export class AlertTexts {
  private readonly logger = new Logger('Crisis');

  constructor(
    @InjectRepository(CrisisAlertRecord) private readonly stored: Repository<CrisisAlertRecord>,
    private readonly supervisors: OnCallSupervisors,
    private readonly directory: HotlineDirectory,
    private readonly telephony: Telephony,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** Texts an alert raised again at `now`, unless its last text is too recent. */
  async textAgain(alert: CrisisAlertRecord, now: DateTime): Promise<void> {
    if (!alert.textedAt || now.toMillis() - alert.textedAt.getTime() >= SMS_REPEAT_SECONDS * 1000)
      await this.text(alert, true);
  }

  /** An SMS to each supervisor to text (see `OnCallSupervisors`), in the hotline's language. */
  async text(alert: CrisisAlertRecord, again: boolean): Promise<void> {
    if (!this.telephony.enabled) return;
    const now = this.clock.now();
    await this.stored.update(alert.id, { textedAt: now.toJSDate() });
    alert.textedAt = now.toJSDate();
    const hotline = await this.directory.hotline(alert.hotlineId);
    const supervisors = await this.supervisors.of(alert.hotlineId);
    const body = crisisAlertText(hotline.locale, {
      hotline: hotline.name,
      at: now.setZone(hotline.timeZone).toFormat('HH:mm'),
      url: this.telephony.url('/console/'),
      reason: alert.reason,
      again,
    });
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
}
