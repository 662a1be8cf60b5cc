/**
 * The name a medication resource gets on its line: the knowledge base's own name for the entry
 * its RxNorm or ATC code names (with the salt or form when the text names one), else the sender's
 * text or display. Also the strength of one tablet or capsule, for doses counted in units.
 */
import type { z } from 'zod';
import { parseLine } from '../intake/parse-line.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { namePieces } from '../kb/names.js';
import type { Lang, Product, Substance } from '../kb/schema.js';
import { resolveLine } from '../resolve/resolve.js';
import { entriesForCoding, entryForCodings, type CodeTarget } from './kb-codes.js';
import { quantityWords } from './quantity.js';
import type { codeableConcept, Medication } from './resources.js';

type CodeableConcept = z.infer<typeof codeableConcept>;

export interface MedicationName {
  name: string;
  /** Named from a code: the knowledge base's own name, not the sender's words. */
  byCode: boolean;
  /** The strength of one tablet or capsule ("300 mg"), for a dose counted in units. */
  perUnit?: string;
  /** The strength came from the sender's words rather than from Medication.ingredient. */
  perUnitFromText?: boolean;
  /** The salt or form was taken from the sender's words ("quinine sulfate"): the code names only the substance. */
  formFromText?: boolean;
  /** A strength written in a name taken from text ("Gabapentin 300 MG Oral Capsule"). */
  strengthInName?: string;
}

/** What a resource says its medicine is: a concept, a Medication, and the display of its reference. */
export interface MedicationSource {
  concept?: CodeableConcept | undefined;
  medication?: Medication | undefined;
  display?: string | undefined;
}

/**
 * SNOMED CT displays end in their semantic tag ("Azithromycin 250mg capsule (product)"); on a
 * line it is a word intake cannot place, which stops the dose check.
 */
const SEMANTIC_TAG = /\s*\((?:product|medicinal product|medicinal product form|clinical drug|real clinical drug|substance|qualifier value|physical object)\)\s*$/i;

export function cleanDisplay(text: string | undefined): string | undefined {
  const t = text?.replace(SEMANTIC_TAG, '').trim();
  return t ? t : undefined;
}

const contains = (haystack: string[], needle: string[]) =>
  needle.length > 0 && haystack.some((_, i) => needle.every((p, j) => haystack[i + j] === p));

/** The form of a substance the sender's words name ("quinine sulfate 324 MG", "magnesium oxide"). */
function namedForm(substance: Substance, texts: string[]) {
  const pieces = texts.map(namePieces);
  const mentions = (name: string) => pieces.some((p) => contains(p, namePieces(name)));
  return (
    substance.forms.find((f) => [f.name.en, f.name.nl, ...f.names].some(mentions)) ??
    substance.forms.find((f) => f.qualifiers.some(mentions))
  );
}

/** Names are written so the line is read back as the same entry; checked once per entry and language. */
const verified = new WeakMap<KnowledgeBase, Map<string, string | null>>();

function readsAs(kb: KnowledgeBase, name: string, target: CodeTarget, formId: string | undefined): boolean {
  const item = resolveLine(0, name, kb, {});
  const [match] = item.matches;
  if (item.matches.length !== 1 || !match || match.target.kind !== target.kind || match.target.id !== target.id) return false;
  return formId === undefined || item.ingredients.some((i) => i.form?.id === formId);
}

function entryName(kb: KnowledgeBase, target: CodeTarget, lang: Lang, texts: string[]): { name: string; formFromText: boolean } | undefined {
  const entry: Substance | Product | undefined = target.kind === 'substance' ? kb.substances.get(target.id) : kb.products.get(target.id);
  if (!entry) return undefined;
  const form = 'forms' in entry ? namedForm(entry, texts) : undefined;
  const key = `${target.kind}:${target.id}:${form?.id ?? ''}:${lang}`;
  let cache = verified.get(kb);
  if (!cache) verified.set(kb, (cache = new Map()));
  let name = cache.get(key);
  if (name === undefined) {
    const candidates = form ? [form.name[lang], form.name.en, form.name.nl, ...form.names] : [entry.name[lang], entry.name.en, entry.name.nl, ...entry.names];
    name = candidates.find((n) => readsAs(kb, n, target, form?.id)) ?? null;
    cache.set(key, name);
  }
  return name === null ? undefined : { name, formFromText: form !== undefined };
}

