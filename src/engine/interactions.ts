/**
 * Interactions between lines: rules between substances or classes, so a new class member needs
 * no new rule. Each interaction names the line to act on (`actOn`); that line carries the verdict.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { partyIncludes } from '../kb/queries.js';
import type { ResolvedItem } from '../resolve/types.js';
import type { Steps } from '../steps.js';
import type { FoundInteraction } from './assessment.js';

/** At most this many interactions are listed; the rest are counted, so an answer stays small. */
export const MAX_INTERACTIONS = 50;

/** A first-party substance of one line and a different second-party substance of the other. */
function pairIn(firsts: readonly string[], seconds: readonly string[]): [string, string] | undefined {
  for (const f of firsts) for (const s of seconds) if (s !== f) return [f, s];
  return undefined;
}

/** Whether pairIn finds a pair, without making it: past the cap, pairs are only counted. */
function hasPair(firsts: readonly string[], seconds: readonly string[]): boolean {
  for (const f of firsts) for (const s of seconds) if (s !== f) return true;
  return false;
}

/** What one party's substances on a line amount to for hasPair: none (''), one ("=id"), or several ('*'). */
const sideSignature = (ids: readonly string[]) => (ids.length === 0 ? '' : ids.length === 1 ? `=${ids[0]}` : '*');

/** Whether hasPair finds nothing between sides of these signatures: one is empty, or both are the same one substance. */
const noPair = (firsts: string, seconds: string) => firsts === '' || seconds === '' || (firsts === seconds && firsts !== '*');

/**
 * The pairs of lines a rule finds an interaction between, as the pairwise loop in findInteractions
 * counts them, without comparing every pair: lines are grouped by what their sides amount to, and
 * the pairs that find nothing are counted between groups. A hundred copies of one line are one group.
 */
export function countPairs(lines: readonly { firsts: readonly string[]; seconds: readonly string[] }[]): number {
  if (lines.length < 2) return 0;
  const groups = new Map<string, { firsts: string; seconds: string; n: number }>();
  for (const line of lines) {
    const firsts = sideSignature(line.firsts);
    const seconds = sideSignature(line.seconds);
    const key = `${firsts}\u0000${seconds}`;
    const group = groups.get(key);
    if (group) group.n++;
    else groups.set(key, { firsts, seconds, n: 1 });
  }
  const list = [...groups.values()];
  let without = 0;
  for (let a = 0; a < list.length; a++) {
    for (let b = a; b < list.length; b++) {
      const x = list[a];
      const y = list[b];
      if (!x || !y || !noPair(x.firsts, y.seconds) || !noPair(y.firsts, x.seconds)) continue;
      without += a === b ? (x.n * (x.n - 1)) / 2 : x.n * y.n;
    }
  }
  return (lines.length * (lines.length - 1)) / 2 - without;
}

interface LineSides {
  item: ResolvedItem;
  /** The line's substances each party names: ids, in the line's order. */
  firsts: string[];
  seconds: string[];
}

/**
 * The lines each interaction may concern, found from the lines' substances through the KB's index
 * of interaction sides, so a rule that names no line costs nothing. Rules in KB order, lines in
 * list order.
 */
function linesByRule(items: readonly ResolvedItem[], kb: KnowledgeBase): Map<number, LineSides[]> {
  const byRule = new Map<number, Map<number, LineSides>>();
  for (const item of items) {
    for (const ing of item.ingredients) {
      for (const { rule, side } of kb.interactionSides.get(ing.substance.id) ?? []) {
        const x = kb.interactions[rule];
        if (!x || !partyIncludes(x.between[side], ing.substance, kb.classesOf, ing.route)) continue;
        const lines = byRule.get(rule) ?? new Map<number, LineSides>();
        byRule.set(rule, lines);
        const line = lines.get(item.index) ?? { item, firsts: [], seconds: [] };
        lines.set(item.index, line);
        const ids = side === 0 ? line.firsts : line.seconds;
        if (!ids.includes(ing.substance.id)) ids.push(ing.substance.id);
      }
    }
  }
  return new Map([...byRule].sort(([a], [b]) => a - b).map(([rule, lines]) => [rule, [...lines.values()]]));
}

/**
 * Pairs of lines are compared by the substances each names for a rule, so a list costs its
 * ingredients times the rules that name them, plus the pairs of lines a rule concerns. Past the
 * cap pairs are only counted, and a rule met after the cap is counted by groups (countPairs). A
 * step per rule (see steps.ts).
 */
export function* findInteractions(items: ResolvedItem[], kb: KnowledgeBase): Steps<{ found: FoundInteraction[]; more: number }> {
  const found: FoundInteraction[] = [];
  let more = 0;
  for (const [rule, lines] of linesByRule(items, kb)) {
    const x = kb.interactions[rule];
    if (!x) continue;
    if (found.length >= MAX_INTERACTIONS) {
      more += countPairs(lines);
      yield;
      continue;
    }
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i];
        const b = lines[j];
        if (!a || !b) continue;
        const forward = hasPair(a.firsts, b.seconds);
        if (!forward && !hasPair(b.firsts, a.seconds)) continue;
        if (found.length >= MAX_INTERACTIONS) {
          more++;
          continue;
        }
        const pair = forward ? pairIn(a.firsts, b.seconds) : pairIn(b.firsts, a.seconds);
        if (!pair) continue;
        const [firstLine, secondLine] = forward ? [a.item.index, b.item.index] : [b.item.index, a.item.index];
        const actOn = x.actOn === 'first' ? [firstLine] : x.actOn === 'second' ? [secondLine] : [firstLine, secondLine];
        found.push({
          code: x.code,
          severity: x.severity,
          basis: { kind: 'interaction', code: x.code },
          source: { kind: 'interaction', id: x.code },
          values: { partners: pair },
          items: [a.item.index, b.item.index],
          actOn: actOn.sort((p, q) => p - q),
        });
      }
    }
    // A rule that concerns a hundred lines compares thousands of pairs.
    yield;
  }
  return { found, more };
}
