import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { isUniqueViolation } from '../database/errors';
import { HotlineEvents } from '../events/hotline-events';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { AlertTexts } from './alert-texts';
import {
  AlertResolution,
  CrisisAlertReason,
  CrisisAlertRecord,
  UNTIL_ACKNOWLEDGED_REASONS,
  WAITING_CALLER_REASONS,
  alertView,
} from './crisis-alert.entity';
import { CrisisCase } from './crisis-case.entity';

/**
 * Crisis alerts to the supervisors: stored, on the console at once and by SMS (`AlertTexts`),
 * raised again while a crisis caller waits unacknowledged (`AlertRepeats` decides when),
 * shown until a supervisor acknowledges them.
 */
@Injectable()
export class CrisisAlerts {
  private readonly logger = new Logger('Crisis');

  constructor(
    @InjectRepository(CrisisAlertRecord) private readonly stored: Repository<CrisisAlertRecord>,
    private readonly events: HotlineEvents,
    private readonly texts: AlertTexts,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * Raises the case's alert for this reason: stored, on the console at once, and an SMS to the
   * supervisors when telephony is set up. A case has one alert per reason: raising it twice
   * (a retried webhook) returns the first.
   */
  async alert(crisisCase: CrisisCase, reason: CrisisAlertReason): Promise<CrisisAlertRecord> {
    const now = this.clock.now().toJSDate();
    const alert = this.stored.create({
      id: randomUUID(),
      hotlineId: crisisCase.hotlineId,
      caseId: crisisCase.id,
      callId: crisisCase.callId,
      chatId: crisisCase.chatId,
      reason,
      raisedAt: now,
      lastRaisedAt: now,
      textedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      resolvedAt: null,
      resolution: null,
    });
    try {
      await this.stored.insert(alert);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.stored.findOneByOrFail({ caseId: crisisCase.id, reason });
    }
    this.logger.warn(`crisis alert ${alert.id} raised (${reason}) for case ${crisisCase.id}`);
    this.publish(alert);
    await this.texts.text(alert, false);
    return alert;
  }

  /** The hotline's alerts no supervisor has acknowledged yet, oldest first. */
  unacknowledged(hotlineId: string): Promise<CrisisAlertRecord[]> {
    return this.stored.find({
      where: { hotlineId, acknowledgedAt: IsNull() },
      order: { raisedAt: 'ASC' },
    });
  }

  /** The alert's hotline, if it exists. */
  async hotlineOf(alertId: string): Promise<string | undefined> {
    return (await this.stored.findOne({ where: { id: alertId }, select: { hotlineId: true } }))
      ?.hotlineId;
  }

  /**
   * A supervisor has seen the alert: it leaves every wall and is no longer raised again.
   * False when it was already acknowledged (or is not the hotline's).
   */
  async acknowledge(actor: Volunteer, hotlineId: string, alertId: string): Promise<boolean> {
    const done = await this.stored.update(
      { id: alertId, hotlineId, acknowledgedAt: IsNull() },
      { acknowledgedAt: this.clock.now().toJSDate(), acknowledgedBy: actor.id },
    );
    if (!done.affected) return false;
    await this.audit.record({
      actorId: actor.id,
      action: 'crisis_alert.acknowledged',
      subjectType: 'crisis_alert',
      subjectId: alertId,
      hotlineId,
    });
    this.events.publish({
      type: 'crisis.alert.acknowledged',
      hotlineId,
      alertId,
      volunteerId: actor.id,
    });
    return true;
  }

  /**
   * Alerts the job looks at: unacknowledged and not resolved yet, of crisis callers (or chat
   * writers) waiting or raised until acknowledged ("crisis now").
   */
  toRaiseAgain(): Promise<CrisisAlertRecord[]> {
    const open = {
      acknowledgedAt: IsNull(),
      resolvedAt: IsNull(),
      reason: In([...WAITING_CALLER_REASONS, ...UNTIL_ACKNOWLEDGED_REASONS]),
    };
    return this.stored.find({
      where: [
        { ...open, callId: Not(IsNull()) },
        { ...open, chatId: Not(IsNull()) },
      ],
    });
  }

  /**
   * Raises the alert again at `now` if it was last raised at `due` or before: the wall shows
   * it anew, the consoles ring, the supervisors' phones at a gentler pace. False when it was
   * not due after all.
   */
  async raiseAgain(alert: CrisisAlertRecord, due: Date, now: DateTime): Promise<boolean> {
    // Conditional: an acknowledgement in between, or an overlapping run, wins.
    const claimed = await this.stored.update(
      {
        id: alert.id,
        acknowledgedAt: IsNull(),
        resolvedAt: IsNull(),
        lastRaisedAt: LessThanOrEqual(due),
      },
      { lastRaisedAt: now.toJSDate() },
    );
    if (!claimed.affected) return false;
    alert.lastRaisedAt = now.toJSDate();
    this.publish(alert);
    await this.texts.textAgain(alert, now);
    return true;
  }

  /** The caller was forwarded to the crisis line: their alerts stop, noting it. */
  async forwarded(callId: string): Promise<void> {
    const alerts = await this.stored.find({
      where: { callId, acknowledgedAt: IsNull(), reason: In(WAITING_CALLER_REASONS) },
    });
    for (const alert of alerts)
      if (alert.resolution !== 'forwarded') await this.resolve(alert, 'forwarded', true);
  }

  /** No longer raised again; still shown until acknowledged. */
  async resolve(
    alert: CrisisAlertRecord,
    resolution: AlertResolution,
    overriding = false,
  ): Promise<void> {
    const now = this.clock.now().toJSDate();
    const done = await this.stored.update(
      overriding ? { id: alert.id } : { id: alert.id, resolvedAt: IsNull() },
      { resolvedAt: overriding && alert.resolvedAt ? alert.resolvedAt : now, resolution },
    );
    if (!done.affected) return;
    alert.resolvedAt = overriding && alert.resolvedAt ? alert.resolvedAt : now;
    alert.resolution = resolution;
    if (!alert.acknowledgedAt) this.publish(alert);
  }

  private publish(alert: CrisisAlertRecord): void {
    this.events.publish({
      type: 'crisis.alert',
      hotlineId: alert.hotlineId,
      caseId: alert.caseId,
      callId: alert.callId,
      reason: alert.reason,
      alert: alertView(alert),
    });
  }
}
