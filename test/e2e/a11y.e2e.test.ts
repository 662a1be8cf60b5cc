/** WCAG 2.1 AA: axe-core in Chromium finds no violations on the pages people use. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkList, newPage, useServerAndBrowser } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const running = useServerAndBrowser();

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

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
const page = () => newPage(running.browser, { bypassCSP: true });

const everyVerdict = [
  'Kinine 250 mg 1dd a.n.',
  'Magnesiumcitraat 400 mg 1x per dag',
  'Vitamine C 50 mg 1dd',
  'Foobarex 10 mg',
  'Kinnine 100 mg',
  'Warfarin 5 mg daily',
  'Vitamin E 800 IU daily',
  'Magnesium 200 mg 1dd',
];
const context = { targetWeightKg: '55', weightGainKg: '3,2', sessionHours: '4', anticoagulation: 'citrate' };

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('the check itself finds violations where they are', async () => {
    const p = await page();
    await p.setContent('<html><body><img src="x.png"><input type="text"></body></html>');
    const found = await violations(p);
    expect(found.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'label']));
  });

  it('the empty form', async () => {
    const p = await page();
    await p.goto(`${running.url}/`);
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
  ])('a report with every kind of verdict (%s, %s)', async (lang, view) => {
    const p = await page();
    await checkList(p, running.url, everyVerdict, context, lang);
    if (view === 'patient') await p.locator('button', { hasText: lang === 'en' ? 'Patient view' : 'Weergave voor patiënten' }).click();
    const badges = await p.locator('.line .line__head .badge').allTextContents();
    expect(new Set(badges.map((b) => b.trim().slice(0, 1)))).toEqual(new Set(['✖', '!', '✓', '?']));
    await p.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await violations(p)).toEqual([]);
  });

  it('the knowledge base index, an entry and the coverage page', async () => {
    const p = await page();
    for (const path of ['/kb', '/kb/quinine?lang=nl', '/kb/osvaren', '/kb/coverage', '/kb/interactions', '/kb/context']) {
      await p.goto(`${running.url}${path}`);
      expect(await violations(p), path).toEqual([]);
    }
  });
});
