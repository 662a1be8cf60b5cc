/**
 * Shapes a Report for the templates: labels in the user's language, lines in the chosen order,
 * every finding with its evidence and links. It reads verdicts; it never decides them.
 */
import { formatLines, formatNumber, formatPercent } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import { LINE_ORDER, type Verdict } from '../engine/assessment.js';
import type { Finding, Report } from '../explain/report.js';
import type { Lang } from '../kb/schema.js';
import { kbPath } from '../kb-links.js';
import type { PageOptions, View } from './page-options.js';

export const VERDICT_ICONS: Record<Verdict, string> = { avoid: '✖', unknown: '?', caution: '!', ok: '✓' };
export const SEVERITY_ICONS: Record<string, string> = { avoid: '✖', caution: '!', info: 'i' };

export interface FindingView {
  code: string;
  severity: string;
  severityLabel: string;
  icon: string;
  title: string;
  explanation: string;
  advice: string;
  patient: string;
  evidenceLabel: string;
  evidenceSummary: string;
  certainty?: string;
  references: { title: string; url: string }[];
  kbUrl: string;
  /** Numbers of the references in the report's list of sources (used on paper). */
  refNumbers: number[];
  /** For an interaction or total shown under a line: where its full text is. */
  crossRef?: string;
  lines?: string;
  /** For a line's interaction or total finding: which other lines it concerns. */
  scope?: string;
}

function kbUrl(f: Finding, lang: Lang): string {
  const [path, anchor] = kbPath(f.source).split('#');
  return `${path}?lang=${lang}${anchor ? `#${anchor}` : ''}`;
}

/** "with line 5" for an interaction, "total of lines 4 and 9" for a total, seen from line `self`. */
function scopeOf(f: Finding, self: number, lang: Lang): string | undefined {
  if (!f.items) return undefined;
  const r = messages(lang).ui.report;
  if (f.source.kind === 'interaction') return r.withLines(formatLines(f.items.filter((i) => i !== self), lang));
  return r.totalOf(formatLines(f.items, lang));
}

/** Every reference of a report once, numbered in the order the report first cites it. */
export class ReferenceList {
  readonly entries: { n: number; title: string; url: string }[] = [];
  private readonly byUrl = new Map<string, number>();

  numbers(references: { title: string; url: string }[]): number[] {
    return references.map((r) => {
      let n = this.byUrl.get(r.url);
      if (n === undefined) {
        n = this.entries.length + 1;
        this.byUrl.set(r.url, n);
        this.entries.push({ n, title: r.title, url: r.url });
      }
      return n;
    });
  }
}

interface FindingOptions {
  self?: number;
  view?: View;
  refs?: ReferenceList;
  crossRef?: string;
}

export function findingView(f: Finding, lang: Lang, opts: FindingOptions = {}): FindingView {
  const m = messages(lang);
  const severities = opts.view === 'patient' ? m.ui.patientSeverities : m.ui.severities;
  const view: FindingView = {
    code: f.code,
    severity: f.severity,
    severityLabel: severities[f.severity],
    icon: SEVERITY_ICONS[f.severity] ?? '',
    title: f.title,
    explanation: f.explanation,
    advice: f.advice,
    patient: f.patient,
    evidenceLabel: f.evidence.levelLabel,
    evidenceSummary: f.evidence.summary,
    references: f.references.map((r) => ({ title: r.title, url: r.url.startsWith('/') ? `${r.url}?lang=${lang}` : r.url })),
    kbUrl: kbUrl(f, lang),
    refNumbers: opts.crossRef ? [] : (opts.refs?.numbers(f.references) ?? []),
  };
  if (opts.crossRef) view.crossRef = opts.crossRef;
  if (f.evidence.certaintyLabel) view.certainty = f.evidence.certaintyLabel;
  if (f.items) view.lines = formatLines(f.items, lang);
  const scope = opts.self === undefined ? undefined : scopeOf(f, opts.self, lang);
  if (scope) view.scope = scope;
  return view;
}

