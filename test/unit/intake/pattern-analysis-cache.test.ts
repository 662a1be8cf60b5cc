/**
 * The build keeps the analysis of the intake patterns so that the server need not work it out at
 * every start. A kept analysis that did not belong to the patterns or to the analyser would make
 * the scanner skip places a dose or frequency can begin, so only an exact one may be used.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import '../../../src/intake/parse-line.js';
import { readAnalysisCache, writeAnalysisCache } from '../../../src/intake/pattern-analysis-cache.js';
import { analyserFile, analysePattern } from '../../../src/intake/pattern-analysis.js';
import { patternsMade } from '../../../src/intake/scanner.js';

const sources = patternsMade().map((p) => p.source);
const file = () => join(mkdtempSync(join(tmpdir(), 'dialysafe-patterns-')), 'pattern-analysis.json');

describe('the kept analysis of the intake patterns', () => {
  it('gives back, for every pattern, what the live analysis gives', () => {
    const kept = file();
    writeAnalysisCache(sources, kept);
    const lookUp = readAnalysisCache(kept);
    expect(sources.length).toBeGreaterThan(50);
    for (const source of sources) expect(lookUp(source), source).toEqual(analysePattern(source));
    // The counted-time patterns begin in thousands of ways; the beginnings are kept, not lost.
    expect(Math.max(...sources.map((s) => lookUp(s)?.starts?.length ?? 0))).toBeGreaterThan(1000);
  });

  it('knows nothing of a pattern it was not made for', () => {
    const kept = file();
    writeAnalysisCache(sources.slice(1), kept);
    expect(readAnalysisCache(kept)(sources[0] ?? '')).toBeUndefined();
    expect(readAnalysisCache(kept)('toString')).toBeUndefined();
  });

  it('is not used when another version of the analyser made it', () => {
    const kept = file();
    writeAnalysisCache(sources, kept);
    const stale = JSON.parse(readFileSync(kept, 'utf8')) as { analyser: string };
    writeFileSync(kept, JSON.stringify({ ...stale, analyser: '0'.repeat(64) }));
    expect(readAnalysisCache(kept)(sources[0] ?? '')).toBeUndefined();
  });

  it('is keyed by an analyser that depends on nothing outside its own file', () => {
    // The kept analysis is trusted when the analyser file's hash matches: an import would let a
    // change elsewhere alter the analysis without changing that hash.
    const analyser = readFileSync(fileURLToPath(analyserFile), 'utf8');
    expect(analyser).not.toMatch(/^\s*(?:import|export\s+[^;]*\bfrom\b)/m);
    expect(analyser).not.toMatch(/\bimport\(|\brequire\(/);
  });

  it('is not used when the file is missing, damaged or of another shape', () => {
    const kept = file();
    expect(readAnalysisCache(kept)(sources[0] ?? '')).toBeUndefined();
    writeFileSync(kept, '{"analyser":');
    expect(readAnalysisCache(kept)(sources[0] ?? '')).toBeUndefined();
    writeFileSync(kept, JSON.stringify({ analyser: 'x', patterns: [1, 2] }));
    expect(readAnalysisCache(kept)(sources[0] ?? '')).toBeUndefined();
  });
});
