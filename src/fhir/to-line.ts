/**
 * One MedicationRequest or MedicationStatement → one line intake reads reliably: the medication's
 * name, the structured dose and timing in intake's notation ("300 mg 3 x per day oral"), and
 * "prescribed" for an order. A resource that cannot be read becomes a line "not checked" with
 * the reason, never a line left out.
 */
import type { z } from 'zod';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang } from '../kb/schema.js';
import { LIST_LIMITS, lineLength } from '../list-limits.js';
import { dosageWords, type DosageWords } from './dosage.js';
import { medicationName, type MedicationSource } from './medication.js';
import {
  dosage as dosageSchema,
  medication as medicationSchema,
  medicationRequest,
  medicationStatement,
  type Dosage,
  type Medication,
  type MedicationType,
} from './resources.js';
import type { Unreadable } from './texts.js';

export interface FhirSource {
  resourceType: MedicationType;
  id?: string;
  /** The bundle entry's fullUrl, when the resource has no id of its own. */
  fullUrl?: string;
}

export type TextPart = 'medication' | 'dosage';

export interface FhirLine {
  source: FhirSource;
  /** The line intake reads; absent when the resource could not be read. */
  line?: string;
  /**
   * "structured": written from codes and structured fields only; "text": some of it is the
   * sender's free text (`textUsed` says which part); "none": the resource could not be read.
   */
  read: 'structured' | 'text' | 'none';
  textUsed: TextPart[];
  unreadable?: Unreadable;
  /** The resource's status (active, draft, stopped, …), for callers that filter on it. */
  status?: string;
}

/** Intents that make a MedicationRequest a prescription. */
const PRESCRIBING_INTENTS = new Set(['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'plan']);
/**
 * "prescribed" means a prescription the care team already manages, which some KB rules treat more
 * mildly (magnesium for a measured low level). An order still being written is the decision under
 * review: it gets the full verdict.
 */
const STANDING_STATUSES = new Set(['active', 'on-hold', 'completed']);

/** Finds the Medication a reference points to, in the bundle the resource came from. */
export type MedicationLookup = (reference: string) => Medication | undefined;

/** The label of a resource in messages: "MedicationRequest/medrx0301". */
export function label(source: FhirSource): string {
  return source.id ? `${source.resourceType}/${source.id}` : (source.fullUrl ?? source.resourceType);
}

function where(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  return first ? `${first.path.map(String).join('.') || 'resource'}: ${first.message}` : 'resource';
}

function containedMedication(contained: readonly unknown[] | undefined, reference: string): Medication | undefined {
  if (!reference.startsWith('#')) return undefined;
  for (const c of contained ?? []) {
    const parsed = medicationSchema.safeParse(c);
    if (parsed.success && parsed.data.id === reference.slice(1)) return parsed.data;
  }
  return undefined;
}

function dosageOf(raw: unknown): Dosage {
  const parsed = dosageSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A dosage whose structure is broken still has its words, when it has any.
  const text = (raw as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? { text } : {};
}

/** A strength written in a name taken from text is dropped when the dose itself is an amount ("300 mg"). */
function withoutStrength(name: string, strength: string): string {
  return name.replace(strength, ' ').replace(/\s+/g, ' ').trim();
}

export function medicationLine(resource: unknown, fullUrl: string | undefined, lookUp: MedicationLookup, kb: KnowledgeBase, lang: Lang): FhirLine {
  const type = (resource as { resourceType?: unknown }).resourceType === 'MedicationStatement' ? 'MedicationStatement' : 'MedicationRequest';
  const raw = resource as { id?: unknown };
  const source: FhirSource = {
    resourceType: type,
    ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
    ...(fullUrl && typeof raw.id !== 'string' ? { fullUrl } : {}),
  };
  const none = (unreadable: Unreadable, status?: string): FhirLine => ({ source, read: 'none', textUsed: [], unreadable, ...(status ? { status } : {}) });

  const parsed = type === 'MedicationStatement' ? medicationStatement.safeParse(resource) : medicationRequest.safeParse(resource);
  if (!parsed.success) return none({ code: 'invalid', detail: where(parsed.error.issues) });
  const r = parsed.data;
  const status = r.status;
  const request = r.resourceType === 'MedicationRequest' ? r : undefined;
  const rawDosages: unknown[] = (r.resourceType === 'MedicationStatement' ? r.dosage : request?.dosageInstruction) ?? [];

  const reference = r.medicationReference?.reference?.trim();
  const med: MedicationSource = {
    concept: r.medicationCodeableConcept,
    medication: reference ? (containedMedication(r.contained, reference) ?? lookUp(reference)) : undefined,
    display: r.medicationReference?.display,
  };
  if (!med.concept && !med.medication && !med.display) {
    return none(reference ? { code: 'medication-not-found', detail: reference } : { code: 'no-medication' }, status);
  }
  const name = medicationName(med, kb, lang);
  if (!name) return none({ code: 'medication-without-name' }, status);

  const ordered = rawDosages.map(dosageOf).map((d, i) => ({ d, i })).sort((a, b) => (a.d.sequence ?? 0) - (b.d.sequence ?? 0) || a.i - b.i);
  const words: DosageWords[] = ordered.map(({ d }) => dosageWords(d, name.perUnit)).filter((w) => w.text.length > 0);

  // "Gabapentin 300 MG Oral Capsule" with a dose of "300 mg": one strength on the line, not two.
  const shownName = name.strengthInName && words.some((w) => w.amount) ? withoutStrength(name.name, name.strengthInName) : name.name;
  const prescribed =
    request?.intent !== undefined && PRESCRIBING_INTENTS.has(request.intent) && STANDING_STATUSES.has(request.status ?? '');
  const line = [shownName, words.map((w) => w.text).join(' + '), prescribed ? 'prescribed' : ''].filter(Boolean).join(' ');

  if (lineLength(line) > LIST_LIMITS.lineLength) return none({ code: 'too-long' }, status);
  const textUsed: TextPart[] = [
    ...(!name.byCode || name.formFromText || (name.perUnitFromText && words.some((w) => w.perUnitUsed)) ? (['medication'] as const) : []),
    ...(words.some((w) => w.fromText) ? (['dosage'] as const) : []),
  ];
  return { source, line, read: textUsed.length > 0 ? 'text' : 'structured', textUsed, ...(status ? { status } : {}) };
}
