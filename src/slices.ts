/**
 * Long work in slices: once SLICE_MS of work has been done the event loop gets a turn, so a health
 * check or a short request waits behind a hundred-line list for one slice, not for the whole list.
 * A list that fits in one slice (a typical one takes a few milliseconds) never yields.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Semaphore } from 'async-mutex';
import { LIST_LIMITS } from './list-limits.js';
import type { Steps } from './steps.js';

export const SLICE_MS = 4;

/** A list as long as most haemodialysis lists (10–15 medicines, some written on two lines). */
const TYPICAL_LIST = 20;

/**
 * Lines checked at once by one process, counted over the lists being checked: a list of the longest
 * kind and a typical one beside it, so that a short list is not held up for the whole of a long one,
 * while memory holds the work of one long list and not of two, or of every list a crowd has sent.
 * The others wait in order of arrival.
 */
export const LINES_AT_ONCE = LIST_LIMITS.lines + TYPICAL_LIST;
/** And at most two lists, however short: more short lists at once only hold more answers in memory. */
export const LISTS_AT_ONCE = 2;
const lineTurns = new Semaphore(LINES_AT_ONCE);
const listTurns = new Semaphore(LISTS_AT_ONCE);

/**
 * Runs `work`, the check of a list of `lines` lines, when that many more lines and one more list may
 * be checked at once. Lines are taken first, and always in that order, so neither waits on the other.
 */
export function inTurn<T>(lines: number, work: () => Promise<T>): Promise<T> {
  return lineTurns.runExclusive(() => listTurns.runExclusive(() => work()), Math.min(LINES_AT_ONCE, Math.max(1, lines)));
}

export class Slices {
  private started = performance.now();

  /** A turn of the event loop if this slice's time is spent. */
  async pause(): Promise<void> {
    if (performance.now() - this.started < SLICE_MS) return;
    await nextTurn();
    this.started = performance.now();
  }

  /** Runs a stage written as steps, with a turn of the event loop between steps once a slice is spent. */
  async run<T>(steps: Steps<T>): Promise<T> {
    let step = steps.next();
    while (!step.done) {
      await this.pause();
      step = steps.next();
    }
    return step.value;
  }

  async map<T, R>(xs: readonly T[], fn: (x: T, index: number) => R): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < xs.length; i++) {
      await this.pause();
      out.push(fn(xs[i] as T, i));
    }
    return out;
  }
}
