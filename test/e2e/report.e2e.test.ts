/** A user's path through the app in a real browser: enter, check, switch, correct, print. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkList, newPage, RESULTS, SCREENSHOTS, useServerAndBrowser } from './harness.js';

const running = useServerAndBrowser();

const lines = [
  'Kinine 250 mg 1dd a.n.',
  'Magnesiumcitraat 400 mg 1x per dag',
  'Vitamine C 500 mg 2 x daags',
  'Warfarin 5 mg daily',
  'Vitamin E 800 IU daily',
  'Kinnine 100 mg',
];
const verdictWords = (page: Page) => page.locator('.line .line__head .badge').allTextContents();

describe('checking a list in the browser', () => {
  it('a first-time user enters a list and reads the verdicts', async () => {
    const page = await newPage(running.browser);
    await page.goto(`${running.url}/`);
    await page.getByLabel('Medicines and supplements, one per line').fill(lines.join('\n'));
    await page.locator('#field-targetWeightKg').fill('62');
    await page.locator('#field-weightGainKg').fill('3,1');
    await page.locator('#field-sessionHours').fill('4');
    await page.screenshot({ path: join(SCREENSHOTS, 'form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Check the list' }).click();

    await expect.poll(() => page.locator('h1').textContent()).toBe('Check result');
    expect((await page.locator('.summary .summary__verdict .badge').textContent())?.trim()).toBe('✖ Avoid');
    expect(await page.locator('.line__input').allTextContents()).toEqual(lines);
    expect((await verdictWords(page)).map((v) => v.trim())).toEqual([
      '! Caution', '✖ Avoid', '✖ Avoid', '✖ Avoid', '✖ Avoid', '? Not checked — verify by hand',
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: false });
  });

  it('opens a finding from the keyboard to read why', async () => {
    const page = await newPage(running.browser);
    await checkList(page, running.url, ['Quinine sulfate 300 mg twice daily']);
    const summary = page.locator('.finding summary', { hasText: 'More quinine than the highest dose' });
    await summary.focus();
    await page.keyboard.press('Enter');
    const body = page.locator('.finding', { hasText: 'More quinine than the highest dose' }).locator('.finding__body');
    await expect.poll(() => body.isVisible()).toBe(true);
    expect(await body.textContent()).toContain('498 mg quinine base');
  });

  it('switches language and view without losing the list', async () => {
    const page = await newPage(running.browser);
    await checkList(page, running.url, lines);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Resultaat van de controle');
    expect(page.url()).toContain('lang=nl');
    expect(await page.locator('.line__input').allTextContents()).toEqual(lines);
    await page.getByRole('button', { name: 'Weergave voor patiënten' }).click();
    await expect.poll(() => page.locator('.line .badge').first().textContent()).toContain('Eerst overleggen met uw arts');
    expect(page.url()).toContain('view=patient');
    expect(await page.locator('.patient-findings').first().textContent()).toMatch(/nefroloog/);
    await page.screenshot({ path: join(RESULTS, 'report-nl-patient.png'), fullPage: false });
  });

  it('accepts a "did you mean" suggestion and re-checks the line as that', async () => {
    const page = await newPage(running.browser);
    await checkList(page, running.url, lines);
    await page.getByRole('button', { name: 'Use "Kinine"' }).click();
    await expect.poll(() => page.locator('.line__input').nth(5).textContent()).toBe('Kinine 100 mg');
    expect(await page.locator('.line').nth(5).locator('.reading').textContent()).toContain('Quinine (“Kinine”)');
  });

  it('"edit this list" returns to the form with every line and field kept', async () => {
    const page = await newPage(running.browser);
    await checkList(page, running.url, lines, { targetWeightKg: '62', anticoagulation: 'citrate' });
    await page.getByRole('button', { name: 'Edit this list' }).click();
    expect(await page.getByLabel('Medicines and supplements, one per line').inputValue()).toBe(lines.join('\n'));
    expect(await page.locator('#field-targetWeightKg').inputValue()).toBe('62');
    expect(await page.locator('#field-anticoagulation').inputValue()).toBe('citrate');
  });

  it('sorts the lines worst first', async () => {
    const page = await newPage(running.browser);
    await checkList(page, running.url, ['Vitamine C 50 mg 1dd', 'Foobarex', 'Magnesium 200 mg 1dd']);
    await page.getByRole('button', { name: 'Worst first' }).click();
    await expect.poll(() => page.locator('.line__input').allTextContents()).toEqual(['Magnesium 200 mg 1dd', 'Foobarex', 'Vitamine C 50 mg 1dd']);
  });
});

describe('printing', () => {
  const tenLines = [
    'Kinine 250 mg 1dd a.n.', 'Quinine sulfate 300 mg twice daily', 'Magnesiumcitraat 400 mg 1x per dag', 'Vitamine C 500 mg 2 x daags',
    'Warfarin 5 mg daily', 'Vitamin E 800 IU daily', 'L-carnitine 1 g IV na elke dialyse', 'OsvaRen 2 tabletten 3dd',
    'Tonic 500 ml per dag', 'Foobarex 10 mg',
  ];

  it('gives a clean A4 sheet: no navigation, every finding open, nothing wider than the page', async () => {
    const page = await newPage(running.browser);
    await checkList(page, running.url, tenLines, { targetWeightKg: '62', weightGainKg: '3,1', sessionHours: '4' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(await page.locator('details:not([open])').count()).toBe(0);

    await page.emulateMedia({ media: 'print' });
    // A4 minus the 12 mm side margins of the print stylesheet is 186 mm ≈ 703 CSS px.
    await page.setViewportSize({ width: 703, height: 1000 });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.report-actions').isVisible()).toBe(false);
    expect(await page.locator('.print-notes').isVisible()).toBe(true);
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: join(RESULTS, 'print.png'), fullPage: true });
  });
});
