/**
 * Every name the knowledge base answers to: exact keys with the word boundaries of each spelling,
 * made at load; every beginning of a key, made at the first look-up (so a span of a line that can
 * no longer grow into a name is abandoned at once: no key begins with it); the keys in sorted
 * order, for names beginning with what was typed; and the letter pairs of each key, made at the
 * first "did you mean" (so a misspelling is compared only with names that share most of its letters).
 */
import { distance } from 'fastest-levenshtein';
import type { NameTarget } from './knowledge-base.js';
import { boundaries, nameKey, namePieces } from './names.js';

export interface NearName {
  key: string;
  target: NameTarget;
  distance: number;
}

const pairsOf = (key: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i + 1 < key.length; i++) out.push(key.slice(i, i + 2));
  return out;
};

export class NameIndex {
  private readonly targets = new Map<string, NameTarget>();
  private readonly spellings = new Map<string, number[][]>();
  private readonly keys: string[] = [];
  /** The keys in code-unit order, sorted when first asked for (beginningWith) after a name was added. */
  private ordered: string[] | undefined;
  /** Key → its place in `keys`: the order the names were added in. */
  private readonly position = new Map<string, number>();
  /** Every beginning of a key ("k", "ki", … "kinine"): about 25,000 strings, 1.4 MB, made when first asked for. */
  private prefixes: Set<string> | undefined;
  /** Letter pair → the keys holding it, in order of length; made when first asked for. */
  private pairIndex: Map<string, number[]> | undefined;
  /** Key → the name as the KB writes it, for showing. */
  private readonly written = new Map<string, string>();
  /** Per key, the last call of `near` that counted its pairs (odd stamp) or compared it (the even one after). */
  private seen = new Uint32Array(0);
  /** Per key, how many of the key's pairs it holds, for the call whose odd stamp is in `seen`. */
  private shared = new Uint16Array(0);
  private stamp = 0;

  private byPair(): Map<string, number[]> {
    if (this.pairIndex) return this.pairIndex;
    const index = new Map<string, number[]>();
    this.keys.forEach((key, n) => {
      for (const pair of new Set(pairsOf(key))) {
        const list = index.get(pair);
        if (list) list.push(n);
        else index.set(pair, [n]);
      }
    });
    for (const list of index.values()) list.sort((a, b) => (this.keys[a]?.length ?? 0) - (this.keys[b]?.length ?? 0) || a - b);
    this.pairIndex = index;
    return index;
  }

  private sortedKeys(): string[] {
    this.ordered ??= [...this.keys].sort();
    return this.ordered;
  }

