import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Not, Repository } from 'typeorm';
import { CrisisCase, CrisisFollowUp } from './crisis-case.entity';

/** Clears the texts of crisis cases closed before the hotline's retention, for the retention job. */
@Injectable()
export class CrisisRetention {
  constructor(
    @InjectRepository(CrisisCase) private readonly cases: Repository<CrisisCase>,
    @InjectRepository(CrisisFollowUp) private readonly followUps: Repository<CrisisFollowUp>,
  ) {}

  /** Returns how many cases had their report cleared. */
  async clearClosedBefore(hotlineId: string, cutoff: Date): Promise<number> {
    // An open crisis case keeps its text whatever its age: the work on it is not done.
    const closed = await this.cases.find({
      where: { hotlineId, closedAt: LessThan(cutoff) },
      select: { id: true },
    });
    let cleared = 0;
    for (const { id } of closed) {
      const result = await this.cases.update(
        { id, reportEncrypted: Not(IsNull()) },
        {
          reportEncrypted: null,
          referralNoteEncrypted: null,
          closingNoteEncrypted: null,
          reportDraftEncrypted: null,
        },
      );
      await this.followUps.update(
        { caseId: id, noteEncrypted: Not(IsNull()) },
        { noteEncrypted: null },
      );
      cleared += result.affected ?? 0;
    }
    return cleared;
  }
}
