import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { FieldCipher } from '../common/field-cipher';
import { ContactAccess } from '../contacts/contact-access';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisFollowUp } from './crisis-case.entity';
import { CrisisCasesService } from './crisis-cases.service';
import { CrisisCaseDetail } from './dto/crisis-case.dto';

/** What is done after the report: follow-ups, and closing the case once its report is filed. */
@Injectable()
export class CrisisFollowUps {
  constructor(
    @InjectRepository(CrisisFollowUp) private readonly followUps: Repository<CrisisFollowUp>,
    private readonly cases: CrisisCasesService,
    private readonly cipher: FieldCipher,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async addFollowUp(actor: Volunteer, id: string, note: string): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.cases.handled(actor, id);
    await this.followUps.insert({
      id: randomUUID(),
      caseId: id,
      authorId: actor.id,
      at: this.clock.now().toJSDate(),
      noteEncrypted: this.cipher.encrypt(note),
    });
    return this.cases.change(actor, crisisCase, 'crisis_case.followed_up', {});
  }

  async close(actor: Volunteer, id: string, note: string | undefined): Promise<CrisisCaseDetail> {
    const { crisisCase } = await this.cases.handled(actor, id, 'open');
    if (!ContactAccess.supervises(actor, crisisCase.hotlineId))
      throw new ForbiddenException('Only a supervisor of this hotline can close a crisis case.');
    if (!crisisCase.reportFiledAt)
      throw new ConflictException('File the written report before closing the case.');
    return this.cases.change(actor, crisisCase, 'crisis_case.closed', {
      closedAt: this.clock.now().toJSDate(),
      closedBy: actor.id,
      closingNoteEncrypted: this.cipher.encryptOptional(note),
    });
  }
}
