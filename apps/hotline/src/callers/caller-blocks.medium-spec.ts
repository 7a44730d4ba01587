import { Repository } from 'typeorm';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import type { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { Telephony } from '../telephony/telephony';
import { SYSTEM_ACTOR, Volunteer } from '../volunteers/volunteer.entity';
import { CallerBlock } from './caller-block.entity';
import { CallerBlocks } from './caller-blocks.service';
import { CallerGate } from './caller-gate';

describe('CallerBlocks (service on a real database)', () => {
  let test: ServiceTest;
  let blocks: CallerBlocks;
  let gate: CallerGate;
  let rows: Repository<CallerBlock>;
  let audit: Repository<AuditEvent>;
  let hotline: Hotline;
  const supervisor = Object.assign(new Volunteer(), {
    id: '11111111-1111-1111-1111-111111111111',
    roles: ['supervisor'],
    hotlines: [] as Hotline[],
  });

  beforeAll(async () => {
    test = await serviceTest(
      [CallerBlocks, CallerGate, AuditService, Telephony, HotlinesService, HotlineDirectory],
      { start: '2026-11-23T11:00:00Z' },
    );
    blocks = test.get(CallerBlocks);
    gate = test.get(CallerGate);
    rows = test.repository(CallerBlock);
    audit = test.repository(AuditEvent);
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    supervisor.hotlines = [hotline];
  });
  afterAll(() => test.close());

  const subject = (callerHash: string) => ({ hotline, hotlineId: hotline.id, callerHash });
  const now = () => test.clock.now().toJSDate();
  const actions = async (blockId: string) =>
    (await audit.find({ where: { subjectId: blockId }, order: { occurredAt: 'ASC' } })).map(
      (event) => [event.action, event.actorId],
    );

  it('blocks for 30 days by default; the expiry job lifts it then, audited as nobody', async () => {
    const block = await blocks.block(supervisor, subject('hash-a'), { reason: 'abusive' });
    expect(block.expiresAt).toEqual(test.clock.now().plus({ days: 30 }).toJSDate());
    expect(await gate.admission(hotline, 'hash-a', now())).toBe('blocked');

    test.clock.advance({ days: 29 });
    expect(await blocks.expire()).toBe(0);
    test.clock.advance({ days: 1 });
    // The decision reads the expiry itself; the job only records the lift.
    expect(await gate.admission(hotline, 'hash-a', now())).toBe('admit');
    expect(await blocks.expire()).toBe(1);
    expect(await blocks.expire()).toBe(0);
    expect(await rows.findOneByOrFail({ id: block.id })).toMatchObject({
      liftedAt: block.expiresAt,
      liftedBy: null,
    });
    expect(await actions(block.id)).toEqual([
      ['caller.blocked', supervisor.id],
      ['caller.block.expired', null],
    ]);
  });

  it('replaces the block in force with a new one, and keeps permanent blocks for admins', async () => {
    const first = await blocks.block(supervisor, subject('hash-b'), { reason: 'prank', days: 2 });
    const second = await blocks.block(supervisor, subject('hash-b'), {
      reason: 'abusive',
      days: 7,
    });
    expect((await blocks.inForce(hotline.id, 'hash-b'))?.id).toBe(second.id);
    expect(await actions(first.id)).toEqual([
      ['caller.blocked', supervisor.id],
      ['caller.block.replaced', supervisor.id],
    ]);
    await expect(
      blocks.block(supervisor, subject('hash-b'), { reason: 'abusive', permanent: true }),
    ).rejects.toThrow(/admin/);
    const forever = await blocks.block(SYSTEM_ACTOR, subject('hash-b'), {
      reason: 'abusive',
      permanent: true,
    });
    expect(forever.expiresAt).toBeNull();
    test.clock.advance({ days: 3650 });
    expect(await blocks.expire()).toBe(0);
    expect(await gate.admission(hotline, 'hash-b', now())).toBe('blocked');
  });
});
