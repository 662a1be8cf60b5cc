/** The Report: the Assessment in words, the one shape the HTML and JSON presenters render. */
import type { Coverage, FindingSource, Verdict } from '../engine/assessment.js';
import type { CERTAINTIES, EVIDENCE_LEVELS, Lang, MetricName, Severity } from '../kb/schema.js';
import type { DisplayUnit } from '../i18n/en.js';
import type { Patient } from '../patient.js';

export type { Coverage, FindingSource, Verdict };

export interface ReferenceLink {
  title: string;
  url: string;
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
    /** The level and certainty in words. */
    levelLabel: string;
    certaintyLabel?: string;
  };
  references: ReferenceLink[];
  source: FindingSource;
  /** Lines (0-based) an interaction or total concerns. */
  items?: number[];
  /** For dialysis-context findings: a cause of cramps to review, or a note on reading the report. */
  context?: { kind: 'cause' | 'notice'; weight: number };
  /** For a finding shown on a line but described once elsewhere: where. */
  ref?: { kind: 'interaction'; index: number } | { kind: 'total'; index: number };
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
  unit: DisplayUnit;
  /** What the amount is of, e.g. "elemental magnesium". */
  of: string;
  /** The same per day in the unit the line was written in, when different. */
  asWritten?: { amount: number; low: number; unit: DisplayUnit };
  /** When it is not taken every day: the dose on a day it is taken, in the same unit as `amount`. */
  onDosingDay?: { amount: number; low: number; unit: DisplayUnit };
  /** The dose in words, as the report shows it ("250 µg per day"). */
  text: string;
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
  coverage: Coverage;
  /** The line's findings, worst first; interactions and totals point to where they are described. */
  findings: Finding[];
  /** The one-line reason and what to do, for the top of a triage report. */
  headline?: { title: string; advice: string; patient: string };
  reading: Reading;
  suggestions: SuggestionOut[];
}

export interface Total {
  substance: Named;
  /** The sum of the lines whose dose could be read; when not `complete`, the least taken. */
  amount: number;
  low: number;
  unit: DisplayUnit | '';
  of: string;
  /** The amount in words. */
  text: string;
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
  /** The lines behind the verdict (0-based), to act on first. */
  lines: number[];
}

export interface AllergyReport {
  input: string;
  substances: Named[];
}

export interface Report {
  lang: Lang;
  kb: { version: string; reviewedOn: string; title: string };
  /** The dialysis context used, with the defaults that were assumed. */
  patient: Patient;
  assumed: { modality: boolean; sessionsPerWeek: boolean };
  items: LineReport[];
  interactions: (Finding & { items: number[]; actOn: number[] })[];
  /** Interactions found beyond the cap, not listed one by one. */
  moreInteractions: number;
  totals: Total[];
  context: Finding[];
  allergies: AllergyReport[];
  /** Numbers worked out from the dialysis context (ultrafiltration rate, weight gain). */
  metrics: Partial<Record<MetricName, number>>;
  summary: Summary;
}
