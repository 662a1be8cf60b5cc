import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { testKb } from '../helpers/kb.js';

interface Raw {
  status: number;
  encoding: string | undefined;
  vary: string | undefined;
  bytes: Buffer;
}

const LIST = ['Kinine 200 mg a.n.', 'Magnesiumoxide 500 mg 2dd1', 'Vitamine E 400 IE 1dd1', 'Acenocoumarol 1 mg volgens schema', 'Vitamine C 500 mg 1dd1'];

function send(server: Server, path: string, options: { method?: string; body?: string; type?: string; acceptEncoding?: string }): Promise<Raw> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.acceptEncoding !== undefined) headers['accept-encoding'] = options.acceptEncoding;
    if (options.type) headers['content-type'] = options.type;
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], vary: res.headers.vary, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const check = (server: Server, acceptEncoding?: string) =>
  send(server, '/api/v1/check', { method: 'POST', type: 'application/json', body: JSON.stringify({ lang: 'nl', items: LIST }), ...(acceptEncoding === undefined ? {} : { acceptEncoding }) });

function listen(compress: boolean): Promise<Server> {
  const app = createApp(testKb(), { rateLimitPerMinute: 10_000, compress });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

let server: Server;
let plain: Server;
beforeAll(async () => {
  server = await listen(true);
  plain = await listen(false);
});
afterAll(() => {
  server.close();
  plain.close();
});

describe('compressed answers', () => {
  it('sends a check compressed for a client that accepts brotli or gzip, and the same report it sends uncompressed', async () => {
    const identity = await check(server);
    expect(identity.status).toBe(200);
    expect(identity.encoding).toBeUndefined();
    const report = JSON.parse(identity.bytes.toString('utf8')) as { items: unknown[] };
    expect(report.items).toHaveLength(LIST.length);

    const br = await check(server, 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(br.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(brotliDecompressSync(br.bytes).toString('utf8'))).toEqual(report);
    expect(br.bytes.length).toBeLessThan(identity.bytes.length / 2);

    const gzip = await check(server, 'gzip');
    expect(gzip.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.bytes).toString('utf8'))).toEqual(report);
  });

  it('compresses the HTML report a browser asks for', async () => {
    const body = new URLSearchParams({ items: LIST.join('\n'), lang: 'en' }).toString();
    const page = await send(server, '/check', { method: 'POST', type: 'application/x-www-form-urlencoded', body, acceptEncoding: 'gzip, deflate, br' });
    expect(page.status).toBe(200);
    expect(page.encoding).toBe('br');
    const html = brotliDecompressSync(page.bytes).toString('utf8');
    for (const line of LIST) expect(html).toContain(line);
  });

  it('leaves a small answer such as /healthz as it is', async () => {
    const health = await send(server, '/healthz', { acceptEncoding: 'br, gzip' });
    expect(health.encoding).toBeUndefined();
    expect(JSON.parse(health.bytes.toString('utf8'))).toMatchObject({ status: 'ok' });
  });

  it('does not compress with COMPRESSION=off, for a proxy in front that does it', async () => {
    expect(readConfig({}).COMPRESSION).toBe('on');
    expect(readConfig({ COMPRESSION: 'off' }).COMPRESSION).toBe('off');
    expect(() => readConfig({ COMPRESSION: 'gzip' })).toThrow(/COMPRESSION/);
    const answer = await check(plain, 'gzip, deflate, br');
    expect(answer.encoding).toBeUndefined();
    expect((JSON.parse(answer.bytes.toString('utf8')) as { items: unknown[] }).items).toHaveLength(LIST.length);
  });
});
