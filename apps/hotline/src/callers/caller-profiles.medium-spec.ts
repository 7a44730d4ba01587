import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditService } from '../audit/audit.service';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import type { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallerBlocks } from './caller-blocks.service';
import { CallerGate } from './caller-gate';
import { CallerProfile } from './caller-profile.entity';
import { CallerProfiles } from './caller-profiles.service';

describe('CallerProfiles (service on a real database)', () => {
  let test: ServiceTest;
  let profiles: CallerProfiles;
  let hotline: Hotline;
  const supervisor = Object.assign(new Volunteer(), {
    id: '22222222-2222-2222-2222-222222222222',
    roles: ['supervisor'],
    hotlines: [] as Hotline[],
  });

  beforeAll(async () => {
    test = await serviceTest([
      CallerProfiles,
      CallerBlocks,
      CallerGate,
      AuditService,
      Telephony,
      HotlinesService,
      HotlineDirectory,
    ]);
    profiles = test.get(CallerProfiles);
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    supervisor.hotlines = [hotline];
  });
  afterAll(() => test.close());

  it("keeps one profile when two supervisors write a caller's first at once", async () => {
    const about = { hotlineId: hotline.id, hotline, callerHash: 'hash-p' };
    await Promise.all([
      profiles.update(supervisor, about, { flags: ['at_risk'] }),
      profiles.update(supervisor, about, { guidance: 'Ask about school.' }),
    ]);
    const rows = await test.repository(CallerProfile).findBy({ callerHash: 'hash-p' });
    expect(rows).toHaveLength(1);
    expect(rows[0].flags).toEqual(['at_risk']);
    expect(rows[0].guidanceEncrypted).not.toContain('school');
    expect((await profiles.view(supervisor, about)).guidance).toBe('Ask about school.');
  });

  it('never stores frequent_caller: the limit says it', async () => {
    const about = { hotlineId: hotline.id, hotline, callerHash: 'hash-q' };
    const view = await profiles.update(supervisor, about, {
      flags: ['frequent_caller', 'abusive'],
    });
    expect(view.flags).toEqual(['abusive']);
  });
});
