import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { launchBrowser, openPage } from './support/browser';
import { duty, eventually, onBreak } from './support/duty';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { PhoneCall, fakeTwilio } from './support/twilio';

const NOW = '2026-11-23T20:00:00+08:00';
const BUILT_PAGE = join(process.cwd(), 'dist', 'console', 'index.html');
const SCREENSHOTS = join(process.cwd(), 'test-output');
/** Long enough for the report to load and the charts to draw, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };
/** A closed console takes its person off duty after this grace; short, so the run ends soon. */
const GRACE_SECONDS = 1;

jest.setTimeout(90_000);

type Row = { key: string; label: { 'zh-CN': string; en: string }; count: number; share: number };
type Report = {
  consultations: { total: number; byChannel: { total: number; rows: Row[] } };
  calls: {
    offered: number;
    answered: number;
    abandoned: number;
    abandonmentRate: number | null;
    serviceLevel: { thresholdSeconds: number; percent: number | null };
  };
  volunteers: { volunteerId: string; callsAnswered: number }[];
  trend: { month: string; consultations: number }[];
};

/** A parent's consultation about their 12–14-year-old, of low risk, settled with advice. */
const consultation = (
  channel: 'face_to_face' | 'online',
  occurredAt: string,
  primaryTopic: string,
) => ({
  channel,
  occurredAt,
  primaryTopic,
  riskLevel: 'low',
  outcome: 'advice_given',
  callerType: 'parent',
  ageBand: '12_14',
});

const NOVEMBER = [
  consultation('face_to_face', '2026-11-10T19:00', 'parent_child'),
  consultation('face_to_face', '2026-11-12T16:00', 'learning.exam_stress'),
  consultation('face_to_face', '2026-11-20T10:00', 'emotional.anxiety_stress'),
  consultation('online', '2026-11-15T21:00', 'emotional.anxiety_stress'),
  consultation('online', '2026-11-18T20:30', 'learning.exam_stress'),
];
/** One in October, so the trend has two months. */
const OCTOBER = [consultation('online', '2026-10-20T19:00', 'parent_child')];

/** A chart's canvas as the page has it (the tests compile without the DOM's types). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  };
  getBoundingClientRect(): { width: number; right: number };
  ownerDocument: { defaultView: { innerWidth: number } };
}

// Read through the locator, not a string run in the page: its security policy refuses eval.
/** Every chart has ink on its canvas. */
const CHARTS_DRAWN = (all: unknown[]) =>
  (all as Canvas[]).every((canvas) => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  });
/** Every chart fits the page's width, and is not squeezed to nothing. */
const CHARTS_WITHIN_PAGE = (all: unknown[]) =>
  (all as Canvas[]).every((canvas) => {
    const box = canvas.getBoundingClientRect();
    return box.width > 100 && box.right <= canvas.ownerDocument.defaultView.innerWidth;
  });

/**
 * The coordinators' statistics dashboard in a real browser against the real server: the
 * month's consultations and calls as charts with their numbers (the numbers the API gives),
 * other periods, the CSV download, and nothing of it for a volunteer.
 */
