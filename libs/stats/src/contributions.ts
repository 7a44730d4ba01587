import { DateTime } from 'luxon';

/**
 * Daily rollups: what one contact or one call adds to the statistics of its local day.
 * Every figure of a report is a sum of these rows, so the rollups can be kept in step with
 * single rows (add what a row contributes, subtract what it contributed before) and rebuilt
 * from scratch with the same functions.
 */
export interface Contribution {
  /** The hotline's local date, YYYY-MM-DD. */
  day: string;
  metric: Metric;
  bucket: string;
  count: number;
  /** Sum of seconds (waits, talk, wrap-up); 0 for plain counts. */
  total: number;
  /** Longest seconds seen; never lowered by a subtraction. */
  peak: number;
}

export const CONTACT_METRICS = [
  'contacts',
  'channel',
  'primary_topic',
  'primary_group',
  'topic',
  'topic_group',
  'caller_type',
  'age_band',
  'gender',
  'risk',
  'outcome',
  'wrap_up',
  'non_counselling',
  'non_counselling_hour',
  'outbound',
] as const;

export const CALL_METRICS = [
  'calls',
  'queued',
  'abandoned_queued',
  'wait',
  'answer_wait',
  'talk',
  'hour',
  'answered_by',
  'refused',
] as const;

/** Live chats, counted beside calls: the same figures of the online channel. */
export const CHAT_METRICS = [
  'chats',
  'chat_queued',
  'chat_abandoned',
  'chat_wait',
  'chat_answer_wait',
  'chat_talk',
  'chat_hour',
  'chat_answered_by',
] as const;

export type Metric =
  (typeof CONTACT_METRICS)[number] | (typeof CALL_METRICS)[number] | (typeof CHAT_METRICS)[number];

/** A bucket for records whose field was never filled. */
export const NOT_CATEGORISED = 'not_categorised';
export const UNKNOWN = 'unknown';

/** Answer waits are kept per second up to this; longer ones share the last bucket. */
export const MAX_WAIT_BUCKET = 600;

export interface ContactFacts {
  occurredAt: Date;
  /** `counselling`, or a non-counselling type (silent, prank, ...) counted apart. */
  contactType: string;
  channel: string;
  /** `outbound`: a call-back the hotline made (counted apart too, by channel); inbound if absent. */
  direction?: string;
  callerType: string | null;
  ageBand: string | null;
  gender: string | null;
  primaryTopic: string | null;
  /** Every topic key, the primary among them. */
  topics: readonly string[];
  riskLevel: string | null;
  outcome: string | null;
  wrapUpSeconds: number | null;
}

export interface CallFacts {
  arrivedAt: Date;
  outcome: string | null;
  queuedAt: Date | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  volunteerId: string | null;
  /** Refused on arrival (`blocked`, `over_limit`), even if the caller then pressed the danger key. */
  refusal?: string | null;
}

export interface ChatFacts {
  arrivedAt: Date;
  /** answered, abandoned, closed (still waiting at closing), blocked, queue_full (refused). */
  outcome: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  volunteerId: string | null;
}

export const localDay = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toISODate()!;

const groupOf = (key: string) => key.split('.')[0];

/** One record counted on `day` in a bucket, with its seconds when the metric sums some. */
const countsOn =
  (day: string) =>
  (metric: Metric, bucket: string, seconds = 0): Contribution => ({
    day,
    metric,
    bucket,
    count: 1,
    total: seconds,
    peak: seconds,
  });

/**
 * A non-counselling contact counts only apart, by type and by local hour: the consultation
 * figures and topic shares leave it out, as Child Helpline International's framework does.
 */
export function contactContributions(contact: ContactFacts, zone: string): Contribution[] {
  const one = countsOn(localDay(contact.occurredAt, zone));
  if (contact.contactType !== 'counselling')
    return [
      one('non_counselling', contact.contactType),
      one('non_counselling_hour', DateTime.fromJSDate(contact.occurredAt, { zone }).toFormat('HH')),
    ];
  const categorised = contact.primaryTopic !== null;
  return [
    one('contacts', ''),
    one('channel', contact.channel),
    one('primary_topic', contact.primaryTopic ?? NOT_CATEGORISED),
    one('primary_group', contact.primaryTopic ? groupOf(contact.primaryTopic) : NOT_CATEGORISED),
    ...(categorised
      ? [
          ...[...new Set(contact.topics)].map((key) => one('topic', key)),
          ...[...new Set(contact.topics.map(groupOf))].map((group) => one('topic_group', group)),
        ]
      : [one('topic', NOT_CATEGORISED), one('topic_group', NOT_CATEGORISED)]),
    one('caller_type', contact.callerType ?? UNKNOWN),
    one('age_band', contact.ageBand ?? UNKNOWN),
    one('gender', contact.gender ?? UNKNOWN),
    one('risk', contact.riskLevel ?? NOT_CATEGORISED),
    one('outcome', contact.outcome ?? NOT_CATEGORISED),
    ...(contact.wrapUpSeconds !== null ? [one('wrap_up', '', contact.wrapUpSeconds)] : []),
    ...(contact.direction === 'outbound' ? [one('outbound', contact.channel)] : []),
  ];
}

