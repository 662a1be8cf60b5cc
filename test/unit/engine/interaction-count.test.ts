/**
 * Past the cap on listed interactions, the answer says how many more there are ("and N more").
 * After the cap a rule's pairs are counted by groups of lines, not pair by pair; the count must be
 * the one a comparison of every pair gives: two lines interact under a rule when one names a
 * first-party substance and the other a different second-party one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPairs } from '../../../src/engine/interactions.js';

type Sides = { firsts: string[]; seconds: string[] };

function pairByPair(lines: readonly Sides[]): number {
  const interact = (a: Sides, b: Sides) => a.firsts.some((f) => b.seconds.some((s) => s !== f));
  let n = 0;
  for (let i = 0; i < lines.length; i++) for (let j = i + 1; j < lines.length; j++) if (interact(lines[i]!, lines[j]!) || interact(lines[j]!, lines[i]!)) n++;
  return n;
}

// Few substances, so that lines often share them: the cases where a pair finds nothing.
const ids = fc.uniqueArray(fc.constantFrom('warfarin', 'aspirin', 'quinine', 'clarithromycin'), { maxLength: 3 });
const line = fc.record({ firsts: ids, seconds: ids });

describe('the interactions counted past the cap', () => {
  it('are as many as comparing every pair of lines finds', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        expect(countPairs(lines)).toBe(pairByPair(lines));
      }),
    );
  });

  it('count a hundred copies of one line as every pair of them, or none', () => {
    const both = { firsts: ['warfarin'], seconds: ['aspirin'] };
    expect(countPairs(Array.from({ length: 100 }, () => both))).toBe(4950);
    // One substance on both sides interacts with itself on no line.
    const same = { firsts: ['quinine'], seconds: ['quinine'] };
    expect(countPairs(Array.from({ length: 100 }, () => same))).toBe(0);
  });
});
