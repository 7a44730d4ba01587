import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisCasesService } from './crisis-cases.service';
import { CrisisCaseDetail, ReportDraftView } from './dto/crisis-case.dto';
import { Partner } from './partner.entity';

const NO_DRAFT = {
  reportDraftEncrypted: null,
  reportDraftSavedAt: null,
  reportDraftSavedBy: null,
} as const;

/** The referral of an open case to a partner, and its written report (drafted, then filed once). */
@Injectable()
export class CrisisReports {
  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    private readonly cases: CrisisCasesService,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async refer(
    actor: Volunteer,
    id: string,
    partnerId: string,
    note: string | undefined,
  ): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.cases.handled(actor, id, 'open');
    const partner = await this.partners.findOneBy({
      id: partnerId,
      hotlineId: crisisCase.hotlineId,
    });
    if (!partner) throw new NotFoundException(`No partner ${partnerId} for this hotline.`);
    if (!partner.active && crisisCase.partnerId !== partner.id)
      throw new ConflictException(`${partner.name} is no longer a partner; choose an active one.`);
    return this.cases.change(actor, crisisCase, 'crisis_case.referred', {
      partnerId: partner.id,
      referredAt: this.clock.now().toJSDate(),
      referralNoteEncrypted: this.cipher.encryptOptional(note),
    });
  }

  async fileReport(actor: Volunteer, id: string, report: string): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.cases.handled(actor, id, 'open');
    if (crisisCase.reportFiledAt)
      throw new ConflictException(
        'The report was already filed; add what happened since as a follow-up.',
      );
    return this.cases.change(actor, crisisCase, 'crisis_case.report_filed', {
      reportEncrypted: this.cipher.encrypt(report),
      reportFiledAt: this.clock.now().toJSDate(),
      reportFiledBy: actor.id,
      ...NO_DRAFT,
    });
  }

  /**
   * Keeps the report as written so far, for whoever files it: the 12 hours often outlast the
   * shift of the supervisor who began it. Audited as a change; answers the draft only, so that
   * saving is not also a read of the whole case.
   */
  async saveReportDraft(actor: Volunteer, id: string, report: string): Promise<ReportDraftView> {
    const { crisisCase } = await this.cases.handled(actor, id, 'open');
    if (crisisCase.reportFiledAt)
      throw new ConflictException(
        'The report was already filed; add what happened since as a follow-up.',
      );
    const savedAt = this.clock.now().toJSDate();
    await this.cases.record(actor, crisisCase, 'crisis_case.report_draft_saved', {
      reportDraftEncrypted: this.cipher.encrypt(report),
      reportDraftSavedAt: savedAt,
      reportDraftSavedBy: actor.id,
    });
    return { report, savedAt: savedAt.toISOString(), savedBy: actor.id, savedByName: actor.name };
  }
}
