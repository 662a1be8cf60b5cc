/** `npm run build:kb`: validates data/ and compiles it into data/kb.sqlite. */
import { join } from 'node:path';
import { compileKb } from './compile.js';
import { KbSourceError } from './errors.js';
import { projectRoot } from '../paths.js';
import { readSources } from './sources.js';

const dataDir = join(projectRoot, 'data');
const outFile = process.env.KB_PATH ?? join(dataDir, 'kb.sqlite');
try {
  const data = readSources(dataDir);
  compileKb(data, outFile);
  console.log(
    `Knowledge base ${data.meta.version} (reviewed ${data.meta.reviewedOn}): ${data.substances.length} substances, ` +
      `${data.products.length} products, ${data.classes.length} classes, ${data.interactions.length} interactions → ${outFile}`,
  );
} catch (error) {
  if (error instanceof KbSourceError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
