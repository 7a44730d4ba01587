import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  CallFacts,
  ContactFacts,
  callContributions,
  contactContributions,
  difference,
  percent,
  periodParts,
  sharesOf,
} from './index';

describe('sharesOf', () => {
  it("gives the reference year's channel split as published", () => {
    expect(sharesOf([1259, 638, 258])).toEqual([58.4, 29.6, 12.0]);
  });

  it('always adds up to exactly 100.0, each share within a tenth of its exact value', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 20 }), (counts) => {
        const total = counts.reduce((sum, count) => sum + count, 0);
        const shares = sharesOf(counts);
        if (total === 0) return shares.every((share) => share === 0);
        const tenths = shares.reduce((sum, share) => sum + Math.round(share * 10), 0);
        return (
          tenths === 1000 &&
          shares.every((share, i) => Math.abs(share - (counts[i] * 100) / total) < 0.1 + 1e-9)
        );
      }),
    );
  });

  it('gives equal counts equal shares whenever the block can still add up', () => {
    expect(sharesOf([3, 3, 1])).toEqual([42.9, 42.9, 14.2]);
    expect(sharesOf([2, 2, 2, 1])).toEqual([28.6, 28.6, 28.6, 14.2]);
    // Three equal thirds cannot all round the same way and add up: one takes the tenth.
    expect(sharesOf([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });

  it('gives a rate with one decimal, or null with nothing to divide by', () => {
    expect(percent(17, 20)).toBe(85);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 0)).toBeNull();
  });
});

describe('contributions', () => {
  const contact: ContactFacts = {
    // 23:30 on 31 October in Shanghai is 15:30 UTC the same day.
    occurredAt: new Date('2026-10-31T15:30:00Z'),
    contactType: 'counselling',
    channel: 'phone',
    callerType: 'pupil',
    ageBand: '12_14',
    gender: null,
    primaryTopic: 'emotional.anxiety_stress',
    topics: ['emotional.anxiety_stress', 'emotional.low_mood', 'learning.exam_stress'],
    riskLevel: 'low',
    outcome: 'advice_given',
    wrapUpSeconds: 42,
  };

  /** The same contact before its volunteer wrote it up. */
  const uncategorised: ContactFacts = {
    ...contact,
    primaryTopic: null,
    topics: [],
    riskLevel: null,
    outcome: null,
    wrapUpSeconds: null,
  };

  it('counts a contact on its local day, once per topic group, and its wrap-up time', () => {
    const rows = contactContributions(contact, 'Asia/Shanghai');
    expect(new Set(rows.map((row) => row.day))).toEqual(new Set(['2026-10-31']));
    expect(contactContributions(contact, 'Europe/London')[0].day).toBe('2026-10-31');
    expect(
      contactContributions(
        { ...contact, occurredAt: new Date('2026-10-31T16:30:00Z') },
        'Asia/Shanghai',
      )[0].day,
    ).toBe('2026-11-01');
    const of = (metric: string) =>
      rows.filter((row) => row.metric === metric).map((row) => row.bucket);
    expect(of('topic_group').sort()).toEqual(['emotional', 'learning']);
    expect(of('topic')).toHaveLength(3);
    expect(of('primary_group')).toEqual(['emotional']);
    expect(of('gender')).toEqual(['unknown']);
    expect(rows.find((row) => row.metric === 'wrap_up')).toMatchObject({ count: 1, total: 42 });
  });

  it('counts a record without a primary topic as not categorised', () => {
    const rows = contactContributions(uncategorised, 'Asia/Shanghai');
    for (const metric of [
      'primary_topic',
      'primary_group',
      'topic',
      'topic_group',
      'risk',
      'outcome',
    ])
      expect(rows.filter((row) => row.metric === metric).map((row) => row.bucket)).toEqual([
        'not_categorised',
      ]);
  });

  it('counts a call only once it has an outcome, with its waits and talk', () => {
    const call: CallFacts = {
      arrivedAt: new Date('2026-11-23T11:05:00Z'),
      outcome: null,
      queuedAt: new Date('2026-11-23T11:05:20Z'),
      waitSeconds: 14,
      talkSeconds: 600,
      volunteerId: 'v1',
    };
    expect(callContributions(call, 'Asia/Shanghai')).toEqual([]);
    const rows = callContributions({ ...call, outcome: 'answered' }, 'Asia/Shanghai');
    expect(rows.map((row) => `${row.metric}:${row.bucket}`).sort()).toEqual(
      [
        'answer_wait:14',
        'answered_by:v1',
        'calls:answered',
        'hour:19',
        'queued:',
        'talk:',
        'wait:',
      ].sort(),
    );
    const abandoned = callContributions(
      { ...call, outcome: 'abandoned', talkSeconds: null },
      'Asia/Shanghai',
    );
    expect(abandoned.map((row) => row.metric).sort()).toEqual(
      ['abandoned_queued', 'calls', 'hour', 'queued', 'wait'].sort(),
    );
  });

  it('turns a change of a record into the rows to add, which cancel where nothing changed', () => {
    const before = contactContributions(uncategorised, 'UTC');
    const after = contactContributions(contact, 'UTC');
    const delta = difference(before, after);
    expect(delta.find((row) => row.metric === 'contacts')).toBeUndefined();
    expect(
      delta.find((row) => row.metric === 'primary_topic' && row.bucket === 'not_categorised'),
    ).toMatchObject({ count: -1 });
    expect(
      delta.find(
        (row) => row.metric === 'primary_topic' && row.bucket === 'emotional.anxiety_stress',
      ),
    ).toMatchObject({ count: 1 });
    expect(difference(after, after)).toEqual([]);
  });

  it('counts a non-counselling contact apart only, by type and local hour', () => {
    const silent = { ...uncategorised, contactType: 'silent' };
    const rows = contactContributions(silent, 'Asia/Shanghai');
    expect(rows.map((row) => `${row.day} ${row.metric}:${row.bucket}`).sort()).toEqual([
      '2026-10-31 non_counselling:silent',
      '2026-10-31 non_counselling_hour:23',
    ]);
    // Marking an opened record silent takes it out of every consultation figure.
    const delta = difference(
      contactContributions(uncategorised, 'UTC'),
      contactContributions(silent, 'UTC'),
    );
    expect(
      delta
        .filter((row) => row.count > 0)
        .map((row) => row.metric)
        .sort(),
    ).toEqual(['non_counselling', 'non_counselling_hour']);
    expect(delta.find((row) => row.metric === 'contacts')).toMatchObject({ count: -1 });
  });

  it('counts a call-back consultation among the consultations, and apart as outbound', () => {
    const metrics = (facts: ContactFacts) =>
      contactContributions(facts, 'UTC').map((row) => `${row.metric}:${row.bucket}`);
    expect(metrics({ ...contact, direction: 'outbound' })).toEqual([
      ...metrics(contact),
      'outbound:phone',
    ]);
    expect(metrics({ ...contact, direction: 'inbound' })).toEqual(metrics(contact));
    // A wrong number reached by a call-back is a non-counselling contact, not a consultation.
    expect(metrics({ ...contact, direction: 'outbound', contactType: 'wrong_number' })).toEqual([
      'non_counselling:wrong_number',
      'non_counselling_hour:15',
    ]);
  });

  it('counts a refused call apart, also when its caller pressed the danger key', () => {
    const refused: CallFacts = {
      arrivedAt: new Date('2026-11-23T11:05:00Z'),
      outcome: 'answered',
      queuedAt: new Date('2026-11-23T11:05:20Z'),
      waitSeconds: 3,
      talkSeconds: 60,
      volunteerId: 'v1',
      refusal: 'blocked',
    };
    const rows = callContributions(refused, 'UTC');
    expect(rows.filter((row) => row.metric === 'refused').map((row) => row.bucket)).toEqual([
      'blocked',
    ]);
    expect(rows.some((row) => row.metric === 'calls' && row.bucket === 'answered')).toBe(true);
  });
});

