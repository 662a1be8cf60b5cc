/**
 * The engine: a pure function from resolved lines, the patient's context and the knowledge base
 * to an Assessment of codes, verdicts and numbers. It knows nothing of HTTP, writes no words, and
 * holds no clinical facts; those are all in the KB.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { withinLimitsCode } from '../kb/queries.js';
import type { Patient } from '../patient.js';
import type { ResolvedItem } from '../resolve/types.js';
import { allergyFindings, assessAllergies, unrecognisedAllergies } from './allergies.js';
import {
  type Assessment,
  type Finding,
  type FoundInteraction,
  type InteractionFinding,
  type LineAssessment,
  type Related,
  type Summary,
  TRIAGE_ORDER,
  type TotalAssessment,
  type Verdict,
  VERDICTS,
  verdictOfSeverity,
  worstOf,
} from './assessment.js';
import { runSteps, type Steps } from '../steps.js';
import { checkLine } from './check-line.js';
import { contextMetrics, crampCauses, findContext, ordered } from './context.js';
import { findInteractions } from './interactions.js';
import { findTotals } from './totals.js';

export interface CheckInput {
  /** The patient's previous reactions, resolved like list lines. */
  allergies?: readonly ResolvedItem[];
}

/**
 * The partner line of an interaction acted on elsewhere: keep taking it, and see there. A line that
 * is to be avoided, or was not checked, is not told to keep going: it only points to the other line.
 */
function partnerFinding(x: FoundInteraction, k: number, item: ResolvedItem, lineVerdict: Verdict): Finding {
  const [a, b] = x.values.partners ?? ['', ''];
  const own = item.ingredients.some((i) => i.substance.id === a) ? a : b;
  const code = lineVerdict === 'avoid' || lineVerdict === 'unknown' ? 'interaction.see-line' : 'interaction.keep-taking';
  return {
    code,
    severity: 'caution',
    basis: { kind: 'system', code },
    source: x.source,
    values: { substance: own, partners: x.values.partners ?? ['', ''], see: { interaction: k, lines: x.actOn, substance: own === a ? b : a } },
    items: x.items,
  };
}

/** A line, and its verdict apart from interactions and pointers: its own findings and the totals. */
interface Assessed {
  line: LineAssessment;
  standing: Verdict;
}

function assessLine(
  item: ResolvedItem,
  patient: Patient,
  kb: KnowledgeBase,
  found: { interactions: FoundInteraction[]; totals: TotalAssessment[]; allergies: ReturnType<typeof assessAllergies> },
): Assessed {
  const own = checkLine(item, patient);
  const allergic = allergyFindings(item, found.allergies, kb);
  // "Within the limit" on its own is not true of a line whose substance adds up to too much.
  const overLimit = new Set(
    found.totals.filter((t) => t.items.includes(item.index) && t.severity !== 'info').map((t) => withinLimitsCode(t.substance)),
  );
  const findings = [...allergic, ...own.findings.filter((f) => !overLimit.has(f.code))];
  const ownVerdict = allergic.length > 0 ? 'avoid' : own.verdict;
  const related: Related[] = [];
  const raised: Verdict[] = [];
  const fromTotals: Verdict[] = [];
  const partnerOf: [FoundInteraction, number][] = [];
  found.interactions.forEach((x, k) => {
    if (!x.items.includes(item.index) || x.severity === 'info') return;
    if (x.actOn.includes(item.index)) {
      related.push({ kind: 'interaction', index: k });
      raised.push(verdictOfSeverity(x.severity));
    } else partnerOf.push([x, k]);
  });
  found.totals.forEach((t, k) => {
    if (!t.items.includes(item.index)) return;
    t.findings.forEach((f, j) => {
      if (f.severity === 'info' || own.fired.has(f.code)) return;
      related.push({ kind: 'total', index: k, finding: j });
      fromTotals.push(verdictOfSeverity(f.severity));
    });
  });
  // Whether the line is to be avoided (for what it is, another interaction or a total) or was not checked decides what its partner findings say.
  const standing = worstOf([ownVerdict, ...fromTotals]);
  const apartFromPartners = worstOf([standing, ...raised]);
  for (const [x, k] of partnerOf) {
    const partner = partnerFinding(x, k, item, apartFromPartners);
    findings.push(partner);
    raised.push(verdictOfSeverity(partner.severity));
  }
  return { line: { index: item.index, item, verdict: worstOf([standing, ...raised]), coverage: own.coverage, findings, related }, standing };
}

