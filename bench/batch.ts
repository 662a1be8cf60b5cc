/** The batch CLI as a user runs it: NDJSON lists on standard input, `--format summary`, default workers. */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/paths.js';
import { PATIENT, TWENTY_LINES } from './lists.js';
import { CLI_JS } from './server.js';

export interface BatchRun {
  lists: number;
  seconds: number;
  listsPerSecond: number;
  workers: number;
}

export async function runBatchCli(kbPath: string, lists: number): Promise<BatchRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI_JS, 'check', '-', '--format', 'summary', '--kb', kbPath], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let records = 0;
  let errors = 0;
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    const parts = (rest + d).split('\n');
    rest = parts.pop() ?? '';
    records += parts.length;
    errors += parts.filter((p) => p.includes('"error":')).length;
  });
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));

  for (let i = 0; i < lists; i++) {
    const record = `${JSON.stringify({ id: i, lang: i % 2 ? 'nl' : 'en', patient: PATIENT, items: TWENTY_LINES })}\n`;
    if (!child.stdin.write(record)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  const code = await exited;
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 || records !== lists || errors > 0) {
    throw new Error(`the batch CLI exited with ${code}, wrote ${records} of ${lists} records, ${errors} errors: ${stderr.slice(0, 500)}`);
  }
  return { lists, seconds, listsPerSecond: lists / seconds, workers: availableParallelism() };
}
