/**
 * The engine: a pure function from resolved lines, the patient's context and the knowledge base
 * to a Report. It knows nothing of HTTP and holds no clinical facts; those are all in the KB.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import type { ResolvedItem } from '../resolve/types.js';
import { checkLine } from './check-line.js';
import { withinLimitsCode } from './findings.js';
import { contextMetrics, findContext } from './context.js';
import { findInteractions } from './interactions.js';
import { dailyDoses, describeReading } from './reading.js';
import { VERDICT_ORDER, type LineReport, type Report, type Verdict, verdictOfSeverity, worstVerdict } from './report.js';
import { findTotals } from './totals.js';

export interface CheckOptions {
  lang: Lang;
}

export function check(items: ResolvedItem[], patient: Patient, kb: KnowledgeBase, options: CheckOptions): Report {
  const { lang } = options;
  const interactions = findInteractions(items, kb, lang);
  const totals = findTotals(items, kb, patient, lang);

  const lines: LineReport[] = items.map((item) => {
    const own = checkLine(item, kb, patient, lang);
    // "Within the limit" on its own is not true of a line whose substance adds up to too much.
    const overLimit = new Set(
      totals.filter((t) => t.items.includes(item.index) && t.severity !== 'info').map((t) => withinLimitsCode(t.substance.id)),
    );
    const ownFindings = own.findings.filter((f) => !overLimit.has(f.code));
    const related = [
      ...interactions.filter((x) => x.items.includes(item.index)),
      ...totals.flatMap((t) => (t.items.includes(item.index) ? t.findings.filter((f) => !own.fired.has(f.code)) : [])),
    ].filter((f) => f.severity !== 'info');
    const verdict = worstVerdict([own.verdict, ...related.map((f) => verdictOfSeverity(f.severity))]);
    return {
      index: item.index,
      input: item.input,
      substances: uniqueSubstances(item, lang),
      dailyDose: dailyDoses(item, lang),
      verdict,
      findings: [...ownFindings, ...related],
      reading: describeReading(item, lang),
      suggestions: item.suggestions.map((s) => ({
        id: s.target.id,
        kind: s.target.kind,
        name: s.target.name,
        text: s.text,
        correctedLine: s.correctedLine,
      })),
    };
  });

  const context = findContext(items, patient, kb, lang);
  const counts = Object.fromEntries(VERDICT_ORDER.map((v) => [v, lines.filter((l) => l.verdict === v).length])) as Record<Verdict, number>;
  const verdict = worstVerdict([
    ...lines.map((l) => l.verdict),
    ...interactions.map((x) => verdictOfSeverity(x.severity)),
    ...totals.map((t) => verdictOfSeverity(t.severity)),
    ...context.map((c) => verdictOfSeverity(c.severity)),
  ]);
  return {
    lang,
    kb: { version: kb.meta.version, reviewedOn: kb.meta.reviewedOn, title: kb.meta.title },
    items: lines,
    interactions,
    totals,
    context,
    metrics: contextMetrics(patient),
    summary: { verdict, ...counts },
  };
}

function uniqueSubstances(item: ResolvedItem, lang: Lang): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const ing of item.ingredients) seen.set(ing.substance.id, ing.substance.name[lang]);
  return [...seen].map(([id, name]) => ({ id, name }));
}
