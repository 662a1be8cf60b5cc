/**
 * What the engine decides, before any of it is put into words: per line the verdict, the findings
 * with their codes and severities, what they rest on, and the numbers they used. `explain/` turns
 * it into sentences; CDS Hooks cards and the batch CLI read the codes.
 */
import type { Route } from '../intake/types.js';
import type { MeasureUnit, MetricName, Severity } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import type { DoseGap, ResolvedItem } from '../resolve/types.js';

export const VERDICTS = ['avoid', 'caution', 'unknown', 'ok'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * What to act on first: avoid, then caution, then the lines not checked, then the fine ones.
 * A list with any line not checked is never all clear (see decision 001).
 */
export const TRIAGE_ORDER: readonly Verdict[] = VERDICTS;

/**
 * The verdict of one line: "not checked" outranks caution there, because the unread part of a
 * line may hide anything; only an avoid of its own outranks it.
 */
export const LINE_ORDER: readonly Verdict[] = ['avoid', 'unknown', 'caution', 'ok'];

export function worstOf(verdicts: Iterable<Verdict>, order: readonly Verdict[] = LINE_ORDER): Verdict {
  let worst: Verdict = 'ok';
  for (const v of verdicts) if (order.indexOf(v) < order.indexOf(worst)) worst = v;
  return worst;
}

export function verdictOfSeverity(s: Severity): Verdict {
  return s === 'info' ? 'ok' : s;
}

/** How far the knowledge base could review a line. */
export const COVERAGES = ['reviewed', 'interactions-only', 'not-recognised', 'dose-not-read'] as const;
export type Coverage = (typeof COVERAGES)[number];

/** Where a finding comes from in the knowledge base, for a link to its page. */
export interface FindingSource {
  kind: 'substance' | 'product' | 'interaction' | 'context' | 'coverage';
  id: string;
}

/** The engine's own checks, as opposed to rules written in the knowledge base. */
export const SYSTEM_CODES = [
  'input.not-recognised',
  'input.several-medicines',
  'kb.interactions-only',
  'route.not-reviewed',
  'dose.not-checked',
  'total.incomplete',
  'interaction.keep-taking',
  'interaction.see-line',
  'allergy.previous-reaction',
  'allergy.not-recognised',
] as const;
export type SystemCode = (typeof SYSTEM_CODES)[number];

/** Findings that point to an interaction dealt with on another line rather than say something of their own. */
export const POINTER_CODES: ReadonlySet<string> = new Set<SystemCode>(['interaction.keep-taking', 'interaction.see-line']);

/** What a finding rests on: a knowledge-base entry's texts, or one of the engine's own checks. */
export type Basis =
  | { kind: 'rule'; owner: 'substance' | 'product'; id: string; code: string }
  | { kind: 'within-limits'; substance: string }
  | { kind: 'interaction'; code: string }
  | { kind: 'context'; code: string }
  | { kind: 'cramp-cause'; substance: string }
  | { kind: 'system'; code: SystemCode };

/** Which dose was compared with a limit. */
export type DoseBasis = 'daily' | 'dosing-day' | 'maintenance' | 'single' | 'session';

export interface Amount {
  low: number;
  high: number;
  unit: MeasureUnit;
}

export interface DoseValue extends Amount {
  basis: DoseBasis;
}

/** The numbers and entries a finding used; explain/ puts them into words. */
export interface FindingValues {
  /** The substance the finding is about. */
  substance?: string;
  /** The dose compared with the limit. */
  dose?: DoseValue;
  limit?: { amount: number; unit: MeasureUnit; basis: DoseBasis };
  /** Why a dose could not be worked out. */
  gap?: DoseGap;
  /** Rules that could not be applied because the dose was not read. */
  unchecked?: string[];
  /** The two substances an interaction found, in the rule's order. */
  partners?: [string, string];
  /** Lines the finding concerns (0-based). */
  lines?: number[];
  /** For a total: the lines whose dose was read, and those whose dose was not. */
  counted?: number[];
  unread?: number[];
  /** For a total: the amount per day of the lines that were read. */
  total?: Amount;
  /** Names offered for a line that was not recognised. */
  suggestions?: string[];
  /** The medicines a line names, when it names more than one line may. */
  names?: string[];
  /** The line as written. */
  input?: string;
  route?: Route;
  /** A previous reaction the line matches. */
  allergy?: { index: number; input: string; substance: string };
  /** For a line told to keep taking its medicine: the interaction and the line to act on. */
  see?: { interaction: number; lines: number[]; substance: string };
}

export interface Finding {
  code: string;
  severity: Severity;
  basis: Basis;
  source: FindingSource;
  values: FindingValues;
  /** Lines (0-based) an interaction, total or context finding concerns. */
  items?: number[];
  /** For dialysis-context findings: a cause of cramps to review, or a note on reading the report. */
  context?: { kind: 'cause' | 'notice'; weight: number };
}

/** A finding about a line that is described once, elsewhere in the assessment. */
export type Related = { kind: 'interaction'; index: number } | { kind: 'total'; index: number; finding: number };

export interface LineAssessment {
  index: number;
  item: ResolvedItem;
  verdict: Verdict;
  coverage: Coverage;
  /** The line's own findings. */
  findings: Finding[];
  /** Interactions and totals that raise this line's verdict, described at the top level. */
  related: Related[];
}

export interface FoundInteraction extends Finding {
  items: number[];
  /** The lines to act on; they carry the verdict, the others are pointed to them. */
  actOn: number[];
}

export interface InteractionFinding extends FoundInteraction {
  /**
   * Whether the lines the interaction keeps (the ones not acted on, or with both acted on both)
   * may be told to keep taking them: each was checked, and nothing but this interaction puts it
   * at avoid. The KB's `keep` texts are said only then (decision 017).
   */
  keep: boolean;
}

export interface TotalAssessment {
  substance: string;
  /** The sum of the lines whose dose could be read; when not `complete`, the least taken. */
  amount?: Amount;
  items: number[];
  complete: boolean;
  counted: number[];
  severity: Severity;
  findings: Finding[];
}

export interface AllergyAssessment {
  index: number;
  item: ResolvedItem;
  substances: string[];
}

export interface Summary {
  /** The worst verdict, in triage order: a list with a line not checked is never ok. */
  verdict: Verdict;
  counts: Record<Verdict, number>;
  /** The lines behind the verdict (for "ok", none). */
  lines: number[];
}

export interface Assessment {
  kb: { version: string; reviewedOn: string };
  patient: Patient;
  lines: LineAssessment[];
  interactions: InteractionFinding[];
  /** Interactions found beyond the cap, not listed one by one. */
  moreInteractions: number;
  totals: TotalAssessment[];
  context: Finding[];
  allergies: AllergyAssessment[];
  metrics: Partial<Record<MetricName, number>>;
  summary: Summary;
}
