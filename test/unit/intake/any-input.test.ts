/** Whatever is typed, every line comes back, in order, with a verdict and a reason. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLines } from '../../helpers/check.js';

const medicationWord = fc.constantFrom(
  'Kinine', 'kinine', 'sulfaat', 'Magnesium', 'citraat', 'vit', 'E', 'C', 'B12', 'OsvaRen', 'tonic', 'Warfarin', 'Baclofen',
  '250', '0,125', '1.000', '1,5', '1-2', 'mg', 'g', 'IE', 'IU', 'mcg', 'ml', 'l', 'mmol', 'tabletten', 'caps', 'x', '1dd', '3dd2',
  'per', 'dag', 'week', 'zo', 'nodig', 'max', 'z.n.', 'a.n.', 'bid', 'q8h', 'prn', 'na', 'elke', 'dialyse', 'IV', 'om', 'de',
  '(', ')', ',', '/', '+', '–', "'s", 'avonds', 'Ωmega', '💊', '',
);
const line = fc.oneof(fc.string({ maxLength: 120, unit: 'grapheme' }), fc.array(medicationWord, { maxLength: 14 }).map((w) => w.join(' ')));

describe('any input', () => {
  it('never throws, and returns every line in order with a verdict explained by at least one finding', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('en' as const, 'nl' as const), (lines, lang) => {
        const report = checkLines(lines, { lang });
        expect(report.items.map((i) => i.input)).toEqual(lines);
        for (const item of report.items) {
          expect(['avoid', 'caution', 'ok', 'unknown']).toContain(item.verdict);
          expect(item.findings.length).toBeGreaterThan(0);
          if (item.substances.length === 0) expect(item.verdict).toBe('unknown');
        }
        if (report.items.some((i) => i.verdict === 'unknown')) expect(report.summary.verdict).not.toBe('ok');
      }),
      { numRuns: 400 },
    );
  });
});
