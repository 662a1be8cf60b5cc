/**
 * A user's path through the app in a real browser: a whole haemodialysis list typed in and checked
 * with Enter, the lines to act on in the first screen, the finding's sources in a new tab, the
 * printed sheets, a phone, and the report's actions (language, view, order, correction, edit,
 * download and open again).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  checkList,
  DUTCH_HD_LIST,
  fillForm,
  HD_CONTEXT,
  newPage,
  PHONE,
  reportRows,
  RESULTS,
  SCREENSHOTS,
  submitWith,
  ui,
  useServerAndBrowser,
} from './harness.js';
import { firstPageToPng, pdfPageCount, pdfText } from './pdf.js';

const running = useServerAndBrowser();
const en = ui('en');
const nl = ui('nl');
const DESKTOP = { viewport: { width: 1280, height: 800 } };

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function checkTheDutchList(page: Page, lang: 'en' | 'nl' = 'en') {
  await checkList(page, running.url, DUTCH_HD_LIST, HD_CONTEXT, lang);
  expect(await page.locator('li.line').count()).toBe(DUTCH_HD_LIST.length);
}

/** The avoid lines' inputs must be in the summary's "act on first" and inside the viewport, unscrolled. */
async function expectAvoidLinesInFirstScreen(page: Page) {
  const height = page.viewportSize()!.height;
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const avoid = (await reportRows(page)).filter((r) => r.verdict === 'avoid').map((r) => r.input);
  expect(avoid.length).toBeGreaterThan(0);
  const named = page.locator('.summary__act .line__input');
  expect((await named.allTextContents()).sort()).toEqual([...avoid].sort());
  for (const el of await named.all()) {
    expect(await el.isVisible()).toBe(true);
    const box = (await el.boundingBox())!;
    expect(box.y, `${await el.textContent()} starts above the screen`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${await el.textContent()} is below the first screen (${height} px)`).toBeLessThanOrEqual(height);
  }
}

/** Every element sticking out to the right of the page, for the message when the page scrolls sideways. */
async function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wider = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wider };
  });
}

describe('checking a whole haemodialysis list', () => {
  it('a list of 15 Dutch lines with its context, typed in and checked with Enter, comes back line for line', async () => {
    const page = await newPage(running.browser, DESKTOP);
    await fillForm(page, running.url, DUTCH_HD_LIST, HD_CONTEXT);
    await page.getByLabel(en.form.itemsLabel, { exact: true }).evaluate((list) => list.scrollTo(0, 0));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(SCREENSHOTS, 'form.png'), fullPage: true });

    // Enter in a context field runs the check (not the language switch, the first button of the page).
    const loaded = page.waitForEvent('load');
    await page.locator('#field-weightGainKg').press('Enter');
    await loaded;

    expect(await page.locator('h1').textContent()).toBe(en.report.title);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    const inputs = (await reportRows(page)).map((r) => r.input);
    expect(inputs).toHaveLength(15);
    for (const line of DUTCH_HD_LIST) expect(inputs.filter((i) => i === line), line).toHaveLength(1);
    // The context typed in was used, and the list never reaches the URL.
    const used = (await page.locator('.context-used').textContent())!.replace(/\s+/g, ' ');
    for (const value of ['62 kg', '3.1 kg', '4 hours', '300 ml per day']) expect(used).toContain(value);
    for (const key of new URL(page.url()).searchParams.keys()) expect(['lang', 'view', 'sort']).toContain(key);
  });

  it.each([
    ['a laptop', DESKTOP],
    ['a phone', PHONE],
  ])('names every line to avoid in the first screen on %s', async (_, device) => {
    const page = await newPage(running.browser, device);
    await checkTheDutchList(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAvoidLinesInFirstScreen(page);
    if (device === DESKTOP) await page.screenshot({ path: join(SCREENSHOTS, 'report-triage.png') });
  });

  it('groups the lines for triage: to act on, to check, fine, then not checked', async () => {
    const page = await newPage(running.browser);
    await checkTheDutchList(page);
    const rank = { avoid: 0, caution: 1, ok: 2, unknown: 3 };
    const verdicts = (await reportRows(page)).map((r) => r.verdict);
    expect(verdicts).toEqual([...verdicts].sort((a, b) => rank[a] - rank[b]));
    expect(new Set(verdicts)).toEqual(new Set(['avoid', 'caution', 'ok', 'unknown']));
    const headings = (await page.locator('.triage > h2').allTextContents()).map((h) => h.replace(/\s*\(\d+\)$/, '').trim());
    expect(headings).toEqual([en.report.triage.act, en.report.triage.check, en.report.triage.fine, en.report.triage.notChecked]);
    const notChecked = page.locator('section.triage--unknown');
    expect(await notChecked.locator('.triage__part').allTextContents()).toEqual([en.report.triage.notRecognised]);
    expect(await notChecked.locator('li.line .line__input').allTextContents()).toEqual(['Amlodipien 5 mg 1dd']);
  });

  it('opens the knowledge-base entry of a finding in a new tab and keeps the report', async () => {
    const page = await newPage(running.browser);
    await checkTheDutchList(page);
    const reportUrl = page.url();
    const row = page.locator('li.line--avoid').first();
    await row.locator('summary.line__summary').click();
    const finding = row.locator('details.finding').first();
    await finding.locator('summary').click();
    const link = finding.getByRole('link', { name: en.report.kbEntry });

    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.waitForLoadState('load');
    expect(new URL(tab.url()).pathname).toMatch(/^\/kb\/[\w.-]+$/);
    expect((await tab.locator('h1').textContent())?.trim()).not.toBe('');
    expect(await tab.evaluate(() => window.opener)).toBeNull();

    expect(page.url()).toBe(reportUrl);
    expect(await page.locator('li.line').count()).toBe(15);
    expect(await finding.locator('.finding__body').isVisible()).toBe(true);
    // So does every other source or knowledge-base link of the report.
    const links = page.locator('.line__body a:not([href^="#"]), .interaction a:not([href^="#"]), .total a, .causes a');
    expect(await links.count()).toBeGreaterThan(20);
    const opening = await links.evaluateAll((all) => all.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`));
    expect(new Set(opening)).toEqual(new Set(['_blank noopener']));
  });

  it('opens a line and then a finding from the keyboard to read why', async () => {
    const page = await newPage(running.browser);
    await checkList(page, running.url, ['Quinine sulfate 300 mg twice daily']);
    await page.locator('li.line summary.line__summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('li.line .line__body').isVisible()).toBe(true);
    const title = 'More quinine than the highest dose';
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((t) => document.activeElement?.matches('details.finding > summary') && document.activeElement.textContent?.includes(t), title)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(title);
    await page.keyboard.press('Enter');
    const body = page.locator('details.finding', { hasText: title }).locator('.finding__body');
    await expect.poll(() => body.isVisible()).toBe(true);
    expect(await body.textContent()).toContain('498 mg quinine base');
  });

  it('accepts a "did you mean" suggestion and re-checks the misspelt line as that name', async () => {
    const page = await newPage(running.browser);
    await checkTheDutchList(page);
    const misspelt = page.locator('#line-10');
    expect(await misspelt.getAttribute('class')).toContain('line--unknown');
    await submitWith(page, button(page, en.report.useSuggestion('Amlodipine')));
    expect(await misspelt.locator('.line__input').textContent()).toBe('Amlodipine 5 mg 1dd');
    expect(await misspelt.getAttribute('class')).not.toContain('line--unknown');
    expect(await misspelt.locator('.reading').textContent()).toContain('Amlodipine (“Amlodipine”)');
    expect(await page.locator('li.line').count()).toBe(15);
    expect(await page.locator('.context-used').textContent()).toContain('62 kg');
  });

  it('switches language and view without losing the list', async () => {
    const page = await newPage(running.browser);
    await checkTheDutchList(page);
    await submitWith(page, button(page, en.otherLanguage));
    expect(await page.locator('h1').textContent()).toBe('Resultaat van de controle');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('nl');
    expect((await reportRows(page)).map((r) => r.input).sort()).toEqual([...DUTCH_HD_LIST].sort());

    await submitWith(page, button(page, nl.views.patient));
    expect(new URL(page.url()).searchParams.get('view')).toBe('patient');
    expect(await button(page, nl.views.patient).getAttribute('aria-pressed')).toBe('true');
    expect((await page.locator('li.line--avoid .badge').first().textContent())?.trim()).toBe(`✖ ${nl.verdicts.patient.avoid}`);
    expect(await page.locator('#group-avoid').textContent()).toContain(nl.report.patientGroups.stop);
    expect(await page.locator('.whom-to-ask').textContent()).toBe(nl.report.patientGroups.whomToAsk);
    // For the patient the summary names the lines to talk about; each one's own text follows in its group.
    expect(await page.locator('.summary__act-title').textContent()).toBe(`${nl.report.triage.actOnFirstPatient}:`);
    expect(await page.locator('li.line').count()).toBe(15);
    await page.screenshot({ path: join(RESULTS, 'report-nl-patient.png') });

    await submitWith(page, button(page, nl.views.pro));
    expect(new URL(page.url()).searchParams.get('view')).toBe('pro');
    expect((await page.locator('li.line--avoid .badge').first().textContent())?.trim()).toBe(`✖ ${nl.verdicts.pro.avoid}`);
  });

  it('shows the patient view when the form asks for it', async () => {
    const page = await newPage(running.browser);
    await fillForm(page, running.url, DUTCH_HD_LIST, HD_CONTEXT);
    await page.getByLabel(en.form.viewChoices.patient).check();
    await submitWith(page, button(page, en.form.submit));
    expect(await button(page, en.views.patient).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#group-avoid').textContent()).toContain(en.report.patientGroups.stop);
    expect(await page.locator('.whom-to-ask').textContent()).toBe(en.report.patientGroups.whomToAsk);
  });

  it('shows the lines in the order entered, and back in triage order', async () => {
    const page = await newPage(running.browser);
    await checkTheDutchList(page);
    await submitWith(page, button(page, en.report.sortInput));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('input');
    expect(await button(page, en.report.sortInput).getAttribute('aria-pressed')).toBe('true');
    expect((await reportRows(page)).map((r) => r.input)).toEqual(DUTCH_HD_LIST);
    expect(await page.locator('#lines-title').textContent()).toBe(en.report.triage.allLines);
    await submitWith(page, button(page, en.report.sortSeverity));
    expect((await reportRows(page)).map((r) => r.input)).not.toEqual(DUTCH_HD_LIST);
    expect(await page.locator('li.line').first().getAttribute('class')).toContain('line--avoid');
  });

  it('"edit this list" returns to the form with every line and field kept', async () => {
    const page = await newPage(running.browser);
    await checkTheDutchList(page);
    await submitWith(page, button(page, en.report.edit));
    expect(await page.getByLabel(en.form.itemsLabel, { exact: true }).inputValue()).toBe(DUTCH_HD_LIST.join('\n'));
    for (const [name, value] of Object.entries(HD_CONTEXT)) expect(await page.locator(`#field-${name}`).inputValue(), name).toBe(value);
  });

  it('downloads the list as a text file that, opened on the form at the next visit, checks the same list', async () => {
    const page = await newPage(running.browser);
    await checkTheDutchList(page);
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, en.report.download).click()]);
    expect(download.suggestedFilename()).toMatch(/^dialysafe-list-\d{4}-\d{2}-\d{2}\.txt$/);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    for (const line of DUTCH_HD_LIST) expect(text.split('\n')).toContain(line);
    expect(text).toContain('# targetWeightKg: 62');

    const next = await newPage(running.browser);
    await next.goto(`${running.url}/`);
    await next.getByLabel(en.form.openSaved).setInputFiles(file);
    const items = next.getByLabel(en.form.itemsLabel, { exact: true });
    await expect.poll(() => items.inputValue()).toContain(DUTCH_HD_LIST[0]);
    await submitWith(next, button(next, en.form.submit));
    expect((await reportRows(next)).map((r) => r.input).sort()).toEqual([...DUTCH_HD_LIST].sort());
    expect(await next.locator('.context-used').textContent()).toContain('62 kg');
  });

  it('offers names from the knowledge base while a name is typed', async () => {
    const page = await newPage(running.browser);
    await page.goto(`${running.url}/`);
    const items = page.getByLabel(en.form.itemsLabel, { exact: true });
    await items.pressSequentially('Kinine 250 mg 1dd\nSevel');
    const offered = page.locator('#name-suggestions').getByRole('button', { name: 'Sevelamer', exact: true });
    await offered.click();
    expect(await items.inputValue()).toBe('Kinine 250 mg 1dd\nSevelamer ');
    expect(await page.locator('#name-suggestions').isHidden()).toBe(true);
  });
});

