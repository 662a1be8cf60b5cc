/**
 * Checks across source files that a schema cannot express: ids exist and are unique, no name is
 * claimed twice, every cited reference exists, dose limits are in the unit doses are counted in,
 * text placeholders are ones the engine fills, tags have words, and review dates are not after
 * the KB's. One function per kind of entry; they share a small context.
 */
import type { SourceProblem } from './errors.js';
import { nameKey } from './names.js';
import { isDoseRule, namesOf } from './queries.js';
import {
  LANGS,
  METRIC_PLACEHOLDERS,
  type ContextRule,
  type DrugClass,
  type Interaction,
  type KbData,
  type Localized,
  type Product,
  type Rule,
  type Substance,
} from './schema.js';

type Origin = (entry: object) => string;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** A reference that is a query or a home page, not the document a clinician must open. */
const SEARCH_URL = /[?&](?:q|term|query|search|searchTerm|keywords?)=|\/search(?:[/.?]|$)|search\.cfm/i;

function placeholdersIn(texts: Localized[]): Set<string> {
  const found = new Set<string>();
  for (const t of texts) {
    for (const lang of ['en', 'nl'] as const) {
      for (const m of t[lang].matchAll(PLACEHOLDER)) found.add(m[1] ?? '');
    }
  }
  return found;
}

/** The texts placeholders may appear in; titles have none (they are also used in lists). */
function textsOf(entry: { explanation: Localized; advice: Localized; patient: Localized }): Localized[] {
  return [entry.explanation, entry.advice, entry.patient];
}

class Checker {
  readonly problems: SourceProblem[] = [];
  readonly references = new Set<string>();
  readonly substances: Map<string, Substance>;
  readonly products: Set<string>;
  readonly classes: Set<string>;
  readonly tagsUsed = new Map<string, object>();
  private readonly entryIds = new Map<string, string>();
  private readonly codes = new Set<string>();

  constructor(
    readonly data: KbData,
    private readonly origin: Origin,
  ) {
    this.substances = new Map(data.substances.map((s) => [s.id, s]));
    this.products = new Set(data.products.map((p) => p.id));
    this.classes = new Set(data.classes.map((c) => c.id));
  }

  add(entry: object, path: string, message: string): void {
    this.problems.push({ file: this.origin(entry), path, message });
  }

  cite(entry: object, path: string, ids: readonly string[]): void {
    for (const ref of ids) if (!this.references.has(ref)) this.add(entry, path, `cites "${ref}", which is not in references.yaml`);
  }

  dated(entry: object, path: string, date: string): void {
    if (date > this.data.meta.reviewedOn) {
      this.add(entry, path, `review date ${date} is after the knowledge base's review date ${this.data.meta.reviewedOn}`);
    }
  }

  claim(entry: object, kind: string, entryId: string): void {
    const other = this.entryIds.get(entryId);
    if (other) this.add(entry, entryId, `id "${entryId}" is already used by a ${other}`);
    this.entryIds.set(entryId, kind);
  }

  claimCode(entry: object, path: string, code: string): void {
    if (this.codes.has(code)) this.add(entry, path, `rule code "${code}" is used twice`);
    this.codes.add(code);
  }

  useTags(entry: object, tags: readonly string[] | undefined): void {
    for (const t of tags ?? []) if (!this.tagsUsed.has(t)) this.tagsUsed.set(t, entry);
  }

  /** A name inside a sentence is the same name in other letters' case, so that it cannot name something else. */
  inSentence(entry: Substance | DrugClass): void {
    for (const lang of LANGS) {
      const own = entry.inSentence?.[lang];
      if (own !== undefined && own.toLocaleLowerCase(lang) !== entry.name[lang].toLocaleLowerCase(lang)) {
        this.add(entry, `${entry.id} › inSentence.${lang}`, `"${own}" is not the name "${entry.name[lang]}" written in other case`);
      }
    }
  }

  placeholders(entry: object, path: string, texts: Localized[], allowed: string[]): void {
    for (const p of placeholdersIn(texts)) {
      if (!allowed.includes(p)) {
        this.add(entry, path, `text uses {${p}}, which is not filled here (allowed: ${allowed.map((a) => `{${a}}`).join(', ') || 'none'})`);
      }
    }
  }

  knownClasses(entry: object, path: string, ids: readonly string[]): void {
    for (const c of ids) if (!this.classes.has(c)) this.add(entry, path, `class "${c}" does not exist`);
  }

  readAs(entry: Substance | Product): void {
    for (const r of entry.readAs) {
      if (!this.products.has(r.product)) this.add(entry, `${entry.id} › readAs`, `product "${r.product}" does not exist`);
    }
  }

