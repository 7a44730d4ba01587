import { DateTime } from 'luxon';
import { defaultTaxonomy } from '@hotline/taxonomy';
import {
  AGE_BANDS,
  CHANNELS,
  CONTACT_OUTCOMES,
  GENDERS,
  RISK_LEVELS,
} from '../contacts/contact-fields';
import { CALLER_TYPES } from '../calls/call.entity';
import { labelOf } from '../statistics/labels';

/** A problem with one cell (or a whole row, or the header), for a person to fix in the file. */
export interface ImportProblem {
  /** The spreadsheet's row number: the header is row 1. */
  row: number;
  column: string;
  message: string;
}

/** One consultation of an earlier year, as the file gives it (its time is the hotline's local time). */
export interface ImportedRecord {
  row: number;
  /** Local date and time, yyyy-MM-ddTHH:mm. */
  occurredAt: string;
  channel: string;
  callerType: string | null;
  ageBand: string | null;
  gender: string | null;
  /** Primary first; empty when the record was never categorised. */
  topics: string[];
  riskLevel: string | null;
  outcome: string | null;
  district: string | null;
  /** The unit or hotline named in the row, if any. */
  unit: string | null;
  /** The file's own id of the record, if it has one; else the row's content keys it. */
  recordKey: string | null;
}

/** A tally of a centre that kept counts only: consultations of a month by channel and topic. */
export interface ImportedTally {
  row: number;
  /** yyyy-MM */
  month: string;
  channel: string;
  topic: string | null;
  count: number;
  unit: string | null;
}

export type ImportKind = 'records' | 'tallies';

interface ColumnSpec {
  field: string;
  en: string;
  zh: string;
  aliases: string[];
  required: boolean;
}

const column = (
  field: string,
  en: string,
  zh: string,
  aliases: string[] = [],
  required = false,
) => ({
  field,
  en,
  zh,
  aliases,
  required,
});

const UNIT_COLUMN = column('unit', 'unit', '单位', ['school', 'hotline', '学校', '热线']);
const CHANNEL_COLUMN = column('channel', 'channel', '渠道', ['咨询方式'], true);

/** The columns of each kind of file; headers in Chinese or English (either case) are accepted. */
export const IMPORT_COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  records: [
    column('occurredAt', 'date and time', '日期时间', ['occurred at', '咨询时间'], true),
    CHANNEL_COLUMN,
    column('callerType', 'caller type', '来电者类型', ['咨询者类型']),
    column('ageBand', 'age band', '年龄段'),
    column('gender', 'gender', '性别'),
    column('primaryTopic', 'primary topic', '主要问题'),
    column('otherTopics', 'other topics', '其他问题'),
    column('riskLevel', 'risk level', '风险等级'),
    column('outcome', 'outcome', '处理结果'),
    column('district', 'district', '区县'),
    UNIT_COLUMN,
    column('recordKey', 'record id', '记录编号'),
  ],
  tallies: [
    column('month', 'month', '月份', [], true),
    CHANNEL_COLUMN,
    column('topic', 'topic', '问题类别', ['primary topic', '主要问题']),
    column('count', 'count', '人次', ['数量'], true),
    UNIT_COLUMN,
  ],
};

/** The header row of a template, in one language. */
export const templateHeaders = (kind: ImportKind, language: 'zh-CN' | 'en'): string[] =>
  IMPORT_COLUMNS[kind].map((spec) => (language === 'en' ? spec.en : spec.zh));

const normal = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ');

/** Key, Chinese label or English label → key, for one closed list. */
function choices(dimension: string, keys: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const key of keys) {
    const label = labelOf(dimension, key);
    for (const name of [key, label['zh-CN'], label.en]) found.set(normal(name), key);
  }
  return found;
}

const CHOICES: Record<string, Map<string, string>> = {
  channel: choices('channel', CHANNELS),
  callerType: choices('caller_type', CALLER_TYPES),
  ageBand: choices('age_band', AGE_BANDS),
  gender: choices('gender', GENDERS),
  riskLevel: choices('risk', RISK_LEVELS),
  outcome: choices('outcome', CONTACT_OUTCOMES),
};

/** Topic key, Chinese or English label → key (keys first, so a label never hides a key). */
const TOPICS = (() => {
  const found = new Map<string, string>();
  const nodes = defaultTaxonomy().topics.flatMap((top) => [top, ...(top.children ?? [])]);
  for (const node of nodes)
    for (const name of [node.label['zh-CN'], node.label.en])
      if (!found.has(normal(name))) found.set(normal(name), node.key);
  for (const node of nodes) found.set(normal(node.key), node.key);
  return found;
})();

/** A sheet read: its rows, the first being the header; cells as text. */
export type Sheet = string[][];

/**
 * Reads a sheet of earlier years' records or tallies: every problem with its row, column and
 * what to do about it, and the rows that are fine. Pure: the clock's `today` (local) is given.
 */
