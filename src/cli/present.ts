/**
 * One output record per list: the JSON API's shape (`full`), or its codes and verdicts only
 * (`summary`), for pipelines that triage thousands of lists and open the full report of a few.
 * Both are projections of presentJson: nothing is recomputed.
 */
import { presentJson } from '../api/present-json.js';
import type { Report } from '../explain/report.js';
import type { RecordId } from './record.js';

export const FORMATS = ['full', 'summary'] as const;
export type Format = (typeof FORMATS)[number];

type Json = ReturnType<typeof presentJson>;

export function summaryOf(json: Json) {
  return {
    kb: json.kb,
    summary: json.summary,
    items: json.items.map((item) => ({
      input: item.input,
      verdict: item.verdict,
      coverage: item.coverage,
      substances: item.substances.map((s) => s.id),
      findings: item.findings.map((f) => f.code),
      ...(item.interactions ? { interactions: item.interactions } : {}),
      ...(item.totals ? { totals: item.totals } : {}),
    })),
    interactions: json.interactions.map((x) => ({ code: x.code, severity: x.severity, items: x.items, actOn: x.actOn })),
    ...(json.moreInteractions ? { moreInteractions: json.moreInteractions } : {}),
    totals: json.totals.map((t) => ({
      substance: t.substance.id,
      amount: t.amount,
      unit: t.unit,
      complete: t.complete,
      items: t.items,
      severity: t.severity,
      findings: t.findings.map((f) => f.code),
    })),
    context: json.context.map((c) => ({ code: c.code, severity: c.severity, kind: c.kind })),
    metrics: json.metrics,
  };
}

/** `id` and `line` first, so a reader of the output sees at once which list a report is about. */
export function presentRecord(report: Report, meta: { id?: RecordId; line: number }, format: Format, baseUrl: string) {
  const json = presentJson(report, baseUrl);
  return { ...meta, ...(format === 'summary' ? summaryOf(json) : json) };
}
