/**
 * explain(assessment, kb, lang): the engine's codes and numbers in words. Knowledge-base findings
 * take their texts from the KB with the placeholders filled; the engine's own checks take theirs
 * from the catalogue of built-in texts. Every interaction and total is explained once.
 */
import { POINTER_CODES, type Assessment, type Finding as Assessed, type InteractionFinding, type LineAssessment, type TotalAssessment } from '../engine/assessment.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang } from '../kb/schema.js';
import { runSteps, type Steps } from '../steps.js';
import { dailyDoses, describeReading } from './reading.js';
import type { Finding, LineReport, Named, Report, Total } from './report.js';
import { fromKb, interactionTexts, kbTexts, systemTexts, type FindingTexts } from './texts.js';
import { describeAmount, totalPrefix } from './values.js';

const SEVERITY_RANK = { avoid: 0, caution: 1, info: 2 } as const;

function described(f: Assessed, texts: FindingTexts): Finding {
  const finding: Finding = { code: f.code, severity: f.severity, ...texts, source: f.source };
  if (f.items) finding.items = f.items;
  if (f.context) finding.context = f.context;
  return finding;
}

export function explainFinding(f: Assessed, kb: KnowledgeBase, lang: Lang, assessment: Pick<Assessment, 'metrics' | 'patient'>): Finding {
  return described(f, f.basis.kind === 'system' || f.basis.kind === 'cramp-cause' ? systemTexts(f, kb, lang) : fromKb(kbTexts(f.basis, kb), f.values, kb, lang, assessment));
}

function explainInteraction(x: InteractionFinding, kb: KnowledgeBase, lang: Lang, assessment: Assessment): Report['interactions'][number] {
  return { ...described(x, fromKb(interactionTexts(kb, x.code, x.keep), x.values, kb, lang, assessment)), items: x.items, actOn: x.actOn };
}

function named(kb: KnowledgeBase, id: string, lang: Lang): Named {
  return { id, name: kb.substances.get(id)?.name[lang] ?? id };
}

function explainTotal(t: TotalAssessment, kb: KnowledgeBase, lang: Lang, assessment: Assessment): Total {
  const substance = kb.substances.get(t.substance);
  const findings = t.findings.map((f) => {
    const explained = explainFinding(f, kb, lang, assessment);
    return f.values.total ? { ...explained, explanation: totalPrefix(f.values, f.values.total, kb, lang) + explained.explanation } : explained;
  });
  return {
    substance: named(kb, t.substance, lang),
    amount: t.amount?.high ?? 0,
    low: t.amount?.low ?? 0,
    unit: t.amount?.unit ?? substance?.measure?.unit ?? '',
    of: substance?.measure?.of[lang] ?? '',
    text: t.amount ? describeAmount(t.amount, substance, lang) : '',
    items: t.items,
    complete: t.complete,
    counted: t.counted,
    severity: t.severity,
    findings,
  };
}

function uniqueSubstances(line: LineAssessment, kb: KnowledgeBase, lang: Lang): Named[] {
  return [...new Set(line.item.ingredients.map((i) => i.substance.id))].map((id) => named(kb, id, lang));
}

function explainLine(line: LineAssessment, kb: KnowledgeBase, lang: Lang, assessment: Assessment, shared: { interactions: Report['interactions']; totals: Total[] }): LineReport {
  const own = line.findings.map((f) => explainFinding(f, kb, lang, assessment));
  const related = line.related.flatMap((r): Finding[] => {
    if (r.kind === 'interaction') {
      const x = shared.interactions[r.index];
      return x ? [{ ...x, ref: { kind: 'interaction', index: r.index } }] : [];
    }
    const f = shared.totals[r.index]?.findings[r.finding];
    return f ? [{ ...f, ref: { kind: 'total', index: r.index } }] : [];
  });
  const findings = [...own, ...related];
  // The headline says why the line has its verdict. A pointer to another line's interaction never says why a line was not
  // checked, and it comes after the line's own findings of the same severity: what to do here before what is done elsewhere.
  const reasons = line.verdict === 'unknown' ? findings.filter((f) => !POINTER_CODES.has(f.code)) : findings;
  const pointerLast = (f: Finding) => (POINTER_CODES.has(f.code) ? 1 : 0);
  const worst = [...(reasons.length > 0 ? reasons : findings)].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || pointerLast(a) - pointerLast(b))[0];
  const report: LineReport = {
    index: line.index,
    input: line.item.input,
    substances: uniqueSubstances(line, kb, lang),
    dailyDose: dailyDoses(line.item, lang),
    verdict: line.verdict,
    coverage: line.coverage,
    findings,
    reading: describeReading(line.item, lang),
    suggestions: line.item.suggestions.map((s) => ({ id: s.target.id, kind: s.target.kind, name: s.target.name, text: s.text, correctedLine: s.correctedLine })),
  };
  if (worst) report.headline = { title: worst.title, advice: worst.advice, patient: worst.patient };
  return report;
}

export function explain(assessment: Assessment, kb: KnowledgeBase, lang: Lang): Report {
  return runSteps(explainSteps(assessment, kb, lang));
}

/** explain, a few findings at a time: it yields after the interactions, the totals and each line. */
export function* explainSteps(assessment: Assessment, kb: KnowledgeBase, lang: Lang): Steps<Report> {
  const interactions = assessment.interactions.map((x) => explainInteraction(x, kb, lang, assessment));
  yield;
  const totals = assessment.totals.map((t) => explainTotal(t, kb, lang, assessment));
  yield;
  const items: LineReport[] = [];
  for (const line of assessment.lines) {
    items.push(explainLine(line, kb, lang, assessment, { interactions, totals }));
    yield;
  }
  const { counts } = assessment.summary;
  return {
    lang,
    kb: { ...assessment.kb, title: kb.meta.title },
    patient: assessment.patient,
    assumed: { modality: assessment.patient.modality === undefined, sessionsPerWeek: assessment.patient.sessionsPerWeek === undefined },
    items,
    interactions,
    moreInteractions: assessment.moreInteractions,
    totals,
    context: assessment.context.map((c) => explainFinding(c, kb, lang, assessment)),
    allergies: assessment.allergies.map((a) => ({ input: a.item.input, substances: a.substances.map((id) => named(kb, id, lang)) })),
    metrics: assessment.metrics,
    summary: { verdict: assessment.summary.verdict, avoid: counts.avoid, caution: counts.caution, ok: counts.ok, unknown: counts.unknown, lines: assessment.summary.lines },
  };
}
