/**
 * Runs of one to three words of a line, looked up by their joined name key: how qualifiers
 * ("natural", "d-alpha") and readAs words ("minder zout") are found. A key is matched from each
 * word it can begin at (words are grouped by their key's first letter once per line), so a line
 * costs at most its words times the keys asked for, and nothing is built for keys nobody asks about.
 */
import type { Token } from '../intake/types.js';
import { tokenKey } from './token-keys.js';

const MAX_RUN = 3;

export class WordRuns {
  private readonly keys: string[];
  /** First character of a word's key → the words whose key begins with it, in order. */
  private readonly byFirst = new Map<string, number[]>();

  /** `words`: the line's tokens without punctuation. */
  constructor(private readonly words: readonly Token[]) {
    this.keys = words.map(tokenKey);
    this.keys.forEach((k, i) => {
      const first = k.charAt(0);
      const at = this.byFirst.get(first);
      if (at) at.push(i);
      else this.byFirst.set(first, [i]);
    });
  }

  /**
   * Every run whose keys join to `key`, earliest first and shorter first at one start. A word with
   * no key at all (a script names are not written in) is never part of a run.
   */
  *runs(key: string): Generator<Token[]> {
    if (key.length === 0) return;
    // Only a word whose key begins as `key` does can start a run.
    for (const i of this.byFirst.get(key.charAt(0)) ?? []) {
      // How much of `key` the run from i has matched so far: compared in place, nothing joined.
      let matched = 0;
      for (let n = 1; n <= MAX_RUN && i + n <= this.keys.length; n++) {
        const next = this.keys[i + n - 1] ?? '';
        if (next.length === 0 || !key.startsWith(next, matched)) break;
        matched += next.length;
        if (matched === key.length) {
          yield this.words.slice(i, i + n);
          break;
        }
      }
    }
  }

  /** The first run, reading left to right, whose keys join to `key`. */
  first(key: string): Token[] | undefined {
    for (const run of this.runs(key)) return run;
    return undefined;
  }
}
