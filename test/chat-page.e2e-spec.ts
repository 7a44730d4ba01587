import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CANNED_REPLIES } from '../apps/hotline/src/hotlines/hotline.entity';
import { launchBrowser, openPage } from './support/browser';
import { ROUTINE_CONTACT, eventually } from './support/duty';
import type { RunningHotline } from './support/hotline-server';
import { type Person, addPerson } from './support/people';
import { type CallCentre, startCallCentre } from './support/twilio';

const BUILT_PAGES = ['chat', 'console'].map((app) =>
  join(process.cwd(), 'dist', app, 'index.html'),
);
const SCREENSHOTS = join(process.cwd(), 'test-output');
/** Long enough for a socket frame to reach the page, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };
/** A small phone, held upright: the page must work from here up. */
const PHONE = { width: 360, height: 640 };
/** Where quick exit goes (`NEUTRAL_SITE`); answered here, the test machine is offline. */
const NEUTRAL_SITE = 'https://www.weather.com.cn/';
const GRACE_SECONDS = 1;

jest.setTimeout(180_000);

/** What each language shows; the pages are driven by these labels, as people read them. */
const TEXTS = {
  'zh-CN': {
    switchTo: null,
    start: '和我们聊聊',
    pupil: '学生',
    danger: '我现在有危险',
    startChat: '开始聊天',
    waiting: '正在为你接通咨询员',
    next: '下一个就是你',
    talking: '正在聊天',
    answered: '咨询员来了，可以开始聊了。',
    composer: '输入消息',
    volunteerTyping: '咨询员正在输入…',
    endChat: '结束聊天',
    endYes: '结束',
    ended: '聊天已结束',
    endedByWriter: '你结束了聊天。',
    endedByVolunteer: '咨询员结束了聊天。',
    quickExit: '快速离开',
    closed: '现在不在服务时间',
    messageLabel: '你的留言',
    sendMessage: '发送留言',
    messageSent: '留言已收到，谢谢你告诉我们。',
    firstWords: '你好，我最近总是睡不着。',
    laterWords: '作业太多了，我很害怕考试。',
    dangerWords: '我现在在天台上。',
    ownWords: '慢慢说。',
    leftWords: '我想找人说说话，明天晚上可以吗？',
    // The console
    available: '可接听',
    chatRequest: '聊天请求！',
    accept: '接听',
    callerPupil: '学生',
    language: '中文',
    canned: '常用回复',
    reply: '回复',
    writerTyping: '来访者正在输入…',
    panelEndedByWriter: '来访者结束了聊天。',
    chatWrapUp: '聊天结束：整理记录',
    primaryTopic: '主要话题',
    risk: '低',
    outcome: '处理结果',
    adviceGiven: '已给予建议',
    submit: '完成整理',
    readJoin: '阅读并加入',
    joinChat: '加入聊天',
    transferTo: '转给',
    supervisorWords: '我是值班督导，我们都在这里陪着你。',
  },
  en: {
    switchTo: 'English',
    start: 'Chat with us',
    pupil: 'A pupil',
    danger: 'I am in danger now',
    startChat: 'Start the chat',
    waiting: 'Finding you a counsellor',
    next: 'You are next',
    talking: 'Chatting',
    answered: 'A counsellor has joined. You can start.',
    composer: 'Your message',
    volunteerTyping: 'The counsellor is typing…',
    endChat: 'End the chat',
    endYes: 'End it',
    ended: 'The chat has ended',
    endedByWriter: 'You ended the chat.',
    endedByVolunteer: 'The counsellor ended the chat.',
    quickExit: 'Quick exit',
    closed: 'We are closed right now',
    messageLabel: 'Your message',
    sendMessage: 'Send the message',
    messageSent: 'We got your message. Thank you for telling us.',
    firstWords: 'Hi, I cannot sleep lately.',
    laterWords: 'There is too much homework and I am scared of the exams.',
    dangerWords: 'I am on the roof right now.',
    ownWords: ' No hurry.',
    leftWords: 'I would like to talk to someone, maybe tomorrow evening?',
    available: 'Available',
    chatRequest: 'Chat request!',
    accept: 'Accept',
    callerPupil: 'Pupil',
    language: 'English',
    canned: 'Canned replies',
    reply: 'Reply',
    writerTyping: 'The writer is typing…',
    panelEndedByWriter: 'The writer ended the chat.',
    chatWrapUp: 'Chat ended: wrap-up',
    primaryTopic: 'Main topic',
    risk: 'Low',
    outcome: 'Outcome',
    adviceGiven: 'Advice given',
    submit: 'Finish wrap-up',
    readJoin: 'Read and join',
    joinChat: 'Join the chat',
    transferTo: 'Transfer to',
    supervisorWords: 'I am the supervisor on duty; we are all here with you.',
  },
} as const;

