/**
 * A long list is checked in slices, so the server answers other clients while it works: a health
 * check sent while a hundred-line check is under way comes back before it, and both are right.
 * Order, not time, is asserted: without slices the health check waits for the whole list.
 */
import type { AddressInfo } from 'node:net';
import { createServer, request, type Server } from 'node:http';
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

const longList = Array.from({ length: LIST_LIMITS.lines }, (_, i) => ADVERSARIAL[i % ADVERSARIAL.length]?.line ?? '');

/**
 * POSTs `body`; `sent` resolves once the whole body has been handed to the socket, `answered` when
 * the answer begins (the server has done the work; a large answer takes a while longer to arrive).
 */
function post(path: string, type: string, body: string): { sent: Promise<void>; answered: Promise<void>; answer: Promise<{ status: number; text: string }> } {
  let sent!: () => void;
  let answered!: () => void;
  const sentPromise = new Promise<void>((resolve) => (sent = resolve));
  const answeredPromise = new Promise<void>((resolve) => (answered = resolve));
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${origin}${path}`, { method: 'POST', headers: { 'content-type': type } }, (res) => {
      answered();
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.on('finish', () => sent());
    req.end(body);
  });
  return { sent: sentPromise, answered: answeredPromise, answer };
}

async function arrivalOrder(path: string, type: string, body: string, afterMs: number): Promise<{ order: string[]; check: { status: number; text: string } }> {
  const order: string[] = [];
  const { sent, answered, answer } = post(path, type, body);
  void answered.then(() => order.push('check'));
  // Right behind the list, once the server has read it (a form body of percent escapes takes longer).
  await sent;
  await new Promise((r) => setTimeout(r, afterMs));
  const health = await fetch(`${origin}/healthz`);
  order.push('healthz');
  expect(health.status).toBe(200);
  return { order, check: await answer };
}

it('answers /healthz while a hundred-line JSON check is under way, and the check still answers every line', async () => {
  const { order, check } = await arrivalOrder('/api/v1/check', 'application/json', JSON.stringify({ items: longList }), 5);
  expect(order).toEqual(['healthz', 'check']);
  expect(check.status).toBe(200);
  const body = JSON.parse(check.text) as { items: { input: string }[] };
  expect(body.items.map((i) => i.input)).toEqual(longList);
});

it('answers /healthz while the form checks a hundred lines, and the report shows them', async () => {
  const { order, check } = await arrivalOrder('/check', 'application/x-www-form-urlencoded', new URLSearchParams({ items: longList.join('\r\n') }).toString(), 25);
  expect(order).toEqual(['healthz', 'check']);
  expect(check.status).toBe(200);
  expect(check.text.match(/<li class="line line--[a-z]+" id="line-\d+">/g)?.length ?? 0).toBe(LIST_LIMITS.lines);
});
