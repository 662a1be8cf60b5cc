/**
 * What the scanner needs to know of a pattern before it tries it anywhere: the tokens a match can
 * begin with, and text every match contains. Both are read off the pattern's source. The analysis
 * is pure and its result depends only on the source and on this file, which is what lets the build
 * keep the results (pattern-analysis-cache.ts).
 */

/** How far a beginning reaches: the first two tokens tell most patterns apart ("# mg", "# dd"). */
export const DEPTH = 2;

export interface PatternAnalysis {
  /** "t" or "t u": the first token, or first two tokens, of a match; undefined when unknown. */
  starts: string[] | undefined;
  /** Text every match contains one of; undefined when nothing is known to be required. */
  required: string[] | undefined;
}

export function analysePattern(source: string): PatternAnalysis {
  const starts = beginnings(source);
  return { starts: starts && [...starts], required: required(source) };
}

/** This file, whose text a kept analysis must have been made by. */
export const analyserFile = import.meta.url;

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

/** Prefixes read so far: the text of the first DEPTH tokens, and how many tokens of them have ended (a space was met). */
type Prefixes = Map<string, number>;

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
