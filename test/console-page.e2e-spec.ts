import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { launchBrowser, openPage } from './support/browser';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { duty, eventually } from './support/duty';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

const EVENING = '2026-11-23T19:00:00+08:00';
const BUILT_PAGE = join(process.cwd(), 'dist', 'console', 'index.html');
const SCREENSHOTS = join(process.cwd(), 'test-output');
/** Long enough for a socket frame to reach the page, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };
/** A closed console takes its volunteer off duty after this grace; short, so the run ends soon. */
const GRACE_SECONDS = 1;

// A browser test takes seconds, not milliseconds; the project's testTimeout is not applied per file.
jest.setTimeout(60_000);

/**
 * The operator console in a real browser against the real server and a fake Twilio: a
 * volunteer takes a call from the keyboard and wraps it up; a supervisor watches the wall,
 * moves the volunteer to a break and acknowledges a crisis alert.
 */
describe('the console page', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let browser: Browser;
  let volunteer: Person;
  let volunteerPage: Page;
  let volunteerContext: BrowserContext;
  const problems: string[] = [];
  let topicLabels: Map<string, { 'zh-CN': string; en: string }>;

  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE))
      throw new Error(`${BUILT_PAGE} is missing: run \`npm run build\` before the browser tests`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    centre = await startCallCentre({
      HOTLINE_CLOCK_START: EVENING,
      CONSOLE_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    ({ hotline, twilio } = centre);
    browser = await launchBrowser();
    const taxonomy = await hotline.http().get('/api/taxonomy').expect(200);
    // Every topic's labels, sub-topics included, by key.
    type Topic = { key: string; label: { 'zh-CN': string; en: string }; children?: Topic[] };
    const walk = (topics: Topic[] = []): [string, Topic['label']][] =>
      topics.flatMap((topic) => [[topic.key, topic.label], ...walk(topic.children)]);
    topicLabels = new Map(walk(taxonomy.body.topics as Topic[]));
  });

  afterAll(async () => {
    await browser?.close();
    // Let the server's grace timers for the closed consoles run out before it stops.
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 500));
    await centre?.stop();
  });

  afterEach(() => {
    // What the page itself complained about, for a failing run's log.
    if (problems.length > 0) console.log(problems.join('\n'));
  });

  async function signIn(
    page: Page,
    person: Person,
    labels: { email: string; password: string; submit: string },
  ) {
    await page.goto(`${hotline.baseUrl}/console/`);
    await page.getByLabel(labels.email).fill(person.email);
    await page.getByLabel(labels.password).fill(person.password);
    await page.getByRole('button', { name: labels.submit }).click();
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
  }

  it('rings a volunteer, who accepts from the keyboard, talks and wraps up', async () => {
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    const opened = await openPage(browser);
    volunteerPage = opened.page;
    volunteerContext = opened.context;
    const page = volunteerPage;
    page.on('pageerror', (error) => problems.push(`volunteer page: ${error.message}`));

    await signIn(page, volunteer, { email: '邮箱', password: '密码', submit: '登录' });
    await page.locator('[data-state="offline"]').waitFor(SEEN);
    await page.getByRole('button', { name: '可接听' }).click();
    await page.locator('[data-state="available"]').waitFor(SEEN);
    // No softphone on this server: the desk says the next call rings on the volunteer's phone.
    await page
      .locator('[data-rings-on="phone"]')
      .filter({ hasText: '下一个来电将拨打您的手机（按1接听）' })
      .waitFor(SEEN);

    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    await call.hold('QU22222222222222222222222222222222');

    // The offer rings on the page: who is calling and about what, in the page's language.
    const offerPanel = page.getByRole('alert').filter({ hasText: '来电！' });
    await offerPanel.waitFor(SEEN);
    await expect(offerPanel.locator('[data-field="callerType"]').textContent()).resolves.toBe(
      '学生',
    );
    await expect(offerPanel.locator('[data-field="topic"]').textContent()).resolves.toBe(
      topicLabels.get('emotional')!['zh-CN'],
    );
    await expect(offerPanel.textContent()).resolves.toMatch(/首次来电/);
    await expect(offerPanel.textContent()).resolves.not.toContain(call.from.slice(3));
    await page.screenshot({ path: join(SCREENSHOTS, 'console-volunteer.png'), fullPage: true });

    const { callId } = await duty(hotline, volunteer).offer();
    await page.keyboard.press('a');

    // Accepting from the page makes the server take the caller out of Twilio's queue.
    const dequeue = await twilio.next((request) => request.path.includes(call.callSid));
    expect(dequeue.path).toContain('/Queues/QU22222222222222222222222222222222/');
    expect(dequeue.params.Url).toBe(`https://hotline.test/twilio/voice/connect?call=${callId}`);
    await offerPanel.waitFor({ state: 'detached', ...SEEN });

    const dialAction = await call.pickUp(callId);
    await page.locator('[data-state="talking"]').waitFor(SEEN);
    await call.follow(dialAction, {
      DialCallStatus: 'completed',
      DialCallDuration: '60',
    });
    await call.hangUp();

    // Wrap-up: the contact record form, with the caller type the voice menu learnt.
    await page.locator('[data-state="wrap_up"]').waitFor(SEEN);
    const form = page.getByRole('form', { name: '通话结束：整理记录' });
    await form.waitFor(SEEN);
    await expect(form.getByLabel('来电者身份').inputValue()).resolves.toBe('pupil');
    // Presence stays with wrap-up: only the record ends it.
    await expect(page.getByRole('button', { name: '可接听' }).isDisabled()).resolves.toBe(true);

    // Without the required fields nothing is sent: the form says what is missing.
    await form.getByRole('button', { name: '完成整理' }).click();
    const problem = form.getByRole('alert');
    await expect(problem.textContent(SEEN)).resolves.toContain('请选择主要话题');
    await expect(problem.textContent()).resolves.toContain('请选择风险等级');
    await expect(
      form.getByLabel('主要话题').evaluate((select) => select.matches(':focus')),
    ).resolves.toBe(true);
    await expect(page.locator('[data-state="wrap_up"]').count()).resolves.toBe(1);

    // The volunteer fills it in by the labels they see.
    const primaryTopic = topicLabels.get('emotional.anxiety_stress')!['zh-CN'];
    await form.getByLabel('主要话题').selectOption({ label: primaryTopic });
    await form.getByLabel('孩子年龄').selectOption({ label: '12–14 岁' });
    await form.getByLabel('其他话题 1').selectOption({
      label: topicLabels.get('learning.exam_stress')!['zh-CN'],
    });
    await form.getByRole('radio', { name: '低', exact: true }).check();
    await form.getByLabel('处理结果').selectOption({ label: '已给予建议' });
    await form.getByLabel('备注').fill('孩子考试前很紧张，已讨论放松方法。');
    // Nothing is missing any more: the list follows the corrections.
    await expect(problem.textContent()).resolves.toBe('');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-wrap-up.png'), fullPage: true });

    await form.getByRole('button', { name: '完成整理' }).click();
    await page.locator('[data-state="available"]').waitFor(SEEN);
    await expect(page.getByRole('button', { name: '完成整理' }).count()).resolves.toBe(0);

    // The record is on the server, as entered.
    const contacts = await hotline.as(volunteer.token).get('/api/contacts').expect(200);
    const contact = (contacts.body as Record<string, unknown>[]).find(
      (record) => record.callId === callId,
    );
    expect(contact).toMatchObject({
      channel: 'phone',
      volunteerId: volunteer.id,
      callerType: 'pupil',
      ageBand: '12_14',
      categorised: true,
      primaryTopic: 'emotional.anxiety_stress',
      topics: ['emotional.anxiety_stress', 'learning.exam_stress'],
      riskLevel: 'low',
      outcome: 'advice_given',
      hasNotes: true,
    });
  });

  it('shows the supervisor every call and volunteer, and a crisis alert until acknowledged', async () => {
    const supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    const { page } = await openPage(browser);
    page.on('pageerror', (error) => problems.push(`wall page: ${error.message}`));

    await signIn(page, supervisor, { email: '邮箱', password: '密码', submit: '登录' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Supervisor wall' }).waitFor(SEEN);

    // The volunteer from the first call is on duty, with the call they handled.
    const volunteerRow = page.locator(`tr[data-volunteer="${volunteer.id}"]`);
    await volunteerRow.getByText('Available').waitFor(SEEN);
    await expect(volunteerRow.locator('td').nth(2).textContent()).resolves.toBe('1');

    // The supervisor sends them on a break, so the next call has to wait.
    await volunteerRow.getByRole('button', { name: 'Move to break' }).click();
    await volunteerRow.getByText('On break').waitFor(SEEN);
    await volunteerPage.locator('[data-state="break"]').waitFor(SEEN);

    const waiting = new PhoneCall(hotline.baseUrl);
    await waiting.dial();
    await waiting.choose('1', '1');
    const waitingRow = page.locator('table.wall__calls tbody tr').filter({
      hasText: topicLabels.get('emotional')!.en,
    });
    await waitingRow.waitFor(SEEN);
    await expect(waitingRow.textContent()).resolves.toMatch(/Pupil.*Normal.*Waiting/);
    // The volunteer's own page counts it too.
    await expect(volunteerPage.locator('[data-figure="waiting"]').textContent(SEEN)).resolves.toBe(
      '1',
    );

    // A caller in danger presses 9: the banner comes up and stays until acknowledged.
    const crisis = new PhoneCall(hotline.baseUrl);
    await crisis.dial();
    await crisis.post('menu?step=caller', { Digits: '9' });
    const banner = page.getByRole('alert').filter({ hasText: 'Crisis alert' });
    await banner.waitFor(SEEN);
    await expect(banner.textContent()).resolves.toContain(
      'Crisis alert: The caller pressed the danger key',
    );
    await expect(banner.textContent()).resolves.toContain(topicLabels.get('self_harm_suicide')!.en);
    await page.locator('tr.row--crisis').first().waitFor(SEEN);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-wall.png'), fullPage: true });

    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached', ...SEEN });

    await waiting.hangUp();
    await crisis.hangUp();
    expect(problems).toEqual([]);
  });

  it('lets a supervisor listen to a call from the wall, then whisper, barge in and leave, in zh-CN and en', async () => {
    const supervisor = await addPerson(hotline, { roles: ['supervisor'], phone: ownPhone() });
    const { page } = await openPage(browser);
    page.on('pageerror', (error) => problems.push(`monitor page: ${error.message}`));
    await signIn(page, supervisor, { email: '邮箱', password: '密码', submit: '登录' });

    await duty(hotline, volunteer).available();
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    const action = await call.pickUp(offer.callId);
    const row = page.locator(`tr[data-volunteer="${volunteer.id}"]`);
    // Answered (the volunteer joined the conference): the wall shows the call in conversation.
    await page.locator(`tr[data-call="${offer.callId}"]`).getByText('通话中').waitFor(SEEN);
    await row.locator('.state--talking').waitFor(SEEN);
    const supervisorLeg = () =>
      [...twilio.conferences.find(call.conference!.sid)!.participants.values()].find(
        (participant) => participant.label === `supervisor-${supervisor.id}`,
      );

    // Listen: the supervisor's phone joins the conference muted.
    await row.getByRole('button', { name: '旁听' }).click();
    const leg = await eventually(async () => supervisorLeg(), 'the supervisor in the conference');
    expect(leg).toMatchObject({ muted: true, coaching: false });
    await call.conferenceEvent('participant-join', leg.callSid, leg.label!);
    await row.getByRole('button', { name: '旁听', pressed: true }).waitFor(SEEN);

    // Whisper: heard by the volunteer only.
    await row.getByRole('button', { name: '耳语指导' }).click();
    await row.getByRole('button', { name: '耳语指导', pressed: true }).waitFor(SEEN);
    expect(supervisorLeg()).toMatchObject({ coaching: true, callSidToCoach: call.volunteerLeg });

    // The same controls in English: barge in, speaking to both, then leave.
    await page.getByRole('button', { name: 'English' }).click();
    await row.getByRole('button', { name: 'Barge in' }).click();
    await row.getByRole('button', { name: 'Barge in', pressed: true }).waitFor(SEEN);
    expect(supervisorLeg()).toMatchObject({ muted: false, coaching: false });
    await page.screenshot({ path: join(SCREENSHOTS, 'console-wall-monitor.png'), fullPage: true });
    await row.getByRole('button', { name: 'Leave the call' }).click();
    await row
      .getByRole('button', { name: 'Leave the call' })
      .waitFor({ state: 'detached', ...SEEN });
    expect(supervisorLeg()).toBeUndefined();
    await expect(
      row.getByRole('button', { name: 'Listen' }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');

    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.follow(action, { DialCallStatus: 'completed', DialCallDuration: '0' });
    await call.hangUp();
    await duty(hotline, volunteer).wrapUp(offer.callId).expect(200);
    await page.locator(`tr[data-call="${offer.callId}"]`).waitFor({ state: 'detached', ...SEEN });
    expect(problems).toEqual([]);
  });

  it('takes a volunteer off duty when their console closes', async () => {
    await volunteerPage.getByRole('button', { name: '可接听' }).click();
    await volunteerPage.locator('[data-state="available"]').waitFor(SEEN);
    await volunteerContext.close();
    await eventually(async () => {
      const queue = await hotline.as(centre.admin).get('/api/queue').expect(200);
      const row = (queue.body.volunteers as { id: string; state: string }[]).find(
        (v) => v.id === volunteer.id,
      );
      return !row || row.state === 'offline' ? true : undefined;
    }, 'the volunteer to go offline');
  });
});
