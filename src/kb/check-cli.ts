/** `npm run kb:check [file…]`: validates data/ and lists every problem, optionally only those in the named files. */
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { formatProblem, KbSourceError } from './errors.js';
import { readSources } from './sources.js';

const only = process.argv.slice(2);
try {
  const data = readSources(join(projectRoot, 'data'));
  console.log(`OK: ${data.substances.length} substances, ${data.products.length} products, ${data.classes.length} classes, ${data.interactions.length} interactions.`);
} catch (error) {
  if (!(error instanceof KbSourceError)) throw error;
  const shown = error.problems.filter((p) => only.length === 0 || only.some((f) => p.file.includes(f)));
  for (const p of shown) console.error(formatProblem(p));
  console.error(`${shown.length} problem(s) shown, ${error.problems.length} in all.`);
  process.exit(1);
}
