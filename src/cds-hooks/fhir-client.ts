/**
 * Fetches a patient's current medicines and previous reactions from the CDS client's FHIR server,
 * when it sent fhirServer and fhirAuthorization instead of prefetch. One attempt per search, a
 * deadline for all of them, no redirects (the bearer token goes nowhere else), and a bounded
 * answer size: a slow or huge FHIR server costs one card, not the service.
 */
import { FHIR_BODY_LIMIT_BYTES } from '../fhir/read-body.js';

export const DEFAULT_FHIR_TIMEOUT_MS = 3000;

export type Search = 'medicationRequests' | 'medicationStatements' | 'allergies';

const SEARCHES: Record<Search, (patient: string) => string> = {
  medicationRequests: (p) => `MedicationRequest?patient=${encodeURIComponent(p)}&status=active&_count=100`,
  medicationStatements: (p) => `MedicationStatement?patient=${encodeURIComponent(p)}&status=active&_count=100`,
  allergies: (p) => `AllergyIntolerance?patient=${encodeURIComponent(p)}&clinical-status=active&_count=100`,
};

export class FhirFetchError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FhirFetchError';
  }
}

async function boundedText(res: Response, limit: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new FhirFetchError(`the answer is larger than ${limit / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function search(base: string, path: string, token: string, signal: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${base.replace(/\/+$/, '')}/${path}`, {
      headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${token}` },
      redirect: 'error',
      signal,
    });
  } catch (error) {
    const name = (error as Error).name;
    throw new FhirFetchError(name === 'TimeoutError' || name === 'AbortError' ? 'no answer in time' : 'the server could not be reached');
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FhirFetchError(`the server answered ${res.status}`);
  }
  let text: string;
  try {
    text = await boundedText(res, FHIR_BODY_LIMIT_BYTES);
  } catch (error) {
    throw error instanceof FhirFetchError ? error : new FhirFetchError('no answer in time');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FhirFetchError('the answer is not JSON');
  }
}

/** The searches asked for, each a FHIR Bundle; throws FhirFetchError when any fails. */
export async function fetchCurrent(
  fhirServer: string,
  accessToken: string,
  patientId: string,
  wanted: readonly Search[],
  timeoutMs = DEFAULT_FHIR_TIMEOUT_MS,
): Promise<Partial<Record<Search, unknown>>> {
  const signal = AbortSignal.timeout(timeoutMs);
  const answers = await Promise.all(wanted.map(async (s) => [s, await search(fhirServer, SEARCHES[s](patientId), accessToken, signal)] as const));
  return Object.fromEntries(answers);
}
