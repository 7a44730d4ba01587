import { Global, Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CallFacts,
  ChatFacts,
  ContactFacts,
  Contribution,
  callContributions,
  chatContributions,
  contactContributions,
  difference,
  monthsOf,
} from '@hotline/stats';
import type { Call } from '../calls/call.entity';
import type { Contact } from '../contacts/contact.entity';
import { Transactions } from '../database/transactions';

/** What statistics count of a contact (its topics must be loaded). */
export function contactFacts(contact: Contact): ContactFacts {
  return {
    occurredAt: contact.occurredAt,
    contactType: contact.contactType ?? 'counselling',
    channel: contact.channel,
    direction: contact.direction ?? 'inbound',
    callerType: contact.callerType ?? null,
    ageBand: contact.ageBand ?? null,
    gender: contact.gender ?? null,
    primaryTopic: contact.primaryTopic ?? null,
    topics: (contact.topics ?? []).map((topic) => topic.topicKey),
    riskLevel: contact.riskLevel ?? null,
    outcome: contact.outcome ?? null,
    wrapUpSeconds: contact.wrapUpSeconds ?? null,
  };
}

/**
 * Keeps the daily rollups in step: each write of a contact or a call's outcome adds what
 * changed, inside the transaction that writes the row. Additions commute, so concurrent
 * writers never lose each other's counts (a recount of the day would).
 */
@Injectable()
export class StatsRollups {
  /** The contact went from `before` to `after` (null: it did not exist). */
  countContact(
    manager: EntityManager,
    hotlineId: string,
    zone: string,
    before: ContactFacts | null,
    after: ContactFacts,
  ): Promise<void> {
    return this.add(
      manager,
      hotlineId,
      difference(
        before ? contactContributions(before, zone) : [],
        contactContributions(after, zone),
      ),
    );
  }

  /** The call just got its outcome: it is counted once, now. */
  countCall(manager: EntityManager, call: Call, zone: string): Promise<void> {
    const facts: CallFacts = call;
    return this.add(manager, call.hotlineId, callContributions(facts, zone));
  }

  /** The chat just got its outcome: it is counted once, now. */
  countChat(
    manager: EntityManager,
    hotlineId: string,
    chat: ChatFacts,
    zone: string,
  ): Promise<void> {
    return this.add(manager, hotlineId, chatContributions(chat, zone));
  }

  /** Adds the rows to their days and to their days' months. */
  async add(manager: EntityManager, hotlineId: string, rows: Contribution[]): Promise<void> {
    if (rows.length === 0) return;
    await this.merge(manager, 'stats_day', 'day', hotlineId, rows);
    await this.merge(manager, 'stats_month', 'month', hotlineId, monthsOf(rows));
  }

  private async merge(
    manager: EntityManager,
    table: string,
    period: 'day' | 'month',
    hotlineId: string,
    rows: Contribution[],
  ): Promise<void> {
    const mysql = manager.connection.options.type !== 'better-sqlite3';
    const merge = mysql
      ? 'ON DUPLICATE KEY UPDATE `count` = `count` + VALUES(`count`), `total` = `total` + VALUES(`total`), `peak` = GREATEST(`peak`, VALUES(`peak`))'
      : `ON CONFLICT (\`hotline_id\`, \`${period}\`, \`metric\`, \`bucket\`) DO UPDATE SET \`count\` = \`count\` + excluded.\`count\`, \`total\` = \`total\` + excluded.\`total\`, \`peak\` = MAX(\`peak\`, excluded.\`peak\`)`;
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      await manager.query(
        `INSERT INTO \`${table}\` (\`hotline_id\`, \`${period}\`, \`metric\`, \`bucket\`, \`count\`, \`total\`, \`peak\`) VALUES ` +
          batch.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ') +
          ' ' +
          merge,
        batch.flatMap((row) => [
          hotlineId,
          period === 'day' ? row.day : row.day.slice(0, 7),
          row.metric,
          row.bucket,
          row.count,
          row.total,
          row.peak,
        ]),
      );
    }
  }
}

/** The rollup writer and transactions, for the modules that write contacts and calls. */
@Global()
@Module({ providers: [StatsRollups, Transactions], exports: [StatsRollups, Transactions] })
export class RollupsModule {}
