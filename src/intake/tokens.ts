import { readNumber } from './numbers.js';
import type { Token } from './types.js';

/** "½ tablet", "1½ tablet", "1/2 tablet": fractions of a unit. Only halves, thirds and quarters. */
const FRACTION_GLYPHS: Record<string, number> = { '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4 };

const PLAIN = /^[\x20-\x7e]*$/;
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

export function normalize(text: string): string {
  // Most words are plain ASCII: only case to fold, and most of those are already lower case.
  let plain = true;
  let lower = true;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x20 || code > 0x7e) {
      plain = false;
      break;
    }
    if ((code >= 65 && code <= 90) || code === 96) lower = false;
  }
  if (plain) return lower ? text : text.toLowerCase().replace(/`/g, "'");
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’|`/g, "'");
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const LETTER = /[\p{L}\p{M}]/u;
const isLetter = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c > '\x7f' && LETTER.test(c)));
/** What "\b" after "'s" means: the next character is not a letter, digit or underscore. */
const isWordChar = (c: string | undefined) => c !== undefined && (isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || (c > '\x7f' && /\s/u.test(c));
const SURROGATE = /[\uD800-\uDFFF]/;

/** Where each character starts, in UTF-16 units, and where the last one ends. */
function codeUnitOffsets(chars: ArrayLike<string>): number[] {
  const offsets: number[] = [];
  let o = 0;
  for (let k = 0; k < chars.length; k++) {
    offsets.push(o);
    o += (chars[k] as string).length;
  }
  offsets.push(o);
  return offsets;
}

const FRACTIONS = new Set(['1/2', '1/3', '1/4', '2/3', '2/4', '3/4']);

/**
 * Splits a line into numbers, words and single punctuation marks, keeping their offsets: one pass
 * over the characters. Numbers: "250", "0,25", "1.000" (see numbers.ts), "½", "1½", and "1/2",
 * "2/3", "3/4" standing alone as fractions; "'s" ("'s avonds") is a word.
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // Full-width digits ("２５０") read as digits; one character each, so offsets stay the same.
  const line = PLAIN.test(input) ? input : input.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  // Offsets are in UTF-16 units, as String.prototype.slice counts them. Without surrogate pairs
  // (nearly every line) a character is one unit: the line is its own list of characters.
  const chars: ArrayLike<string> = SURROGATE.test(line) ? [...line] : line;
  const offsets = chars === line ? undefined : codeUnitOffsets(chars);
  const offsetOf = (k: number) => (offsets ? (offsets[k] ?? 0) : k);
  const lineText = (from: number, to: number) => line.slice(offsetOf(from), offsetOf(to));
  const push = (from: number, to: number, kind: Token['kind'], value?: { value: number; alternative?: number }, keepNorm = false) => {
    const start = offsetOf(from);
    const end = offsetOf(to);
    const text = input.slice(start, end);
    const token: Token = { text, norm: keepNorm ? text : normalize(text), kind, start, end };
    if (value) {
      token.value = value.value;
      if (value.alternative !== undefined) token.alternative = value.alternative;
    }
    tokens.push(token);
  };
  // British "ON" (omni nocte) and "OM" (omni mane), in capitals on a line that is not all capitals.
  const mixedCase = /[a-z]/.test(line);
  const latin = (text: string) => (mixedCase && text === 'ON' ? 'omninocte' : mixedCase && text === 'OM' ? 'omnimane' : undefined);
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const glyph = FRACTION_GLYPHS[c];
    if (isDigit(c) || glyph !== undefined) {
      let j = i;
      while (isDigit(chars[j])) j++;
      const after = chars[j];
      const fraction = after !== undefined ? FRACTION_GLYPHS[after] : undefined;
      if (fraction !== undefined) {
        // "½", "1½": the whole number and the fraction (NFKD would turn "½" into "1⁄2")
        const whole = Number(lineText(i, j) || '0');
        push(i, j + 1, 'number', { value: whole + fraction }, true);
        i = j + 1;
        continue;
      }
      const before = chars[i - 1];
      if (j === i + 1 && chars[i + 1] === '/' && FRACTIONS.has(`${chars[i]}/${chars[i + 2]}`) && !(isDigit(before) || before === '.' || before === ',' || before === '/') && !(isDigit(chars[i + 3]) || chars[i + 3] === '/')) {
        push(i, i + 3, 'number', { value: Number(chars[i]) / Number(chars[i + 2]) });
        i += 3;
        continue;
      }
      // "1.000", "0,25": digits joined by single points or commas
      while ((chars[j] === '.' || chars[j] === ',') && isDigit(chars[j + 1])) {
        j++;
        while (isDigit(chars[j])) j++;
      }
      const n = readNumber(lineText(i, j));
      push(i, j, n ? 'number' : 'punct', n);
      i = j;
      continue;
    }
    if ((c === "'" || c === '’' || c === '`') && (chars[i + 1] === 's') && !isWordChar(chars[i + 2])) {
      push(i, i + 2, 'word');
      i += 2;
      continue;
    }
    if (isLetter(c)) {
      let j = i + 1;
      while (isLetter(chars[j])) j++;
      push(i, j, 'word');
      const abbreviation = j - i === 2 ? latin(lineText(i, j)) : undefined;
      const last = tokens[tokens.length - 1];
      if (abbreviation && last) last.norm = abbreviation;
      i = j;
      continue;
    }
    push(i, i + 1, 'punct');
    i++;
  }
  return tokens;
}
