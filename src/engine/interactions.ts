/**
 * Interactions between lines: rules between substances or classes, so a new class member needs
 * no new rule. Each interaction names the line to act on (`actOn`); that line carries the verdict.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { partyIncludes } from '../kb/queries.js';
import type { Interaction, Party } from '../kb/schema.js';
import type { ResolvedItem } from '../resolve/types.js';
import type { InteractionFinding } from './assessment.js';

/** At most this many interactions are listed; the rest are counted, so an answer stays small. */
export const MAX_INTERACTIONS = 50;

/** The substance of `item` that `party` names, if any. */
function named(item: ResolvedItem, party: Party, kb: KnowledgeBase, except?: string) {
  return item.ingredients.find((ing) => ing.substance.id !== except && partyIncludes(party, ing.substance, kb.classesOf, ing.route))?.substance;
}

/** The two lines' substances in the rule's order, and whether the first line is the first party. */
function pairOf(a: ResolvedItem, b: ResolvedItem, x: Interaction, kb: KnowledgeBase) {
  const [first, second] = x.between;
  for (const [p, q, aFirst] of [[a, b, true], [b, a, false]] as const) {
    for (const ing of p.ingredients) {
      if (!partyIncludes(first, ing.substance, kb.classesOf, ing.route)) continue;
      const other = named(q, second, kb, ing.substance.id);
      if (other) return { substances: [ing.substance.id, other.id] as [string, string], aFirst };
    }
  }
  return undefined;
}

export function findInteractions(items: ResolvedItem[], kb: KnowledgeBase): { found: InteractionFinding[]; more: number } {
  const found: InteractionFinding[] = [];
  let more = 0;
  const withIngredients = items.filter((i) => i.ingredients.length > 0);
  for (const x of kb.interactions) {
    const [first, second] = x.between;
    // Only lines that name either party can take part: most interactions concern no line at all.
    const candidates = withIngredients.filter((item) => named(item, first, kb) || named(item, second, kb));
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const a = candidates[i];
        const b = candidates[j];
        if (!a || !b) continue;
        const pair = pairOf(a, b, x, kb);
        if (!pair) continue;
        if (found.length >= MAX_INTERACTIONS) {
          more++;
          continue;
        }
        const [firstLine, secondLine] = pair.aFirst ? [a.index, b.index] : [b.index, a.index];
        const actOn = x.actOn === 'first' ? [firstLine] : x.actOn === 'second' ? [secondLine] : [firstLine, secondLine];
        found.push({
          code: x.code,
          severity: x.severity,
          basis: { kind: 'interaction', code: x.code },
          source: { kind: 'interaction', id: x.code },
          values: { partners: pair.substances },
          items: [a.index, b.index],
          actOn: actOn.sort((p, q) => p - q),
        });
      }
    }
  }
  return { found, more };
}
