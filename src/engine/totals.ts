/**
 * One substance from several lines (two magnesium products; tonic water and quinine tablets) is
 * added up per day and checked against the same limits as a single line.
 */
import { doseRules, withinLimitsCode } from '../kb/queries.js';
import type { Substance } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import type { DoseGap, DoseReading, ResolvedIngredient, ResolvedItem, Span } from '../resolve/types.js';
import type { Finding, TotalAssessment } from './assessment.js';
import { checkDose, conditionsHold, dailyFor, ruleFinding } from './rules.js';

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

const lineSet = (cs: Contribution[]) => [...new Set(cs.map((c) => c.line))];

/** The doses of several lines as one line's: per day, on a day every line is taken, maintenance, per session. */
function combined(contributions: Contribution[], daily: Span): DoseReading {
  const doses = contributions.map((c) => c.ingredient.dose);
  const reading: DoseReading = { daily, notes: [] };
  // On a day every line is taken (a dialysis day, say), the doses of the intermittent lines add up too.
  if (doses.some((d) => d.dosingDay)) reading.dosingDay = sum(doses.flatMap((d) => { const x = d.dosingDay ?? d.daily; return x ? [x] : []; }));
  if (doses.some((d) => d.maintenance || d.session)) {
    reading.maintenance = sum(doses.flatMap((d) => { const x = d.maintenance ?? d.dosingDay ?? d.daily; return x ? [x] : []; }));
    const session = sum(doses.flatMap((d) => (d.session ? [d.session] : [])));
    if (session) reading.session = session;
  }
  return reading;
}

export function findTotals(items: ResolvedItem[], patient: Patient): TotalAssessment[] {
  const totals: TotalAssessment[] = [];
  for (const [, contributions] of groupBySubstance(items)) {
    const lines = lineSet(contributions);
    if (lines.length < 2) continue;
    const substance = contributions[0]?.ingredient.substance as Substance;
    const source = { kind: 'substance' as const, id: substance.id };
    const read = contributions.filter((c) => c.ingredient.dose.daily);
    const counted = lineSet(read);
    const unread = lineSet(contributions.filter((c) => !c.ingredient.dose.daily));
    const complete = unread.length === 0;
    const findings: Finding[] = [];
    if (!complete) {
      findings.push({
        code: 'total.incomplete',
        severity: 'caution',
        basis: { kind: 'system', code: 'total.incomplete' },
        source,
        values: { substance: substance.id, lines, unread },
        items: lines,
      });
    }
    // With a line unread, the sum of the others is the least the patient takes: it is still checked.
    const total = sum(read.flatMap((c) => (c.ingredient.dose.daily ? [c.ingredient.dose.daily] : [])));
    if (!total) {
      totals.push({ substance: substance.id, items: lines, complete, counted: [], severity: 'caution', findings });
      continue;
    }
    const about = { substance: substance.id, total, lines, counted, ...(complete ? {} : { unread }) };
    const dose = combined(read, total);
    const fired: Finding[] = [];
    const unchecked: string[] = [];
    let gap: DoseGap | undefined;
    // Limits on one administration belong to the line; totals are checked per day and per session.
    const limits = doseRules(substance.rules).filter((rule) => rule.when.dailyDoseAbove || rule.when.sessionDoseAbove);
    const applies = limits.filter((rule) => contributions.some((c) => conditionsHold(rule.when, c.ingredient, patient)));
    // As for one line (decision 018): a limit on the maintenance dose does not pass doses given only at sessions.
    const sessionLimited = applies.some((rule) => rule.when.sessionDoseAbove !== undefined);
    for (const rule of applies) {
      const outcome = checkDose({ ...rule.when, singleDoseAbove: undefined }, dose, sessionLimited);
      if (outcome.result === 'unknown') {
        unchecked.push(rule.code);
        gap ??= outcome.gap;
      } else if (outcome.result === 'fires') fired.push(ruleFinding(rule, source, { ...about, ...outcome.values }, lines));
    }
    findings.push(...fired);
    if (unchecked.length > 0) {
      findings.push({
        code: 'dose.not-checked',
        severity: 'caution',
        basis: { kind: 'system', code: 'dose.not-checked' },
        source,
        values: { ...about, gap: gap ?? 'unclear-dose', unchecked },
        items: lines,
      });
    }
    // "Within the limit" only of a sum some limit was compared with: not of lines no rule applies to
    // (aciclovir iv against its oral limit). A substance with no dose limit at all keeps its text.
    if (complete && fired.length === 0 && unchecked.length === 0 && (applies.length > 0 || limits.length === 0) && substance.withinLimits) {
      // The dose the daily limit was compared with, as on a line: the maintenance dose, the dose on a day every line is taken, or per day.
      const dailyRule = applies.find((r) => r.when.dailyDoseAbove);
      const compared = dailyRule ? dailyFor(dailyRule.when, dose) : { span: total, basis: 'daily' as const };
      findings.push({
        code: withinLimitsCode(substance.id),
        severity: 'info',
        basis: { kind: 'within-limits', substance: substance.id },
        source,
        values: { ...about, dose: { ...(compared.span ?? total), basis: compared.basis } },
        items: lines,
      });
    }
    const severity = findings.some((f) => f.severity === 'avoid') ? 'avoid' : findings.some((f) => f.severity === 'caution') ? 'caution' : 'info';
    totals.push({ substance: substance.id, amount: total, items: lines, complete, counted, severity, findings });
  }
  return totals;
}
