/** The Report as the JSON API v1 shape. A thin adapter: it never recomputes a verdict. */
import { messages } from '../i18n/index.js';
import { kbPath } from '../kb-links.js';
import type { Finding, Report } from '../engine/report.js';

/** Six significant digits: conversions leave float noise (4999.99995 IU) that no label carries. */
const precise = (n: number) => Number(n.toPrecision(6));
const rounded = <T extends { amount: number; low: number }>(x: T): T => ({ ...x, amount: precise(x.amount), low: precise(x.low) });

/** Links into this server's knowledge base, made absolute so a client can open them as they are. */
const absolute = (url: string, baseUrl: string) => (url.startsWith('/') ? `${baseUrl}${url}` : url);

function finding(f: Finding, report: Report, baseUrl: string) {
  const m = messages(report.lang);
  const level = m.evidenceLevels[f.evidence.level] ?? f.evidence.level;
  const certainty = f.evidence.certainty ? ` (${m.certainty[f.evidence.certainty]})` : '';
  return {
    code: f.code,
    severity: f.severity,
    title: f.title,
    explanation: f.explanation,
    advice: f.advice,
    evidence: `${level}: ${f.evidence.summary}${certainty}`,
    evidenceLevel: f.evidence.level,
    ...(f.evidence.certainty ? { certainty: f.evidence.certainty } : {}),
    references: f.references.map((r) => ({ ...r, url: absolute(r.url, baseUrl) })),
    patient: f.patient,
    kbUrl: absolute(kbPath(f.source), baseUrl),
    ...(f.items ? { items: f.items } : {}),
  };
}

/** `baseUrl`: where this server is reached ("https://dialysafe.example"), for links into its KB. */
export function presentJson(report: Report, baseUrl: string) {
  return {
    kb: { version: report.kb.version, reviewedOn: report.kb.reviewedOn },
    items: report.items.map((line) => ({
      input: line.input,
      substances: line.substances,
      dailyDose: line.dailyDose.map((d) => ({
        ...rounded(d),
        ...(d.asWritten ? { asWritten: rounded(d.asWritten) } : {}),
        ...(d.onDosingDay ? { onDosingDay: rounded(d.onDosingDay) } : {}),
      })),
      verdict: line.verdict,
      findings: line.findings.map((f) => finding(f, report, baseUrl)),
      reading: line.reading,
      suggestions: line.suggestions,
    })),
    interactions: report.interactions.map((x) => ({ ...finding(x, report, baseUrl), items: x.items })),
    // A total of which no line could be read has no amount at all, rather than 0.
    totals: report.totals.map((t) => ({
      ...(t.counted.length > 0 ? rounded(t) : { ...t, amount: null, low: null }),
      findings: t.findings.map((f) => finding(f, report, baseUrl)),
    })),
    context: report.context.map((c) => ({ ...finding(c, report, baseUrl), kind: c.context?.kind ?? 'cause' })),
    metrics: report.metrics,
    summary: report.summary,
  };
}
