/**
 * The built command (`npm run build`), as a user runs it: `npx dialysafe` from the project
 * folder with the compiled data/kb.sqlite, and a long run streamed through it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/paths.js';

const typical = [
  'Kinine 250 mg 1dd a.n.', 'Quinine sulfate 300 mg twice daily', 'Magnesiumcitraat 400 mg 1x per dag', 'Vitamine C 500 mg 2 x daags',
  'Warfarin 5 mg daily', 'Vitamin E 800 IU daily', 'L-carnitine 1 g IV na elke dialyse', 'OsvaRen 2 tabletten 3dd',
  'Tonic 500 ml per dag', 'Foobarex 10 mg', 'Paracetamol 500 mg 3dd', 'Calciumcarbonaat 500 mg 3dd',
];
/** The environment without KB_PATH: the command finds data/kb.sqlite itself. */
const { KB_PATH: _kbPath, ...env } = process.env;
const list = (i: number) => ({ id: i, lang: i % 2 ? 'nl' : 'en', items: Array.from({ length: 1 + (i % 3) }, (_, j) => typical[(i * 7 + j * 5) % typical.length]) });

describe('dialysafe, built', () => {
  it('runs as npx dialysafe from the project folder, on the compiled knowledge base', async () => {
    const child = spawn('npx', ['dialysafe', 'check', '-', '--format', 'summary', '--fail-on', 'avoid'], { cwd: projectRoot, env });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stdin.end([list(0), list(2)].map((l) => JSON.stringify(l)).join('\n'));
    const code = await new Promise((resolve) => child.on('close', resolve));
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; summary: { verdict: string } });
    expect(records.map((r) => r.id)).toEqual([0, 2]);
    expect(records.map((r) => r.summary.verdict)).toContain('avoid');
    expect(code).toBe(1);
  }, 60_000);

  /**
   * 100,000 lists go in while the reports come out. The command may read only a window of lists
   * (and the pipe's buffers) ahead of what it has written, and nothing while its output is not
   * read; every thread may hold at most a 64 MB heap; the resident memory is sampled each second
   * and must not climb in the second half of the run.
   */
  it('streams 100,000 lists in order, reading no further ahead than it writes, with flat memory', async () => {
    const total = 100_000;
    const child = spawn(process.execPath, ['--max-old-space-size=64', 'dist/src/cli/main.js', 'check', '-', '--format', 'summary', '--workers', '2'], {
      cwd: projectRoot,
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.on('error', () => {}); // the command stopped early: its exit code says why
    let fed = 0;
    let received = 0;
    let lead = 0;
    const feed = () => {
      while (fed < total) {
        lead = Math.max(lead, fed - received);
        if (!child.stdin.write(`${JSON.stringify(list(fed++))}\n`)) return void child.stdin.once('drain', feed);
      }
      child.stdin.end();
    };
    feed();

    let outOfOrder: string | undefined;
    let partial = '';
    const paused: number[] = [];
    child.stdout.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const id = /^\{"id":(\d+),/.exec(line)?.[1];
        if (id !== String(received)) outOfOrder ??= `record ${received} is ${line.slice(0, 40)}`;
        received++;
      }
      if (received >= total / 3 && paused.length === 0) {
        // Stop reading the output for 3 s: the command must stop reading its input.
        child.stdout.pause();
        paused.push(fed);
        setTimeout(() => paused.push(fed), 1000);
        setTimeout(() => {
          paused.push(fed);
          child.stdout.resume();
        }, 3000);
      }
    });

    const samples: { done: number; rssMb: number }[] = [];
    const timer = setInterval(() => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      samples.push({ done: received, rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024 });
    }, 1000);
    const code = await new Promise((resolve) => child.on('close', resolve));
    clearInterval(timer);

    expect(code).toBe(0);
    expect(outOfOrder).toBeUndefined();
    expect(received).toBe(total);
    // 2 workers × 64 lists in the window, plus a read chunk and the pipes' buffers (≈ 600 lists each).
    expect(lead).toBeLessThan(3000);
    const [atPause = 0, afterOne = 0, afterThree = 0] = paused;
    expect(afterOne - atPause).toBeLessThan(3000);
    expect(afterThree).toBe(afterOne);

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const rss = (from: number, to: number) => samples.filter((s) => s.done >= from * total && s.done < to * total).map((s) => s.rssMb);
    const first = median(rss(0.1, 0.5));
    const second = median(rss(0.5, 1.01));
    console.log(`lead ${lead} lists; RSS median ${first.toFixed(0)} MB (10–50 %), ${second.toFixed(0)} MB (50–100 %), max ${Math.max(...samples.map((s) => s.rssMb)).toFixed(0)} MB`);
    expect(second).toBeLessThan(first * 1.25);
  }, 600_000);
});
