/** The verdict of one line on its own: its rules, and what could not be checked. */
import { isDoseRule, withinLimitsCode } from '../kb/queries.js';
import type { Rule } from '../kb/schema.js';
import { LIST_LIMITS } from '../list-limits.js';
import type { Patient } from '../patient.js';
import type { DoseGap, ResolvedIngredient, ResolvedItem } from '../resolve/types.js';
import { type Coverage, type Finding, type Verdict, verdictOfSeverity, worstOf } from './assessment.js';
import { checkDose, conditionsHold, dailyFor, ruleFinding } from './rules.js';

export interface LineOutcome {
  verdict: Verdict;
  coverage: Coverage;
  findings: Finding[];
  /** Codes of the findings on this line, so totals do not repeat them. */
  fired: Set<string>;
}

/**
 * Gaps that say the line holds more than was read: a word or number not placed, two strengths,
 * a vague frequency. Whatever the substance, such a line is not checked. A plain absence (no
 * strength written) matters only to a substance whose review needs the dose.
 */
const UNREAD_GAPS: ReadonlySet<DoseGap> = new Set<DoseGap>([
  'stray-number',
  'unread-words',
  'several-strengths',
  'several-counts',
  'several-frequencies',
  'vague-frequency',
  'prn-extra',
  'unclear-dose',
]);

interface IngredientOutcome {
  findings: Finding[];
  /** The dose could not be read where the review needs it. */
  unchecked: boolean;
  /** The substance, or this route of it, is not reviewed for dialysis. */
  notReviewed: boolean;
}

function ingredientFindings(ing: ResolvedIngredient, patient: Patient): IngredientOutcome {
  const s = ing.substance;
  const source = { kind: 'substance' as const, id: s.id };
  const about = { substance: s.id };
  if (s.review === 'interactions-only') {
    return {
      findings: [{ code: 'kb.interactions-only', severity: 'info', basis: { kind: 'system', code: 'kb.interactions-only' }, source, values: about }],
      unchecked: false,
      notReviewed: true,
    };
  }
  if (s.routes && !s.routes.includes(ing.route)) {
    return {
      findings: [{ code: 'route.not-reviewed', severity: 'caution', basis: { kind: 'system', code: 'route.not-reviewed' }, source, values: { ...about, route: ing.route } }],
      unchecked: false,
      notReviewed: true,
    };
  }

  const findings: Finding[] = [];
  const unevaluated: Rule[] = [];
  let ruleGap: DoseGap | undefined;
  const applies = s.rules.filter((rule) => conditionsHold(rule.when, ing, patient));
  const sessionLimited = applies.some((rule) => rule.when.sessionDoseAbove !== undefined);
  for (const rule of applies) {
    const dose = checkDose(rule.when, ing.dose, sessionLimited);
    if (dose.result === 'unknown') {
      unevaluated.push(rule);
      ruleGap ??= dose.gap;
    } else if (dose.result === 'fires') {
      findings.push(ruleFinding(rule, source, { ...about, ...dose.values }));
    }
  }
  const gap = ing.dose.gap;
  const unread = gap !== undefined && UNREAD_GAPS.has(gap);
  if (unevaluated.length > 0 || unread) {
    findings.push({
      code: 'dose.not-checked',
      severity: 'caution',
      basis: { kind: 'system', code: 'dose.not-checked' },
      source,
      values: { ...about, gap: gap ?? ruleGap ?? 'unclear-dose', unchecked: unevaluated.map((r) => r.code) },
    });
  }
  const unchecked = unevaluated.length > 0 || unread;
  const concerning = findings.some((f) => f.severity !== 'info');
  if (!concerning && !unchecked && s.withinLimits) {
    // The dose the substance's daily limit is about: the maintenance dose, the dose on a dosing day, or per day.
    const dailyRule = s.rules.find((r) => r.when.dailyDoseAbove);
    const compared = dailyRule ? dailyFor(dailyRule.when, ing.dose) : s.rules.some(isDoseRule) ? { span: ing.dose.daily, basis: 'daily' as const } : undefined;
    const dose = compared?.span ? { dose: { ...compared.span, basis: compared.basis } } : {};
    findings.push({
      code: withinLimitsCode(s.id),
      severity: 'info',
      basis: { kind: 'within-limits', substance: s.id },
      source,
      values: { ...about, ...dose },
    });
  }
  return { findings, unchecked, notReviewed: false };
}

function productFindings(item: ResolvedItem, patient: Patient): Finding[] {
  const products = new Map(item.ingredients.flatMap((i) => (i.product ? [[i.product.id, i] as const] : [])));
  return [...products.values()].flatMap((ing) => {
    const product = ing.product;
    if (!product) return [];
    return product.rules
      .filter((rule) => conditionsHold(rule.when, ing, patient))
      .map((rule) => ruleFinding(rule, { kind: 'product', id: product.id }, {}));
  });
}

export function notRecognised(item: ResolvedItem): Finding {
  return {
    code: 'input.not-recognised',
    severity: 'caution',
    basis: { kind: 'system', code: 'input.not-recognised' },
    source: { kind: 'coverage', id: 'coverage' },
    values: { input: item.input.trim(), suggestions: item.suggestions.map((s) => s.target.name) },
  };
}

/** A line that names more medicines than one line may: a list pasted onto one line. */
function severalMedicines(item: ResolvedItem): Finding {
  return {
    code: 'input.several-medicines',
    severity: 'caution',
    basis: { kind: 'system', code: 'input.several-medicines' },
    source: { kind: 'coverage', id: 'coverage' },
    values: { input: item.input.trim(), names: item.matches.map((m) => m.text) },
  };
}

export function checkLine(item: ResolvedItem, patient: Patient): LineOutcome {
  if (item.ingredients.length === 0) {
    return { verdict: 'unknown', coverage: 'not-recognised', fired: new Set(), findings: [notRecognised(item)] };
  }
  if (item.matches.length > LIST_LIMITS.medicinesPerLine) {
    return { verdict: 'unknown', coverage: 'dose-not-read', fired: new Set(), findings: [severalMedicines(item)] };
  }
  const findings: Finding[] = productFindings(item, patient);
  let unchecked = false;
  let notReviewed = false;
  for (const ing of item.ingredients) {
    const outcome = ingredientFindings(ing, patient);
    findings.push(...outcome.findings);
    unchecked ||= outcome.unchecked;
    notReviewed ||= outcome.notReviewed;
  }
  const worst = worstOf(findings.map((f) => verdictOfSeverity(f.severity)));
  const verdict = worst === 'avoid' ? 'avoid' : unchecked || notReviewed ? 'unknown' : worst;
  const coverage: Coverage = unchecked ? 'dose-not-read' : notReviewed ? 'interactions-only' : 'reviewed';
  return { verdict, coverage, findings, fired: new Set(findings.map((f) => f.code)) };
}
