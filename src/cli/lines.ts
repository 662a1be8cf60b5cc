/**
 * The input as numbered lines, read a chunk at a time: the next chunk is read only when the
 * consumer asks for the next line, and a line is never held beyond `maxBytes`, so neither a long
 * input nor a line without an end can fill the memory.
 */

export type InputLine =
  | { line: number; text: string }
  | { line: number; problem: 'too-long' | 'not-utf8' };

const NEWLINE = 0x0a;

export async function* readLines(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, maxBytes: number): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pieces: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;

  const finish = (): InputLine => {
    line++;
    const result = tooLong ? { line, problem: 'too-long' as const } : decode(Buffer.concat(pieces, size));
    pieces = [];
    size = 0;
    tooLong = false;
    return result;
  };
  const decode = (bytes: Buffer): InputLine => {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    try {
      return { line, text: decoder.decode(bytes.subarray(0, end)) };
    } catch {
      return { line, problem: 'not-utf8' };
    }
  };
  const keep = (part: Buffer) => {
    if (tooLong) return;
    if (size + part.length > maxBytes) {
      tooLong = true;
      pieces = [];
      size = 0;
      return;
    }
    if (part.length > 0) pieces.push(part);
    size += part.length;
  };

  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buffer.indexOf(NEWLINE, start); nl !== -1; nl = buffer.indexOf(NEWLINE, start)) {
      keep(buffer.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    keep(buffer.subarray(start));
  }
  if (size > 0 || tooLong) yield finish();
}
