/**
 * The in-memory knowledge base the engine and the web layer read: validated data plus the
 * indexes built once at start-up (names, class membership), so requests never touch the disk.
 */
import { NameIndex } from './name-index.js';
import { classMembership, namesOf } from './queries.js';
import type {
  ContextRule,
  DrugClass,
  Interaction,
  KbData,
  KbMeta,
  Product,
  Reference,
  Rule,
  Substance,
} from './schema.js';

export type NameTarget =
  | { kind: 'substance'; id: string; formId?: string; name: string }
  | { kind: 'product'; id: string; name: string };

export interface KnowledgeBase {
  readonly meta: KbMeta;
  readonly references: ReadonlyMap<string, Reference>;
  readonly substances: ReadonlyMap<string, Substance>;
  readonly products: ReadonlyMap<string, Product>;
  readonly classes: ReadonlyMap<string, DrugClass>;
  /** Classes each substance belongs to. */
  readonly classesOf: ReadonlyMap<string, readonly string[]>;
  readonly interactions: readonly Interaction[];
  readonly contextRules: readonly ContextRule[];
  /** Rule code → the rule of a substance or product, an interaction or a context rule. */
  readonly rules: ReadonlyMap<string, Rule>;
  readonly interactionsByCode: ReadonlyMap<string, Interaction>;
  readonly contextRulesByCode: ReadonlyMap<string, ContextRule>;
  /** Class id → its members, from the class and from the substances' `memberOf`. */
  readonly classMembers: ReadonlyMap<string, readonly string[]>;
  /** Every name, by its key (see nameKey), with what it names. */
  readonly names: NameIndex;
  /** Substance id → the interactions (by their index in `interactions`) and sides that may name it. */
  readonly interactionSides: ReadonlyMap<string, readonly InteractionSide[]>;
}

export interface InteractionSide {
  rule: number;
  side: 0 | 1;
}

function interactionSides(interactions: readonly Interaction[], classMembers: ReadonlyMap<string, readonly string[]>): Map<string, InteractionSide[]> {
  const sides = new Map<string, InteractionSide[]>();
  interactions.forEach((x, rule) => {
    x.between.forEach((party, side) => {
      const ids = 'substance' in party ? [party.substance] : (classMembers.get(party.class) ?? []);
      for (const id of ids) {
        const list = sides.get(id) ?? [];
        list.push({ rule, side: side as 0 | 1 });
        sides.set(id, list);
      }
    });
  });
  return sides;
}

export function indexKnowledgeBase(data: KbData): KnowledgeBase {
  const classesOf = classMembership(data.classes, data.substances);
  const classMembers = new Map<string, string[]>(data.classes.map((c) => [c.id, []]));
  for (const [substance, classes] of classesOf) for (const c of classes) classMembers.get(c)?.push(substance);
  const names = new NameIndex();
  const register = (name: string, target: NameTarget) => names.add(name, target);
  for (const s of data.substances) {
    for (const { name, formId } of namesOf(s)) {
      register(name, formId ? { kind: 'substance', id: s.id, formId, name } : { kind: 'substance', id: s.id, name });
    }
  }
  for (const p of data.products) {
    for (const { name } of namesOf(p)) register(name, { kind: 'product', id: p.id, name });
  }
  return {
    meta: data.meta,
    references: new Map(data.references.map((r) => [r.id, r])),
    substances: new Map(data.substances.map((s) => [s.id, s])),
    products: new Map(data.products.map((p) => [p.id, p])),
    classes: new Map(data.classes.map((c) => [c.id, c])),
    classesOf,
    interactions: data.interactions,
    contextRules: data.contextRules,
    rules: new Map([...data.substances, ...data.products].flatMap((e) => e.rules.map((r) => [r.code, r] as const))),
    interactionsByCode: new Map(data.interactions.map((x) => [x.code, x])),
    contextRulesByCode: new Map(data.contextRules.map((c) => [c.code, c])),
    classMembers,
    names,
    interactionSides: interactionSides(data.interactions, classMembers),
  };
}
