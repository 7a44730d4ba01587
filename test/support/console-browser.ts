import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Person } from './people';

/** The console as `npm run build` leaves it; the browser tests drive the built page. */
export const BUILT_CONSOLE = join(process.cwd(), 'dist', 'console', 'index.html');

export function assertConsoleBuilt(): void {
  if (!existsSync(BUILT_CONSOLE))
    throw new Error(`${BUILT_CONSOLE} is missing: run \`npm run build\` before the browser tests`);
}

/** The sign-in form's labels, in the page's first language (Chinese). */
const SIGN_IN = { email: '邮箱', password: '密码', submit: '登录' };

/**
 * Signs `person` in to the console at `baseUrl` and, for English, switches the page's
 * language the way a person does (the button named in its own language).
 */
export async function signInToConsole(
  page: Page,
  baseUrl: string,
  person: Pick<Person, 'email' | 'password'>,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel(SIGN_IN.email).fill(person.email);
  await page.getByLabel(SIGN_IN.password).fill(person.password);
  await page.getByRole('button', { name: SIGN_IN.submit }).click();
  await page.locator('.topbar__person').waitFor({ timeout: 10_000 });
  if (locale === 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor({ timeout: 10_000 });
  }
}
