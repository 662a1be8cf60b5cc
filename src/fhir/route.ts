/** A FHIR route of administration (SNOMED CT, EDQM, HL7 v3, or its text) as the word intake reads. */
import type { z } from 'zod';
import { parseLine } from '../intake/parse-line.js';
import type { Route } from '../intake/types.js';
import type { codeableConcept } from './resources.js';

const ROUTE_CODES: Record<string, Route> = {
  // SNOMED CT
  '26643006': 'oral',
  '394899003': 'oral',
  '47625008': 'iv',
  '255560000': 'iv',
  '34206005': 'sc',
  '263887005': 'sc',
  '78421000': 'im',
  '6064005': 'topical',
  '45890007': 'transdermal',
  '447694001': 'inhaled',
  '18679011000001101': 'inhaled',
  '37161004': 'rectal',
  // EDQM standard terms
  '20053000': 'oral',
  '20045000': 'iv',
  '20066000': 'sc',
  '20035000': 'im',
  '20003000': 'topical',
  '20070000': 'transdermal',
  '20020000': 'inhaled',
  '20061000': 'rectal',
  // HL7 v3 RouteOfAdministration
  PO: 'oral',
  IV: 'iv',
  IVINJ: 'iv',
  IVINFUS: 'iv',
  IVPUSH: 'iv',
  SQ: 'sc',
  SC: 'sc',
  IM: 'im',
  TOPICAL: 'topical',
  TRNSDERMD: 'transdermal',
  IPINHL: 'inhaled',
  ORINHL: 'inhaled',
  NEBINHL: 'inhaled',
  RECTAL: 'rectal',
};

/** The word written on the line; each is one intake reads as that route. */
export const ROUTE_WORDS: Record<Route, string> = {
  oral: 'oral',
  iv: 'iv',
  sc: 'sc',
  im: 'im',
  topical: 'topical',
  transdermal: 'transdermal',
  inhaled: 'inhaled',
  rectal: 'rectal',
};

export function routeOf(route: z.infer<typeof codeableConcept> | undefined): { route: Route; fromText: boolean } | undefined {
  if (!route) return undefined;
  for (const c of route.coding ?? []) {
    const found = c.code ? ROUTE_CODES[c.code.trim()] ?? ROUTE_CODES[c.code.trim().toUpperCase()] : undefined;
    if (found) return { route: found, fromText: false };
  }
  for (const text of [route.text, ...(route.coding ?? []).map((c) => c.display)]) {
    const read = text && text.length <= 100 ? parseLine(text).route : undefined;
    if (read) return { route: read.value, fromText: true };
  }
  return undefined;
}
