import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { duty, eventually } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

const BUILT_PAGE = join(process.cwd(), 'dist', 'console', 'index.html');
/** Long enough for a socket frame to reach the page, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };
const GRACE_SECONDS = 1;

jest.setTimeout(90_000);

/** What each language shows; the pages are driven by these labels, as people read them. */
const TEXTS = {
  'zh-CN': {
    switchTo: null,
    available: '可接听',
    heading: '通话中',
    timer: /^通话时长 0:0\d$/,
    pupil: '学生',
    normal: '普通',
    earlier: '0 次',
    you: (name: string) => `${name}（你） 正在通话`,
    listening: (name: string) => `督导 ${name} 正在监听`,
    liveForm: '咨询记录（通话中填写）',
    wrapUpForm: '通话结束：整理记录',
    notes: '备注',
    primaryTopic: '主要话题',
    saved: '草稿已保存',
    crisisNow: '危机求助',
    crisisOpened: '已开启危机个案，值班督导已收到提醒，可加入通话。',
    alert: '志愿者在通话中发起危机求助',
    listen: '监听',
    barge: '加入通话',
    risk: '低',
    outcome: '已给予建议',
    submit: '完成整理',
    note: '孩子说她把药存在抽屉里，已确认她现在安全。',
  },
  en: {
    switchTo: 'English',
    available: 'Available',
    heading: 'On a call',
    timer: /^Talking for 0:0\d$/,
    pupil: 'Pupil',
    normal: 'Normal',
    earlier: '0',
    you: (name: string) => `${name} (you), talking`,
    listening: (name: string) => `Supervisor ${name} listening`,
    liveForm: 'Contact record (write it as you talk)',
    wrapUpForm: 'Call ended: wrap-up',
    notes: 'Notes',
    primaryTopic: 'Main topic',
    saved: 'Draft saved',
    crisisNow: 'Crisis now',
    crisisOpened:
      'Crisis case opened: the supervisors on duty have been alerted and can join the call.',
    alert: 'A volunteer asked for help with a crisis during a call',
    listen: 'Listen',
    barge: 'Barge in',
    risk: 'Low',
    outcome: 'Advice given',
    submit: 'Finish wrap-up',
    note: 'She says she has pills saved in her drawer; she is safe right now.',
  },
} as const;

/**
 * The live call panel in a real browser, against the real server and a fake Twilio, in each
 * language: the volunteer sees the call's timer, details and who is in it, writes the record
 * while talking (a reload keeps it), presses "crisis now", and the supervisor's wall offers to
 * join the call; the draft becomes the wrap-up.
 */
