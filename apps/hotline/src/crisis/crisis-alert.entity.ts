import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { CrisisAlert } from '@hotline/console-protocol';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';
import { CrisisCase } from './crisis-case.entity';

export const CRISIS_ALERT_REASONS = [
  'danger_key',
  'high_risk',
  'report_overdue',
  'not_taken',
  'crisis_now',
] as const;
export type CrisisAlertReason = (typeof CRISIS_ALERT_REASONS)[number];

export const ALERT_RESOLUTIONS = ['taken', 'hung_up', 'forwarded'] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

/** Alerts about a caller still on the line: raised again while they wait unacknowledged. */
export const WAITING_CALLER_REASONS: readonly CrisisAlertReason[] = ['danger_key', 'not_taken'];

/**
 * Alerts raised again until a supervisor acknowledges them, whatever became of the call: a
 * volunteer asked for help in the middle of a call ("crisis now"), and that must reach someone
 * even if the call or the volunteer's console ends first.
 */
export const UNTIL_ACKNOWLEDGED_REASONS: readonly CrisisAlertReason[] = ['crisis_now'];

/**
 * A crisis alert to the supervisors, kept until one of them acknowledges it: it survives a
 * restart and a change of routing leader. Only ids, reasons and instants: nothing confidential.
 */
@Entity({ name: 'crisis_alert' })
@Index('uq_crisis_alert_case_id_reason', ['caseId', 'reason'], { unique: true })
@Index('idx_crisis_alert_hotline_id_acknowledged_at', ['hotlineId', 'acknowledgedAt'])
@Index('idx_crisis_alert_acknowledged_at_resolved_at', ['acknowledgedAt', 'resolvedAt'])
export class CrisisAlertRecord extends HotlineRecord {
  @Column({ name: 'case_id', ...REFERENCE })
  caseId!: string;

  @ManyToOne(() => CrisisCase, RESTRICT)
  @JoinColumn({ name: 'case_id' })
  crisisCase?: CrisisCase;

  /** The call, when the case came from one. */
  @Column({ name: 'call_id', ...REFERENCE, nullable: true })
  callId!: string | null;

  /** The live chat, when the case came from one. */
  @Column({ name: 'chat_id', ...REFERENCE, nullable: true })
  chatId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  reason!: CrisisAlertReason;

  @Column({ name: 'raised_at', ...DATETIME })
  raisedAt!: Date;

  @Column({ name: 'last_raised_at', ...DATETIME })
  lastRaisedAt!: Date;

  /** When the supervisors were last texted about it. */
  @Column({ name: 'texted_at', ...DATETIME, nullable: true })
  textedAt!: Date | null;

  @Column({ name: 'acknowledged_by', ...REFERENCE, nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'acknowledged_at', ...DATETIME, nullable: true })
  acknowledgedAt!: Date | null;

  /** Its caller stopped waiting: it is no longer raised again. */
  @Column({ name: 'resolved_at', ...DATETIME, nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution!: AlertResolution | null;
}

/** What consoles show of an alert. */
export function alertView(alert: CrisisAlertRecord): CrisisAlert {
  return {
    alertId: alert.id,
    caseId: alert.caseId,
    callId: alert.callId,
    ...(alert.chatId ? { chatId: alert.chatId } : {}),
    reason: alert.reason,
    raisedAt: alert.raisedAt.toISOString(),
    lastRaisedAt: alert.lastRaisedAt.toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    resolution: alert.resolution,
  };
}
