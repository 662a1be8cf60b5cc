/**
 * The words of a finding: from the knowledge-base entry it rests on, with its placeholders filled,
 * or from the catalogue of the engine's own checks. The KB pages explain a rule with the same code.
 */
import type { Assessment, Basis, Finding as Assessed } from '../engine/assessment.js';
import { formatLines } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Evidence, Lang, Localized, Route } from '../kb/schema.js';
import { LIST_LIMITS } from '../list-limits.js';
import type { Finding, ReferenceLink } from './report.js';
import { contextPlaceholders, describeLimits, fill, placeholders, substanceName, substanceNameForms, type Placeholders } from './values.js';

/** The texts a KB rule, interaction, context rule or within-limits entry carries. */
export interface RuleTexts {
  title: Localized;
  explanation: Localized;
  advice: Localized;
  patient: Localized;
  evidence: Evidence;
  references: string[];
}

export type FindingTexts = Pick<Finding, 'title' | 'explanation' | 'advice' | 'patient' | 'evidence' | 'references'>;

export function referenceLinks(kb: KnowledgeBase, ids: readonly string[]): ReferenceLink[] {
  return [...new Set(ids)].flatMap((id) => {
    const r = kb.references.get(id);
    return r ? [{ title: r.title, url: r.url }] : [];
  });
}

export function evidenceOf(e: Evidence, lang: Lang): Finding['evidence'] {
  const m = messages(lang);
  return { level: e.level, certainty: e.certainty, summary: e.summary[lang], levelLabel: m.evidenceLevels[e.level], certaintyLabel: m.certainty[e.certainty] };
}

function systemEvidence(summary: string, lang: Lang): Finding['evidence'] {
  return { level: 'none', summary, levelLabel: messages(lang).evidenceLevels.none };
}

/** The KB texts a finding rests on. */
export function kbTexts(basis: Exclude<Basis, { kind: 'system' } | { kind: 'cramp-cause' }>, kb: KnowledgeBase): RuleTexts {
  const texts =
    basis.kind === 'rule'
      ? kb.rules.get(basis.code)
      : basis.kind === 'within-limits'
        ? kb.substances.get(basis.substance)?.withinLimits
        : basis.kind === 'interaction'
          ? kb.interactionsByCode.get(basis.code)
          : kb.contextRulesByCode.get(basis.code);
  if (!texts) throw new Error(`the knowledge base has no texts for ${basis.kind} ${'code' in basis ? basis.code : basis.substance}`);
  return texts;
}

const joined = (text: Localized, more: Localized | undefined): Localized => (more ? { en: `${text.en} ${more.en}`, nl: `${text.nl} ${more.nl}` } : text);

/**
 * An interaction's texts; with `keep`, what it tells the lines it keeps to keep taking them is
 * added to the end of its advice and patient texts (decision 017).
 */
export function interactionTexts(kb: KnowledgeBase, code: string, keep: boolean): RuleTexts {
  const x = kb.interactionsByCode.get(code);
  if (!x) throw new Error(`the knowledge base has no texts for interaction ${code}`);
  return keep && x.keep ? { ...x, advice: joined(x.advice, x.keep.advice), patient: joined(x.patient, x.keep.patient) } : x;
}

/** A KB entry's texts in one language with its placeholders filled. */
export function explainRule(texts: RuleTexts, values: Placeholders, kb: KnowledgeBase, lang: Lang): FindingTexts {
  return {
    title: fill(texts.title[lang], values),
    explanation: fill(texts.explanation[lang], values),
    advice: fill(texts.advice[lang], values),
    patient: fill(texts.patient[lang], values),
    evidence: evidenceOf(texts.evidence, lang),
    references: referenceLinks(kb, texts.references),
  };
}

/** The context's placeholders, worked out once per assessment and language rather than per finding. */
const contextValues = new WeakMap<object, Partial<Record<Lang, Placeholders>>>();

function contextOf(context: Pick<Assessment, 'metrics' | 'patient'>, lang: Lang): Placeholders {
  const byLang = contextValues.get(context.metrics) ?? {};
  const known = byLang[lang];
  if (known) return known;
  const values = contextPlaceholders(context.metrics, context.patient, lang);
  contextValues.set(context.metrics, { ...byLang, [lang]: values });
  return values;
}

export function fromKb(texts: RuleTexts, values: Assessed['values'], kb: KnowledgeBase, lang: Lang, context: Pick<Assessment, 'metrics' | 'patient'>): FindingTexts {
  return explainRule(texts, { ...contextOf(context, lang), ...placeholders(values, kb, lang) }, kb, lang);
}

export function coverageLink(lang: Lang): ReferenceLink {
  return { title: messages(lang).coverageReference, url: '/kb/coverage' };
}

function pageLink(kb: KnowledgeBase, id: string, lang: Lang): ReferenceLink {
  return { title: `DialySafe: ${substanceName(kb, id, lang)}`, url: `/kb/${id}` };
}

function routeWords(route: Route, lang: Lang): string {
  return messages(lang).reading[route];
}

/** The words of one of the engine's own checks, with its references. */
function own(words: { title: string; explanation: string; advice: string; patient: string; evidence: string }, references: ReferenceLink[], lang: Lang): FindingTexts {
  return { title: words.title, explanation: words.explanation, advice: words.advice, patient: words.patient, evidence: systemEvidence(words.evidence, lang), references };
}

