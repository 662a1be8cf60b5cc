/** NDJSON input: one list per line, `{"id":…,"lang":…,"patient":{…},"items":[…]}`; blank lines are skipped. */
import type { Entry } from './entries.js';
import type { InputLine } from './lines.js';

export function lineProblem(line: InputLine & { problem: string }, maxBytes: number, what: 'line' | 'row'): string {
  return line.problem === 'too-long' ? `the ${what} is longer than ${maxBytes} bytes` : `the ${what} is not valid UTF-8 text`;
}

export async function* ndjsonEntries(lines: AsyncIterable<InputLine>, maxBytes: number): AsyncGenerator<Entry> {
  for await (const input of lines) {
    if ('problem' in input) {
      const message = lineProblem(input, maxBytes, 'line');
      yield { kind: 'error', record: { line: input.line, error: `the list was not checked: ${message}`, issues: [{ path: '', message }] } };
    } else if (input.text.trim() !== '') {
      yield { kind: 'ndjson', line: input.line, text: input.text };
    }
  }
}
