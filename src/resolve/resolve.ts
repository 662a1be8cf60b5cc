/**
 * Turns parsed lines into items the engine can check: names → substances (directly or through
 * a product's ingredients), the form and route, and the dose of every ingredient.
 */
import { NUMBER_WORDS } from '../intake/numbers.js';
import { FORM_WORDS, HARMLESS, unitOf } from '../intake/vocabulary.js';
import { parseLine } from '../intake/parse-line.js';
import type { ParsedLine, Token } from '../intake/types.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Form, Product, ReadAs, Substance } from '../kb/schema.js';
import type { Patient } from '../patient.js';
import { productDose, substanceDose } from './dose.js';
import { findNames, suggestNames } from './match-names.js';
import { kbWordKey } from './token-keys.js';
import { WordRuns } from './word-runs.js';
import type { LineReading, NameMatch, ResolvedIngredient, ResolvedItem } from './types.js';

/** The runs of the words no name took, made once per line and only if a match has qualifiers. */
type RestRuns = () => WordRuns;

function restRunsOf(rest: Token[]): RestRuns {
  let runs: WordRuns | undefined;
  return () => (runs ??= new WordRuns(rest.filter((t) => t.kind !== 'punct')));
}

/** Which of two runs of words comes first on the line, the shorter first at one start. */
const earlier = (a: Token[], b: Token[]) => (a[0]?.start ?? 0) - (b[0]?.start ?? 0) || a.length - b.length;

/** A form chosen by a qualifier elsewhere on the line ("Vitamin E 400 IU natural", "d-alpha"). */
function formByQualifier(substance: Substance, runsOf: RestRuns): { form: Form; tokens: Token[] } | undefined {
  if (!substance.forms.some((f) => f.qualifiers.length > 0)) return undefined;
  const runs = runsOf();
  for (const form of substance.forms) {
    let hit: Token[] | undefined;
    for (const q of form.qualifiers) {
      const tokens = runs.first(kbWordKey(q));
      if (tokens && (!hit || earlier(tokens, hit) < 0)) hit = tokens;
    }
    if (hit) return { form, tokens: hit };
  }
  return undefined;
}

function uniqueMatches(matches: NameMatch[]): NameMatch[] {
  const byEntry = new Map<string, NameMatch>();
  for (const m of matches) {
    const key = `${m.target.kind}:${m.target.id}`;
    const previous = byEntry.get(key);
    // Keep the match that names a form, when one does.
    if (!previous || (m.target.kind === 'substance' && m.target.formId && !(previous.target.kind === 'substance' && previous.target.formId))) {
      byEntry.set(key, m);
    }
  }
  return [...byEntry.values()];
}

/**
 * "Calcium acetate (Phosex)", "Calcichew (calcium carbonate)": a substance named next to a product
 * that contains it describes the same line, not a second medicine.
 */
function withoutIngredientsOfProducts(matches: NameMatch[], kb: KnowledgeBase): NameMatch[] {
  const inProducts = new Set(
    matches.flatMap((m) => (m.target.kind === 'product' ? (kb.products.get(m.target.id)?.ingredients ?? []).map((i) => i.substance) : [])),
  );
  return matches.filter((m) => m.target.kind !== 'substance' || !inProducts.has(m.target.id));
}

/** Words before a name that say what a medicine is for: "Lokelma voor hoog kalium", "iron for anaemia". */
const INDICATION = new Set(['voor', 'for', 'tegen', 'against', 'ter', 'bij', 'wegens', 'because']);

/** The index of the first of a line's tokens (in order, as intake gives them) that starts at or after `offset`. */
function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A name after "voor"/"for" behind another name is what the first is for, not a second medicine. */
function withoutIndications(matches: NameMatch[], tokens: Token[]): NameMatch[] {
  if (matches.length < 2) return matches;
  return matches.filter((m, i) => {
    if (i === 0) return true;
    // The last three tokens between the previous name and this one.
    const from = firstTokenFrom(tokens, matches[i - 1]?.end ?? 0);
    let seen = 0;
    for (let k = firstTokenFrom(tokens, m.start) - 1; k >= from && seen < 3; k--) {
      const t = tokens[k] as Token;
      if (t.end > m.start) continue;
      if (INDICATION.has(t.norm)) return false;
      seen++;
    }
    return true;
  });
}

