/** View models for the browsable knowledge base: the index, coverage, monographs, interactions. */
import { explainRule, type RuleTexts } from '../explain/texts.js';
import { describeLimit, entryNameForms, fill, type Placeholders } from '../explain/values.js';
import { asWritten, type Name } from '../i18n/name.js';
import type { DisplayUnit } from '../i18n/en.js';
import { formatAmount, formatNumber } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { nameKey } from '../kb/names.js';
import { namesOf, partyIncludes, withinLimitsCode } from '../kb/queries.js';
import type { ContextCondition, ContextRule, DrugClass, Interaction, Lang, Localized, Party, Product, Rule, RuleCondition, Substance } from '../kb/schema.js';
import { findingView } from './report-view.js';

type Entry = { kind: 'substance'; entry: Substance } | { kind: 'product'; entry: Product } | { kind: 'class'; entry: DrugClass };

export function findEntry(kb: KnowledgeBase, id: string): Entry | undefined {
  const s = kb.substances.get(id);
  if (s) return { kind: 'substance', entry: s };
  const p = kb.products.get(id);
  if (p) return { kind: 'product', entry: p };
  const c = kb.classes.get(id);
  if (c) return { kind: 'class', entry: c };
  return undefined;
}

const byName = (lang: Lang) => (a: { name: Record<Lang, string> }, b: { name: Record<Lang, string> }) =>
  a.name[lang].localeCompare(b.name[lang], lang);

/** What a filter on the index matches: every name an entry answers to, without case or accents. */
function filterKey(entry: Substance | Product | DrugClass, lang: Lang): string {
  const names = 'names' in entry ? namesOf(entry).map((n) => n.name) : [entry.name.en, entry.name.nl];
  return names.map((n) => n.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()).join(' | ') + ` ${entry.name[lang]}`.toLowerCase();
}

/** The index, optionally filtered by what was typed in its filter box (the page filters as you type with JavaScript, and on submit without). */
export function kbIndexView(kb: KnowledgeBase, lang: Lang, query = '') {
  const q = query.trim().normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().slice(0, 60);
  const keep = <T extends { filter: string }>(xs: T[]) => (q ? xs.filter((x) => x.filter.includes(q)) : xs);
  const reviewed = [...kb.substances.values()].filter((s) => s.review === 'full').sort(byName(lang));
  const partners = [...kb.substances.values()].filter((s) => s.review !== 'full').sort(byName(lang));
  return {
    query,
    reviewed: keep(reviewed.map((s) => ({ id: s.id, name: s.name[lang], verdict: s.verdictInDialysis, filter: filterKey(s, lang) }))),
    partners: keep(partners.map((s) => ({ id: s.id, name: s.name[lang], classes: (kb.classesOf.get(s.id) ?? []).map((c) => kb.classes.get(c)?.name[lang] ?? c), filter: filterKey(s, lang) }))),
    products: keep([...kb.products.values()].sort(byName(lang)).map((p) => ({ id: p.id, name: p.name[lang], filter: filterKey(p, lang) }))),
    classes: keep([...kb.classes.values()].sort(byName(lang)).map((c) => ({ id: c.id, name: c.name[lang], members: (kb.classMembers.get(c.id) ?? []).length, filter: filterKey(c, lang) }))),
    interactionCount: kb.interactions.length,
  };
}

function partyName(kb: KnowledgeBase, party: Party, lang: Lang): { id: string; forms: Name } {
  const id = 'substance' in party ? party.substance : party.class;
  const entry = 'substance' in party ? kb.substances.get(party.substance) : kb.classes.get(party.class);
  return { id, forms: entryNameForms(entry, id, lang) };
}

/** A tag in words, from the knowledge base (the integrity check makes sure every tag has them). */
const tagWords = (kb: KnowledgeBase, t: string, lang: Lang) => kb.meta.tags[t]?.[lang] ?? t;

function conditionTexts(when: RuleCondition, substance: Substance | undefined, kb: KnowledgeBase, lang: Lang): string[] {
  const m = messages(lang);
  const c = m.ui.kb.conditions;
  const tag = (t: string) => tagWords(kb, t, lang);
  const amount = (q: { amount: number; unit: DisplayUnit }) => formatAmount(q.amount, q.amount, q.unit, lang, substance?.measure?.of[lang]);
  const out: string[] = [];
  if (when.route) out.push(c.route(m.reading[when.route]));
  if (when.tags) out.push(c.tags(when.tags.map(tag).join(' / ')));
  if (when.notTags) out.push(c.notTags(when.notTags.map(tag).join(' / ')));
  if (when.modality) out.push(c.modality(when.modality.map((x) => m.ui.form.modalities[x]).join(', ')));
  if (when.dailyDoseAbove) {
    const basis = when.doseBasis === 'average' ? c.averaged : when.doseBasis === 'maintenance' ? c.maintenance : c.onDosingDays;
    out.push(c.dailyDoseAbove(amount(when.dailyDoseAbove), basis));
  }
  if (when.singleDoseAbove) out.push(c.singleDoseAbove(amount(when.singleDoseAbove)));
  if (when.sessionDoseAbove) out.push(c.sessionDoseAbove(amount(when.sessionDoseAbove)));
  return out;
}

