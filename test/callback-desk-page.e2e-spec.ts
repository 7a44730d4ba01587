import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { assertConsoleBuilt, signInToConsole } from './support/console-browser';
import { CallBackLegs } from './support/callbacks';
import { DataSource } from 'typeorm';
import { callRecord, eventually } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';

/** Long enough for a socket frame or an API answer to reach the page, short enough to fail usefully. */
const SEEN = { timeout: 10_000 };

jest.setTimeout(120_000);

/** What each language shows; the pages are driven by these labels, as people read them. */
const TEXTS = {
  'zh-CN': {
    tab: '回电台',
    desk: '我的接线台',
    available: '可接听',
    play: /^播放留言（7 秒）$/,
    assignTo: '分配给',
    callBack: '回电',
    markDone: '标记完成',
    ringingYou: '正在接通您的电话…',
    ringingCaller: '正在拨打来电者…',
    talking: /^通话中 \d+:\d\d$/,
    ended: '回电结束：已联系上',
    primaryTopic: '主要话题',
    risk: '低',
    outcome: '处理结果',
    submit: '完成整理',
    recorded: '回电记录已保存。',
    status: '状态',
    done: '已完成',
    filter: '筛选',
    reached: '已联系上',
    reminder: '有 1 个回电请求已过当晚仍未完成。',
    openDesk: '打开回电台',
    overdue: '已过期',
    mineEmpty: '目前没有分配给您的回电。',
  },
  en: {
    tab: 'Call-backs',
    desk: 'My desk',
    available: 'Available',
    play: /^Play the message \(7 s\)$/,
    assignTo: 'Assign to',
    callBack: 'Call back',
    markDone: 'Mark done',
    ringingYou: 'Ringing your phone…',
    ringingCaller: 'Ringing the caller…',
    talking: /^Talking \d+:\d\d$/,
    ended: 'Call-back over: Reached',
    primaryTopic: 'Main topic',
    risk: 'Low',
    outcome: 'Outcome',
    submit: 'Finish wrap-up',
    recorded: 'The record of the call-back is saved.',
    status: 'Status',
    done: 'Done',
    filter: 'Filter',
    reached: 'Reached',
    reminder: '1 call-back requests are still open after their evening.',
    openDesk: 'Open the call-back desk',
    overdue: 'Overdue',
    mineEmpty: 'No call-backs are assigned to you.',
  },
} as const;

/**
 * The call-back desk in a real browser, against the real server and the fake Twilio, in each
 * language: a supervisor finds the caller who left a message, plays it and gives the call-back
 * to a volunteer; the volunteer calls back from the desk, follows the call-back step by step
 * and writes up its record; the supervisor sees it reached; and the wall reminds them of a
 * request still open the evening after. Controls are shown only to those who may use them.
 */
