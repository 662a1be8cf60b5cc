/** Why a FHIR resource could not be read, in the language of the answer. */
import type { Lang } from '../kb/schema.js';
import { LIST_LIMITS } from '../list-limits.js';

export type UnreadableCode = 'invalid' | 'no-medication' | 'medication-not-found' | 'medication-without-name' | 'too-long';

export interface Unreadable {
  code: UnreadableCode;
  /** The field, or the reference, concerned. */
  detail?: string;
}

const TEXTS: Record<Lang, Record<UnreadableCode, (detail: string) => string>> = {
  en: {
    invalid: (d) => `The resource is not valid FHIR R4 (${d}), so it was not read.`,
    'no-medication': () => 'The resource names no medication (no medicationCodeableConcept or medicationReference).',
    'medication-not-found': (d) => `The Medication it refers to (${d}) is neither contained nor in the bundle, and the reference has no display name.`,
    'medication-without-name': () => 'The medication has no code DialySafe knows and no name or text.',
    'too-long': () => `The line written from it would be longer than ${LIST_LIMITS.lineLength} characters.`,
  },
  nl: {
    invalid: (d) => `De resource is geen geldige FHIR R4 (${d}) en is dus niet gelezen.`,
    'no-medication': () => 'De resource noemt geen geneesmiddel (geen medicationCodeableConcept of medicationReference).',
    'medication-not-found': (d) => `Het Medication waarnaar ze verwijst (${d}) zit er niet in en niet in de bundel, en de verwijzing heeft geen naam.`,
    'medication-without-name': () => 'Het geneesmiddel heeft geen code die DialySafe kent en geen naam of tekst.',
    'too-long': () => `De regel die ervan gemaakt zou worden is langer dan ${LIST_LIMITS.lineLength} tekens.`,
  },
};

export function unreadableText(u: Unreadable, lang: Lang): string {
  return TEXTS[lang][u.code](u.detail ?? '');
}