export function readSheet(
  sheet: Sheet,
  kind: ImportKind,
  today: string,
): { records: ImportedRecord[]; tallies: ImportedTally[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const specs = IMPORT_COLUMNS[kind];
  const header = (sheet[0] ?? []).map((cell) => normal(cell));
  const at = new Map<string, number>();
  header.forEach((name, index) => {
    const spec = specs.find((s) =>
      [s.en, s.zh, s.field, ...s.aliases].some((alias) => normal(alias) === name),
    );
    if (spec && !at.has(spec.field)) at.set(spec.field, index);
    else if (name && !spec)
      problems.push({
        row: 1,
        column: sheet[0][index],
        message: `Unknown column "${sheet[0][index]}"; the columns are: ${specs.map((s) => `${s.zh} / ${s.en}`).join(', ')}.`,
      });
  });
  for (const spec of specs)
    if (spec.required && !at.has(spec.field))
      problems.push({
        row: 1,
        column: `${spec.zh} / ${spec.en}`,
        message: `The column "${spec.zh}" (or "${spec.en}") is missing; download the template.`,
      });
  const records: ImportedRecord[] = [];
  const tallies: ImportedTally[] = [];
  if (problems.some((problem) => problem.row === 1 && problem.message.includes('missing')))
    return { records, tallies, problems };

  const seenTallies = new Map<string, number>();
  sheet.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const text = (field: string) => {
      const position = at.get(field);
      return position === undefined ? '' : (cells[position] ?? '').trim();
    };
    const specOf = (field: string) => specs.find((spec) => spec.field === field)!;
    const problem = (field: string, message: string) =>
      problems.push({ row, column: sheet[0][at.get(field) ?? 0] ?? specOf(field).en, message });
    const before = problems.length;
    const choice = (field: string) => {
      const value = text(field);
      if (!value) {
        if (specOf(field).required) problem(field, `${specOf(field).en} is empty; fill it in.`);
        return null;
      }
      const key = CHOICES[field].get(normal(value));
      if (!key)
        problem(
          field,
          `"${value}" is not a ${specOf(field).en}; use one of: ${[...new Set(CHOICES[field].values())].join(', ')} (or their Chinese or English names).`,
        );
      return key ?? null;
    };
    const topic = (field: string, value: string) => {
      const key = TOPICS.get(normal(value));
      if (!key)
        problem(
          field,
          `"${value}" is not a topic of the taxonomy; see GET /api/taxonomy for the names.`,
        );
      return key ?? null;
    };
    const channel = choice('channel');
    const unit = text('unit') || null;

    if (kind === 'tallies') {
      const month = DateTime.fromFormat(text('month'), 'yyyy-MM');
      const monthText = month.isValid ? month.toFormat('yyyy-MM') : null;
      if (!monthText) problem('month', `"${text('month')}" is not a month; write it as 2023-09.`);
      else if (monthText > today.slice(0, 7))
        problem('month', `${monthText} has not happened yet; tallies are of earlier months.`);
      const countText = text('count');
      const count = Number(countText);
      if (!/^\d+$/.test(countText) || count < 1 || count > 1_000_000)
        problem('count', `"${countText}" is not a count; write a whole number from 1 up.`);
      const topicKey = text('topic') ? topic('topic', text('topic')) : null;
      if (problems.length > before) return;
      const key = [monthText, channel, topicKey ?? '', unit ?? ''].join('|');
      const first = seenTallies.get(key);
      if (first !== undefined) {
        problem(
          'count',
          `Row ${first} already counts this month, channel and topic; add them up in one row.`,
        );
        return;
      }
      seenTallies.set(key, row);
      tallies.push({ row, month: monthText!, channel: channel!, topic: topicKey, count, unit });
      return;
    }

    const when = localTime(text('occurredAt'));
    if (!when)
      problem(
        'occurredAt',
        `"${text('occurredAt')}" is not a date and time; write it as 2023-09-15 19:30.`,
      );
    else if (when.slice(0, 10) > today)
      problem(
        'occurredAt',
        `${when.replace('T', ' ')} is in the future; only past consultations are imported.`,
      );
    else if (when < '2000-01-01')
      problem('occurredAt', `${when.slice(0, 10)} is before 2000; check the year.`);
    const primary = text('primaryTopic') ? topic('primaryTopic', text('primaryTopic')) : null;
    const others = text('otherTopics')
      .split(/[;；,，、]/)
      .map((value) => value.trim())
      .filter(Boolean)
      .map((value) => topic('otherTopics', value));
    if (others.length > 0 && !text('primaryTopic'))
      problem(
        'primaryTopic',
        'Other topics are given without a primary topic; name the primary one.',
      );
    const record = {
      row,
      occurredAt: when ?? '',
      channel: channel ?? '',
      callerType: choice('callerType'),
      ageBand: choice('ageBand'),
      gender: choice('gender'),
      topics: primary
        ? [primary, ...new Set(others.filter((key): key is string => !!key && key !== primary))]
        : [],
      riskLevel: choice('riskLevel'),
      outcome: choice('outcome'),
      district: text('district').slice(0, 40) || null,
      unit,
      recordKey: text('recordKey') || null,
    };
    if (problems.length === before) records.push(record);
  });
  return { records, tallies, problems };
}

/** yyyy-MM-dd or yyyy/M/d, then optionally H:mm or H:mm:ss (a space or a T between). */
const LOCAL_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A local date and time in one of the usual spellings → yyyy-MM-ddTHH:mm; a bare date is
 * noon. Checked by hand: a hundred thousand rows through luxon take seconds.
 */
function localTime(value: string): string | null {
  const parts = LOCAL_TIME.exec(value);
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts
    .slice(1)
    .map((part, index) => (part === undefined ? [0, 0, 0, 12, 0, 0][index] : Number(part)));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}`;
}