  /** Where `key` is, or would be, in the sorted keys. */
  private lowerBound(key: string): number {
    const keys = this.sortedKeys();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Two fresh stamps for `seen`: one to count a call's pairs under, one to mark the names it compared. */
  private nextStamps(): [number, number] {
    if (this.seen.length < this.keys.length) {
      this.seen = new Uint32Array(this.keys.length);
      this.shared = new Uint16Array(this.keys.length);
    }
    if (this.stamp >= 0xffffffff - 2) {
      this.stamp = 0;
      this.seen.fill(0);
    }
    this.stamp += 2;
    return [this.stamp - 1, this.stamp];
  }

  add(name: string, target: NameTarget): void {
    const key = nameKey(name);
    if (!key) return;
    if (!this.targets.has(key)) {
      this.position.set(key, this.keys.length);
      this.keys.push(key);
      this.ordered = undefined;
      this.prefixes = undefined;
      this.pairIndex = undefined;
    }
    this.targets.set(key, target);
    if (!this.written.has(key)) this.written.set(key, name);
    const spelling = boundaries(namePieces(name));
    const known = this.spellings.get(key);
    if (known) known.push(spelling);
    else this.spellings.set(key, [spelling]);
  }

  get size(): number {
    return this.keys.length;
  }

  get(key: string): NameTarget | undefined {
    return this.targets.get(key);
  }

  /** Where the words of each spelling of this key meet (see names.ts). */
  boundariesOf(key: string): readonly (readonly number[])[] {
    return this.spellings.get(key) ?? [];
  }

  /** Up to `limit` names (as written in the KB) that begin with what was typed, shortest first. */
  beginningWith(typed: string, limit: number): string[] {
    const key = nameKey(typed);
    if (key.length < 2) return [];
    const keys = this.sortedKeys();
    const beginning: string[] = [];
    for (let n = this.lowerBound(key); n < keys.length && (keys[n] ?? '').startsWith(key); n++) beginning.push(keys[n] ?? '');
    // In the order the names were added, so that of an entry's names of one length the first added is shown.
    beginning.sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
    const found = new Map<string, string>();
    for (const k of beginning) {
      const target = this.targets.get(k);
      if (!target) continue;
      const id = `${target.kind}:${target.id}`;
      const name = this.written.get(k) ?? target.name;
      if (!found.has(id) || name.length < (found.get(id) ?? '').length) found.set(id, name);
    }
    return [...found.values()].sort((a, b) => a.length - b.length || a.localeCompare(b)).slice(0, limit);
  }

  /** Whether some name begins with this key. */
  startsWith(key: string): boolean {
    if (!this.prefixes) {
      // The name search asks this of every span of a line it tries: one hash look-up, not a binary search of string comparisons.
      const prefixes = new Set<string>();
      for (const k of this.keys) for (let end = 1; end <= k.length; end++) prefixes.add(k.slice(0, end));
      this.prefixes = prefixes;
    }
    return this.prefixes.has(key);
  }

  /** The first place in a pair's list (in order of key length) whose key is at least `length` long. */
  private fromLength(list: readonly number[], length: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.keys[list[mid] ?? 0]?.length ?? 0) < length) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Names within `tolerance` edits of `key`. Each edit changes at most two of the key's letter
   * pairs, counted with repeats ("kinnine" holds "in" twice), so a name within reach lacks pairs
   * of at most 2 × tolerance occurrences in the key: it holds one of any set of pairs that occur
   * more often than that, and the occurrences of the pairs it holds make up the rest. The pairs are
   * counted for every name of a length within reach before the (much dearer) edit distance.
   */
  near(key: string, tolerance: number): NearName[] {
    const occurrences = new Map<string, number>();
    for (const pair of pairsOf(key)) occurrences.set(pair, (occurrences.get(pair) ?? 0) + 1);
    const needed = key.length - 1 - 2 * tolerance;
    const out: NearName[] = [];
    const shortest = key.length - tolerance;
    const longest = key.length + tolerance;
    const compare = (n: number) => {
      const candidate = this.keys[n] ?? '';
      const d = distance(key, candidate);
      const target = this.targets.get(candidate);
      if (d > 0 && d <= tolerance && target) out.push({ key: candidate, target, distance: d });
    };
    if (needed <= 0) {
      for (let n = 0; n < this.keys.length; n++) {
        const length = this.keys[n]?.length ?? 0;
        if (length >= shortest && length <= longest) compare(n);
      }
      return out;
    }
    const lists = [...occurrences]
      .map(([pair, times]) => ({ names: this.byPair().get(pair) ?? [], times }))
      .sort((x, y) => x.names.length - y.names.length);
    // How many of the key's pairs each name of a length within reach holds, counted under this call's stamp.
    const [stamp, compared] = this.nextStamps();
    for (const { names, times } of lists) {
      for (let k = this.fromLength(names, shortest); k < names.length; k++) {
        const n = names[k] ?? 0;
        if ((this.keys[n]?.length ?? 0) > longest) break;
        if (this.seen[n] === stamp) this.shared[n] = (this.shared[n] ?? 0) + times;
        else {
          this.seen[n] = stamp;
          this.shared[n] = times;
        }
      }
    }
    // The rarest pairs that occur more than 2 × tolerance times: every name within reach is in their lists.
    const scanned: number[][] = [];
    let weight = 0;
    for (const { names, times } of lists) {
      if (weight > 2 * tolerance) break;
      scanned.push(names);
      weight += times;
    }
    // Compared in the order of the rarest pairs' lists, each name once.
    for (const list of scanned) {
      for (let k = this.fromLength(list, shortest); k < list.length; k++) {
        const n = list[k] ?? 0;
        if ((this.keys[n]?.length ?? 0) > longest) break;
        if (this.seen[n] !== stamp || (this.shared[n] ?? 0) < needed) continue;
        this.seen[n] = compared;
        compare(n);
      }
    }
    return out;
  }
}
