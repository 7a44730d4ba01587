import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { ContactAccess } from '../contacts/contact-access';
import { Contact } from '../contacts/contact.entity';
import { namesOf } from '../volunteers/names-of';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisCase, CrisisFollowUp } from './crisis-case.entity';
import { CrisisCaseDetail, CrisisCaseQueryDto, CrisisCaseView } from './dto/crisis-case.dto';

/**
 * Crisis cases as the people on them see them: their volunteer and the hotline's supervisors
 * read them (audited) and a supervisor takes one. Every change of a case goes through
 * `change`, which audits it. Opening is CrisisOpening's, the alerts CrisisAlerts', the late
 * report's alert OverdueReports', referral and report CrisisReports', follow-ups and closing
 * CrisisFollowUps'.
 */
@Injectable()
export class CrisisCasesService {
  constructor(
    @InjectRepository(CrisisCase) private readonly cases: Repository<CrisisCase>,
    @InjectRepository(CrisisFollowUp) private readonly followUps: Repository<CrisisFollowUp>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Volunteer) private readonly people: Repository<Volunteer>,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /**
   * The cases the person works on, newest first: all of the hotlines they supervise, and their
   * own elsewhere (filtered in the query, so a page is a page of their cases).
   */
  async list(actor: Volunteer, query: CrisisCaseQueryDto): Promise<CrisisCaseView[]> {
    const hotlineIds = query.hotlineId
      ? [this.scopedHotline(actor, query.hotlineId)]
      : actor.hotlineIds();
    if (hotlineIds.length === 0) return [];
    const supervised = hotlineIds.filter((hotlineId) => ContactAccess.supervises(actor, hotlineId));
    const now = this.clock.now().toJSDate();
    const builder = this.cases
      .createQueryBuilder('k')
      .leftJoinAndSelect('k.partner', 'p')
      .where('k.hotlineId IN (:...hotlineIds)', { hotlineIds });
    // Of a hotline they do not supervise, a person sees the cases of their own calls and records.
    if (supervised.length < hotlineIds.length)
      builder
        .leftJoin(Contact, 'c', 'c.id = k.contactId')
        .leftJoin(Call, 'pc', 'pc.id = k.callId')
        .andWhere(
          new Brackets((mine) => {
            // Whose case it is: its contact's volunteer, or (before the record) its call's.
            mine.where('COALESCE(c.volunteerId, pc.volunteerId) = :me', { me: actor.id });
            if (supervised.length > 0)
              mine.orWhere('k.hotlineId IN (:...supervised)', { supervised });
          }),
        );
    if (query.open || query.overdue) builder.andWhere('k.closedAt IS NULL');
    if (query.closed) builder.andWhere('k.closedAt IS NOT NULL');
    if (query.overdue)
      builder.andWhere('k.reportFiledAt IS NULL').andWhere('k.reportDueAt <= :now', { now });
    const found = await builder
      // One direction for both keys, so the index gives the order.
      .orderBy('k.openedAt', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .offset(query.offset)
      .limit(query.limit)
      .getMany();
    const volunteerOf = await this.volunteersOf(found);
    const names = await namesOf(this.people, [
      ...volunteerOf.values(),
      ...found.map((crisisCase) => crisisCase.supervisorId),
    ]);
    return found.map((crisisCase) =>
      this.view(crisisCase, volunteerOf.get(crisisCase.id) ?? null, names),
    );
  }

  /** The whole case with its confidential text and its call; the read is audited. */
  async detail(actor: Volunteer, id: string): Promise<CrisisCaseDetail> {
    const { crisisCase, volunteerId } = await this.handled(actor, id);
    const followUps = await this.followUps.find({ where: { caseId: id }, order: { at: 'ASC' } });
    const call = crisisCase.callId
      ? await this.calls.findOne({ where: { id: crisisCase.callId } })
      : null;
    const names = await namesOf(this.people, [
      volunteerId,
      crisisCase.supervisorId,
      crisisCase.reportFiledBy,
      crisisCase.reportDraftSavedBy,
      ...followUps.map((followUp) => followUp.authorId),
    ]);
    await this.audit.record({
      actorId: actor.id,
      action: 'crisis_case.read',
      subjectType: 'crisis_case',
      subjectId: id,
      hotlineId: crisisCase.hotlineId,
    });
    const nameOf = (personId: string | null) => (personId && names.get(personId)) ?? null;
    const draft = this.cipher.decryptOptional(crisisCase.reportDraftEncrypted);
    return {
      ...this.view(crisisCase, volunteerId, names),
      call: call && {
        id: call.id,
        arrivedAt: call.arrivedAt.toISOString(),
        answeredAt: call.answeredAt?.toISOString() ?? null,
        endedAt: call.endedAt?.toISOString() ?? null,
        callerType: call.callerType,
        topic: call.topic,
        waitSeconds: call.waitSeconds,
        talkSeconds: call.talkSeconds,
      },
      referralNote: this.cipher.decryptOptional(crisisCase.referralNoteEncrypted),
      report: this.cipher.decryptOptional(crisisCase.reportEncrypted),
      reportFiledBy: crisisCase.reportFiledBy,
      reportFiledByName: nameOf(crisisCase.reportFiledBy),
      reportDraft:
        draft !== null && crisisCase.reportDraftSavedAt && crisisCase.reportDraftSavedBy
          ? {
              report: draft,
              savedAt: crisisCase.reportDraftSavedAt.toISOString(),
              savedBy: crisisCase.reportDraftSavedBy,
              savedByName: nameOf(crisisCase.reportDraftSavedBy),
            }
          : null,
      closingNote: this.cipher.decryptOptional(crisisCase.closingNoteEncrypted),
      followUps: followUps.map((followUp) => ({
        id: followUp.id,
        at: followUp.at.toISOString(),
        authorId: followUp.authorId,
        authorName: nameOf(followUp.authorId),
        note: this.cipher.decryptOptional(followUp.noteEncrypted),
      })),
    };
  }

  /** A supervisor takes responsibility for the case. */
  async take(actor: Volunteer, id: string): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.handled(actor, id, 'open');
    if (!ContactAccess.supervises(actor, crisisCase.hotlineId))
      throw new ForbiddenException('Only a supervisor of this hotline can take a crisis case.');
    return this.change(actor, crisisCase, 'crisis_case.taken', { supervisorId: actor.id });
  }

