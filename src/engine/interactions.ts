/** Interactions between lines: rules between substances or classes, so a new class member needs no new rule. */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang, Party, Substance } from '../kb/schema.js';
import type { ResolvedItem } from '../resolve/types.js';
import { ruleFinding } from './findings.js';
import type { Finding } from './report.js';

export function partyIncludes(party: Party, substance: Substance, kb: KnowledgeBase): boolean {
  if ('substance' in party) return party.substance === substance.id;
  return kb.classesOf.get(substance.id)?.includes(party.class) ?? false;
}

export function findInteractions(items: ResolvedItem[], kb: KnowledgeBase, lang: Lang): (Finding & { items: number[] })[] {
  const found: (Finding & { items: number[] })[] = [];
  for (const x of kb.interactions) {
    const [first, second] = x.between;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i];
        const b = items[j];
        if (!a || !b) continue;
        const pair = pairOf(a, b, first, second, kb) ?? pairOf(b, a, first, second, kb);
        if (!pair) continue;
        const finding = ruleFinding(kb, lang, x.code, x.severity, x, { kind: 'interaction', id: x.code }, {
          a: pair[0].name[lang],
          b: pair[1].name[lang],
        });
        found.push({ ...finding, items: [i, j] });
      }
    }
  }
  return found;
}

/** The substances of `a` and `b` that the two parties name, in the rule's order. */
function pairOf(a: ResolvedItem, b: ResolvedItem, first: Party, second: Party, kb: KnowledgeBase): [Substance, Substance] | undefined {
  for (const x of a.ingredients) {
    if (!partyIncludes(first, x.substance, kb)) continue;
    for (const y of b.ingredients) {
      if (x.substance.id !== y.substance.id && partyIncludes(second, y.substance, kb)) return [x.substance, y.substance];
    }
  }
  return undefined;
}
