/** The real knowledge base from data/, for tests: in memory, or through SQLite as the server loads it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileKb } from '../../src/kb/compile.js';
import { indexKnowledgeBase, type KnowledgeBase } from '../../src/kb/knowledge-base.js';
import { loadKb } from '../../src/kb/load.js';
import type { KbData } from '../../src/kb/schema.js';
import { readSources } from '../../src/kb/sources.js';
import { projectRoot } from '../../src/paths.js';

/** The knowledge base under test: data/, or another copy of it (KB_DATA_DIR) while data/ is being edited. */
export const DATA_DIR = process.env.KB_DATA_DIR ?? join(projectRoot, 'data');

let data: KbData | undefined;
export function kbData(): KbData {
  data ??= readSources(DATA_DIR);
  return data;
}

let memory: KnowledgeBase | undefined;
export function testKb(): KnowledgeBase {
  memory ??= indexKnowledgeBase(kbData());
  return memory;
}

/** Compiles data/ into a fresh SQLite file and loads it the way the server does. */
export function compiledKb(): KnowledgeBase {
  const file = join(mkdtempSync(join(tmpdir(), 'dialysafe-kb-')), 'kb.sqlite');
  compileKb(kbData(), file);
  return loadKb(file);
}
