/**
 * A long list is checked in slices, so the server answers other clients while it works: a health
 * check sent while a hundred-line check is under way comes back before it, and both are right.
 * Order, not time, is asserted: without slices the health check waits for the whole list.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ADVERSARIAL } from '../../bench/adversarial.js';
import { LIST_LIMITS } from '../../src/list-limits.js';
import { compiledKb } from '../helpers/kb.js';

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer(createApp(compiledKb(), { rateLimitPerMinute: 10_000 }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The slowest lines found; a form line starting with "#" is a saved list's setting, so none is used.
const slow = ADVERSARIAL.map((a) => a.line).filter((l) => !l.trimStart().startsWith('#'));
const longList = Array.from({ length: LIST_LIMITS.lines }, (_, i) => slow[i % slow.length] ?? '');

async function arrivalOrder(check: () => Promise<Response>): Promise<{ order: string[]; check: Response }> {
  const order: string[] = [];
  const pending = check().then((r) => {
    order.push('check');
    return r;
  });
  // The body is sent and being checked by now: the list takes many slices.
  await new Promise((r) => setTimeout(r, 30));
  const health = await fetch(`${origin}/healthz`);
  order.push('healthz');
  expect(health.status).toBe(200);
  return { order, check: await pending };
}

it('answers /healthz while a hundred-line JSON check is under way, and the check still answers every line', async () => {
  const { order, check } = await arrivalOrder(() =>
    fetch(`${origin}/api/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: longList }) }),
  );
  expect(order).toEqual(['healthz', 'check']);
  expect(check.status).toBe(200);
  const body = (await check.json()) as { items: { input: string }[] };
  expect(body.items.map((i) => i.input)).toEqual(longList);
});

it('answers /healthz while the form checks a hundred lines, and the report shows them', async () => {
  const { order, check } = await arrivalOrder(() =>
    fetch(`${origin}/check`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ items: longList.join('\r\n') }).toString() }),
  );
  expect(order).toEqual(['healthz', 'check']);
  expect(check.status).toBe(200);
  expect((await check.text()).match(/<li class="line line--[a-z]+" id="line-\d+">/g)?.length ?? 0).toBe(LIST_LIMITS.lines);
});
