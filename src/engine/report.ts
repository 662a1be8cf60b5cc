/** The Report: the one shape every presenter (HTML, JSON API, …) renders. */
import type { CERTAINTIES, EVIDENCE_LEVELS, Lang, MetricName, Severity } from '../kb/schema.js';

export type Verdict = 'avoid' | 'caution' | 'ok' | 'unknown';

/** Worst first. `unknown` ranks above `caution`: an unchecked line may hide anything. */
export const VERDICT_ORDER: readonly Verdict[] = ['avoid', 'unknown', 'caution', 'ok'];

export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'ok';
  for (const v of verdicts) if (VERDICT_ORDER.indexOf(v) < VERDICT_ORDER.indexOf(worst)) worst = v;
  return worst;
}

export function verdictOfSeverity(s: Severity): Verdict {
  return s === 'info' ? 'ok' : s;
}

export interface ReferenceLink {
  title: string;
  url: string;
}

/** Where a finding comes from in the knowledge base, for a link to its page. */
export interface FindingSource {
  kind: 'substance' | 'product' | 'interaction' | 'context' | 'coverage';
  id: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  title: string;
  explanation: string;
  advice: string;
  /** The same finding in plain language for the patient view. */
  patient: string;
  evidence: {
    level: (typeof EVIDENCE_LEVELS)[number] | 'none';
    certainty?: (typeof CERTAINTIES)[number];
    summary: string;
  };
  references: ReferenceLink[];
  source: FindingSource;
  /** Lines (0-based) an interaction or total concerns. */
  items?: number[];
  /** For dialysis-context findings: a cause of cramps to review, or a note on reading the report. */
  context?: { kind: 'cause' | 'notice'; weight: number };
}

export interface Named {
  id: string;
  name: string;
}

export interface DailyDose {
  substance: Named;
  /** The amount checked: the upper end when the dose is a range. */
  amount: number;
  low: number;
  unit: string;
  /** What the amount is of, e.g. "elemental magnesium". */
  of: string;
  /** The same per day in the unit the line was written in, when different. */
  asWritten?: { amount: number; low: number; unit: string };
  /** When it is not taken every day: the dose on a day it is taken, in the same unit as `amount`. */
  onDosingDay?: { amount: number; low: number; unit: string };
}

/** How a line was read, for the user to catch a wrong reading. */
export interface Reading {
  recognised: { text: string; name: string; kind: 'substance' | 'product'; id: string }[];
  form?: string;
  strength?: string;
  count?: string;
  frequency?: string;
  route?: string;
  timing?: string[];
  /** Assumptions and conversions behind the dose. */
  notes: string[];
  /** Words that were not used. */
  unread: string[];
}

export interface SuggestionOut {
  id: string;
  kind: 'substance' | 'product';
  name: string;
  text: string;
  correctedLine: string;
}

export interface LineReport {
  index: number;
  input: string;
  substances: Named[];
  dailyDose: DailyDose[];
  verdict: Verdict;
  findings: Finding[];
  reading: Reading;
  suggestions: SuggestionOut[];
}

export interface Total {
  substance: Named;
  /** The sum of the lines whose dose could be read; when not `complete`, the least taken. */
  amount: number;
  low: number;
  unit: string;
  of: string;
  items: number[];
  /** False when the dose of at least one line could not be read. */
  complete: boolean;
  /** The lines whose dose is in `amount`. */
  counted: number[];
  severity: Severity;
  findings: Finding[];
}

export interface Summary {
  verdict: Verdict;
  avoid: number;
  caution: number;
  ok: number;
  unknown: number;
}

export interface Report {
  lang: Lang;
  kb: { version: string; reviewedOn: string; title: string };
  items: LineReport[];
  interactions: (Finding & { items: number[] })[];
  totals: Total[];
  context: Finding[];
  /** Numbers worked out from the dialysis context (ultrafiltration rate, weight gain). */
  metrics: Partial<Record<MetricName, number>>;
  summary: Summary;
}
