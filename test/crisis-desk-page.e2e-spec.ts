import type { Browser, Locator } from 'playwright-core';
import { ManualClock } from '@hotline/clock';
import { launchBrowser, openPage } from './support/browser';
import { assertConsoleBuilt, signInToConsole } from './support/console-browser';
import { ROUTINE_CONTACT, duty } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { answeredCall } from './support/callers';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, startCallCentre } from './support/twilio';

/** Long enough for an answer to reach the page, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };
const RED = 'rgb(179, 38, 30)';
const AMBER = 'rgb(138, 90, 0)';

jest.setTimeout(90_000);

/** An element as the page has it (the tests compile without the DOM's types). */
type Painted = {
  ownerDocument: { defaultView: { getComputedStyle(element: Painted): { color: string } } };
};

/**
 * The crisis desk in a real browser against the real server: the open cases with their
 * report's countdown, a supervisor taking a case through referral, follow-up, report and
 * closing (in English), and a volunteer filing the report of their own case (in Chinese).
 */
describe('the crisis desk page', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let browser: Browser;
  let supervisor: Person;
  let volunteer: Person;
  let colleague: Person;
  /** The cases: from a call, and from two face-to-face records. */
  let fromCall: string;
  let dueSoon: string;
  let colleagues: string;

  /** A high-risk face-to-face consultation of `person`, recorded now; its case. */
  async function crisis(person: Person, notes: string): Promise<string> {
    const answer = await hotline
      .as(person.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        channel: 'face_to_face',
        occurredAt: clock.now().toISO(),
        riskLevel: 'high',
        outcome: 'crisis_intervention',
        notes,
      })
      .expect(201);
    return answer.body.crisisCaseId;
  }

  /** The colour the page paints an element's text in. */
  const color = (locator: Locator) =>
    locator.evaluate(
      (element) => (element as Painted).ownerDocument.defaultView.getComputedStyle(element).color,
    );

  beforeAll(async () => {
    assertConsoleBuilt();
    centre = await startCallCentre({ CONSOLE_GRACE_SECONDS: '1' }, { clock });
    hotline = centre.hotline;
    supervisor = await addPerson(hotline, { roles: ['supervisor'], name: 'Zhao Min' });
    volunteer = await addPerson(hotline, {
      name: 'Sun Wei',
      topicSkills: ['emotional'],
      phone: ownPhone(),
    });
    colleague = await addPerson(hotline, { name: 'Li Na' });
    const coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    await hotline
      .as(coordinator.token)
      .post('/api/partners')
      .send({ kind: 'hospital', name: '市第七人民医院', phone: '0571-85126525' })
      .expect(201);

    // 19:00: a pupil's call, recorded at wrap-up with a high risk.
    const { offer } = await answeredCall(hotline, volunteer);
    const wrapped = await duty(hotline, volunteer)
      .wrapUp(offer.callId, {
        ...ROUTINE_CONTACT,
        riskLevel: 'high',
        outcome: 'crisis_intervention',
        notes: 'Locked in the bathroom, says she wants to disappear',
      })
      .expect(200);
    fromCall = wrapped.body.crisisCaseId;
    await hotline.as(volunteer.token).put('/api/me/presence').send({ state: 'offline' });
    // 19:30: a face-to-face consultation.
    clock.advance({ minutes: 30 });
    dueSoon = await crisis(volunteer, 'Cut herself last week; mother present');
    // 07:10 the next morning: the call's report is ten minutes late, the other's due in twenty.
    clock.advance({ hours: 11, minutes: 40 });
    for (const person of [volunteer, colleague])
      person.token = await hotline.signIn(person.email, person.password);
    colleagues = await crisis(colleague, 'Runaway, found at the station');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await centre?.stop();
  });

  it('shows a supervisor the countdowns, and takes a case through referral, follow-up, report and closing (en)', async () => {
    const { page, problems } = await openPage(browser, 'en');
    await signInToConsole(page, hotline.baseUrl, supervisor, 'en');
    // The hotline's clock comes with the live console.
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await page.getByRole('button', { name: 'Crisis desk' }).click();

    const row = (caseId: string) => page.locator(`tr[data-case="${caseId}"]`);
    await row(colleagues).waitFor(SEEN);
    const late = row(fromCall).locator('.countdown');
    await expect(late.textContent()).resolves.toMatch(/^Overdue by 1\d min$/);
    expect(await color(late)).toBe(RED);
    const soon = row(dueSoon).locator('.countdown');
    await expect(soon.textContent()).resolves.toMatch(/^Due in [12]\d min$/);
    expect(await color(soon)).toBe(AMBER);
    await expect(row(colleagues).locator('.countdown').textContent()).resolves.toMatch(
      /^Due in 1[12] h \d+ min$/,
    );
    await expect(row(fromCall).textContent()).resolves.toContain('Sun Wei');

    // The case of the call: its call and, on request, its contact record.
    await row(fromCall).getByRole('button').click();
    const panel = page.locator(`section.crisis-case[data-case="${fromCall}"]`);
    await panel.waitFor(SEEN);
    await panel.getByText('Answered at').waitFor(SEEN);
    await panel.getByRole('button', { name: 'Show the contact record' }).click();
    await panel
      .locator('[data-field="notes"]', {
        hasText: 'Locked in the bathroom, says she wants to disappear',
      })
      .waitFor(SEEN);

    await panel.getByRole('button', { name: 'Take the case' }).click();
    await panel.getByRole('status').filter({ hasText: 'You took the case.' }).waitFor(SEEN);
    await panel.locator('[data-field="supervisor"]', { hasText: 'Zhao Min' }).waitFor(SEEN);
    await expect(panel.getByRole('button', { name: 'Take the case' }).count()).resolves.toBe(0);

    await panel.getByLabel('Partner hospital or service').selectOption({ label: '市第七人民医院' });
    await panel.getByLabel('Referral note (confidential)').fill('Emergency psychiatry, Dr. Li');
    await panel.getByRole('button', { name: 'Record the referral' }).click();
    await panel
      .locator('[data-field="referral"]', { hasText: 'Referred to 市第七人民医院' })
      .waitFor(SEEN);

    await panel.getByLabel('Follow-up (confidential)').fill('Mother reached; on the way');
    await panel.getByRole('button', { name: 'Add the follow-up' }).click();
    await panel
      .locator('[data-follow-up]', { hasText: 'Mother reached; on the way' })
      .waitFor(SEEN);

    // No closing before the report.
    await expect(panel.getByRole('button', { name: 'Close the case' }).isDisabled()).resolves.toBe(
      true,
    );
    await panel.getByText('File the written report first').waitFor(SEEN);

    const report = panel.getByLabel('Report (confidential, stored encrypted)');
    await report.fill('Risk assessed high; admitted overnight at the 7th hospital.');
    await panel.getByRole('button', { name: 'Save the draft' }).click();
    await panel
      .locator('[data-field="draft"]', { hasText: 'Draft saved by Zhao Min' })
      .waitFor(SEEN);
    await panel.getByRole('button', { name: 'File the report' }).click();
    await panel.getByRole('button', { name: 'File now' }).click();
    await panel.getByRole('status').filter({ hasText: 'Report filed.' }).waitFor(SEEN);
    await panel
      .locator('[data-field="report"]', { hasText: 'admitted overnight at the 7th hospital' })
      .waitFor(SEEN);
    await row(fromCall)
      .locator('.countdown', { hasText: /^Filed$/ })
      .waitFor(SEEN);

    await panel.getByLabel('How it ended (confidential)').fill('Discharged to her parents');
    await panel.getByRole('button', { name: 'Close the case' }).click();
    await panel.getByRole('status').filter({ hasText: 'Case closed.' }).waitFor(SEEN);
    await row(fromCall).waitFor({ state: 'detached', ...SEEN });
    await page.getByRole('button', { name: 'Closed', exact: true }).click();
    await row(fromCall).locator('.countdown', { hasText: 'Closed' }).waitFor(SEEN);

    const [stored] = await hotline.database.query<Record<string, string | null>>(
      'SELECT supervisor_id, report_encrypted, referral_note_encrypted, closed_at FROM crisis_case WHERE id = ?',
      [fromCall],
    );
    expect(stored.supervisor_id).toBe(supervisor.id);
    expect(stored.closed_at).not.toBeNull();
    expect(JSON.stringify(stored)).not.toMatch(/admitted|Dr\. Li/);
    const audit = await hotline
      .as(await hotline.signIn(supervisor.email, supervisor.password))
      .get(`/api/audit?actorId=${supervisor.id}`)
      .expect(200);
    expect(audit.body.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining([
        'crisis_case.read',
        'contact.notes.read',
        'crisis_case.taken',
        'crisis_case.referred',
        'crisis_case.report_filed',
        'crisis_case.closed',
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('shows a volunteer only their own cases, without taking or closing, and files their report (zh-CN)', async () => {
    const { page, problems } = await openPage(browser, 'zh-CN');
    await signInToConsole(page, hotline.baseUrl, volunteer);
    // The hotline's clock comes with the live console.
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await page.getByRole('button', { name: '危机个案台' }).click();
    const row = (caseId: string) => page.locator(`tr[data-case="${caseId}"]`);
    await row(dueSoon).waitFor(SEEN);
    await expect(row(dueSoon).locator('.countdown').textContent()).resolves.toMatch(
      /^剩余 [12]\d 分钟$/,
    );
    await expect(page.locator(`tr[data-case="${colleagues}"]`).count()).resolves.toBe(0);

    await row(dueSoon).getByRole('button').click();
    const panel = page.locator(`section.crisis-case[data-case="${dueSoon}"]`);
    await panel.getByText('此个案不是来自电话。').waitFor(SEEN);
    await expect(panel.getByRole('button', { name: '接手此个案' }).count()).resolves.toBe(0);
    await expect(panel.getByRole('button', { name: '结案' }).count()).resolves.toBe(0);

    await panel.getByLabel('跟进内容（保密）').fill('已联系家长，明早复诊');
    await panel.getByRole('button', { name: '添加跟进' }).click();
    await panel.locator('[data-follow-up]', { hasText: '已联系家长，明早复诊' }).waitFor(SEEN);
    await panel
      .getByLabel('报告内容（保密，加密保存）')
      .fill('评估为高风险，已与母亲制定安全计划。');
    await panel.getByRole('button', { name: '提交报告' }).click();
    await panel.getByRole('button', { name: '确认提交' }).click();
    await panel.getByRole('status').filter({ hasText: '报告已提交。' }).waitFor(SEEN);
    // The list is read again after the change.
    await row(dueSoon)
      .locator('.countdown', { hasText: /^已提交$/ })
      .waitFor(SEEN);

    const [stored] = await hotline.database.query<Record<string, string | null>>(
      'SELECT report_filed_by, report_encrypted FROM crisis_case WHERE id = ?',
      [dueSoon],
    );
    expect(stored.report_filed_by).toBe(volunteer.id);
    expect(stored.report_encrypted).not.toContain('安全计划');
    // The server refuses what the page does not offer.
    await hotline
      .as(volunteer.token)
      .post(`/api/crisis-cases/${dueSoon}/close`)
      .send({})
      .expect(403);
    expect(problems).toEqual([]);
  });
});
