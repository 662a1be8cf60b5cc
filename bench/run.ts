/**
 * `npm run bench`: how long a check takes and how much memory the server holds.
 *
 * Targets (on the 2-core development machine): a 100-line list checks in under 250 ms at the
 * median, a 100-line list of unknown names (the slowest case: every line is searched for a
 * "did you mean") in under 1 s, the longest list the API accepts (100 lines of 500 characters) in
 * under 1 s, and the knowledge base loads in under 1 s. Throughput on shared
 * machines swings by ±40%, so the cases run interleaved in one process and are also reported as
 * ratios to the 10-line case.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileKb } from '../src/kb/compile.js';
import { loadKb } from '../src/kb/load.js';
import { readSources } from '../src/kb/sources.js';
import { projectRoot } from '../src/paths.js';
import { runCheck } from '../src/run-check.js';

const typical = [
  'Kinine 250 mg 1dd a.n.', 'Quinine sulfate 300 mg twice daily', 'Magnesiumcitraat 400 mg 1x per dag',
  'Vitamine C 500 mg 2 x daags', 'Warfarin 5 mg daily', 'Vitamin E 800 IU daily', 'L-carnitine 1 g IV na elke dialyse',
  'OsvaRen 2 tabletten 3dd', 'Tonic 500 ml per dag', 'Foobarex 10 mg',
];
const hundred = Array.from({ length: 100 }, (_, i) => typical[i % typical.length] ?? '');
const unknown = Array.from({ length: 100 }, (_, i) => `Onbekendmiddel${i} ${i + 1} mg 2dd`);
// The longest input the API accepts, made of words that every pattern tries: 100 lines of 500 characters.
const longest = Array.from({ length: 100 }, (_, i) => `max 1x ${'Kinnine zo nodig 1-2 tabletten van 250 mg '.repeat(12)}${i}`.slice(0, 500));
const patient = { targetWeightKg: 62, weightGainKg: 3.1, sessionHours: 4 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const dataDir = join(projectRoot, 'data');
const file = join(mkdtempSync(join(tmpdir(), 'dialysafe-bench-')), 'kb.sqlite');
compileKb(readSources(dataDir), file);
const heapBefore = process.memoryUsage().heapUsed;
const loadStart = performance.now();
const kb = loadKb(file);
const loadMs = performance.now() - loadStart;
const kbHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

const cases = { '10 lines': typical, '100 lines': hundred, '100 unknown lines': unknown, '100 × 500 characters': longest } as const;
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let round = 0; round < 5; round++) for (const lines of Object.values(cases)) runCheck(lines, patient, kb, 'en');
for (let round = 0; round < 30; round++) {
  for (const [name, lines] of Object.entries(cases)) {
    const t = performance.now();
    runCheck(lines, patient, kb, round % 2 ? 'nl' : 'en');
    times[name]?.push(performance.now() - t);
  }
}

const base = median(times['10 lines'] ?? []);
const targets: Record<string, number> = { '100 lines': 250, '100 unknown lines': 1000, '100 × 500 characters': 1000 };
let missed = 0;
console.log(`knowledge base load: ${loadMs.toFixed(0)} ms (target < 1000), heap ${kbHeapMb.toFixed(1)} MB`);
if (loadMs > 1000) missed++;
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  const target = targets[name];
  console.log(`${name.padEnd(22)} median ${m.toFixed(1).padStart(7)} ms  (${(m / base).toFixed(1)}× 10 lines)${target ? `  target < ${target} ms` : ''}`);
  if (target && m > target) missed++;
}
console.log(`resident memory: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
if (missed > 0) {
  console.error(`${missed} target(s) missed`);
  process.exitCode = 1;
}
