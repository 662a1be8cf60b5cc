/** Findings from the patient's dialysis context: knowledge-base context rules on the worked-out metrics. */
import { formatLines, formatNumber, formatPercent } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { ContextCondition, Lang } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import type { ResolvedItem } from '../resolve/types.js';
import { contextMetrics, type ContextMetrics } from './context-metrics.js';
import { ruleFinding } from './findings.js';
import { partyIncludes } from './interactions.js';
import type { Finding } from './report.js';

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
          (!list.class || partyIncludes({ class: list.class }, ing.substance, kb)) &&
          (!list.tag || ing.tags.includes(list.tag)),
      ),
    )
    .map((item) => item.index);
}

function placeholderValues(metrics: ContextMetrics, patient: Patient, lang: Lang): Record<string, string> {
  const u = messages(lang).units;
  const n = (v: number) => formatNumber(v, lang);
  const values: Record<string, string> = {};
  const ufr = metrics['ufr-ml-per-kg-per-hour'];
  const perHour = metrics['ufr-ml-per-hour'];
  const percent = metrics['weight-gain-percent'];
  if (ufr !== undefined) values.ufr = `${n(ufr)} ${u['ml/kg/h']}`;
  if (perHour !== undefined) values.ufrPerHour = `${n(perHour)} ${u['ml/h']}`;
  if (percent !== undefined) values.weightGainPercent = formatPercent(percent, lang);
  if (patient.targetWeightKg !== undefined) values.targetWeight = `${n(patient.targetWeightKg)} kg`;
  if (patient.weightGainKg !== undefined) values.weightGain = `${n(patient.weightGainKg)} kg`;
  if (patient.sessionHours !== undefined) values.sessionHours = `${n(patient.sessionHours)} ${u.h}`;
  if (patient.residualUrineMlPerDay !== undefined) values.residualUrine = `${n(patient.residualUrineMlPerDay)} ${u['ml/day']}`;
  return values;
}

export function findContext(items: ResolvedItem[], patient: Patient, kb: KnowledgeBase, lang: Lang): Finding[] {
  const metrics = contextMetrics(patient);
  const values = placeholderValues(metrics, patient, lang);
  const found: { finding: Finding; kind: string; weight: number }[] = [];
  for (const rule of kb.contextRules) {
    const w = rule.when;
    if (w.modality && !w.modality.includes(patient.modality ?? 'hd')) continue;
    if (!metricsHold(w.metrics, metrics)) continue;
    if (w.anticoagulation && !(patient.anticoagulation && w.anticoagulation.includes(patient.anticoagulation))) continue;
    if (w.diabetes !== undefined && patient.diabetes !== w.diabetes) continue;
    if (w.belowTargetWeight !== undefined && patient.belowTargetWeight !== w.belowTargetWeight) continue;
    if (w.crampsAtHome !== undefined && patient.crampsAtHome !== w.crampsAtHome) continue;
    const lines = matchingLines(w.list, items, kb);
    if (lines && lines.length === 0) continue;
    const finding = ruleFinding(kb, lang, rule.code, rule.severity, rule, { kind: 'context', id: rule.code }, {
      ...values,
      ...(lines ? { lines: formatLines(lines, lang) } : {}),
    });
    found.push({ finding: { ...finding, ...(lines ? { items: lines } : {}), context: { kind: rule.kind, weight: rule.weight } }, kind: rule.kind, weight: rule.weight });
  }
  return found
    .sort((a, b) => (a.kind === b.kind ? b.weight - a.weight : a.kind === 'notice' ? -1 : 1))
    .map((f) => f.finding);
}

export { contextMetrics };
