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

/** Character classes and dots could match any word: such a pattern is tried at every token. */
const WILDCARD = /\\[sSwWdD]|(?<!\\)\[|(?<!\\)\./;

/** A pattern source, parsed just far enough to know how a match can begin. */
type Node =
  | { kind: 'char'; c: string }
  | { kind: 'space' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: 0 | 1; max: 1 | typeof Infinity }
  | { kind: 'empty' };

function parse(source: string): Node {
  let i = 0;
  const alternation = (): Node => {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options };
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let atom: Node;
      const c = source[i] as string;
      if (c === '(') {
        i++;
        let zeroWidth = false;
        if (source[i] === '?') {
          const head = source.slice(i, i + 3);
          if (/^\?<[=!]/.test(head)) { zeroWidth = true; i += 3; }
          else if (/^\?[=!]/.test(head)) { zeroWidth = true; i += 2; }
          else if (head.startsWith('?:')) i += 2;
          else if (head.startsWith('?<')) i = source.indexOf('>', i) + 1;
        }
        const inner = alternation();
        i++; // ')'
        atom = zeroWidth ? { kind: 'empty' } : inner;
      } else if (c === '\\') {
        atom = { kind: 'char', c: source[i + 1] ?? '' };
        i += 2;
      } else {
        atom = c === ' ' ? { kind: 'space' } : { kind: 'char', c };
        i++;
      }
      const q = source[i];
      if (q === '?' || q === '*' || q === '+') {
        i++;
        atom = { kind: 'repeat', node: atom, min: q === '+' ? 1 : 0, max: q === '?' ? 1 : Infinity };
      }
      // Letters in a row are one node: the prefixes of a pattern are then extended a word at a time.
      const previous = items[items.length - 1];
      if (atom.kind === 'char' && previous?.kind === 'char') previous.c += atom.c;
      else items.push(atom);
    }
    return { kind: 'seq', items };
  };
  return alternation();
}

/**
 * Prefixes read so far: the text of the first two tokens, and how many tokens of them have ended
 * (a space was met). Two tokens tell most patterns apart: "# mg", "# dd", "# tabletten".
 */
type Prefixes = Map<string, number>;
const DEPTH = 2;
const TOO_MANY = 20_000;

/** The ways `node` can continue each prefix; undefined when they cannot be listed. */
function follow(node: Node, from: Prefixes): Prefixes | undefined {
  const out: Prefixes = new Map();
  const add = (text: string, ended: number) => {
    if ((out.get(text) ?? -1) < ended) out.set(text, ended);
  };
  const open = [...from].filter(([, ended]) => ended < DEPTH);
  for (const [text, ended] of from) if (ended >= DEPTH) add(text, ended);
  if (open.length === 0) return out;
  // follow never changes the prefixes it is given: one copy serves every branch.
  const openMap: Prefixes = open.length === from.size ? from : new Map(open);
  switch (node.kind) {
    case 'char':
      for (const [text, ended] of open) add(text + node.c, ended);
      break;
    case 'space':
      for (const [text, ended] of open) add(ended + 1 < DEPTH ? `${text} ` : text, ended + 1);
      break;
    case 'empty':
      for (const [text, ended] of open) add(text, ended);
      break;
    case 'seq': {
      // A prefix that has its two tokens is done: the rest of the sequence cannot change it.
      let acc: Prefixes = openMap;
      for (const item of node.items) {
        const stillOpen: Prefixes = new Map();
        for (const [text, ended] of acc) {
          if (ended >= DEPTH) add(text, ended);
          else stillOpen.set(text, ended);
        }
        if (stillOpen.size === 0) {
          acc = stillOpen;
          break;
        }
        const next = follow(item, stillOpen);
        if (!next || next.size + out.size > TOO_MANY) return undefined;
        acc = next;
      }
      for (const [text, ended] of acc) add(text, ended);
      break;
    }
    case 'alt':
      for (const option of node.options) {
        const next = follow(option, openMap);
        if (!next) return undefined;
        for (const [text, ended] of next) add(text, ended);
      }
      break;
    case 'repeat': {
      if (node.min === 0) for (const [text, ended] of open) add(text, ended);
      let acc: Prefixes | undefined = openMap;
      for (let n = 1; n <= Math.min(node.max, 3); n++) {
        acc = follow(node.node, new Map([...acc].filter(([, ended]) => ended < DEPTH)));
        if (!acc) return undefined;
        for (const [text, ended] of acc) add(text, ended);
      }
      // Repeats that could grow a token without end cannot be listed.
      if (node.max === Infinity && [...acc].some(([text, ended]) => ended < DEPTH && text.length > 0 && !from.has(text))) return undefined;
      break;
    }
  }
  return out.size > TOO_MANY ? undefined : out;
}

/**
 * How a match can begin: its first token alone (when the match may be that one token) or its first
 * two tokens, as "kinine" or "# mg"; undefined when that cannot be worked out.
 */
function beginnings(source: string): Set<string> | undefined {
  if (WILDCARD.test(source)) return undefined;
  const prefixes = follow(parse(source), new Map([['', 0]]));
  if (!prefixes) return undefined;
  // A prefix that ends with a space has only its first token: the match is one token long.
  return new Set([...prefixes.keys()].map((t) => t.trimEnd()).filter((t) => t.length > 0));
}

/** How much a requirement narrows the lines a pattern is tried on: its shortest text, then fewer texts. */
function selectivity(texts: readonly string[]): number {
  const shortest = Math.min(...texts.map((t) => (t === '#' ? 0.5 : t.length)));
  return shortest - texts.length / 1000;
}

/** Literal text any match of `node` contains one of; undefined when nothing is known to be required. */
function requiredText(node: Node): string[] | undefined {
  switch (node.kind) {
    case 'char':
      return [node.c];
    case 'space':
    case 'empty':
      return undefined;
    case 'repeat':
      return node.min === 0 ? undefined : requiredText(node.node);
    case 'alt': {
      const texts: string[] = [];
      for (const option of node.options) {
        const r = requiredText(option);
        if (!r) return undefined;
        texts.push(...r);
      }
      return [...new Set(texts)];
    }
    case 'seq': {
      let best: string[] | undefined;
      for (const item of node.items) {
        const r = requiredText(item);
        if (r && (!best || selectivity(r) > selectivity(best))) best = r;
      }
      return best;
    }
  }
}

function required(source: string): string[] | undefined {
  return WILDCARD.test(source) ? undefined : requiredText(parse(source));
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

export function pattern(source: string): Pattern {
  const p: Pattern = { id: patterns++, source, sticky: new RegExp(`(?:${source})(?= |$)`, 'uy'), starts: beginnings(source), required: required(source) };
  for (const b of p.starts ?? []) addBeginning(b, p.id);
  made.push(p);
  return p;
}

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
    let end = 0;
    const positions = p.starts ? (this.candidates[p.id] ?? []) : this.everywhere;
    if (positions.length === 0 || (p.required && !p.required.some((text) => this.canonical.includes(text)))) return found;
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
      this.mark(i, last);
      found.push(match);
    }
    return found;
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
