/**
 * Pattern matching over a line's tokens. The tokens are laid out as one canonical string
 * ("Kinine 250 mg 1dd a.n." → "kinine # mg # dd a . n ."), patterns are regular expressions over
 * that string, and every match takes its tokens so that later patterns cannot read them again.
 *
 * A pattern is compiled once, and it is tried only where a token can start it: at a token whose
 * text is one of the pattern's own words (or a number, for a pattern with "#"). A line costs one
 * look-up per token and pattern, and a regular-expression run only where one might match. Where a
 * pattern can begin is read off its source (pattern-analysis.ts), at build time when it can be.
 */
import { readAnalysisCache } from './pattern-analysis-cache.js';
import { analysePattern, DEPTH } from './pattern-analysis.js';
import type { Token } from './types.js';

const TAKEN = '\u0001';

export interface Pattern {
  readonly id: number;
  readonly source: string;
  /** Anchored at the position it is tried at; must end where a token ends. */
  readonly sticky: RegExp;
  /**
   * How a match can begin: "t" for a match of the one token t, "t u" for one that starts with the
   * tokens t and u; undefined when that cannot be worked out, and the pattern is tried everywhere.
   */
  readonly starts: ReadonlySet<string> | undefined;
  /**
   * Text every match contains one of ("mg", "maaltijd", "#"): a line without any of them is not
   * tried at all. Undefined when nothing is known to be required.
   */
  readonly required: readonly string[] | undefined;
}

/**
 * Where each pattern may begin: a tree of pieces, one level per token, holding at each node the
 * patterns whose beginning ends there. Filled as patterns are made.
 */
interface BeginningNode {
  readonly ids: number[];
  readonly next: Map<string, BeginningNode>;
}
const beginningTree: BeginningNode = { ids: [], next: new Map() };
let patterns = 0;

function addBeginning(beginning: string, id: number): void {
  let node = beginningTree;
  for (const piece of beginning.split(' ')) {
    let child = node.next.get(piece);
    if (!child) {
      child = { ids: [], next: new Map() };
      node.next.set(piece, child);
    }
    node = child;
  }
  node.ids.push(id);
}

const made: Pattern[] = [];

/** Every pattern made so far (the intake's, once parse-line is loaded): for tests of the scanner's indexes. */
export function patternsMade(): readonly Pattern[] {
  return made;
}

const keptAnalysis = readAnalysisCache();

export function pattern(source: string): Pattern {
  const { starts, required } = keptAnalysis(source) ?? analysePattern(source);
  const p: Pattern = { id: patterns++, source, sticky: new RegExp(`(?:${source})(?= |$)`, 'uy'), starts: starts && new Set(starts), required };
  for (const b of p.starts ?? []) addBeginning(b, p.id);
  made.push(p);
  return p;
}

/** From this many characters of canonical string on, scanning it again for a text costs more than remembering the answer. */
const LONG_LINE = 160;

const NO_GROUPS: Record<string, string | undefined> = Object.freeze({});

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
  /** Pattern id → the tokens where it may begin, in order. */
  private readonly candidates: (number[] | undefined)[] = [];
  readonly taken: boolean[];
  /** On a long line, the required texts (see Pattern) asked about, and whether the line held them. */
  private readonly holds = new Map<string, boolean>();
  /** Every token: where a pattern whose beginnings are not known is tried. */
  private readonly everywhere: number[];

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
    // Per token, at most DEPTH look-ups down the tree: the patterns that may begin there.
    for (let i = 0; i < this.pieces.length; i++) {
      let node: BeginningNode | undefined = beginningTree;
      for (let j = i; j < i + DEPTH && j < this.pieces.length; j++) {
        node = node.next.get(this.pieces[j] ?? '');
        if (!node) break;
        for (const id of node.ids) {
          const at = this.candidates[id];
          if (!at) this.candidates[id] = [i];
          else if (at[at.length - 1] !== i) at.push(i);
        }
      }
    }
    this.taken = tokens.map(() => false);
    this.everywhere = tokens.map((_, i) => i);
  }

  /**
   * Takes every non-overlapping match of `p` for which `accept` returns true, left to right, each
   * starting at a token nothing has taken yet.
   */
  take(p: Pattern, accept: (m: Match) => boolean = () => true): Match[] {
    const found: Match[] = [];
    const spans: [number, number][] = [];
    let end = 0;
    const positions = p.starts ? (this.candidates[p.id] ?? []) : this.everywhere;
    if (positions.length === 0 || (p.required && this.worthLookingFor(p.required, positions.length) && !this.holdsAny(p.required))) return found;
    for (let k = 0; k < positions.length; k++) {
      const i = positions[k] ?? 0;
      const start = this.starts[i] ?? 0;
      if (start < end || this.taken[i]) continue;
      p.sticky.lastIndex = start;
      const m = p.sticky.exec(this.canonical);
      if (!m || m[0].length === 0) continue;
      const last = this.tokenEndingAt(i, start + m[0].length);
      if (last < 0 || this.anyTaken(i, last)) continue;
      const tokens = this.tokens.slice(i, last + 1);
      const first = tokens[0];
      const final = tokens[tokens.length - 1];
      const match: Match = { tokens, groups: m.groups ?? NO_GROUPS, text: first && final ? this.input.slice(first.start, final.end) : '' };
      // As in a left-to-right scan, a rejected match still hides the tokens it spans from this pattern.
      end = start + m[0].length;
      if (!accept(match)) continue;
      for (let k = i; k <= last; k++) this.taken[k] = true;
      spans.push([i, last]);
      found.push(match);
    }
    this.hide(spans);
    return found;
  }

  /**
   * Whether to look for a pattern's required texts before trying it where it may begin. The look
   * only spares regular-expression runs: on a long line, searching it for many texts costs more
   * than trying the pattern at a few places, which finds the same matches.
   */
  private worthLookingFor(texts: readonly string[], places: number): boolean {
    return this.canonical.length < LONG_LINE || places > texts.length;
  }

  /**
   * Whether the line holds one of these texts. On a long line each answer is kept for the next
   * pattern that asks: a text absent stays absent (hiding taken tokens only removes text), and a text
   * found once that has since been hidden costs only the regular-expression runs it lets through.
   */
  private holdsAny(texts: readonly string[]): boolean {
    if (this.canonical.length < LONG_LINE) return texts.some((text) => this.canonical.includes(text));
    for (const text of texts) {
      const known = this.holds.get(text);
      if (known === true) return true;
      if (known === false) continue;
      const found = this.canonical.includes(text);
      this.holds.set(text, found);
      if (found) return true;
    }
    return false;
  }

  private anyTaken(from: number, to: number): boolean {
    for (let k = from; k <= to; k++) if (this.taken[k]) return true;
    return false;
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

  /**
   * Taken tokens become characters no pattern matches; the string keeps its length and spaces. Done
   * once per call of `take`, for all its matches, so that a line of many matches is not copied once
   * for each (a later match of the same call starts after the earlier ones and never reads them).
   */
  private hide(spans: readonly (readonly [number, number])[]): void {
    if (spans.length === 0) return;
    const parts: string[] = [];
    let at = 0;
    for (const [from, to] of spans) {
      const start = this.starts[from] ?? 0;
      const stop = (this.starts[to] ?? 0) + (this.pieces[to]?.length ?? 0);
      parts.push(this.canonical.slice(at, start), this.canonical.slice(start, stop).replace(/[^ ]/g, TAKEN));
      at = stop;
    }
    parts.push(this.canonical.slice(at));
    this.canonical = parts.join('');
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
