/**
 * Long work in slices: once SLICE_MS of work has been done the event loop gets a turn, so a health
 * check or a short request waits behind a hundred-line list for one slice, not for the whole list.
 * A list that fits in one slice (a typical one takes a few milliseconds) never yields.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { Steps } from './steps.js';

export const SLICE_MS = 4;

/**
 * Lists checked at once by one process; the others wait in order of arrival. Two, so that a short
 * list is not held up for the whole of a long one, while memory holds the work of two lists and
 * not of every list a crowd of clients has sent.
 */
export const LISTS_AT_ONCE = 2;
const turns = pLimit(LISTS_AT_ONCE);

/** Runs `work` when fewer than LISTS_AT_ONCE lists are being checked. */
export function inTurn<T>(work: () => Promise<T>): Promise<T> {
  return turns(work);
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