describe.each(Object.keys(TEXTS) as (keyof typeof TEXTS)[])(
  'the call-back desk page (%s)',
  (lang) => {
    const text = TEXTS[lang];
    let centre: CallCentre;
    let hotline: RunningHotline;
    let browser: Browser;
    /** What each page's browser saw go wrong: nothing, at the end of each test. */
    const seen: { label: string; problems: string[] }[] = [];
    const problems = () =>
      seen.flatMap(({ label, problems: of }) => of.map((line) => `${label}: ${line}`));

    beforeAll(async () => {
      assertConsoleBuilt();
      centre = await startCallCentre({ HOTLINE_CLOCK_START: '2026-11-23T19:00:00+08:00' });
      ({ hotline } = centre);
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await centre?.stop();
    });

    /** A person's console, signed in; what its browser saw go wrong is kept under `label`. */
    async function pageOf(person: Person, label: string): Promise<Page> {
      // A browser far from the hotline: the desk still tells the hotline's times.
      const opened = await openPage(browser, 'zh-CN', 'America/New_York');
      const page = opened.page;
      seen.push({ label, problems: opened.problems });
      // Which request a refusal answered, beside the browser's own line about it.
      page.on('response', (response) => {
        if (response.status() >= 400)
          opened.problems.push(
            `${response.request().method()} ${response.url()} → ${response.status()}`,
          );
      });
      await signInToConsole(page, hotline.baseUrl, person, lang);
      await page.locator('[data-connection="connected"]').waitFor(SEEN);
      return page;
    }

    /** A caller rings while the line is closed for them, and leaves a 7-second message. */
    async function leftMessage(): Promise<PhoneCall> {
      const call = new PhoneCall(hotline.baseUrl);
      await call.dial();
      await call.post('choice?reason=closed_hours', { Digits: '1' });
      const { recordingSid } = centre.twilio.record(call.callSid);
      await call.post('recording?reason=closed_hours', {
        RecordingSid: recordingSid,
        RecordingStatus: 'completed',
        RecordingDuration: '7',
      });
      await call.hangUp();
      return call;
    }

    it('lets a supervisor play and assign a call-back, and the volunteer call back and write it up', async () => {
      const supervisor = await addPerson(hotline, {
        roles: ['supervisor'],
        name: 'Zhao Supervisor',
      });
      const volunteer = await addPerson(hotline, {
        name: 'Wang Volunteer',
        phone: ownPhone(),
        answerBy: 'phone',
      });
      const call = await leftMessage();
      const { id: callId } = await callRecord(hotline, call.callSid);
      const [{ id: requestId }] = await hotline.database.query<{ id: string }>(
        'SELECT id FROM callback_request WHERE call_id = ?',
        [callId],
      );

      // The supervisor finds the request, plays the message, and gives it to the volunteer.
      const wall = await pageOf(supervisor, 'supervisor');
      await wall.getByRole('button', { name: text.tab }).click();
      const row = wall.locator(`tr[data-callback="${requestId}"]`);
      await row.waitFor(SEEN);
      // Asked in the evening, at the hotline (New York's morning).
      await expect(row.locator('[data-requested-at]').textContent()).resolves.toMatch(/ 19:\d\d$/);
      await row.getByRole('button', { name: text.play }).click();
      await row.locator('audio').waitFor(SEEN);
      expect(await row.locator('audio').getAttribute('src')).toMatch(/^blob:/);
      // A supervisor who takes no calls of the evening may assign and close, not call back.
      await expect(
        row.getByRole('button', { name: text.callBack, exact: true }).count(),
      ).resolves.toBe(0);
      await expect(
        row.getByRole('button', { name: text.markDone, exact: true }).count(),
      ).resolves.toBe(1);
      await row.getByLabel(text.assignTo).selectOption({ label: 'Wang Volunteer' });
      await eventually(async () => {
        const [stored] = await hotline.database.query<{ assigned_to: string | null }>(
          'SELECT assigned_to FROM callback_request WHERE id = ?',
          [requestId],
        );
        return stored.assigned_to === volunteer.id ? true : undefined;
      }, 'the request to be assigned');

      // The volunteer goes available, opens the desk and calls back.
      const desk = await pageOf(volunteer, 'volunteer');
      await desk.getByRole('button', { name: text.available, exact: true }).click();
      await desk.locator('[data-state="available"]').waitFor(SEEN);
      await desk.getByRole('button', { name: text.tab }).click();
      const mine = desk.locator(`tr[data-callback="${requestId}"]`);
      await mine.waitFor(SEEN);
      // Theirs to call back: no assigning, no closing by hand.
      await expect(mine.getByLabel(text.assignTo).count()).resolves.toBe(0);
      await expect(
        mine.getByRole('button', { name: text.markDone, exact: true }).count(),
      ).resolves.toBe(0);
      await mine.getByRole('button', { name: text.callBack, exact: true }).click();
      const step = desk.locator('.callbacks__step');
      await step.filter({ hasText: text.ringingYou }).waitFor(SEEN);
      const attemptId = await desk.locator('[data-attempt]').getAttribute('data-attempt');

      // Twilio rings their phone (they press 1), then the caller, who picks up and talks.
      const legs = new CallBackLegs(hotline.baseUrl, attemptId!);
      await legs.volunteerAnswers();
      await step.filter({ hasText: text.ringingCaller }).waitFor(SEEN);
      await legs.callerAnswers('human');
      await step.filter({ hasText: text.talking }).waitFor(SEEN);
      await legs.legEnded('caller', 'completed');
      await step.filter({ hasText: text.ended }).waitFor(SEEN);

      // The record: the same wrap-up form as after a call.
      await desk.getByLabel(text.primaryTopic).selectOption('emotional.anxiety_stress');
      await desk.getByRole('radio', { name: text.risk, exact: true }).check();
      await desk.getByLabel(text.outcome).selectOption('advice_given');
      await desk.getByRole('button', { name: text.submit }).click();
      await desk.getByText(text.recorded).waitFor(SEEN);
      await desk.getByText(text.mineEmpty).waitFor(SEEN);

      // The supervisor sees it done: reached.
      await wall.getByLabel(text.status).selectOption('done');
      await wall.getByRole('button', { name: text.filter }).click();
      await row.locator('[data-state]').filter({ hasText: text.reached }).waitFor(SEEN);
      const [contact] = await hotline.database.query<{ direction: string; channel: string }>(
        'SELECT direction, channel FROM contact WHERE callback_request_id = ?',
        [requestId],
      );
      expect(contact).toEqual({ direction: 'outbound', channel: 'phone' });

      await wall.close();
      await desk.close();
      expect(problems()).toEqual([]);
    });

    it('reminds the wall of a request still open the evening after, and takes the supervisor to it', async () => {
      const supervisor = await addPerson(hotline, { roles: ['supervisor'] });
      const call = await leftMessage();
      const { id: callId } = await callRecord(hotline, call.callSid);
      // Its evening was yesterday's.
      await hotline.app
        .get(DataSource)
        .query("UPDATE callback_request SET for_date = '2026-11-22' WHERE call_id = ?", [callId]);
      const wall = await pageOf(supervisor, 'supervisor');
      const reminder = wall.locator('.callbacks__reminder');
      await reminder.filter({ hasText: text.reminder }).waitFor(SEEN);
      await reminder.getByRole('button', { name: text.openDesk }).click();
      await wall
        .locator('tr[data-overdue]')
        .filter({ hasText: text.overdue })
        .first()
        .waitFor(SEEN);
      await wall.close();
      expect(problems()).toEqual([]);
    });
  },
);
