/**
 * The real command, run from source as a child process (`node --import tsx src/cli/main.ts`),
 * with its worker threads, on small inputs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKb } from '../../../src/kb/compile.js';
import { projectRoot } from '../../../src/paths.js';
import { kbData } from '../../helpers/kb.js';

let dir: string;
let kbFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dialysafe-cli-'));
  kbFile = join(dir, 'kb.sqlite');
  compileKb(kbData(), kbFile);
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The output lines as JSON. */
  records: Record<string, unknown>[];
}

const parseLines = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

function dialysafe(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, env: { ...process.env, KB_PATH: kbFile, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, get records() { return parseLines(stdout); } }));
    child.stdin.end(stdin);
  });
}

const ndjson = (...records: unknown[]) => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const ok = { id: 'ok', items: ['Paracetamol 500 mg 3dd'] };
const caution = { id: 'caution', items: ['Kinine 250 mg 1dd a.n.'] };
const avoid = { id: 'avoid', items: ['Magnesium citrate 400 mg daily'] };
const slow = { id: 'slow', items: Array.from({ length: 100 }, (_, i) => `Onbekendmiddel${i} ${i + 1} mg 2dd`) };

describe('dialysafe check', { timeout: 60_000 }, () => {
  it('writes one report per list from standard input, in order, with a bad line answered in its place', async () => {
    const input = ndjson({ ...caution, patient: { targetWeightKg: 55 } }, '{"id":"broken", "items": [', ok, { id: 'p4', items: [], extra: true }, avoid);
    const run = await dialysafe(['check', '-', '--workers', '2'], input);
    expect(run.code).toBe(0);
    expect(run.records.map((r) => [r.id ?? null, r.line, r.summary ? (r.summary as { verdict: string }).verdict : 'error'])).toEqual([
      ['caution', 1, 'caution'],
      [null, 2, 'error'],
      ['ok', 3, 'ok'],
      ['p4', 4, 'error'],
      ['avoid', 5, 'avoid'],
    ]);
    expect(run.records[0]).toMatchObject({ items: [{ input: 'Kinine 250 mg 1dd a.n.', findings: [{ kbUrl: '/kb/quinine' }] }] });
    // stderr is not a terminal here: no progress, only the count, and never a list.
    expect(run.stderr).toBe('dialysafe: 2 lists were not checked: see the records with "error" in the output\n');
  });

  it('keeps the input order when a slow list is overtaken by quick ones in the other worker', async () => {
    const quick = Array.from({ length: 40 }, (_, i) => ({ id: `q${i}`, items: ['Paracetamol 500 mg 3dd'] }));
    const run = await dialysafe(['check', '-', '--workers', '2', '--format', 'summary'], ndjson(slow, ...quick, slow));
    expect(run.code).toBe(0);
    expect(run.records.map((r) => r.id)).toEqual(['slow', ...quick.map((q) => q.id), 'slow']);
  });

  it('exits with 1 when a list reaches --fail-on; a record not checked reaches every level', async () => {
    const flagged = async (level: string, ...records: unknown[]) => (await dialysafe(['check', '-', '--workers', '1', '--format', 'summary', '--fail-on', level], ndjson(...records))).code;
    expect(await flagged('avoid', ok, caution)).toBe(0);
    expect(await flagged('unknown', ok, caution)).toBe(0);
    expect(await flagged('caution', ok, caution)).toBe(1);
    expect(await flagged('caution', ok, 'not json')).toBe(1);
    expect(await flagged('avoid', ok, 'not json')).toBe(1);
  });

  it('reads a CSV file of one row per medicine line and writes the summary, with absolute links in full', async () => {
    const file = join(dir, 'lists.csv');
    writeFileSync(file, 'id;item;lang;targetWeightKg\np1;Kinine 250 mg 1dd a.n.;nl;55,5\np1;"Magnesiumcitraat 400 mg; 1x per dag";;\np2;Paracetamol 500 mg 3dd;;\n');
    const summary = await dialysafe(['check', file, '--workers', '1', '--format', 'summary']);
    expect(summary.code).toBe(0);
    expect(summary.records).toEqual([
      expect.objectContaining({ id: 'p1', line: 2, summary: expect.objectContaining({ verdict: 'avoid' }), items: [expect.objectContaining({ substances: ['quinine'] }), expect.objectContaining({ substances: ['magnesium'] })] }),
      expect.objectContaining({ id: 'p2', line: 4, summary: expect.objectContaining({ verdict: 'ok' }) }),
    ]);
    const full = await dialysafe(['check', file, '--workers', '1', '--base-url', 'https://dialysafe.example']);
    expect(full.records[0]).toMatchObject({ items: [{ findings: [{ kbUrl: 'https://dialysafe.example/kb/quinine' }] }, {}] });
  });

  it('stops with 2 and says why for a usage error, an input it cannot open, a CSV header or a knowledge base it cannot use', async () => {
    const usage = await dialysafe(['check', '-', '--fial-on', 'avoid']);
    expect([usage.code, usage.stdout]).toEqual([2, '']);
    expect(usage.stderr).toBe("dialysafe: Unknown option '--fial-on'\nRun \"dialysafe --help\" for the options.\n");
    const missing = await dialysafe(['check', join(dir, 'nope.ndjson')]);
    expect([missing.code, missing.stderr]).toEqual([2, `dialysafe: cannot read ${join(dir, 'nope.ndjson')}: no such file\nRun "dialysafe --help" for the options.\n`]);
    const header = await dialysafe(['check', '-', '--input', 'csv', '--workers', '1'], 'id,medicine\np1,Kinine\n');
    expect([header.code, header.stdout]).toEqual([2, '']);
    expect(header.stderr).toContain('unknown column(s) in the CSV header: medicine');
    const kb = await dialysafe(['check', '-', '--kb', join(dir, 'missing.sqlite')], ndjson(ok));
    expect([kb.code, kb.stdout]).toEqual([2, '']);
    expect(kb.stderr).toBe(`dialysafe: The knowledge base ${join(dir, 'missing.sqlite')} does not exist; rebuild it with "npm run build".\n`);
    const pinned = await dialysafe(['check', '-', '--workers', '1'], ndjson(ok), { KB_SHA256: '0'.repeat(64) });
    expect([pinned.code, pinned.stdout]).toEqual([2, '']);
    expect(pinned.stderr).toContain('does not have the SHA-256 given in KB_SHA256');
  });

  it('stops with 2 when its output is closed before the end (a pipe into head)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '-', '--workers', '1', '--format', 'summary', '--kb', kbFile], { cwd: projectRoot });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.on('error', () => {});
    child.stdin.end(ndjson(...Array.from({ length: 2000 }, () => ok)));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toBe('dialysafe: the output was closed before the end: the lists after it were not checked\n');
  });

  it('prints the usage on --help', async () => {
    const help = await dialysafe(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dialysafe check <file\|-> \[options\]/);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('shows progress on stderr when it is a terminal, and never in the output', async () => {
    const input = join(dir, 'progress.ndjson');
    const output = join(dir, 'progress.out');
    writeFileSync(input, ndjson(...Array.from({ length: 30 }, (_, i) => ({ id: i, items: ['Paracetamol 500 mg 3dd'] }))));
    const command = `'${process.execPath}' --import tsx src/cli/main.ts check '${input}' --kb '${kbFile}' --workers 1 --format summary > '${output}'`;
    const terminal = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: projectRoot });
      let seen = '';
      child.stdout.on('data', (d: Buffer) => (seen += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(seen));
    });
    expect(terminal).toMatch(/30 lists checked, \d+\/s\r?\n/);
    const lines = readFileSync(output, 'utf8').split('\n').filter(Boolean);
    expect(lines.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
