/** Load on the running server with autocannon, and single requests timed from send to the last byte. */
import autocannon from 'autocannon';
import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { healthz, type HttpRequest } from './requests.js';

export interface LoadResult {
  /** 2xx answers a second. */
  rps: number;
  ok: number;
  /** Answers that were not 2xx, connection errors and timeouts: any of them spoils the measurement. */
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Per request; a queue of slow requests needs longer than autocannon's 10 s. */
  timeoutSeconds?: number;
}

/** `requests` are sent in turn on each connection. */
export async function load(origin: string, requests: HttpRequest | HttpRequest[], options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeoutSeconds ?? 10,
    requests: (Array.isArray(requests) ? requests : [requests]).map((r) => ({ method: r.method, path: r.path, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) })),
  });
  return {
    rps: result['2xx'] / result.duration,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
  };
}

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
}

/** One request, timed from sending it until the whole answer is in. */
export async function timeOne(origin: string, request: HttpRequest): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(`${origin}${request.path}`, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status, bytes: body.byteLength };
}

/**
 * The bytes of an answer as they travel, in one content coding (`identity`: uncompressed); fetch
 * would hand back the decompressed body. Rejects when the server answers in another coding.
 */
export function wireBytes(origin: string, request: HttpRequest, encoding: 'identity' | 'gzip' | 'br'): Promise<number> {
  const url = new URL(request.path, origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: request.method, headers: { ...request.headers, 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => {
        const sent = res.headers['content-encoding'] ?? 'identity';
        if (res.statusCode !== 200) reject(new Error(`${request.method} ${request.path} answered ${res.statusCode}`));
        else if (sent !== encoding) reject(new Error(`${request.path} was asked for ${encoding} and answered in ${sent}`));
        else resolve(bytes);
      });
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * GET /healthz every `everyMs` until `during` settles, as a load balancer's health check would,
 * each probe timed in full however long it waits behind a slow request (a load tool would drop
 * it unanswered at the end of its run). Returns when every probe is answered.
 */
export async function probeHealthz(origin: string, during: Promise<unknown>, everyMs = 250): Promise<number[]> {
  let done = false;
  void during.finally(() => (done = true));
  const probes: Promise<Timed>[] = [];
  while (!done) {
    probes.push(timeOne(origin, healthz));
    await new Promise((r) => setTimeout(r, everyMs));
  }
  const answers = await Promise.all(probes);
  const wrong = answers.find((a) => a.status !== 200);
  if (wrong) throw new Error(`/healthz answered ${wrong.status}`);
  return answers.map((a) => a.ms);
}

/** Waits until the server has worked off what an earlier load left queued: /healthz answers at once. */
export async function settle(origin: string, maxSeconds = 120): Promise<number> {
  const started = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - started < maxSeconds * 1000) {
    quick = (await timeOne(origin, healthz)).ms < 20 ? quick + 1 : 0;
  }
  return (performance.now() - started) / 1000;
}
