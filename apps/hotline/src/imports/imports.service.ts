import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import type { Clock } from '@hotline/clock';
import {
  CellSums,
  Contribution,
  TallyFacts,
  contactContributions,
  tallyContributions,
} from '@hotline/stats';
import { AuditService } from '../audit/audit.service';
import { InjectClock } from '../common/clock.provider';
import { ArchivedContact, ContactArchive } from '../contacts/contact-archive';
import { Transactions } from '../database/transactions';
import { StatsRollups } from '../statistics/stats-rollups';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ImportReport } from './dto/import.dto';
import { ImportBatch, ImportedRow } from './import-batch.entity';
import { ImportInput, ImportPlan, ImportPlanner } from './import-planner';
import { ImportProgress } from './import-progress';

/** Rows written between two progress reports. */
const STEP = 2000;

/**
 * Imports of earlier years: a dry run tells every problem and what would be added; a commit
 * adds the consultations, their rollups and the record of each row in one transaction, so an
 * import lands whole or not at all, and the same rows never land twice.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly planner: ImportPlanner,
    private readonly archive: ContactArchive,
    private readonly rollups: StatsRollups,
    private readonly transactions: Transactions,
    private readonly progress: ImportProgress,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async dryRun(actor: Volunteer, input: ImportInput): Promise<ImportReport> {
    return ImportPlanner.report(await this.planner.plan(actor, input), false);
  }

  async commit(actor: Volunteer, input: ImportInput, progressKey?: string): Promise<ImportReport> {
    const tell = (phase: 'reading' | 'writing' | 'done' | 'failed', done = 0, total = 0) =>
      this.progress.report(actor.id, progressKey, { phase, done, total });
    tell('reading');
    try {
      const plan = await this.planner.plan(actor, input);
      if (plan.problems.length > 0) {
        tell('failed');
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: `The file has ${plan.problems.length} problem(s); nothing was imported. Fix them and try again.`,
          report: ImportPlanner.report(plan, false),
        });
      }
      const batches = await this.write(actor, input, plan, tell);
      for (const batch of batches)
        await this.audit.record({
          actorId: actor.id,
          action: 'contacts.imported',
          subjectType: 'import_batch',
          subjectId: batch.id,
          hotlineId: batch.hotlineId,
        });
      tell(
        'done',
        plan.records.length + plan.tallies.length,
        plan.records.length + plan.tallies.length,
      );
      return ImportPlanner.report(plan, true);
    } catch (error) {
      tell('failed');
      throw error;
    }
  }

  private write(
    actor: Volunteer,
    input: ImportInput,
    plan: ImportPlan,
    tell: (phase: 'writing', done: number, total: number) => void,
  ): Promise<ImportBatch[]> {
    const now = this.clock.now().toJSDate();
    const total = plan.records.length + plan.tallies.length;
    return this.transactions.run(async (manager) => {
      const batches = new Map<string, ImportBatch>();
      const batchOf = (hotlineId: string) => {
        let batch = batches.get(hotlineId);
        if (!batch) {
          batch = Object.assign(new ImportBatch(), {
            id: randomUUID(),
            hotlineId,
            kind: plan.kind,
            source: input.source,
            fileName: input.fileName.slice(0, 255),
            added: 0,
            consultations: 0,
            importedBy: actor.id,
            importedAt: now,
          });
          batches.set(hotlineId, batch);
        }
        return batch;
      };
      const sums = new Map<string, CellSums>();
      const count = (hotlineId: string, rows: Contribution[]) =>
        sums.set(hotlineId, (sums.get(hotlineId) ?? new CellSums()).add(rows));
      let done = 0;
      for (let start = 0; start < plan.records.length; start += STEP) {
        const slice = plan.records.slice(start, start + STEP);
        const contacts: ArchivedContact[] = slice.map((record) => ({
          id: randomUUID(),
          hotlineId: record.hotlineId,
          channel: record.channel as ArchivedContact['channel'],
          volunteerId: actor.id,
          recordedBy: actor.id,
          occurredAt: DateTime.fromISO(record.occurredAt, {
            zone: plan.zones.get(record.hotlineId),
          }).toJSDate(),
          callerType: record.callerType as ArchivedContact['callerType'],
          ageBand: record.ageBand as ArchivedContact['ageBand'],
          gender: record.gender as ArchivedContact['gender'],
          district: record.district,
          primaryTopic: record.topics[0] ?? null,
          riskLevel: record.riskLevel as ArchivedContact['riskLevel'],
          outcome: record.outcome as ArchivedContact['outcome'],
          createdAt: now,
          topics: record.topics,
        }));
        await this.archive.insert(manager, contacts);
        contacts.forEach((contact) => {
          const batch = batchOf(contact.hotlineId);
          batch.added += 1;
          batch.consultations += 1;
          count(
            contact.hotlineId,
            contactContributions(
              { ...contact, contactType: 'counselling', wrapUpSeconds: null },
              plan.zones.get(contact.hotlineId)!,
            ),
          );
        });
        await this.remember(
          manager,
          slice.map((record, index) => ({ ...record, contactId: contacts[index].id })),
          (hotlineId) => batchOf(hotlineId).id,
        );
        done += slice.length;
        tell('writing', done, total);
      }
      for (const tally of plan.tallies) {
        const batch = batchOf(tally.hotlineId);
        batch.added += 1;
        batch.consultations += tally.count;
        count(tally.hotlineId, tallyContributions(tally, plan.zones.get(tally.hotlineId)!));
      }
      await this.remember(manager, plan.tallies, (hotlineId) => batchOf(hotlineId).id);
      for (const [hotlineId, cells] of sums)
        await this.rollups.add(manager, hotlineId, cells.rows());
      await manager.insert(ImportBatch, [...batches.values()]);
      return [...batches.values()];
    });
  }

  /** The rows' keys, so the same rows are never imported twice (the key is the primary key). */
  private async remember(
    manager: EntityManager,
    rows: ({ hotlineId: string; key: string } & ({ contactId: string } | TallyFacts))[],
    batchOf: (hotlineId: string) => string,
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += 400)
      await manager.insert(
        ImportedRow,
        rows.slice(start, start + 400).map((row) => ({
          hotlineId: row.hotlineId,
          rowKey: row.key,
          batchId: batchOf(row.hotlineId),
          contactId: 'contactId' in row ? row.contactId : null,
          // A tally has no raw rows: kept here, a rebuild of the statistics counts it again.
          ...('count' in row
            ? {
                tallyMonth: row.month,
                tallyChannel: row.channel,
                tallyTopic: row.topic,
                tallyCount: row.count,
              }
            : {}),
        })),
      );
  }
}
