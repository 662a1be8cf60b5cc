/**
 * The name search adds a token's key to the name it is building, and compares spans piece by
 * piece only once a span is a name. Both must see the same letters, or a name written in one
 * spelling would be found by one and missed by the other ("Kinine-sulfaat", "Vitamine B12",
 * "½", full-width digits, accents, ligatures).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/intake/tokens.js';
import { namePieces } from '../../../src/kb/names.js';
import { tokenKey, tokenPieces } from '../../../src/resolve/token-keys.js';

const content = (line: string) => tokenize(line).filter((t) => t.kind !== 'punct');

describe('a token’s key is its pieces joined', () => {
  it('for names as people write them', () => {
    const lines = ['Kinine-sulfaat 200 mg', 'Vitamine B12 1000 µg', "'s avonds ½ tablet", 'Ｃａｌｃｉｕｍ ２５０ mg', 'Crème Ærius ﬁlm ß', 'Кинин 200 мг', '1/2 tablet 1.000 IE 0,25'];
    for (const line of lines) for (const t of content(line)) expect(tokenKey({ ...t }), `${line}: ${t.text}`).toBe(tokenPieces({ ...t }).join(''));
  });

  it('for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (a, b) => {
        for (const t of content(`${a} ${b}`)) expect(tokenKey({ ...t })).toBe(tokenPieces({ ...t }).join(''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a token’s pieces are those of its text', () => {
  // Words take a shortcut (one run of letters, one piece); what the search compares must not change.
  it('for names as people write them and for any text', () => {
    const lines = ['Kinine-sulfaat 200 mg', "'s avonds ½ tablet", 'Crème Ærius ﬁlm ß', 'Кинин 200 мг', 'ＡＢＣ x\u0301y 😀Ärzte'];
    for (const line of lines) for (const t of content(line)) expect(tokenPieces({ ...t }), `${line}: ${t.text}`).toEqual(namePieces(t.text));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (a, b) => {
        for (const t of content(`${a} ${b}`)) expect(tokenPieces({ ...t })).toEqual(namePieces(t.text));
      }),
      { numRuns: 2000 },
    );
  });
});
