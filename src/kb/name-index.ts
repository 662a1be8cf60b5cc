/**
 * Every name the knowledge base answers to: exact keys with the word boundaries of each spelling,
 * made at load; the keys in sorted order, made at the first look-up (so a span of a line that can
 * no longer grow into a name is abandoned at once: no key begins with it); and the letter pairs of
 * each key, made at the first "did you mean" (so a misspelling is compared only with names that
 * share most of its letters).
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
  /** The keys in code-unit order, sorted at the first look-up after a name was added. */
  private ordered: string[] | undefined;
  /** Key → its place in `keys`: the order the names were added in. */
  private readonly position = new Map<string, number>();
  /** Letter pair → the keys holding it, in order of length; made when first asked for. */
  private pairIndex: Map<string, number[]> | undefined;
  /** Key → the name as the KB writes it, for showing. */
  private readonly written = new Map<string, string>();
  /** Per key, the last call of `near` that compared it. */
  private seen = new Uint32Array(0);
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

  private nextStamp(): number {
    if (this.seen.length < this.keys.length) this.seen = new Uint32Array(this.keys.length);
    this.stamp = this.stamp >= 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.seen.fill(0);
    return this.stamp;
  }

  add(name: string, target: NameTarget): void {
    const key = nameKey(name);
    if (!key) return;
    if (!this.targets.has(key)) {
      this.position.set(key, this.keys.length);
      this.keys.push(key);
      this.ordered = undefined;
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
    if (key.length === 0) return false;
    return (this.sortedKeys()[this.lowerBound(key)] ?? '').startsWith(key);
  }

  /**
   * Names within `tolerance` edits of `key`. Each edit changes at most two letter pairs, so a
   * name must share all but 2 × tolerance of the key's pairs to be compared at all.
   */
  near(key: string, tolerance: number): NearName[] {
    const pairs = pairsOf(key);
    const needed = pairs.length - 2 * tolerance;
    const distinct = [...new Set(pairs)];
    // A name that shares `needed` of the key's pairs misses at most distinct − needed of them, so it
    // holds at least one of any distinct − needed + 1 pairs: only the rarest ones are scanned.
    const scanned = distinct
      .map((pair) => this.byPair().get(pair) ?? [])
      .sort((x, y) => x.length - y.length)
      .slice(0, distinct.length - needed + 1);
    const out: NearName[] = [];
    // A name in several of the scanned lists is compared once: marked with this call's stamp.
    const stamp = this.nextStamp();
    const compare = (n: number) => {
      if (this.seen[n] === stamp) return;
      this.seen[n] = stamp;
      const candidate = this.keys[n] ?? '';
      if (Math.abs(candidate.length - key.length) > tolerance) return;
      const d = distance(key, candidate);
      const target = this.targets.get(candidate);
      if (d > 0 && d <= tolerance && target) out.push({ key: candidate, target, distance: d });
    };
    if (needed > 0) {
      // Each list is in order of key length: only the names of a length within tolerance are read.
      const shortest = key.length - tolerance;
      for (const list of scanned) {
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((this.keys[list[mid] ?? 0]?.length ?? 0) < shortest) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < list.length; k++) {
          const n = list[k] ?? 0;
          if ((this.keys[n]?.length ?? 0) > key.length + tolerance) break;
          compare(n);
        }
      }
    } else for (let n = 0; n < this.keys.length; n++) compare(n);
    return out;
  }
}
