/** The API documentation page in a real browser: it renders under the app's CSP and can send a check. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPage, RESULTS, useServerAndBrowser } from './harness.js';

const running = useServerAndBrowser();

describe('the API documentation page', () => {
  it('renders every operation with no CSP violation or console error, and tries out a check', async () => {
    const page = await newPage(running.browser);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    await page.exposeFunction('reportViolation', (v: string) => problems.push(`CSP: ${v}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });

    await page.goto(`${running.url}/api/docs`);
    const documented = await (await fetch(`${running.url}/api/v1/openapi.json`)).json();
    const operations = Object.values(documented.paths as Record<string, object>).flatMap((p) => Object.keys(p)).length;
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 15_000 }).toBe(operations);
    expect(await page.locator('.info .title').textContent()).toContain('DialySafe API');

    const check = page.locator('#operations-check-check');
    await check.locator('.opblock-summary').click();
    await check.getByRole('button', { name: 'Try it out' }).click();
    await check.getByRole('button', { name: 'Execute' }).click();
    const status = check.locator('.live-responses-table tbody .response-col_status').first();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('200');
    await status.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'api-docs.png'), fullPage: false });

    expect(problems).toEqual([]);
  });
});
