// "Did you mean" is searched for the first unrecognised lines of a list only; the rest are still
// answered, as not recognised, and every line stays unknown.
import { describe, expect, it } from 'vitest';
import { MAX_LINES_WITH_SUGGESTIONS } from '../../../src/resolve/resolve.js';
import { checkLines } from '../../helpers/check.js';

describe('suggestions in a long list of unknown names', () => {
  it('offers "did you mean" on the first lines and still marks every line not checked', () => {
    const lines = Array.from({ length: MAX_LINES_WITH_SUGGESTIONS + 5 }, () => 'Kinnine 200 mg a.n.');
    const report = checkLines(lines);
    const offered = report.items.map((i) => i.suggestions.length > 0);
    expect(offered.slice(0, MAX_LINES_WITH_SUGGESTIONS).every(Boolean)).toBe(true);
    expect(offered.slice(MAX_LINES_WITH_SUGGESTIONS).some(Boolean)).toBe(false);
    expect(report.items.every((i) => i.verdict === 'unknown')).toBe(true);
    expect(report.summary.verdict).not.toBe('ok');
  });

  it('counts only the lines that were not recognised', () => {
    const known = Array.from({ length: MAX_LINES_WITH_SUGGESTIONS + 5 }, () => 'Paracetamol 500 mg 3dd');
    const report = checkLines([...known, 'Kinnine 200 mg a.n.']);
    expect(report.items.at(-1)?.suggestions[0]?.id).toBe('quinine');
  });
});
