/**
 * The production server as the bench runs it: dist/ built from src/ (again if src/ is newer), a
 * knowledge base compiled for this run, started as `npm run serve` starts it (the same node
 * options and environment) on a free port, its start-up timed from spawn, and its resident memory read from /proc.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { compileKb } from '../src/kb/compile.js';
import { readSources } from '../src/kb/sources.js';
import { projectRoot } from '../src/paths.js';

export const SERVER_JS = join(projectRoot, 'dist', 'src', 'server.js');
export const CLI_JS = join(projectRoot, 'dist', 'src', 'cli', 'main.js');
export const STORED_ANSWER_SERVER = join(projectRoot, 'bench', 'stored-answer-server.ts');

/**
 * The environment and node options of package.json's "serve" script ("VAR=value … node [options]
 * dist/src/server.js"): production's heap and allocator settings, not the defaults.
 */
export function serveCommand(): { env: Record<string, string>; nodeOptions: string[] } {
  const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = (scripts.serve ?? '').trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [name = '', ...value] = (words.shift() ?? '').split('=');
    env[name] = value.join('=');
  }
  if (words[0] !== 'node' || words[words.length - 1] !== 'dist/src/server.js') {
    throw new Error(`package.json's "serve" script is not "[VAR=value …] node [options] dist/src/server.js": ${scripts.serve ?? '(missing)'}`);
  }
  return { env, nodeOptions: words.slice(1, -1) };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than src/; returns whether it did. */
export function buildIfStale(): boolean {
  const built = [SERVER_JS, CLI_JS].every(existsSync) ? Math.min(statSync(SERVER_JS).mtimeMs, statSync(CLI_JS).mtimeMs) : 0;
  const sources = Math.max(newestMtime(join(projectRoot, 'src')), statSync(join(projectRoot, 'tsconfig.build.json')).mtimeMs);
  if (built > sources) return false;
  // Only the TypeScript: the knowledge base is compiled for this run (compileForBench), not into data/.
  execFileSync('npm', ['run', '--silent', 'build:ts'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  return true;
}

/** data/ (or KB_DATA_DIR, a stable copy while data/ is being edited) compiled into a fresh file. */
export function compileForBench(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dialysafe-bench-')), 'kb.sqlite');
  const dir = process.env.KB_DATA_DIR ?? join(projectRoot, 'data');
  try {
    compileKb(readSources(dir), file);
  } catch (error) {
    throw new Error(`the knowledge base in ${dir} does not compile (KB_DATA_DIR can point at a valid copy): ${(error as Error).message}`);
  }
  return file;
}

export interface RunningServer {
  child: ChildProcess;
  pid: number;
  port: number;
  origin: string;
  /** Milliseconds from spawn to the "listening" line, and to the first 200 from /healthz. */
  listeningMs: number;
  firstHealthzMs: number;
  /** SIGTERM, and SIGKILL after 15 s; with `kill`, SIGKILL at once (a server busy with a queue that nobody waits for). */
  stop(options?: { kill?: boolean }): Promise<void>;
}

/** The environment the bench gives every server: no rate limit to speak of, everything else the default. */
function serverEnv(kbPath: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The bench itself runs under tsx; the server must not (unless `extra` gives it options of its own).
  delete env.NODE_OPTIONS;
  return { ...env, KB_PATH: kbPath, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '1000000000', MAX_CONNECTIONS_PER_CLIENT: '1000', ...extra };
}

/** `script`: the production server, or (a TypeScript file run with tsx) a variant of it for the bench. */
export async function startServer(kbPath: string, extra: Record<string, string> = {}, script = SERVER_JS): Promise<RunningServer> {
  const started = performance.now();
  const serve = serveCommand();
  const args = script === SERVER_JS ? [...serve.nodeOptions, SERVER_JS] : [...serve.nodeOptions, '--import', 'tsx', script];
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: serverEnv(kbPath, { ...serve.env, ...extra }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((done) => child.once('close', () => done()));

  const { port, listeningMs } = await new Promise<{ port: number; listeningMs: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 30 s: ${stderr}`)), 30_000);
    void exited.then(() => reject(new Error(`the server exited before listening: ${stderr}`)));
    // Read every line, also after this one: a pipe nobody reads would stop the server's logging.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = /listening on http:\/\/[^:\s]+:(\d+)/.exec(line)?.[1];
      if (!found) return;
      clearTimeout(timer);
      resolve({ port: Number(found), listeningMs: performance.now() - started });
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    const res = await fetch(`${origin}/healthz`).catch(() => undefined);
    await res?.arrayBuffer();
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const firstHealthzMs = performance.now() - started;

  const stop = async (options: { kill?: boolean } = {}) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(options.kill ? 'SIGKILL' : 'SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  return { child, pid: child.pid ?? 0, port, origin, listeningMs, firstHealthzMs, stop };
}

/** Resident memory of a process and its children (a cluster's workers), in MB. */
export function rssMb(pid: number): number {
  let kb = 0;
  try {
    kb += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) kb += rssMb(Number(child)) * 1024;
  } catch {
    // The process is gone.
  }
  return kb / 1024;
}

/** Clock ticks a second, as /proc counts CPU time. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds, user and system, that a process and its children (a cluster's workers) have used so far, every thread counted. */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  try {
    // The fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) ticks += cpuSeconds(Number(child)) * CLOCK_TICKS;
  } catch {
    // The process is gone.
  }
  return ticks / CLOCK_TICKS;
}

/** The cores a server kept busy while `during` ran, and the cores this process (the load generator) used. */
export async function coresBusy<T>(pid: number, during: () => Promise<T>): Promise<{ result: T; server: number; loadGenerator: number }> {
  const serverBefore = cpuSeconds(pid);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const result = await during();
  const seconds = (performance.now() - started) / 1000;
  const own = process.cpuUsage(ownBefore);
  return { result, server: (cpuSeconds(pid) - serverBefore) / seconds, loadGenerator: (own.user + own.system) / 1e6 / seconds };
}

/** Samples rssMb every `everyMs` until the promise settles; the highest sample, in MB. */
export async function peakRss<T>(pid: number, during: Promise<T>, everyMs = 50): Promise<{ result: T; peakMb: number; samples: number }> {
  let peakMb = rssMb(pid);
  let samples = 1;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, rssMb(pid));
    samples++;
  }, everyMs);
  try {
    const result = await during;
    return { result, peakMb: Math.max(peakMb, rssMb(pid)), samples: samples + 1 };
  } finally {
    clearInterval(timer);
  }
}
