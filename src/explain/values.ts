/** The engine's numbers in words: amounts, limits and the values a knowledge-base text's placeholders take. */
import type { Amount, DoseValue, FindingValues } from '../engine/assessment.js';
import type { ContextMetrics } from '../engine/context-metrics.js';
import { formatAmount, formatLines, formatNumber, formatPercent } from '../i18n/format.js';
import type { DisplayUnit } from '../i18n/en.js';
import { messages } from '../i18n/index.js';
import { asWritten, genericName, type Name } from '../i18n/name.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang, Quantity, Rule, Substance } from '../kb/schema.js';
import type { Patient } from '../patient.js';

/** A placeholder's words; a name takes the form its place in the sentence asks for. */
export type Placeholders = Record<string, string | Name>;

/** The end of a sentence, just before a placeholder: a full stop, question or exclamation mark, and perhaps a closing quote or bracket. */
const SENTENCE_END = /[.!?]["'”’)]?$/;
const OPENING = /[“‘"'(\[]+$/;

export function fill(text: string, values: Placeholders): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string, offset: number) => {
    const value = values[key];
    if (value === undefined || typeof value === 'string') return value ?? whole;
    // An opening quote or bracket before the name does not move the start of the sentence ("“{a} is…").
    const before = text.slice(0, offset).replace(OPENING, '').trimEnd();
    return before === '' || SENTENCE_END.test(before) ? value.start : value.inSentence;
  });
}

/** "415 mg quinine base", "1,000 IU". */
export function describeAmount(span: { low: number; high: number; unit: DisplayUnit }, substance: Substance | undefined, lang: Lang): string {
  return formatAmount(span.low, span.high, span.unit, lang, substance?.measure?.of[lang]);
}

/** The dose a limit was compared with, saying which dose when it is not simply per day. */
export function describeDose(dose: DoseValue, substance: Substance | undefined, lang: Lang): string {
  const m = messages(lang);
  const amount = describeAmount(dose, substance, lang);
  // A rule on the maintenance dose says so in its own words ("a maintenance dose of {dose}").
  if (dose.basis === 'dosing-day') return `${amount} ${m.onDosingDays}`;
  return amount;
}

export function describeLimit(limit: Quantity, substance: Substance | undefined, lang: Lang): string {
  return describeAmount({ low: limit.amount, high: limit.amount, unit: limit.unit }, substance, lang);
}

/** "Quinine: more than 250 mg quinine base per day" for each dose rule, as a "dose not checked" finding lists them. */
export function describeLimits(rules: readonly Rule[], substance: Substance, lang: Lang): string {
  const m = messages(lang);
  return rules
    .flatMap((r) => [
      r.when.dailyDoseAbove && `${r.title[lang]} (> ${describeLimit(r.when.dailyDoseAbove, substance, lang)} ${m.perDay})`,
      r.when.singleDoseAbove && `${r.title[lang]} (> ${describeLimit(r.when.singleDoseAbove, substance, lang)})`,
      r.when.sessionDoseAbove && `${r.title[lang]} (> ${describeLimit(r.when.sessionDoseAbove, substance, lang)} ${m.perSessionWord})`,
    ])
    .filter((s): s is string => Boolean(s))
    .join('; ');
}

export function substanceName(kb: KnowledgeBase, id: string | undefined, lang: Lang): string {
  return (id && kb.substances.get(id)?.name[lang]) ?? id ?? '';
}

/** A knowledge-base entry's name for running text, as it opens a sentence and inside one; the id as written when there is no entry. */
export function entryNameForms(entry: Pick<Substance, 'name' | 'inSentence'> | undefined, id: string, lang: Lang): Name {
  return entry ? genericName(entry.name[lang], entry.inSentence?.[lang]) : asWritten(id);
}

/** A substance's name for running text: as it opens a sentence, and inside one. */
export function substanceNameForms(kb: KnowledgeBase, id: string | undefined, lang: Lang): Name {
  return entryNameForms(id ? kb.substances.get(id) : undefined, id ?? '', lang);
}

/** The values a rule's, interaction's or total's texts take: {dose}, {limit}, {a}, {b}, {lines}. */
export function placeholders(values: FindingValues, kb: KnowledgeBase, lang: Lang): Placeholders {
  const substance = values.substance ? kb.substances.get(values.substance) : undefined;
  const out: Placeholders = {};
  if (values.dose) out.dose = describeDose(values.dose, substance, lang);
  else out.dose = messages(lang).doseNotStated;
  if (values.limit) out.limit = describeLimit(values.limit, substance, lang);
  if (values.partners) {
    out.a = substanceNameForms(kb, values.partners[0], lang);
    out.b = substanceNameForms(kb, values.partners[1], lang);
  }
  if (values.lines) out.lines = formatLines(values.lines, lang);
  return out;
}

/** The values a context rule's texts take, from the patient's context and what was worked out of it. */
export function contextPlaceholders(metrics: ContextMetrics, patient: Patient, lang: Lang): Placeholders {
  const u = messages(lang).units;
  const n = (v: number) => formatNumber(v, lang);
  const values: Placeholders = {};
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

/** "Added up over lines 1 and 2: 120 mg per day. ", before the text of a total's finding. */
export function totalPrefix(values: FindingValues, total: Amount, kb: KnowledgeBase, lang: Lang): string {
  const m = messages(lang);
  const substance = values.substance ? kb.substances.get(values.substance) : undefined;
  const dose = describeAmount(total, substance, lang);
  return values.unread && values.unread.length > 0
    ? m.system.total.partialPrefix(formatLines(values.counted ?? [], lang), dose)
    : m.system.total.prefix(formatLines(values.lines ?? [], lang), dose);
}
