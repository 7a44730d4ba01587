import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';
import { In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import { CrisisAlertReason, HotlineEvents } from '../events/hotline-events';
import { Switchboard } from '../calls/switchboard';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { startRecurringJob } from '../common/recurring-job';
import { Cluster } from '../instances/cluster';
import { ContactAccess } from '../contacts/contact-access';
import { CRISIS_RISK_LEVELS } from '../contacts/contact-fields';
import { Contact } from '../contacts/contact.entity';
import { isUniqueViolation } from '../database/errors';
import { ShiftsService } from '../shifts/shifts.service';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisCase, CrisisFollowUp, CrisisTrigger, REPORT_DUE_HOURS } from './crisis-case.entity';
import { CrisisCaseDetail, CrisisCaseQueryDto, CrisisCaseView } from './dto/crisis-case.dto';
import { Partner } from './partner.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';

/** How often late reports are looked for (real time). */
const OVERDUE_CHECK_MS = 60_000;

/**
 * Crisis cases: opened by the danger key or a high-risk contact, alerted to the supervisors on
 * duty at once (console and SMS), followed until the written report is filed and the case
 * closed. A report still missing 12 hours after opening raises a second alert.
 */
@Injectable()
export class CrisisCasesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Crisis');
  private subscription?: Subscription;
  private stopWatch?: () => void;

  constructor(
    @InjectRepository(CrisisCase) private readonly cases: Repository<CrisisCase>,
    @InjectRepository(CrisisFollowUp) private readonly followUps: Repository<CrisisFollowUp>,
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly events: HotlineEvents,
    private readonly switchboard: Switchboard,
    private readonly directory: HotlineDirectory,
    private readonly shifts: ShiftsService,
    private readonly telephony: Telephony,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly cluster: Cluster,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.on(
      'call.danger',
      (event) => this.openForDangerKey(event.hotlineId, event.callId),
      this.logger,
    );
    this.stopWatch = startRecurringJob(
      'overdue report check',
      OVERDUE_CHECK_MS,
      () => this.alertOverdueReports(),
      this.logger,
      () => this.cluster.isLeader,
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.stopWatch?.();
  }

  /** The caller pressed the danger key. A retried webhook finds the case already open. */
  async openForDangerKey(hotlineId: string, callId: string): Promise<CrisisCase> {
    return this.open({
      hotlineId,
      trigger: 'danger_key',
      callId,
      contactId: null,
      riskLevel: null,
    });
  }

  /**
   * A contact was written or changed: it joins the case its call already opened, or opens one
   * when its risk is high or imminent. Returns the case id, if there is a case.
   */
  async considerContact(contact: Contact): Promise<string | undefined> {
    const existing = await this.cases.findOne({
      where: [{ contactId: contact.id }, ...(contact.callId ? [{ callId: contact.callId }] : [])],
    });
    if (existing) {
      await this.cases.update(existing.id, {
        contactId: contact.id,
        riskLevel: contact.riskLevel,
        updatedAt: this.clock.now().toJSDate(),
      });
      return existing.id;
    }
    if (!contact.riskLevel || !CRISIS_RISK_LEVELS.includes(contact.riskLevel)) return undefined;
    const opened = await this.open({
      hotlineId: contact.hotlineId,
      trigger: 'risk_level',
      callId: contact.callId,
      contactId: contact.id,
      riskLevel: contact.riskLevel,
    });
    return opened.id;
  }

  /**
   * Cases whose report is late and not yet alerted: each is alerted once. The conditional
   * update makes sure two overlapping checks never alert the same case twice.
   */
  async alertOverdueReports(): Promise<number> {
    const now = this.clock.now().toJSDate();
    const late = await this.cases.find({
      where: {
        reportFiledAt: IsNull(),
        closedAt: IsNull(),
        overdueAlertedAt: IsNull(),
        reportDueAt: LessThanOrEqual(now),
      },
    });
    let alerted = 0;
    for (const crisisCase of late) {
      const claimed = await this.cases.update(
        { id: crisisCase.id, overdueAlertedAt: IsNull() },
        { overdueAlertedAt: now },
      );
      if (!claimed.affected) continue;
      await this.alert(crisisCase, 'report_overdue');
      alerted += 1;
    }
    return alerted;
  }

  async list(actor: Volunteer, query: CrisisCaseQueryDto): Promise<CrisisCaseView[]> {
    const hotlineIds = query.hotlineId
      ? [this.scopedHotline(actor, query.hotlineId)]
      : actor.hotlines.map((hotline) => hotline.id);
    const now = this.clock.now().toJSDate();
    const found = await this.cases.find({
      where: {
        hotlineId: In(hotlineIds),
        ...(query.open || query.overdue ? { closedAt: IsNull() } : {}),
        ...(query.overdue ? { reportFiledAt: IsNull(), reportDueAt: LessThanOrEqual(now) } : {}),
      },
      relations: { partner: true },
      order: { openedAt: 'DESC' },
      take: query.limit,
    });
    const volunteerOf = await this.volunteersOf(found);
    return found
      .filter((crisisCase) =>
        ContactAccess.mayHandle(actor, {
          hotlineId: crisisCase.hotlineId,
          volunteerId: volunteerOf.get(crisisCase.id) ?? null,
        }),
      )
      .map((crisisCase) => this.view(crisisCase, volunteerOf.get(crisisCase.id) ?? null));
  }

  /** The whole case with its confidential text; the read is audited. */
  async detail(actor: Volunteer, id: string): Promise<CrisisCaseDetail> {
    const { crisisCase, volunteerId } = await this.handled(actor, id);
    const followUps = await this.followUps.find({ where: { caseId: id }, order: { at: 'ASC' } });
    await this.audit.record({
      actorId: actor.id,
      action: 'crisis_case.read',
      subjectType: 'crisis_case',
      subjectId: id,
      hotlineId: crisisCase.hotlineId,
    });
    return {
      ...this.view(crisisCase, volunteerId),
      referralNote: this.cipher.decryptOptional(crisisCase.referralNoteEncrypted),
      report: this.cipher.decryptOptional(crisisCase.reportEncrypted),
      closingNote: this.cipher.decryptOptional(crisisCase.closingNoteEncrypted),
      followUps: followUps.map((followUp) => ({
        id: followUp.id,
        at: followUp.at.toISOString(),
        authorId: followUp.authorId,
        note: this.cipher.decryptOptional(followUp.noteEncrypted),
      })),
    };
  }

  /** A supervisor takes responsibility for the case. */
  async take(actor: Volunteer, id: string): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.handled(actor, id);
    if (!ContactAccess.supervises(actor, crisisCase.hotlineId))
      throw new ForbiddenException('Only a supervisor of this hotline can take a crisis case.');
    return this.change(actor, crisisCase, 'crisis_case.taken', { supervisorId: actor.id });
  }

  async refer(
    actor: Volunteer,
    id: string,
    partnerId: string,
    note: string | undefined,
  ): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.handled(actor, id, 'open');
    const partner = await this.partners.findOneBy({
      id: partnerId,
      hotlineId: crisisCase.hotlineId,
    });
    if (!partner) throw new NotFoundException(`No partner ${partnerId} for this hotline.`);
    if (!partner.active && crisisCase.partnerId !== partner.id)
      throw new ConflictException(`${partner.name} is no longer a partner; choose an active one.`);
    return this.change(actor, crisisCase, 'crisis_case.referred', {
      partnerId: partner.id,
      referredAt: this.clock.now().toJSDate(),
      referralNoteEncrypted: this.cipher.encryptOptional(note),
    });
  }

  async addFollowUp(actor: Volunteer, id: string, note: string): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.handled(actor, id);
    await this.followUps.insert({
      id: randomUUID(),
      caseId: id,
      authorId: actor.id,
      at: this.clock.now().toJSDate(),
      noteEncrypted: this.cipher.encrypt(note),
    });
    return this.change(actor, crisisCase, 'crisis_case.followed_up', {});
  }

  async fileReport(actor: Volunteer, id: string, report: string): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.handled(actor, id, 'open');
    if (crisisCase.reportFiledAt)
      throw new ConflictException(
        'The report was already filed; add what happened since as a follow-up.',
      );
    return this.change(actor, crisisCase, 'crisis_case.report_filed', {
      reportEncrypted: this.cipher.encrypt(report),
      reportFiledAt: this.clock.now().toJSDate(),
      reportFiledBy: actor.id,
    });
  }

  async close(actor: Volunteer, id: string, note: string | undefined): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.handled(actor, id, 'open');
    if (!ContactAccess.supervises(actor, crisisCase.hotlineId))
      throw new ForbiddenException('Only a supervisor of this hotline can close a crisis case.');
    if (!crisisCase.reportFiledAt)
      throw new ConflictException('File the written report before closing the case.');
    return this.change(actor, crisisCase, 'crisis_case.closed', {
      closedAt: this.clock.now().toJSDate(),
      closedBy: actor.id,
      closingNoteEncrypted: this.cipher.encryptOptional(note),
    });
  }

  private async open(
    fields: Pick<CrisisCase, 'hotlineId' | 'callId' | 'contactId' | 'riskLevel'> & {
      trigger: CrisisTrigger;
    },
  ): Promise<CrisisCase> {
    const now = this.clock.now();
    const crisisCase = this.cases.create({
      ...fields,
      id: randomUUID(),
      openedAt: now.toJSDate(),
      reportDueAt: now.plus({ hours: REPORT_DUE_HOURS }).toJSDate(),
      supervisorId: null,
      partnerId: null,
      referredAt: null,
      referralNoteEncrypted: null,
      reportEncrypted: null,
      reportFiledAt: null,
      reportFiledBy: null,
      overdueAlertedAt: null,
      closedAt: null,
      closedBy: null,
      closingNoteEncrypted: null,
      updatedAt: now.toJSDate(),
    });
    try {
      await this.cases.insert(crisisCase);
    } catch (error) {
      if (!isUniqueViolation(error) || !fields.callId) throw error;
      return this.cases.findOneByOrFail({ callId: fields.callId });
    }
    this.logger.warn(`crisis case ${crisisCase.id} opened (${fields.trigger})`);
    await this.alert(crisisCase, fields.trigger === 'danger_key' ? 'danger_key' : 'high_risk');
    return crisisCase;
  }

  /** The console alert at once; an SMS to each supervisor on duty when telephony is set up. */
  private async alert(crisisCase: CrisisCase, reason: CrisisAlertReason): Promise<void> {
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
  private async supervisorsToText(hotlineId: string): Promise<Volunteer[]> {
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

  private scopedHotline(actor: Volunteer, hotlineId: string): string {
    if (!actor.worksFor(hotlineId))
      throw new NotFoundException(`No hotline ${hotlineId} among the hotlines you work for.`);
    return hotlineId;
  }

  /** The case, if the person may work on it (its volunteer or a supervisor); else 404. */
  private async handled(
    actor: Volunteer,
    id: string,
    must?: 'open',
  ): Promise<{ crisisCase: CrisisCase; volunteerId: string | null }> {
    const crisisCase = await this.cases.findOne({ where: { id }, relations: { partner: true } });
    const volunteerId = crisisCase
      ? ((await this.volunteersOf([crisisCase])).get(id) ?? null)
      : null;
    if (!crisisCase || !ContactAccess.mayHandle(actor, { ...crisisCase, volunteerId }))
      throw new NotFoundException(`No crisis case ${id} that you work on.`);
    if (must === 'open' && crisisCase.closedAt)
      throw new ConflictException('This case is closed; add a follow-up instead.');
    return { crisisCase, volunteerId };
  }

  private async change(
    actor: Volunteer,
    crisisCase: CrisisCase,
    action: string,
    changes: Partial<CrisisCase>,
  ): Promise<CrisisCaseDetail> {
    await this.cases.update(crisisCase.id, { ...changes, updatedAt: this.clock.now().toJSDate() });
    await this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'crisis_case',
      subjectId: crisisCase.id,
      hotlineId: crisisCase.hotlineId,
    });
    return this.detail(actor, crisisCase.id);
  }

  /** The volunteer each case belongs to: who wrote its contact, or who answered its call. */
  private async volunteersOf(cases: CrisisCase[]): Promise<Map<string, string>> {
    const callIds = cases.flatMap((crisisCase) => (crisisCase.callId ? [crisisCase.callId] : []));
    const contactIds = cases.flatMap((crisisCase) =>
      crisisCase.contactId ? [crisisCase.contactId] : [],
    );
    const calls = callIds.length
      ? await this.calls.find({
          where: { id: In(callIds) },
          select: { id: true, volunteerId: true },
        })
      : [];
    const contacts = contactIds.length
      ? await this.contacts.find({
          where: { id: In(contactIds) },
          select: { id: true, volunteerId: true },
        })
      : [];
    const owners = new Map<string, string>();
    for (const crisisCase of cases) {
      const owner =
        contacts.find((contact) => contact.id === crisisCase.contactId)?.volunteerId ??
        calls.find((call) => call.id === crisisCase.callId)?.volunteerId;
      if (owner) owners.set(crisisCase.id, owner);
    }
    return owners;
  }

  private view(crisisCase: CrisisCase, volunteerId: string | null): CrisisCaseView {
    const now = this.clock.now().toJSDate();
    return {
      id: crisisCase.id,
      hotlineId: crisisCase.hotlineId,
      trigger: crisisCase.trigger,
      riskLevel: crisisCase.riskLevel,
      callId: crisisCase.callId,
      contactId: crisisCase.contactId,
      volunteerId,
      supervisorId: crisisCase.supervisorId,
      openedAt: crisisCase.openedAt.toISOString(),
      partner: crisisCase.partner
        ? {
            id: crisisCase.partner.id,
            name: crisisCase.partner.name,
            kind: crisisCase.partner.kind,
          }
        : null,
      referredAt: crisisCase.referredAt?.toISOString() ?? null,
      reportDueAt: crisisCase.reportDueAt.toISOString(),
      reportFiledAt: crisisCase.reportFiledAt?.toISOString() ?? null,
      reportOverdue:
        !crisisCase.reportFiledAt && !crisisCase.closedAt && crisisCase.reportDueAt <= now,
      closedAt: crisisCase.closedAt?.toISOString() ?? null,
    };
  }
}
