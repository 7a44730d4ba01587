import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';
import type { RiskLevel } from '../contacts/contact-fields';
import { Partner } from './partner.entity';

/**
 * What opened the case: the caller pressed the danger key, a contact was rated high risk, or
 * the volunteer pressed "crisis now" during the call.
 */
export const CRISIS_TRIGGERS = ['danger_key', 'risk_level', 'crisis_now'] as const;
export type CrisisTrigger = (typeof CRISIS_TRIGGERS)[number];

/** The written report is due this long after a case opens. */
export const REPORT_DUE_HOURS = 12;

/**
 * A crisis and what was done about it: the supervisor who took it, the referral to a partner,
 * the written report (due 12 hours after opening), follow-ups and the closing. Free text is
 * confidential and stored encrypted.
 */
@Entity({ name: 'crisis_case' })
@Index('uq_crisis_case_call_id', ['callId'], { unique: true })
@Index('uq_crisis_case_contact_id', ['contactId'], { unique: true })
@Index('uq_crisis_case_chat_id', ['chatId'], { unique: true })
@Index('idx_crisis_case_hotline_id_opened_at', ['hotlineId', 'openedAt'])
@Index('idx_crisis_case_report_due_at', ['reportDueAt'])
export class CrisisCase extends HotlineRecord {
  @Column({ type: 'varchar', length: 16 })
  trigger!: CrisisTrigger;

  /** The contact's risk level once known (a danger-key case learns it at wrap-up). */
  @Column({ name: 'risk_level', type: 'varchar', length: 16, nullable: true })
  riskLevel!: RiskLevel | null;

  @Column({ name: 'call_id', ...REFERENCE, nullable: true })
  callId!: string | null;

  /** The live chat it came from ("I am in danger now", "crisis now"), if any. */
  @Column({ name: 'chat_id', ...REFERENCE, nullable: true })
  chatId!: string | null;

  @Column({ name: 'contact_id', ...REFERENCE, nullable: true })
  contactId!: string | null;

  @Column({ name: 'opened_at', ...DATETIME })
  openedAt!: Date;

  /** The volunteer who opened it from their call ("crisis now"); null when the system did. */
  @Column({ name: 'opened_by', ...REFERENCE, nullable: true })
  openedBy!: string | null;

  /** The supervisor who took the case. */
  @Column({ name: 'supervisor_id', ...REFERENCE, nullable: true })
  supervisorId!: string | null;

  @Column({ name: 'partner_id', ...REFERENCE, nullable: true })
  partnerId!: string | null;

  @ManyToOne(() => Partner, { ...RESTRICT, nullable: true })
  @JoinColumn({ name: 'partner_id' })
  partner?: Partner;

  @Column({ name: 'referred_at', ...DATETIME, nullable: true })
  referredAt!: Date | null;

  @Column({ name: 'referral_note_encrypted', type: 'text', nullable: true })
  referralNoteEncrypted!: string | null;

  @Column({ name: 'report_due_at', ...DATETIME })
  reportDueAt!: Date;

  @Column({ name: 'report_encrypted', type: 'text', nullable: true })
  reportEncrypted!: string | null;

  @Column({ name: 'report_filed_at', ...DATETIME, nullable: true })
  reportFiledAt!: Date | null;

  @Column({ name: 'report_filed_by', ...REFERENCE, nullable: true })
  reportFiledBy!: string | null;

  /** The report as written so far, saved before it is filed (a case outlasts a shift). */
  @Column({ name: 'report_draft_encrypted', type: 'text', nullable: true })
  reportDraftEncrypted!: string | null;

  @Column({ name: 'report_draft_saved_at', ...DATETIME, nullable: true })
  reportDraftSavedAt!: Date | null;

  @Column({ name: 'report_draft_saved_by', ...REFERENCE, nullable: true })
  reportDraftSavedBy!: string | null;

  /** When supervisors were alerted that the report is late (once per case). */
  @Column({ name: 'overdue_alerted_at', ...DATETIME, nullable: true })
  overdueAlertedAt!: Date | null;

  @Column({ name: 'closed_at', ...DATETIME, nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by', ...REFERENCE, nullable: true })
  closedBy!: string | null;

  @Column({ name: 'closing_note_encrypted', type: 'text', nullable: true })
  closingNoteEncrypted!: string | null;

  @OneToMany(() => CrisisFollowUp, (followUp) => followUp.crisisCase)
  followUps?: CrisisFollowUp[];

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/** One thing done or learnt after the case opened (a call to the family, the hospital's answer). */
@Entity({ name: 'crisis_follow_up' })
@Index('idx_crisis_follow_up_case_id_at', ['caseId', 'at'])
export class CrisisFollowUp {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ name: 'case_id', ...REFERENCE })
  caseId!: string;

  @ManyToOne(() => CrisisCase, (crisisCase) => crisisCase.followUps, RESTRICT)
  @JoinColumn({ name: 'case_id' })
  crisisCase?: CrisisCase;

  @Column({ name: 'author_id', ...REFERENCE })
  authorId!: string;

  @Column({ ...DATETIME })
  at!: Date;

  /** Null once the retention job has cleared it. */
  @Column({ name: 'note_encrypted', type: 'text', nullable: true })
  noteEncrypted!: string | null;
}

/** A case just opened: nobody has worked on it yet; its report is due in REPORT_DUE_HOURS. */
export function newCase(
  fields: Pick<CrisisCase, 'id' | 'hotlineId' | 'trigger' | 'callId' | 'contactId' | 'riskLevel'> &
    Partial<Pick<CrisisCase, 'openedBy' | 'chatId'>>,
  openedAt: Date,
): Omit<CrisisCase, 'hotline' | 'partner' | 'followUps'> {
  return {
    openedBy: null,
    chatId: null,
    ...fields,
    openedAt,
    reportDueAt: new Date(openedAt.getTime() + REPORT_DUE_HOURS * 3600_000),
    supervisorId: null,
    partnerId: null,
    referredAt: null,
    referralNoteEncrypted: null,
    reportEncrypted: null,
    reportFiledAt: null,
    reportFiledBy: null,
    reportDraftEncrypted: null,
    reportDraftSavedAt: null,
    reportDraftSavedBy: null,
    overdueAlertedAt: null,
    closedAt: null,
    closedBy: null,
    closingNoteEncrypted: null,
    updatedAt: openedAt,
  };
}
