/**
 * Opens the compiled knowledge base read-only, verifies it, and builds the in-memory indexes.
 * Verified means: its bytes have the SHA-256 the build recorded (or the one the deployment
 * pins), its data matches the schema, and it passes the same integrity checks as the sources.
 * Data the build validated with this server's own schema (the fingerprints match) is not parsed
 * again; data from any other build is (decision 015). Any problem becomes a KbLoadError with one
 * sentence an operator can act on.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { digestFileOf, KB_FORMAT, sha256 } from './compile.js';
import { KbLoadError } from './errors.js';
import { checkIntegrity } from './integrity.js';
import { indexKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { schemaFingerprint } from './schema-fingerprint.js';
import { kbData, type KbData } from './schema.js';

export interface LoadOptions {
  /** The SHA-256 the file must have; without it, the one the build wrote beside the file. */
  sha256?: string | undefined;
}

interface Row {
  body: string;
}

const REBUILD = 'rebuild it with "npm run build"';

/** A reason the file cannot be used, completed into one sentence by loadKbData. */
class Unusable extends Error {}

interface Stored {
  data: unknown;
  /** The fingerprint of the schema the build validated the data with; undefined in older files. */
  schema: string | undefined;
}

function readData(db: Database.Database): Stored {
  const meta = new Map(
    (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
  );
  if (meta.get('format') !== String(KB_FORMAT)) {
    throw new Unusable(`was built in format ${meta.get('format') ?? 'unknown'}, but this server reads format ${KB_FORMAT}`);
  }
  const bodies = (sql: string) => (db.prepare(sql).all() as Row[]).map((r) => JSON.parse(r.body) as unknown);
  const data = {
    meta: JSON.parse(meta.get('meta') ?? 'null') as unknown,
    references: bodies('SELECT body FROM refs ORDER BY id'),
    substances: bodies("SELECT body FROM entries WHERE kind = 'substance' ORDER BY id"),
    products: bodies("SELECT body FROM entries WHERE kind = 'product' ORDER BY id"),
    classes: bodies("SELECT body FROM entries WHERE kind = 'class' ORDER BY id"),
    interactions: bodies('SELECT body FROM interactions ORDER BY position'),
    contextRules: bodies('SELECT body FROM context_rules ORDER BY position'),
  };
  return { data, schema: meta.get('schema') };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The digest the build recorded beside the file ("<hex>  kb.sqlite", as sha256sum writes it). */
function recordedDigest(file: string): string {
  const digestFile = digestFileOf(file);
  let text: string;
  try {
    text = readFileSync(digestFile, 'utf8');
  } catch {
    throw new Unusable(`has no record of its SHA-256 (${basename(digestFile)} is missing beside it)`);
  }
  const digest = /^([0-9a-f]{64})\b/i.exec(text)?.[1];
  if (!digest) throw new Unusable(`has an unreadable record of its SHA-256 (${basename(digestFile)})`);
  return digest.toLowerCase();
}

/** The file's bytes, once they are known to be the ones the build wrote. */
function verifiedBytes(file: string, options: LoadOptions): Buffer {
  const bytes = readFileSync(file);
  if (!bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) throw new Error('not SQLite');
  const expected = options.sha256?.toLowerCase() ?? recordedDigest(file);
  if (sha256(bytes) !== expected) {
    throw new Unusable(
      options.sha256
        ? 'does not have the SHA-256 given in KB_SHA256 (it is another build, or it was changed)'
        : `does not have the SHA-256 recorded in ${basename(digestFileOf(file))} (it was changed after the build)`,
    );
  }
  return bytes;
}

function integrityProblem(data: KbData): string | undefined {
  const problems = checkIntegrity(data, () => '');
  const first = problems[0];
  if (!first) return undefined;
  return `fails ${problems.length === 1 ? 'an integrity check' : `${problems.length} integrity checks`} (${first.path}: ${first.message})`;
}

/** The stored data, parsed with the schema unless the build already validated it with this one. */
function validData(stored: Stored): KbData {
  if (stored.schema === schemaFingerprint()) return stored.data as KbData;
  const parsed = kbData.safeParse(stored.data);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new Unusable(`does not match this server's schema (${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'})`);
}

export function loadKbData(file: string, options: LoadOptions = {}): KbData {
  const fail = (reason: string, cause?: unknown): never => {
    throw new KbLoadError(`The knowledge base ${file} ${reason}; ${REBUILD}.`, { cause });
  };
  if (!existsSync(file)) fail('does not exist');
  let db: Database.Database | undefined;
  try {
    // Opened from the bytes that were hashed, so the file cannot change between check and use.
    db = new Database(verifiedBytes(file, options), { readonly: true });
    const data = validData(readData(db));
    const problem = integrityProblem(data);
    return problem ? fail(problem) : data;
  } catch (error) {
    if (error instanceof KbLoadError) throw error;
    if (error instanceof Unusable) return fail(error.message, error);
    return fail('cannot be read as a DialySafe knowledge base (corrupt, or not SQLite)', error);
  } finally {
    db?.close();
  }
}

export function loadKb(file: string, options: LoadOptions = {}): KnowledgeBase {
  return indexKnowledgeBase(loadKbData(file, options));
}
