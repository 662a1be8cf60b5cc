/**
 * A hook call checked: the draft orders (order-sign) or the selected ones (order-select) with the
 * patient's current medicines and previous reactions — prefetched, else fetched from the client's
 * FHIR server, else left out with a card that says so — and turned into cards.
 */
import { checkFhirInSlices } from '../fhir/check-fhir.js';
import { readFhir, type FhirReading } from '../fhir/read-body.js';
import type { FhirLine } from '../fhir/to-line.js';
import { bodyError } from '../http/errors.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang } from '../kb/schema.js';
import { LIST_LIMITS } from '../list-limits.js';
import { findingCards, noticeCard, type Card, type IssuedCard } from './cards.js';
import { fetchCurrent, FhirFetchError, type Search } from './fhir-client.js';
import type { HookRequest } from './schemas.js';
import { cardTexts } from './texts.js';

/** Current medicines whose status says they are not taken (a client may prefetch them anyway). */
const NOT_CURRENT = new Set(['entered-in-error', 'stopped', 'completed', 'not-taken', 'cancelled', 'revoked', 'draft']);

export interface CheckOptions {
  kb: KnowledgeBase;
  lang: Lang;
  baseUrl: string;
  fhirTimeoutMs?: number;
}

export interface CheckedOrders {
  cards: Card[];
  /** Cards with the rule code their feedback counts under. */
  issued: IssuedCard[];
}

const key = (l: FhirLine) => (l.source.id ? `${l.source.resourceType}/${l.source.id}` : undefined);

function selected(request: HookRequest, drafts: FhirLine[]): number[] {
  if (request.hook === 'order-sign') return drafts.map((_, i) => i);
  const selections = new Set(request.context.selections.map((s) => s.trim()));
  return drafts.flatMap((l, i) => {
    const k = key(l);
    return (k && selections.has(k)) || (l.source.id && selections.has(l.source.id)) ? [i] : [];
  });
}

/** The prefetch keys of discovery (services.ts) are the names of the searches. */
const SEARCHES: readonly Search[] = ['medicationRequests', 'medicationStatements', 'allergies'];

/** The prefetched searches, and those fetched from the FHIR server when prefetch left the medicines out. */
async function currentData(request: HookRequest, timeoutMs: number | undefined): Promise<{ data: Partial<Record<Search, unknown>>; available: boolean; failure?: string }> {
  const prefetch = request.prefetch ?? {};
  const data: Partial<Record<Search, unknown>> = {};
  for (const s of SEARCHES) {
    const value = prefetch[s];
    if (value) data[s] = value;
  }
  const has = (s: Search) => data[s] !== undefined;
  if (has('medicationRequests') || has('medicationStatements')) return { data, available: true };
  const token = request.fhirAuthorization?.access_token;
  if (!request.fhirServer || !token) return { data, available: false };
  const wanted: Search[] = ['medicationRequests', 'medicationStatements', ...(has('allergies') ? [] : (['allergies'] as const))];
  try {
    const fetched = await fetchCurrent(request.fhirServer, token, request.fhirAuthorization?.patient ?? request.context.patientId, wanted, timeoutMs);
    return { data: { ...data, ...fetched }, available: true };
  } catch (error) {
    if (error instanceof FhirFetchError) return { data, available: false, failure: error.reason };
    throw error;
  }
}

export async function checkOrders(request: HookRequest, o: CheckOptions): Promise<CheckedOrders> {
  const t = cardTexts(o.lang);
  const drafts = readFhir(request.context.draftOrders, o.kb, o.lang);
  if (drafts.ignored.some((r) => r.resourceType === 'MedicationOrder')) {
    throw bodyError('draftOrders holds a DSTU2 MedicationOrder; DialySafe reads FHIR R4 (and STU3) MedicationRequest');
  }
  if (drafts.lines.length > LIST_LIMITS.lines) throw bodyError(`draftOrders holds more than ${LIST_LIMITS.lines} medication orders; DialySafe checks at most ${LIST_LIMITS.lines} at once`);
  const targets = selected(request, drafts.lines);
  if (targets.length === 0) return { cards: [], issued: [] };

  const current = await currentData(request, o.fhirTimeoutMs);
  const readings: FhirReading[] = SEARCHES.flatMap((s) => (current.data[s] ? [readFhir(current.data[s], o.kb, o.lang)] : []));
  const draftKeys = new Set(drafts.lines.map(key).filter(Boolean));
  const currentLines = readings
    .flatMap((r) => r.lines)
    .filter((l) => !NOT_CURRENT.has(l.status ?? '') && !(key(l) && draftKeys.has(key(l))));
  const allergies = [...drafts.allergies, ...readings.flatMap((r) => r.allergies)].slice(0, LIST_LIMITS.allergies);

  const room = LIST_LIMITS.lines - drafts.lines.length;
  const lines = [...drafts.lines, ...currentLines.slice(0, room)];
  const { assessment, report } = await checkFhirInSlices(lines, { allergies }, o.kb, o.lang);
  const issued = findingCards({ assessment, report, lines, targets, kb: o.kb, lang: o.lang, baseUrl: o.baseUrl });

  const notices: Card[] = [];
  if (!current.available) {
    const detail = [t.unavailableDetail, ...(current.failure ? [t.fetchFailed(current.failure)] : [])].join(' ');
    notices.push(noticeCard(t.unavailable, detail, { assessment, lang: o.lang, baseUrl: o.baseUrl }));
  }
  if (currentLines.length > room) {
    notices.push(noticeCard(t.someLeftOut(room, currentLines.length), t.someLeftOutDetail, { assessment, lang: o.lang, baseUrl: o.baseUrl }));
  }
  return { cards: [...issued.map((c) => c.card), ...notices], issued };
}
