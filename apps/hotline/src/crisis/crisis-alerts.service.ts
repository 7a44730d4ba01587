import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { isUniqueViolation } from '../database/errors';
import { HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { ShiftsService } from '../shifts/shifts.service';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import {
  AlertResolution,
  CrisisAlertReason,
  CrisisAlertRecord,
  WAITING_CALLER_REASONS,
  alertView,
} from './crisis-alert.entity';
import { CrisisCase } from './crisis-case.entity';
import { crisisAlertText } from './crisis-texts';

/**
 * An alert raised again is texted again no more often than this: the console rings every
 * `crisisRealertSeconds`, a phone in a pocket is buzzed every two minutes at most.
 */
export const SMS_REPEAT_SECONDS = 120;

/** How the call stands for its alert: still waiting (null), or how the caller stopped waiting. */
function resolutionOf(call: Pick<Call, 'status' | 'outcome'> | null): AlertResolution | null {
  if (!call) return 'hung_up';
  if (call.status === 'talking') return 'taken';
  if (call.status === 'ended') return call.outcome === 'answered' ? 'taken' : 'hung_up';
  return null;
}

/**
 * Crisis alerts to the supervisors: stored, on the console at once and by SMS, raised again
 * while a crisis caller waits unacknowledged, shown until a supervisor acknowledges them.
 */
@Injectable()
export class CrisisAlerts {
  private readonly logger = new Logger('Crisis');

  constructor(
    @InjectRepository(CrisisAlertRecord) private readonly stored: Repository<CrisisAlertRecord>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly events: HotlineEvents,
    private readonly switchboard: Switchboard,
    private readonly directory: HotlineDirectory,
    private readonly shifts: ShiftsService,
    private readonly telephony: Telephony,
    private readonly cipher: FieldCipher,
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
    await this.text(alert, false);
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
   * Alerts of crisis callers still waiting, unacknowledged, last raised `crisisRealertSeconds`
   * ago or more, are raised again (the wall shows them anew and the consoles ring); alerts of
   * callers who stopped waiting are resolved. Returns how many were raised again.
   */
  async raiseAgainDue(): Promise<number> {
    const now = this.clock.now();
    const open = await this.stored.find({
      where: {
        acknowledgedAt: IsNull(),
        resolvedAt: IsNull(),
        callId: Not(IsNull()),
        reason: In(WAITING_CALLER_REASONS),
      },
    });
    let raised = 0;
    for (const alert of open) {
      const call = await this.calls.findOne({
        where: { id: alert.callId! },
        select: { id: true, status: true, outcome: true },
      });
      const resolution = resolutionOf(call);
      if (resolution) {
        await this.resolve(alert, resolution);
        continue;
      }
      const hotline = await this.directory.hotline(alert.hotlineId);
      const due = now.minus({ seconds: hotline.routing.crisisRealertSeconds }).toJSDate();
      if (alert.lastRaisedAt > due) continue;
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
      if (!claimed.affected) continue;
      alert.lastRaisedAt = now.toJSDate();
      this.publish(alert);
      raised += 1;
      if (!alert.textedAt || now.toMillis() - alert.textedAt.getTime() >= SMS_REPEAT_SECONDS * 1000)
        await this.text(alert, true);
    }
    return raised;
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
  private async resolve(
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

  /** An SMS to each supervisor to text (see `supervisorsToText`), in the hotline's language. */
  private async text(alert: CrisisAlertRecord, again: boolean): Promise<void> {
    if (!this.telephony.enabled) return;
    const now = this.clock.now();
    await this.stored.update(alert.id, { textedAt: now.toJSDate() });
    alert.textedAt = now.toJSDate();
    const hotline = await this.directory.hotline(alert.hotlineId);
    const supervisors = await this.supervisorsToText(alert.hotlineId);
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