describe('the statistics page', () => {
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let browser: Browser;
  let coordinator: Person;
  let volunteer: Person;
  let page: Page;
  let problems: string[];
  let november: Report;

  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE))
      throw new Error(`${BUILT_PAGE} is missing: run \`npm run build\` before the browser tests`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const telephony = await fakeTwilio();
    twilio = telephony.fake;
    hotline = await startHotline({
      ...telephony.env,
      HOTLINE_CLOCK_START: NOW,
      CONSOLE_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    browser = await launchBrowser();
    coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });

    for (const contact of [...NOVEMBER, ...OCTOBER])
      await hotline.as(volunteer.token).post('/api/contacts').send(contact).expect(201);

    // Tonight's calls: a pupil's, answered and wrapped up; then one whose caller gives up. On a
    // break, the volunteer keeps the line open: callers queue rather than being offered a message.
    await onBreak(hotline, volunteer);
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    await duty(hotline, volunteer).available();
    const offer = await duty(hotline, volunteer).offer();
    await duty(hotline, volunteer).accept(offer).expect(204);
    await call.answered(offer.callId);
    await call.hangUp();
    await duty(hotline, volunteer)
      .wrapUp(offer.callId, {
        callerType: 'pupil',
        ageBand: '15_17',
        gender: 'female',
        primaryTopic: 'emotional.anxiety_stress',
        otherTopics: ['learning.exam_stress'],
        riskLevel: 'medium',
        outcome: 'advice_given',
      })
      .expect(200);
    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'offline' })
      .expect(200);
    await onBreak(hotline, volunteer);
    const impatient = new PhoneCall(hotline.baseUrl);
    await impatient.dial();
    await impatient.choose('2', '1');
    await impatient.hangUp();
    await hotline.as(volunteer.token).put('/api/me/presence').send({ state: 'offline' });

    november = (
      await hotline.as(coordinator.token).get('/api/stats/monthly?month=2026-11').expect(200)
    ).body as Report;
  });

  afterAll(async () => {
    await browser?.close();
    // Let the server's grace timers for the closed consoles run out before it stops.
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 500));
    await hotline?.stop();
    await twilio?.stop();
  });

  async function signIn(target: Page, person: Person) {
    await target.goto(`${hotline.baseUrl}/console/`);
    await target.getByLabel('邮箱').fill(person.email);
    await target.getByLabel('密码').fill(person.password);
    await target.getByRole('button', { name: '登录' }).click();
  }

  const cell = (block: string, key: string, name: string) =>
    page.locator(`table[data-block="${block}"] tr[data-key="${key}"] [data-cell="${name}"]`);
  const figure = (name: string) => page.locator(`[data-figure="${name}"]`);
  const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

  it('lands a coordinator on the month’s statistics: charts, and beside them the API’s numbers', async () => {
    // The server's own figures first: what the page must show.
    expect(november.consultations.total).toBe(NOVEMBER.length + 1);
    const faceToFace = november.consultations.byChannel.rows.find(
      (row) => row.key === 'face_to_face',
    )!;
    expect(faceToFace).toMatchObject({ count: 3, share: 50 });
    expect(november.calls).toMatchObject({ offered: 2, answered: 1, abandoned: 1 });

    const opened = await openPage(browser);
    page = opened.page;
    problems = opened.problems;
    await signIn(page, coordinator);

    // A coordinator who takes no calls starts on the statistics, at this month by the hotline's clock.
    const view = page.locator('[data-view="statistics"]');
    await view.waitFor(SEEN);
    await expect(
      page.getByRole('button', { name: '统计' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await expect(page.getByLabel('月份').inputValue()).resolves.toBe('2026-11');

    // The channel chart, and its table with the face-to-face consultations and their share.
    await page.locator('canvas[data-chart="byChannel"]').waitFor(SEEN);
    await expect(cell('byChannel', 'face_to_face', 'count').textContent(SEEN)).resolves.toBe('3');
    await expect(cell('byChannel', 'face_to_face', 'share').textContent()).resolves.toBe('50.0%');
    await expect(
      page.locator('table[data-block="byChannel"] tr[data-key="face_to_face"] th').textContent(),
    ).resolves.toBe(faceToFace.label['zh-CN']);
    for (const row of november.consultations.byChannel.rows) {
      await expect(cell('byChannel', row.key, 'count').textContent()).resolves.toBe(
        String(row.count),
      );
      await expect(cell('byChannel', row.key, 'share').textContent()).resolves.toBe(
        percent(row.share),
      );
    }

    // The headline figures are the API's.
    await expect(figure('consultations').textContent()).resolves.toBe(
      String(november.consultations.total),
    );
    await expect(figure('offered').textContent()).resolves.toBe(String(november.calls.offered));
    await expect(figure('answered').textContent()).resolves.toBe(String(november.calls.answered));
    await expect(figure('abandonmentRate').textContent()).resolves.toBe(
      percent(november.calls.abandonmentRate),
    );
    await expect(figure('serviceLevel').textContent()).resolves.toBe(
      percent(november.calls.serviceLevel.percent),
    );
    await expect(
      page
        .locator('dt')
        .filter({ hasText: `${november.calls.serviceLevel.thresholdSeconds} 秒内接听率` })
        .count(),
    ).resolves.toBe(1);
    await expect(
      page
        .locator(
          `table[data-block="volunteers"] tr[data-volunteer="${volunteer.id}"] [data-cell="callsAnswered"]`,
        )
        .textContent(),
    ).resolves.toBe('1');
    await expect(cell('trend', '2026-10', 'consultations').textContent()).resolves.toBe('1');
    await expect(cell('trend', '2026-11', 'consultations').textContent()).resolves.toBe(
      String(november.trend.find((month) => month.month === '2026-11')!.consultations),
    );

    // Every chart is drawn: a canvas with a name, words for screen readers, and ink on it.
    const charts = page.locator('canvas[data-chart]');
    await expect(
      charts.evaluateAll((all) => all.map((c) => c.getAttribute('data-chart'))),
    ).resolves.toEqual(
      expect.arrayContaining([
        'byChannel',
        'byPrimaryTopicGroup',
        'byCallerType',
        'byAgeBand',
        'byGender',
        'byRisk',
        'byOutcome',
        'byHour',
        'trend',
      ]),
    );
    await eventually(
      async () => (await charts.evaluateAll(CHARTS_DRAWN)) || undefined,
      'charts drawn',
    );
    const labels = await charts.evaluateAll((all) => all.map((c) => c.getAttribute('aria-label')));
    for (const label of labels) expect(label).toBeTruthy();
    await expect(
      page.locator('canvas[data-chart="byChannel"]').getAttribute('aria-label'),
    ).resolves.toContain(`${faceToFace.label['zh-CN']} 3 (50.0%)`);

    await page.screenshot({ path: join(SCREENSHOTS, 'stats-dashboard.png'), fullPage: true });

    // At phone width the charts shrink with the page rather than overflow it.
    await page.setViewportSize({ width: 390, height: 844 });
    await eventually(
      async () => (await charts.evaluateAll(CHARTS_WITHIN_PAGE)) || undefined,
      'charts within the page',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'stats-dashboard-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });

    // In English, the report's own labels and the headings follow.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'By channel' }).waitFor(SEEN);
    await expect(
      page.locator('table[data-block="byChannel"] tr[data-key="face_to_face"] th').textContent(),
    ).resolves.toBe(faceToFace.label.en);
    expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
  });

  it('downloads the month as CSV, fetched with the bearer token', async () => {
    const [response, download] = await Promise.all([
      page.waitForResponse((answer) => answer.url().includes('format=csv'), SEEN),
      page.waitForEvent('download', SEEN),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.url()).toContain('/api/stats/monthly?month=2026-11&format=csv');
    expect(response.request().headers().authorization).toMatch(/^Bearer /);
    expect(download.suggestedFilename()).toBe('hotline-statistics-2026-11-01-2026-11-30.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('channel,face_to_face,面询,Face-to-face,3,50');
  });

  it('shows a year, says when a range is empty, and gives the server’s word on a bad one', async () => {
    const year = (
      await hotline.as(coordinator.token).get('/api/stats/yearly?year=2026').expect(200)
    ).body as Report;
    expect(year.consultations.total).toBe(november.consultations.total + OCTOBER.length);

    await page.getByRole('radio', { name: 'By year' }).check();
    await expect(page.getByLabel('Year', { exact: true }).inputValue()).resolves.toBe('2026');
    await page.locator('[data-period="year"]').waitFor(SEEN);
    await expect(figure('consultations').textContent()).resolves.toBe(
      String(year.consultations.total),
    );

    await page.getByRole('radio', { name: 'Custom range' }).check();
    await page.getByLabel('From').fill('2026-09-01');
    await page.getByLabel('To', { exact: true }).fill('2026-09-30');
    const empty = page.locator('[data-view="statistics"] [data-empty="true"]');
    await empty.waitFor(SEEN);
    await expect(empty.textContent()).resolves.toBe('No data for this period.');
    await expect(page.locator('canvas[data-chart]').count()).resolves.toBe(0);

    await page.getByLabel('From').fill('2026-11-30');
    await page.getByLabel('To', { exact: true }).fill('2026-11-01');
    const refused = page.locator('[data-view="statistics"] [role="alert"]');
    await refused.waitFor(SEEN);
    await expect(refused.textContent()).resolves.toContain(
      'to must be the same day as from or later',
    );
  });

  it('gives a volunteer no statistics, and the API refuses them', async () => {
    const refused = await hotline
      .as(volunteer.token)
      .get('/api/stats/monthly?month=2026-11')
      .expect(403);
    expect(refused.body.message).toMatch(/coordinator/);

    const { page: desk } = await openPage(browser);
    await signIn(desk, volunteer);
    await desk.locator('[data-connection="connected"]').waitFor(SEEN);
    await desk.locator('[data-state]').first().waitFor(SEEN);
    await expect(desk.getByRole('button', { name: '统计' }).count()).resolves.toBe(0);
    await expect(desk.locator('[data-view="statistics"]').count()).resolves.toBe(0);
  });
});
