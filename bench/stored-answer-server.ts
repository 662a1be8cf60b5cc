/**
 * The production app with one route more, for the bench only: POST /api/v1/stored answers the
 * 20-line list's JSON answer, worked out once at start, without checking anything. Everything else
 * a check request passes through (helmet, compression, body parsing, the answer serialised in
 * slices and sent) is the same, so its throughput beside /healthz is the most a check of that size
 * could reach on this stack however fast the pipeline. Run with `node --import tsx`; prints the
 * same "listening on" line as the server.
 */
import express from 'express';
import { createServer } from 'node:http';
import { presentJson } from '../src/api/present-json.js';
import { createApp } from '../src/app.js';
import { sendJsonInSlices } from '../src/http/json-in-slices.js';
import { loadKb } from '../src/kb/load.js';
import { createLogger } from '../src/logger.js';
import { runCheck } from '../src/run-check.js';
import { Slices } from '../src/slices.js';
import { PATIENT, TWENTY_LINES } from './lists.js';

const kb = loadKb(process.env.KB_PATH ?? 'data/kb.sqlite');
const app = createApp(kb, { logger: createLogger('warn'), rateLimitPerMinute: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 120) });
const answer = presentJson(runCheck(TWENTY_LINES, PATIENT, kb, 'en'), 'http://127.0.0.1');
app.post('/api/v1/stored', express.json(), (_req, res) => {
  void sendJsonInSlices(res, answer, new Slices());
});
// Express 5 keeps its layers in app.router.stack: the route added last moves up beside /healthz,
// ahead of the routers and the catch-all 404 it would otherwise sit behind.
const stack = (app as unknown as { router: { stack: { route?: { path?: string } }[] } }).router.stack;
const route = stack.pop();
const at = stack.findIndex((layer) => layer.route?.path === '/healthz');
if (!route || at < 0) throw new Error('the app has no /healthz route to put the stored answer beside');
stack.splice(at + 1, 0, route);

const server = createServer(app);
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
