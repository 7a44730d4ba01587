import type { Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeTwilio } from '@hotline/telephony/testing/fake-twilio';
import { launchBrowser, openPage } from './support/browser';
import { RunningHotline } from './support/hotline-server';
import { addPerson, ownPhone } from './support/people';
import { connectedCall } from './support/callers';
import { callRecord, duty } from './support/duty';
import { CallCentre, PhoneCall, says, startCallCentre } from './support/twilio';

const EVENING = '2026-11-23T19:00:00+08:00';
const BUILT_PAGE = join(process.cwd(), 'dist', 'console', 'index.html');
/** Long enough for a socket frame to reach the page, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };

jest.setTimeout(60_000);

/**
 * The supervisors' wall against abusive callers, in a real browser against the real server:
 * the caller's profile, and "block and hang up".
 */
describe('abusive callers on the wall', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let twilio: FakeTwilio;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE))
      throw new Error(`${BUILT_PAGE} is missing: run \`npm run build\` before the browser tests`);
    centre = await startCallCentre({ HOTLINE_CLOCK_START: EVENING, CONSOLE_GRACE_SECONDS: '1' });
    ({ hotline, twilio } = centre);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await centre?.stop();
  });

  it("keeps a caller's profile, blocks the caller of a call in progress and hangs up; their next call is refused", async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    const supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    // Two calls in half an hour make a frequent caller on this hotline.
    await hotline
      .as(centre.admin)
      .patch(`/api/hotlines/${centre.hotlineId}`)
      .send({ routing: { callerLimitCalls: 2, callerLimitMinutes: 30 } })
      .expect(200);
    const first = new PhoneCall(hotline.baseUrl);
    await first.dial();
    await first.hangUp();
    const { call, offer, dialAction } = await connectedCall(hotline, volunteer, first.from);

    const { page, problems } = await openPage(browser);
    await page.goto(`${hotline.baseUrl}/console/`);
    await page.getByLabel('邮箱').fill(supervisor.email);
    await page.getByLabel('密码').fill(supervisor.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Supervisor wall' }).click();

    const row = page.locator(`tr[data-call="${offer.callId}"]`);
    await row.waitFor(SEEN);
    await expect(row.textContent()).resolves.not.toContain(call.from.slice(3));
    await row
      .locator('[data-caller-flag="frequent_caller"]', { hasText: 'Frequent caller' })
      .waitFor(SEEN);
    // The caller's profile: flags and a guidance note for the volunteers they reach next.
    await row.getByRole('button', { name: 'Caller profile' }).click();
    const profile = row.getByRole('group', { name: 'Caller profile' });
    await profile.getByRole('checkbox', { name: 'At risk' }).check();
    await profile
      .getByLabel('Guidance for volunteers (confidential)')
      .fill('Ask about the school counsellor appointment.');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(SEEN);
    const [saved] = await hotline.database.query<{ flags: string; guidance_encrypted: string }>(
      'SELECT flags, guidance_encrypted FROM caller_profile',
    );
    expect(saved.flags).toBe('at_risk');
    expect(saved.guidance_encrypted).not.toContain('counsellor');
    const read = await hotline.as(supervisor.token).get(`/api/calls/${offer.callId}/caller`);
    expect(read.body).toMatchObject({
      flags: ['frequent_caller', 'at_risk'],
      guidance: 'Ask about the school counsellor appointment.',
    });

    // Two steps: a reason, then the confirmation.
    await row.getByRole('button', { name: 'Block and hang up' }).click();
    await row.getByLabel('Reason for the block').selectOption({ label: 'Prank' });
    await row.getByRole('button', { name: 'Block and hang up now' }).click();
    await row
      .getByRole('status')
      .filter({ hasText: /Blocked until .+; the call was ended\./ })
      .waitFor(SEEN);

    // Twilio was asked to end the caller's call.
    const ended = await twilio.next((request) =>
      request.path.endsWith(`/Calls/${call.callSid}.json`),
    );
    expect(ended.params).toEqual({ Status: 'completed' });
    await call.follow(dialAction, { DialCallStatus: 'completed', DialCallDuration: '20' });
    await call.hangUp();
    await row.waitFor({ state: 'detached', ...SEEN });

    const [block] = await hotline.database.query<{ reason: string; blocked_by: string }>(
      'SELECT reason, blocked_by FROM caller_block',
    );
    expect(block).toEqual({ reason: 'prank', blocked_by: supervisor.id });

    // The same number again: refused, with the danger key still offered.
    const again = new PhoneCall(hotline.baseUrl, call.from);
    expect(says((await again.dial()).twiml).join(' ')).toMatch(/无法接入.*请按9/);
    await again.hangUp();
    expect(await callRecord(hotline, again.callSid)).toMatchObject({ outcome: 'blocked' });

    // The wall lists the block, without the number, and lifts it.
    const listed = page.locator('table.wall__blocks tbody tr');
    await listed.filter({ hasText: 'Prank' }).waitFor(SEEN);
    await expect(listed.count()).resolves.toBe(1);
    await expect(listed.textContent()).resolves.not.toContain(call.from.slice(3));
    await listed.getByRole('button', { name: 'Lift the block' }).click();
    await page.getByText('No caller is blocked.').waitFor(SEEN);
    // No longer blocked; but four calls in half an hour are over this hotline's limit of two.
    const open = new PhoneCall(hotline.baseUrl, call.from);
    expect(says((await open.dial()).twiml).join(' ')).toMatch(/打了很多次电话/);
    await open.hangUp();
    expect(problems).toEqual([]);
  });

  it("shows the volunteer a caller's flags and the supervisors' guidance, and takes a silent call's record", async () => {
    const volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    const supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    const first = await connectedCall(hotline, volunteer);
    await hotline
      .as(supervisor.token)
      .put(`/api/calls/${first.offer.callId}/caller`)
      .send({ flags: ['known_case'], guidance: 'Ask about the school counsellor appointment.' })
      .expect(200);
    await first.call.follow(first.dialAction, {
      DialCallStatus: 'completed',
      DialCallDuration: '90',
    });
    await first.call.hangUp();
    await duty(hotline, volunteer).wrapUp(first.offer.callId).expect(200);

    const { page, problems } = await openPage(browser);
    await page.goto(`${hotline.baseUrl}/console/`);
    await page.getByLabel('邮箱').fill(volunteer.email);
    await page.getByLabel('密码').fill(volunteer.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-connection="connected"]').waitFor(SEEN);
    await page.getByRole('button', { name: '可接听' }).click();
    await page.locator('[data-state="available"]').waitFor(SEEN);

    const again = new PhoneCall(hotline.baseUrl, first.call.from);
    await again.dial();
    await again.choose('1', '1');
    await again.hold();
    const offerPanel = page.getByRole('alert').filter({ hasText: '来电！' });
    await offerPanel.waitFor(SEEN);
    await offerPanel
      .locator('[data-caller-flag="known_case"]', { hasText: '已知个案' })
      .waitFor(SEEN);
    await expect(offerPanel.locator('[data-field="guidance"]').textContent()).resolves.toContain(
      'Ask about the school counsellor appointment.',
    );
    await expect(offerPanel.textContent()).resolves.not.toContain(first.call.from.slice(3));

    // Taken, and nobody speaks: the volunteer records a silent call, no topic asked.
    const { callId } = await duty(hotline, volunteer).offer();
    await page.keyboard.press('a');
    await offerPanel.waitFor({ state: 'detached', ...SEEN });
    const dialAction = await again.pickUp(callId);
    await again.follow(dialAction, { DialCallStatus: 'completed', DialCallDuration: '15' });
    await again.hangUp();
    const form = page.getByRole('form', { name: '通话结束：整理记录' });
    await form.waitFor(SEEN);
    await form.getByLabel('来电类型').selectOption({ label: '无声来电' });
    await expect(form.getByLabel('主要话题').count()).resolves.toBe(0);
    await form.getByRole('button', { name: '完成整理' }).click();
    await page.locator('[data-state="available"]').waitFor(SEEN);
    const [contact] = await hotline.database.query<Record<string, unknown>>(
      'SELECT contact_type, primary_topic, risk_level, outcome FROM contact WHERE call_id = ?',
      [callId],
    );
    expect(contact).toEqual({
      contact_type: 'silent',
      primary_topic: null,
      risk_level: null,
      outcome: null,
    });
    expect(problems).toEqual([]);
  });
});
