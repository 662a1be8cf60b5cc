/**
 * Pattern matching over a line's tokens. The tokens are laid out as one canonical string
 * ("Kinine 250 mg 1dd a.n." → "kinine # mg # dd a . n ."), patterns are regular expressions over
 * that string, and every match takes its tokens so that later patterns cannot read them again.
 *
 * A pattern is compiled once, and it is tried only where a token can start it: at a token whose
 * text is one of the pattern's own words (or a number, for a pattern with "#"). A line costs one
 * look-up per token and pattern, and a regular-expression run only where one might match.
 */
import type { Token } from './types.js';

const TAKEN = '\u0001';

export interface Pattern {
  readonly source: string;
  /** Anchored at the position it is tried at; must end where a token ends. */
  readonly sticky: RegExp;
  /** The words a match can start with; undefined when the pattern has wildcards and may start anywhere. */
  readonly starts: ReadonlySet<string> | undefined;
}

/** Character classes and dots could match any word: such a pattern is tried at every token. */
const WILDCARD = /\\[sSwWdD]|(?<!\\)\[|(?<!\\)\./;

/** The literal words, punctuation and "#" a pattern source is made of (group names left out). */
function wordsOf(source: string): Set<string> {
  const plain = source.replace(/\(\?<[a-zA-Z0-9]+>/g, '(').replace(/\(\?[:=!]|\(\?<[=!]/g, '(');
  const words = new Set<string>();
  for (const m of plain.matchAll(/\\(.)|([\p{L}\p{N}']+)|([^\s()|?*+{}^$\\])/gu)) {
    if (m[1] !== undefined) words.add(m[1]);
    else if (m[2] !== undefined) words.add(m[2]);
    else if (m[3] !== undefined) words.add(m[3]);
  }
  return words;
}

export function pattern(source: string): Pattern {
  return {
    source,
    sticky: new RegExp(`(?:${source})(?= |$)`, 'uy'),
    starts: WILDCARD.test(source) ? undefined : wordsOf(source),
  };
}

export interface Match {
  tokens: Token[];
  groups: Record<string, string | undefined>;
  /** The words of the original line that matched. */
  text: string;
}

export class Scanner {
  private canonical: string;
  private readonly starts: number[] = [];
  private readonly pieces: string[] = [];
  readonly taken: boolean[];

  constructor(
    readonly input: string,
    readonly tokens: Token[],
  ) {
    let offset = 0;
    for (const t of tokens) {
      const piece = t.kind === 'number' ? '#' : t.norm;
      this.starts.push(offset);
      this.pieces.push(piece);
      offset += piece.length + 1;
    }
    this.canonical = this.pieces.join(' ');
    this.taken = tokens.map(() => false);
  }

  /**
   * Takes every non-overlapping match of `p` for which `accept` returns true, left to right, each
   * starting at a token nothing has taken yet.
   */
  take(p: Pattern, accept: (m: Match) => boolean = () => true): Match[] {
    const found: Match[] = [];
    let end = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      const start = this.starts[i] ?? 0;
      if (start < end || this.taken[i] || (p.starts && !p.starts.has(this.pieces[i] ?? ''))) continue;
      p.sticky.lastIndex = start;
      const m = p.sticky.exec(this.canonical);
      if (!m || m[0].length === 0) continue;
      const last = this.tokenEndingAt(i, start + m[0].length);
      if (last < 0 || this.taken.slice(i, last + 1).some(Boolean)) continue;
      const tokens = this.tokens.slice(i, last + 1);
      const first = tokens[0];
      const final = tokens[tokens.length - 1];
      const match: Match = { tokens, groups: { ...(m.groups ?? {}) }, text: first && final ? this.input.slice(first.start, final.end) : '' };
      // As in a left-to-right scan, a rejected match still hides the tokens it spans from this pattern.
      end = start + m[0].length;
      if (!accept(match)) continue;
      this.mark(i, last);
      found.push(match);
      i = last;
    }
    return found;
  }

  /** The token, from `from` on, whose canonical piece ends at `offset`; -1 when the match ends inside one. */
  private tokenEndingAt(from: number, offset: number): number {
    for (let j = from; j < this.tokens.length; j++) {
      const pieceEnd = (this.starts[j] ?? 0) + (this.pieces[j]?.length ?? 0);
      if (pieceEnd === offset) return j;
      if (pieceEnd > offset) return -1;
    }
    return -1;
  }

  private mark(from: number, to: number): void {
    const start = this.starts[from] ?? 0;
    const stop = (this.starts[to] ?? 0) + (this.pieces[to]?.length ?? 0);
    for (let i = from; i <= to; i++) this.taken[i] = true;
    // Taken tokens become characters no pattern matches; the string keeps its length and spaces.
    const span = this.canonical.slice(start, stop).replace(/[^ ]/g, TAKEN);
    this.canonical = this.canonical.slice(0, start) + span + this.canonical.slice(stop);
  }

  /** Runs of consecutive tokens no pattern took. */
  untakenRuns(): Token[][] {
    const runs: Token[][] = [];
    let run: Token[] = [];
    this.tokens.forEach((t, i) => {
      if (this.taken[i]) {
        if (run.length > 0) runs.push(run);
        run = [];
      } else run.push(t);
    });
    if (run.length > 0) runs.push(run);
    return runs;
  }
}
