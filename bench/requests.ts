/** The request bodies the bench sends: the JSON API's, and the form's as a browser sends it. */
import type { Lang } from '../src/kb/schema.js';
import type { Patient } from '../src/patient.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a browser, or a fetch-based client, says it can decompress: the checks are sent compressed. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

export const healthz: HttpRequest = { method: 'GET', path: '/healthz', headers: { 'accept-encoding': ACCEPT_ENCODING } };

export function jsonCheck(items: readonly string[], patient: Patient, lang: Lang = 'en'): HttpRequest {
  return { method: 'POST', path: '/api/v1/check', headers: { 'content-type': 'application/json', 'accept-encoding': ACCEPT_ENCODING }, body: JSON.stringify({ lang, patient, items }) };
}

const FORM_NUMBER = (n: number | undefined, lang: Lang) => (n === undefined ? '' : lang === 'nl' ? String(n).replace('.', ',') : String(n));
const FORM_YES_NO = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : 'no');

/**
 * POST /check as the form in views/form.ejs sends it: every field in the order of the page, the
 * empty ones too, the list with the CRLF line ends of a textarea, numbers as the user types them
 * (a decimal comma in Dutch), and the language and view in the URL of the form's action.
 */
export function formCheck(items: readonly string[], patient: Patient, lang: Lang = 'nl'): HttpRequest {
  const fields: [string, string][] = [
    ['items', items.join('\r\n')],
    ['modality', patient.modality ?? ''],
    ['targetWeightKg', FORM_NUMBER(patient.targetWeightKg, lang)],
    ['weightGainKg', FORM_NUMBER(patient.weightGainKg, lang)],
    ['sessionHours', FORM_NUMBER(patient.sessionHours, lang)],
    ['sessionsPerWeek', FORM_NUMBER(patient.sessionsPerWeek, lang)],
    ['residualUrineMlPerDay', FORM_NUMBER(patient.residualUrineMlPerDay, lang)],
    ['anticoagulation', patient.anticoagulation ?? ''],
    ['diabetes', FORM_YES_NO(patient.diabetes)],
    ['belowTargetWeight', FORM_YES_NO(patient.belowTargetWeight)],
    ['crampsAtHome', FORM_YES_NO(patient.crampsAtHome)],
    ['allergies', (patient.allergies ?? []).join('\r\n')],
    ['view', 'pro'],
  ];
  return {
    method: 'POST',
    path: `/check?lang=${lang}&view=pro`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': ACCEPT_ENCODING },
    body: new URLSearchParams(fields).toString(),
  };
}
