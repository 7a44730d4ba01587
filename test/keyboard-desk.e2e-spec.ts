import type { Browser, Page } from 'playwright-core';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { seriousViolations } from './support/accessibility';
import { launchBrowser, openPage } from './support/browser';
import { assertConsoleBuilt } from './support/console-browser';
import { duty } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

const EVENING = '2026-11-23T19:00:00+08:00';
const SEEN = { timeout: 10_000 };
const GRACE_SECONDS = 1;
/** More Tab presses than any screen of the desk has stops: past this, a control is unreachable. */
const MOST_TABS = 120;

jest.setTimeout(90_000);

/**
 * Presses Tab until the focused element passes `test` (JavaScript over `el`, the focused
 * element; as text, this project's TypeScript has no DOM types), as a keyboard user moves
 * through the page. Fails if it is never reached.
 */
async function tabTo(page: Page, what: string, test: string): Promise<void> {
  for (let presses = 0; presses < MOST_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(
      `(() => { const el = document.activeElement; return Boolean(el && (${test})); })()`,
    );
    if (reached) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const labelled = (text: string) =>
  `el.labels && el.labels.length > 0 && el.labels[0].textContent.trim().startsWith(${JSON.stringify(text)})`;
const button = (text: string) =>
  `el.tagName === 'BUTTON' && el.textContent.trim().startsWith(${JSON.stringify(text)})`;
const focused = (page: Page, test: string) =>
  page.evaluate(
    `(() => { const el = document.activeElement; return Boolean(el && (${test})); })()`,
  );

/**
 * The volunteer's desk from the keyboard alone (Tab and Shift+Tab to move, Enter and Space to
 * press, arrow keys to choose in a list or a radio group, letters typed where words are
 * written): sign in, go available, accept the call that rings, write the record while talking,
 * finish the wrap-up. No mouse, no element clicked or filled by the test.
 */
describe('the volunteer desk from the keyboard', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let browser: Browser;
  let volunteer: Person;
  const problems: string[] = [];

  beforeAll(async () => {
    assertConsoleBuilt();
    centre = await startCallCentre({
      HOTLINE_CLOCK_START: EVENING,
      CONSOLE_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    ({ hotline, twilio } = centre);
    browser = await launchBrowser();
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 500));
    await centre?.stop();
  });

  it('goes available, accepts, writes the record and submits it, all with the keyboard', async () => {
    const { page } = await openPage(browser, 'en');
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${hotline.baseUrl}/console/`);

    // Sign in (the form speaks Chinese until the person picks English).
    await tabTo(page, 'the email field', `el.type === 'email'`);
    await page.keyboard.type(volunteer.email);
    await page.keyboard.press('Tab');
    expect(await focused(page, `el.type === 'password'`)).toBe(true);
    await page.keyboard.type(volunteer.password);
    await page.keyboard.press('Enter');
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await tabTo(page, 'the English button', `el.tagName === 'BUTTON' && el.lang === 'en'`);
    await page.keyboard.press('Enter');
    await page.locator('html[lang="en"]').waitFor(SEEN);

    // Go available.
    await page.locator('[data-state="offline"]').waitFor(SEEN);
    await tabTo(page, 'Available', button('Available'));
    await page.keyboard.press('Space');
    await page.locator('[data-state="available"]').waitFor(SEEN);

    // A pupil calls about their feelings: the offer rings with the focus on Accept.
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    await call.choose('1', '1');
    await call.hold('QU33333333333333333333333333333333');
    const offerPanel = page.locator('.offer');
    await offerPanel.waitFor(SEEN);
    expect(await focused(page, button('Accept'))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    const { callId } = await duty(hotline, volunteer).offer();
    await page.keyboard.press('Enter');
    const dequeue = await twilio.next((request) => request.path.includes(call.callSid));
    expect(dequeue.params.Url).toBe(`https://hotline.test/twilio/voice/connect?call=${callId}`);
    await offerPanel.waitFor({ state: 'detached', ...SEEN });

    // Talking: the record is written during the call.
    const dialAction = await call.pickUp(callId);
    await page.locator('[data-state="talking"]').waitFor(SEEN);
    await tabTo(page, 'the main topic', labelled('Main topic'));
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'the risk level', `el.type === 'radio' && el.name === 'riskLevel'`);
    // Tab lands on the group's first level; Space chooses it.
    await page.keyboard.press('Space');
    await tabTo(page, 'the outcome', labelled('Outcome'));
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'the notes', labelled('Notes'));
    await page.keyboard.type('Worried about exams; we talked about sleep and breaks.');
    await page.locator('[data-draft="saved"]').waitFor(SEEN);

    // The caller hangs up: the form stays, the focus on its heading, with its finish button.
    await call.follow(dialAction, { DialCallStatus: 'completed', DialCallDuration: '90' });
    await call.hangUp();
    await page.locator('[data-state="wrap_up"]').waitFor(SEEN);
    await page.waitForFunction(
      `document.activeElement && document.activeElement.tagName === 'H2'`,
      undefined,
      SEEN,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, 'Finish wrap-up', button('Finish wrap-up'));
    await page.keyboard.press('Enter');
    await page.locator('[data-state="available"]').waitFor(SEEN);

    const contacts = await hotline.as(volunteer.token).get('/api/contacts').expect(200);
    const record = (contacts.body as Record<string, unknown>[]).find(
      (one) => one.callId === callId,
    );
    expect(record).toMatchObject({
      channel: 'phone',
      volunteerId: volunteer.id,
      callerType: 'pupil',
      categorised: true,
      riskLevel: 'none',
      hasNotes: true,
    });
    expect(record?.primaryTopic).toEqual(expect.any(String));
    expect(record?.outcome).toEqual(expect.any(String));
    expect(problems).toEqual([]);
  });
});
