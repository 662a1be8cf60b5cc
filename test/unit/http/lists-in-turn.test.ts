/**
 * Lists take their turn by their number of lines and by their number: a list of the longest kind
 * and a typical one are checked side by side, two of the longest kind one after the other, never
 * more than two at once, so memory holds the work of one long list; the others wait in order of arrival.
 */
import { describe, expect, it } from 'vitest';
import { LIST_LIMITS } from '../../../src/list-limits.js';
import { inTurn } from '../../../src/slices.js';

/** A check that runs until it is let go, and says when it began. */
function held(lines: number) {
  let release!: () => void;
  let started = false;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const done = inTurn(lines, async () => {
    started = true;
    await gate;
    return lines;
  });
  return { done, release, started: () => started };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('lists in turn', () => {
  it('checks a typical list beside one of the longest kind at once', async () => {
    const long = held(LIST_LIMITS.lines);
    const short = held(20);
    await turn();
    expect(long.started()).toBe(true);
    expect(short.started()).toBe(true);
    short.release();
    long.release();
    expect(await Promise.all([long.done, short.done])).toEqual([LIST_LIMITS.lines, 20]);
  });

  it('checks two lists of the longest kind one after the other, in order of arrival', async () => {
    const first = held(LIST_LIMITS.lines);
    const second = held(LIST_LIMITS.lines);
    await turn();
    expect(first.started()).toBe(true);
    expect(second.started()).toBe(false);
    first.release();
    await first.done;
    await turn();
    expect(second.started()).toBe(true);
    second.release();
    await second.done;
  });

  it('checks at most two lists at once, however short, and the third when one is done', async () => {
    const lists = [held(3), held(3), held(3)];
    await turn();
    expect(lists.map((l) => l.started())).toEqual([true, true, false]);
    lists[0]?.release();
    await lists[0]?.done;
    await turn();
    expect(lists[2]?.started()).toBe(true);
    for (const l of lists) l.release();
    await Promise.all(lists.map((l) => l.done));
  });

  it('lets a list longer than the limit through on its own, and a failed check frees its turn', async () => {
    await expect(inTurn(10 * LIST_LIMITS.lines, async () => 'long')).resolves.toBe('long');
    await expect(inTurn(LIST_LIMITS.lines, async () => Promise.reject(new Error('bad line')))).rejects.toThrow('bad line');
    const next = held(LIST_LIMITS.lines);
    await turn();
    expect(next.started()).toBe(true);
    next.release();
    await next.done;
  });
});
