import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { CallCentre, startCallCentre } from './support/twilio';

/** Monday 23 November 2026, 10:00 in Shanghai: the week runs 23 to 29 November. */
const NOW = '2026-11-23T10:00:00+08:00';
const WEEK = [
  '2026-11-23',
  '2026-11-24',
  '2026-11-25',
  '2026-11-26',
  '2026-11-27',
  '2026-11-28',
  '2026-11-29',
];
const [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, , SATURDAY] = WEEK;
const BUILT_PAGE = join(process.cwd(), 'dist', 'console', 'index.html');
const SCREENSHOTS = join(process.cwd(), 'test-output');
/** Long enough for the roster to load and refresh, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };
/** A closed console takes its person off duty after this grace; short, so the run ends soon. */
const GRACE_SECONDS = 1;

jest.setTimeout(90_000);

type Shift = {
  id: string;
  localDate: string;
  volunteersSigned: number;
  signups: { volunteerId: string; name: string; slot: string }[];
  mine: boolean;
};
type Coverage = {
  gaps: unknown[];
  neededPersonHours: number;
  coveredPersonHours: number;
  gapScore: number | null;
};

// Run in the page (as text: this project's TypeScript has no DOM types).
/** Every shift fits the page's width, and the days stack: each cell below the one before. */
const STACKED_WITHIN_PAGE = `(() => {
  const boxes = [...document.querySelectorAll('[data-view="roster"] [data-shift-id]')].map(
    (cell) => cell.getBoundingClientRect(),
  );
  return (
    boxes.length === 7 &&
    boxes.every((box) => box.left >= 0 && box.right <= window.innerWidth && box.width > 200) &&
    boxes.every((box, i) => i === 0 || box.top >= boxes[i - 1].bottom)
  );
})()`;

/**
 * The roster in a real browser against the real server: a week of shifts a coordinator
 * planned, gaps highlighted; a volunteer signs up, is refused with the server's reason,
 * withdraws and subscribes to a private calendar; the coordinator sees the week's coverage.
 */