/** The texts of the engine's own checks, and of a medicine named as a cause of cramps. */
export function systemTexts(f: Assessed, kb: KnowledgeBase, lang: Lang): FindingTexts {
  const m = messages(lang);
  const t = m.system;
  const v = f.values;
  const name = substanceNameForms(kb, v.substance, lang);
  const substance = v.substance ? kb.substances.get(v.substance) : undefined;
  if (f.basis.kind === 'cramp-cause') {
    const cause = substance?.causesCramps;
    const lines = formatLines(v.lines ?? [], lang);
    return {
      title: t.crampCause.title(name, lines),
      explanation: t.crampCause.explanation(cause ? m.crampFrequencies[cause.frequency] : '', cause?.mechanism[lang] ?? ''),
      advice: t.crampCause.advice(name),
      patient: t.crampCause.patient(name),
      evidence: { level: 'label', summary: t.crampCause.evidence, levelLabel: m.evidenceLevels.label },
      references: referenceLinks(kb, cause?.references ?? []),
    };
  }
  if (f.basis.kind !== 'system') throw new Error(`${f.code} is not one of the engine's own checks`);
  switch (f.basis.code) {
    case 'input.not-recognised': {
      const names = (v.suggestions ?? []).map((s) => `"${s}"`).join(` ${m.and} `);
      const x = t.notRecognised;
      return own({ title: x.title, explanation: x.explanation(v.input ?? '') + (names ? x.suggestion(names) : ''), advice: x.advice, patient: x.patient, evidence: x.evidence }, [coverageLink(lang)], lang);
    }
    case 'input.several-medicines': {
      const x = t.severalMedicines;
      const quoted = (v.names ?? []).map((n) => `"${n}"`);
      const names = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${m.and} ${quoted.at(-1)}` : (quoted[0] ?? '');
      return own({ title: x.title((v.names ?? []).length), explanation: x.explanation(names, LIST_LIMITS.medicinesPerLine), advice: x.advice, patient: x.patient, evidence: x.evidence }, [coverageLink(lang)], lang);
    }
    case 'kb.interactions-only': {
      const x = t.notReviewed;
      return own({ title: x.title(name), explanation: x.explanation(name), advice: x.advice(name), patient: x.patient, evidence: x.evidence }, [pageLink(kb, v.substance ?? '', lang), coverageLink(lang)], lang);
    }
    case 'route.not-reviewed': {
      const x = t.routeNotReviewed;
      const route = routeWords(v.route ?? 'oral', lang);
      return own({ title: x.title(name, route), explanation: x.explanation(name, route, m.routesJoin((substance?.routes ?? []).map((r) => routeWords(r, lang)))), advice: x.advice(name), patient: x.patient, evidence: x.evidence }, [pageLink(kb, v.substance ?? '', lang), coverageLink(lang)], lang);
    }
    case 'dose.not-checked': {
      const x = t.doseNotChecked;
      const rules = (v.unchecked ?? []).flatMap((code) => { const r = kb.rules.get(code); return r ? [r] : []; });
      const unlimited = v.gap === 'no-session-limit' ? x.noSessionLimit : undefined;
      // A total's reason is about its lines, not one line.
      const reason = unlimited && v.total ? unlimited.inTotal : m.gaps[v.gap ?? 'unclear-dose'];
      return own({ title: x.title(name), explanation: rules.length > 0 && substance ? x.explanation(reason, describeLimits(rules, substance, lang)) : x.unreadLine(reason), advice: unlimited?.advice ?? x.advice, patient: unlimited?.patient ?? x.patient, evidence: x.evidence }, rules.length > 0 ? referenceLinks(kb, rules.flatMap((r) => r.references)) : [pageLink(kb, v.substance ?? '', lang)], lang);
    }
    case 'total.incomplete': {
      const x = t.totalIncomplete;
      return own({ title: x.title(name), explanation: x.explanation(name, formatLines(v.lines ?? [], lang), formatLines(v.unread ?? [], lang), (v.counted ?? []).length > 0), advice: x.advice, patient: x.patient, evidence: x.evidence }, [coverageLink(lang)], lang);
    }
    case 'interaction.keep-taking':
    case 'interaction.see-line': {
      const x = f.basis.code === 'interaction.keep-taking' ? t.keepTaking : t.seeLine;
      const lines = formatLines(v.see?.lines ?? [], lang);
      const interaction = kb.interactionsByCode.get(f.source.id);
      return own({ title: x.title(name, lines), explanation: x.explanation(name, substanceNameForms(kb, v.see?.substance, lang), lines), advice: x.advice(lines), patient: x.patient(lines), evidence: x.evidence }, referenceLinks(kb, interaction?.references ?? []), lang);
    }
    case 'allergy.previous-reaction': {
      const x = t.previousReaction;
      return own({ title: x.title(name), explanation: x.explanation(name, v.allergy?.input ?? '', substanceNameForms(kb, v.allergy?.substance, lang)), advice: x.advice(name), patient: x.patient(name), evidence: x.evidence }, [pageLink(kb, v.substance ?? '', lang), ...referenceLinks(kb, substance?.references ?? [])], lang);
    }
    case 'allergy.not-recognised': {
      const x = t.allergyNotRecognised;
      const text = v.allergy?.input ?? '';
      return own({ title: x.title(text), explanation: x.explanation(text), advice: x.advice, patient: x.patient, evidence: x.evidence }, [coverageLink(lang)], lang);
    }
  }
}
