/**
 * Previous reactions: the patient's allergy lines are read like list lines, and a line whose
 * substance caused a reaction before — or that the knowledge base says cross-reacts with it
 * (quinine and every cinchona alkaloid, whatever drink it came in) — is not to be given again.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Substance } from '../kb/schema.js';
import type { ResolvedItem } from '../resolve/types.js';
import type { AllergyAssessment, Finding } from './assessment.js';

export function assessAllergies(allergies: readonly ResolvedItem[]): AllergyAssessment[] {
  return allergies.map((item) => ({ index: item.index, item, substances: [...new Set(item.ingredients.map((i) => i.substance.id))] }));
}

function crossReacts(allergen: Substance, substance: Substance, kb: KnowledgeBase): boolean {
  if (allergen.id === substance.id) return true;
  const classesOfSubstance = kb.classesOf.get(substance.id) ?? [];
  const classesOfAllergen = kb.classesOf.get(allergen.id) ?? [];
  return allergen.crossReactsWith.some((c) => classesOfSubstance.includes(c)) || substance.crossReactsWith.some((c) => classesOfAllergen.includes(c));
}

export function allergyFindings(item: ResolvedItem, allergies: readonly AllergyAssessment[], kb: KnowledgeBase): Finding[] {
  const found = new Map<string, Finding>();
  for (const ing of item.ingredients) {
    for (const allergy of allergies) {
      for (const id of allergy.substances) {
        const allergen = kb.substances.get(id);
        const key = `${ing.substance.id}:${allergy.index}`;
        if (!allergen || found.has(key) || !crossReacts(allergen, ing.substance, kb)) continue;
        found.set(key, {
          code: 'allergy.previous-reaction',
          severity: 'avoid',
          basis: { kind: 'system', code: 'allergy.previous-reaction' },
          source: { kind: 'substance', id: ing.substance.id },
          values: { substance: ing.substance.id, allergy: { index: allergy.index, input: allergy.item.input.trim(), substance: id } },
        });
      }
    }
  }
  return [...found.values()];
}

/** An allergy line the knowledge base does not know: the list was not checked against it. */
export function unrecognisedAllergies(allergies: readonly AllergyAssessment[]): Finding[] {
  return allergies
    .filter((a) => a.substances.length === 0)
    .map((a) => ({
      code: 'allergy.not-recognised',
      severity: 'caution',
      basis: { kind: 'system', code: 'allergy.not-recognised' },
      source: { kind: 'coverage', id: 'coverage' },
      values: { allergy: { index: a.index, input: a.item.input.trim(), substance: '' } },
      context: { kind: 'notice', weight: 100 },
    }));
}
