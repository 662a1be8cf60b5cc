import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../../../src/cli/run.js';
import { compileKb } from '../../../src/kb/compile.js';
import { kbData } from '../../helpers/kb.js';

let options: BatchOptions;
beforeAll(() => {
  const kbPath = join(mkdtempSync(join(tmpdir(), 'dialysafe-batch-')), 'kb.sqlite');
  compileKb(kbData(), kbPath);
  options = { inputFormat: 'ndjson', format: 'summary', baseUrl: '', kbPath, workers: 2 };
});

/** An output that takes a millisecond per record and buffers almost nothing, like a slow pipe. */
function slowOutput(lines: string[]) {
  return new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      setTimeout(done, 1);
    },
  });
}

describe('runBatch', { timeout: 60_000 }, () => {
  it('reads no more lists ahead of a slow output than its window, and writes them all in order', async () => {
    const total = 600;
    const written: string[] = [];
    let pulled = 0;
    let lead = 0;
    function* lists() {
      for (let i = 0; i < total; i++) {
        lead = Math.max(lead, pulled - written.length);
        pulled++;
        yield `${JSON.stringify({ id: i, items: i % 50 === 0 ? ['Magnesium citrate 400 mg daily'] : ['Paracetamol 500 mg 3dd'] })}\n`;
      }
    }
    const result = await runBatch(options, { input: lists(), output: slowOutput(written) });
    expect(written.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(result).toEqual({ counts: { avoid: 12, caution: 0, unknown: 0, ok: 588, error: 0 }, complete: true });
    // 2 workers × 64 lists between reading and writing, and the line being read.
    expect(lead).toBeLessThanOrEqual(2 * 64 + 1);
  });

  it('counts the records that stand for a list not checked', async () => {
    const written: string[] = [];
    const input = ['{"id":1,"items":["Paracetamol 500 mg 3dd"]}\n', 'oops\n', '\n', `{"items":["${'x'.repeat(800_000)}"]}\n`, '{"id":4,"items":["Foobarex 10 mg"]}'];
    const result = await runBatch(options, { input, output: slowOutput(written) });
    expect(result.counts).toEqual({ avoid: 0, caution: 0, unknown: 1, ok: 1, error: 2 });
    expect(written.map((l) => JSON.parse(l) as { line: number; error?: string })).toEqual([
      expect.objectContaining({ line: 1 }),
      expect.objectContaining({ line: 2, error: expect.stringMatching(/^the list was not checked: the line is not valid JSON: .*--input csv$/) }),
      expect.objectContaining({ line: 4, error: expect.stringMatching(/^the list was not checked: the line is longer than \d+ bytes$/) }),
      expect.objectContaining({ id: 4, line: 5 }),
    ]);
  });
});
