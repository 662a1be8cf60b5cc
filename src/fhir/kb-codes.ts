/**
 * RxNorm and ATC codes → the knowledge-base entries that carry them, indexed once per knowledge
 * base (not per request). A FHIR coding names its medicine more reliably than its display text.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';

export interface CodeTarget {
  kind: 'substance' | 'product';
  id: string;
}

interface CodeIndex {
  rxnorm: Map<string, CodeTarget[]>;
  atc: Map<string, CodeTarget[]>;
}

const RXNORM_SYSTEMS = new Set(['http://www.nlm.nih.gov/research/umls/rxnorm', 'urn:oid:2.16.840.1.113883.6.88']);
const ATC_SYSTEMS = new Set(['http://www.whocc.no/atc', 'urn:oid:2.16.840.1.113883.6.73']);
/** An ATC group in the KB ("A12CC", magnesium) also names the substances under it ("A12CC10", magnesium oxide); a 3rd-level group is too broad to. */
const MIN_ATC_PREFIX = 5;

const indexes = new WeakMap<KnowledgeBase, CodeIndex>();

function add(map: Map<string, CodeTarget[]>, code: string, target: CodeTarget): void {
  const list = map.get(code) ?? [];
  if (!list.some((t) => t.kind === target.kind && t.id === target.id)) list.push(target);
  map.set(code, list);
}

function codeIndex(kb: KnowledgeBase): CodeIndex {
  let index = indexes.get(kb);
  if (index) return index;
  index = { rxnorm: new Map(), atc: new Map() };
  const entries = [
    ...[...kb.substances.values()].map((e) => ({ e, kind: 'substance' as const })),
    ...[...kb.products.values()].map((e) => ({ e, kind: 'product' as const })),
  ];
  for (const { e, kind } of entries) {
    for (const code of e.codes?.rxnorm ?? []) add(index.rxnorm, code, { kind, id: e.id });
    for (const code of e.codes?.atc ?? []) add(index.atc, code.toUpperCase(), { kind, id: e.id });
  }
  indexes.set(kb, index);
  return index;
}

const systemKey = (system: string | undefined) => (system ?? '').trim().replace(/\/+$/, '').toLowerCase();

/** The entries a coding names: by RxNorm code, by ATC code or the most specific KB group above it. */
export function entriesForCoding(kb: KnowledgeBase, coding: { system?: string | undefined; code?: string | undefined }): CodeTarget[] {
  const code = coding.code?.trim();
  if (!code) return [];
  const index = codeIndex(kb);
  const system = systemKey(coding.system);
  if (RXNORM_SYSTEMS.has(system)) return index.rxnorm.get(code) ?? [];
  if (!ATC_SYSTEMS.has(system)) return [];
  const atc = code.toUpperCase();
  for (let n = atc.length; n >= MIN_ATC_PREFIX; n--) {
    const found = index.atc.get(atc.slice(0, n));
    if (found) return found;
  }
  return [];
}

/**
 * The one entry the codings name together: a product coded with its own ingredient's codes is
 * that product; otherwise a substance wins over products that share its code (sacubitril/valsartan
 * and its strengths). Two substances, or two products, are no answer.
 */
export function entryForCodings(kb: KnowledgeBase, codings: readonly { system?: string | undefined; code?: string | undefined }[]): CodeTarget | undefined {
  const found = new Map<string, CodeTarget>();
  for (const c of codings) for (const t of entriesForCoding(kb, c)) found.set(`${t.kind}:${t.id}`, t);
  const all = [...found.values()];
  const substances = all.filter((t) => t.kind === 'substance');
  const products = all.filter((t) => t.kind === 'product');
  const [product] = products;
  if (products.length === 1 && product && substances.length > 0) {
    const ingredients = new Set(kb.products.get(product.id)?.ingredients.map((i) => i.substance));
    // Named by a code of its own, not one it shares with its substance.
    const byProductCode = codings.some((c) => {
      const targets = entriesForCoding(kb, c);
      return targets.length > 0 && targets.every((t) => t.kind === 'product');
    });
    if (byProductCode && substances.every((s) => ingredients.has(s.id))) return product;
  }
  if (substances.length === 1) return substances[0];
  if (substances.length === 0 && products.length === 1) return product;
  return undefined;
}
