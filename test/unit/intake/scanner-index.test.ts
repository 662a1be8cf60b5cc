/**
 * The scanner tries a pattern only where a match can begin and only on a line holding text every
 * match needs. Both are worked out from the pattern's source; if either were wrong, a pattern
 * would silently stop reading the lines it should (a dose or frequency lost). These properties
 * check them against the regular expressions themselves, on lines made of the patterns' own words.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import '../../../src/intake/parse-line.js';
import { patternsMade, type Pattern } from '../../../src/intake/scanner.js';
import { tokenize } from '../../../src/intake/tokens.js';
import { projectRoot } from '../../../src/paths.js';

const patterns = patternsMade();

/** The line as the scanner lays it out, and where each token's piece starts. */
function canonical(line: string): { text: string; starts: number[]; pieces: string[] } {
  const pieces = tokenize(line).map((t) => (t.kind === 'number' ? '#' : t.norm));
  const starts: number[] = [];
  let offset = 0;
  for (const p of pieces) {
    starts.push(offset);
    offset += p.length + 1;
  }
  return { text: pieces.join(' '), starts, pieces };
}

/** Every pattern that matches somewhere on the line: its id, and the token the match starts at. */
function matches(line: string): { p: Pattern; at: number; text: string; pieces: string[] }[] {
  const c = canonical(line);
  const found: { p: Pattern; at: number; text: string; pieces: string[] }[] = [];
  for (const p of patterns) {
    c.starts.forEach((start, at) => {
      p.sticky.lastIndex = start;
      const m = p.sticky.exec(c.text);
      if (m && m[0].length > 0) found.push({ p, at, text: c.text, pieces: c.pieces });
    });
  }
  return found;
}

function holds(line: string): void {
  for (const { p, at, text, pieces } of matches(line)) {
    if (p.required) expect(p.required.some((r) => text.includes(r)), `${p.source} matched "${text}" without any of ${JSON.stringify(p.required)}`).toBe(true);
    if (p.starts) {
      const one = pieces[at] ?? '';
      const two = `${one} ${pieces[at + 1] ?? ''}`;
      expect(p.starts.has(one) || p.starts.has(two), `${p.source} matched at "${two}", not among its beginnings`).toBe(true);
    }
  }
}

// The patterns' own words (and numbers and marks), so that random lines match them often.
const words = [...new Set(patterns.flatMap((p) => [...(p.starts ?? []), ...(p.required ?? [])]).flatMap((w) => w.split(' ')))].map((w) => (w === '#' ? '2' : w));
const word = fc.oneof(fc.constantFrom(...words), fc.constantFrom('1', '250', '0,5', '1-2', '½', '-', '/', '.', '(', ')', ',', 'Kinine', 'mg'));

describe('where the scanner tries a pattern', () => {
  it('has a beginning and a required text for most patterns, so that most are not tried everywhere', () => {
    expect(patterns.length).toBeGreaterThan(50);
    expect(patterns.filter((p) => p.required).length).toBeGreaterThan(patterns.length * 0.8);
  });

  it('never leaves out a place where a pattern matches, on the lines of the intake corpus', () => {
    const corpus = parseYaml(readFileSync(join(projectRoot, 'test', 'fixtures', 'intake-corpus.yaml'), 'utf8')) as { line: string }[];
    expect(corpus.length).toBeGreaterThan(100);
    for (const entry of corpus) holds(entry.line);
  });

  it('never leaves out a place where a pattern matches, on lines made of the patterns\' own words', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), (ws) => holds(ws.join(' '))),
      { numRuns: 3_000 },
    );
  });
});
