/**
 * The built server takes where each intake pattern can begin from the file the build wrote
 * (decision 014), and what it takes is what the live analysis gives: a stale or wrong file would
 * make the scanner skip doses and frequencies without any error.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const probe = `
import './dist/src/intake/parse-line.js';
import { patternsMade } from './dist/src/intake/scanner.js';
import { readAnalysisCache } from './dist/src/intake/pattern-analysis-cache.js';
import { analysePattern } from './dist/src/intake/pattern-analysis.js';
const kept = readAnalysisCache();
const sorted = (xs) => JSON.stringify(xs === undefined ? null : [...xs].sort());
const patterns = patternsMade();
console.log(JSON.stringify({
  patterns: patterns.length,
  kept: patterns.filter((p) => kept(p.source) !== undefined).length,
  differ: patterns.filter((p) => { const live = analysePattern(p.source); return sorted(p.starts) !== sorted(live.starts) || sorted(p.required) !== sorted(live.required); }).map((p) => p.source),
}));
`;

describe('the intake patterns of the built server', () => {
  it('are analysed by the build, and the server reads the same analysis the live one gives', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { patterns: number; kept: number; differ: string[] };
    expect(result.patterns).toBeGreaterThan(50);
    expect(result.kept).toBe(result.patterns);
    expect(result.differ).toEqual([]);
  });
});