  rules(owner: Substance | Product, measureUnit: string | undefined, rules: Rule[]): void {
    rules.forEach((rule, i) => {
      const path = `${owner.id} › rules.${i} (${rule.code})`;
      this.claimCode(owner, path, rule.code);
      this.cite(owner, path, rule.references);
      this.useTags(owner, rule.when.tags);
      this.useTags(owner, rule.when.notTags);
      for (const limit of [rule.when.dailyDoseAbove, rule.when.singleDoseAbove, rule.when.sessionDoseAbove]) {
        if (!limit) continue;
        if (!measureUnit) this.add(owner, path, 'has a dose limit, but the substance has no measure to count doses in');
        else if (limit.unit !== measureUnit) {
          this.add(owner, path, `dose limit is in ${limit.unit}, but doses of this substance are counted in ${measureUnit}`);
        }
      }
      if (rule.when.doseBasis === 'maintenance' && !rule.when.dailyDoseAbove) {
        this.add(owner, path, 'doseBasis "maintenance" needs a dailyDoseAbove to compare the maintenance dose with');
      }
      this.placeholders(owner, path, [rule.title], []);
      this.placeholders(owner, path, textsOf(rule), isDoseRule(rule) ? ['dose', 'limit'] : []);
    });
  }
}

function checkReferences(c: Checker): void {
  for (const r of c.data.references) {
    if (c.references.has(r.id)) c.add(r, r.id, 'reference id is used twice (shared references belong in references.yaml)');
    c.references.add(r.id);
    if (SEARCH_URL.test(r.url)) c.add(r, r.id, `${r.url} is a search or query page: cite the document itself (label, SmPC, guideline, DOI or PubMed record)`);
  }
}

function checkSubstance(c: Checker, s: Substance): void {
  c.claim(s, 'substance', s.id);
  c.dated(s, `${s.id} › reviewedOn`, s.reviewedOn);
  c.cite(s, `${s.id} › references`, s.references);
  c.knownClasses(s, `${s.id} › memberOf`, s.memberOf);
  c.inSentence(s);
  c.knownClasses(s, `${s.id} › crossReactsWith`, s.crossReactsWith);
  c.readAs(s);
  if (s.causesCramps) c.cite(s, `${s.id} › causesCramps`, s.causesCramps.references);
  const formIds = new Set<string>();
  for (const f of s.forms) {
    if (formIds.has(f.id)) c.add(s, `${s.id} › forms.${f.id}`, 'form id used twice');
    formIds.add(f.id);
    c.cite(s, `${s.id} › forms.${f.id}`, f.references);
    c.useTags(s, f.tags);
    if (f.conversions.length > 0 && !s.measure) c.add(s, `${s.id} › forms.${f.id}`, 'has conversions but the substance has no measure');
    const froms = f.conversions.map((x) => x.from);
    if (new Set(froms).size !== froms.length) c.add(s, `${s.id} › forms.${f.id}`, 'converts the same unit twice');
  }
  if (s.defaultForm && !formIds.has(s.defaultForm)) c.add(s, `${s.id} › defaultForm`, `form "${s.defaultForm}" is not among its forms`);
  for (const x of s.leafletVersusCurrent) c.cite(s, `${s.id} › leafletVersusCurrent`, x.references);

  if (s.review === 'full') {
    if (s.verdictInDialysis === 'not-reviewed') c.add(s, `${s.id} › verdictInDialysis`, 'a fully reviewed substance needs a verdict');
    if (!s.withinLimits) c.add(s, `${s.id} › withinLimits`, 'a fully reviewed substance must say why a line within its limits is acceptable');
    if (s.references.length === 0) c.add(s, `${s.id} › references`, 'a fully reviewed substance needs references');
    if (!s.routes) c.add(s, `${s.id} › routes`, 'a fully reviewed substance must say which routes its review covers');
    const codes = s.codes;
    if (!codes || (codes.atc.length === 0 && codes.rxnorm.length === 0 && !codes.none)) {
      c.add(s, `${s.id} › codes`, 'a fully reviewed substance needs its ATC and RxNorm codes (or `none` saying why it has none)');
    }
  } else {
    if (s.rules.length > 0) c.add(s, `${s.id} › rules`, 'an interactions-only substance has no rules of its own; review it fully first');
    if (s.verdictInDialysis !== 'not-reviewed') c.add(s, `${s.id} › verdictInDialysis`, 'an interactions-only substance must say "not-reviewed"');
  }
  c.rules(s, s.measure?.unit, s.rules);
  if (s.withinLimits) {
    const path = `${s.id} › withinLimits`;
    c.cite(s, path, s.withinLimits.references);
    c.placeholders(s, path, [s.withinLimits.title], []);
    c.placeholders(s, path, textsOf(s.withinLimits), s.rules.some(isDoseRule) ? ['dose'] : []);
  }
}

