/**
 * Every name the knowledge base answers to, indexed once at load: exact keys with the word
 * boundaries of each spelling, every prefix of a key (so a span of a line that can no longer grow
 * into a name is abandoned at once), and the letter pairs of each key (so a "did you mean" compares
 * a misspelling only with names that share most of its letters).
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
  private readonly prefixes = new Set<string>();
  private readonly keys: string[] = [];
  private readonly byPair = new Map<string, number[]>();
  /** Key → the name as the KB writes it, for showing. */
  private readonly written = new Map<string, string>();
  /** Per key, the last call of `near` that compared it. */
  private seen = new Uint32Array(0);
  private stamp = 0;

  private sorted = true;

  private sortByLength(): void {
    if (this.sorted) return;
    for (const list of this.byPair.values()) list.sort((a, b) => (this.keys[a]?.length ?? 0) - (this.keys[b]?.length ?? 0) || a - b);
    this.sorted = true;
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
      this.keys.push(key);
      for (let i = 1; i <= key.length; i++) this.prefixes.add(key.slice(0, i));
      const n = this.keys.length - 1;
      for (const pair of new Set(pairsOf(key))) {
        const list = this.byPair.get(pair) ?? [];
        list.push(n);
        this.byPair.set(pair, list);
        this.sorted = false;
      }
    }
    this.targets.set(key, target);
    if (!this.written.has(key)) this.written.set(key, name);
    this.spellings.set(key, [...(this.spellings.get(key) ?? []), boundaries(namePieces(name))]);
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
    if (key.length < 2 || !this.prefixes.has(key)) return [];
    const found = new Map<string, string>();
    for (const [k, target] of this.targets) {
      if (!k.startsWith(key)) continue;
      const id = `${target.kind}:${target.id}`;
      const name = this.written.get(k) ?? target.name;
      if (!found.has(id) || name.length < (found.get(id) ?? '').length) found.set(id, name);
    }
    return [...found.values()].sort((a, b) => a.length - b.length || a.localeCompare(b)).slice(0, limit);
  }

  /** Whether some name begins with this key. */
  startsWith(key: string): boolean {
    return this.prefixes.has(key);
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
      .map((pair) => this.byPair.get(pair) ?? [])
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
      this.sortByLength();
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
