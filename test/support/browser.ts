import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

/** Debian's Chromium; CI installs it with a CJK font (see .ci/run). */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's when installed, else the
 * one packaged with the dev dependencies (@sparticuz/chromium), so a machine with only Node runs
 * them too. HOTLINE_BROWSER=packaged takes the packaged one regardless (`npm test`'s MariaDB
 * pass does, so that path keeps working beside a system Chromium).
 */
export async function chromiumExecutable(): Promise<{ path: string; from: string }> {
  const choice = process.env.HOTLINE_BROWSER;
  if (choice !== undefined && choice !== '' && choice !== 'packaged')
    throw new Error(`HOTLINE_BROWSER=${choice}: the only value is "packaged"`);
  if (choice !== 'packaged') {
    if (process.env.CHROMIUM_PATH)
      return { path: process.env.CHROMIUM_PATH, from: 'CHROMIUM_PATH' };
    if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, from: 'the system' };
  }
  packaged ??= unpackPackagedChromium();
  return packaged;
}

let packaged: Promise<{ path: string; from: string }> | undefined;

/**
 * The package keeps Chromium brotli-compressed; its executablePath() inflates it into
 * os.tmpdir() and returns tmpdir/chromium as soon as that file exists, even while another process
 * is still writing it (and forever after an interrupted unpack). So each unpack runs in a child
 * process with its own TMPDIR, and the finished directory is renamed into place in one step:
 * whoever renames first wins, the others use theirs and drop their own copy.
 */
async function unpackPackagedChromium(): Promise<{ path: string; from: string }> {
  const main = require.resolve('@sparticuz/chromium');
  const packageJson = join(dirname(main), '..', '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const from = `@sparticuz/chromium ${version}`;
  const directory = join(tmpdir(), `hotline-chromium-${version}`);
  const executable = join(directory, 'chromium');
  if (existsSync(executable)) return { path: executable, from };

  const started = Date.now();
  const staging = await mkdtemp(`${directory}.unpacking-`);
  try {
    const script = `require(${JSON.stringify(main)}).executablePath().then((path) => process.stdout.write(path))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      env: { ...process.env, TMPDIR: staging },
    });
    if (stdout !== join(staging, 'chromium'))
      throw new Error(`${from} unpacked to ${stdout}, not into ${staging}`);
    await rename(staging, directory).catch((error: unknown) => {
      if (!existsSync(executable)) throw error; // else another process got there first
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { path: executable, from: `${from}, unpacked in ${seconds} s` };
}

let announced = false;

/** A headless Chromium for the console's browser tests, quiet and offline except for the server. */
export async function launchBrowser(): Promise<Browser> {
  const { path, from } = await chromiumExecutable();
  const browser = await chromium.launch({
    executablePath: path,
    headless: true,
    // The same flags for every Chromium. Of @sparticuz/chromium's own args (made for AWS Lambda)
    // none is needed on a desktop or CI machine, and some would hurt: --single-process puts every
    // page in one process (Playwright does not support it; one crash ends the run),
    // --disable-web-security and --allow-running-insecure-content would hide what a real browser
    // refuses, and --headless='shell' adds nothing, as the packaged binary is headless_shell.
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
  if (!announced) {
    announced = true;
    process.stderr.write(`Browser tests: Chromium ${browser.version()} from ${from} (${path})\n`);
  }
  return browser;
}

/**
 * A page in its own context (its own sessionStorage, so its own sign-in), with the browser's
 * console errors and failed requests collected so a failing test can say what the page saw.
 */
export async function openPage(
  browser: Browser,
  locale = 'zh-CN',
  /** The browser's own zone, where a test needs it to differ from the hotline's. */
  timezoneId?: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    locale,
    timezoneId,
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}
