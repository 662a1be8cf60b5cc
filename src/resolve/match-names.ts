/**
 * Finds knowledge-base names in the words intake left over. Only exact matches count (case,
 * accents, spaces and punctuation aside); a near miss becomes a "did you mean" suggestion and
 * the line stays unrecognised until the user accepts it.
 */
import type { KnowledgeBase, NameTarget } from '../kb/knowledge-base.js';
import { boundaries, namePieces } from '../kb/names.js';
import type { Token } from '../intake/types.js';
import { FILLER } from '../intake/vocabulary.js';
import type { NameMatch, Suggestion } from './types.js';
import { tokenKey, tokenPieces } from './token-keys.js';

/** Upper bound on the tokens one name spans ("calcium acetate / magnesium carbonate"). */
const MAX_NAME_TOKENS = 10;
const MAX_SUGGESTION_TOKENS = 3;
const MAX_SUGGESTIONS = 3;
/** A name stands near the start of a line; looking further only costs time on long lines. */
const MAX_SUGGESTION_WORDS = 8;

const content = (t: Token) => t.kind !== 'punct';
/** Suggestions are per entry: two spellings of one substance are one suggestion. */
const targetId = (t: NameTarget) => `${t.kind}:${t.id}`;

/** The KB entry these pieces name, if the line splits the name at least where the KB does. */
function lookUp(pieces: readonly string[], key: string, kb: KnowledgeBase): NameTarget | undefined {
  const target = kb.names.get(key);
  if (!target) return undefined;
  const spellings = kb.names.boundariesOf(key);
  // Written as one word: it fits a spelling that is one word too (a letter alone is a whole word).
  if (pieces.length === 1) return spellings.some((b) => b.length === 0) ? target : undefined;
  const cuts = boundaries(pieces);
  // A letter standing alone on the line is a word of its own ("Vitamin E d-alpha" is not "vitamine D").
  const letters = pieces.flatMap((p, i) => (p.length === 1 ? [[i === 0 ? 0 : (cuts[i - 1] ?? 0), cuts[i] ?? key.length] as const] : []));
  // A handful of offsets each: looking through them is cheaper than making sets of them.
  const fits = (b: readonly number[]) => {
    const own = (offset: number) => offset === 0 || offset === key.length || b.includes(offset);
    return b.every((offset) => cuts.includes(offset)) && letters.every(([from, to]) => own(from) && own(to));
  };
  return spellings.some(fits) ? target : undefined;
}

export interface NameSearch {
  matches: NameMatch[];
  /** Tokens that are neither part of a name nor filler words. */
  rest: Token[];
}

/**
 * Greedy longest match, left to right. A name may not jump over a dose ("Magnesium 400 mg
 * citrate" is magnesium, its form chosen by the qualifier), except a product's name, which people
 * split around the strength ("Vitamine C 1000 mg bruistablet").
 */
export function findNames(input: string, runs: Token[][], kb: KnowledgeBase): NameSearch {
  const tokens: Token[] = [];
  const runOf: number[] = [];
  runs.forEach((run, r) => {
    for (const token of run) {
      tokens.push(token);
      runOf.push(r);
    }
  });
  const matches: NameMatch[] = [];
  const rest: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (!content(first)) {
      i++;
      continue;
    }
    // The longest span from here that is a name; a span that no name begins with cannot grow into one.
    let found: { length: number; target: NameTarget } | undefined;
    let key = '';
    for (let j = i; j < Math.min(i + MAX_NAME_TOKENS, tokens.length); j++) {
      const next = tokens[j] as Token;
      if (!content(next)) continue;
      key += tokenKey(next);
      if (!kb.names.startsWith(key)) break;
      // The pieces are gathered only for a span that is a name: most spans are not.
      const target = kb.names.get(key) ? lookUp(spanPieces(tokens, i, j), key, kb) : undefined;
      const crossesDose = runOf[j] !== runOf[i];
      if (target && (!crossesDose || target.kind === 'product')) found = { length: j - i + 1, target };
    }
    if (found) {
      const last = tokens[i + found.length - 1] ?? first;
      matches.push({ target: found.target, text: input.slice(first.start, last.end), start: first.start, end: last.end });
      i += found.length;
    } else {
      rest.push(first);
      i++;
    }
  }
  return { matches, rest: rest.filter((t) => !FILLER.has(t.norm)) };
}

function spanPieces(tokens: readonly Token[], from: number, to: number): string[] {
  const pieces: string[] = [];
  for (let k = from; k <= to; k++) {
    const t = tokens[k] as Token;
    if (content(t)) pieces.push(...tokenPieces(t));
  }
  return pieces;
}

/** The suggested name with a capital when the user wrote one ("Kinnine" → "Kinine"). */
function inCaseOf(written: string, name: string): string {
  const first = written.charAt(0);
  return first !== first.toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** A letter or number that qualifies a name: the "D" of "Vitamine D", the "12" of "B12". */
function isShortQualifier(t: Token): boolean {
  return t.text.length <= 2 && (t.kind === 'word' || t.kind === 'number');
}

/** How far a spelling may be from a name and still be offered: none for very short words. */
function tolerance(length: number): number {
  if (length < 5) return 0;
  if (length <= 7) return 1;
  if (length <= 12) return 2;
  return 3;
}

export function suggestNames(input: string, rest: Token[], kb: KnowledgeBase): Suggestion[] {
  const best = new Map<string, { suggestion: Suggestion; distance: number }>();
  const words = rest.filter(content).slice(0, MAX_SUGGESTION_WORDS);
  for (let i = 0; i < words.length; i++) {
    for (let length = 1; length <= MAX_SUGGESTION_TOKENS && i + length <= words.length; length++) {
      const span = words.slice(i, i + length);
      const first = span[0];
      const last = span[span.length - 1];
      const next = words[i + length];
      // "Vitamine D": "Vitamine" alone is not the misspelling; the letter belongs to the name.
      if (!first || !last || (next && isShortQualifier(next))) continue;
      const pieces = span.flatMap(tokenPieces);
      const key = pieces.join('');
      const allowed = tolerance(key.length);
      if (allowed === 0) continue;
      const shortPieces = pieces.filter((p) => p.length <= 2);
      for (const { target, distance: d } of kb.names.near(key, allowed)) {
        if (shortPieces.length > 0 && !shortPieces.every((p) => namePieces(target.name).includes(p))) continue;
        const id = targetId(target);
        const previous = best.get(id);
        if (previous && previous.distance <= d) continue;
        best.set(id, {
          distance: d,
          suggestion: {
            target,
            text: input.slice(first.start, last.end),
            start: first.start,
            end: last.end,
            correctedLine: `${input.slice(0, first.start)}${inCaseOf(first.text, target.name)}${input.slice(last.end)}`,
          },
        });
      }
    }
  }
  return [...best.values()]
    .sort((a, b) => a.distance - b.distance || a.suggestion.target.name.localeCompare(b.suggestion.target.name))
    .slice(0, MAX_SUGGESTIONS)
    .map((b) => b.suggestion);
}
