/**
 * Reads the human-written knowledge-base sources in data/ and validates them with zod.
 * Problems are collected over all files, so one build run lists everything a reviewer must fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { KbSourceError, type SourceProblem } from './errors.js';
import { checkIntegrity } from './integrity.js';
import { kbMeta, referencesFile, topicFile, type KbData, type KbMeta } from './schema.js';

export const META_FILE = 'kb.yaml';
export const REFERENCES_FILE = 'references.yaml';
export const TOPICS_DIR = 'kb';
export const CHANGELOG_FILE = 'CHANGELOG.md';

function zodProblems(file: string, error: z.ZodError): SourceProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function readYaml(dataDir: string, file: string, problems: SourceProblem[]): unknown {
  const path = join(dataDir, file);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    problems.push({ file, path: '', message: 'cannot be read' });
    return undefined;
  }
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file, path: '', message: `not valid YAML: ${e.message}` });
    return undefined;
  }
  return doc.toJS();
}

function parseWith<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
  problems: SourceProblem[],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(...zodProblems(file, result.error));
  return undefined;
}

/** The topic files, in a stable order so that builds are reproducible. */
export function topicFiles(dataDir: string): string[] {
  return readdirSync(join(dataDir, TOPICS_DIR))
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(TOPICS_DIR, f));
}

/** The version named by the newest entry of data/CHANGELOG.md ("## 2026.11.0 — …"). */
export function changelogVersion(dataDir: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, CHANGELOG_FILE), 'utf8');
  } catch {
    return undefined;
  }
  return /^##\s+(\d{4}\.\d{1,2}\.\d+)\b/m.exec(text)?.[1];
}

/** Stands in for an invalid kb.yaml so the other files are still checked; the build fails anyway. */
const UNREADABLE_META: KbMeta = {
  title: '',
  version: '0.0.0',
  reviewedOn: '9999-12-31',
  coverage: { covers: { en: '', nl: '' }, doesNotCover: { en: '', nl: '' } },
  tags: {},
};

/** Reads, validates and cross-checks every source file; throws KbSourceError listing all problems. */
export function readSources(dataDir: string): KbData {
  const problems: SourceProblem[] = [];
  const meta = parseWith(kbMeta, readYaml(dataDir, META_FILE, problems), META_FILE, problems);
  const refs = parseWith(
    referencesFile,
    readYaml(dataDir, REFERENCES_FILE, problems),
    REFERENCES_FILE,
    problems,
  );

  const data: KbData = {
    meta: meta ?? UNREADABLE_META,
    references: [],
    substances: [],
    products: [],
    classes: [],
    interactions: [],
    contextRules: [],
  };
  const origin = new Map<object, string>();
  for (const r of refs?.references ?? []) {
    origin.set(r, REFERENCES_FILE);
    data.references.push(r);
  }
  for (const file of topicFiles(dataDir)) {
    const topic = parseWith(topicFile, readYaml(dataDir, file, problems), file, problems);
    if (!topic) continue;
    for (const key of ['references', 'substances', 'products', 'classes', 'interactions', 'contextRules'] as const) {
      for (const entry of topic[key]) origin.set(entry, file);
      (data[key] as unknown[]).push(...topic[key]);
    }
  }

  if (meta) {
    const logged = changelogVersion(dataDir);
    if (logged !== meta.version) {
      problems.push({
        file: CHANGELOG_FILE,
        path: '',
        message: `its newest entry is ${logged ?? 'missing'} but ${META_FILE} says version ${meta.version}: change them together`,
      });
    }
  }
  if (problems.length === 0) {
    problems.push(...checkIntegrity(data, (entry) => origin.get(entry) ?? '(unknown file)'));
  }
  if (problems.length > 0) throw new KbSourceError(problems);
  return data;
}
