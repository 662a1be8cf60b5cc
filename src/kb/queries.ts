/** Questions asked of knowledge-base entries by the engine, the resolver and the KB pages alike. */
import type { Party, Product, Route, Rule, RuleCondition, Substance } from './schema.js';

/** The names a substance, its forms or a product answer to (including their display names). */
export function namesOf(entry: Substance | Product): { name: string; formId?: string }[] {
  const out: { name: string; formId?: string }[] = [
    { name: entry.name.en },
    { name: entry.name.nl },
    ...entry.names.map((name) => ({ name })),
  ];
  if ('forms' in entry) {
    for (const f of entry.forms) {
      for (const name of [f.name.en, f.name.nl, ...f.names]) out.push({ name, formId: f.id });
    }
  }
  return out;
}

/** A rule that compares a dose with a limit, so it needs the dose of the line. */
export function isDoseRule(rule: { when: RuleCondition }): boolean {
  const w = rule.when;
  return w.dailyDoseAbove !== undefined || w.singleDoseAbove !== undefined || w.sessionDoseAbove !== undefined;
}

export function doseRules(rules: readonly Rule[]): Rule[] {
  return rules.filter(isDoseRule);
}

/** The code of a substance's "within the limits" finding. */
export const withinLimitsCode = (substanceId: string): string => `${substanceId}.within-limits`;

/** Whether `substance`, given by `route`, is the party an interaction names. */
export function partyIncludes(
  party: Party,
  substance: Substance,
  classesOf: ReadonlyMap<string, readonly string[]>,
  route?: Route,
): boolean {
  if (party.routes && route !== undefined && !party.routes.includes(route)) return false;
  if ('substance' in party) return party.substance === substance.id;
  return classesOf.get(substance.id)?.includes(party.class) ?? false;
}

/** Class id → the substances in it, from the classes' member lists and the substances' `memberOf`. */
export function classMembership(
  classes: readonly { id: string; members: readonly string[] }[],
  substances: readonly Substance[],
): Map<string, string[]> {
  const classesOf = new Map<string, string[]>();
  const add = (substance: string, cls: string) => {
    const list = classesOf.get(substance) ?? [];
    if (!list.includes(cls)) list.push(cls);
    classesOf.set(substance, list);
  };
  for (const c of classes) for (const m of c.members) add(m, c.id);
  for (const s of substances) for (const c of s.memberOf) add(s.id, c);
  return classesOf;
}
