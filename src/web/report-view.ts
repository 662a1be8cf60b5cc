/**
 * Shapes a Report for the templates: a triage of the lines (to act on, to check, fine, not checked
 * by why), each line's reading and findings one click away, labels in the user's language, and the
 * URLs of every action. It reads verdicts; it never decides them.
 */
import type { Coverage, Verdict } from '../engine/assessment.js';
import type { Finding, LineReport, Report } from '../explain/report.js';
import { formatLines, formatNumber, formatPercent } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import type { Lang } from '../kb/schema.js';
import { kbPath } from '../kb-links.js';
import type { Patient } from '../patient.js';
import { url, type PageOptions, type View } from './page-options.js';

export const VERDICT_ICONS: Record<Verdict, string> = { avoid: '✖', unknown: '?', caution: '!', ok: '✓' };
export const SEVERITY_ICONS: Record<Finding['severity'], string> = { avoid: '✖', caution: '!', info: 'i' };
const SEVERITY_RANK: Record<Finding['severity'], number> = { avoid: 0, caution: 1, info: 2 };
/** Sources printed per reason on the sheet. */
const SHEET_REFERENCES = 2;
/**
 * Pointers to interactions and totals written out under one line; the rest are counted. A line on a
 * real list has a few, each given in full once in its own section; a list of one medicine that
 * interacts with every other line would repeat a title under each of them (about 40 % of a
 * hundred-line page).
 */
export const POINTERS_PER_LINE = 8;

/** When the report was made, as its reader writes a date; one formatter per locale (each costs a lot to make). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    dateFormats.set(locale, format);
  }
  return format;
}

export interface FindingView {
  code: string;
  severity: Finding['severity'];
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
  lines?: string;
  /** For a finding on a line that concerns other lines too: which. */
  scope?: string;
}

/**
 * An interaction or total shown under a line: a pointer to where its full text is, with only what
 * the pointer prints. A long list has thousands of them, so none of the rest is worked out.
 */
export interface FindingPointerView extends Pick<FindingView, 'code' | 'severity' | 'severityLabel' | 'icon' | 'title' | 'patient' | 'scope'> {
  crossRef: string;
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
  if (f.ref?.kind === 'total') return r.totalOf(formatLines(f.items, lang));
  return undefined;
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
  view?: View;
  refs?: ReferenceList;
}

function severityLabels(lang: Lang, view: View | undefined) {
  const m = messages(lang);
  return view === 'patient' ? m.ui.patientSeverities : m.ui.severities;
}

export function findingView(f: Finding, lang: Lang, opts: FindingOptions = {}): FindingView {
  const severities = severityLabels(lang, opts.view);
  const view: FindingView = {
    code: f.code,
    severity: f.severity,
    severityLabel: severities[f.severity],
    icon: SEVERITY_ICONS[f.severity],
    title: f.title,
    explanation: f.explanation,
    advice: f.advice,
    patient: f.patient,
    evidenceLabel: f.evidence.levelLabel,
    evidenceSummary: f.evidence.summary,
    references: f.references.map((r) => ({ title: r.title, url: r.url.startsWith('/') ? `${r.url}?lang=${lang}` : r.url })),
    kbUrl: kbUrl(f, lang),
    refNumbers: opts.refs?.numbers(f.references) ?? [],
  };
  if (f.evidence.certaintyLabel) view.certainty = f.evidence.certaintyLabel;
  if (f.items) view.lines = formatLines(f.items, lang);
  return view;
}

/** Line `self`'s view of a finding: a pointer when the finding is described once elsewhere. */
function lineFindingView(f: Finding, self: number, lang: Lang, view: View, refs: ReferenceList): FindingView | FindingPointerView {
  const scope = scopeOf(f, self, lang);
  if (!f.ref) {
    const full = findingView(f, lang, { view, refs });
    if (scope) full.scope = scope;
    return full;
  }
  const pointer: FindingPointerView = {
    code: f.code,
    severity: f.severity,
    severityLabel: severityLabels(lang, view)[f.severity],
    icon: SEVERITY_ICONS[f.severity],
    title: f.title,
    patient: f.patient,
    crossRef: `#${f.ref.kind}-${f.ref.index + 1}`,
  };
  if (scope) pointer.scope = scope;
  return pointer;
}

function readingRows(line: LineReport, lang: Lang): { label: string; value: string }[] {
  const ui = messages(lang).ui.report;
  const r = line.reading;
  const rows = [{ label: ui.recognised, value: r.recognised.length > 0 ? r.recognised.map((x) => `${x.name} (“${x.text}”)`).join(', ') : ui.notRecognised }];
  const add = (label: string, value: string | undefined) => value && rows.push({ label, value });
  add(ui.form, r.form);
  add(ui.strength, r.strength);
  add(ui.count, r.count);
  add(ui.frequency, r.frequency);
  add(ui.route, r.route);
  add(ui.timing, r.timing?.join(', '));
  add(ui.notes, r.notes.join('; '));
  add(ui.unread, r.unread.map((u) => `“${u}”`).join(', '));
  add(ui.dailyDose, line.dailyDose.map((d) => d.text).join('; ') || ui.dailyDoseNone);
  return rows;
}

