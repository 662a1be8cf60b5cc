/**
 * Writes validated knowledge-base data into a SQLite file. The file is rebuilt from scratch and
 * swapped in atomically, so a failed build never leaves a half-written knowledge base behind.
 * Beside it goes its SHA-256 (`kb.sqlite.sha256`, in `sha256sum` format), which the loader checks.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { nameKey } from './names.js';
import { classMembership, namesOf } from './queries.js';
import { schemaFingerprint } from './schema-fingerprint.js';
import { kbData, type KbData } from './schema.js';

/** Bumped when the table layout changes; the loader refuses files of another format. */
export const KB_FORMAT = 3;

const TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE refs (id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE entries (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('substance', 'product', 'class')),
  reviewed_on TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE names (key TEXT PRIMARY KEY, entry_id TEXT NOT NULL REFERENCES entries(id), form_id TEXT, name TEXT NOT NULL);
CREATE TABLE class_members (class_id TEXT NOT NULL REFERENCES entries(id), substance_id TEXT NOT NULL REFERENCES entries(id), PRIMARY KEY (class_id, substance_id));
CREATE TABLE interactions (code TEXT PRIMARY KEY, position INTEGER NOT NULL, reviewed_on TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE context_rules (code TEXT PRIMARY KEY, position INTEGER NOT NULL, reviewed_on TEXT NOT NULL, body TEXT NOT NULL);
`;

/** The file the build records a knowledge base's SHA-256 in. */
export const digestFileOf = (kbFile: string) => `${kbFile}.sha256`;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Compiles `data` into `outFile` and records its SHA-256 beside it; returns the digest. The data is
 * validated here, so the schema fingerprint the file carries is true of it.
 */
export function compileKb(input: KbData, outFile: string): string {
  const data = kbData.parse(input);
  const tmp = `${outFile}.tmp-${process.pid}`;
  const digestFile = digestFileOf(outFile);
  const digestTmp = `${digestFile}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.exec(TABLES);
    const write = db.transaction(() => {
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('format', String(KB_FORMAT));
      meta.run('schema', schemaFingerprint());
      meta.run('meta', JSON.stringify(data.meta));
      meta.run('version', data.meta.version);
      meta.run('reviewed_on', data.meta.reviewedOn);

      const ref = db.prepare('INSERT INTO refs (id, title, url, body) VALUES (?, ?, ?, ?)');
      for (const r of data.references) ref.run(r.id, r.title, r.url, JSON.stringify(r));

      const entry = db.prepare('INSERT INTO entries (id, kind, reviewed_on, body) VALUES (?, ?, ?, ?)');
      const name = db.prepare('INSERT OR IGNORE INTO names (key, entry_id, form_id, name) VALUES (?, ?, ?, ?)');
      for (const s of data.substances) entry.run(s.id, 'substance', s.reviewedOn, JSON.stringify(s));
      for (const p of data.products) entry.run(p.id, 'product', p.reviewedOn, JSON.stringify(p));
      for (const c of data.classes) entry.run(c.id, 'class', c.reviewedOn, JSON.stringify(c));
      for (const e of [...data.substances, ...data.products]) {
        for (const n of namesOf(e)) name.run(nameKey(n.name), e.id, n.formId ?? null, n.name);
      }
      const member = db.prepare('INSERT INTO class_members (class_id, substance_id) VALUES (?, ?)');
      for (const [substance, classes] of classMembership(data.classes, data.substances)) {
        for (const c of classes) member.run(c, substance);
      }

      const interaction = db.prepare('INSERT INTO interactions (code, position, reviewed_on, body) VALUES (?, ?, ?, ?)');
      data.interactions.forEach((x, i) => interaction.run(x.code, i, x.reviewedOn, JSON.stringify(x)));
      const contextRule = db.prepare('INSERT INTO context_rules (code, position, reviewed_on, body) VALUES (?, ?, ?, ?)');
      data.contextRules.forEach((c, i) => contextRule.run(c.code, i, c.reviewedOn, JSON.stringify(c)));
    });
    write();
    db.close();
    const digest = sha256(readFileSync(tmp));
    writeFileSync(digestTmp, `${digest}  ${basename(outFile)}\n`);
    renameSync(tmp, outFile);
    renameSync(digestTmp, digestFile);
    return digest;
  } catch (error) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    rmSync(digestTmp, { force: true });
    throw error;
  }
}
