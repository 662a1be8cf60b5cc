import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KbLoadError } from '../../../src/kb/errors.js';
import { loadKb } from '../../../src/kb/load.js';
import { projectRoot } from '../../../src/paths.js';
import { compiledKb, kbData } from '../../helpers/kb.js';

function startServer(kbPath: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, KB_PATH: kbPath, PORT: '0', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('opening the compiled knowledge base', () => {
  it('gives back exactly what was compiled', () => {
    const kb = compiledKb();
    const data = kbData();
    expect(kb.meta).toEqual(data.meta);
    expect([...kb.substances.values()]).toEqual(expect.arrayContaining(data.substances));
    expect(kb.substances.size).toBe(data.substances.length);
    expect(kb.interactions).toEqual(data.interactions);
  });

  it('refuses a corrupt file with one sentence', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dialysafe-')), 'kb.sqlite');
    writeFileSync(file, 'this is not a database');
    expect(() => loadKb(file)).toThrow(KbLoadError);
    expect(() => loadKb(file)).toThrow(/^The knowledge base .* cannot be read as a DialySafe knowledge base \(corrupt, or not SQLite\); rebuild it with "npm run build"\.$/);
  });
});

describe('server start-up', () => {
  it('stops with one clear sentence when the knowledge base is missing', () => {
    const result = startServer('/nonexistent/kb.sqlite');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('The knowledge base /nonexistent/kb.sqlite does not exist; rebuild it with "npm run build".');
  });

  it('stops with one clear sentence when the knowledge base is corrupt', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dialysafe-')), 'kb.sqlite');
    writeFileSync(file, Buffer.alloc(4096, 7));
    const result = startServer(file);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('cannot be read as a DialySafe knowledge base');
  });
});
