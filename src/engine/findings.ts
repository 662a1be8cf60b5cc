/** Turns knowledge-base rules and the engine's own checks into localized findings. */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Evidence, Lang, Localized, Severity } from '../kb/schema.js';
import type { Finding, FindingSource, ReferenceLink } from './report.js';

/** The texts a KB rule, interaction or within-limits entry carries. */
export interface RuleTexts {
  title: Localized;
  explanation: Localized;
  advice: Localized;
  patient: Localized;
  evidence: Evidence;
  references: string[];
}

export type Placeholders = Record<string, string>;

export function fill(text: string, values: Placeholders): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function referenceLinks(kb: KnowledgeBase, ids: readonly string[]): ReferenceLink[] {
  return ids.flatMap((id) => {
    const r = kb.references.get(id);
    return r ? [{ title: r.title, url: r.url }] : [];
  });
}

export function ruleFinding(
  kb: KnowledgeBase,
  lang: Lang,
  code: string,
  severity: Severity,
  texts: RuleTexts,
  source: FindingSource,
  values: Placeholders = {},
): Finding {
  return {
    code,
    severity,
    title: fill(texts.title[lang], values),
    explanation: fill(texts.explanation[lang], values),
    advice: fill(texts.advice[lang], values),
    patient: fill(texts.patient[lang], values),
    evidence: {
      level: texts.evidence.level,
      certainty: texts.evidence.certainty,
      summary: texts.evidence.summary[lang],
    },
    references: referenceLinks(kb, texts.references),
    source,
  };
}

/** A finding of the engine itself (not recognised, dose not checked, …). */
export function systemFinding(
  code: string,
  severity: Severity,
  texts: { title: string; explanation: string; advice: string; patient: string; evidence: string },
  source: FindingSource,
  references: ReferenceLink[],
): Finding {
  return {
    code,
    severity,
    title: texts.title,
    explanation: texts.explanation,
    advice: texts.advice,
    patient: texts.patient,
    evidence: { level: 'none', summary: texts.evidence },
    references,
    source,
  };
}

/** The code of a substance's "within the limits" finding. */
export const withinLimitsCode = (substanceId: string): string => `${substanceId}.within-limits`;