function entryOf(target: NameMatch['target'], kb: KnowledgeBase): Substance | Product | undefined {
  return target.kind === 'substance' ? kb.substances.get(target.id) : kb.products.get(target.id);
}

/**
 * The runs of the line that are a readAs word. A word that is a number with a sign ("-30%") must be
 * written with its percent sign: "zout 30 g" is salt weighed, not a salt with 30% less sodium.
 */
function readAsRuns(word: string, runs: WordRuns, tokens: readonly Token[]): Token[][] {
  const key = kbWordKey(word);
  const found = [...runs.runs(key)];
  if (!/^\d+$/.test(key) || !word.includes('%')) return found;
  return found.filter((run) => {
    const last = run[run.length - 1];
    return tokens.find((t) => last !== undefined && t.start >= last.end)?.text === '%';
  });
}

/** A product the line's words turn the match into ("zout" with "minder" is a salt substitute). */
function readAsProduct(target: NameMatch['target'], runs: WordRuns, tokens: readonly Token[], kb: KnowledgeBase): ReadAs | undefined {
  return entryOf(target, kb)?.readAs.find((r) => r.words.some((w) => readAsRuns(w, runs, tokens).length > 0));
}

function ingredientsOf(
  parsed: ParsedLine,
  matches: NameMatch[],
  runsOf: RestRuns,
  kb: KnowledgeBase,
  patient: Patient,
): ResolvedIngredient[] {
  const lineRoute = parsed.route?.value;
  const several = matches.length > 1;
  return matches.flatMap((m): ResolvedIngredient[] => {
    if (m.target.kind === 'product') {
      const product = kb.products.get(m.target.id);
      if (!product) return [];
      return product.ingredients.flatMap((ing) => {
        const substance = kb.substances.get(ing.substance);
        if (!substance) return [];
        const form = ing.form ? substance.forms.find((f) => f.id === ing.form) : undefined;
        const dose = several
          ? { gap: 'several-substances' as const, notes: [] }
          : productDose(parsed, product, ing, substance, patient);
        return [{
          substance,
          ...(form ? { form } : {}),
          product,
          tags: [...new Set([...product.tags, ...(form?.tags ?? []), ...parsed.tags])],
          route: lineRoute ?? product.route,
          routeAssumed: false,
          dose,
        }];
      });
    }
    const substance = kb.substances.get(m.target.id);
    if (!substance) return [];
    const formId = m.target.formId;
    const named = formId ? substance.forms.find((f) => f.id === formId) : undefined;
    const qualified = named ?? formByQualifier(substance, runsOf)?.form;
    const fallback = qualified ? undefined : substance.forms.find((f) => f.id === substance.defaultForm);
    const form = qualified ?? fallback;
    const route = lineRoute ?? form?.route;
    return [{
      substance,
      ...(form ? { form } : {}),
      tags: [...new Set([...(form?.tags ?? []), ...parsed.tags])],
      route: route ?? 'oral',
      routeAssumed: route === undefined,
      dose: substanceDose(parsed, substance, form, fallback !== undefined, patient, several),
    }];
  });
}

/** Tokens a product name may carry after its words: "160/12,5", "5-325", "30/500". */
const MAX_STRENGTH_TOKENS = 5;
const isStrengthPart = (t: Token) => t.kind === 'number' || t.text === '/' || t.text === '-' || t.text === '–';

/**
 * "Co-Diovan 160/12,5 mg": a product whose name carries its strengths, written with a unit after
 * them. Intake reads "160/12,5 mg" as two strengths and leaves "Co-Diovan", the product without a
 * strength. When the name with the numbers is a product of its own, the line is read again with
 * the unit blanked out (offsets kept), so that the numbers are part of the name. Once per line.
 */
function withStrengthInName(input: string, parsed: ParsedLine, matches: NameMatch[], kb: KnowledgeBase): string | undefined {
  for (const m of matches) {
    const from = firstTokenFrom(parsed.tokens, m.end);
    if (from >= parsed.tokens.length) continue;
    let to = from;
    while (to < parsed.tokens.length && to - from < MAX_STRENGTH_TOKENS && isStrengthPart(parsed.tokens[to] as Token)) to++;
    const last = parsed.tokens[to - 1];
    const unit = parsed.tokens[to];
    if (to === from || !last || last.kind !== 'number' || !unit || !unitOf(unit.norm)) continue;
    const named = parsed.tokens.filter((t) => t.start >= m.start && t.end <= last.end);
    const [longer, ...others] = findNames(input, [named], kb).matches;
    if (others.length === 0 && longer?.target.kind === 'product' && longer.end === last.end && longer.target.id !== m.target.id) {
      return `${input.slice(0, unit.start)}${' '.repeat(unit.end - unit.start)}${input.slice(unit.end)}`;
    }
  }
  return undefined;
}