/**
 * A rule's placeholders in words for a page that shows the rule itself, not a line: the limit it
 * sets, the two parties of an interaction, and what the dose or a context value will be.
 */
function placeholderWords(rule: Pick<Rule, 'when'>, substance: Substance | undefined, lang: Lang, parties?: { a: Name; b: Name }): Placeholders {
  const words: Placeholders = { ...messages(lang).ui.kb.placeholders };
  const limit = rule.when.dailyDoseAbove ?? rule.when.singleDoseAbove ?? rule.when.sessionDoseAbove;
  if (limit) words.limit = describeLimit(limit, substance, lang);
  if (parties) Object.assign(words, parties);
  return words;
}

function ruleView(kb: KnowledgeBase, rule: RuleTexts & { code: string; severity: Rule['severity']; when: Rule['when'] }, substance: Substance | undefined, lang: Lang, sourceId: string, parties?: { a: Name; b: Name }) {
  const finding = findingView(
    { code: rule.code, severity: rule.severity, ...explainRule(rule, placeholderWords(rule, substance, lang, parties), kb, lang), source: { kind: 'substance', id: sourceId } },
    lang,
  );
  const when = conditionTexts(rule.when, substance, kb, lang);
  return { ...finding, when: when.length > 0 ? when.join('; ') : messages(lang).ui.kb.always };
}

function contextConditionTexts(when: ContextCondition, kb: KnowledgeBase, lang: Lang): string[] {
  const m = messages(lang);
  const c = m.ui.kb.conditions;
  const out: string[] = [];
  if (when.modality) out.push(c.modality(when.modality.map((x) => m.ui.form.modalities[x]).join(', ')));
  for (const metric of when.metrics ?? []) {
    const name = m.ui.kb.metrics[metric.metric];
    if (metric.above !== undefined) out.push(`${name} > ${formatNumber(metric.above, lang)}`);
    if (metric.atLeast !== undefined) out.push(`${name} ≥ ${formatNumber(metric.atLeast, lang)}`);
    if (metric.below !== undefined) out.push(`${name} < ${formatNumber(metric.below, lang)}`);
    if (metric.atMost !== undefined) out.push(`${name} ≤ ${formatNumber(metric.atMost, lang)}`);
  }
  if (when.anticoagulation) out.push(`${m.ui.form.anticoagulation}: ${when.anticoagulation.map((a) => m.ui.form.anticoagulations[a]).join(', ')}`);
  const yesNo = (v: boolean) => (v ? m.ui.form.yes : m.ui.form.no);
  if (when.diabetes !== undefined) out.push(`${m.ui.form.diabetes}: ${yesNo(when.diabetes)}`);
  if (when.belowTargetWeight !== undefined) out.push(`${m.ui.form.belowTargetWeight}: ${yesNo(when.belowTargetWeight)}`);
  if (when.crampsAtHome !== undefined) out.push(`${m.ui.form.crampsAtHome}: ${yesNo(when.crampsAtHome)}`);
  if (when.list) {
    const what = when.list.substance ? kb.substances.get(when.list.substance)?.name[lang] : when.list.class ? kb.classes.get(when.list.class)?.name[lang] : tagWords(kb, when.list.tag ?? '', lang);
    out.push(c.listHas(what ?? ''));
  }
  return out;
}

export function contextRuleView(kb: KnowledgeBase, rule: ContextRule, lang: Lang) {
  const view = ruleView(kb, { ...rule, when: {} }, undefined, lang, rule.code);
  return { ...view, when: contextConditionTexts(rule.when, kb, lang).join('; ') || messages(lang).ui.kb.always };
}

export function interactionView(kb: KnowledgeBase, x: Interaction, lang: Lang) {
  const [a, b] = x.between.map((p) => partyName(kb, p, lang));
  const parties = { a: a?.forms ?? asWritten(''), b: b?.forms ?? asWritten('') };
  const view = ruleView(kb, { ...x, when: {} }, undefined, lang, x.code, parties);
  const shown = (p: typeof a) => p && { id: p.id, name: p.forms.start };
  const words = placeholderWords({ when: {} }, undefined, lang, parties);
  const said = (text: Localized | undefined) => text && fill(text[lang], words);
  const keep = x.keep && { advice: said(x.keep.advice), patient: said(x.keep.patient) };
  return { ...view, a: shown(a), b: shown(b), actOn: x.actOn === 'first' ? a?.forms.start : x.actOn === 'second' ? b?.forms.start : undefined, keep };
}