  private scopedHotline(actor: Volunteer, hotlineId: string): string {
    if (!actor.worksFor(hotlineId))
      throw new NotFoundException(`No hotline ${hotlineId} among the hotlines you work for.`);
    return hotlineId;
  }

  /** The case, if the person may work on it (its volunteer or a supervisor); else 404. */
  async handled(
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

  /** Changes the case, audits the change, and answers the case as it is now. */
  async change(
    actor: Volunteer,
    crisisCase: CrisisCase,
    action: string,
    changes: Partial<CrisisCase>,
  ): Promise<CrisisCaseDetail> {
    await this.record(actor, crisisCase, action, changes);
    return this.detail(actor, crisisCase.id);
  }

  /** Changes the case and audits the change. */
  async record(
    actor: Volunteer,
    crisisCase: CrisisCase,
    action: string,
    changes: Partial<CrisisCase>,
  ): Promise<void> {
    await this.cases.update(crisisCase.id, { ...changes, updatedAt: this.clock.now().toJSDate() });
    await this.audit.record({
      actorId: actor.id,
      action,
      subjectType: 'crisis_case',
      subjectId: crisisCase.id,
      hotlineId: crisisCase.hotlineId,
    });
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

  private view(
    crisisCase: CrisisCase,
    volunteerId: string | null,
    names: Map<string, string>,
  ): CrisisCaseView {
    const now = this.clock.now().toJSDate();
    return {
      id: crisisCase.id,
      hotlineId: crisisCase.hotlineId,
      trigger: crisisCase.trigger,
      riskLevel: crisisCase.riskLevel,
      callId: crisisCase.callId,
      contactId: crisisCase.contactId,
      volunteerId,
      volunteerName: (volunteerId && names.get(volunteerId)) ?? null,
      supervisorId: crisisCase.supervisorId,
      supervisorName: (crisisCase.supervisorId && names.get(crisisCase.supervisorId)) ?? null,
      openedAt: crisisCase.openedAt.toISOString(),
      openedBy: crisisCase.openedBy,
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