type Lang = keyof typeof TEXTS;
type Labels = { 'zh-CN': string; en: string };

/**
 * The public chat page in a real browser on a phone-sized screen, talking through the real
 * server to a volunteer's console in another browser, in each language: the questions, the
 * queue, the conversation with typing both ways, a reload that resumes it, the end, the wrap-up
 * into an online record with its transcript; quick exit; a child in danger answered first with
 * a supervisor reading and joining from the wall; and a message left while the hotline is closed.
 */
describe.each(Object.keys(TEXTS) as Lang[])('the chat page and the console (%s)', (lang) => {
  const text = TEXTS[lang];
  let centre: CallCentre;
  let hotline: RunningHotline;
  let browser: Browser;
  const problems: string[] = [];
  let topics: Map<string, Labels>;
  let emotional: string;
  let hotlineCanned: string[];

  beforeAll(async () => {
    for (const page of BUILT_PAGES)
      if (!existsSync(page))
        throw new Error(`${page} is missing: run \`npm run build\` before the browser tests`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // 19:00 on a Monday in the hotline's zone: open (18:00-22:00 by default).
    centre = await startCallCentre({
      HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00',
      CONSOLE_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    hotline = centre.hotline;
    browser = await launchBrowser();
    const info = (await hotline.http().get('/api/public/hotline').expect(200)).body as {
      topics: { key: string; label: Labels }[];
      locale: string;
    };
    topics = new Map(info.topics.map((topic) => [topic.key, topic.label]));
    emotional = topics.get('emotional')![lang];
    const settings = await hotline.as(centre.admin).get(`/api/hotlines/${centre.hotlineId}`);
    // A new hotline's replies: its language's defaults, and the other language's for a chat in it.
    const chat = (settings.body as { chat: Record<string, string[]> }).chat;
    hotlineCanned = chat[info.locale === lang ? 'cannedReplies' : 'secondLanguageCannedReplies'];
    expect(hotlineCanned).toEqual(DEFAULT_CANNED_REPLIES[lang]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 500));
    await centre?.stop();
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  /** Everything a page complains of: errors, and any refused request with its route. */
  function watch(page: Page, label: string): void {
    page.on('pageerror', (error) => problems.push(`${label}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${label} console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400)
        problems.push(
          `${label}: ${response.request().method()} ${response.url()} → ${response.status()}`,
        );
    });
  }

  /** The child's phone: a small screen, the browser in the page's language, the city's time. */
  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      locale: lang === 'en' ? 'en-GB' : 'zh-CN',
      viewport: PHONE,
      timezoneId: 'Asia/Shanghai',
      hasTouch: true,
    });
    const page = await context.newPage();
    watch(page, 'chat page');
    // Quick exit's neutral site, answered without the network.
    await page.route(`${NEUTRAL_SITE}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>天气</title>晴' }),
    );
    return page;
  }

  /** A console signed in, in the test's language. */
  async function consoleOf(person: Person, label: string): Promise<Page> {
    const { page } = await openPage(browser);
    watch(page, label);
    await page.goto(`${hotline.baseUrl}/console/`);
    await page.getByLabel('邮箱').fill(person.email);
    await page.getByLabel('密码').fill(person.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    if (text.switchTo) await page.getByRole('button', { name: text.switchTo }).click();
    return page;
  }

  async function goAvailable(desk: Page): Promise<void> {
    await desk.getByRole('button', { name: text.available, exact: true }).click();
    await desk.locator('[data-state="available"]').waitFor(SEEN);
  }

  /** The chat this tab keeps (its id and resume token), or null. */
  const keptChat = async (page: Page) => {
    const kept = await page.evaluate<string | null>("sessionStorage.getItem('hotline.chat')");
    return kept ? (JSON.parse(kept) as { chatId: string; token: string }) : null;
  };
  const focused = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.id');

  /** A pupil writes about their feelings, and the volunteer takes the chat from the offer. */
  async function chatAnswered(writer: Page, desk: Page): Promise<string> {
    await writer.goto(`${hotline.baseUrl}/chat/`);
    await writer.getByRole('heading', { name: text.start }).waitFor(SEEN);
    await writer.getByLabel(text.pupil, { exact: true }).check();
    await writer.getByLabel(emotional, { exact: true }).check();
    await writer.getByRole('button', { name: text.startChat }).click();
    await writer.getByRole('heading', { name: text.waiting }).waitFor(SEEN);
    const offer = desk.locator('.offer[data-channel="chat"]');
    await offer.waitFor(SEEN);
    await offer.getByRole('button', { name: text.accept }).click();
    await writer.locator('#chat-status').filter({ hasText: text.answered }).waitFor(SEEN);
    return (await keptChat(writer))!.chatId;
  }

  /** Signed off: the next chat is someone else's. */
  const offDuty = (person: Person) =>
    hotline.as(person.token).put('/api/me/presence').send({ state: 'offline' }).expect(200);

  /** Writes a routine record of the chat through the API, freeing the volunteer's place. */
  async function recordThrough(volunteer: Person, chatId: string): Promise<void> {
    await eventually(async () => {
      const answer = await hotline
        .as(volunteer.token)
        .post(`/api/chats/${chatId}/wrap-up`)
        .send(ROUTINE_CONTACT);
      return answer.status === 200 ? true : undefined;
    }, `the record of chat ${chatId}`);
  }

  it('a pupil chats with a volunteer: the queue, typing both ways, a reload, the end, and the online record with its transcript', async () => {
    const volunteer = await addPerson(hotline, {
      topicSkills: ['emotional'],
      name: 'Wang Volunteer',
    });
    const desk = await consoleOf(volunteer, 'desk');
    const writer = await phone();

    // `/chat` as typed; the numbers are there at once, in the page's language.
    await writer.goto(`${hotline.baseUrl}/chat`);
    await writer.getByRole('heading', { name: text.start }).waitFor(SEEN);
    await expect(writer.evaluate('document.documentElement.lang')).resolves.toBe(lang);
    for (const number of ['110', '120', '12356'])
      await expect(writer.locator(`#emergency a[href="tel:${number}"]`).isVisible()).resolves.toBe(
        true,
      );
    // Quick exit comes first in the focus order.
    await writer.keyboard.press('Tab');
    await expect(focused(writer)).resolves.toBe('quick-exit');
    await writer.screenshot({ path: join(SCREENSHOTS, `chat-page-start-${lang}.png`) });

    // Nothing chosen: each question says so, and the focus goes to the first.
    await writer.getByRole('button', { name: text.startChat }).click();
    await writer.locator('[data-question="who"] .problem').waitFor(SEEN);
    await writer.locator('[data-question="topic"] .problem').waitFor(SEEN);
    await expect(focused(writer)).resolves.toBe('who-0');
    await writer.getByLabel(text.pupil, { exact: true }).check();
    await writer.getByLabel(emotional, { exact: true }).check();

    // Nobody available yet: the pupil waits, and can already write.
    await writer.getByRole('button', { name: text.startChat }).click();
    await writer.getByRole('heading', { name: text.waiting }).waitFor(SEEN);
    await writer.locator('#chat-status').filter({ hasText: text.next }).waitFor(SEEN);
    const { chatId, token } = (await keptChat(writer))!;
    await writer.getByLabel(text.composer).fill(text.firstWords);
    await writer.getByLabel(text.composer).press('Enter');
    await writer
      .locator('.message--writer:not(.message--sending)')
      .filter({ hasText: text.firstWords })
      .waitFor(SEEN);
    await writer.screenshot({ path: join(SCREENSHOTS, `chat-page-waiting-${lang}.png`) });

    // The volunteer goes available: the chat rings at once, like a call, and is taken.
    await desk.getByRole('button', { name: text.available, exact: true }).click();
    const offer = desk.locator('.offer[data-channel="chat"]');
    await offer.getByRole('heading', { name: text.chatRequest }).waitFor(SEEN);
    await expect(offer.locator('[data-field="callerType"]').textContent()).resolves.toBe(
      text.callerPupil,
    );
    await expect(offer.locator('[data-field="topic"]').textContent()).resolves.toBe(emotional);
    await expect(offer.locator('[data-field="language"]').textContent()).resolves.toBe(
      text.language,
    );
    await offer.getByRole('button', { name: text.accept }).click();
    await writer.getByRole('heading', { name: text.talking }).waitFor(SEEN);
    await writer.locator('#chat-status').filter({ hasText: text.answered }).waitFor(SEEN);
    const panel = desk.locator(`section.chat-panel[data-chat="${chatId}"]`);
    await panel.waitFor(SEEN);
    // What was written while waiting is read first.
    await panel
      .locator('.chat-log__message--writer')
      .filter({ hasText: text.firstWords })
      .waitFor(SEEN);

    // A canned reply goes into the box, to be read over; then typing shows on the phone.
    const reply = panel.getByLabel(text.reply, { exact: true });
    await panel.getByLabel(text.canned).selectOption({ index: 1 });
    await expect(reply.inputValue()).resolves.toBe(hotlineCanned[0]);
    await reply.press('End');
    await reply.pressSequentially(text.ownWords);
    await writer.locator('#chat-typing').filter({ hasText: text.volunteerTyping }).waitFor(SEEN);
    await reply.press('Enter');
    const answer = `${hotlineCanned[0]}${text.ownWords}`;
    await writer.locator('.message--volunteer').filter({ hasText: answer }).waitFor(SEEN);
    // Sent: no longer typing.
    await writer.locator('#chat-typing:empty').waitFor({ state: 'attached', ...SEEN });
    // Stored, the reply box empties.
    await eventually(
      async () => ((await reply.inputValue()) === '' ? true : undefined),
      'the reply box emptied',
    );

    // The pupil types: the volunteer sees it, then the words.
    await writer.getByLabel(text.composer).pressSequentially(text.laterWords.slice(0, 4));
    await panel.locator('.chat-panel__typing').filter({ hasText: text.writerTyping }).waitFor(SEEN);
    await writer.getByLabel(text.composer).fill(text.laterWords);
    await writer
      .getByRole('button', { name: lang === 'en' ? 'Send' : '发送', exact: true })
      .click();
    await panel
      .locator('.chat-log__message--writer')
      .filter({ hasText: text.laterWords })
      .waitFor(SEEN);
    await writer.screenshot({ path: join(SCREENSHOTS, `chat-page-talking-${lang}.png`) });
    await desk.screenshot({ path: join(SCREENSHOTS, `chat-panel-${lang}.png`), fullPage: true });

    // A reload comes back to the same chat, everything in it.
    await writer.reload();
    await writer.getByRole('heading', { name: text.talking }).waitFor(SEEN);
    await writer.locator('.message--volunteer').filter({ hasText: answer }).waitFor(SEEN);
    await expect(writer.locator('.chat__log .message').allTextContents()).resolves.toEqual([
      expect.stringContaining(text.firstWords),
      expect.stringContaining(answer),
      expect.stringContaining(text.laterWords),
    ]);
    await expect(keptChat(writer)).resolves.toEqual({ chatId, token });

    // The pupil ends it (asked again first); the tab forgets it.
    await writer.getByRole('button', { name: text.endChat }).click();
    await writer.getByRole('button', { name: text.endYes, exact: true }).click();
    await writer.getByRole('heading', { name: text.ended }).waitFor(SEEN);
    await writer.getByText(text.endedByWriter).waitFor(SEEN);
    await expect(keptChat(writer)).resolves.toBeNull();

    // The volunteer's panel stays, closed, with the wrap-up beside it; the record is online.
    await panel
      .locator('[data-end-reason="writer"]')
      .filter({ hasText: text.panelEndedByWriter })
      .waitFor(SEEN);
    const form = desk.getByRole('form', { name: text.chatWrapUp });
    await form.waitFor(SEEN);
    await form.getByLabel(text.primaryTopic).selectOption('emotional.anxiety_stress');
    await form.getByRole('radio', { name: text.risk, exact: true }).check();
    await form.getByLabel(text.outcome).selectOption({ label: text.adviceGiven });
    await form.getByRole('button', { name: text.submit }).click();
    await form.waitFor({ state: 'detached', ...SEEN });
    await panel.waitFor({ state: 'detached', ...SEEN });

    const contacts = await hotline.as(volunteer.token).get('/api/contacts').expect(200);
    expect(
      (contacts.body as Record<string, unknown>[]).find((record) => record.chatId === chatId),
    ).toMatchObject({ channel: 'online', primaryTopic: 'emotional.anxiety_stress' });
    const transcript = await hotline
      .as(volunteer.token)
      .get(`/api/chats/${chatId}/transcript`)
      .expect(200);
    const said = (transcript.body as { messages: { from: string; text: string }[] }).messages;
    expect(said.filter((one) => one.from !== 'system').map((one) => [one.from, one.text])).toEqual([
      ['writer', text.firstWords],
      ['volunteer', answer],
      ['writer', text.laterWords],
    ]);
    await offDuty(volunteer);
  });

  it('quick exit (Esc) leaves at once for a neutral site, clears the tab, and ends the chat', async () => {
    const volunteer = await addPerson(hotline, {
      topicSkills: ['emotional'],
      name: 'Li Volunteer',
    });
    const desk = await consoleOf(volunteer, 'desk');
    await goAvailable(desk);
    const writer = await phone();
    const chatId = await chatAnswered(writer, desk);

    await writer.getByLabel(text.composer).fill(text.firstWords);
    await writer.keyboard.press('Escape');
    await writer.waitForURL(NEUTRAL_SITE, SEEN);
    // The chat page is not one Back away: it was replaced.
    await writer.goBack().catch(() => undefined);
    expect(writer.url()).not.toContain('/chat');

    // The volunteer sees the chat ended by the writer.
    const panel = desk.locator(`section.chat-panel[data-chat="${chatId}"]`);
    await panel.locator('[data-end-reason="writer"]').waitFor(SEEN);
    await expect(panel.textContent()).resolves.not.toContain(text.firstWords);

    // The same tab, back on the page, finds nothing kept: a new chat, not the old one.
    await writer.goto(`${hotline.baseUrl}/chat/`);
    await writer.getByRole('heading', { name: text.start }).waitFor(SEEN);
    await expect(keptChat(writer)).resolves.toBeNull();
    // And the link itself leaves too, from the keyboard as from a tap.
    await writer.getByRole('link', { name: text.quickExit }).tap();
    await writer.waitForURL(NEUTRAL_SITE, SEEN);

    await recordThrough(volunteer, chatId);
    await offDuty(volunteer);
  });

  it('a child in danger is answered first and the wall alerted; a supervisor reads the chat and joins it', async () => {
    const supervisor = await addPerson(hotline, {
      roles: ['supervisor'],
      name: 'Zhao Supervisor',
      phone: '+8613900000031',
    });
    const volunteer = await addPerson(hotline, {
      topicSkills: ['emotional'],
      name: 'Chen Volunteer',
    });
    const wall = await consoleOf(supervisor, 'wall');
    await hotline.as(supervisor.token).put('/api/me/presence').send({ state: 'break' }).expect(200);
    const desk = await consoleOf(volunteer, 'desk');
    const writer = await phone();

    // In danger nothing else is asked.
    await writer.goto(`${hotline.baseUrl}/chat/`);
    await writer.getByLabel(text.danger).check();
    await writer.getByRole('button', { name: text.startChat }).click();
    await writer.getByRole('heading', { name: text.waiting }).waitFor(SEEN);
    const { chatId } = (await keptChat(writer))!;
    await writer.getByLabel(text.composer).fill(text.dangerWords);
    await writer.getByLabel(text.composer).press('Enter');

    // The wall rings with the chat's alert; the chat waits there, a crisis.
    const alert = wall.locator('.alerts__item[data-reason="danger_key"]');
    await alert.waitFor(SEEN);
    const row = wall.locator(`tr[data-call="${chatId}"][data-channel="chat"]`);
    await row.locator('.badge--crisis').waitFor(SEEN);

    // Available, and at once offered the crisis chat.
    await desk.getByRole('button', { name: text.available, exact: true }).click();
    const offer = desk.locator('.offer--crisis[data-channel="chat"]');
    await offer.getByRole('button', { name: text.accept }).click();
    await writer.getByRole('heading', { name: text.talking }).waitFor(SEEN);

    // The supervisor reads it from the wall and joins: the whole conversation, then a word.
    // From the chat's row on the wall, or from its alert: the same join.
    if (lang === 'en') await row.getByRole('button', { name: text.readJoin }).click();
    else await alert.getByRole('button', { name: text.joinChat }).click();
    await alert
      .getByRole('button', { name: text.joinChat })
      .waitFor({ state: 'detached', ...SEEN });
    const joined = wall.locator(`.wall__chats section.chat-panel[data-chat="${chatId}"]`);
    await joined
      .locator('.chat-log__message--writer')
      .filter({ hasText: text.dangerWords })
      .waitFor(SEEN);
    await joined.getByLabel(text.reply, { exact: true }).fill(text.supervisorWords);
    await joined.getByLabel(text.reply, { exact: true }).press('Enter');
    await writer
      .locator('.message--volunteer')
      .filter({ hasText: text.supervisorWords })
      .waitFor(SEEN);
    await wall.screenshot({ path: join(SCREENSHOTS, `chat-wall-${lang}.png`), fullPage: true });
    const panel = desk.locator(`section.chat-panel[data-chat="${chatId}"]`);
    await panel
      .locator('.chat-log__message--volunteer')
      .filter({ hasText: text.supervisorWords })
      .waitFor(SEEN);

    // The volunteer ends it: the phone says so, the supervisor's panel goes.
    await panel.locator('[data-control="end-chat"]').click();
    await panel.locator('[data-control="end-chat-confirm"]').click();
    await writer.getByText(text.endedByVolunteer).waitFor(SEEN);
    await joined.waitFor({ state: 'detached', ...SEEN });
    await writer.screenshot({ path: join(SCREENSHOTS, `chat-page-ended-${lang}.png`) });

    await recordThrough(volunteer, chatId);
    await offDuty(volunteer);
  });

  it('a chat sent back to the queue waits again on the phone, and a colleague takes it with everything said', async () => {
    const first = await addPerson(hotline, { topicSkills: ['emotional'], name: 'Sun Volunteer' });
    const second = await addPerson(hotline, { topicSkills: ['emotional'], name: 'Zhou Volunteer' });
    const desk = await consoleOf(first, 'first desk');
    await goAvailable(desk);
    const writer = await phone();
    const chatId = await chatAnswered(writer, desk);
    await writer.getByLabel(text.composer).fill(text.firstWords);
    await writer.getByLabel(text.composer).press('Enter');
    const panel = desk.locator(`section.chat-panel[data-chat="${chatId}"]`);
    await panel
      .locator('.chat-log__message--writer')
      .filter({ hasText: text.firstWords })
      .waitFor(SEEN);

    // Back to the queue: two deliberate steps; the panel goes, and no record is asked.
    await panel.getByLabel(text.transferTo).selectOption('queue');
    await panel.locator('[data-control="transfer-chat"]').click();
    await panel.waitFor({ state: 'detached', ...SEEN });
    await expect(desk.getByRole('form', { name: text.chatWrapUp }).count()).resolves.toBe(0);
    await writer.getByRole('heading', { name: text.waiting }).waitFor(SEEN);

    // The colleague goes available and takes it, with what was written.
    await offDuty(first);
    const colleague = await consoleOf(second, 'second desk');
    await colleague.getByRole('button', { name: text.available, exact: true }).click();
    await colleague
      .locator('.offer[data-channel="chat"]')
      .getByRole('button', { name: text.accept })
      .click();
    await writer.getByRole('heading', { name: text.talking }).waitFor(SEEN);
    const taken = colleague.locator(`section.chat-panel[data-chat="${chatId}"]`);
    await taken
      .locator('.chat-log__message--writer')
      .filter({ hasText: text.firstWords })
      .waitFor(SEEN);

    await taken.locator('[data-control="end-chat"]').click();
    await taken.locator('[data-control="end-chat-confirm"]').click();
    await writer.getByText(text.endedByVolunteer).waitFor(SEEN);
    await recordThrough(second, chatId);
    await offDuty(second);
  });

  it('closed: the hours and the numbers, and a message left joins the call-back list', async () => {
    const { admin, hotlineId } = centre;
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ closures: [{ date: '2026-11-23', reason: 'training' }] })
      .expect(200);
    try {
      const writer = await phone();
      await writer.goto(`${hotline.baseUrl}/chat/`);
      await writer.getByRole('heading', { name: text.closed }).waitFor(SEEN);
      await writer.locator('.closed__calls a[href="tel:12356"]').waitFor(SEEN);
      await writer.locator('.hours__list dd').first().waitFor(SEEN);
      await expect(writer.locator('.hours__list dd').first().textContent()).resolves.toBe(
        '18:00–22:00',
      );
      await writer.getByLabel(text.pupil, { exact: true }).check();
      await writer.getByLabel(emotional, { exact: true }).check();
      await writer.getByLabel(text.messageLabel).fill(text.leftWords);
      await writer.getByRole('button', { name: text.sendMessage }).click();
      await writer.getByText(text.messageSent).waitFor(SEEN);
      await writer.screenshot({
        path: join(SCREENSHOTS, `chat-page-closed-${lang}.png`),
        fullPage: true,
      });

      const supervisor = await addPerson(hotline, { roles: ['supervisor'] });
      const list = await hotline
        .as(supervisor.token)
        .get(`/api/callback-requests?hotlineId=${hotlineId}`)
        .expect(200);
      const left = list.body.items.find((item: { source: string }) => item.source === 'chat');
      expect(left).toMatchObject({ hasText: true, callerType: 'pupil', topic: 'emotional' });
      const read = await hotline
        .as(supervisor.token)
        .get(`/api/callback-requests/${left.id}/text`)
        .expect(200);
      expect(read.body).toEqual({ text: text.leftWords });
    } finally {
      await hotline
        .as(admin)
        .patch(`/api/hotlines/${hotlineId}`)
        .send({ closures: [] })
        .expect(200);
    }
  });
});
