import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { RunningHotline, startHotline } from './support/hotline-server';

const BUILT_PAGE = join(process.cwd(), 'dist', 'console', 'index.html');
const SEEN = { timeout: 10_000 };

jest.setTimeout(90_000);

const HEADER = '日期时间,渠道,来电者类型,年龄段,性别,主要问题,风险等级,处理结果';
const GOOD = [
  HEADER,
  '2024-03-01 19:00,电话,学生,12–14岁,女,焦虑与压力,低,已给予建议',
  '2024-03-02 19:30,网络,家长,15–17岁,男,考试焦虑,无,已给予建议',
].join('\n');
const BROKEN = `${GOOD}\n2024-03-03 19:30,传真,家长,15–17岁,男,考试焦虑,无,已给予建议`;

/**
 * The import screen and the organisation's report in a real browser against the real server:
 * a dry run that names the row and column of each problem, a commit of the corrected file,
 * and the imported month in the unit's report.
 */
describe('the import and organisation pages', () => {
  let hotline: RunningHotline;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let admin: string;

  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE))
      throw new Error(`${BUILT_PAGE} is missing: run \`npm run build\` before the browser tests`);
    hotline = await startHotline({ HOTLINE_CLOCK_START: '2026-11-23T20:00:00+08:00' });
    admin = await hotline.signIn();
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
    await page.goto(`${hotline.baseUrl}/console/`);
    await page.getByLabel('邮箱').fill('admin@hotline.test');
    await page.getByLabel('密码').fill('admin-password-1');
    await page.getByRole('button', { name: '登录' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await hotline?.stop();
  });

  const choose = (content: string) =>
    page
      .getByLabel('文件')
      .setInputFiles({ name: '2024.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });

  it('checks a file first, names each problem, and imports the corrected one whole', async () => {
    await page.getByRole('button', { name: '导入历史数据' }).click(SEEN);
    await choose(BROKEN);
    await page.getByRole('button', { name: '检查' }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('1 个问题，修正后再导入').waitFor(SEEN);
    const problem = report.locator('tbody tr').first();
    await expect(problem.locator('td').allTextContents()).resolves.toEqual([
      '4',
      '渠道',
      expect.stringContaining('"传真" is not a channel'),
    ]);
    await expect(page.getByRole('button', { name: /^导入 \d+ 行$/ }).count()).resolves.toBe(0);

    await choose(GOOD);
    await page.getByRole('button', { name: '检查' }).click();
    await report.getByText(/将导入 2 行（2 人次，2024-03-01 至 2024-03-02）/).waitFor(SEEN);
    await page.getByRole('button', { name: '导入 2 行' }).click();
    await report.getByText(/已导入 2 行/).waitFor(SEEN);

    const march = await hotline.as(admin).get('/api/stats/monthly?month=2024-03').expect(200);
    expect(march.body.consultations.total).toBe(2);
    expect(problems).toEqual([]);
  });

  it("shows the imported month in the organisation's report, summed with its breakdown", async () => {
    await page.getByRole('button', { name: '组织与汇总' }).click(SEEN);
    await page.getByLabel('月份').fill('2024-03');
    await page.getByTestId('unit-total').getByText('咨询 2 人次（1 条热线）').waitFor(SEEN);
    // One hotline with 2 consultations: below the small-cell limit, so not shown.
    await expect(
      page.getByTestId('unit-breakdown').locator('tbody td').last().textContent(),
    ).resolves.toBe('< 3*');
    expect(problems).toEqual([]);
  });
});
