/** WCAG 2.1 AA: axe-core in Chromium finds no violations on the pages people use. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkList, DUTCH_HD_LIST, HD_CONTEXT, newPage, PHONE, reportRows, submitWith, ui, useServerAndBrowser } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const running = useServerAndBrowser();

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** Every violation as "id (impact): help — the nodes", so a failure says what to fix and where. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as AxeResult;
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Axe is injected as a script; the app's CSP rightly forbids that, so only these test pages bypass it.
const page = (options = {}) => newPage(running.browser, { bypassCSP: true, ...options });

const openEveryDetail = (p: Page) => p.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('the check itself finds violations where they are', async () => {
    const p = await page();
    await p.setContent('<html><body><img src="x.png"><input type="text"></body></html>');
    const found = await violations(p);
    expect(found.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'label']));
  });

  it.each(['en', 'nl'])('the empty form (%s)', async (lang) => {
    const p = await page();
    await p.goto(`${running.url}/?lang=${lang}`);
    expect(await violations(p)).toEqual([]);
  });

  it('the form with errors next to the fields', async () => {
    const p = await page();
    await checkList(p, running.url, ['Kinine'], { targetWeightKg: '0', sessionHours: 'lang' });
    expect(await p.locator('.error-summary').isVisible()).toBe(true);
    expect(await violations(p)).toEqual([]);
  });

  it.each([
    ['en', 'pro'],
    ['nl', 'pro'],
    ['en', 'patient'],
    ['nl', 'patient'],
  ] as const)('the report of a 15-line list with every kind of verdict, every detail open (%s, %s)', async (lang, view) => {
    const p = await page();
    await checkList(p, running.url, DUTCH_HD_LIST, HD_CONTEXT, lang);
    if (view === 'patient') await submitWith(p, p.getByRole('button', { name: ui(lang).views.patient, exact: true }));
    expect(new Set((await reportRows(p)).map((r) => r.verdict))).toEqual(new Set(['avoid', 'caution', 'ok', 'unknown']));
    await openEveryDetail(p);
    expect(await violations(p)).toEqual([]);
  });

  it('the report on a phone, in input order', async () => {
    const p = await page(PHONE);
    await checkList(p, running.url, DUTCH_HD_LIST, HD_CONTEXT);
    await submitWith(p, p.getByRole('button', { name: ui('en').report.sortInput, exact: true }));
    await openEveryDetail(p);
    expect(await violations(p)).toEqual([]);
  });

  it.each(['/kb', '/kb?lang=nl', '/kb/quinine', '/kb/quinine?lang=nl', '/kb/osvaren', '/kb/coverage', '/kb/interactions', '/kb/context'])(
    'the knowledge base: %s',
    async (path) => {
      const p = await page();
      await p.goto(`${running.url}${path}`);
      expect(await violations(p)).toEqual([]);
    },
  );
});
