/**
 * Name keys of a line's tokens, worked out once per token however often the name search, the
 * qualifier look-up and the readAs look-up ask for them (kept on the token, which lives as long as
 * its line); and of the KB's own words, once per KB string.
 */
import { nameKey, namePieces } from '../kb/names.js';
import type { Token } from '../intake/types.js';

interface KeyedToken extends Token {
  key?: string;
  pieces?: string[];
}

/**
 * For a word or a number, the same as its pieces joined: what it adds to the key of a name it is
 * part of (a word is letters only and a number digits and marks, which nameKey drops or keeps
 * alike whether it reads the token whole or piece by piece; tested).
 */
export function tokenKey(t: KeyedToken): string {
  return (t.key ??= nameKey(t.text));
}

export function tokenPieces(t: KeyedToken): string[] {
  if (t.pieces) return t.pieces;
  // A word is one run of letters ("'s" aside, whose key is its letter): one piece, its key.
  const key = t.kind === 'word' ? tokenKey(t) : undefined;
  t.pieces = key === undefined ? namePieces(t.text) : key ? [key] : [];
  return t.pieces;
}

/** Keys of qualifiers and readAs words: a bounded set, as the KB has only so many. */
const kbKeys = new Map<string, string>();

export function kbWordKey(word: string): string {
  let key = kbKeys.get(word);
  if (key === undefined) {
    key = nameKey(word);
    kbKeys.set(word, key);
  }
  return key;
}
