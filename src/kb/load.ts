/**
 * Opens the compiled knowledge base read-only, checks it, and builds the in-memory indexes.
 * Any problem becomes a KbLoadError with one sentence an operator can act on.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { KB_FORMAT } from './compile.js';
import { KbLoadError } from './errors.js';
import { indexKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { kbData, type KbData } from './schema.js';

interface Row {
  body: string;
}

const REBUILD = 'rebuild it with "npm run build"';

/** A reason the file cannot be used, completed into one sentence by loadKbData. */
class Unusable extends Error {}

function readData(db: Database.Database): unknown {
  const meta = new Map(
    (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
  );
  if (meta.get('format') !== String(KB_FORMAT)) {
    throw new Unusable(`was built in format ${meta.get('format') ?? 'unknown'}, but this server reads format ${KB_FORMAT}`);
  }
  const bodies = (sql: string) => (db.prepare(sql).all() as Row[]).map((r) => JSON.parse(r.body) as unknown);
  return {
    meta: JSON.parse(meta.get('meta') ?? 'null') as unknown,
    references: bodies('SELECT body FROM refs ORDER BY id'),
    substances: bodies("SELECT body FROM entries WHERE kind = 'substance' ORDER BY id"),
    products: bodies("SELECT body FROM entries WHERE kind = 'product' ORDER BY id"),
    classes: bodies("SELECT body FROM entries WHERE kind = 'class' ORDER BY id"),
    interactions: bodies('SELECT body FROM interactions ORDER BY position'),
    contextRules: bodies('SELECT body FROM context_rules ORDER BY position'),
  };
}

export function loadKbData(file: string): KbData {
  const fail = (reason: string, cause?: unknown): never => {
    throw new KbLoadError(`The knowledge base ${file} ${reason}; ${REBUILD}.`, { cause });
  };
  if (!existsSync(file)) fail('does not exist');
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const parsed = kbData.safeParse(readData(db));
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    return fail(`does not match this server's schema (${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'})`);
  } catch (error) {
    if (error instanceof KbLoadError) throw error;
    if (error instanceof Unusable) return fail(error.message, error);
    return fail('cannot be read as a DialySafe knowledge base (corrupt, or not SQLite)', error);
  } finally {
    db?.close();
  }
}

export function loadKb(file: string): KnowledgeBase {
  return indexKnowledgeBase(loadKbData(file));
}
