/**
 * The in-memory knowledge base the engine and the web layer read: validated data plus the
 * indexes built once at start-up (names, class membership), so requests never touch the disk.
 */
import { boundaries, nameKey, namePieces } from './names.js';
import { classMembership, namesOf } from './queries.js';
import type {
  ContextRule,
  DrugClass,
  Interaction,
  KbData,
  KbMeta,
  Product,
  Reference,
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
  /** Name key (see nameKey) → what it names. */
  readonly names: ReadonlyMap<string, NameTarget>;
  /** Name key → the word boundaries of each spelling the KB gives it (see names.ts). */
  readonly nameBoundaries: ReadonlyMap<string, readonly (readonly number[])[]>;
}

export function indexKnowledgeBase(data: KbData): KnowledgeBase {
  const classesOf = classMembership(data.classes, data.substances);
  const names = new Map<string, NameTarget>();
  const nameBoundaries = new Map<string, number[][]>();
  const register = (name: string, target: NameTarget) => {
    const key = nameKey(name);
    names.set(key, target);
    nameBoundaries.set(key, [...(nameBoundaries.get(key) ?? []), boundaries(namePieces(name))]);
  };
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
    names,
    nameBoundaries,
  };
}
