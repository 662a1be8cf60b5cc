/**
 * A FHIR body — a Bundle of any type (or none), nested Bundles (a batch-response of searchsets),
 * or one resource — read into lines: each MedicationRequest and MedicationStatement is one line,
 * in order; AllergyIntolerance becomes a previous reaction; Medication resources are looked up
 * by the lines that refer to them; every other resource is listed as ignored.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang } from '../kb/schema.js';
import { LIST_LIMITS, lineLength } from '../list-limits.js';
import { cleanDisplay, codedEntryName } from './medication.js';
import { allergyIntolerance, bundle, medication as medicationSchema, MEDICATION_TYPES, type Medication } from './resources.js';
import { medicationLine, type FhirLine } from './to-line.js';

export interface Ignored {
  resourceType: string;
  id?: string;
}

export interface FhirReading {
  lines: FhirLine[];
  /** Previous reactions, as lines intake reads (for patient.allergies). */
  allergies: string[];
  ignored: Ignored[];
}

/**
 * The largest FHIR body read: FHIR is verbose (narrative, identifiers, extensions), so a list of
 * 100 medicines with their Medication resources takes far more than the same list as lines.
 */
export const FHIR_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** How deep Bundles may nest (a batch-response of searchsets is two). */
const MAX_DEPTH = 4;
/** Resources read from one body at most: the body-size limit keeps real ones far below. */
export const MAX_RESOURCES = 5000;

interface Entry {
  resource: Record<string, unknown>;
  fullUrl?: string;
}

export class TooManyResources extends Error {
  constructor() {
    super(`the FHIR body holds more than ${MAX_RESOURCES} resources`);
    this.name = 'TooManyResources';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every resource of the body in order, Bundles opened (they are not resources to check themselves). */
function entriesOf(body: unknown, fullUrl: string | undefined, depth: number, out: Entry[], ignored: Ignored[]): void {
  if (!isObject(body)) return;
  if (out.length + ignored.length >= MAX_RESOURCES) throw new TooManyResources();
  if (body.resourceType === 'Bundle' && depth < MAX_DEPTH) {
    const parsed = bundle.safeParse(body);
    const entries = parsed.success ? (parsed.data.entry ?? []) : [];
    for (const e of entries) entriesOf(e.resource, e.fullUrl, depth + 1, out, ignored);
    return;
  }
  out.push({ resource: body, ...(fullUrl ? { fullUrl } : {}) });
}

/** "Medication/123", "https://x/fhir/Medication/123/_history/2", "urn:uuid:…" → the Medication in the bundle. */
function medicationIndex(entries: Entry[]) {
  const byUrl = new Map<string, { med: Medication; entry: Entry }>();
  const byId = new Map<string, { med: Medication; entry: Entry }>();
  for (const entry of entries) {
    if (entry.resource.resourceType !== 'Medication') continue;
    const parsed = medicationSchema.safeParse(entry.resource);
    if (!parsed.success) continue;
    const found = { med: parsed.data, entry };
    if (entry.fullUrl) byUrl.set(entry.fullUrl, found);
    if (parsed.data.id) byId.set(parsed.data.id, found);
  }
  const used = new Set<Entry>();
  const lookUp = (reference: string): Medication | undefined => {
    const ref = reference.replace(/\/_history\/[^/]+$/, '');
    const id = /(?:^|\/)Medication\/([^/]+)$/.exec(ref)?.[1];
    const found = byUrl.get(reference) ?? byUrl.get(ref) ?? (id !== undefined ? byId.get(id) : undefined);
    if (found) used.add(found.entry);
    return found?.med;
  };
  return { lookUp, used };
}

const INACTIVE_ALLERGY = new Set(['inactive', 'resolved']);
const UNCONFIRMED_ALLERGY = new Set(['refuted', 'entered-in-error']);

/** "Doxycycline (Hives)": the substance, by its KB name when coded, and what the reaction was. */
function allergyLine(resource: unknown, kb: KnowledgeBase, lang: Lang): string | undefined {
  const parsed = allergyIntolerance.safeParse(resource);
  if (!parsed.success) return undefined;
  const a = parsed.data;
  const status = (c: typeof a.clinicalStatus) => [...(c?.coding ?? []).map((x) => x.code), c?.text].filter(Boolean).map((x) => String(x).toLowerCase());
  if (status(a.clinicalStatus).some((s) => INACTIVE_ALLERGY.has(s)) || status(a.verificationStatus).some((s) => UNCONFIRMED_ALLERGY.has(s))) return undefined;
  const name = codedEntryName(a.code, kb, lang) ?? cleanDisplay(a.code?.text) ?? (a.code?.coding ?? []).map((c) => cleanDisplay(c.display)).find(Boolean);
  if (!name) return undefined;
  const manifestations = [...new Set((a.reaction ?? []).flatMap((r) => (r.manifestation ?? []).map((m) => m.text ?? m.coding?.find((c) => c.display)?.display)).filter(Boolean))];
  const line = manifestations.length > 0 ? `${name} (${manifestations.join(', ')})` : name;
  return lineLength(line) <= LIST_LIMITS.lineLength ? line : name;
}

export function readFhir(body: unknown, kb: KnowledgeBase, lang: Lang): FhirReading {
  const ignored: Ignored[] = [];
  const entries: Entry[] = [];
  entriesOf(body, undefined, 0, entries, ignored);
  const { lookUp, used } = medicationIndex(entries);
  const lines: FhirLine[] = [];
  const allergies: string[] = [];
  const medications: Entry[] = [];
  for (const entry of entries) {
    const type = entry.resource.resourceType;
    if ((MEDICATION_TYPES as readonly unknown[]).includes(type)) {
      lines.push(medicationLine(entry.resource, entry.fullUrl, lookUp, kb, lang));
    } else if (type === 'AllergyIntolerance') {
      const line = allergyLine(entry.resource, kb, lang);
      if (line && allergies.length < LIST_LIMITS.allergies) allergies.push(line);
      else ignored.push(ignoredOf(entry));
    } else if (type === 'Medication') {
      medications.push(entry);
    } else {
      ignored.push(ignoredOf(entry));
    }
  }
  // A Medication no line refers to is not checked: list it, so nobody thinks it was.
  for (const m of medications) if (!used.has(m)) ignored.push(ignoredOf(m));
  return { lines, allergies, ignored };
}

function ignoredOf(entry: Entry): Ignored {
  const { resourceType, id } = entry.resource;
  return { resourceType: typeof resourceType === 'string' ? resourceType : 'unknown', ...(typeof id === 'string' ? { id } : {}) };
}
