import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { hotlineFor } from '../hotlines/hotline-scope';
import { UnitReach } from '../units/unit-reach';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ImportReport } from './dto/import.dto';
import { ImportedRow } from './import-batch.entity';
import { readImportFile } from './import-file';
import {
  ImportKind,
  ImportProblem,
  ImportedRecord,
  ImportedTally,
  readSheet,
} from './import-sheet';

export interface ImportInput {
  hotlineId?: string;
  kind: ImportKind;
  source: string;
  fileName: string;
  content: Buffer;
}

/** A row bound for a hotline, with the key that says whether it was imported before. */
export type Placed<T> = T & { hotlineId: string; key: string };

export interface ImportPlan {
  kind: ImportKind;
  zones: Map<string, string>;
  records: Placed<ImportedRecord>[];
  tallies: Placed<ImportedTally>[];
  problems: ImportProblem[];
  rows: number;
  alreadyImported: number;
}

/** Keys looked up at once (well inside SQLite's limit on bound values). */
const LOOKUP = 5000;

/**
 * The dry run of an import: reads the file, finds every problem, places each row in its
 * hotline, and leaves out the rows imported before. Nothing is written.
 */
@Injectable()
export class ImportPlanner {
  constructor(
    @InjectRepository(ImportedRow) private readonly imported: Repository<ImportedRow>,
    private readonly directory: HotlineDirectory,
    private readonly reach: UnitReach,
    @InjectClock() private readonly clock: Clock,
  ) {}

  async plan(actor: Volunteer, input: ImportInput): Promise<ImportPlan> {
    const hotlineId = hotlineFor(actor, input.hotlineId);
    const zone = (await this.directory.hotline(hotlineId)).timeZone;
    const sheet = await readImportFile(input.content);
    const today = this.clock.now().setZone(zone).toISODate()!;
    const read = readSheet(sheet, input.kind, today);
    const problems = [...read.problems];
    const place = await this.placer(actor, hotlineId);
    const placed = <T extends ImportedRecord | ImportedTally>(rows: T[]) => {
      const seen = new Map<string, number>();
      return rows.flatMap((row) => {
        const target = place(row.unit);
        if (typeof target !== 'string') {
          problems.push({ row: row.row, column: 'unit', message: target.problem });
          return [];
        }
        const identity = rowIdentity(row);
        const occurrence = (seen.get(identity) ?? 0) + 1;
        seen.set(identity, occurrence);
        const key = createHash('sha256')
          .update(`${input.kind}\n${input.source}\n${identity}\n${occurrence}`)
          .digest('hex');
        return [{ ...row, hotlineId: target, key }];
      });
    };
    const records = placed(read.records);
    const tallies = placed(read.tallies);
    const zones = new Map<string, string>();
    for (const id of new Set([...records, ...tallies].map((row) => row.hotlineId)))
      zones.set(id, (await this.directory.hotline(id)).timeZone);
    const before = await this.importedBefore([...records, ...tallies]);
    const fresh = <T extends { hotlineId: string; key: string }>(rows: T[]) =>
      rows.filter((row) => !before.has(`${row.hotlineId}|${row.key}`));
    const freshRecords = fresh(records);
    const freshTallies = fresh(tallies);
    return {
      kind: input.kind,
      zones,
      records: freshRecords,
      tallies: freshTallies,
      problems: problems.sort((a, b) => a.row - b.row),
      rows: read.records.length + read.tallies.length + countRowsWithProblems(read.problems),
      alreadyImported: records.length + tallies.length - freshRecords.length - freshTallies.length,
    };
  }

