import {
  CASE_PAGE,
  DEFAULT_QUEUE,
  casesPage,
  casesPath,
  durationText,
  formatInstant,
  pageRange,
  queuePath,
  reportUrgency,
  type CrisisCaseView,
} from './casework';

const opened = Date.parse('2026-11-23T11:00:00Z');
const due = new Date(opened + 12 * 3600_000).toISOString();
const at = (hours: number) => opened + hours * 3600_000;

describe('the crisis desk', () => {
  it('turns a report amber within two hours of its deadline and red once past it', () => {
    const open = { reportDueAt: due, reportFiledAt: null, closedAt: null };
    expect(reportUrgency(open, at(1))).toBe('due');
    expect(reportUrgency(open, at(9.99))).toBe('due');
    expect(reportUrgency(open, at(10))).toBe('soon');
    expect(reportUrgency(open, at(11.99))).toBe('soon');
    expect(reportUrgency(open, at(12))).toBe('overdue');
    expect(reportUrgency({ ...open, reportFiledAt: due }, at(13))).toBe('filed');
    expect(reportUrgency({ ...open, reportFiledAt: due, closedAt: due }, at(13))).toBe('closed');
  });

  it('asks for one case more than a page, to know whether there is a next page', () => {
    expect(casesPath('open', 0)).toBe(
      `/api/crisis-cases?limit=${CASE_PAGE + 1}&offset=0&open=true`,
    );
    expect(casesPath('all', 2)).toBe(
      `/api/crisis-cases?limit=${CASE_PAGE + 1}&offset=${2 * CASE_PAGE}`,
    );
    const answered = Array.from({ length: CASE_PAGE + 1 }, (_, i) => ({ id: String(i) }));
    const page = casesPage(answered as CrisisCaseView[]);
    expect(page.cases).toHaveLength(CASE_PAGE);
    expect(page.more).toBe(true);
    expect(casesPage(answered.slice(0, 3) as CrisisCaseView[]).more).toBe(false);
  });

  it('shows times in the hotline’s zone', () => {
    expect(formatInstant('2026-11-23T11:05:00Z', 'en-GB', 'Asia/Shanghai')).toBe(
      '23/11/2026, 19:05',
    );
  });
});

describe('the review queue', () => {
  it('asks for the filters chosen, leaving out half-typed dates', () => {
    expect(queuePath(DEFAULT_QUEUE, 0)).toBe('/api/reviews?limit=20&offset=0&status=to_review');
    expect(
      queuePath({ status: 'all', reason: 'trainee', from: '2026-11-01', to: '2026-1' }, 1, 'h1'),
    ).toBe('/api/reviews?limit=20&offset=20&hotlineId=h1&reason=trainee&from=2026-11-01');
  });

  it('says which rows a page shows', () => {
    expect(pageRange({ total: 57, offset: 20, items: Array(20) })).toEqual({
      first: 21,
      last: 40,
      total: 57,
    });
    expect(pageRange({ total: 0, offset: 0, items: [] })).toBeNull();
  });
});

describe('durations in words', () => {
  const t = ((key: string, values: Record<string, number>) =>
    `${key}:${JSON.stringify(values)}`) as unknown as Parameters<typeof durationText>[0];
  it('gives hours and minutes, or minutes alone, whichever side of the deadline', () => {
    expect(durationText(t, -(10 * 60_000 + 59_000))).toBe('duration.minutes:{"minutes":10}');
    expect(durationText(t, (105 * 60 + 30) * 1000)).toBe(
      'duration.hoursMinutes:{"hours":1,"minutes":45}',
    );
  });
});
