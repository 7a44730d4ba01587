import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { duty } from './support/duty';
import type { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

const BUILT_PAGE = join(process.cwd(), 'dist', 'booking', 'index.html');
/**
 * The console bundle: the server's own (dist/console), or a build elsewhere that the browser
 * is given in its place (CONSOLE_BUNDLE=.build/…/console), while dist/console is in use.
 */
const CONSOLE_BUNDLE = process.env.CONSOLE_BUNDLE;
const SCREENSHOTS = join(process.cwd(), 'test-output');
/** Long enough for the page to load and the server to answer, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };
const PHONE = { width: 390, height: 844 };
const ADDRESS = '杭州市上城区解放路 1 号 3 楼';
const GRACE_SECONDS = 1;

jest.setTimeout(120_000);

type Slot = { start: string; localDate: string; localTime: string };
type StaffBooking = {
  id: string;
  reference: string;
  status: string;
  start: string;
  parentName: string | null;
  childAgeBand: string | null;
  topic: string;
  callId: string | null;
};

/** An expert free every day from 09:00 to 12:00 in one room, the centre's address set. */
async function openTheCentre(centre: CallCentre): Promise<Person> {
  const { hotline, admin } = centre;
  const expert = await addPerson(hotline, { name: '李老师 Li' });
  await hotline.as(admin).post('/api/rooms').send({ name: '咨询室 1' }).expect(201);
  await hotline
    .as(admin)
    .patch('/api/booking-settings')
    .send({ centreAddress: ADDRESS })
    .expect(200);
  for (let weekday = 1; weekday <= 7; weekday += 1)
    await hotline
      .as(admin)
      .post('/api/availability')
      .send({ volunteerId: expert.id, weekday, startTime: '09:00', endTime: '12:00' })
      .expect(201);
  return expert;
}

async function freeSlots(hotline: RunningHotline, topic: string): Promise<Slot[]> {
  const options = (await hotline.http().get('/api/public/booking-options').expect(200)).body as {
    timeZone: string;
    horizonDays: number;
  };
  // The days the page asks for: from today through the horizon (at most 31).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone }).format(new Date());
  const days = Math.min(options.horizonDays, 31) - 1;
  const to = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const answer = await hotline
    .http()
    .get(`/api/public/slots?from=${today}&to=${to}&topic=${topic}`)
    .expect(200);
  return answer.body.slots as Slot[];
}

async function bookingsOn(centre: CallCentre, date: string): Promise<StaffBooking[]> {
  return (await centre.hotline.as(centre.admin).get(`/api/bookings?date=${date}`).expect(200))
    .body as StaffBooking[];
}

/** The texts the server asked Twilio to send to a number. */
const textsTo = (centre: CallCentre, to: string) =>
  centre.twilio.requests
    .filter((request) => request.path.endsWith('/Messages.json') && request.params.To === to)
    .map((request) => request.params.Body);

/**
 * The parents' booking page in a real browser on a phone-sized screen, against the real server:
 * a parent books a session, gets the reference and a text, then cancels through the link; a
 * time taken meanwhile offers the nearest free ones.
 */
describe('the booking page', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE))
      throw new Error(
        `${BUILT_PAGE} is missing: run \`npm run build\` (or \`npx vite build --config apps/booking-page/vite.config.mts\`) first`,
      );
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The real clock: the browser's today is the hotline's, as for a parent at home.
    centre = await startCallCentre({ BOOKING_RATE_LIMIT: '1000' });
    hotline = centre.hotline;
    await openTheCentre(centre);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await centre?.stop();
  });

  async function phonePage(locale: string): Promise<{ page: Page; problems: string[] }> {
    const opened = await openPage(browser, locale);
    await opened.page.setViewportSize(PHONE);
    return opened;
  }

  it('books a session in Chinese on a phone, texts the parent, and cancels through the link', async () => {
    const { page, problems } = await phonePage('zh-CN');
    // `/book` as typed works too.
    await page.goto(`${hotline.baseUrl}/book`);
    await page.getByRole('heading', { name: '您想谈什么？' }).waitFor(SEEN);
    await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('zh-CN');
    await page.getByRole('button', { name: '学习问题' }).click();

    // Step 2: free times only, grouped by day, as the API lists them.
    await page.getByRole('heading', { name: '选择日期和时间' }).waitFor(SEEN);
    const times = page.locator('button.time');
    await times.first().waitFor(SEEN);
    const free = await freeSlots(hotline, 'learning');
    const shownStarts = await times.evaluateAll((all) =>
      all.map((button) => button.getAttribute('data-start')),
    );
    expect(shownStarts).toEqual(free.map((slot) => slot.start));
    const chosen = free[0];
    const day = page.locator(`section.day[data-date="${chosen.localDate}"]`);
    await expect(day.locator('button.time').first().textContent()).resolves.toBe(chosen.localTime);
    await day.locator(`button[data-start="${chosen.start}"]`).click();

    // Step 3: details; a missing consent is said beside the box before anything is sent.
    await page.getByRole('heading', { name: '您的信息' }).waitFor(SEEN);
    await page.getByLabel('您的姓名（家长或监护人）').fill('王芳');
    // Digits, but no number a text can reach: the server refuses it, beside the field.
    await page.getByLabel('手机号码').fill('12345');
    await page.getByLabel('孩子的年龄或年级').selectOption('age:12_14');
    await page.getByLabel('简单说说情况（可不填）').fill('孩子最近不想上学');
    await expect(page.locator('#description-counter').textContent()).resolves.toBe('8/500');
    await page.getByRole('button', { name: '下一步' }).click();
    const consent = page.locator('[data-field="consent"] .problem');
    await consent.waitFor(SEEN);
    await expect(consent.textContent()).resolves.toBe('请勾选同意，才能预约。');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('heading', { name: '请确认预约' }).waitFor(SEEN);
    await expect(page.locator('[data-summary="where"]').textContent()).resolves.toBe(ADDRESS);
    await page.getByRole('button', { name: '确认预约' }).click();
    const phoneProblem = page.locator('[data-field="phone"] .problem');
    await phoneProblem.waitFor(SEEN);
    await expect(phoneProblem.textContent()).resolves.toBe('这个号码看起来不对，请检查。');
    await expect(page.getByLabel('手机号码').getAttribute('aria-invalid')).resolves.toBe('true');
    // What was typed is still there.
    await expect(page.getByLabel('您的姓名（家长或监护人）').inputValue()).resolves.toBe('王芳');

    await page.getByLabel('手机号码').fill('139 1234 5678');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '确认预约' }).click();

    // Booked: the reference large on screen, when and where, the text, the manage link.
    await page.getByRole('heading', { name: '预约成功' }).waitFor(SEEN);
    const reference = (await page.locator('[data-reference]').textContent())!;
    expect(reference).toMatch(/\w{4,}/);
    await expect(page.locator('[data-summary="where"]').textContent()).resolves.toBe(ADDRESS);
    await expect(page.locator('[data-summary="when"]').textContent()).resolves.toContain(
      chosen.localTime,
    );
    await expect(page.getByText('我们已发短信给您').count()).resolves.toBe(1);
    const manageUrl = (await page.locator('[data-manage]').getAttribute('href'))!;
    const token = new URL(manageUrl).searchParams.get('manage')!;
    expect(new URL(manageUrl).pathname).toBe('/book/');
    // Large and within the screen.
    const box = (await page.locator('[data-reference]').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(SCREENSHOTS, 'booking-page-booked.png'), fullPage: true });

    // The booking exists for the staff, and the parent got a text with its reference.
    const booked = (await bookingsOn(centre, chosen.localDate)).find(
      (one) => one.reference === reference,
    );
    expect(booked).toMatchObject({
      status: 'booked',
      start: chosen.start,
      parentName: '王芳',
      childAgeBand: '12_14',
      topic: 'learning',
    });
    const text = await centre.twilio.next(
      (request) =>
        request.path.endsWith('/Messages.json') && request.params.To === '+8613912345678',
    );
    expect(text.params.Body).toContain(reference);
    expect(text.params.Body).toContain(token);

    // The manage link: the booking, then cancelled after a confirmation.
    await page.goto(`${hotline.baseUrl}/book/?manage=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: '您的预约' }).waitFor(SEEN);
    await expect(page.locator('[data-reference]').textContent()).resolves.toBe(reference);
    await expect(page.locator('[data-summary="status"]').textContent()).resolves.toBe('已预约');
    await page.getByRole('button', { name: '取消预约' }).click();
    await page.getByRole('alertdialog').waitFor(SEEN);
    await page.getByRole('button', { name: '是的，取消' }).click();
    await page.getByRole('heading', { name: '预约已取消。' }).waitFor(SEEN);
    await page.screenshot({ path: join(SCREENSHOTS, 'booking-page-phone.png'), fullPage: true });
    expect(
      (await bookingsOn(centre, chosen.localDate)).find((one) => one.reference === reference)
        ?.status,
    ).toBe('cancelled');

    // The time is free again; an unknown link says so plainly.
    expect((await freeSlots(hotline, 'learning')).map((slot) => slot.start)).toContain(
      chosen.start,
    );
    await page.goto(`${hotline.baseUrl}/book/?manage=not-a-real-token`);
    await page.getByRole('heading', { name: '这个链接已失效' }).waitFor(SEEN);
    expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
  });

  it('offers the nearest free times in English when the chosen one was just taken', async () => {
    const { page, problems } = await phonePage('en-GB');
    await page.goto(`${hotline.baseUrl}/book/`);
    await page.getByRole('heading', { name: 'What would you like to talk about?' }).waitFor(SEEN);
    await page.getByRole('button', { name: 'Emotional problems' }).click();
    await page.locator('button.time').first().waitFor(SEEN);

    // Someone else takes the first free time while the page still shows it.
    const [taken] = await freeSlots(hotline, 'emotional');
    await hotline
      .http()
      .post('/api/public/bookings')
      .send({
        start: taken.start,
        topic: 'emotional',
        parentName: 'Other parent',
        phone: '13800001111',
        childAgeBand: '6_11',
        consent: true,
        language: 'en',
      })
      .expect(201);

    await page.locator(`button.time[data-start="${taken.start}"]`).click();
    await page.getByLabel('Your name (parent or guardian)').fill('Anna Smith');
    await page.getByLabel('Mobile phone number').fill('+86 139 8765 4321');
    await page.getByLabel("Your child's age or school year").selectOption('grade:junior_2');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Book this session' }).click();

    await page.getByRole('heading', { name: 'That time was just taken' }).waitFor(SEEN);
    const alternatives = page.locator('.alternatives button');
    await alternatives.first().waitFor(SEEN);
    const offered = await alternatives.evaluateAll((all) =>
      all.map((button) => button.getAttribute('data-start')),
    );
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain(taken.start);
    await page.screenshot({ path: join(SCREENSHOTS, 'booking-page-taken.png'), fullPage: true });

    await alternatives.first().click();
    await page.getByRole('button', { name: 'Book this session' }).click();
    await page.getByRole('heading', { name: 'You are booked' }).waitFor(SEEN);
    const reference = (await page.locator('[data-reference]').textContent())!;
    const mine = offered[0]!;
    const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(mine),
    );
    expect(
      (await bookingsOn(centre, localDate)).find((one) => one.reference === reference),
    ).toMatchObject({ status: 'booked', start: mine, parentName: 'Anna Smith' });
    await centre.twilio.next(
      (request) =>
        request.path.endsWith('/Messages.json') &&
        request.params.To === '+8613987654321' &&
        request.params.Body.includes(reference),
    );
    // The language can be switched back to Chinese.
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('heading', { name: '预约成功' }).waitFor(SEEN);
    expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
  });

  it('shows the emergency numbers before any time after a crisis topic, and in every footer', async () => {
    const { page, problems } = await phonePage('zh-CN');
    const slotQuestions: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/public/slots')
        slotQuestions.push(request.url());
    });
    const options = (await hotline.http().get('/api/public/booking-options').expect(200)).body as {
      hotlinePhone: string | null;
    };
    expect(options.hotlinePhone).toBeTruthy();
    const hotlinePhone = options.hotlinePhone!;
    const dialled = `tel:${hotlinePhone.replace(/[^\d+]/g, '')}`;

    /** The footer's three national numbers, as links to call, in the page's language. */
    async function footerCalls(names: [string, string, string]): Promise<void> {
      const footer = page.getByRole('contentinfo');
      for (const [number, name] of [
        ['110', names[0]],
        ['120', names[1]],
        ['12356', names[2]],
      ]) {
        const link = footer.getByRole('link', { name: `${number} ${name}` });
        await expect(link.getAttribute('href')).resolves.toBe(`tel:${number}`);
      }
    }

    await page.goto(`${hotline.baseUrl}/book/`);
    await page.getByRole('heading', { name: '您想谈什么？' }).waitFor(SEEN);
    await footerCalls(['报警', '急救', '全国心理援助热线']);
    await page.getByRole('button', { name: '自伤与自杀' }).click();

    // The numbers first, to call now, with the hotline's own; no time offered or asked for yet.
    await page.getByRole('heading', { name: '孩子现在有危险吗？' }).waitFor(SEEN);
    const main = page.getByRole('main');
    const calls: [string, string][] = [
      ['tel:110', '110 报警 立即拨打'],
      ['tel:120', '120 急救 立即拨打'],
      ['tel:12356', '12356 全国心理援助热线 立即拨打'],
      [dialled, `${hotlinePhone} 我们的热线`],
    ];
    for (const [href, name] of calls) {
      const link = main.getByRole('link', { name });
      await expect(link.getAttribute('href')).resolves.toBe(href);
      // Big enough to tap on a phone, and within the screen.
      const box = (await link.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(48);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await expect(page.locator('button.time').count()).resolves.toBe(0);
    expect(slotQuestions).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'booking-page-crisis.png'), fullPage: true });

    // Still wanting a session: on to the times, and Back leads to the numbers again.
    await page.getByRole('button', { name: '继续预约面谈' }).click();
    await page.getByRole('heading', { name: '选择日期和时间' }).waitFor(SEEN);
    await page.locator('button.time').first().waitFor(SEEN);
    await footerCalls(['报警', '急救', '全国心理援助热线']);
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('heading', { name: '孩子现在有危险吗？' }).waitFor(SEEN);

    // In English, the violence topic does the same, and the footer speaks English.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Is your child in danger right now?' }).waitFor(SEEN);
    await footerCalls(['Police', 'Ambulance', 'National psychological help line']);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Violence and bullying' }).click();
    await page.getByRole('heading', { name: 'Is your child in danger right now?' }).waitFor(SEEN);
    await expect(
      main.getByRole('link', { name: '12356 National psychological help line' }).count(),
    ).resolves.toBe(1);

    // A manage page and a waitlist offer's page carry the footer too.
    const [free] = await freeSlots(hotline, 'self_harm_suicide');
    const booked = await hotline
      .http()
      .post('/api/public/bookings')
      .send({
        start: free.start,
        topic: 'self_harm_suicide',
        parentName: '赵女士',
        phone: '13700002222',
        childAgeBand: '12_14',
        consent: true,
        language: 'zh-CN',
      })
      .expect(201);
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.goto(
      `${hotline.baseUrl}/book/?manage=${encodeURIComponent(booked.body.manageToken as string)}`,
    );
    await page.getByRole('heading', { name: '您的预约' }).waitFor(SEEN);
    await footerCalls(['报警', '急救', '全国心理援助热线']);
    await expect(
      page
        .getByRole('contentinfo')
        .getByRole('link', { name: `${hotlinePhone} 本热线` })
        .getAttribute('href'),
    ).resolves.toBe(dialled);
    await page.screenshot({
      path: join(SCREENSHOTS, 'booking-page-manage-footer.png'),
      fullPage: true,
    });
    await page.goto(`${hotline.baseUrl}/book/?offer=not-a-real-offer`);
    await page.getByRole('heading', { name: '这个空位已过期或已被使用。' }).waitFor(SEEN);
    await footerCalls(['报警', '急救', '全国心理援助热线']);
    expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
  });
});

/** Serves the console from CONSOLE_BUNDLE instead of the server's dist/console, when set. */
async function useConsoleBundle(page: Page): Promise<void> {
  if (!CONSOLE_BUNDLE) return;
  const root = normalize(CONSOLE_BUNDLE);
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  await page.route('**/console/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/console\/?/, '');
    const file = join(root, normalize(path || 'index.html'));
    if (!file.startsWith(root) || !existsSync(file)) return route.fallback();
    await route.fulfill({
      body: readFileSync(file),
      contentType: types[extname(file)] ?? 'application/octet-stream',
    });
  });
}

/** From an answered call, the volunteer books the caller a session in the console. */
describe('booking from the console', () => {
  let centre: CallCentre;
  let browser: Browser;

  beforeAll(async () => {
    const bundle = join(CONSOLE_BUNDLE ?? join(process.cwd(), 'dist', 'console'), 'index.html');
    if (!existsSync(bundle))
      throw new Error(`${bundle} is missing: run \`npm run build\` before the browser tests`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // An evening the hotline is open, by its clock; the sessions come two days later.
    centre = await startCallCentre({
      HOTLINE_CLOCK_START: '2026-11-23T20:00:00+08:00',
      CONSOLE_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    await openTheCentre(centre);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 500));
    await centre?.stop();
  });

  it('books the caller of an answered call from the panel, texting the caller’s number', async () => {
    const { hotline } = centre;
    const volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    const { page, problems } = await openPage(browser);
    await useConsoleBundle(page);
    await page.goto(`${hotline.baseUrl}/console/`);
    await page.getByLabel('邮箱').fill(volunteer.email);
    await page.getByLabel('密码').fill(volunteer.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await page.getByRole('button', { name: '可接听' }).click();
    await page.locator('[data-state="available"]').waitFor(SEEN);

    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    await call.hold('QU33333333333333333333333333333333');
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    await call.post(`connect?call=${offer.callId}`);
    await page.locator('[data-state="talking"]').waitFor(SEEN);

    // During the call: the panel, the free times of a topic, the parent's details.
    await page.locator('[data-action="open-booking"]').click();
    const panel = page.locator('[data-view="booking-panel"]');
    await panel.getByLabel('话题').selectOption('learning');
    const first = panel.locator('button[data-start]').first();
    await first.waitFor(SEEN);
    const start = (await first.getAttribute('data-start'))!;
    await first.click();
    await panel.getByLabel('家长姓名').fill('陈先生');
    await panel.getByLabel('孩子年龄或年级').selectOption('grade:primary_5');
    await panel.getByRole('checkbox').check();
    await panel.getByRole('button', { name: '预约', exact: true }).click();

    const reference = panel.locator('[data-reference]');
    await reference.waitFor(SEEN);
    const code = (await reference.getAttribute('data-reference'))!;
    await page.screenshot({ path: join(SCREENSHOTS, 'console-booking.png'), fullPage: true });

    // The booking belongs to the call; the caller's own number got the text.
    const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(start),
    );
    expect(
      (await bookingsOn(centre, localDate)).find((one) => one.reference === code),
    ).toMatchObject({ start, parentName: '陈先生', callId: offer.callId, status: 'booked' });
    const text = await centre.twilio.next(
      (request) =>
        request.path.endsWith('/Messages.json') &&
        request.params.To === call.from &&
        request.params.Body.includes(code),
    );
    expect(text.params.Body).toContain(code);
    expect(textsTo(centre, call.from)).toHaveLength(1);
    // The number itself never reached the page.
    await expect(page.content()).resolves.not.toContain(call.from.slice(3));
    expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);

    // A supervisor's day of bookings: the session is there, with its expert and room; the
    // family cannot be marked as come before the session, and the page says why.
    const supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    const desk = await openPage(browser);
    await useConsoleBundle(desk.page);
    await desk.page.goto(`${hotline.baseUrl}/console/`);
    await desk.page.getByLabel('邮箱').fill(supervisor.email);
    await desk.page.getByLabel('密码').fill(supervisor.password);
    await desk.page.getByRole('button', { name: '登录' }).click();
    await desk.page.getByRole('button', { name: '面谈预约' }).click();
    const day = desk.page.locator('[data-view="bookings"]');
    await day.getByLabel('日期').fill(localDate);
    const row = day.locator('tr[data-booking-id]', { hasText: code });
    await row.waitFor(SEEN);
    await expect(row.getAttribute('data-status')).resolves.toBe('booked');
    await expect(row.textContent()).resolves.toContain('李老师 Li');
    await expect(row.textContent()).resolves.toContain('咨询室 1');
    await row.locator('[data-action="attended"]').click();
    await day
      .getByRole('alert')
      .filter({ hasText: 'The session has not started yet.' })
      .waitFor(SEEN);
    expect(
      (await bookingsOn(centre, localDate)).find((one) => one.reference === code)?.status,
    ).toBe('booked');
    await desk.page.screenshot({
      path: join(SCREENSHOTS, 'console-bookings-day.png'),
      fullPage: true,
    });
    expect(desk.problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
  });
});
