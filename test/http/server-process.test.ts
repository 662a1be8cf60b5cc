/** The real server as a child process: signals, the cluster of workers, start-up refusals. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { compileKb } from '../../src/kb/compile.js';
import { projectRoot } from '../../src/paths.js';
import { kbData } from '../helpers/kb.js';
import { checkRequest, connect, parseResponse } from './sockets.js';

interface Running {
  child: ChildProcess;
  port: number;
  exited: Promise<{ code: number | null; at: number }>;
  stderr: () => string;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

let kbFile: string | undefined;
function freshKb(): string {
  if (kbFile) return kbFile;
  kbFile = join(mkdtempSync(join(tmpdir(), 'dialysafe-server-')), 'kb.sqlite');
  compileKb(kbData(), kbFile);
  return kbFile;
}

function start(env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, KB_PATH: freshKb(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; at: number }>((done) => child.once('close', (code) => done({ code, at: performance.now() })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s: ${stderr}`)), 30_000);
    void exited.then(({ code }) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ child, port: Number(port), exited, stderr: () => stderr });
    });
  });
}

const CHECK = JSON.stringify({ items: ['Kinine 250 mg 1dd a.n.'] });

async function checkOnce(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/check`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: CHECK });
  await res.arrayBuffer();
  return res.status;
}

function workersOf(pid: number): number[] {
  try {
    // The workers run the same script as the primary (tsx may also run a compiler process).
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes('src/server.ts'))
      .map((l) => Number.parseInt(l.trim(), 10));
  } catch {
    return []; // ps exits 1 when there are none
  }
}

describe('SIGTERM', () => {
  it('answers the request in progress with Connection: close and exits at once', async () => {
    const server = await start();
    const client = await connect(server.port);
    const raw = checkRequest(CHECK);
    client.socket.write(raw.slice(0, -5));
    await new Promise((done) => setTimeout(done, 200));
    server.child.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 200));
    client.socket.write(raw.slice(-5));
    const { text, at } = await client.closed;
    const res = parseResponse(text);
    expect(res.status).toBe(200);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body).items[0].substances[0].id).toBe('quinine');
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - at).toBeLessThan(1500);
  });
});

describe('WORKERS=2', () => {
  it('serves from two worker processes, replaces one that dies, and drains all on SIGTERM', async () => {
    const server = await start({ WORKERS: '2' });
    const primary = server.child.pid ?? 0;
    const first = workersOf(primary);
    expect(first).toHaveLength(2);
    expect(await Promise.all([checkOnce(server.port), checkOnce(server.port), checkOnce(server.port)])).toEqual([200, 200, 200]);

    const options = await fetch(`http://127.0.0.1:${server.port}/api/v1/check`, { method: 'OPTIONS' });
    expect(options.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await options.json()).toEqual({ allow: ['OPTIONS', 'POST'] });

    process.kill(first[0] ?? 0, 'SIGKILL');
    await expect
      .poll(() => workersOf(primary).filter((pid) => !first.includes(pid)).length, { timeout: 20_000, interval: 200 })
      .toBe(1);
    await expect.poll(() => checkOnce(server.port).catch(() => 0), { timeout: 20_000, interval: 200 }).toBe(200);
    expect(workersOf(primary)).toHaveLength(2);

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(workersOf(primary)).toEqual([]);
  }, 60_000);

  it('refuses to start on an edited knowledge base with one sentence, not one per worker', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dialysafe-server-')), 'kb.sqlite');
    compileKb(kbData(), file);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"amount":250,', bytes.indexOf('"code":"vitamin-c.oxalate-build-up"'));
    expect(at).toBeGreaterThan(0);
    bytes.write('"amount":950,', at, 'latin1');
    writeFileSync(file, bytes);
    const failed = start({ WORKERS: '2', KB_PATH: file });
    await expect(failed).rejects.toThrow(/server exited with 1/);
    const message = (await failed.catch((e: Error) => e.message)) as string;
    expect(message.match(/does not have the SHA-256 recorded in kb\.sqlite\.sha256/g)).toHaveLength(1);
  }, 60_000);
});
