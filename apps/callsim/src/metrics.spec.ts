import { CallRecord, figures, percentile, targets } from './metrics';

const call = (index: number, fields: Partial<CallRecord>): CallRecord => ({
  index,
  routingTopic: 'emotional',
  crisis: false,
  outcome: 'answered',
  waitSeconds: 0,
  ...fields,
});

describe('metrics', () => {
  it('takes the nearest-rank percentile', () => {
    expect(percentile([], 95)).toBe(0);
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 50)).toBe(5);
  });

  it('counts the evening as the hotline counts it', () => {
    const volunteers = [
      { id: 'a', skills: ['emotional'] },
      { id: 'b', skills: ['learning'] },
    ];
    const records = [
      call(0, { waitSeconds: 5, volunteerId: 'a' }),
      call(1, { waitSeconds: 30, volunteerId: 'b' }),
      call(2, { waitSeconds: 15, volunteerId: 'b', routingTopic: 'learning' }),
      call(3, { outcome: 'abandoned', waitSeconds: 40 }),
      call(4, { outcome: 'refused' }),
      call(5, {
        crisis: true,
        routingTopic: 'self_harm_suicide',
        waitSeconds: 12,
        volunteerId: 'a',
      }),
    ];
    const result = figures(records, volunteers);
    expect(result).toMatchObject({
      calls: 6,
      queued: 5,
      answered: 4,
      abandoned: 1,
      refused: 1,
      // 5, 15 and 12 s within 20 s, of 5 that left the queue
      serviceLevel: 60,
      abandonmentRate: 20,
      averageWaitSeconds: 20.4,
      p95WaitSeconds: 40,
      // a took emotional, b took learning; b's emotional and a's crisis call are not matches
      skillMatchRate: 50,
      callsPerVolunteer: { min: 2, max: 2, mean: 2, spreadPercent: 0 },
      crisisCalls: 1,
      crisisWaitedOver10s: 1,
    });
    const met = Object.fromEntries(
      targets(result, { ...result, abandonmentRate: 40 }).map((t) => [t.name, t.met]),
    );
    expect(met).toEqual({
      'service level >= 80 % within 20 s': false,
      'abandonment <= 0.7 x FIFO baseline': true,
      'topic-skill match >= 90 %': false,
      'calls per volunteer within ±20 % of the mean': true,
      'no crisis call waits longer than 10 s': false,
    });
  });
});
