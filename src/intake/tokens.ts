import { readNumber } from './numbers.js';
import type { Token } from './types.js';

const TOKEN = /(\d+(?:[.,]\d+)*)|(['’`]s\b)|([\p{L}\p{M}]+)|(\S)/gu;

export function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’|`/g, "'");
}

/** Splits a line into numbers, words and single punctuation marks, keeping their offsets. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  for (const m of input.matchAll(TOKEN)) {
    const text = m[0];
    const start = m.index;
    const base = { text, norm: normalize(text), start, end: start + text.length };
    if (m[1] !== undefined) {
      const n = readNumber(text);
      if (!n) tokens.push({ ...base, kind: 'punct' });
      else if (n.alternative === undefined) tokens.push({ ...base, kind: 'number', value: n.value });
      else tokens.push({ ...base, kind: 'number', value: n.value, alternative: n.alternative });
    } else if (m[4] !== undefined) {
      tokens.push({ ...base, kind: 'punct' });
    } else {
      tokens.push({ ...base, kind: 'word' });
    }
  }
  return tokens;
}
