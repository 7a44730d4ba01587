import { ConflictException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditService } from '../audit/audit.service';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CrisisCase, newCase } from './crisis-case.entity';
import { CrisisCasesService } from './crisis-cases.service';
import { CrisisFollowUps } from './crisis-follow-ups.service';
import { CrisisReports } from './crisis-reports.service';

describe('CrisisReports and CrisisFollowUps (services on a real database)', () => {
  let test: ServiceTest;
  let reports: CrisisReports;
  let followUps: CrisisFollowUps;
  let hotline: Hotline;
  let supervisor: Volunteer;

  /** An open case of a high-risk contact, as CrisisOpening leaves it. */
  const openCase = async (): Promise<string> => {
    const id = randomUUID();
    await test.repository(CrisisCase).insert(
      newCase(
        {
          id,
          hotlineId: hotline.id,
          trigger: 'risk_level',
          riskLevel: 'high',
          callId: null,
          contactId: null,
        },
        test.clock.now().toJSDate(),
      ),
    );
    return id;
  };

  beforeAll(async () => {
    test = await serviceTest([
      CrisisCasesService,
      CrisisReports,
      CrisisFollowUps,
      AuditService,
      HotlinesService,
      HotlineDirectory,
    ]);
    reports = test.get(CrisisReports);
    followUps = test.get(CrisisFollowUps);
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    supervisor = Object.assign(new Volunteer(), {
      id: randomUUID(),
      roles: ['supervisor'],
      hotlines: [hotline],
    });
  });
  afterAll(() => test.close());

  it('filing the report keeps its text, when and by whom', async () => {
    const id = await openCase();
    test.clock.advance({ hours: 2 });
    const filed = await reports.fileReport(supervisor, id, 'Taken to the children’s hospital');
    expect(filed).toMatchObject({
      report: 'Taken to the children’s hospital',
      reportFiledAt: test.clock.now().toJSDate().toISOString(),
      reportOverdue: false,
    });
    expect(await test.repository(CrisisCase).findOneByOrFail({ id })).toMatchObject({
      reportFiledBy: supervisor.id,
    });
  });

  it('refuses a second report: what happened since is a follow-up', async () => {
    const id = await openCase();
    await reports.fileReport(supervisor, id, 'First report');
    await expect(reports.fileReport(supervisor, id, 'Second report')).rejects.toBeInstanceOf(
      ConflictException,
    );
  });

  it('refuses to close a case before its report is filed', async () => {
    const id = await openCase();
    await expect(followUps.close(supervisor, id, undefined)).rejects.toThrow(
      'File the written report before closing the case.',
    );
  });

  it('closes a case once its report is filed, and refuses a report after that', async () => {
    const id = await openCase();
    await reports.fileReport(supervisor, id, 'Parents informed');
    const closed = await followUps.close(supervisor, id, 'Family followed by the school');
    expect(closed).toMatchObject({
      closedAt: test.clock.now().toJSDate().toISOString(),
      closingNote: 'Family followed by the school',
    });
    await expect(reports.fileReport(supervisor, id, 'Late words')).rejects.toThrow(
      'This case is closed; add a follow-up instead.',
    );
  });

  it('takes follow-ups on a closed case, oldest first', async () => {
    const id = await openCase();
    await reports.fileReport(supervisor, id, 'Parents informed');
    await followUps.close(supervisor, id, undefined);
    await followUps.addFollowUp(supervisor, id, 'School counsellor called back');
    test.clock.advance({ minutes: 5 });
    const detail = await followUps.addFollowUp(supervisor, id, 'Hospital appointment set');
    expect(detail.followUps.map((followUp) => followUp.note)).toEqual([
      'School counsellor called back',
      'Hospital appointment set',
    ]);
  });
});
