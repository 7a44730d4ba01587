import type { Browser } from 'playwright-core';
import { ManualClock } from '@hotline/clock';
import { launchBrowser, openPage } from './support/browser';
import { assertConsoleBuilt, signInToConsole } from './support/console-browser';
import { ROUTINE_CONTACT, eventually } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { CallCentre, startCallCentre } from './support/twilio';

/** Long enough for an answer to reach the page, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };

jest.setTimeout(90_000);

/**
 * Case review in a real browser against the real server: a supervisor works the queue (filters,
 * pages, a comment and a verdict, in English), the trainee reads the feedback on their record
 * and answers it (in Chinese), the supervisor signs it off, and the month's statistics show
 * the reviewed share.
 */
describe('the case review page', () => {
  const clock = new ManualClock('2026-11-23T21:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let browser: Browser;
  let supervisor: Person;
  let trainee: Person;
  let counsellor: Person;

  /** A face-to-face consultation recorded by `person`; its contact id. */
  async function recorded(person: Person, fields: object = {}): Promise<string> {
    const answer = await hotline
      .as(person.token)
      .post('/api/contacts')
      .send({
        ...ROUTINE_CONTACT,
        channel: 'face_to_face',
        occurredAt: '2026-11-23T19:30',
        ...fields,
      })
      .expect(201);
    return answer.body.contact.id;
  }

  const queueTotal = async () =>
    (await hotline.as(supervisor.token).get('/api/reviews').expect(200)).body.total as number;

  beforeAll(async () => {
    assertConsoleBuilt();
    centre = await startCallCentre({ CONSOLE_GRACE_SECONDS: '1' }, { clock });
    hotline = centre.hotline;
    supervisor = await addPerson(hotline, { roles: ['supervisor'], name: 'Zhao Min' });
    trainee = await addPerson(hotline, { name: 'Li Na', expertKind: 'trainee' });
    counsellor = await addPerson(hotline, { name: 'Sun Wei' });
    const hotlineId = (await hotline.as(supervisor.token).get('/api/hotlines').expect(200)).body[0]
      .id;
    // Every other consultation sampled at first, so the queue runs to two pages.
    await hotline
      .as(supervisor.token)
      .put(`/api/hotlines/${hotlineId}/review-sampling`)
      .send({ samplePercent: 100 })
      .expect(200);
    for (let i = 0; i < 22; i++) await recorded(counsellor, { occurredAt: '2026-11-22T19:00' });
    await recorded(trainee, {
      notes: 'Pupil says her father drinks; no safety plan discussed',
    });
    await recorded(counsellor, { riskLevel: 'high', outcome: 'crisis_intervention' });
    await eventually(async () => ((await queueTotal()) === 24 ? true : undefined), 'the queue');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await centre?.stop();
  });

  it('lets a supervisor filter and page the queue, set the sample, and ask a trainee for changes (en)', async () => {
    // The supervisors meet three hours after the consultations.
    clock.advance({ hours: 3 });
    const { page, problems } = await openPage(browser, 'en');
    await signInToConsole(page, hotline.baseUrl, supervisor, 'en');
    // The hotline's clock comes with the live console.
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await page.getByRole('button', { name: 'Case review' }).click();

    const range = page.locator('[data-field="range"]');
    await range.filter({ hasText: '1–20 of 24' }).waitFor(SEEN);
    await page.getByRole('button', { name: 'Next page' }).click();
    await range.filter({ hasText: '21–24 of 24' }).waitFor(SEEN);
    await expect(page.locator('tr[data-review]').count()).resolves.toBe(4);

    await page.getByLabel('Why in the queue').selectOption({ label: 'Trainee' });
    await range.filter({ hasText: '1–1 of 1' }).waitFor(SEEN);
    const row = page.locator('tr[data-review]');
    await expect(row.textContent()).resolves.toContain('Li Na');
    await page.getByLabel('Why in the queue').selectOption({ label: 'All' });
    await page.getByLabel('From').fill('2026-11-23');
    await range.filter({ hasText: '1–2 of 2' }).waitFor(SEEN);

    // Fewer from now on; the records already taken stay.
    const share = page.getByLabel('Share sampled (%)');
    await expect(share.inputValue()).resolves.toBe('100');
    await share.fill('10');
    await page.getByRole('button', { name: 'Save the share' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The share is now 10%, for consultations recorded from now on.' })
      .waitFor(SEEN);

    await page.locator('tr[data-review]', { hasText: 'Li Na' }).getByRole('button').click();
    const panel = page.locator('section.review-detail');
    await panel
      .locator('[data-field="notes"]', {
        hasText: 'Pupil says her father drinks; no safety plan discussed',
      })
      .waitFor(SEEN);
    await expect(panel.getByRole('button', { name: 'Send the answer' }).count()).resolves.toBe(0);
    const comment = panel.getByLabel('Supervisor’s comment (confidential)');
    await comment.fill('Warm and clear. Did you ask who else is at home?');
    await panel.getByRole('button', { name: 'Comment', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'Comment saved.' }).waitFor(SEEN);
    // Asking for changes without saying which is not taken.
    await panel.getByRole('button', { name: 'Ask for changes' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Write something first.' }).waitFor(SEEN);
    await comment.fill('Please discuss and record a safety plan.');
    await panel.getByRole('button', { name: 'Ask for changes' }).click();
    await panel.locator('[data-field="status"]', { hasText: 'Changes asked for' }).waitFor(SEEN);
    await expect(panel.locator('[data-entry]').count()).resolves.toBe(2);
    // It leaves what is to review, and waits among the changes asked for.
    const traineeRow = page.locator('tr[data-review]', { hasText: 'Li Na' });
    await traineeRow.waitFor({ state: 'detached', ...SEEN });
    await page.getByLabel('Status').selectOption({ label: 'Changes asked for' });
    await traineeRow
      .locator('[data-field="status"]', { hasText: 'Changes asked for' })
      .waitFor(SEEN);

    const [stored] = await hotline.database.query<{ texts: string }>(
      'SELECT GROUP_CONCAT(text_encrypted) AS texts FROM contact_review_entry',
    );
    expect(stored.texts).not.toMatch(/safety plan|Warm and clear/);
    expect(problems).toEqual([]);
  });

  it('shows the trainee the feedback on their record, and takes their answer (zh-CN)', async () => {
    const { page, problems } = await openPage(browser, 'zh-CN');
    await signInToConsole(page, hotline.baseUrl, trainee);
    // The hotline's clock comes with the live console.
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await page.getByRole('button', { name: '个案督导' }).click();
    // A volunteer has no queue, only the feedback on their own records.
    await expect(page.getByRole('button', { name: '督导队列' }).count()).resolves.toBe(0);
    const row = page.locator('tr[data-review]');
    await row.locator('[data-field="status"]', { hasText: '已要求修改' }).waitFor(SEEN);
    await expect(row.count()).resolves.toBe(1);
    await row.getByRole('button').click();
    const panel = page.locator('section.review-detail');
    await panel
      .locator('[data-entry="changes_requested"]', { hasText: 'record a safety plan' })
      .waitFor(SEEN);
    await expect(panel.getByRole('button', { name: '签核' }).count()).resolves.toBe(0);
    await panel.getByLabel('您的回复（保密）').fill('已补充：与学生约定了安全计划，并告知12356。');
    await panel.getByRole('button', { name: '发送回复' }).click();
    await panel.getByRole('status').filter({ hasText: '回复已发送。' }).waitFor(SEEN);
    await panel.locator('[data-field="status"]', { hasText: '志愿者已回复' }).waitFor(SEEN);
    // The server refuses what the page does not offer.
    const { id } = (await hotline.as(trainee.token).get('/api/me/reviews').expect(200)).body
      .items[0];
    await hotline.as(trainee.token).post(`/api/reviews/${id}/sign-off`).send({}).expect(403);
    expect(problems).toEqual([]);
  });

  it('lets the supervisor sign the answered record off, and shows the reviewed share in the statistics (en)', async () => {
    clock.advance({ hours: 2 });
    const { page, problems } = await openPage(browser, 'en');
    await signInToConsole(page, hotline.baseUrl, supervisor, 'en');
    // The hotline's clock comes with the live console.
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await page.getByRole('button', { name: 'Case review' }).click();
    await page.getByLabel('Status').selectOption({ label: 'Answered' });
    const row = page.locator('tr[data-review]', { hasText: 'Li Na' });
    await row.getByRole('button').click();
    const panel = page.locator('section.review-detail');
    await panel.locator('[data-entry="answer"]', { hasText: '安全计划' }).waitFor(SEEN);
    await panel.getByRole('button', { name: 'Sign off' }).click();
    await panel.locator('[data-field="status"]', { hasText: 'Signed off' }).waitFor(SEEN);
    await expect(panel.getByRole('button', { name: 'Sign off' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Statistics' }).click();
    const card = page.locator('[data-block-card="reviews"]');
    await card.locator('[data-figure="reviewsSelected"]', { hasText: '24' }).waitFor(SEEN);
    await expect(card.locator('[data-figure="reviewsReviewed"]').textContent()).resolves.toBe('1');
    await expect(card.locator('[data-figure="reviewedShare"]').textContent()).resolves.toBe('4.2%');
    await expect(card.locator('[data-figure="medianTimeToReview"]').textContent()).resolves.toBe(
      '3 h 0 min',
    );
    expect(problems).toEqual([]);
    // Coordinators count reviews but read none: no tab for them.
    const coordinator = await addPerson(hotline, { roles: ['coordinator'] });
    const other = await openPage(browser, 'en');
    await signInToConsole(other.page, hotline.baseUrl, coordinator, 'en');
    await other.page.getByRole('button', { name: 'Statistics' }).waitFor(SEEN);
    await expect(other.page.getByRole('button', { name: 'Case review' }).count()).resolves.toBe(0);
    await expect(other.page.getByRole('button', { name: 'Crisis desk' }).count()).resolves.toBe(0);
  });
});