/** "…and 15 more (3 × avoid, 12 × caution)" for the pointers past POINTERS_PER_LINE, at least two. */
function morePointersText(hidden: readonly Finding[], lang: Lang, view: View): string {
  const r = messages(lang).ui.report;
  if (view === 'patient') return r.morePointersPatient(hidden.length);
  const labels = severityLabels(lang, view);
  const counts = (Object.keys(SEVERITY_RANK) as Finding['severity'][])
    .map((severity) => ({ severity, n: hidden.filter((f) => f.severity === severity).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${formatNumber(c.n, lang)} × ${labels[c.severity].toLowerCase()}`);
  return r.morePointers(hidden.length, counts.join(', '));
}

function lineView(line: LineReport, options: PageOptions, refs: ReferenceList, sheet: ReferenceList) {
  const { lang, view } = options;
  const ui = messages(lang).ui;
  const sorted = [...line.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const pointers = sorted.filter((f) => f.ref);
  // One pointer more than the limit is shown rather than counted: "and 1 more" saves nothing.
  const hidden = pointers.length > POINTERS_PER_LINE + 1 ? pointers.slice(POINTERS_PER_LINE) : [];
  const findings = hidden.length > 0 ? sorted.filter((f) => !hidden.includes(f)) : sorted;
  // On paper only the reason of a line to act on or check is printed, with its first sources (the rest
  // are one click away on screen), so the sheet's list of sources stays short.
  const headline = findings[0];
  const sheetRefs = headline && line.verdict !== 'ok' && line.verdict !== 'unknown' && !headline.ref ? sheet.numbers(headline.references.slice(0, SHEET_REFERENCES)) : [];
  return {
    index: line.index,
    number: line.index + 1,
    input: line.input,
    verdict: line.verdict,
    coverage: line.coverage,
    verdictLabel: ui.verdicts[view][line.verdict],
    icon: VERDICT_ICONS[line.verdict],
    reason: line.headline?.title ?? '',
    advice: line.headline?.advice ?? '',
    patient: line.headline?.patient ?? '',
    rows: readingRows(line, lang),
    suggestions: line.suggestions,
    findings: findings.map((f) => lineFindingView(f, line.index, lang, view, refs)),
    morePointers: hidden.length > 0 ? morePointersText(hidden, lang, view) : '',
    sheetRefs,
  };
}

export type LineView = ReturnType<typeof lineView>;

/** The dialysis context as entered, with the defaults that were assumed, for the report and its sheet. */
function contextUsed(report: Report, lang: Lang) {
  const ui = messages(lang).ui;
  const f = ui.form;
  const p: Patient = report.patient;
  const n = (v: number) => formatNumber(v, lang);
  const rows: { label: string; value: string }[] = [];
  rows.push({ label: f.modality, value: p.modality ? f.modalities[p.modality] : `${f.modalities.hd} (${ui.report.assumed})` });
  if (p.modality !== 'pd' && p.modality !== 'none') {
    rows.push({ label: f.sessionsPerWeek, value: p.sessionsPerWeek !== undefined ? n(p.sessionsPerWeek) : `3 (${ui.report.assumed})` });
  }
  const add = (label: string, value: number | undefined, unit: string) => value !== undefined && rows.push({ label, value: `${n(value)} ${unit}`.trim() });
  add(f.targetWeight, p.targetWeightKg, f.kg);
  add(f.weightGain, p.weightGainKg, f.kg);
  add(f.sessionHours, p.sessionHours, f.hours);
  add(f.residualUrine, p.residualUrineMlPerDay, f.mlPerDay);
  if (p.anticoagulation) rows.push({ label: f.anticoagulation, value: f.anticoagulations[p.anticoagulation] });
  const yesNo = (v: boolean) => (v ? f.yes : f.no);
  if (p.diabetes !== undefined) rows.push({ label: f.diabetes, value: yesNo(p.diabetes) });
  if (p.belowTargetWeight !== undefined) rows.push({ label: f.belowTargetWeight, value: yesNo(p.belowTargetWeight) });
  if (p.crampsAtHome !== undefined) rows.push({ label: f.crampsAtHome, value: yesNo(p.crampsAtHome) });
  if (report.allergies.length > 0) {
    rows.push({ label: ui.report.allergies, value: report.allergies.map((a) => (a.substances.length > 0 ? `${a.input} (${a.substances.map((s) => s.name).join(', ')})` : a.input)).join('; ') });
  }
  return rows;
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
  const findings = report.context.map((c) => ({ kind: c.context?.kind ?? 'cause', view: findingView(c, lang, { view: options.view, refs }) }));
  return {
    used: contextUsed(report, lang),
    metrics,
    ufrHint: perKg === undefined && m['weight-gain-kg'] !== undefined ? ui.ufrNotComputed : undefined,
    notices: findings.filter((f) => f.kind === 'notice').map((f) => f.view),
    causes: findings.filter((f) => f.kind !== 'notice').map((f) => f.view),
  };
}

const NOT_CHECKED: { coverage: Coverage; title: (t: ReturnType<typeof messages>['ui']['report']['triage']) => string }[] = [
  { coverage: 'not-recognised', title: (t) => t.notRecognised },
  { coverage: 'interactions-only', title: (t) => t.notReviewed },
  { coverage: 'dose-not-read', title: (t) => t.doseNotRead },
];

/** The lines in the order to read them: to act on, to check, fine, then not checked, grouped by why. */
function triage(lines: LineView[], lang: Lang, view: View) {
  const t = messages(lang).ui.report;
  const by = (v: Verdict) => lines.filter((l) => l.verdict === v);
  const unknown = by('unknown');
  const titles = view === 'patient'
    ? { avoid: t.patientGroups.stop, caution: t.patientGroups.ask, ok: t.patientGroups.keep, unknown: t.patientGroups.notChecked }
    : { avoid: t.triage.act, caution: t.triage.check, ok: t.triage.fine, unknown: t.triage.notChecked };
  return {
    groups: (['avoid', 'caution', 'ok'] as const).map((v) => ({ verdict: v, id: `group-${v}`, title: titles[v], lines: by(v) })),
    notChecked: {
      id: 'group-unknown',
      title: titles.unknown,
      lines: unknown,
      // A line whose name was read but whose dose was not may also be unknown because its route or review is missing.
      parts: NOT_CHECKED.map((g) => ({ title: g.title(t.triage), lines: unknown.filter((l) => l.coverage === g.coverage) })).filter((g) => g.lines.length > 0),
    },
  };
}

/** Where each action of the report posts the list (it travels in the form, never in the URL). */
function actions(options: PageOptions) {
  const { lang, view, sort } = options;
  const here = (o: Partial<PageOptions>) => url('/check', { lang, view, sort, ...o });
  return {
    state: here({}),
    otherLang: here({ lang: lang === 'en' ? 'nl' : 'en' }),
    edit: url('/edit', { lang, view }),
    download: url('/download', { lang }),
    views: (['pro', 'patient'] as const).map((v) => ({ view: v, url: here({ view: v }), pressed: view === v })),
    sorts: (['triage', 'input'] as const).map((s) => ({ sort: s, url: here({ sort: s }), pressed: sort === s })),
  };
}

/** The report page's view of a report, a line at a time: it yields after each line's view (see steps.ts). */
export function* reportViewSteps(report: Report, options: PageOptions, checkedOn: Date) {
  const { lang, view } = options;
  const m = messages(lang);
  const ui = m.ui;
  const verdictWords = ui.verdicts[view];
  const refs = new ReferenceList();
  const sheet = new ReferenceList();
  const lines: LineView[] = [];
  for (const line of report.items) {
    lines.push(lineView(line, options, refs, sheet));
    yield;
  }
  const context = contextView(report, options, refs);
  // References are numbered in the order they are met: lines, context, interactions, then totals.
  const interactions = report.interactions.map((x, k) => ({
    ...findingView(x, lang, { view, refs }),
    sheetRefs: sheet.numbers(x.references.slice(0, 1)),
    anchor: `interaction-${k + 1}`,
    between: x.items.map((i) => `${i + 1}. ${report.items[i]?.input ?? ''}`),
  }));
  yield;
  const totals = report.totals.map((t, k) => ({
    anchor: `total-${k + 1}`,
    name: t.substance.name,
    severity: t.severity,
    severityLabel: (view === 'patient' ? ui.patientSeverities : ui.severities)[t.severity],
    icon: SEVERITY_ICONS[t.severity],
    amount: !t.unit || t.amount === 0 ? '' : t.text,
    partial: !t.complete,
    lines: formatLines(t.items, lang),
    findings: t.findings.map((f) => findingView(f, lang, { view, refs })),
  }));
  yield;
  const actOn = report.summary.lines.map((i) => lines[i]).filter((l): l is LineView => l !== undefined);
  const summaryText = view === 'patient' ? ui.report.patientGroups.summary : ui.report.summary;
  return {
    summary: {
      verdict: report.summary.verdict,
      label: verdictWords[report.summary.verdict],
      icon: VERDICT_ICONS[report.summary.verdict],
      text: summaryText[report.summary.verdict],
      actOn: report.summary.verdict === 'ok' || report.summary.verdict === 'unknown' ? [] : actOn,
      notChecked: report.summary.unknown > 0 ? ui.report.triage.notCheckedCount(report.summary.unknown) : undefined,
      counts: (['avoid', 'caution', 'unknown', 'ok'] as const).map((v) => ({ verdict: v, label: verdictWords[v], icon: VERDICT_ICONS[v], n: report.summary[v], href: `#group-${v}` })),
    },
    triage: triage(lines, lang, view),
    lines,
    sort: options.sort,
    actions: actions(options),
    interactions,
    moreInteractions: report.moreInteractions,
    totals,
    context,
    references: refs.entries,
    sheetReferences: sheet.entries,
    kb: report.kb,
    checkedOn: dateFormat(m.locale).format(checkedOn),
  };
}

