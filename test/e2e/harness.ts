/** The real server and Debian's Chromium, for browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from '../../src/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The screenshots the README shows; the others go to test-results/, which git ignores. */
export const SCREENSHOTS = join(projectRoot, 'docs', 'screenshots');
export const RESULTS = join(projectRoot, 'test-results');

export interface Running {
  url: string;
  stop: () => Promise<void>;
}

/** Starts the built server (dist/) on a free port and resolves once it listens. */
export function startServer(): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '10000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(line);
      if (!m?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** The server and the browser a test file shares, started before its tests and stopped after. */
export function useServerAndBrowser(): { readonly url: string; readonly browser: Browser } {
  let server: Running | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('the server is not running');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not running');
      return browser;
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  return context.newPage();
}

/** Fills the form the way a user would and submits it. */
export async function checkList(page: Page, base: string, lines: string[], fields: Record<string, string> = {}, lang = 'en') {
  await page.goto(`${base}/?lang=${lang}`);
  await page.getByLabel(lang === 'en' ? 'Medicines and supplements, one per line' : 'Geneesmiddelen en supplementen, één per regel').fill(lines.join('\n'));
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`#field-${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.locator('button[type=submit]').click();
  await page.waitForLoadState('load');
}
