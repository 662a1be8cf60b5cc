/**
 * Long work in slices: after SLICE_MS of work the event loop gets a turn, so a health check or a
 * short request waits behind a hundred-line list for one slice, not for the whole list. A list
 * that fits in one slice (a typical one takes a few milliseconds) never yields.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

export const SLICE_MS = 8;

export async function mapInSlices<T, R>(xs: readonly T[], fn: (x: T, index: number) => R): Promise<R[]> {
  const out: R[] = [];
  let sliceStarted = performance.now();
  for (let i = 0; i < xs.length; i++) {
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
    out.push(fn(xs[i] as T, i));
  }
  return out;
}
