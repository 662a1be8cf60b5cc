/** Deciding whether a knowledge-base rule applies to an ingredient of a line, and with which numbers. */
import type { Rule, RuleCondition } from '../kb/schema.js';
import { DEFAULT_MODALITY, type Patient } from '../patient.js';
import type { DoseGap, DoseReading, ResolvedIngredient, Span } from '../resolve/types.js';
import type { DoseBasis, Finding, FindingValues } from './assessment.js';

export type DoseOutcome =
  | { result: 'fires' | 'passes'; values: Pick<FindingValues, 'dose' | 'limit'> }
  | { result: 'unknown'; gap?: DoseGap };

/** The conditions that do not depend on the dose: route, tags, modality. */
export function conditionsHold(
  when: RuleCondition,
  ingredient: Pick<ResolvedIngredient, 'route' | 'tags'>,
  patient: Patient,
): boolean {
  if (when.route && when.route !== ingredient.route) return false;
  if (when.tags && !when.tags.some((t) => ingredient.tags.includes(t))) return false;
  if (when.notTags?.some((t) => ingredient.tags.includes(t))) return false;
  if (when.modality && !when.modality.includes(patient.modality ?? DEFAULT_MODALITY)) return false;
  return true;
}

const ZERO = (unit: Span['unit']): Span => ({ low: 0, high: 0, unit });

/**
 * The dose `dailyDoseAbove` is compared with. A line not taken every day is held to a daily limit
 * on the days it is taken, unless the rule's limit is on build-up over the week, or on the
 * maintenance dose of a regimen that adds a supplement after each session.
 */
export function dailyFor(when: RuleCondition, dose: DoseReading): { span: Span | undefined; basis: DoseBasis } {
  if (when.doseBasis === 'average') return { span: dose.daily, basis: 'daily' };
  if (when.doseBasis === 'maintenance') {
    // A line without a supplement after sessions is all maintenance: on the days it is taken.
    if (dose.maintenance) return { span: dose.maintenance, basis: 'maintenance' };
    if (dose.dosingDay) return { span: dose.dosingDay, basis: 'dosing-day' };
    return { span: dose.daily, basis: 'daily' };
  }
  if (dose.dosingDay) return { span: dose.dosingDay, basis: 'dosing-day' };
  return { span: dose.daily, basis: 'daily' };
}

/** The dose given for one session: none when the line is not given per session and its dose is known. */
function sessionFor(dose: DoseReading): Span | undefined {
  if (dose.session) return dose.session;
  const known = dose.maintenance ?? dose.daily;
  return known ? ZERO(known.unit) : undefined;
}

/**
 * Compares the dose with the rule's limits; the upper end of a dose range is what counts.
 * `sessionLimited`: whether the substance also limits a dose per session. Without such a limit, the
 * doses a line gives at sessions are compared with nothing: a limit on the maintenance dose cannot
 * vouch for them (at 0 mg for a line given only at sessions, or beside a daily dose), so the rule
 * cannot be applied.
 */
export function checkDose(when: RuleCondition, dose: DoseReading, sessionLimited = true): DoseOutcome {
  if (when.doseBasis === 'maintenance' && when.dailyDoseAbove && !sessionLimited && dose.session && dose.session.high > 0) {
    return { result: 'unknown', gap: 'no-session-limit' };
  }
  const daily = dailyFor(when, dose);
  const limits: [Span | undefined, { amount: number; unit: Span['unit'] } | undefined, DoseBasis][] = [
    [daily.span, when.dailyDoseAbove, daily.basis],
    [dose.single, when.singleDoseAbove, 'single'],
    [sessionFor(dose), when.sessionDoseAbove, 'session'],
  ];
  let fires = true;
  const values: Pick<FindingValues, 'dose' | 'limit'> = {};
  for (const [amount, limit, basis] of limits) {
    if (!limit) continue;
    if (!amount) return { result: 'unknown' };
    fires &&= amount.high > limit.amount;
    values.dose ??= { low: amount.low, high: amount.high, unit: amount.unit, basis };
    values.limit ??= { amount: limit.amount, unit: limit.unit, basis };
  }
  return { result: fires ? 'fires' : 'passes', values };
}

/** The finding of a substance's or product's rule that fired. */
export function ruleFinding(rule: Rule, owner: { kind: 'substance' | 'product'; id: string }, values: FindingValues, items?: number[]): Finding {
  return {
    code: rule.code,
    severity: rule.severity,
    basis: { kind: 'rule', owner: owner.kind, id: owner.id, code: rule.code },
    source: { kind: owner.kind, id: owner.id },
    values,
    ...(items ? { items } : {}),
  };
}
