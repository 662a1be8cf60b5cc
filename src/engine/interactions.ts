/**
 * Interactions between lines: rules between substances or classes, so a new class member needs
 * no new rule. Each interaction names the line to act on (`actOn`); that line carries the verdict.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { partyIncludes } from '../kb/queries.js';
import type { Party } from '../kb/schema.js';
import type { ResolvedItem } from '../resolve/types.js';
import type { InteractionFinding } from './assessment.js';

/** At most this many interactions are listed; the rest are counted, so an answer stays small. */
export const MAX_INTERACTIONS = 50;

/** The substances of a line that a party names: their ids, in the line's order. */
function namedBy(item: ResolvedItem, party: Party, kb: KnowledgeBase): string[] {
  const ids: string[] = [];
  for (const ing of item.ingredients) if (partyIncludes(party, ing.substance, kb.classesOf, ing.route)) ids.push(ing.substance.id);
  return ids;
}

/** A first-party substance of one line and a different second-party substance of the other. */
function pairIn(firsts: readonly string[], seconds: readonly string[]): [string, string] | undefined {
  for (const f of firsts) {
    const s = seconds.find((id) => id !== f);
    if (s !== undefined) return [f, s];
  }
  return undefined;
}

/**
 * Each rule is matched against every line once; pairs of lines are then compared by the
 * substances each names, so a list costs lines × rules plus the pairs of lines a rule concerns.
 * Past the cap pairs are only counted.
 */
export function findInteractions(items: ResolvedItem[], kb: KnowledgeBase): { found: InteractionFinding[]; more: number } {
  const found: InteractionFinding[] = [];
  let more = 0;
  const withIngredients = items.filter((i) => i.ingredients.length > 0);
  for (const x of kb.interactions) {
    const [first, second] = x.between;
    const lines = withIngredients
      .map((item) => ({ item, firsts: namedBy(item, first, kb), seconds: namedBy(item, second, kb) }))
      // Only lines that name either party can take part: most interactions concern no line at all.
      .filter((l) => l.firsts.length > 0 || l.seconds.length > 0);
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i];
        const b = lines[j];
        if (!a || !b) continue;
        const forward = pairIn(a.firsts, b.seconds);
        const pair = forward ?? pairIn(b.firsts, a.seconds);
        if (!pair) continue;
        if (found.length >= MAX_INTERACTIONS) {
          more++;
          continue;
        }
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
  }
  return { found, more };
}