/** Names as a reader wants them listed: each spelling once, whatever its case or accents. */
function distinctNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = nameKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function refs(kb: KnowledgeBase, ids: string[]) {
  return [...new Set(ids)].flatMap((id) => {
    const r = kb.references.get(id);
    return r ? [r] : [];
  });
}

function involves(kb: KnowledgeBase, x: Interaction, substance: Substance): boolean {
  return x.between.some((p) => partyIncludes(p, substance, kb.classesOf));
}

export function substanceView(kb: KnowledgeBase, s: Substance, lang: Lang) {
  return {
    kind: 'substance' as const,
    id: s.id,
    name: s.name[lang],
    otherName: s.name[lang === 'en' ? 'nl' : 'en'],
    review: s.review,
    verdict: s.verdictInDialysis,
    summary: s.summary[lang],
    reviewedOn: s.reviewedOn,
    names: distinctNames([s.name.en, s.name.nl, ...s.names]),
    measure: s.measure ? `${messages(lang).units[s.measure.unit]} ${s.measure.of[lang]}` : undefined,
    forms: s.forms.map((f) => ({
      name: f.name[lang],
      names: distinctNames([f.name.en, f.name.nl, ...f.names]),
      isDefault: f.id === s.defaultForm,
      note: f.note?.[lang],
    })),
    leaflet: s.leafletVersusCurrent.map((c) => ({ leaflet: c.leaflet[lang], current: c.current[lang], references: refs(kb, c.references) })),
    rules: s.rules.map((r) => ruleView(kb, r, s, lang, s.id)),
    withinLimits: s.withinLimits ? ruleView(kb, { ...s.withinLimits, code: withinLimitsCode(s.id), severity: 'info', when: {} }, s, lang, s.id) : undefined,
    classes: (kb.classesOf.get(s.id) ?? []).map((c) => ({ id: c, name: kb.classes.get(c)?.name[lang] ?? c })),
    products: [...kb.products.values()].filter((p) => p.ingredients.some((i) => i.substance === s.id)).map((p) => ({ id: p.id, name: p.name[lang] })),
    interactions: kb.interactions.filter((x) => involves(kb, x, s)).map((x) => interactionView(kb, x, lang)),
    references: refs(kb, [...s.references, ...s.rules.flatMap((r) => r.references)]),
  };
}

export function productView(kb: KnowledgeBase, p: Product, lang: Lang) {
  const m = messages(lang);
  return {
    kind: 'product' as const,
    id: p.id,
    name: p.name[lang],
    summary: p.summary[lang],
    reviewedOn: p.reviewedOn,
    names: distinctNames([p.name.en, p.name.nl, ...p.names]),
    per: m.ui.kb.per(m.units[p.per]),
    ingredients: p.ingredients.map((i) => {
      const s = kb.substances.get(i.substance);
      const amount = i.amount
        ? 'amount' in i.amount
          ? formatAmount(i.amount.amount, i.amount.amount, i.amount.unit, lang, s?.measure?.of[lang])
          : formatAmount(i.amount.low, i.amount.high, i.amount.unit, lang, s?.measure?.of[lang])
        : m.ui.kb.amountUnknown;
      return { id: i.substance, name: s?.name[lang] ?? i.substance, form: s?.forms.find((f) => f.id === i.form)?.name[lang], amount, note: i.amountNote?.[lang] };
    }),
    rules: p.rules.map((r) => ruleView(kb, r, undefined, lang, p.id)),
    references: refs(kb, [...p.references, ...p.rules.flatMap((r) => r.references)]),
  };
}

export function classView(kb: KnowledgeBase, c: DrugClass, lang: Lang) {
  return {
    kind: 'class' as const,
    id: c.id,
    name: c.name[lang],
    summary: c.description[lang],
    reviewedOn: c.reviewedOn,
    members: (kb.classMembers.get(c.id) ?? []).map((id) => ({ id, name: kb.substances.get(id)?.name[lang] ?? id })).sort((a, b) => a.name.localeCompare(b.name, lang)),
    interactions: kb.interactions.filter((x) => x.between.some((p) => 'class' in p && p.class === c.id)).map((x) => interactionView(kb, x, lang)),
    references: refs(kb, c.references),
  };
}