describe('the roster page', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let browser: Browser;
  let coordinator: Person;
  let volunteer: Person;
  let page: Page;
  let problems: string[];
  const VOLUNTEER_NAME = '林晓 Lin Xiao';

  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE))
      throw new Error(`${BUILT_PAGE} is missing: run \`npm run build\` before the browser tests`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    centre = await startCallCentre({
      HOTLINE_CLOCK_START: NOW,
      CONSOLE_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    hotline = centre.hotline;
    browser = await launchBrowser();

    coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    await hotline
      .as(coordinator.token)
      .post('/api/shift-templates')
      .send({
        name: 'Early',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startTime: '18:00',
        endTime: '20:00',
        volunteersNeeded: 2,
        supervisorsNeeded: 1,
      })
      .expect(201);
    const made = await hotline
      .as(coordinator.token)
      .post('/api/shifts/generate')
      .send({ from: MONDAY, to: '2026-11-29' })
      .expect(200);
    expect(made.body).toEqual({ created: 7, updated: 0, unchanged: 0 });
    volunteer = await addPerson(hotline, { name: VOLUNTEER_NAME });
  });

  afterAll(async () => {
    await browser?.close();
    // Let the server's grace timers for the closed consoles run out before it stops.
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 500));
    await centre?.stop();
  });

  async function signIn(target: Page, person: Person) {
    await target.goto(`${hotline.baseUrl}/console/`);
    await target.getByLabel('邮箱').fill(person.email);
    await target.getByLabel('密码').fill(person.password);
    await target.getByRole('button', { name: '登录' }).click();
  }

  async function openRoster(target: Page) {
    await target.getByRole('button', { name: '排班' }).click();
    await target.locator('[data-view="roster"] [data-shift-id]').first().waitFor(SEEN);
  }

  const cell = (date: string, target = page): Locator =>
    target.locator(`[data-view="roster"] [data-shift-id][data-date="${date}"]`);

  async function shiftOn(date: string, person = volunteer): Promise<Shift> {
    const shifts = (
      await hotline.as(person.token).get(`/api/shifts?from=${date}&to=${date}`).expect(200)
    ).body as Shift[];
    expect(shifts).toHaveLength(1);
    return shifts[0];
  }

  it('shows a volunteer this week by the hotline clock, every shift short of people', async () => {
    const opened = await openPage(browser);
    page = opened.page;
    problems = opened.problems;
    await signIn(page, volunteer);
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await openRoster(page);
    await expect(
      page.getByRole('button', { name: '排班' }).getAttribute('aria-current'),
    ).resolves.toBe('page');

    // Monday to Sunday of the hotline's week (the browser's own clock is elsewhere).
    const shown = page.locator('.roster__shown');
    await expect(shown.getAttribute('data-from')).resolves.toBe(MONDAY);
    await expect(shown.getAttribute('data-to')).resolves.toBe('2026-11-29');
    await expect(
      page
        .locator(`[data-view="roster"] section[data-date="${MONDAY}"] h3`)
        .getAttribute('aria-current'),
    ).resolves.toBe('date');

    const cells = page.locator('[data-view="roster"] [data-shift-id]');
    await expect(cells.count()).resolves.toBe(7);
    await expect(
      cells.evaluateAll((all) => all.map((one) => one.getAttribute('data-date'))),
    ).resolves.toEqual(WEEK);
    // Nobody is on any shift yet: every one is a gap, and says so in words as well.
    await expect(
      cells.evaluateAll((all) =>
        all.map((one) => [
          one.getAttribute('data-gap'),
          one.classList.contains('roster-cell--gap'),
        ]),
      ),
    ).resolves.toEqual(Array(7).fill(['true', true]));
    const tuesday = cell(TUESDAY);
    await expect(tuesday.locator('.roster-cell__time').textContent()).resolves.toContain(
      '18:00–20:00',
    );
    await expect(tuesday.locator('[data-count="volunteer"]').textContent()).resolves.toBe('0/2');
    await expect(tuesday.locator('[data-count="supervisor"]').textContent()).resolves.toBe('0/1');
    await expect(tuesday.locator('.roster-cell__gap').textContent()).resolves.toBe(
      '缺 2 名志愿者，缺 1 名督导',
    );
    // A volunteer has a volunteer's place to take, not a supervisor's; and no coverage summary.
    await expect(tuesday.locator('[data-action="sign-up-volunteer"]').count()).resolves.toBe(1);
    await expect(tuesday.locator('[data-action="sign-up-supervisor"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-coverage]').count()).resolves.toBe(0);

    // The next week has no shifts yet; "this week" comes back.
    await page.getByRole('button', { name: '下一周' }).click();
    await page.locator('[data-view="roster"] [data-empty="true"]').waitFor(SEEN);
    await expect(shown.getAttribute('data-from')).resolves.toBe('2026-11-30');
    await page.getByRole('button', { name: '本周' }).click();
    await cells.first().waitFor(SEEN);
    await expect(cells.count()).resolves.toBe(7);
  });

  it('signs the volunteer up for Tuesday: their name and 1/2 in the grid, and in the API', async () => {
    const tuesday = cell(TUESDAY);
    const button = tuesday.getByRole('button', { name: '报名', exact: false });
    await expect(button.getAttribute('aria-label')).resolves.toMatch(/^报名 .*18:00–20:00$/);
    await tuesday.locator('[data-action="sign-up-volunteer"]').click();

    await tuesday.locator('[data-count="volunteer"]', { hasText: '1/2' }).waitFor(SEEN);
    await expect(tuesday.getAttribute('data-mine')).resolves.toBe('true');
    await expect(tuesday.locator('.roster-cell__names').textContent()).resolves.toContain(
      VOLUNTEER_NAME,
    );
    // Still short of a volunteer and a supervisor.
    await expect(tuesday.getAttribute('data-gap')).resolves.toBe('true');
    await expect(tuesday.locator('[data-action="sign-up-volunteer"]').count()).resolves.toBe(0);
    await expect(tuesday.locator('[data-action="withdraw"]').count()).resolves.toBe(1);
    await expect(page.locator('.roster__status').textContent()).resolves.toMatch(/^已报名：/);

    const onTuesday = await shiftOn(TUESDAY);
    expect(onTuesday).toMatchObject({ localDate: TUESDAY, volunteersSigned: 1, mine: true });
    expect(onTuesday.signups).toEqual([
      expect.objectContaining({
        volunteerId: volunteer.id,
        name: VOLUNTEER_NAME,
        slot: 'volunteer',
      }),
    ]);
  });

  it('shows the server’s refusal when Wednesday filled up meanwhile, then the shift as it is', async () => {
    // Two others take Wednesday's places while the page still shows them open.
    const wednesday = await shiftOn(WEDNESDAY);
    for (const other of [await addPerson(hotline), await addPerson(hotline)])
      await hotline
        .as(other.token)
        .post(`/api/shifts/${wednesday.id}/signups`)
        .send({})
        .expect(201);
    const full = (
      await hotline
        .as(volunteer.token)
        .post(`/api/shifts/${wednesday.id}/signups`)
        .send({})
        .expect(409)
    ).body.message as string;
    expect(full).toBe('This shift is full: all 2 volunteer places are taken.');

    const cellOfWednesday = cell(WEDNESDAY);
    await expect(cellOfWednesday.locator('[data-count="volunteer"]').textContent()).resolves.toBe(
      '0/2',
    );
    await cellOfWednesday.locator('[data-action="sign-up-volunteer"]').click();
    const alert = cellOfWednesday.getByRole('alert');
    await alert.waitFor(SEEN);
    await expect(alert.textContent()).resolves.toContain(full);
    // The grid refreshed: both places taken, nothing left to sign up for, a supervisor missing.
    await cellOfWednesday.locator('[data-count="volunteer"]', { hasText: '2/2' }).waitFor(SEEN);
    await expect(
      cellOfWednesday.locator('[data-action="sign-up-volunteer"]').count(),
    ).resolves.toBe(0);
    await expect(cellOfWednesday.getAttribute('data-gap')).resolves.toBe('true');
    await expect(cellOfWednesday.locator('.roster-cell__names li').count()).resolves.toBe(2);
    await alert.getByRole('button', { name: '关闭' }).click();
    await expect(cellOfWednesday.getByRole('alert').count()).resolves.toBe(0);
  });

  it('withdraws from Thursday, and is refused past the cut-off on Monday', async () => {
    const thursday = cell(THURSDAY);
    await thursday.locator('[data-action="sign-up-volunteer"]').click();
    await thursday.locator('[data-action="withdraw"]').waitFor(SEEN);
    await expect(thursday.locator('[data-count="volunteer"]').textContent()).resolves.toBe('1/2');
    await thursday.locator('[data-action="withdraw"]').click();
    await thursday.locator('[data-count="volunteer"]', { hasText: '0/2' }).waitFor(SEEN);
    await expect(thursday.getAttribute('data-mine')).resolves.toBeNull();
    await expect(page.locator('.roster__status').textContent()).resolves.toMatch(/^已退出：/);
    expect((await shiftOn(THURSDAY)).signups).toEqual([]);

    // Monday's shift starts at 18:00, eight hours away: within the 24-hour cut-off.
    const monday = cell(MONDAY);
    await monday.locator('[data-action="sign-up-volunteer"]').click();
    await monday.locator('[data-action="withdraw"]').waitFor(SEEN);
    await monday.locator('[data-action="withdraw"]').click();
    const alert = monday.getByRole('alert');
    await alert.waitFor(SEEN);
    await expect(alert.textContent()).resolves.toContain(
      'Withdrawal closed 24 hours before the shift',
    );
    await expect(monday.getAttribute('data-mine')).resolves.toBe('true');
  });

  it('makes a private calendar address whose feed is the volunteer’s shifts', async () => {
    const calendar = page.locator('.calendar-feed');
    await calendar.getByRole('button', { name: '生成订阅地址', exact: true }).click();
    const address = calendar.getByLabel('订阅地址');
    await address.waitFor(SEEN);
    const url = await address.inputValue();
    expect(url).toMatch(/^https?:\/\/.+\/calendar\/[^/]+\.ics$/);
    await expect(calendar.textContent()).resolves.toContain('任何拿到这个地址的人都能看到您的班次');
    await expect(calendar.getByRole('button', { name: '复制地址' }).count()).resolves.toBe(1);

    // The address names the server Twilio is told of; the feed is the same path here.
    const feed = await hotline.http().get(new URL(url).pathname).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const tuesday = await shiftOn(TUESDAY);
    const monday = await shiftOn(MONDAY);
    expect(feed.text).toContain(`shift-${tuesday.id}@hotline`);
    expect(feed.text).toContain(`shift-${monday.id}@hotline`);

    await page.screenshot({ path: join(SCREENSHOTS, 'roster.png'), fullPage: true });

    // Revoked: the address stops working.
    await calendar.getByRole('button', { name: '停用订阅地址' }).click();
    await calendar.getByText('订阅地址已停用').waitFor(SEEN);
    await expect(calendar.getByLabel('订阅地址').count()).resolves.toBe(0);
    await hotline.http().get(new URL(url).pathname).expect(404);
  });

  it('stacks the days on a phone, and speaks English when asked', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(STACKED_WITHIN_PAGE, undefined, SEEN);
    await page.screenshot({ path: join(SCREENSHOTS, 'roster-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Previous week' }).waitFor(SEEN);
    await expect(
      cell(TUESDAY).getByRole('button', { name: 'Withdraw' }).getAttribute('aria-label'),
    ).resolves.toMatch(/^Withdraw .*18:00–20:00$/);
    await expect(cell(TUESDAY).locator('.roster-cell__gap').textContent()).resolves.toBe(
      'Volunteers missing: 1, Supervisors missing: 1',
    );
    await page.getByRole('button', { name: '中文' }).click();
    expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
  });

  it('shows the coordinator the week’s coverage: person-hours, gap score and the gaps', async () => {
    // Saturday is called off: it stays in the grid, greyed, and needs nobody.
    const saturday = await shiftOn(SATURDAY);
    await hotline.as(coordinator.token).post(`/api/shifts/${saturday.id}/cancel`).expect(200);
    const coverage = (
      await hotline
        .as(coordinator.token)
        .get(`/api/coverage?from=${MONDAY}&to=2026-11-29`)
        .expect(200)
    ).body as Coverage;
    // 6 shifts of 2 hours for 3 people; covered: Monday, Tuesday (1 each) and Wednesday (2).
    expect(coverage).toMatchObject({ neededPersonHours: 36, coveredPersonHours: 8 });
    expect(coverage.gapScore).toBeCloseTo(28 / 36);

    const opened = await openPage(browser);
    const desk = opened.page;
    await signIn(desk, coordinator);
    // A coordinator starts on the statistics; the roster is a tab away.
    await desk.locator('[data-view="statistics"]').waitFor(SEEN);
    await openRoster(desk);
    const summary = desk.locator('[data-coverage]');
    await summary.waitFor(SEEN);
    await expect(summary.locator('[data-figure="gapScore"]').textContent()).resolves.toBe(
      `${(coverage.gapScore! * 100).toFixed(1)}%`,
    );
    await expect(summary.locator('[data-figure="neededPersonHours"]').textContent()).resolves.toBe(
      '36',
    );
    await expect(summary.locator('[data-figure="coveredPersonHours"]').textContent()).resolves.toBe(
      '8',
    );
    await expect(summary.locator('[data-gap-shift]').count()).resolves.toBe(coverage.gaps.length);
    await expect(
      summary.locator(`[data-gap-shift="${(await shiftOn(WEDNESDAY)).id}"]`).textContent(),
    ).resolves.toContain('缺 1 名督导');
    // The names as the API gives them; a coordinator has no place of their own to take.
    await expect(
      cell(TUESDAY, desk).locator('.roster-cell__names').textContent(),
    ).resolves.toContain(VOLUNTEER_NAME);
    await expect(desk.locator('[data-view="roster"] [data-action]').count()).resolves.toBe(0);
    const cancelled = cell(SATURDAY, desk);
    await expect(cancelled.getAttribute('data-cancelled')).resolves.toBe('true');
    await expect(cancelled.getAttribute('data-gap')).resolves.toBe('false');
    await expect(cancelled.getAttribute('class')).resolves.toContain('roster-cell--cancelled');
    await expect(cancelled.textContent()).resolves.toContain('已取消');
    await expect(summary.locator(`[data-gap-shift="${saturday.id}"]`).count()).resolves.toBe(0);
    await desk.screenshot({ path: join(SCREENSHOTS, 'roster-coverage.png'), fullPage: true });
    expect(opened.problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
  });
});