  /** What the plan adds, as the dry run and the commit both tell it. */
  static report(plan: ImportPlan, committed: boolean): ImportReport {
    const byYear = new Map<string, number>();
    const byChannel = new Map<string, number>();
    const byHotline = new Map<string, number>();
    const days: string[] = [];
    const count = (day: string, channel: string, hotlineId: string, n: number) => {
      days.push(day);
      byYear.set(day.slice(0, 4), (byYear.get(day.slice(0, 4)) ?? 0) + n);
      byChannel.set(channel, (byChannel.get(channel) ?? 0) + n);
      byHotline.set(hotlineId, (byHotline.get(hotlineId) ?? 0) + n);
    };
    for (const record of plan.records)
      count(record.occurredAt.slice(0, 10), record.channel, record.hotlineId, 1);
    for (const tally of plan.tallies)
      count(`${tally.month}-01`, tally.channel, tally.hotlineId, tally.count);
    days.sort();
    const list = (counts: Map<string, number>) =>
      [...counts]
        .map(([key, consultations]) => ({ key, consultations }))
        .sort((a, b) => a.key.localeCompare(b.key));
    return {
      kind: plan.kind,
      committed,
      rows: plan.rows,
      problems: plan.problems.slice(0, 1000),
      problemCount: plan.problems.length,
      added: plan.records.length + plan.tallies.length,
      alreadyImported: plan.alreadyImported,
      consultations: [...byYear.values()].reduce((sum, n) => sum + n, 0),
      from: days[0] ?? null,
      to: days.at(-1) ?? null,
      byYear: list(byYear),
      byChannel: list(byChannel),
      byHotline: list(byHotline),
    };
  }

  /**
   * Where a row goes: the hotline asked for, or the one named in the row (a unit with exactly
   * one hotline of its own, or a hotline's name) among those the person may act on.
   */
  private async placer(actor: Volunteer, hotlineId: string) {
    const organisation = await this.reach.organisation();
    const names = new Map<string, string[]>();
    const add = (name: string, ids: string[]) =>
      names.set(name.trim().toLowerCase(), [
        ...(names.get(name.trim().toLowerCase()) ?? []),
        ...ids,
      ]);
    for (const unit of organisation.units.values())
      add(
        unit.name,
        (organisation.hotlines.get(unit.id) ?? []).filter((id) => actor.worksFor(id)),
      );
    for (const ids of organisation.hotlines.values())
      for (const id of ids.filter((one) => actor.worksFor(one)))
        add((await this.directory.hotline(id)).name, [id]);
    return (unit: string | null): string | { problem: string } => {
      if (!unit) return hotlineId;
      const ids = [...new Set(names.get(unit.trim().toLowerCase()) ?? [])];
      if (ids.length === 1) return ids[0];
      return {
        problem:
          ids.length === 0
            ? `"${unit}" is no unit or hotline you may import into; check the name, or leave it empty for the hotline chosen.`
            : `"${unit}" has ${ids.length} hotlines; name the hotline instead.`,
      };
    };
  }

  /** The rows imported before, looked up a hotline and a few thousand keys at a time. */
  private async importedBefore(rows: { hotlineId: string; key: string }[]): Promise<Set<string>> {
    const found = new Set<string>();
    const byHotline = new Map<string, string[]>();
    for (const row of rows) {
      const keys = byHotline.get(row.hotlineId) ?? [];
      keys.push(row.key);
      byHotline.set(row.hotlineId, keys);
    }
    for (const [hotlineId, keys] of byHotline)
      for (let start = 0; start < keys.length; start += LOOKUP) {
        const hits = await this.imported
          .createQueryBuilder('r')
          .select('r.rowKey', 'rowKey')
          .where('r.hotlineId = :hotlineId', { hotlineId })
          .andWhere('r.rowKey IN (:...keys)', { keys: keys.slice(start, start + LOOKUP) })
          .getRawMany<{ rowKey: string }>();
        for (const hit of hits) found.add(`${hotlineId}|${hit.rowKey}`);
      }
    return found;
  }
}

/**
 * What identifies a row: the file's record id if it has one, else everything it says; a
 * tally, its month, channel, topic and unit (a second count of those is the same tally).
 */
function rowIdentity(row: ImportedRecord | ImportedTally): string {
  if ('recordKey' in row && row.recordKey) return `id:${row.recordKey}`;
  const { row: _number, ...content } = row;
  if ('count' in content) return JSON.stringify({ ...content, count: undefined });
  return JSON.stringify(content);
}

const countRowsWithProblems = (problems: ImportProblem[]) =>
  new Set(problems.filter((problem) => problem.row > 1).map((problem) => problem.row)).size;
