import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility';
import { launchBrowser, openPage } from './support/browser';
import { assertConsoleBuilt, signInToConsole } from './support/console-browser';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { ROUTINE_CONTACT, eventually } from './support/duty';

/** Monday 23 November 2026, 10:00 in Shanghai: this evening's shift is still ahead. */
const NOW = '2026-11-23T10:00:00+08:00';
const SEEN = { timeout: 10_000 };

jest.setTimeout(240_000);

type Role = 'volunteer' | 'supervisor' | 'coordinator' | 'admin';
type Locale = 'zh-CN' | 'en';

/**
 * A screen to scan: opened signed in `as` that role (or signed out), by its console tab
 * (`data-tab`), then its Setup section (`data-setup-screen`), or at `url`; `then` takes a
 * further step; scanned once `ready` shows.
 */
interface Screen {
  name: string;
  as?: Role;
  tab?: string;
  setup?: string;
  url?: string;
  then?: (page: Page, locale: Locale) => Promise<void>;
  ready: string;
}

/**
 * Every console screen, as the roles that see it, and the booking page. A new screen is one
 * line here.
 */
const SCREENS: Screen[] = [
  {
    name: 'sign-in',
    url: '/console/',
    then: (page, locale) => page.locator(`.language button[lang="${locale}"]`).click(),
    ready: 'form',
  },
  { name: 'desk', as: 'volunteer', tab: 'desk', ready: '[data-state]' },
  {
    name: 'roster (volunteer)',
    as: 'volunteer',
    tab: 'roster',
    ready: '[data-view="roster"] [data-shift-id]',
  },
  { name: 'wall', as: 'supervisor', tab: 'wall', ready: '.wall' },
  {
    name: 'bookings of the day',
    as: 'supervisor',
    tab: 'bookings',
    ready: '.bookings-day__controls',
  },
  { name: 'statistics', as: 'coordinator', tab: 'stats', ready: '.stats__report, .stats__empty' },
  { name: 'roster (coordinator)', as: 'coordinator', tab: 'roster', ready: '[data-coverage]' },
  { name: 'imports', as: 'coordinator', tab: 'imports', ready: 'form' },
  {
    name: 'setup: volunteers',
    as: 'coordinator',
    tab: 'setup',
    setup: 'volunteers',
    ready: 'table[data-total]',
  },
  {
    name: 'setup: volunteer editor',
    as: 'coordinator',
    tab: 'setup',
    setup: 'volunteers',
    then: (page) => page.locator('.setup__row .button--primary').click(),
    ready: '.setup__editor form',
  },
  {
    name: 'setup: shift templates',
    as: 'coordinator',
    tab: 'setup',
    setup: 'shifts',
    ready: '[data-template]',
  },
  {
    name: 'setup: attendance',
    as: 'coordinator',
    tab: 'setup',
    setup: 'attendance',
    ready: '[data-signup]',
  },
  {
    name: 'setup: hotline settings',
    as: 'coordinator',
    tab: 'setup',
    setup: 'hotline',
    ready: '.setup-hotline',
  },
  {
    name: 'setup: hotline settings (admin)',
    as: 'admin',
    tab: 'setup',
    setup: 'hotline',
    ready: '.setup-hotline',
  },
  {
    name: 'setup: partners',
    as: 'coordinator',
    tab: 'setup',
    setup: 'partners',
    ready: '[data-partner]',
  },
  {
    name: 'setup: rooms and experts',
    as: 'coordinator',
    tab: 'setup',
    setup: 'rooms',
    ready: '[data-window]',
  },
  {
    name: 'setup: booking rules',
    as: 'coordinator',
    tab: 'setup',
    setup: 'booking',
    ready: '.setup-booking',
  },
  {
    name: 'setup: note retention',
    as: 'coordinator',
    tab: 'setup',
    setup: 'retention',
    ready: '.setup-retention',
  },
  { name: 'organisation', as: 'admin', tab: 'units', ready: '.units__report' },
  { name: 'crisis desk', as: 'supervisor', tab: 'crisis', ready: 'tr[data-case]' },
  {
    name: 'crisis case',
    as: 'supervisor',
    tab: 'crisis',
    then: (page) => page.locator('tr[data-case] button').first().click(),
    ready: 'section.crisis-case .crisis-case__part',
  },
  {
    name: 'crisis case (volunteer)',
    as: 'volunteer',
    tab: 'crisis',
    then: (page) => page.locator('tr[data-case] button').first().click(),
    ready: 'section.crisis-case .crisis-case__part',
  },
  {
    name: 'review',
    as: 'supervisor',
    tab: 'review',
    then: (page) => page.locator('tr[data-review] button').first().click(),
    ready: 'section.review-detail .contact-record',
  },
  {
    name: 'feedback (volunteer)',
    as: 'volunteer',
    tab: 'review',
    then: (page) => page.locator('tr[data-review] button').first().click(),
    ready: 'section.review-detail textarea',
  },
  { name: 'call-back desk', as: 'supervisor', tab: 'callbacks', ready: '.callbacks__filters' },
  {
    name: 'call-back desk (volunteer)',
    as: 'volunteer',
    tab: 'callbacks',
    ready: '.callbacks__filters',
  },
  { name: 'booking page: topics', url: '/book', ready: 'main button' },
  {
    name: 'booking page: times',
    url: '/book',
    then: (page) => page.locator('main button').first().click(),
    ready: 'button.time, p.empty',
  },
];

