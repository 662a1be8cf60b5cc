import { readNumber } from './numbers.js';
import type { Token } from './types.js';

/** "½ tablet", "1½ tablet", "1/2 tablet": fractions of a unit. Only halves, thirds and quarters. */
const FRACTION_GLYPHS: Record<string, number> = { '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4 };
const TOKEN = /(?<![\d.,/])(1\/[234]|2\/[34]|3\/4)(?![\d/])|(\d*[½⅓⅔¼¾])|(\d+(?:[.,]\d+)*)|(?:['’`]s\b)|([\p{L}\p{M}]+)|(\S)/gu;

export function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’|`/g, "'");
}

/** Splits a line into numbers, words and single punctuation marks, keeping their offsets. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // Full-width digits ("２５０") read as digits; one character each, so offsets stay the same.
  const digits = input.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  for (const m of digits.matchAll(TOKEN)) {
    const start = m.index;
    const text = input.slice(start, start + m[0].length);
    // NFKD would turn "½" into "1⁄2"; the canonical form of a number is "#" anyway.
    const base = { text, norm: m[2] ? text : normalize(text), start, end: start + text.length };
    if (m[1] !== undefined) {
      const [numerator = '', denominator = ''] = m[0].split('/');
      tokens.push({ ...base, kind: 'number', value: Number(numerator) / Number(denominator) });
    } else if (m[2] !== undefined) {
      // "1½": the whole number and the fraction
      const whole = Number(m[2].slice(0, -1) || '0');
      tokens.push({ ...base, kind: 'number', value: whole + (FRACTION_GLYPHS[m[2].slice(-1)] ?? NaN) });
    } else if (m[3] !== undefined) {
      const n = readNumber(m[0]);
      if (!n) tokens.push({ ...base, kind: 'punct' });
      else if (n.alternative === undefined) tokens.push({ ...base, kind: 'number', value: n.value });
      else tokens.push({ ...base, kind: 'number', value: n.value, alternative: n.alternative });
    } else if (m[5] !== undefined) {
      tokens.push({ ...base, kind: 'punct' });
    } else {
      tokens.push({ ...base, kind: 'word' });
    }
  }
  return tokens;
}
