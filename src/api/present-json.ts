/**
 * The Report as the JSON API v1 shape. A thin adapter: it never recomputes a verdict. Each
 * interaction, total and reference is given once and pointed to by its index, so an answer grows
 * with the list and not with the square of it.
 */
import type { Finding, Report } from '../explain/report.js';
import { kbPath } from '../kb-links.js';

/** Six significant digits: conversions leave float noise (4999.99995 IU) that no label carries. */
const precise = (n: number) => Number(n.toPrecision(6));
const rounded = <T extends { amount: number; low: number }>(x: T): T => ({ ...x, amount: precise(x.amount), low: precise(x.low) });

/** Links into this server's knowledge base, made absolute so a client can open them as they are. */
const absolute = (url: string, baseUrl: string) => (url.startsWith('/') ? `${baseUrl}${url}` : url);

/** Every reference of an answer once, in the order it is first cited. */
class References {
  readonly list: { title: string; url: string }[] = [];
  private readonly byUrl = new Map<string, number>();
  constructor(private readonly baseUrl: string) {}

  indexes(refs: { title: string; url: string }[]): number[] {
    return refs.map((r) => {
      const url = absolute(r.url, this.baseUrl);
      let n = this.byUrl.get(url);
      if (n === undefined) {
        n = this.list.length;
        this.byUrl.set(url, n);
        this.list.push({ title: r.title, url });
      }
      return n;
    });
  }
}

function finding(f: Finding, refs: References, baseUrl: string) {
  const certainty = f.evidence.certaintyLabel ? ` (${f.evidence.certaintyLabel})` : '';
  return {
    code: f.code,
    severity: f.severity,
    title: f.title,
    explanation: f.explanation,
    advice: f.advice,
    evidence: `${f.evidence.levelLabel}: ${f.evidence.summary}${certainty}`,
    evidenceLevel: f.evidence.level,
    ...(f.evidence.certainty ? { certainty: f.evidence.certainty } : {}),
    references: refs.indexes(f.references),
    patient: f.patient,
    kbUrl: absolute(kbPath(f.source), baseUrl),
    ...(f.items ? { items: f.items } : {}),
  };
}

/** `baseUrl`: where this server is reached ("https://dialysafe.example"), for links into its KB. */
export function presentJson(report: Report, baseUrl: string) {
  const refs = new References(baseUrl);
  const items = report.items.map((line, i) => {
    const own = line.findings.filter((f) => !f.ref);
    const pointers = (kind: 'interaction' | 'total') => [...new Set(line.findings.flatMap((f) => (f.ref?.kind === kind ? [f.ref.index] : [])))];
    // Every interaction the line takes part in: the line to act on and the line to keep alike.
    const interactions = report.interactions.flatMap((x, k) => (x.items.includes(i) ? [k] : []));
    const totals = pointers('total');
    return {
      input: line.input,
      substances: line.substances,
      dailyDose: line.dailyDose.map(({ text: _text, ...d }) => ({
        ...rounded(d),
        ...(d.asWritten ? { asWritten: rounded(d.asWritten) } : {}),
        ...(d.onDosingDay ? { onDosingDay: rounded(d.onDosingDay) } : {}),
      })),
      verdict: line.verdict,
      coverage: line.coverage,
      findings: own.map((f) => finding(f, refs, baseUrl)),
      ...(interactions.length > 0 ? { interactions } : {}),
      ...(totals.length > 0 ? { totals } : {}),
      reading: line.reading,
      suggestions: line.suggestions,
    };
  });
  return {
    kb: { version: report.kb.version, reviewedOn: report.kb.reviewedOn },
    items,
    interactions: report.interactions.map((x) => ({ ...finding(x, refs, baseUrl), items: x.items, actOn: x.actOn })),
    ...(report.moreInteractions > 0 ? { moreInteractions: report.moreInteractions } : {}),
    // A total of which no line could be read has no amount at all, rather than 0.
    totals: report.totals.map(({ text: _text, ...t }) => ({
      ...(t.counted.length > 0 ? rounded(t) : { ...t, amount: null, low: null }),
      findings: t.findings.map((f) => finding(f, refs, baseUrl)),
    })),
    context: report.context.map((c) => ({ ...finding(c, refs, baseUrl), kind: c.context?.kind ?? 'cause' })),
    ...(report.allergies.length > 0 ? { allergies: report.allergies } : {}),
    references: refs.list,
    metrics: Object.fromEntries(Object.entries(report.metrics).map(([k, v]) => [k, precise(v)])) as Report['metrics'],
    summary: report.summary,
  };
}
