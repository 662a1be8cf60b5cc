/**
 * A name's key is worked out a character at a time for non-ASCII text (each character once, from
 * a cache). It must be the key decomposing the whole name gives, for any text at all, else a line
 * in another script or with odd marks could miss a name it names or meet one it does not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../src/kb/names.js';

const wholeNameKey = (name: string) =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/µ|μ/g, 'u').replace(/[^a-z0-9]/g, '');

describe('nameKey', () => {
  it('gives the key of the whole name decomposed at once, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => nameKey(s) === wholeNameKey(s)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => nameKey(s) === wholeNameKey(s)), { numRuns: 20_000 });
  });

  it('lets spellings with accents, ligatures, full-width digits and micro signs meet at one key', () => {
    expect(nameKey('Kinine-sulfaat')).toBe(nameKey('KININE SULFAAT'));
    expect(nameKey('Vitamine B₁₂')).toBe('vitamineb12');
    expect(nameKey('Ｄ３ ２５ µg')).toBe('d325ug');
    expect(nameKey('Coenzym Q10 ﬁlm')).toBe('coenzymq10film');
    expect(nameKey('Aciclovír ½')).toBe('aciclovir12');
  });
});
