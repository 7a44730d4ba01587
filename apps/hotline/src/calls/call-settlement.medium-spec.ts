import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { Transactions } from '../database/transactions';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { StatsDay } from '../statistics/rollup-cells.entity';
import { StatsRollups } from '../statistics/stats-rollups';
import { Call } from './call.entity';
import { CallSettlement } from './call-settlement';
import { queuedCall, waitingCall } from './waiting-call.testing';

describe('CallSettlement (service on a real database)', () => {
  let test: ServiceTest;
  let settlement: CallSettlement;
  let hotline: Hotline;
  let seen: HotlineEvent[];

  const call = (changes: Partial<Call> = {}) => queuedCall(test, hotline.id, changes);
  const waiting = (changes: Partial<Call> = {}) => waitingCall(test, hotline.id, changes);
  const abandon = (id: string) =>
    settlement.settleCall(id, { status: 'ended', outcome: 'abandoned', waitSeconds: 5 });
  const counted = async (bucket: string) =>
    (await test.repository(StatsDay).findBy({ hotlineId: hotline.id, metric: 'calls', bucket }))
      .map((cell) => cell.count)
      .reduce((sum, count) => sum + count, 0);
  const settledEvents = () => seen.filter((event) => event.type === 'call.settled');

  beforeAll(async () => {
    test = await serviceTest([
      CallSettlement,
      Transactions,
      StatsRollups,
      HotlineDirectory,
      HotlinesService,
    ]);
    settlement = test.get(CallSettlement);
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    test.get(HotlineEvents).stream.subscribe((event) => seen.push(event));
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(() => test.close());

  it('gives a call its outcome once: a second settle changes nothing and returns false', async () => {
    const { id } = await waiting();
    expect(await abandon(id)).toBe(true);
    expect(
      await settlement.settleCall(id, { status: 'ended', outcome: 'answered', waitSeconds: 9 }),
    ).toBe(false);
    expect(await test.repository(Call).findOneByOrFail({ id })).toMatchObject({
      outcome: 'abandoned',
      waitSeconds: 5,
    });
  });

  it('counts a settled call once in the rollups', async () => {
    const before = await counted('abandoned');
    const { id } = await waiting();
    await abandon(id);
    await abandon(id);
    expect(await counted('abandoned')).toBe(before + 1);
  });

  it('does not count a practice call, nor announce it', async () => {
    const before = await counted('abandoned');
    const { id } = await waiting({ training: true });
    expect(await abandon(id)).toBe(true);
    expect(await counted('abandoned')).toBe(before);
    expect(settledEvents()).toEqual([]);
  });

  it('publishes call.settled once per call', async () => {
    const { id } = await waiting();
    await abandon(id);
    await abandon(id);
    expect(settledEvents()).toEqual([
      { type: 'call.settled', hotlineId: hotline.id, callId: id, outcome: 'abandoned' },
    ]);
  });

  it('records a call that ended as it arrived, counted and announced at once', async () => {
    const before = await counted('closed_hours');
    const closed = call({ status: 'ended', outcome: 'closed_hours', queuedAt: null });
    await settlement.recordEndedCall(closed);
    expect(await test.repository(Call).findOneByOrFail({ id: closed.id })).toMatchObject({
      outcome: 'closed_hours',
    });
    expect(await counted('closed_hours')).toBe(before + 1);
    expect(settledEvents()).toHaveLength(1);
  });
});