function contextView(report: Report, options: PageOptions, refs: ReferenceList) {
  const { lang } = options;
  const ui = messages(lang).ui.report;
  const u = messages(lang).units;
  const m = report.metrics;
  const n = (v: number) => formatNumber(v, lang);
  const metrics: { label: string; value: string }[] = [];
  const perHour = m['ufr-ml-per-hour'];
  const perKg = m['ufr-ml-per-kg-per-hour'];
  if (perHour !== undefined) metrics.push({ label: ui.ufr, value: `${n(perHour)} ${u['ml/h']}${perKg !== undefined ? ` = ${n(perKg)} ${u['ml/kg/h']}` : ''}` });
  const share = m['weight-gain-percent'];
  if (share !== undefined) metrics.push({ label: ui.weightGainShare, value: formatPercent(share, lang) });
  const findings = report.context.map((c) => findingView(c, lang, { view: options.view, refs }));
  const given = Object.keys(m).length > 0 || findings.length > 0;
  return {
    shown: given,
    metrics,
    ufrHint: given && perKg === undefined && m['weight-gain-kg'] !== undefined ? ui.ufrNotComputed : undefined,
    notices: findings.filter((_, i) => report.context[i]?.context?.kind === 'notice'),
    causes: findings.filter((_, i) => report.context[i]?.context?.kind !== 'notice'),
  };
}

export function reportView(report: Report, options: PageOptions, checkedOn: Date) {
  const { lang } = options;
  const m = messages(lang);
  const ui = m.ui;
  const verdictWords = ui.verdicts[options.view];
  const refs = new ReferenceList();
  const context = contextView(report, options, refs);
  /** Interactions and totals are explained once, in their own section; a line links there. */
  const crossRef = (f: Finding): string | undefined => (f.ref ? `#${f.ref.kind}-${f.ref.index + 1}` : undefined);
  const lines = report.items.map((line) => {
    const r = line.reading;
    const rows: { label: string; value: string }[] = [
      {
        label: ui.report.recognised,
        value: r.recognised.length > 0 ? r.recognised.map((x) => `${x.name} (“${x.text}”)`).join(', ') : ui.report.notRecognised,
      },
    ];
    const add = (label: string, value: string | undefined) => value && rows.push({ label, value });
    add(ui.report.form, r.form);
    add(ui.report.strength, r.strength);
    add(ui.report.count, r.count);
    add(ui.report.frequency, r.frequency);
    add(ui.report.route, r.route);
    add(ui.report.timing, r.timing?.join(', '));
    add(ui.report.notes, r.notes.join('; '));
    add(ui.report.unread, r.unread.map((u) => `“${u}”`).join(', '));
    return {
      index: line.index,
      number: line.index + 1,
      input: line.input,
      verdict: line.verdict,
      verdictLabel: verdictWords[line.verdict],
      icon: VERDICT_ICONS[line.verdict],
      rows,
      doses: line.dailyDose.map((d) => d.text),
      suggestions: line.suggestions,
      findings: line.findings.map((f) => {
        const ref = crossRef(f);
        return findingView(f, lang, { self: line.index, view: options.view, refs, ...(ref ? { crossRef: ref } : {}) });
      }),
    };
  });
  if (options.sort === 'severity') {
    lines.sort((a, b) => LINE_ORDER.indexOf(a.verdict) - LINE_ORDER.indexOf(b.verdict) || a.index - b.index);
  }
  const inputs = report.items.map((l) => l.input);
  return {
    summary: {
      verdict: report.summary.verdict,
      label: verdictWords[report.summary.verdict],
      icon: VERDICT_ICONS[report.summary.verdict],
      text: ui.report.summary[report.summary.verdict] ?? '',
      counts: LINE_ORDER.map((v) => ({ verdict: v, label: verdictWords[v], icon: VERDICT_ICONS[v], n: report.summary[v] })),
    },
    lines,
    interactions: report.interactions.map((x, k) => ({
      ...findingView(x, lang, { view: options.view, refs }),
      anchor: `interaction-${k + 1}`,
      between: x.items.map((i) => `${i + 1}. ${inputs[i] ?? ''}`),
    })),
    totals: report.totals.map((t, k) => ({
      anchor: `total-${k + 1}`,
      name: t.substance.name,
      severity: t.severity,
      severityLabel: (options.view === 'patient' ? ui.patientSeverities : ui.severities)[t.severity],
      icon: SEVERITY_ICONS[t.severity] ?? '',
      amount: !t.unit || t.amount === 0 ? '' : t.text,
      partial: !t.complete,
      lines: formatLines(t.items, lang),
      findings: t.findings.map((f) => findingView(f, lang, { view: options.view, refs })),
    })),
    context,
    references: refs.entries,
    kb: report.kb,
    checkedOn: new Intl.DateTimeFormat(m.locale, { dateStyle: 'long', timeStyle: 'short' }).format(checkedOn),
  };
}

export type ReportView = ReturnType<typeof reportView>;