const activeIngredients = (m: Medication | undefined) => (m?.ingredient ?? []).filter((i) => i.isActive !== false);

/** Each active ingredient coded to a different substance: "Amoxicillin + Clavulanic acid". */
function ingredientNames(kb: KnowledgeBase, m: Medication | undefined, lang: Lang): { name: string; formFromText: boolean } | undefined {
  const ingredients = activeIngredients(m);
  if (ingredients.length === 0) return undefined;
  const targets = ingredients.map((i) => entryForCodings(kb, i.itemCodeableConcept?.coding ?? []));
  if (targets.some((t) => t?.kind !== 'substance')) return undefined;
  const ids = [...new Set(targets.map((t) => t?.id ?? ''))];
  const texts = ingredients.map((i) => i.itemCodeableConcept?.text ?? '');
  const names = ids.map((id) => entryName(kb, { kind: 'substance', id }, lang, texts));
  return names.every((n) => n !== undefined) ? { name: names.map((n) => n.name).join(' + '), formFromText: names.some((n) => n.formFromText) } : undefined;
}

/** A Medication known only by its ingredients' names: "Clinimix … + Intralipid 20% IV Fat Emulsion". */
function ingredientDisplays(m: Medication | undefined): string | undefined {
  const names = activeIngredients(m).map((i) => cleanDisplay(i.itemCodeableConcept?.text) ?? (i.itemCodeableConcept?.coding ?? []).map((c) => cleanDisplay(c.display)).find(Boolean) ?? cleanDisplay(i.itemReference?.display));
  return names.length > 0 && names.every(Boolean) ? names.join(' + ') : undefined;
}

/** "300 mg" per tablet, from the one active ingredient's strength (a ratio per one unit). */
function ingredientStrength(m: Medication | undefined): string | undefined {
  const withStrength = activeIngredients(m).filter((i) => i.strength?.numerator);
  const [only] = withStrength;
  if (withStrength.length !== 1 || !only?.strength) return undefined;
  const n = quantityWords(only.strength.numerator);
  const d = only.strength.denominator;
  if (!n || n.unit.count || (d && d.value !== undefined && d.value !== 1)) return undefined;
  return n.text;
}

function textStrength(text: string): string | undefined {
  const parsed = parseLine(text);
  return parsed.strength && !parsed.concentration ? parsed.strength.text : undefined;
}

export function medicationName(source: MedicationSource, kb: KnowledgeBase, lang: Lang): MedicationName | undefined {
  const concept = source.medication?.code ?? source.concept;
  const texts = [concept?.text, ...(concept?.coding ?? []).map((c) => c.display), source.display].map(cleanDisplay).filter((t): t is string => t !== undefined);
  const target = entryForCodings(kb, concept?.coding ?? []);
  const fromIngredients = target ? undefined : ingredientNames(kb, source.medication, lang);
  const coded = target ? entryName(kb, target, lang, texts) : fromIngredients;
  const strength = ingredientStrength(source.medication);
  if (coded) {
    // A product's strength is in the knowledge base; a substance's comes from the resource.
    const textual = !strength && target?.kind === 'substance' ? texts.map(textStrength).find(Boolean) : undefined;
    const perUnit = target?.kind === 'product' ? undefined : (strength ?? textual);
    return { name: coded.name, byCode: true, formFromText: coded.formFromText, ...(perUnit ? { perUnit, perUnitFromText: !strength } : {}) };
  }
  const name = cleanDisplay(concept?.text) ?? (concept?.coding ?? []).map((c) => cleanDisplay(c.display)).find(Boolean) ?? cleanDisplay(source.display) ?? ingredientDisplays(source.medication);
  if (!name) return undefined;
  const inName = textStrength(name);
  return { name, byCode: false, ...(strength && !inName ? { perUnit: strength } : {}), ...(inName ? { strengthInName: inName } : {}) };
}

/** Whether any coding of the concept names a knowledge-base entry (for allergy lines). */
export function codedEntryName(concept: CodeableConcept | undefined, kb: KnowledgeBase, lang: Lang): string | undefined {
  const codings = concept?.coding ?? [];
  if (!codings.some((c) => entriesForCoding(kb, c).length > 0)) return undefined;
  const target = entryForCodings(kb, codings);
  return target ? entryName(kb, target, lang, [concept?.text ?? ''])?.name : undefined;
}
