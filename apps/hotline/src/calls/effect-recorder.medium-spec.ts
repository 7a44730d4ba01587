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
});
