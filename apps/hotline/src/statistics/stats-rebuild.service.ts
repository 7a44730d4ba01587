import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, IsNull, MoreThan, Not, Repository } from 'typeorm';
import {
  CellSums,
  Contribution,
  callContributions,
  chatContributions,
  contactContributions,
  tallyContributions,
} from '@hotline/stats';
import { Chat } from '../chats/chat.entity';
import { Call } from '../calls/call.entity';
import { Contact, ContactTopic } from '../contacts/contact.entity';
import { Transactions } from '../database/transactions';
import { Hotline } from '../hotlines/hotline.entity';
import { ImportedRow } from '../imports/import-batch.entity';
import { StatsDay, StatsMonth } from './rollup-cells.entity';
import { StatsRollups, contactFacts } from './stats-rollups';

const BATCH = 5_000;

/** What a rebuild did for one hotline. */
export interface RebuildDone {
  hotlineId: string;
  contacts: number;
  calls: number;
  chats: number;
  /** Months rewritten, each in its own transaction (with cells, or emptied). */
  months: number;
}

/**
 * Recomputes a hotline's rollups from the raw contacts and calls (and imported tallies) with the same rules the
 * live counting uses (`npm run stats:rebuild`): after an import, a bug fix in the rules, or
 * to check that the live counts agree.
 *
 * The raw rows are read first, outside any transaction; the rollups are then rewritten one
 * local month at a time, each month (its daily and monthly cells) deleted and written again in
 * its own short transaction, so that the database's write lock is held for one month's rows at
 * most and a reader sees each month either wholly before or wholly after its rebuild. Writes
 * while it runs may be counted twice or missed, so run it when the hotline is closed.
 */
@Injectable()
export class StatsRebuildService {
  private readonly logger = new Logger('Statistics');

  constructor(
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(ContactTopic) private readonly topics: Repository<ContactTopic>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Chat) private readonly chats: Repository<Chat>,
    @InjectRepository(ImportedRow) private readonly imported: Repository<ImportedRow>,
    @InjectRepository(StatsDay) private readonly dayCells: Repository<StatsDay>,
    @InjectRepository(StatsMonth) private readonly monthCells: Repository<StatsMonth>,
    private readonly rollups: StatsRollups,
    private readonly transactions: Transactions,
  ) {}

  async rebuildAll(): Promise<RebuildDone[]> {
    const done = [];
    for (const hotline of await this.hotlines.find()) done.push(await this.rebuild(hotline));
    return done;
  }

  async rebuild(hotline: Hotline): Promise<RebuildDone> {
    const cells = new CellSums();
    const zone = hotline.timeZone;
    const contacts = await this.walk(this.contacts, hotline.id, async (batch) => {
      const topics = new Map<string, ContactTopic[]>();
      for (const topic of await this.topics.find({
        where: { contactId: In(batch.map((contact) => contact.id)) },
      }))
        topics.set(topic.contactId, [...(topics.get(topic.contactId) ?? []), topic]);
      for (const contact of batch) {
        contact.topics = topics.get(contact.id) ?? [];
        cells.add(contactContributions(contactFacts(contact), zone));
      }
    });
    const calls = await this.walk(this.calls, hotline.id, async (batch) => {
      // Practice calls are never counted.
      for (const call of batch) if (!call.training) cells.add(callContributions(call, zone));
    });
    const chats = await this.walk(this.chats, hotline.id, async (batch) => {
      for (const chat of batch) cells.add(chatContributions(chat, zone));
    });
    // Imported tallies have no raw rows: their counts were kept with their keys.
    for (const tally of await this.imported.find({
      where: { hotlineId: hotline.id, tallyCount: Not(IsNull()) },
    }))
      cells.add(
        tallyContributions(
          {
            month: tally.tallyMonth!,
            channel: tally.tallyChannel!,
            topic: tally.tallyTopic,
            count: tally.tallyCount!,
          },
          zone,
        ),
      );
    const byMonth = new Map<string, Contribution[]>();
    for (const row of cells.rows()) {
      const month = row.day.slice(0, 7);
      byMonth.set(month, [...(byMonth.get(month) ?? []), row]);
    }
    // Months that have cells now but no rows any more are emptied, in their own turn too.
    const months = [...new Set([...byMonth.keys(), ...(await this.monthsWithCells(hotline.id))])];
    months.sort();
    for (const month of months)
      await this.rewriteMonth(hotline.id, month, byMonth.get(month) ?? []);
    this.logger.log(
      `rebuilt statistics of hotline ${hotline.id}: ${contacts} contacts, ${calls} calls, ${chats} chats, ${months.length} months`,
    );
    return { hotlineId: hotline.id, contacts, calls, chats, months: months.length };
  }

  /** One local month's daily and monthly cells replaced by `rows`, in one short transaction. */
  private rewriteMonth(hotlineId: string, month: string, rows: Contribution[]): Promise<void> {
    return this.transactions.run(async (manager) => {
      // Local days sort as text, so a month's days lie between its first and its 31st.
      await manager.delete(StatsDay, { hotlineId, day: Between(`${month}-01`, `${month}-31`) });
      await manager.delete(StatsMonth, { hotlineId, month });
      await this.rollups.add(manager, hotlineId, rows);
    });
  }

  /** The months (YYYY-MM) the hotline has any daily or monthly cells in. */
  private async monthsWithCells(hotlineId: string): Promise<string[]> {
    const monthly = await this.monthCells
      .createQueryBuilder('m')
      .select('DISTINCT m.month', 'month')
      .where('m.hotlineId = :hotlineId', { hotlineId })
      .getRawMany<{ month: string }>();
    const daily = await this.dayCells
      .createQueryBuilder('d')
      .select('DISTINCT SUBSTR(d.day, 1, 7)', 'month')
      .where('d.hotlineId = :hotlineId', { hotlineId })
      .getRawMany<{ month: string }>();
    return [...monthly, ...daily].map((row) => row.month);
  }

  /** Reads a hotline's rows in id order, a batch at a time, so memory stays flat. */
  private async walk<T extends { id: string; hotlineId: string }>(
    repository: Repository<T>,
    hotlineId: string,
    each: (batch: T[]) => Promise<void>,
  ): Promise<number> {
    let after = '';
    let seen = 0;
    for (;;) {
      const batch = await repository.find({
        where: { hotlineId, id: MoreThan(after) } as never,
        order: { id: 'ASC' } as never,
        take: BATCH,
      });
      if (batch.length === 0) return seen;
      await each(batch);
      seen += batch.length;
      after = batch[batch.length - 1].id;
    }
  }
}
