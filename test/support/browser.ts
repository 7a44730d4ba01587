import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

/** Debian's Chromium; CI installs it when missing (see .ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium for the console's browser tests, quiet and offline except for the server. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The console rings with WebAudio; let it, as a click on the page would.
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/**
 * A page in its own context (its own sessionStorage, so its own sign-in), with the browser's
 * console errors and failed requests collected so a failing test can say what the page saw.
 */
export async function openPage(
  browser: Browser,
  locale = 'zh-CN',
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}
