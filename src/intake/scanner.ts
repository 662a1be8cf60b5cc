/**
 * Pattern matching over a line's tokens. The tokens are laid out as one canonical string
 * ("Kinine 250 mg 1dd a.n." → "kinine # mg # dd a . n ."), patterns are regular expressions over
 * that string, and every match takes its tokens so that later patterns cannot read them again.
 */
import type { Token } from './types.js';

const TAKEN = '\u0001';

export interface Match {
  tokens: Token[];
  groups: Record<string, string | undefined>;
  /** The words of the original line that matched. */
  text: string;
}

export class Scanner {
  private canonical: string;
  private readonly starts: number[] = [];
  readonly taken: boolean[];

  constructor(
    readonly input: string,
    readonly tokens: Token[],
  ) {
    const parts: string[] = [];
    let offset = 0;
    for (const t of tokens) {
      const piece = t.kind === 'number' ? '#' : t.norm;
      this.starts.push(offset);
      parts.push(piece);
      offset += piece.length + 1;
    }
    this.canonical = parts.join(' ');
    this.taken = tokens.map(() => false);
  }

  /**
   * Takes every non-overlapping match of `pattern` (regex source over the canonical string,
   * tokens separated by single spaces) for which `accept` returns true, left to right.
   */
  take(pattern: string, accept: (m: Match) => boolean = () => true): Match[] {
    const re = new RegExp(`(?<=^| )(?:${pattern})(?= |$)`, 'gu');
    const found: Match[] = [];
    for (const m of this.canonical.matchAll(re)) {
      const from = this.tokenAt(m.index);
      const to = this.tokenAt(m.index + m[0].length - 1);
      if (from < 0 || to < from || this.taken.slice(from, to + 1).some(Boolean)) continue;
      const tokens = this.tokens.slice(from, to + 1);
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      const match: Match = {
        tokens,
        groups: { ...(m.groups ?? {}) },
        text: first && last ? this.input.slice(first.start, last.end) : '',
      };
      if (!accept(match)) continue;
      this.mark(from, to);
      found.push(match);
    }
    return found;
  }

  private tokenAt(offset: number): number {
    let index = -1;
    for (let i = 0; i < this.starts.length && (this.starts[i] ?? Infinity) <= offset; i++) index = i;
    return index;
  }

  private mark(from: number, to: number): void {
    const chars = this.canonical.split('');
    for (let i = from; i <= to; i++) {
      this.taken[i] = true;
      const start = this.starts[i] ?? 0;
      const length = i + 1 < this.starts.length ? (this.starts[i + 1] ?? 0) - start - 1 : chars.length - start;
      for (let c = start; c < start + length; c++) chars[c] = TAKEN;
    }
    this.canonical = chars.join('');
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
