/** The check without HTTP, in the bench's own process: one core's throughput, and the worst-case list. */
import { performance } from 'node:perf_hooks';
import { presentJson } from '../src/api/present-json.js';
import type { KnowledgeBase } from '../src/kb/knowledge-base.js';
import { LIST_LIMITS } from '../src/list-limits.js';
import { assess, runCheck } from '../src/run-check.js';
import { ADVERSARIAL } from './adversarial.js';
import { PATIENT } from './lists.js';

const BASE_URL = 'http://127.0.0.1:3000';

/** Calls a second over `seconds` of the clock. */
export function rate(fn: () => unknown, seconds: number): number {
  let n = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    fn();
    n++;
  }
  return n / ((performance.now() - started) / 1000);
}

export interface Stages {
  assess: number;
  runCheck: number;
  /** runCheck + presentJson: what the API computes for an answer. */
  api: number;
  /** ... and JSON.stringify, as res.json does. */
  serialised: number;
}

/**
 * Lists a second at each stage of the pipeline, after a warm-up of a few hundred checks (the JIT
 * is still learning after a few dozen); the stages alternate so that drift hits all alike, and the
 * API's stage gets twice the time of the others.
 */
export function stageRates(lines: readonly string[], kb: KnowledgeBase, seconds: number): Stages {
  const stages: Record<keyof Stages, () => unknown> = {
    assess: () => assess(lines, PATIENT, kb),
    runCheck: () => runCheck(lines, PATIENT, kb, 'en'),
    api: () => presentJson(runCheck(lines, PATIENT, kb, 'en'), BASE_URL),
    serialised: () => JSON.stringify(presentJson(runCheck(lines, PATIENT, kb, 'en'), BASE_URL)),
  };
  const warmUntil = performance.now() + 3000;
  for (let n = 0; n < 300 && performance.now() < warmUntil; n++) stages.serialised();
  const sums: Stages = { assess: 0, runCheck: 0, api: 0, serialised: 0 };
  const rounds = 3;
  const share: Stages = { assess: 1, runCheck: 1, api: 2, serialised: 1 };
  for (let round = 0; round < rounds; round++) {
    for (const key of Object.keys(stages) as (keyof Stages)[]) sums[key] += rate(stages[key], (seconds / rounds / 5) * share[key]);
  }
  return { assess: sums.assess / rounds, runCheck: sums.runCheck / rounds, api: sums.api / rounds, serialised: sums.serialised / rounds };
}

const cpuMs = (fn: () => unknown) => {
  const t = process.cpuUsage();
  fn();
  const used = process.cpuUsage(t);
  return (used.user + used.system) / 1000;
};

const cycle = (lines: readonly string[], n: number) => Array.from({ length: n }, (_, i) => lines[i % lines.length] ?? '');

export interface WorstList {
  name: string;
  lines: string[];
  /** CPU ms of a check of it in-process, the best of three. */
  cpuMs: number;
}

/**
 * The slowest list of the longest kind the API accepts, built from the pinned adversarial lines:
 * each line as often as a list may hold lines, the five costliest in turn, or all of them in turn.
 * Every candidate is timed at full length once the code is warm: a line timed alone, or cold, does
 * not rank the same (a line that costs little alone may cost the most a hundred times over, and the
 * first lines timed pay for the JIT).
 */
export function worstList(kb: KnowledgeBase): WorstList {
  const api = (lines: readonly string[]) => presentJson(runCheck(lines, PATIENT, kb, 'en'), BASE_URL);
  const all = ADVERSARIAL.map((a) => a.line);
  for (let n = 0; n < 3; n++) api(cycle(all, LIST_LIMITS.lines));
  // Each line's list is timed twice (best of two), so that one slow timing does not keep the dearest out of the contenders.
  const repeated = ADVERSARIAL.map((a, k) => {
    const lines = cycle([a.line], LIST_LIMITS.lines);
    return { name: `pinned line ${k + 1} of ${all.length} ("${a.kind}") ${LIST_LIMITS.lines} times`, lines, cpuMs: Math.min(cpuMs(() => api(lines)), cpuMs(() => api(lines))) };
  });
  const costliest = [...repeated].sort((a, b) => b.cpuMs - a.cpuMs);
  const candidates = [
    ...costliest.slice(0, 5),
    { name: 'the five costliest pinned lines in turn', lines: cycle(costliest.slice(0, 5).map((c) => c.lines[0] ?? ''), LIST_LIMITS.lines) },
    { name: `all ${all.length} pinned lines in turn`, lines: cycle(all, LIST_LIMITS.lines) },
  ];
  // The contenders' best of three, in turns, so that drift of the machine's speed hits all alike.
  const best = candidates.map(() => Infinity);
  for (let round = 0; round < 3; round++) {
    candidates.forEach((c, k) => (best[k] = Math.min(best[k] ?? Infinity, cpuMs(() => api(c.lines)))));
  }
  const timed = candidates.map((c, k) => ({ name: c.name, lines: c.lines, cpuMs: best[k] ?? Infinity })).sort((a, b) => b.cpuMs - a.cpuMs);
  return timed[0]!;
}
