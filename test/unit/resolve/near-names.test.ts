// "Did you mean" must offer every name within its reach: the letter-pair filter that spares the
// edit distance may narrow the search, never drop a name a full search would find.
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../../src/kb/name-index.js';
import { nameKey } from '../../../src/kb/names.js';
import { checkOne } from '../../helpers/check.js';

describe('"did you mean" for a misspelt name', () => {
  it('finds names whose letter pairs repeat ("Marcmar" for Marcumar, "Conscor" for Concor)', () => {
    for (const [line, corrected] of [
      ['Marcmar 3 mg volgens schema', 'Marcumar 3 mg volgens schema'],
      ['Conscor 5 mg 1dd1', 'Concor 5 mg 1dd1'],
    ] as const) {
      const { item } = checkOne(line);
      expect(item.verdict, line).toBe('unknown');
      expect(item.suggestions.map((s) => s.correctedLine), line).toContain(corrected);
    }
  });

  it('finds what comparing with every name finds, on names of few letters (many repeated pairs)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'c', 'm', 'o', 'r', 'u'), minLength: 5, maxLength: 16 });
    // What was typed: one of the names with up to three letters left out, or any word.
    const typing = (names: string[]) =>
      fc.oneof(
        word,
        fc.tuple(fc.constantFrom(...names), fc.array(fc.nat(), { maxLength: 3 })).map(([name, gaps]) => gaps.reduce((s, g) => s.slice(0, g % s.length) + s.slice((g % s.length) + 1), name)),
      );
    const searches = fc.uniqueArray(word, { minLength: 1, maxLength: 80 }).chain((names) => fc.tuple(fc.constant(names), typing(names), fc.integer({ min: 1, max: 3 })));
    fc.assert(
      fc.property(searches, ([names, typed, tolerance]) => {
        const index = new NameIndex();
        names.forEach((name, n) => index.add(name, { kind: 'substance', id: `s${n}`, name }));
        const key = nameKey(typed);
        const expected = [...new Set(names.map(nameKey))].filter((k) => {
          const d = distance(key, k);
          return d > 0 && d <= tolerance;
        });
        expect(index.near(key, tolerance).map((n) => n.key).sort()).toEqual(expected.sort());
      }),
      { numRuns: 500 },
    );
  });
});
