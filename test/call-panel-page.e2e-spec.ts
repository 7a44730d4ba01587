import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { callRecord, duty, eventually } from './support/duty';
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
    hold: '保持来电',
    resume: '恢复通话',
    onHold: '来电者处于保持状态。',
    mute: '静音',
    unmute: '取消静音',
    muted: (name: string) => `${name}（你） 正在通话 · 已静音`,
    transferTopic: '转接到话题',
    transfer: '转回队列',
    colleague: '同事',
    colleagueOption: (name: string) => `志愿者 ${name}`,
    warmStart: '先与同事沟通',
    warmComplete: '交给同事',
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
    hold: 'Hold caller',
    resume: 'Resume caller',
    onHold: 'The caller is on hold.',
    mute: 'Mute',
    unmute: 'Unmute',
    muted: (name: string) => `${name} (you), talking · muted`,
    transferTopic: 'Transfer to topic',
    transfer: 'Transfer to the queue',
    colleague: 'Colleague',
    colleagueOption: (name: string) => `Volunteer ${name}`,
    warmStart: 'Talk to them first',
    warmComplete: 'Hand the caller over',
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
  let twilio: FakeTwilio;
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
    ({ hotline, twilio } = centre);
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
    // Which request a refusal answered, beside the browser's own line about it.
    page.on('response', (response) => {
      if (response.status() >= 400)
        problems.push(
          `${label}: ${response.request().method()} ${response.url()} → ${response.status()}`,
        );
    });
    await signIn(page, person);
    return page;
  }

  /** The volunteer on `page` goes available and answers a pupil's call about emotions. */
  async function answered(page: Page, volunteer: Person) {
    await page.getByRole('button', { name: text.available, exact: true }).click();
    await page.locator('[data-state="available"]').waitFor(SEEN);
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    const dialAction = await call.pickUp(offer.callId);
    const panel = page.locator(`section.live-call[data-call="${offer.callId}"]`);
    await panel.waitFor(SEEN);
    return { call, offer, dialAction, panel };
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
    const { call, offer, dialAction, panel } = await answered(page, volunteer);

    // The panel: a running timer, the caller, topic, priority, history, and who is in the call.
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
    // Signed off: the next call is someone else's.
    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'offline' })
      .expect(200);
    expect(problems).toEqual([]);
  });

  it('holds the caller, mutes the volunteer and transfers the caller cold to another topic, from the keyboard', async () => {
    const volunteer = await addPerson(hotline, {
      topicSkills: ['emotional'],
      phone: ownPhone(),
      name: 'Li Volunteer',
    });
    const page = await pageOf(volunteer, 'controls');
    const { call, offer, panel } = await answered(page, volunteer);
    const atTwilio = (sid: string) =>
      twilio.conferences.find(call.conference!.sid)!.participants.get(sid)!;

    // Hold from the keyboard: Twilio plays the caller hold music, the panel says so.
    const hold = panel.getByRole('button', { name: text.hold, exact: true });
    await hold.focus();
    await page.keyboard.press('Enter');
    const resume = panel.getByRole('button', { name: text.resume, exact: true });
    await resume.waitFor(SEEN);
    await panel.locator('.live-call__hold').filter({ hasText: text.onHold }).waitFor(SEEN);
    expect(atTwilio(call.callSid).hold).toBe(true);
    await resume.focus();
    await page.keyboard.press('Space');
    await hold.waitFor(SEEN);
    await panel.locator('.live-call__hold').waitFor({ state: 'detached', ...SEEN });
    expect(atTwilio(call.callSid).hold).toBe(false);

    // Mute: the volunteer's own leg at Twilio, and the panel marks them muted.
    await panel.getByRole('button', { name: text.mute, exact: true }).click();
    await panel.getByRole('button', { name: text.unmute, exact: true }).waitFor(SEEN);
    await expect(panel.locator('.live-call__people li').allTextContents()).resolves.toEqual([
      text.muted('Li Volunteer'),
    ]);
    expect(atTwilio(call.volunteerLeg).muted).toBe(true);
    await panel.getByRole('button', { name: text.unmute, exact: true }).click();
    await panel.getByRole('button', { name: text.mute, exact: true }).waitFor(SEEN);
    expect(atTwilio(call.volunteerLeg).muted).toBe(false);

    // The transfer waits for a topic; then the caller goes back to the queue for it.
    const transfer = panel.getByRole('button', { name: text.transfer, exact: true });
    await expect(transfer.isDisabled()).resolves.toBe(true);
    await panel.getByLabel(text.transferTopic).selectOption({
      label: topicLabels.get('learning')![lang],
    });
    const before = twilio.requests.length;
    await transfer.focus();
    await page.keyboard.press('Enter');
    const moved = await twilio.next(
      (request) =>
        twilio.requests.indexOf(request) >= before &&
        request.path.endsWith(`/Calls/${call.callSid}.json`),
    );
    expect(moved.params.Url).toBe(`https://hotline.test/twilio/voice/connect?call=${offer.callId}`);
    await page.locator('[data-state="wrap_up"]').waitFor(SEEN);
    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.conferenceEvent('conference-end');
    await panel.waitFor({ state: 'detached', ...SEEN });
    expect((await call.follow(moved.params.Url)).twiml).toContain('<Enqueue');
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'waiting',
      topic: 'learning',
      volunteer_id: null,
    });
    await call.hangUp();
    expect(problems).toEqual([]);
  });

  it('transfers the caller warm to a colleague picked on the panel, who then has the call', async () => {
    const volunteer = await addPerson(hotline, {
      topicSkills: ['emotional'],
      phone: ownPhone(),
      name: 'Zhao Volunteer',
    });
    const colleague = await addPerson(hotline, {
      topicSkills: ['learning'],
      phone: ownPhone(),
      name: `Qian ${lang}`,
    });
    const page = await pageOf(volunteer, 'warm');
    const { call, offer, dialAction, panel } = await answered(page, volunteer);
    await duty(hotline, colleague).available();
    const atTwilio = () => twilio.conferences.find(call.conference!.sid)!.participants;

    // The picker lists those available when opened; the volunteer talks to them first.
    const picker = panel.getByLabel(text.colleague, { exact: true });
    await picker.focus();
    const option = text.colleagueOption(`Qian ${lang}`);
    await picker.locator('option', { hasText: option }).waitFor({ state: 'attached', ...SEEN });
    await picker.selectOption({ label: option });
    await panel.getByRole('button', { name: text.warmStart, exact: true }).click();
    await panel.locator('.live-call__hold').filter({ hasText: text.onHold }).waitFor(SEEN);
    expect(atTwilio().get(call.callSid)!.hold).toBe(true);
    const leg = [...atTwilio().values()].find((one) => one.label === `colleague-${colleague.id}`)!;
    await call.conferenceEvent('participant-join', leg.callSid, leg.label!);

    // Handed over: the volunteer's panel closes, the call and its record are the colleague's.
    await panel.getByRole('button', { name: text.warmComplete, exact: true }).click();
    await panel.waitFor({ state: 'detached', ...SEEN });
    expect(atTwilio().get(call.callSid)!.hold).toBe(false);
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      status: 'talking',
      volunteer_id: colleague.id,
    });
    await call.conferenceEvent('participant-leave', call.callSid, 'caller');
    await call.follow(dialAction, { DialCallStatus: 'completed', DialCallDuration: '0' });
    await call.hangUp();
    await duty(hotline, colleague).wrapUp(offer.callId).expect(200);
    for (const person of [volunteer, colleague])
      await hotline.as(person.token).put('/api/me/presence').send({ state: 'offline' }).expect(200);
    expect(problems).toEqual([]);
  });
});
