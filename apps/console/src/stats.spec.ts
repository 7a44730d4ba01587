import {
  type StatsReport,
  csvFileName,
  defaultChoices,
  everyHour,
  formatPercent,
  hourShares,
  isComplete,
  isEmptyReport,
  periodDays,
  statsPath,
} from './stats';

const emptyBlock = { total: 0, rows: [] };

function report(changes: Partial<StatsReport> = {}): StatsReport {
  return {
    hotlineId: 'h1',
    period: { kind: 'month', from: '2026-10-01', to: '2026-10-31', timeZone: 'Asia/Shanghai' },
    consultations: {
      total: 0,
      notCategorised: 0,
      byChannel: emptyBlock,
      byPrimaryTopicGroup: emptyBlock,
      byPrimaryTopic: emptyBlock,
      byAnyTopicGroup: emptyBlock,
      byAnyTopic: emptyBlock,
      byCallerType: emptyBlock,
      byAgeBand: emptyBlock,
      byGender: emptyBlock,
      byRisk: emptyBlock,
      byOutcome: emptyBlock,
    },
    crisis: {
      opened: 0,
      byTrigger: emptyBlock,
      referred: 0,
      reportsOnTime: 0,
      reportsLate: 0,
      reportsPending: 0,
    },
    calls: {
      offered: 0,
      answered: 0,
      abandoned: 0,
      abandonmentRate: null,
      serviceLevel: { thresholdSeconds: 20, answeredInTime: 0, percent: null },
      averageWaitSeconds: null,
      longestWaitSeconds: 0,
      averageTalkSeconds: null,
      averageWrapUpSeconds: null,
      overflowed: 0,
      queueFull: 0,
      closedHours: 0,
      blocked: 0,
      overLimit: 0,
      callbackRequests: 0,
      byHour: [],
    },
    callbacks: { requests: 0, reached: 0, reachedWithinOneEvening: 0, consultations: 0 },
    nonCounselling: { total: 0, byType: emptyBlock, byHour: [] },
    volunteers: [],
    trend: [],
    reviews: {
      selected: 0,
      byReason: emptyBlock,
      reviewed: 0,
      reviewedShare: null,
      signedOff: 0,
      awaitingAnswer: 0,
      medianSecondsToReview: null,
    },
    ...changes,
  };
}

describe('the statistics period', () => {
  it('asks the server for a month, a year or a range, as CSV too', () => {
    expect(statsPath({ kind: 'month', month: '2026-11' })).toBe('/api/stats/monthly?month=2026-11');
    expect(statsPath({ kind: 'year', year: '2026' }, 'csv')).toBe(
      '/api/stats/yearly?year=2026&format=csv',
    );
    expect(statsPath({ kind: 'range', from: '2026-09-01', to: '2026-11-30' })).toBe(
      '/api/stats/range?from=2026-09-01&to=2026-11-30',
    );
  });

  it('waits for inputs that are still being typed', () => {
    expect(isComplete({ kind: 'year', year: '202' })).toBe(false);
    expect(isComplete({ kind: 'month', month: '' })).toBe(false);
    expect(statsPath({ kind: 'range', from: '2026-09-01', to: '' })).toBeNull();
    expect(periodDays({ kind: 'month', month: '2026-13' })).toBeNull();
  });

  it('covers the days the server counts, and names the CSV after them', () => {
    expect(periodDays({ kind: 'month', month: '2026-11' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(periodDays({ kind: 'month', month: '2028-02' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(periodDays({ kind: 'year', year: '2026' })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(csvFileName({ from: '2026-11-01', to: '2026-11-30' })).toBe(
      'hotline-statistics-2026-11-01-2026-11-30.csv',
    );
  });

  it('starts at the current month by the clock it is given', () => {
    const now = new Date(2026, 10, 23, 20, 0).getTime();
    expect(defaultChoices(now)).toEqual({
      month: { kind: 'month', month: '2026-11' },
      year: { kind: 'year', year: '2026' },
      range: { kind: 'range', from: '2026-11-01', to: '2026-11-23' },
    });
  });
});

describe('the statistics figures', () => {
  it('calls a period without consultations, calls, crises or duty empty', () => {
    expect(isEmptyReport(report())).toBe(true);
    const consultations = { ...report().consultations, total: 1 };
    expect(isEmptyReport(report({ consultations }))).toBe(false);
    const calls = { ...report().calls, closedHours: 2 };
    expect(isEmptyReport(report({ calls }))).toBe(false);
    // A month of silent calls only is not an empty month.
    const nonCounselling = { ...report().nonCounselling, total: 3 };
    expect(isEmptyReport(report({ nonCounselling }))).toBe(false);
    expect(
      isEmptyReport(
        report({
          volunteers: [
            { volunteerId: 'v', name: 'V', callsAnswered: 0, hoursOnDuty: 1, noShows: 0 },
          ],
        }),
      ),
    ).toBe(false);
  });

  it('fills the hours without calls for the chart, and shares the hours with calls', () => {
    const byHour = [
      { hour: '19', count: 3 },
      { hour: '08', count: 1 },
    ];
    const hours = everyHour(byHour);
    expect(hours).toHaveLength(24);
    expect(hours[8]).toEqual({ hour: '08', count: 1 });
    expect(hours[19]).toEqual({ hour: '19', count: 3 });
    expect(hours[0]).toEqual({ hour: '00', count: 0 });
    expect(hourShares(byHour)).toEqual([
      { hour: '19', count: 3, share: 75 },
      { hour: '08', count: 1, share: 25 },
    ]);
  });

  it('prints percentages with one decimal, and a dash for none', () => {
    expect(formatPercent(66.66)).toBe('66.7%');
    expect(formatPercent(100)).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
  });
});