describe.each(Object.keys(TEXTS) as (keyof typeof TEXTS)[])('the live call panel (%s)', (lang) => {
  const text = TEXTS[lang];
  let centre: CallCentre;
  let hotline: RunningHotline;
  let browser: Browser;
  const problems: string[] = [];
  let topicLabels: Map<string, { 'zh-CN': string; en: string }>;

  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE))
      throw new Error(`${BUILT_PAGE} is missing: run \`npm run build\` before the browser tests`);
    centre = await startCallCentre({
      HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00',
      CONSOLE_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    ({ hotline } = centre);
    browser = await launchBrowser();
    type Topic = { key: string; label: { 'zh-CN': string; en: string }; children?: Topic[] };
    const walk = (topics: Topic[] = []): [string, Topic['label']][] =>
      topics.flatMap((topic) => [[topic.key, topic.label], ...walk(topic.children)]);
    const taxonomy = await hotline.http().get('/api/taxonomy').expect(200);
    topicLabels = new Map(walk(taxonomy.body.topics as Topic[]));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 500));
    await centre?.stop();
  });

  async function signIn(page: Page, person: Person) {
    await page.goto(`${hotline.baseUrl}/console/`);
    await page.getByLabel('邮箱').fill(person.email);
    await page.getByLabel('密码').fill(person.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    if (text.switchTo) await page.getByRole('button', { name: text.switchTo }).click();
  }

  async function pageOf(person: Person, label: string) {
    const { page } = await openPage(browser);
    page.on('pageerror', (error) => problems.push(`${label}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${label} console: ${message.text()}`);
    });
    await signIn(page, person);
    return page;
  }

  it('shows the call, keeps the record typed while talking through a reload, and brings the supervisors with crisis now', async () => {
    const supervisor = await addPerson(hotline, {
      roles: ['supervisor'],
      phone: '+8613900000031',
      name: 'Zhao Supervisor',
    });
    const volunteer = await addPerson(hotline, {
      topicSkills: ['emotional'],
      phone: ownPhone(),
      name: 'Wang Volunteer',
    });
    const wall = await pageOf(supervisor, 'wall');
    await hotline.as(supervisor.token).put('/api/me/presence').send({ state: 'break' }).expect(200);
    const page = await pageOf(volunteer, 'desk');
    await page.getByRole('button', { name: text.available, exact: true }).click();
    await page.locator('[data-state="available"]').waitFor(SEEN);

    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    const dialAction = await call.pickUp(offer.callId);

    // The panel: a running timer, the caller, topic, priority, history, and who is in the call.
    const panel = page.locator(`section.live-call[data-call="${offer.callId}"]`);
    await panel.waitFor(SEEN);
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      text.heading,
    );
    const timer = panel.locator('.live-call__timer');
    await expect(timer.textContent()).resolves.toMatch(text.timer);
    const started = await timer.textContent();
    await eventually(
      async () => ((await timer.textContent()) !== started ? true : undefined),
      'the timer to run',
    );
    await expect(panel.locator('[data-field="callerType"]').textContent()).resolves.toBe(
      text.pupil,
    );
    await expect(panel.locator('[data-field="topic"]').textContent()).resolves.toBe(
      topicLabels.get('emotional')![lang],
    );
    await expect(panel.locator('[data-field="priority"]').textContent()).resolves.toBe(text.normal);
    await expect(panel.locator('[data-field="earlierContacts"]').textContent()).resolves.toBe(
      text.earlier,
    );
    await expect(panel.locator('.live-call__people li').allTextContents()).resolves.toEqual([
      text.you('Wang Volunteer'),
    ]);
    await expect(panel.textContent()).resolves.not.toContain(call.from.slice(3));

    // A supervisor joins the call to listen: the panel says how.
    await hotline
      .as(supervisor.token)
      .post(`/api/calls/${offer.callId}/monitor`)
      .send({ mode: 'listen' })
      .expect(200);
    await panel
      .locator('.live-call__people li[data-mode="listen"]')
      .filter({ hasText: text.listening('Zhao Supervisor') })
      .waitFor(SEEN);

    // The record is written while talking, and saved as typed.
    let form = page.getByRole('form', { name: text.liveForm });
    await form.waitFor(SEEN);
    await expect(form.getByRole('button', { name: text.submit }).count()).resolves.toBe(0);
    // Nothing to send yet, and nothing has run out.
    await expect(form.locator('.wrap-up__late').count()).resolves.toBe(0);
    await form.getByLabel(text.notes).fill(text.note);
    await form
      .getByLabel(text.primaryTopic)
      .selectOption({ label: topicLabels.get('emotional.anxiety_stress')![lang] });
    await form.locator('[data-draft="saved"]').filter({ hasText: text.saved }).waitFor(SEEN);

    // A reload loses nothing: the panel comes back, and the form with what was typed.
    await page.reload();
    await page.locator(`section.live-call[data-call="${offer.callId}"]`).waitFor(SEEN);
    form = page.getByRole('form', { name: text.liveForm });
    await eventually(
      async () =>
        (await form.getByLabel(text.notes).inputValue()) === text.note ? true : undefined,
      'the note read back after the reload',
    );
    await expect(form.getByLabel(text.primaryTopic).inputValue()).resolves.toBe(
      'emotional.anxiety_stress',
    );

    // Crisis now: the case opens at once, and the wall rings with an offer to join the call.
    const crisis = page.getByRole('button', { name: text.crisisNow });
    await crisis.click();
    await page.locator('.notice--info').filter({ hasText: text.crisisOpened }).waitFor(SEEN);
    await page
      .locator('#live-call-crisis-hint')
      .filter({ hasText: text.crisisOpened })
      .waitFor(SEEN);
    await expect(crisis.isDisabled()).resolves.toBe(true);
    const banner = wall.locator('.alerts__item[data-reason="crisis_now"]');
    await banner.waitFor(SEEN);
    await expect(banner.textContent()).resolves.toContain(text.alert);
    const joins: { url: string; body: unknown }[] = [];
    // The joining itself is the conference's (POST /api/calls/:id/monitor): answered here.
    await wall.route('**/api/calls/*/monitor', async (route) => {
      joins.push({ url: route.request().url(), body: route.request().postDataJSON() });
      await route.fulfill({ status: 204 });
    });
    await banner.getByRole('button', { name: text.listen, exact: true }).click();
    await banner.getByRole('button', { name: text.barge, exact: true }).click();
    await eventually(async () => (joins.length === 2 ? true : undefined), 'both join requests');
    expect(joins).toEqual([
      { url: `${hotline.baseUrl}/api/calls/${offer.callId}/monitor`, body: { mode: 'listen' } },
      { url: `${hotline.baseUrl}/api/calls/${offer.callId}/monitor`, body: { mode: 'barge' } },
    ]);
    const cases = await hotline.as(supervisor.token).get('/api/crisis-cases').expect(200);
    expect(cases.body).toContainEqual(
      expect.objectContaining({
        callId: offer.callId,
        trigger: 'crisis_now',
        riskLevel: 'imminent',
        openedBy: volunteer.id,
      }),
    );

    // The call ends: the same form is the wrap-up, with everything typed during the call.
    await call.follow(dialAction, { DialCallStatus: 'completed', DialCallDuration: '120' });
    await call.hangUp();
    await page.locator('[data-state="wrap_up"]').waitFor(SEEN);
    await page.locator('section.live-call').waitFor({ state: 'detached', ...SEEN });
    form = page.getByRole('form', { name: text.wrapUpForm });
    await form.waitFor(SEEN);
    await expect(form.getByLabel(text.notes).inputValue()).resolves.toBe(text.note);
    // The link to join goes with the call: the alert stays until acknowledged.
    await banner.getByRole('button', { name: text.listen, exact: true }).waitFor({
      state: 'detached',
      ...SEEN,
    });
    await form.getByRole('radio', { name: text.risk, exact: true }).check();
    await form
      .getByLabel(lang === 'en' ? 'Outcome' : '处理结果')
      .selectOption({ label: text.outcome });
    await form.getByRole('button', { name: text.submit }).click();
    await page.locator('[data-state="available"]').waitFor(SEEN);

    const contacts = await hotline.as(volunteer.token).get('/api/contacts').expect(200);
    expect(
      (contacts.body as Record<string, unknown>[]).find((record) => record.callId === offer.callId),
    ).toMatchObject({
      categorised: true,
      primaryTopic: 'emotional.anxiety_stress',
      hasNotes: true,
    });
    expect(problems).toEqual([]);
  });
});
