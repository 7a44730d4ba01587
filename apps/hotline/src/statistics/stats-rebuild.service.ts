import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { CellSums, callContributions, contactContributions } from '@hotline/stats';
import { Call } from '../calls/call.entity';
import { Contact, ContactTopic } from '../contacts/contact.entity';
import { Transactions } from '../database/transactions';
import { Hotline } from '../hotlines/hotline.entity';
import { StatsDay, StatsMonth } from './rollup-cells.entity';
import { StatsRollups, contactFacts } from './stats-rollups';

const BATCH = 5_000;

/**
 * Recomputes a hotline's rollups from the raw contacts and calls with the same rules the
 * live counting uses (`npm run stats:rebuild`): after an import, a bug fix in the rules, or
 * to check that the live counts agree. Writes while it runs may be counted twice or missed,
 * so run it when the hotline is closed.
 */
@Injectable()
export class StatsRebuildService {
  private readonly logger = new Logger('Statistics');

  constructor(
    @InjectRepository(Hotline) private readonly hotlines: Repository<Hotline>,
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(ContactTopic) private readonly topics: Repository<ContactTopic>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    private readonly rollups: StatsRollups,
    private readonly transactions: Transactions,
  ) {}

  async rebuildAll(): Promise<{ hotlineId: string; contacts: number; calls: number }[]> {
    const done = [];
    for (const hotline of await this.hotlines.find()) done.push(await this.rebuild(hotline));
    return done;
  }

  async rebuild(hotline: Hotline): Promise<{ hotlineId: string; contacts: number; calls: number }> {
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
    await this.transactions.run(async (manager) => {
      await manager.delete(StatsDay, { hotlineId: hotline.id });
      await manager.delete(StatsMonth, { hotlineId: hotline.id });
      await this.rollups.add(manager, hotline.id, cells.rows());
    });
    this.logger.log(
      `rebuilt statistics of hotline ${hotline.id}: ${contacts} contacts, ${calls} calls`,
    );
    return { hotlineId: hotline.id, contacts, calls };
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
