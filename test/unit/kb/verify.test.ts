import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileKb, sha256 } from '../../../src/kb/compile.js';
import { KbLoadError } from '../../../src/kb/errors.js';
import { loadKb, loadKbData } from '../../../src/kb/load.js';
import { fingerprintOf } from '../../../src/kb/schema-fingerprint.js';
import { kbData as kbSchema, type KbData } from '../../../src/kb/schema.js';
import { projectRoot } from '../../../src/paths.js';
import { assess } from '../../../src/run-check.js';
import { kbData } from '../../helpers/kb.js';

const VITAMIN_C = 'Vitamine C 500 mg 1dd';

function compiled(data: KbData = kbData()): { file: string; digest: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'dialysafe-verify-')), 'kb.sqlite');
  return { file, digest: compileKb(data, file) };
}

/** Raises the limit a vitamin C rule compares with ("amount":100 → 900), in the file's own bytes. */
function raiseLimit(bytes: Buffer, ruleCode: string, from: number, to: number): void {
  const at = bytes.indexOf(`"code":"${ruleCode}"`);
  expect(at).toBeGreaterThan(0);
  const amount = bytes.indexOf(`"amount":${from},`, at);
  expect(amount).toBeGreaterThan(at);
  expect(String(to)).toHaveLength(String(from).length);
  bytes.write(`"amount":${to},`, amount, 'latin1');
}

/** A copy of the compiled file with both vitamin C limits raised, the same length as before. */
function editedLimits(file: string): Buffer {
  const bytes = readFileSync(file);
  const length = bytes.length;
  raiseLimit(bytes, 'vitamin-c.above-dialysis-intake', 100, 900);
  raiseLimit(bytes, 'vitamin-c.oxalate-build-up', 250, 950);
  expect(bytes.length).toBe(length);
  return bytes;
}

const verdictOf = (file: string, options = {}) => assess([VITAMIN_C], {}, loadKb(file, options)).lines[0]?.verdict;

describe('verifying the compiled knowledge base when it is opened', () => {
  it('opens the file the build wrote, with the digest recorded beside it', () => {
    const { file, digest } = compiled();
    expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(`${digest}  kb.sqlite\n`);
    expect(sha256(readFileSync(file))).toBe(digest);
    expect(verdictOf(file)).toBe('avoid');
  });

  it('refuses a file whose vitamin C limits were edited in place, keeping its length', () => {
    const { file } = compiled();
    writeFileSync(file, editedLimits(file));
    expect(() => loadKb(file)).toThrow(KbLoadError);
    expect(() => loadKb(file)).toThrow(
      `The knowledge base ${file} does not have the SHA-256 recorded in kb.sqlite.sha256 (it was changed after the build); rebuild it with "npm run build".`,
    );
  });

  it('with the digest pinned (KB_SHA256), refuses an edit whose recorded digest was rewritten too', () => {
    const { file, digest } = compiled();
    const edited = editedLimits(file);
    writeFileSync(file, edited);
    writeFileSync(`${file}.sha256`, `${sha256(edited)}  kb.sqlite\n`);
    // The edit matters: without the pin, vitamin C 500 mg a day would read as acceptable.
    expect(verdictOf(file)).toBe('ok');
    expect(() => loadKb(file, { sha256: digest })).toThrow(/does not have the SHA-256 given in KB_SHA256/);
  });

  it('opens a file with the pinned digest even without the record beside it', () => {
    const { file, digest } = compiled();
    rmSync(`${file}.sha256`);
    expect(verdictOf(file, { sha256: digest.toUpperCase() })).toBe('avoid');
  });

  it('refuses a file without the record of its digest', () => {
    const { file } = compiled();
    rmSync(`${file}.sha256`);
    expect(() => loadKb(file)).toThrow(
      `The knowledge base ${file} has no record of its SHA-256 (kb.sqlite.sha256 is missing beside it); rebuild it with "npm run build".`,
    );
    writeFileSync(`${file}.sha256`, 'not a digest\n');
    expect(() => loadKb(file)).toThrow(/has an unreadable record of its SHA-256 \(kb\.sqlite\.sha256\)/);
  });

  it('reruns the integrity checks: data that passes the schema but cites a missing reference is refused', () => {
    const data = structuredClone(kbData());
    const substance = data.substances.find((s) => s.id === 'quinine');
    expect(substance).toBeDefined();
    substance?.references.push('no-such-reference');
    const { file } = compiled(data);
    expect(() => loadKb(file)).toThrow(KbLoadError);
    expect(() => loadKb(file)).toThrow(/^The knowledge base .* fails an integrity check \(quinine › references: cites "no-such-reference", which is not in references\.yaml\); rebuild it with "npm run build"\.$/);
  });
});

