/**
 * One substance from several lines (two magnesium products; tonic water and quinine tablets) is
 * added up per day and checked against the same limits as a single line.
 */
import { formatLines } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang, Substance } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import type { ResolvedIngredient, ResolvedItem, Span } from '../resolve/types.js';
import { coverageLink } from './check-line.js';
import { ruleFinding, systemFinding, withinLimitsCode } from './findings.js';
import type { Finding, Total } from './report.js';
import { checkDose, conditionsHold, describeAmount, isDoseRule } from './rules.js';

interface Contribution {
  line: number;
  ingredient: ResolvedIngredient;
}

function groupBySubstance(items: ResolvedItem[]): Map<string, Contribution[]> {
  const groups = new Map<string, Contribution[]>();
  for (const item of items) {
    for (const ingredient of item.ingredients) {
      if (ingredient.substance.review !== 'full') continue;
      const list = groups.get(ingredient.substance.id) ?? [];
      list.push({ line: item.index, ingredient });
      groups.set(ingredient.substance.id, list);
    }
  }
  return groups;
}

function sum(spans: Span[]): Span | undefined {
  const [first] = spans;
  if (!first) return undefined;
  return spans.slice(1).reduce((acc, s) => ({ low: acc.low + s.low, high: acc.high + s.high, unit: acc.unit }), { ...first });
}

export function findTotals(items: ResolvedItem[], kb: KnowledgeBase, patient: Patient, lang: Lang): Total[] {
  const m = messages(lang);
  const totals: Total[] = [];
  for (const [, contributions] of groupBySubstance(items)) {
    const lines = [...new Set(contributions.map((c) => c.line))];
    if (lines.length < 2) continue;
    const substance: Substance = contributions[0]?.ingredient.substance as Substance;
    const name = substance.name[lang];
    const named = { id: substance.id, name };
    const of = substance.measure?.of[lang] ?? '';
    const known = contributions.flatMap((c) => (c.ingredient.dose.daily ? [c.ingredient.dose.daily] : []));
    const unreadLines = [...new Set(contributions.filter((c) => !c.ingredient.dose.daily).map((c) => c.line))];
    const complete = unreadLines.length === 0;
    const source = { kind: 'substance' as const, id: substance.id };
    const findings: Finding[] = [];
    if (!complete) {
      const finding = systemFinding('total.incomplete', 'caution', {
        title: m.system.totalIncomplete.title(name),
        explanation: m.system.totalIncomplete.explanation(name, formatLines(lines, lang), formatLines(unreadLines, lang)),
        advice: m.system.totalIncomplete.advice,
        patient: m.system.totalIncomplete.patient,
        evidence: m.system.totalIncomplete.evidence,
      }, source, [coverageLink(lang)]);
      findings.push({ ...finding, items: lines });
    }
    // With a line unread, the sum of the others is the least the patient takes: it is still checked.
    const total = sum(known);
    // On a day every line is taken (a dialysis day, say), the doses of the intermittent lines add up too.
    const dosingDay = contributions.some((c) => c.ingredient.dose.dosingDay)
      ? sum(contributions.flatMap((c) => { const d = c.ingredient.dose.dosingDay ?? c.ingredient.dose.daily; return d ? [d] : []; }))
      : undefined;
    if (!total) {
      totals.push({ substance: named, amount: 0, low: 0, unit: substance.measure?.unit ?? '', of, items: lines, complete, counted: [], severity: 'caution', findings });
      continue;
    }
    const counted = [...new Set(contributions.filter((c) => c.ingredient.dose.daily).map((c) => c.line))];
    const prefix = complete
      ? m.system.total.prefix(formatLines(lines, lang), describeAmount(total, substance, lang))
      : m.system.total.partialPrefix(formatLines(counted, lang), describeAmount(total, substance, lang));
    const fired: Finding[] = [];
    for (const rule of substance.rules.filter(isDoseRule)) {
      if (!contributions.some((c) => conditionsHold(rule.when, c.ingredient, patient))) continue;
      const outcome = checkDose({ dailyDoseAbove: rule.when.dailyDoseAbove, doseBasis: rule.when.doseBasis }, { daily: total, dosingDay }, substance, lang);
      if (rule.when.dailyDoseAbove && outcome.result === 'fires') {
        const f = ruleFinding(kb, lang, rule.code, rule.severity, rule, source, outcome.values);
        fired.push({ ...f, explanation: prefix + f.explanation, items: lines });
      }
    }
    findings.push(...fired);
    if (complete && fired.length === 0 && substance.withinLimits) {
      const f = ruleFinding(kb, lang, withinLimitsCode(substance.id), 'info', substance.withinLimits, source, {
        dose: describeAmount(total, substance, lang),
      });
      findings.push({ ...f, explanation: prefix + f.explanation, items: lines });
    }
    const severity = findings.some((f) => f.severity === 'avoid') ? 'avoid' : findings.some((f) => f.severity === 'caution') ? 'caution' : 'info';
    totals.push({ substance: named, amount: total.high, low: total.low, unit: total.unit, of, items: lines, complete, counted, severity, findings });
  }
  return totals;
}
