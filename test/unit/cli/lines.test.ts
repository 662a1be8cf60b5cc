import { describe, expect, it } from 'vitest';
import { readLines, type InputLine } from '../../../src/cli/lines.js';

async function collect(chunks: (Buffer | string)[], maxBytes = 1000): Promise<InputLine[]> {
  const out: InputLine[] = [];
  for await (const line of readLines(chunks, maxBytes)) out.push(line);
  return out;
}

/** Every byte its own chunk: no line, character or line ending may depend on where a chunk ends. */
const byteByByte = (text: string) => [...Buffer.from(text)].map((b) => Buffer.from([b]));

describe('readLines', () => {
  it('numbers the lines as an editor does, across chunk boundaries, with or without a final newline', async () => {
    const text = '{"items":["Kinine 250 mg"]}\r\n\n{"items":["Vitamine E 400 IE — ½ tablet"]}';
    const expected = [
      { line: 1, text: '{"items":["Kinine 250 mg"]}' },
      { line: 2, text: '' },
      { line: 3, text: '{"items":["Vitamine E 400 IE — ½ tablet"]}' },
    ];
    expect(await collect([text])).toEqual(expected);
    expect(await collect(byteByByte(text))).toEqual(expected);
  });

  it('reports a line longer than the limit by its number and goes on with the next', async () => {
    const long = 'x'.repeat(50);
    const lines = await collect(byteByByte(`short\n${long}\nafter\n`), 20);
    expect(lines).toEqual([
      { line: 1, text: 'short' },
      { line: 2, problem: 'too-long' },
      { line: 3, text: 'after' },
    ]);
  });

  it('reports a line that is not UTF-8 and goes on', async () => {
    const lines = await collect([Buffer.from('ok\n'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), Buffer.from('next')]);
    expect(lines).toEqual([{ line: 1, text: 'ok' }, { line: 2, problem: 'not-utf8' }, { line: 3, text: 'next' }]);
  });

  it('reads no further than the line asked for', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.from(`line ${i}\n`);
      }
    }
    const lines = readLines(source(), 100);
    await lines.next();
    await lines.next();
    expect(pulled).toBe(2);
    await lines.return(undefined);
  });
});