/**
 * Whether an interaction may tell the lines it keeps to keep taking them: the line it is not acted
 * on, or with both acted on both lines. Each must have been checked and be fine apart from this
 * interaction; the other interactions acted on at it count.
 */
function keeps(x: FoundInteraction, k: number, assessed: ReadonlyMap<number, Assessed>, interactions: readonly FoundInteraction[]): boolean {
  const kept = x.items.every((i) => x.actOn.includes(i)) ? x.items : x.items.filter((i) => !x.actOn.includes(i));
  return kept.every((i) => {
    const a = assessed.get(i);
    if (!a) return false;
    const others = a.line.related.flatMap((r) => (r.kind === 'interaction' && r.index !== k ? [verdictOfSeverity(interactions[r.index]?.severity ?? 'info')] : []));
    const verdict = worstOf([a.standing, ...others]);
    return verdict !== 'avoid' && verdict !== 'unknown';
  });
}

/** A total whose dose could not be checked is not checked, as its lines are, rather than a caution of its own. */
function totalVerdict(t: TotalAssessment): Verdict {
  const concerns = t.findings.filter((f) => f.severity !== 'info');
  return concerns.length > 0 && concerns.every((f) => f.code === 'dose.not-checked') ? 'unknown' : verdictOfSeverity(t.severity);
}

function summarise(lines: LineAssessment[], assessment: Pick<Assessment, 'interactions' | 'totals' | 'context'>): Summary {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, lines.filter((l) => l.verdict === v).length])) as Record<Verdict, number>;
  const verdict = worstOf(
    [
      ...lines.map((l) => l.verdict),
      ...assessment.interactions.map((x) => verdictOfSeverity(x.severity)),
      ...assessment.totals.map(totalVerdict),
      ...assessment.context.map((c) => verdictOfSeverity(c.severity)),
    ],
    TRIAGE_ORDER,
  );
  const behind = (l: LineAssessment) =>
    l.verdict === verdict ||
    ((verdict === 'caution' || verdict === 'avoid') &&
      l.related.some((r) => verdictOfSeverity((r.kind === 'interaction' ? assessment.interactions[r.index] : assessment.totals[r.index]?.findings[r.finding])?.severity ?? 'info') === verdict));
  return { verdict, counts, lines: verdict === 'ok' ? [] : lines.filter(behind).map((l) => l.index) };
}

export function check(items: ResolvedItem[], patient: Patient, kb: KnowledgeBase, input: CheckInput = {}): Assessment {
  return runSteps(checkSteps(items, patient, kb, input));
}

/** check, a line at a time: it yields after the interactions, the totals and each line. */
export function* checkSteps(items: ResolvedItem[], patient: Patient, kb: KnowledgeBase, input: CheckInput = {}): Steps<Assessment> {
  const allergies = assessAllergies(input.allergies ?? []);
  const { found, more } = yield* findInteractions(items, kb);
  const totals = findTotals(items, patient);
  yield;
  const assessed: Assessed[] = [];
  for (const item of items) {
    assessed.push(assessLine(item, patient, kb, { interactions: found, totals, allergies }));
    yield;
  }
  const lines = assessed.map((a) => a.line);
  const byLine = new Map(assessed.map((a) => [a.line.index, a]));
  // Past the cap interactions are only counted: one acted on at a line kept might make it avoid, so none is told to keep going.
  const interactions: InteractionFinding[] = found.map((x, k) => ({ ...x, keep: more === 0 && keeps(x, k, byLine, found) }));
  const context = ordered([...unrecognisedAllergies(allergies), ...findContext(items, patient, kb), ...crampCauses(items)]);
  return {
    kb: { version: kb.meta.version, reviewedOn: kb.meta.reviewedOn },
    patient,
    lines,
    interactions,
    moreInteractions: more,
    totals,
    context,
    allergies,
    metrics: contextMetrics(patient),
    summary: summarise(lines, { interactions, totals, context }),
  };
}
