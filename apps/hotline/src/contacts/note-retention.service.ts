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
import { CallerNumberRetention } from '../calls/caller-number-retention';
import { CallbackRequestsService } from '../calls/callback-requests.service';
import { ChatTranscripts } from '../chats/chat-transcripts';
import { InjectClock } from '../common/clock.provider';
import { startRecurringJob } from '../common/recurring-job';
import { CrisisRetention } from '../crisis/crisis-retention';
import { Hotline } from '../hotlines/hotline.entity';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ContactDrafts } from './contact-drafts.service';
import { Contact } from './contact.entity';
import { HotlinesService } from '../hotlines/hotlines.service';

/** How often the retention job runs (real time). */
const RETENTION_EVERY_MS = 60 * 60_000;

export interface RetentionRun {
  contactNotes: number;
  callerNumbers: number;
  callbackNumbers: number;
  /** Callers' messages deleted at Twilio. */
  callerMessages: number;
  crisisCases: number;
  /** Contact drafts never written into a record (see ContactDrafts). */
  contactDrafts: number;
  /** Live chats whose messages were removed. */
  chatTranscripts: number;
}

/**
 * Keeps confidential text no longer than the hotline's retention: past it, notes, caller
 * numbers, callers' messages (deleted at Twilio), live chats' transcripts and closed crisis
 * cases' texts are cleared. The anonymous fields (channel, topics,
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
    private readonly drafts: ContactDrafts,
    private readonly settings: HotlinesService,
    private readonly callerNumbers: CallerNumberRetention,
    private readonly callbackRequests: CallbackRequestsService,
    private readonly crisisCases: CrisisRetention,
    private readonly transcripts: ChatTranscripts,
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
    const hotline = await this.settings.setNoteRetention(hotlineId, days);
    await this.audit.record({
      actorId: actor.id,
      action: 'hotline.note_retention.changed',
      subjectType: 'hotline',
      subjectId: hotlineId,
      hotlineId,
    });
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
      callerMessages: 0,
      crisisCases: 0,
      contactDrafts: 0,
      chatTranscripts: 0,
    };
    const now = this.clock.now();
    for (const hotline of await this.hotlines.find()) {
      const cutoff = now.minus({ days: hotline.noteRetentionDays }).toJSDate();
      const notes = await this.contacts.update(
        { hotlineId: hotline.id, occurredAt: LessThan(cutoff), notesEncrypted: Not(IsNull()) },
        { notesEncrypted: null, notesClearedAt: now.toJSDate() },
      );
      total.contactNotes += notes.affected ?? 0;
      const numbers = await this.callerNumbers.clearBefore(hotline.id, cutoff);
      total.callerNumbers += numbers.callerNumbers;
      total.callbackNumbers += numbers.callbackNumbers;
      total.callerMessages += await this.callbackRequests.clearMessagesBefore(hotline.id, cutoff);
      total.crisisCases += await this.crisisCases.clearClosedBefore(hotline.id, cutoff);
      total.contactDrafts += await this.drafts.clearBefore(hotline.id, cutoff);
      total.chatTranscripts += await this.transcripts.clearBefore(hotline.id, cutoff);
    }
    const cleared = Object.values(total).reduce((sum, count) => sum + count, 0);
    if (cleared > 0) this.logger.log({ ...total }, 'confidential fields past retention cleared');
    return total;
  }
}
