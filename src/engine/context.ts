/**
 * Findings from the patient's dialysis context (knowledge-base context rules on the worked-out
 * metrics) and the medicines on the list whose label names cramps: the causes of cramps to review.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { partyIncludes } from '../kb/queries.js';
import type { ContextCondition, CrampFrequency } from '../kb/schema.js';
import { DEFAULT_MODALITY, type Patient } from '../patient.js';
import type { ResolvedItem } from '../resolve/types.js';
import type { Finding } from './assessment.js';
import { contextMetrics, type ContextMetrics } from './context-metrics.js';

function metricsHold(conditions: ContextCondition['metrics'], metrics: ContextMetrics): boolean {
  return (conditions ?? []).every((c) => {
    const v = metrics[c.metric];
    if (v === undefined) return false;
    return (c.above === undefined || v > c.above) && (c.atLeast === undefined || v >= c.atLeast) &&
      (c.below === undefined || v < c.below) && (c.atMost === undefined || v <= c.atMost);
  });
}

/** The lines a `list` condition matches; undefined when the rule has no such condition. */
function matchingLines(list: ContextCondition['list'], items: ResolvedItem[], kb: KnowledgeBase): number[] | undefined {
  if (!list) return undefined;
  return items
    .filter((item) =>
      item.ingredients.some(
        (ing) =>
          (!list.substance || ing.substance.id === list.substance) &&
          (!list.class || partyIncludes({ class: list.class }, ing.substance, kb.classesOf)) &&
          (!list.tag || ing.tags.includes(list.tag)),
      ),
    )
    .map((item) => item.index);
}

export function findContext(items: ResolvedItem[], patient: Patient, kb: KnowledgeBase): Finding[] {
  const metrics = contextMetrics(patient);
  const found: Finding[] = [];
  for (const rule of kb.contextRules) {
    const w = rule.when;
    if (w.modality && !w.modality.includes(patient.modality ?? DEFAULT_MODALITY)) continue;
    if (!metricsHold(w.metrics, metrics)) continue;
    if (w.anticoagulation && !(patient.anticoagulation && w.anticoagulation.includes(patient.anticoagulation))) continue;
    if (w.diabetes !== undefined && patient.diabetes !== w.diabetes) continue;
    if (w.belowTargetWeight !== undefined && patient.belowTargetWeight !== w.belowTargetWeight) continue;
    if (w.crampsAtHome !== undefined && patient.crampsAtHome !== w.crampsAtHome) continue;
    const lines = matchingLines(w.list, items, kb);
    if (lines && lines.length === 0) continue;
    found.push({
      code: rule.code,
      severity: rule.severity,
      basis: { kind: 'context', code: rule.code },
      source: { kind: 'context', id: rule.code },
      values: lines ? { lines } : {},
      ...(lines ? { items: lines } : {}),
      context: { kind: rule.kind, weight: rule.weight },
    });
  }
  return found;
}

/** Where a medicine's cramps stand among the causes to review: the more often, the higher. */
const CRAMP_WEIGHT: Record<CrampFrequency, number> = { 'very-common': 60, common: 45, uncommon: 25, rare: 10, 'not-known': 15 };

/** The medicines on the list whose label names muscle cramps or spasms, one finding per substance. */
export function crampCauses(items: ResolvedItem[]): Finding[] {
  const bySubstance = new Map<string, { lines: number[]; frequency: CrampFrequency }>();
  for (const item of items) {
    for (const ing of item.ingredients) {
      const cause = ing.substance.causesCramps;
      if (!cause) continue;
      const entry = bySubstance.get(ing.substance.id) ?? { lines: [], frequency: cause.frequency };
      if (!entry.lines.includes(item.index)) entry.lines.push(item.index);
      bySubstance.set(ing.substance.id, entry);
    }
  }
  return [...bySubstance].map(([substance, { lines, frequency }]) => ({
    code: `${substance}.causes-cramps`,
    severity: 'info',
    basis: { kind: 'cramp-cause', substance },
    source: { kind: 'substance', id: substance },
    values: { substance, lines },
    items: lines,
    context: { kind: 'cause', weight: CRAMP_WEIGHT[frequency] },
  }));
}

/** Notices first, then causes, most important first. */
export function ordered(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const ka = a.context?.kind ?? 'cause';
    const kb = b.context?.kind ?? 'cause';
    if (ka !== kb) return ka === 'notice' ? -1 : 1;
    return (b.context?.weight ?? 0) - (a.context?.weight ?? 0);
  });
}

export { contextMetrics };
