/** Part of `npm run build:ts`: keeps the analysis of every intake pattern next to the compiled analyser. */
import './parse-line.js';
import { defaultCacheFile, writeAnalysisCache } from './pattern-analysis-cache.js';
import { patternsMade } from './scanner.js';

const sources = patternsMade().map((p) => p.source);
writeAnalysisCache(sources);
console.log(`Intake: the analysis of ${sources.length} patterns → ${defaultCacheFile}`);