describe('periodParts', () => {
  it('reads a calendar month and a year from the monthly rollups alone', () => {
    expect(periodParts('2026-11-01', '2026-11-30')).toEqual({ months: ['2026-11'], days: [] });
    expect(periodParts('2024-01-01', '2024-12-31').months).toHaveLength(12);
    expect(periodParts('2024-01-01', '2024-12-31').days).toEqual([]);
  });

  it('reads the partial months at either end from the daily rollups', () => {
    expect(periodParts('2026-01-15', '2026-04-10')).toEqual({
      months: ['2026-02', '2026-03'],
      days: [
        ['2026-01-15', '2026-01-31'],
        ['2026-04-01', '2026-04-10'],
      ],
    });
    expect(periodParts('2024-02-10', '2024-02-29')).toEqual({
      months: [],
      days: [['2024-02-10', '2024-02-29']],
    });
    expect(periodParts('2024-01-31', '2024-02-29')).toEqual({
      months: ['2024-02'],
      days: [['2024-01-31', '2024-01-31']],
    });
  });

  it('covers every day of any range exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 500 }), (a, n) => {
        const start = DateTime.fromISO('2024-01-01', { zone: 'utc' }).plus({ days: a });
        const end = start.plus({ days: n });
        const { months, days } = periodParts(start.toISODate()!, end.toISODate()!);
        const covered: string[] = [];
        for (const month of months) {
          const first = DateTime.fromISO(`${month}-01`, { zone: 'utc' });
          for (let d = first; d.month === first.month; d = d.plus({ days: 1 }))
            covered.push(d.toISODate()!);
        }
        for (const [from, to] of days)
          for (
            let d = DateTime.fromISO(from, { zone: 'utc' });
            d.toISODate()! <= to;
            d = d.plus({ days: 1 })
          )
            covered.push(d.toISODate()!);
        covered.sort();
        const expected = Array.from({ length: n + 1 }, (_, i) =>
          start.plus({ days: i }).toISODate()!,
        );
        return JSON.stringify(covered) === JSON.stringify(expected);
      }),
    );
  });
});
