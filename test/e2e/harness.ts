/** The real server and Debian's Chromium, for browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import type { Lang } from '../../src/kb/schema.js';
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

/** A phone held upright. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The words of the interface a user reads, in their language: buttons and labels are found by them. */
export const ui = (lang: Lang) => messages(lang).ui;

/** Opens the form and types the list and the context fields (by field name) the way a user would. */
export async function fillForm(page: Page, base: string, lines: string[], fields: Record<string, string> = {}, lang: Lang = 'en') {
  await page.goto(`${base}/?lang=${lang}`);
  await page.getByLabel(ui(lang).form.itemsLabel, { exact: true }).fill(lines.join('\n'));
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`#field-${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

/** Fills the form and presses its visible "check" button. */
export async function checkList(page: Page, base: string, lines: string[], fields: Record<string, string> = {}, lang: Lang = 'en') {
  await fillForm(page, base, lines, fields, lang);
  await Promise.all([page.waitForURL(/\/check\b/), page.getByRole('button', { name: ui(lang).form.submit, exact: true }).click()]);
  await page.waitForLoadState('load');
}

/**
 * A real haemodialysis list as a Dutch pharmacy prints it, with one name misspelt, and the dialysis
 * context of the session it was checked for.
 */
export const DUTCH_HD_LIST = [
  'Kinine 250 mg 1dd a.n.',
  'Magnesiumcitraat 400 mg 1x per dag',
  'Vitamine C 500 mg 2 x daags',
  'Calcium carbonaat 500 mg 3dd1 bij de maaltijd',
  'Renvela 800 mg 3dd2',
  'Alfacalcidol 0,25 µg 1dd',
  'Acenocoumarol 1 mg volgens schema trombosedienst',
  'Vitamine E 400 IE 1dd',
  'Metoprolol 50 mg 2dd',
  'Amlodipien 5 mg 1dd',
  'Furosemide 500 mg 1dd',
  'Pantoprazol 40 mg 1dd',
  'Paracetamol 500 mg zo nodig max 3dd2',
  'Gabapentine 300 mg 1dd',
  'Cinacalcet 30 mg 1dd',
];
export const HD_CONTEXT: Record<string, string> = {
  modality: 'hd',
  targetWeightKg: '62',
  weightGainKg: '3,1',
  sessionHours: '4',
  sessionsPerWeek: '3',
  residualUrineMlPerDay: '300',
  anticoagulation: 'lmwh',
  diabetes: 'yes',
  crampsAtHome: 'yes',
};

/** Clicks a button that posts the page's form (an action of the report) and waits for the page it loads. */
export async function submitWith(page: Page, button: Locator): Promise<void> {
  const loaded = page.waitForEvent('load');
  await button.click();
  await loaded;
}

export type Verdict = 'avoid' | 'caution' | 'ok' | 'unknown';

/** The report's line rows as shown, top to bottom: the line as typed and the verdict its row carries. */
export function reportRows(page: Page): Promise<{ input: string; verdict: Verdict }[]> {
  return page.locator('li.line').evaluateAll((rows) =>
    rows.map((row) => ({
      input: row.querySelector('.line__input')?.textContent ?? '',
      verdict: (/\bline--(avoid|caution|ok|unknown)\b/.exec(row.className)?.[1] ?? '') as Verdict,
    })),
  );
}