/**
 * An automated accessibility scan (axe-core) of every screen in SCREENS, in Chinese and in
 * English: none may have a serious or critical violation.
 */
describe('accessibility of the console and the booking page', () => {
  let hotline: RunningHotline;
  let browser: Browser;
  const people = {} as Record<Role, Person>;

  beforeAll(async () => {
    assertConsoleBuilt();
    hotline = await startHotline({ HOTLINE_CLOCK_START: NOW });
    browser = await launchBrowser();
    const admin = await hotline.signIn();
    const admin$ = hotline.as(admin);
    for (const role of ['volunteer', 'supervisor', 'coordinator'] as const)
      people[role] = await addPerson(hotline, { roles: [role], name: `Person ${role}` });
    people.admin = await addPerson(hotline, { roles: ['admin'], name: 'Person admin' });

    // Something on every screen: this week's shifts with people on them, a partner, a room
    // with an expert's hours (which the booking page offers).
    await admin$
      .post('/api/shift-templates')
      .send({
        name: 'Evening',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startTime: '18:00',
        endTime: '22:00',
        volunteersNeeded: 2,
        supervisorsNeeded: 1,
      })
      .expect(201);
    const made = await admin$
      .post('/api/shifts/generate')
      .send({ from: '2026-11-23', to: '2026-11-29' })
      .expect(200);
    expect(made.body.created).toBe(7);
    const today = (await admin$.get('/api/shifts?from=2026-11-23&to=2026-11-23').expect(200))
      .body[0];
    await admin$
      .post(`/api/shifts/${today.id}/signups`)
      .send({ volunteerId: people.volunteer.id })
      .expect(201);
    await admin$
      .post('/api/partners')
      .send({ kind: 'hospital', name: '市第七人民医院' })
      .expect(201);
    await admin$.post('/api/rooms').send({ name: '咨询室 1' }).expect(201);
    // A crisis case, its consultation in the review queue, a supervisor's comment on it.
    await hotline
      .as(people.volunteer.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        channel: 'face_to_face',
        occurredAt: '2026-11-22T19:00',
        riskLevel: 'high',
        outcome: 'crisis_intervention',
        notes: 'Says she wants to disappear',
      })
      .expect(201);
    const review = await eventually(
      async () =>
        (await hotline.as(people.supervisor.token).get('/api/reviews').expect(200)).body.items[0],
      'the review',
    );
    await hotline
      .as(people.supervisor.token)
      .post(`/api/reviews/${review.id}/comments`)
      .send({ text: 'Ask who else is at home.' })
      .expect(200);
    for (let weekday = 1; weekday <= 7; weekday += 1)
      await admin$
        .post('/api/availability')
        .send({ volunteerId: people.volunteer.id, weekday, startTime: '09:00', endTime: '12:00' })
        .expect(201);
  });

  afterAll(async () => {
    await browser?.close();
    await hotline?.stop();
  });

  it('finds what it looks for: a nameless button on a page is a critical violation', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${hotline.baseUrl}/console/`);
    await page.locator('form').waitFor(SEEN);
    await page.evaluate(`document.querySelector('form').append(document.createElement('button'))`);
    await expect(seriousViolations(page)).resolves.toEqual([
      expect.stringMatching(/^critical button-name: /),
    ]);
    await context.close();
  });

  describe.each(['zh-CN', 'en'] as const)('in %s', (locale) => {
    /** One signed-in page per role, reused from screen to screen. */
    const signedIn = new Map<string, { context: BrowserContext; page: Page }>();
    const problems: string[] = [];

    afterAll(async () => {
      for (const { context } of signedIn.values()) await context.close();
    });

    async function pageFor(screen: Screen): Promise<Page> {
      const key = screen.as ?? 'nobody';
      let opened = signedIn.get(key);
      if (!opened || !screen.as) {
        opened = await openPage(browser, locale);
        opened.page.on('pageerror', (error) => problems.push(`${screen.name}: ${error.message}`));
        signedIn.set(`${key}-${signedIn.size}`, opened);
        if (screen.as) {
          signedIn.set(key, opened);
          await signInToConsole(opened.page, hotline.baseUrl, people[screen.as], locale);
        }
      }
      return opened.page;
    }

    it.each(SCREENS.map((screen) => [screen.name, screen] as const))(
      '%s has no serious or critical violation',
      async (_, screen) => {
        const page = await pageFor(screen);
        if (screen.url) await page.goto(`${hotline.baseUrl}${screen.url}`);
        if (screen.tab) await page.locator(`[data-tab="${screen.tab}"]`).click();
        if (screen.setup) await page.locator(`[data-setup-screen="${screen.setup}"]`).click();
        if (screen.then) await screen.then(page, locale);
        await page.locator(screen.ready).first().waitFor(SEEN);
        // The page speaks the language under test (the booking page follows the browser's).
        await expect(page.evaluate('document.documentElement.lang')).resolves.toBe(locale);
        expect({ screen: screen.name, violations: await seriousViolations(page) }).toEqual({
          screen: screen.name,
          violations: [],
        });
        expect(problems).toEqual([]);
      },
    );
  });
});
