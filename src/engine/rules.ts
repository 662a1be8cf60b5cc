/** Deciding whether a knowledge-base rule applies to an ingredient of a line. */
import { formatAmount } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import type { Lang, Rule, RuleCondition, Substance } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import type { ResolvedIngredient, Span } from '../resolve/types.js';

export type DoseOutcome = { result: 'fires' | 'passes'; values: Record<string, string> } | { result: 'unknown' };

/** The conditions that do not depend on the dose: route, tags, modality. */
export function conditionsHold(
  when: RuleCondition,
  ingredient: Pick<ResolvedIngredient, 'route' | 'tags'>,
  patient: Patient,
): boolean {
  if (when.route && when.route !== ingredient.route) return false;
  if (when.tags && !when.tags.some((t) => ingredient.tags.includes(t))) return false;
  if (when.notTags?.some((t) => ingredient.tags.includes(t))) return false;
  if (when.modality && !when.modality.includes(patient.modality ?? 'hd')) return false;
  return true;
}

export function isDoseRule(rule: Rule): boolean {
  return rule.when.dailyDoseAbove !== undefined || rule.when.singleDoseAbove !== undefined;
}

export function describeAmount(span: { low: number; high: number; unit: string }, substance: Substance, lang: Lang): string {
  return formatAmount(span.low, span.high, span.unit, lang, substance.measure?.of[lang]);
}

/** Compares the dose with the rule's limits; the upper end of a dose range is what counts. */
export function checkDose(
  when: RuleCondition,
  dose: { daily?: Span | undefined; single?: Span | undefined; dosingDay?: Span | undefined },
  substance: Substance,
  lang: Lang,
): DoseOutcome {
  // A line not taken every day is held to a daily limit on the days it is taken, unless the
  // rule's limit is on build-up over the week.
  const onDosingDay = when.doseBasis !== 'average' && dose.dosingDay !== undefined;
  const limits: [Span | undefined, { amount: number; unit: string } | undefined, boolean][] = [
    [onDosingDay ? dose.dosingDay : dose.daily, when.dailyDoseAbove, onDosingDay],
    [dose.single, when.singleDoseAbove, false],
  ];
  let fires = true;
  const values: Record<string, string> = {};
  for (const [amount, limit, dosingDay] of limits) {
    if (!limit) continue;
    if (!amount) return { result: 'unknown' };
    fires &&= amount.high > limit.amount;
    values.dose ??= `${describeAmount(amount, substance, lang)}${dosingDay ? ` ${messages(lang).onDosingDays}` : ''}`;
    values.limit ??= describeAmount({ low: limit.amount, high: limit.amount, unit: limit.unit }, substance, lang);
  }
  return { result: fires ? 'fires' : 'passes', values };
}

/** "above 250 mg quinine base per day", for "dose not checked" findings. */
export function describeLimits(rules: Rule[], substance: Substance, lang: Lang, perDay: string): string {
  return rules
    .flatMap((r) => [
      r.when.dailyDoseAbove && `${r.title[lang]} (> ${describeAmount({ low: r.when.dailyDoseAbove.amount, high: r.when.dailyDoseAbove.amount, unit: r.when.dailyDoseAbove.unit }, substance, lang)} ${perDay})`,
      r.when.singleDoseAbove && `${r.title[lang]} (> ${describeAmount({ low: r.when.singleDoseAbove.amount, high: r.when.singleDoseAbove.amount, unit: r.when.singleDoseAbove.unit }, substance, lang)})`,
    ])
    .filter((s): s is string => Boolean(s))
    .join('; ');
}
