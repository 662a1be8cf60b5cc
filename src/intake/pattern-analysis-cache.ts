/**
 * The analysis of every intake pattern, worked out by the build and read at start-up: working it
 * out live took 120–180 ms, a sixth of the server's start (the counted-time patterns each begin in
 * about 2,500 ways). A kept analysis counts only when it was made by the same analyser, byte for
 * byte; a missing, stale or damaged file means the analysis is done live, as under tsx.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { analyserFile, analysePattern, type PatternAnalysis } from './pattern-analysis.js';

/** Next to the compiled analyser: dist/src/intake/ after `npm run build:ts`. */
export const defaultCacheFile = fileURLToPath(new URL('./pattern-analysis.json', analyserFile));

const texts = z.array(z.string()).nullable();
const cacheSchema = z.object({ analyser: z.string(), patterns: z.record(z.string(), z.object({ starts: texts, required: texts })) });

function analyserHash(): string {
  return createHash('sha256').update(readFileSync(fileURLToPath(analyserFile))).digest('hex');
}

export type AnalysisLookup = (source: string) => PatternAnalysis | undefined;

/** The kept analyses, or none when the file is absent, unreadable or from another analyser. */
export function readAnalysisCache(file: string = defaultCacheFile): AnalysisLookup {
  let kept: z.infer<typeof cacheSchema>['patterns'];
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success || parsed.data.analyser !== analyserHash()) return () => undefined;
    kept = parsed.data.patterns;
  } catch {
    return () => undefined;
  }
  return (source) => {
    const entry = Object.hasOwn(kept, source) ? kept[source] : undefined;
    return entry && { starts: entry.starts ?? undefined, required: entry.required ?? undefined };
  };
}

/** Analyses each source live and keeps the results in `file`. */
export function writeAnalysisCache(sources: readonly string[], file: string = defaultCacheFile): void {
  const patterns: z.infer<typeof cacheSchema>['patterns'] = {};
  for (const source of sources) {
    const { starts, required } = analysePattern(source);
    patterns[source] = { starts: starts ?? null, required: required ?? null };
  }
  writeFileSync(file, JSON.stringify({ analyser: analyserHash(), patterns }));
}