function checkProduct(c: Checker, p: Product): void {
  c.claim(p, 'product', p.id);
  c.dated(p, `${p.id} › reviewedOn`, p.reviewedOn);
  c.cite(p, `${p.id} › references`, p.references);
  c.useTags(p, p.tags);
  c.readAs(p);
  p.ingredients.forEach((ing, i) => {
    const path = `${p.id} › ingredients.${i}`;
    const s = c.substances.get(ing.substance);
    if (!s) return c.add(p, path, `substance "${ing.substance}" does not exist`);
    if (ing.form && !s.forms.some((f) => f.id === ing.form)) c.add(p, path, `"${s.id}" has no form "${ing.form}"`);
    if (ing.amount && ing.amount.unit !== s.measure?.unit) {
      c.add(p, path, `amount is in ${ing.amount.unit}, but ${s.id} is counted in ${s.measure?.unit ?? 'nothing (no measure)'}`);
    }
  });
  c.rules(p, undefined, p.rules);
}

function checkClass(c: Checker, cls: DrugClass): void {
  c.claim(cls, 'class', cls.id);
  c.dated(cls, `${cls.id} › reviewedOn`, cls.reviewedOn);
  c.cite(cls, `${cls.id} › references`, cls.references);
  c.inSentence(cls);
  for (const m of cls.members) if (!c.substances.has(m)) c.add(cls, `${cls.id} › members`, `member "${m}" is not a substance in the knowledge base`);
  if (new Set(cls.members).size !== cls.members.length) c.add(cls, `${cls.id} › members`, 'lists a member twice');
}

function checkInteraction(c: Checker, x: Interaction): void {
  const path = x.code;
  c.claimCode(x, path, x.code);
  c.dated(x, `${path} › reviewedOn`, x.reviewedOn);
  c.cite(x, path, x.references);
  for (const party of x.between) {
    if ('substance' in party && !c.substances.has(party.substance)) c.add(x, path, `substance "${party.substance}" does not exist`);
    if ('class' in party && !c.classes.has(party.class)) c.add(x, path, `class "${party.class}" does not exist`);
  }
  c.placeholders(x, path, [x.title], []);
  c.placeholders(x, path, textsOf(x), ['a', 'b']);
  if (x.keep) c.placeholders(x, `${path} › keep`, [x.keep.advice, x.keep.patient].filter((t) => t !== undefined), ['a', 'b']);
}

function checkContextRule(c: Checker, rule: ContextRule): void {
  const path = rule.code;
  c.claimCode(rule, path, rule.code);
  c.dated(rule, `${path} › reviewedOn`, rule.reviewedOn);
  c.cite(rule, path, rule.references);
  const list = rule.when.list;
  if (list?.substance && !c.substances.has(list.substance)) c.add(rule, path, `substance "${list.substance}" does not exist`);
  if (list?.class && !c.classes.has(list.class)) c.add(rule, path, `class "${list.class}" does not exist`);
  if (list?.tag) c.useTags(rule, [list.tag]);
  const allowed = [...new Set([...(rule.when.metrics ?? []).flatMap((m) => METRIC_PLACEHOLDERS[m.metric]), ...(list ? ['lines'] : [])])];
  c.placeholders(rule, path, [rule.title], []);
  c.placeholders(rule, path, textsOf(rule), allowed);
}

function checkNames(c: Checker): void {
  const owners = new Map<string, string>();
  for (const entry of [...c.data.substances, ...c.data.products]) {
    for (const { name, formId } of namesOf(entry)) {
      const key = nameKey(name);
      const target = formId ? `${entry.id} (form ${formId})` : entry.id;
      if (!key) {
        c.add(entry, `${entry.id} › names`, `name "${name}" has no letters or digits`);
        continue;
      }
      const other = owners.get(key);
      if (other && other !== target) c.add(entry, `${entry.id} › names`, `name "${name}" is already claimed by ${other}`);
      else owners.set(key, target);
    }
  }
}

/** Tags intake gives a line from its own words, besides those the KB's entries carry. */
export const INTAKE_TAGS = ['prescribed'] as const;

function checkTags(c: Checker): void {
  const labels = c.data.meta.tags;
  for (const t of INTAKE_TAGS) if (!c.tagsUsed.has(t)) c.tagsUsed.set(t, c.data.meta);
  for (const [tag, entry] of c.tagsUsed) {
    if (!labels[tag]) c.add(entry, `tags.${tag}`, `tag "${tag}" has no words in kb.yaml › tags (give them in English and Dutch)`);
  }
}

export function checkIntegrity(data: KbData, origin: Origin): SourceProblem[] {
  const c = new Checker(data, origin);
  checkReferences(c);
  for (const s of data.substances) checkSubstance(c, s);
  for (const p of data.products) checkProduct(c, p);
  for (const cls of data.classes) checkClass(c, cls);
  for (const x of data.interactions) checkInteraction(c, x);
  for (const r of data.contextRules) checkContextRule(c, r);
  checkNames(c);
  checkTags(c);
  return c.problems;
}
