/** How the report names the lines a total or an interaction concerns. */
import { describe, expect, it } from 'vitest';
import { formatLines } from '../../../src/i18n/format.js';

describe('formatLines', () => {
  it('names one, two and a few lines by number, 1-based', () => {
    expect(formatLines([0], 'en')).toBe('line 1');
    expect(formatLines([0, 2], 'en')).toBe('lines 1 and 3');
    expect(formatLines([0, 1, 3], 'en')).toBe('lines 1, 2 and 4');
    expect(formatLines([0, 2], 'nl')).toBe('regels 1 en 3');
  });

  it('names three or more lines in a row as a range, so a total over a long list stays short', () => {
    expect(formatLines([0, 1, 2, 3, 4, 8], 'en')).toBe('lines 1–5 and 9');
    expect(formatLines([2, 3, 4, 6, 7, 10, 11, 12], 'nl')).toBe('regels 3–5, 7, 8 en 11–13');
    expect(formatLines(Array.from({ length: 100 }, (_, i) => i), 'en')).toBe('lines 1–100');
  });
});
