/**
 * The pipeline for lines read from FHIR: the same intake, resolve, engine and explain as typed
 * lines, except that a resource that could not be read enters as a line that names nothing, so
 * the engine marks it "not checked" in its place and every index still matches the resources.
 */
import type { Assessment } from '../engine/assessment.js';
import type { Report } from '../explain/report.js';
import { parseLine } from '../intake/parse-line.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import { checkItemsInSlices } from '../run-check.js';
import { listResolver } from '../resolve/resolve.js';
import type { ResolvedItem } from '../resolve/types.js';
import { label, type FhirLine } from './to-line.js';
import { unreadableText } from './texts.js';
import { inTurn, Slices } from '../slices.js';

/** What the line of a resource that could not be read shows: the resource it stands for. */
export function inputOf(line: FhirLine): string {
  return line.line ?? label(line.source);
}

function unreadableItem(index: number, input: string): ResolvedItem {
  return { index, input, parsed: parseLine(''), matches: [], ingredients: [], suggestions: [], unread: [], tags: [] };
}

function fhirResolver(kb: KnowledgeBase, patient: Patient): (l: FhirLine, index: number) => ResolvedItem {
  const resolve = listResolver(kb, patient);
  return (l, i) => (l.line !== undefined ? resolve(i, l.line) : unreadableItem(i, inputOf(l)));
}

/** Checks the lines read from FHIR resources, in its turn, in slices (see slices.ts) like typed lines. */
export function checkFhirInSlices(lines: readonly FhirLine[], patient: Patient, kb: KnowledgeBase, lang: Lang, slices = new Slices()): Promise<{ assessment: Assessment; report: Report }> {
  return inTurn(lines.length, async () => checkItemsInSlices(await slices.map(lines, fhirResolver(kb, patient)), patient, kb, lang, slices));
}

/** What each item of a FHIR check carries beyond the JSON report: where it came from and how it was read. */
export function provenance(line: FhirLine, lang: Lang) {
  return {
    source: line.source,
    read: line.read,
    ...(line.textUsed.length > 0 ? { textUsed: line.textUsed } : {}),
    ...(line.unreadable ? { unreadable: { code: line.unreadable.code, reason: unreadableText(line.unreadable, lang) } } : {}),
  };
}