/** What a call adds once it has its outcome; nothing before. */
export function callContributions(call: CallFacts, zone: string): Contribution[] {
  if (!call.outcome) return [];
  const local = DateTime.fromJSDate(call.arrivedAt, { zone });
  const one = countsOn(local.toISODate()!);
  const queued = call.queuedAt !== null;
  const leftQueue = queued && ['answered', 'abandoned', 'overflow_callback'].includes(call.outcome);
  const wait = call.waitSeconds ?? 0;
  const answered = call.outcome === 'answered';
  return [
    one('calls', call.outcome),
    one('hour', local.toFormat('HH')),
    ...(queued ? [one('queued', '')] : []),
    ...(queued && call.outcome === 'abandoned' ? [one('abandoned_queued', '')] : []),
    ...(leftQueue ? [one('wait', '', wait)] : []),
    ...(answered && queued ? [one('answer_wait', String(Math.min(wait, MAX_WAIT_BUCKET)))] : []),
    ...(answered && call.talkSeconds !== null ? [one('talk', '', call.talkSeconds)] : []),
    ...(answered && call.volunteerId ? [one('answered_by', call.volunteerId)] : []),
    ...(call.refusal ? [one('refused', call.refusal)] : []),
  ];
}

/**
 * What a chat adds once it has its outcome, as a call would: offered once queued (a full queue
 * refused it at the door otherwise), abandoned when its writer left while it waited, and it
 * left the queue answered, abandoned or still waiting at closing time.
 */
export function chatContributions(chat: ChatFacts, zone: string): Contribution[] {
  if (!chat.outcome) return [];
  const local = DateTime.fromJSDate(chat.arrivedAt, { zone });
  const one = countsOn(local.toISODate()!);
  const queued = chat.outcome !== 'queue_full';
  const leftQueue = ['answered', 'abandoned', 'closed'].includes(chat.outcome);
  const wait = chat.waitSeconds ?? 0;
  const answered = chat.outcome === 'answered';
  return [
    one('chats', chat.outcome),
    one('chat_hour', local.toFormat('HH')),
    ...(queued ? [one('chat_queued', '')] : []),
    ...(chat.outcome === 'abandoned' ? [one('chat_abandoned', '')] : []),
    ...(leftQueue ? [one('chat_wait', '', wait)] : []),
    ...(answered ? [one('chat_answer_wait', String(Math.min(wait, MAX_WAIT_BUCKET)))] : []),
    ...(answered && chat.talkSeconds !== null ? [one('chat_talk', '', chat.talkSeconds)] : []),
    ...(answered && chat.volunteerId ? [one('chat_answered_by', chat.volunteerId)] : []),
  ];
}

/** The rows to add to go from `before` to `after` (either may be empty): equal rows cancel. */
export function difference(before: Contribution[], after: Contribution[]): Contribution[] {
  const key = (row: Contribution) => `${row.day}\u0000${row.metric}\u0000${row.bucket}`;
  const rows = new Map<string, Contribution>();
  for (const [sign, list] of [
    [-1, before],
    [1, after],
  ] as const) {
    for (const row of list) {
      const existing = rows.get(key(row));
      if (existing) {
        existing.count += sign * row.count;
        existing.total += sign * row.total;
        existing.peak = Math.max(existing.peak, sign > 0 ? row.peak : 0);
      } else {
        rows.set(key(row), {
          ...row,
          count: sign * row.count,
          total: sign * row.total,
          peak: sign > 0 ? row.peak : 0,
        });
      }
    }
  }
  // A peak alone is no change: the row it came from was counted before too.
  return [...rows.values()].filter((row) => row.count !== 0 || row.total !== 0);
}

/** Running sums of rows per cell: per day, or per month (a month's cells carry its first day). */
export class CellSums {
  private readonly cells = new Map<string, Contribution>();

  constructor(private readonly per: 'day' | 'month' = 'day') {}

  add(rows: Iterable<Contribution>): this {
    for (const row of rows) {
      const day = this.per === 'day' ? row.day : `${row.day.slice(0, 7)}-01`;
      const key = `${day}\u0000${row.metric}\u0000${row.bucket}`;
      const cell = this.cells.get(key);
      if (!cell) this.cells.set(key, { ...row, day });
      else {
        cell.count += row.count;
        cell.total += row.total;
        cell.peak = Math.max(cell.peak, row.peak);
      }
    }
    return this;
  }

  /** The sums, leaving out cells whose rows cancelled out. */
  rows(): Contribution[] {
    return [...this.cells.values()].filter((row) => row.count !== 0 || row.total !== 0);
  }
}

/** The rows of the months the rows' days fall in. */
export const monthsOf = (rows: Contribution[]): Contribution[] =>
  new CellSums('month').add(rows).rows();

/** A count kept instead of records: consultations of a month by channel and topic. */
export interface TallyFacts {
  /** yyyy-MM */
  month: string;
  channel: string;
  topic: string | null;
  count: number;
}

/**
 * A tally counts as that many consultations of its month (on its first day) with the channel
 * and topic given and every other field unknown: the reports treat them as counted contacts.
 */
export function tallyContributions(tally: TallyFacts, zone: string): Contribution[] {
  const one = contactContributions(
    {
      occurredAt: DateTime.fromISO(`${tally.month}-01T12:00`, { zone }).toJSDate(),
      channel: tally.channel,
      contactType: 'counselling',
      callerType: null,
      ageBand: null,
      gender: null,
      primaryTopic: tally.topic,
      topics: tally.topic ? [tally.topic] : [],
      riskLevel: null,
      outcome: null,
      wrapUpSeconds: null,
    },
    zone,
  );
  return one.map((row) => ({ ...row, count: row.count * tally.count }));
}