describe('the printed sheets', () => {
  it.each(['en', 'nl'] as const)('print the professional sheet on at most 3 A4 pages and the patient sheet on 1, every line on them (%s)', async (lang) => {
    const page = await newPage(running.browser, DESKTOP);
    await checkTheDutchList(page, lang);
    const t = ui(lang);

    const pro = await page.pdf({ format: 'A4' });
    const proText = pdfText(pro);
    if (lang === 'en') firstPageToPng(pro, join(SCREENSHOTS, 'sheet-professional.png'));
    for (const line of DUTCH_HD_LIST) expect(proText, line).toContain(line);
    for (const action of [t.report.edit, t.report.download, t.skipToContent]) expect(proText).not.toContain(action);
    expect(proText).toContain(`${t.report.sheet.patientName}:`);
    // Soft, so that a sheet too long still gets its picture and the patient sheet is still printed.
    expect.soft(pdfPageCount(pro), 'pages of the professional sheet').toBeLessThanOrEqual(3);

    await submitWith(page, button(page, t.views.patient));
    const patient = await page.pdf({ format: 'A4' });
    const patientText = pdfText(patient);
    if (lang === 'en') firstPageToPng(patient, join(SCREENSHOTS, 'sheet-patient.png'));
    for (const line of DUTCH_HD_LIST) expect(patientText, line).toContain(line);
    expect(patientText).toContain(t.report.patientGroups.whomToAsk);
    expect.soft(pdfPageCount(patient), 'pages of the patient sheet').toBe(1);
  });
});

describe('on a phone 390 px wide', () => {
  const pages: [string, (page: Page) => Promise<void>][] = [
    ['the form', (page) => fillForm(page, running.url, DUTCH_HD_LIST, HD_CONTEXT)],
    ['the report, professional view', (page) => checkTheDutchList(page)],
    ['the report, patient view', async (page) => {
      await checkTheDutchList(page);
      await submitWith(page, button(page, en.views.patient));
    }],
    ['the knowledge base', async (page) => void (await page.goto(`${running.url}/kb`))],
    ['a knowledge-base entry', async (page) => void (await page.goto(`${running.url}/kb/quinine`))],
  ];

  it.each(pages)('%s does not scroll sideways', async (_, open) => {
    const page = await newPage(running.browser, PHONE);
    await open(page);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const { scrollWidth, clientWidth, wider } = await sidewaysScroll(page);
    expect(clientWidth).toBe(390);
    expect(scrollWidth, `wider than the screen: ${wider.join(', ')}`).toBeLessThanOrEqual(clientWidth);
  });
});