describe('server start-up on an edited knowledge base', () => {
  it('stops with one sentence instead of serving the edited limits', () => {
    const { file } = compiled();
    writeFileSync(file, editedLimits(file));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: projectRoot,
      env: { ...process.env, KB_PATH: file, PORT: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('does not have the SHA-256 recorded in kb.sqlite.sha256')]);
  });
});

/** A compiled file changed through SQLite, with its recorded digest rewritten to match: another build's file. */
function rebuiltElsewhere(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  change(db);
  db.close();
  writeFileSync(`${file}.sha256`, `${sha256(readFileSync(file))}  kb.sqlite\n`);
}

/** Gives quinine's first rule a severity this server's schema does not know. */
const unknownSeverity = (db: Database.Database) => {
  const row = db.prepare("SELECT body FROM entries WHERE id = 'quinine'").get() as { body: string };
  const quinine = JSON.parse(row.body) as { rules: { severity: string }[] };
  expect(quinine.rules[0]).toBeDefined();
  (quinine.rules[0] as { severity: string }).severity = 'forbidden';
  db.prepare("UPDATE entries SET body = ? WHERE id = 'quinine'").run(JSON.stringify(quinine));
};

const SCHEMA_MISMATCH = /^The knowledge base .* does not match this server's schema \(substances\.\d+\.rules\.0\.severity: .+\); rebuild it with "npm run build"\.$/;

describe('the schema a compiled knowledge base was validated with', () => {
  it.each([
    ['built with another schema', "UPDATE meta SET value = 'the fingerprint of an older schema' WHERE key = 'schema'"],
    ['that records no schema at all, as files from before the fingerprint do', "DELETE FROM meta WHERE key = 'schema'"],
  ])('parses a file %s again, and refuses data that does not fit this schema', (_, fingerprintChange) => {
    const { file } = compiled();
    rebuiltElsewhere(file, (db) => {
      db.prepare(fingerprintChange).run();
      unknownSeverity(db);
    });
    expect(() => loadKb(file)).toThrow(SCHEMA_MISMATCH);
  });

  it('stores what the schema gives, so that a file with this schema loads as if it were parsed again', () => {
    const { file } = compiled();
    const stored = loadKbData(file);
    expect(kbSchema.parse(stored)).toEqual(stored);
  });

  it('builds no file from data the schema refuses', () => {
    const data = structuredClone(kbData());
    const rule = data.substances[0]?.rules[0] as { severity: string } | undefined;
    expect(rule).toBeDefined();
    if (rule) rule.severity = 'forbidden';
    const file = join(mkdtempSync(join(tmpdir(), 'dialysafe-verify-')), 'kb.sqlite');
    expect(() => compileKb(data, file)).toThrow(/severity/);
    expect(existsSync(file)).toBe(false);
  });

  it('has a fingerprint that changes with any field, enum value or bound of the schema', () => {
    const base = fingerprintOf(kbSchema);
    expect(fingerprintOf(kbSchema)).toBe(base);
    expect(fingerprintOf(kbSchema.extend({ extra: z.string().optional() }))).not.toBe(base);
    expect(fingerprintOf(z.object({ severity: z.enum(['avoid', 'caution']) }))).not.toBe(fingerprintOf(z.object({ severity: z.enum(['avoid', 'caution', 'info']) })));
    expect(fingerprintOf(z.object({ amount: z.number().max(10) }))).not.toBe(fingerprintOf(z.object({ amount: z.number().max(11) })));
    expect(fingerprintOf(z.object({ id: z.string().regex(/^[a-z]+$/) }))).not.toBe(fingerprintOf(z.object({ id: z.string().regex(/^[a-z0-9]+$/) })));
  });
});
