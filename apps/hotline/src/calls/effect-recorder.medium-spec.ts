import { randomUUID } from 'node:crypto';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { Transactions } from '../database/transactions';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { StatsRollups } from '../statistics/stats-rollups';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallOffer } from './call-offer.entity';
import { Call } from './call.entity';
import { CallSettlement } from './call-settlement';
import { EffectRecorder, OfferIds } from './effect-recorder';
import { PresenceChange } from './presence-change.entity';
import { RoutingEpoch } from './routing-epoch.entity';
import { StaleLeaderError } from './routing-fence';
import { waitingCall } from './waiting-call.testing';

describe('EffectRecorder (service on a real database)', () => {
  let test: ServiceTest;
  let recorder: EffectRecorder;
  let hotline: Hotline;
  let volunteerId: string;
  let seen: HotlineEvent[];

  const waiting = () => waitingCall(test, hotline.id);
  const offer = (callId: string, offerId: string = randomUUID()) => ({
    type: 'offer' as const,
    offerId,
    callId,
    volunteerId,
    expiresAt: test.clock.now().toMillis() + 30_000,
  });
  const row = (callId: string) => test.repository(Call).findOneByOrFail({ id: callId });

  beforeAll(async () => {
    test = await serviceTest([
      EffectRecorder,
      CallSettlement,
      Transactions,
      StatsRollups,
      HotlineDirectory,
      HotlinesService,
    ]);
    recorder = test.get(EffectRecorder);
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    volunteerId = randomUUID();
    await test.repository(Volunteer).insert(
      test.repository(Volunteer).create({
        id: volunteerId,
        name: 'Li Na',
        email: `${volunteerId}@example.org`,
        passwordHash: 'x',
        phoneEncrypted: null,
        expertKind: 'counsellor',
        topicSkills: [],
        languages: ['zh'],
        roles: ['volunteer'],
        softphoneIdentity: `client-${volunteerId}`,
        answerBy: 'browser',
        active: true,
        calendarFeedTokenHash: null,
        createdAt: test.clock.now().toJSDate(),
        updatedAt: test.clock.now().toJSDate(),
        deactivatedAt: null,
      }),
    );
    test.get(HotlineEvents).stream.subscribe((event) => seen.push(event));
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(() => test.close());

  it('inserts the offer row and links it to the engine offer', async () => {
    const call = await waiting();
    const offers = new OfferIds();
    await recorder.record(hotline, [offer(call.id, 'e1')], offers);
    const rowId = offers.rows.get('e1')!;
    expect(offers.engineOffer(rowId)).toBe('e1');
    expect(await test.repository(CallOffer).findOneByOrFail({ id: rowId })).toMatchObject({
      callId: call.id,
      volunteerId,
      result: null,
    });
    expect(seen).toEqual([expect.objectContaining({ type: 'offer.created', offerId: rowId })]);
  });

  it('marks the call offered and counts each offer', async () => {
    const call = await waiting();
    await recorder.record(hotline, [offer(call.id)], new OfferIds());
    await recorder.record(hotline, [offer(call.id)], new OfferIds());
    expect(await row(call.id)).toMatchObject({ status: 'offered', offerCount: 2 });
  });

  it('sets the first offer time once', async () => {
    const call = await waiting();
    await recorder.record(hotline, [offer(call.id)], new OfferIds());
    const first = (await row(call.id)).firstOfferedAt;
    test.clock.advance({ seconds: 40 });
    await recorder.record(hotline, [offer(call.id)], new OfferIds());
    expect((await row(call.id)).firstOfferedAt).toEqual(first);
    expect(first).toEqual(expect.any(Date));
  });

  it('closes a withdrawn offer and unlinks it', async () => {
    const call = await waiting();
    const offers = new OfferIds();
    await recorder.record(hotline, [offer(call.id, 'e2')], offers);
    const rowId = offers.rows.get('e2')!;
    await recorder.record(
      hotline,
      [{ type: 'offer_withdrawn', offerId: 'e2', callId: call.id, volunteerId, reason: 'timeout' }],
      offers,
    );
    expect(offers.engineOffer(rowId)).toBeUndefined();
    expect(await test.repository(CallOffer).findOneByOrFail({ id: rowId })).toMatchObject({
      result: 'timeout',
    });
    expect((await row(call.id)).status).toBe('waiting');
  });

  it('hands back a connected call for the transfer, and settles an ended one', async () => {
    const call = await waiting();
    const transfers = await recorder.record(
      hotline,
      [{ type: 'connect', callId: call.id, volunteerId }],
      new OfferIds(),
    );
    expect(transfers).toEqual([expect.objectContaining({ kind: 'transfer' })]);
    expect(transfers.map((after) => after.call.id)).toEqual([call.id]);
    expect(await row(call.id)).toMatchObject({ status: 'connecting', volunteerId });
    await recorder.record(
      hotline,
      [{ type: 'call_ended', callId: call.id, outcome: 'answered', volunteerId }],
      new OfferIds(),
    );
    expect(await row(call.id)).toMatchObject({ status: 'ended', outcome: 'answered' });
  });

  it('records a volunteer state change', async () => {
    await recorder.record(
      hotline,
      [
        {
          type: 'volunteer_state',
          volunteerId,
          state: 'available',
          since: test.clock.now().toMillis(),
        },
      ],
      new OfferIds(),
    );
    expect(
      await test.repository(PresenceChange).findBy({ volunteerId, hotlineId: hotline.id }),
    ).toEqual([expect.objectContaining({ state: 'available' })]);
  });

  describe('when the database fails a write', () => {
    const missed = () => ({
      type: 'volunteer_state' as const,
      volunteerId,
      state: 'missed' as const,
      since: test.clock.now().toMillis(),
    });
    /** The presence insert fails `times` times (the row is written on the first, answer lost). */
    const losingAnswers = (times: number) => {
      const presence = test.repository(PresenceChange);
      const real = presence.insert.bind(presence);
      let failures = 0;
      return jest.spyOn(presence, 'insert').mockImplementation(async (row) => {
        if (failures >= times) return real(row);
        failures += 1;
        if (failures === 1) await real(row);
        throw new Error('connection lost');
      });
    };

    it('tries again until the writes land, writes each row once, then tells the consoles', async () => {
      const call = await waiting();
      const spy = losingAnswers(1);
      const offers = new OfferIds();
      let inserts = 0;
      try {
        await recorder.record(hotline, [offer(call.id, 'e3'), missed()], offers, {
          patienceMs: 5_000,
          wanted: () => true,
        });
        inserts = spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
      // The row landed although its answer was lost: it is found, not inserted again.
      expect(inserts).toBe(1);
      expect(
        await test.repository(PresenceChange).findBy({ volunteerId, state: 'missed' }),
      ).toHaveLength(1);
      expect(await row(call.id)).toMatchObject({ status: 'offered', offerCount: 1 });
      expect(seen.map((event) => event.type)).toEqual(['offer.created', 'volunteer.state']);
    });

    it('tells nobody when the write is not retried', async () => {
      const spy = jest
        .spyOn(test.repository(PresenceChange), 'insert')
        .mockRejectedValue(new Error('connection lost'));
      try {
        await expect(recorder.record(hotline, [missed()], new OfferIds())).rejects.toThrow(
          'connection lost',
        );
      } finally {
        spy.mockRestore();
      }
      expect(seen).toEqual([]);
    });

    it('gives a write up after its patience and goes on with the step', async () => {
      const call = await waiting();
      const spy = jest
        .spyOn(test.repository(PresenceChange), 'insert')
        .mockRejectedValue(new Error('connection lost'));
      try {
        await recorder.record(hotline, [missed(), offer(call.id)], new OfferIds(), {
          patienceMs: 200,
          wanted: () => true,
        });
      } finally {
        spy.mockRestore();
      }
      expect(await row(call.id)).toMatchObject({ status: 'offered' });
      expect(seen.map((event) => event.type)).toEqual(['volunteer.state', 'offer.created']);
    });
  });

  describe('behind the routing fence', () => {
    const asLeader = (epoch: number) => ({ patienceMs: 0, wanted: () => false, epoch });
    const stored = async () =>
      (await test.repository(RoutingEpoch).findOneByOrFail({ id: 'routing' })).epoch;

    it('raises the stored epoch to a newer leader and refuses the writes of an older one', async () => {
      const call = await waiting();
      await recorder.record(hotline, [offer(call.id)], new OfferIds(), asLeader(2));
      expect(await stored()).toBe(2);
      await recorder.record(hotline, [offer(call.id)], new OfferIds(), asLeader(3));
      expect(await stored()).toBe(3);
      seen = [];

      await expect(
        recorder.record(hotline, [offer(call.id)], new OfferIds(), asLeader(2)),
      ).rejects.toBeInstanceOf(StaleLeaderError);
      expect(await stored()).toBe(3);
      expect(await test.repository(CallOffer).countBy({ callId: call.id })).toBe(2);
      expect(await row(call.id)).toMatchObject({ offerCount: 2 });
      expect(seen).toEqual([]);

      // The current leader goes on writing.
      await recorder.record(hotline, [offer(call.id)], new OfferIds(), asLeader(3));
      expect(await row(call.id)).toMatchObject({ offerCount: 3 });
    });

    it('refuses an older leader even while it would retry', async () => {
      const call = await waiting();
      await recorder.record(hotline, [offer(call.id)], new OfferIds(), asLeader(5));
      const started = Date.now();
      await expect(
        recorder.record(hotline, [offer(call.id)], new OfferIds(), {
          patienceMs: 5_000,
          wanted: () => true,
          epoch: 4,
        }),
      ).rejects.toBeInstanceOf(StaleLeaderError);
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });
});