/**
 * "Did you mean" is searched for at most this many unrecognised lines of a list: the search is the
 * costliest step of a line, and a list of a hundred unknown names is not one a person typed.
 */
export const MAX_LINES_WITH_SUGGESTIONS = 20;

function readingOf({ tokens: _tokens, nameRuns: _nameRuns, ...reading }: ParsedLine): LineReading {
  return reading;
}

export function resolveLine(index: number, input: string, kb: KnowledgeBase, patient: Patient, suggest = true): ResolvedItem {
  const first = parseLine(input);
  const firstNames = findNames(input, first.nameRuns, kb);
  const blanked = withStrengthInName(input, first, firstNames.matches, kb);
  const parsed = blanked === undefined ? first : { ...parseLine(blanked), input };
  const found = blanked === undefined ? firstNames : findNames(input, parsed.nameRuns, kb);
  // Words anywhere on the line may turn a name into another product (readAs); they are used then.
  // Only a match whose entry has readAs words needs the line's word runs.
  let lineRuns: WordRuns | undefined;
  const usedByReadAs = new Set<Token>();
  const redirected = found.matches.map((m): NameMatch => {
    if ((entryOf(m.target, kb)?.readAs.length ?? 0) === 0) return m;
    lineRuns ??= new WordRuns(parsed.tokens.filter((t) => t.kind !== 'punct'));
    const r = readAsProduct(m.target, lineRuns, parsed.tokens, kb);
    const product = r && kb.products.get(r.product);
    if (!r || !product) return m;
    for (const w of r.words) for (const run of readAsRuns(w, lineRuns, parsed.tokens)) for (const t of run) usedByReadAs.add(t);
    return { ...m, target: { kind: 'product', id: product.id, name: product.name.en } };
  });
  const matches = withoutIndications(withoutIngredientsOfProducts(uniqueMatches(redirected), kb), parsed.tokens);
  const rest = found.rest.filter((t) => !usedByReadAs.has(t));
  const runsOf = restRunsOf(rest);
  const qualifierTokens = new Set(
    matches.flatMap((m) => {
      const substance = m.target.kind === 'substance' ? kb.substances.get(m.target.id) : undefined;
      return substance ? (formByQualifier(substance, runsOf)?.tokens ?? []) : [];
    }),
  );
  const unread = rest.filter((t) => t.kind !== 'punct' && !qualifierTokens.has(t));
  // A number that is neither a name nor part of the dose may change the dose ("1dd, soms 2"), and so
  // may a word that is not known to be harmless ("times ten", "doubled").
  const strayNumber = unread.some((t) => t.kind === 'number' || Object.hasOwn(NUMBER_WORDS, t.norm));
  const strayWord = unread.some((t) => t.kind === 'word' && !HARMLESS.has(t.norm) && !FORM_WORDS.has(t.norm));
  const gap = strayNumber ? ('stray-number' as const) : strayWord ? ('unread-words' as const) : undefined;
  const ingredients = ingredientsOf(parsed, matches, runsOf, kb, patient).map((ing) => (gap ? { ...ing, dose: { gap, notes: ing.dose.notes } } : ing));
  return {
    index,
    input,
    parsed: readingOf(parsed),
    matches,
    ingredients,
    suggestions: matches.length === 0 && suggest ? suggestNames(input, rest, kb) : [],
    unread: unread.map((t) => t.text),
    tags: parsed.tags,
  };
}

/** Resolves the lines of one list, searching "did you mean" for its first unrecognised lines only. */
export function listResolver(kb: KnowledgeBase, patient: Patient): (index: number, line: string) => ResolvedItem {
  let searched = 0;
  return (index, line) => {
    const item = resolveLine(index, line, kb, patient, searched < MAX_LINES_WITH_SUGGESTIONS);
    if (item.matches.length === 0) searched++;
    return item;
  };
}

export function resolveLines(lines: readonly string[], kb: KnowledgeBase, patient: Patient): ResolvedItem[] {
  const resolve = listResolver(kb, patient);
  return lines.map((line, i) => resolve(i, line));
}
