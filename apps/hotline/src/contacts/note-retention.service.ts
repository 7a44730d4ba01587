import {
  Injectable,
  Logger,
  NotFoundException,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Not, Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { AuditService } from '../audit/audit.service';
import { Call } from '../calls/call.entity';
import { CallbackRequest } from '../calls/callback-request.entity';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { CrisisCase, CrisisFollowUp } from '../crisis/crisis-case.entity';
import { Hotline } from '../hotlines/hotline.entity';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { Contact } from './contact.entity';
import { HotlineDirectory } from '../hotlines/hotline-directory';

/** How often the retention job runs (real time). */
const RETENTION_EVERY_MS = 60 * 60_000;

export interface RetentionRun {
  contactNotes: number;
  callerNumbers: number;
  callbackNumbers: number;
  crisisCases: number;
}

/**
 * Keeps confidential text no longer than the hotline's retention: past it, notes, caller
 * numbers and closed crisis cases' texts are cleared. The anonymous fields (channel, topics,
 * risk, outcome, age band) stay for statistics, and so does the keyed hash that recognises a
 * returning caller.
 */
@Injectable()
export class NoteRetentionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private stop?: () => void;

  constructor(
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallbackRequest) private readonly callbacks: Repository<CallbackRequest>,
    @InjectRepository(CrisisCase) private readonly cases: Repository<CrisisCase>,
    @InjectRepository(CrisisFollowUp) private readonly followUps: Repository<CrisisFollowUp>,
    private readonly directory: HotlineDirectory,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stop = startRecurringJob('retention', RETENTION_EVERY_MS, () => this.run(), this.logger);
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  async setRetention(actor: Volunteer, hotlineId: string, days: number): Promise<Hotline> {
    if (!actor.worksFor(hotlineId))
      throw new NotFoundException(`No hotline ${hotlineId} among the hotlines you work for.`);
    await this.hotlines.update(hotlineId, {
      noteRetentionDays: days,
      updatedAt: this.clock.now().toJSDate(),
    });
    await this.audit.record({
      actorId: actor.id,
      action: 'hotline.note_retention.changed',
      subjectType: 'hotline',
      subjectId: hotlineId,
      hotlineId,
    });
    const hotline = await this.hotlines.findOneByOrFail({ id: hotlineId });
    this.directory.changed(hotline);
    return hotline;
  }

  async retentionOf(actor: Volunteer, hotlineId: string): Promise<Hotline> {
    const hotline = await this.hotlines.findOneBy({ id: hotlineId });
    if (!hotline || !actor.worksFor(hotlineId))
      throw new NotFoundException(`No hotline ${hotlineId} among the hotlines you work for.`);
    return hotline;
  }

  /** Clears what is past every hotline's retention; returns how many records were cleared. */
  async run(): Promise<RetentionRun> {
    const total: RetentionRun = {
      contactNotes: 0,
      callerNumbers: 0,
      callbackNumbers: 0,
      crisisCases: 0,
    };
    const now = this.clock.now();
    for (const hotline of await this.hotlines.find()) {
      const cutoff = now.minus({ days: hotline.noteRetentionDays }).toJSDate();
      const at = now.toJSDate();
      const affected = async (result: Promise<{ affected?: number }>) =>
        (await result).affected ?? 0;
      total.contactNotes += await affected(
        this.contacts.update(
          { hotlineId: hotline.id, occurredAt: LessThan(cutoff), notesEncrypted: Not(IsNull()) },
          { notesEncrypted: null, notesClearedAt: at },
        ),
      );
      total.callerNumbers += await affected(
        this.calls.update(
          {
            hotlineId: hotline.id,
            arrivedAt: LessThan(cutoff),
            callerNumberEncrypted: Not(IsNull()),
          },
          { callerNumberEncrypted: null },
        ),
      );
      total.callbackNumbers += await affected(
        this.callbacks.update(
          { hotlineId: hotline.id, doneAt: LessThan(cutoff), callerNumberEncrypted: Not(IsNull()) },
          { callerNumberEncrypted: null },
        ),
      );
      // An open crisis case keeps its text whatever its age: the work on it is not done.
      const closed = await this.cases.find({
        where: { hotlineId: hotline.id, closedAt: LessThan(cutoff) },
        select: { id: true },
      });
      for (const { id } of closed) {
        const cleared = await affected(
          this.cases.update(
            { id, reportEncrypted: Not(IsNull()) },
            { reportEncrypted: null, referralNoteEncrypted: null, closingNoteEncrypted: null },
          ),
        );
        await this.followUps.update(
          { caseId: id, noteEncrypted: Not(IsNull()) },
          { noteEncrypted: null },
        );
        total.crisisCases += cleared;
      }
    }
    const cleared = Object.values(total).reduce((sum, count) => sum + count, 0);
    if (cleared > 0) this.logger.log({ ...total }, 'confidential fields past retention cleared');
    return total;
  }
}
