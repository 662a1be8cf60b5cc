/** The verdict of one line on its own: its rules, and what could not be checked. */
import { messages } from '../i18n/index.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang, Rule } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import type { ResolvedIngredient, ResolvedItem } from '../resolve/types.js';
import { ruleFinding, systemFinding, withinLimitsCode } from './findings.js';
import type { Finding, ReferenceLink, Verdict } from './report.js';
import { worstVerdict, verdictOfSeverity } from './report.js';
import { checkDose, conditionsHold, describeAmount, describeLimits } from './rules.js';

export interface LineOutcome {
  verdict: Verdict;
  findings: Finding[];
  /** Codes of the rules that fired, so totals do not repeat them on this line. */
  fired: Set<string>;
}

export function coverageLink(lang: Lang): ReferenceLink {
  return { title: messages(lang).coverageReference, url: '/kb/coverage' };
}

function ingredientFindings(
  ing: ResolvedIngredient,
  kb: KnowledgeBase,
  patient: Patient,
  lang: Lang,
): { findings: Finding[]; unchecked: boolean; notReviewed: boolean } {
  const m = messages(lang);
  const s = ing.substance;
  const source = { kind: 'substance' as const, id: s.id };
  if (s.review === 'interactions-only') {
    const name = s.name[lang];
    return {
      findings: [
        systemFinding('kb.interactions-only', 'info', {
          title: m.system.notReviewed.title(name),
          explanation: m.system.notReviewed.explanation(name),
          advice: m.system.notReviewed.advice(name),
          patient: m.system.notReviewed.patient,
          evidence: m.system.notReviewed.evidence,
        }, source, [{ title: `DialySafe: ${name}`, url: `/kb/${s.id}` }, coverageLink(lang)]),
      ],
      unchecked: false,
      notReviewed: true,
    };
  }

  const findings: Finding[] = [];
  const unevaluated: Rule[] = [];
  for (const rule of s.rules) {
    if (!conditionsHold(rule.when, ing, patient)) continue;
    const dose = checkDose(rule.when, ing.dose, s, lang);
    if (dose.result === 'unknown') unevaluated.push(rule);
    else if (dose.result === 'fires') findings.push(ruleFinding(kb, lang, rule.code, rule.severity, rule, source, dose.values));
  }
  if (unevaluated.length > 0) {
    const name = s.name[lang];
    findings.push(
      systemFinding('dose.not-checked', 'caution', {
        title: m.system.doseNotChecked.title(name),
        explanation: m.system.doseNotChecked.explanation(m.gaps[ing.dose.gap ?? 'unclear-dose'], describeLimits(unevaluated, s, lang, m.perDay)),
        advice: m.system.doseNotChecked.advice,
        patient: m.system.doseNotChecked.patient,
        evidence: m.system.doseNotChecked.evidence,
      }, source, unevaluated.flatMap((r) => ruleFinding(kb, lang, r.code, r.severity, r, source).references)),
    );
  }
  const concerning = findings.some((f) => f.severity !== 'info');
  if (!concerning && unevaluated.length === 0 && s.withinLimits) {
    const values = { dose: ing.dose.daily ? describeAmount(ing.dose.daily, s, lang) : m.doseNotStated };
    findings.push(ruleFinding(kb, lang, withinLimitsCode(s.id), 'info', s.withinLimits, source, values));
  }
  return { findings, unchecked: unevaluated.length > 0, notReviewed: false };
}

function productFindings(item: ResolvedItem, kb: KnowledgeBase, patient: Patient, lang: Lang): Finding[] {
  const products = new Map(item.ingredients.flatMap((i) => (i.product ? [[i.product.id, i] as const] : [])));
  return [...products.values()].flatMap((ing) =>
    (ing.product?.rules ?? [])
      .filter((rule) => conditionsHold(rule.when, ing, patient))
      .map((rule) => ruleFinding(kb, lang, rule.code, rule.severity, rule, { kind: 'product', id: ing.product?.id ?? '' })),
  );
}

export function checkLine(item: ResolvedItem, kb: KnowledgeBase, patient: Patient, lang: Lang): LineOutcome {
  const m = messages(lang);
  if (item.ingredients.length === 0) {
    const names = item.suggestions.map((s) => `"${s.target.name}"`).join(` ${m.and} `);
    const text = item.input.trim();
    return {
      verdict: 'unknown',
      fired: new Set(),
      findings: [
        systemFinding('input.not-recognised', 'caution', {
          title: m.system.notRecognised.title,
          explanation: m.system.notRecognised.explanation(text) + (names ? m.system.notRecognised.suggestion(names) : ''),
          advice: m.system.notRecognised.advice,
          patient: m.system.notRecognised.patient,
          evidence: m.system.notRecognised.evidence,
        }, { kind: 'coverage', id: 'coverage' }, [coverageLink(lang)]),
      ],
    };
  }
  const findings: Finding[] = productFindings(item, kb, patient, lang);
  let unknown = false;
  for (const ing of item.ingredients) {
    const outcome = ingredientFindings(ing, kb, patient, lang);
    findings.push(...outcome.findings);
    unknown ||= outcome.unchecked || outcome.notReviewed;
  }
  const worst = worstVerdict(findings.map((f) => verdictOfSeverity(f.severity)));
  const verdict = worst === 'avoid' ? 'avoid' : unknown ? 'unknown' : worst;
  return { verdict, findings, fired: new Set(findings.map((f) => f.code)) };
}
