/**
 * Checks across source files that a schema cannot express: ids exist and are unique, no name is
 * claimed twice, every cited reference exists, dose limits are in the unit doses are counted in,
 * text placeholders are ones the engine fills, and review dates are not after the KB's.
 */
import type { SourceProblem } from './errors.js';
import { nameKey } from './names.js';
import { METRIC_PLACEHOLDERS, type KbData, type Localized, type Product, type Rule, type Substance } from './schema.js';

type Origin = (entry: object) => string;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

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

function hasDoseCondition(rule: Rule): boolean {
  return rule.when.dailyDoseAbove !== undefined || rule.when.singleDoseAbove !== undefined;
}

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

export function checkIntegrity(data: KbData, origin: Origin): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const add = (entry: object, path: string, message: string) =>
    problems.push({ file: origin(entry), path, message });

  const references = new Set<string>();
  for (const r of data.references) {
    if (references.has(r.id)) add(r, r.id, 'reference id is used twice (shared references belong in references.yaml)');
    references.add(r.id);
  }
  const cite = (entry: object, path: string, ids: string[]) => {
    for (const ref of ids) if (!references.has(ref)) add(entry, path, `cites "${ref}", which is not in references.yaml`);
  };
  const dated = (entry: object, path: string, date: string) => {
    if (date > data.meta.reviewedOn) {
      add(entry, path, `review date ${date} is after the knowledge base's review date ${data.meta.reviewedOn}`);
    }
  };

  const entryIds = new Map<string, string>();
  const claim = (entry: object, kind: string, entryId: string) => {
    const other = entryIds.get(entryId);
    if (other) add(entry, entryId, `id "${entryId}" is already used by a ${other}`);
    entryIds.set(entryId, kind);
  };
  const substances = new Map(data.substances.map((s) => [s.id, s]));
  const classes = new Set(data.classes.map((c) => c.id));

  const codes = new Set<string>();
  const claimCode = (entry: object, path: string, code: string) => {
    if (codes.has(code)) add(entry, path, `rule code "${code}" is used twice`);
    codes.add(code);
  };

  const placeholders = (entry: object, path: string, texts: Localized[], allowed: string[]) => {
    for (const p of placeholdersIn(texts)) {
      if (!allowed.includes(p)) {
        add(entry, path, `text uses {${p}}, which is not filled here (allowed: ${allowed.map((a) => `{${a}}`).join(', ') || 'none'})`);
      }
    }
  };

  const checkRules = (owner: Substance | Product, measureUnit: string | undefined, rules: Rule[]) => {
    rules.forEach((rule, i) => {
      const path = `${owner.id} › rules.${i} (${rule.code})`;
      claimCode(owner, path, rule.code);
      cite(owner, path, rule.references);
      for (const limit of [rule.when.dailyDoseAbove, rule.when.singleDoseAbove]) {
        if (!limit) continue;
        if (!measureUnit) add(owner, path, 'has a dose limit, but the substance has no measure to count doses in');
        else if (limit.unit !== measureUnit) {
          add(owner, path, `dose limit is in ${limit.unit}, but doses of this substance are counted in ${measureUnit}`);
        }
      }
      placeholders(owner, path, [rule.title], []);
      placeholders(owner, path, textsOf(rule), hasDoseCondition(rule) ? ['dose', 'limit'] : []);
    });
  };

  for (const s of data.substances) {
    claim(s, 'substance', s.id);
    dated(s, `${s.id} › reviewedOn`, s.reviewedOn);
    cite(s, `${s.id} › references`, s.references);
    const formIds = new Set<string>();
    for (const f of s.forms) {
      if (formIds.has(f.id)) add(s, `${s.id} › forms.${f.id}`, 'form id used twice');
      formIds.add(f.id);
      cite(s, `${s.id} › forms.${f.id}`, f.references);
      if (f.conversions.length > 0 && !s.measure) add(s, `${s.id} › forms.${f.id}`, 'has conversions but the substance has no measure');
      const froms = f.conversions.map((c) => c.from);
      if (new Set(froms).size !== froms.length) add(s, `${s.id} › forms.${f.id}`, 'converts the same unit twice');
    }
    if (s.defaultForm && !formIds.has(s.defaultForm)) add(s, `${s.id} › defaultForm`, `form "${s.defaultForm}" is not among its forms`);
    for (const c of s.leafletVersusCurrent) cite(s, `${s.id} › leafletVersusCurrent`, c.references);

    if (s.review === 'full') {
      if (s.verdictInDialysis === 'not-reviewed') add(s, `${s.id} › verdictInDialysis`, 'a fully reviewed substance needs a verdict');
      if (!s.withinLimits) add(s, `${s.id} › withinLimits`, 'a fully reviewed substance must say why a line within its limits is acceptable');
      if (s.references.length === 0) add(s, `${s.id} › references`, 'a fully reviewed substance needs references');
    } else {
      if (s.rules.length > 0) add(s, `${s.id} › rules`, 'an interactions-only substance has no rules of its own; review it fully first');
      if (s.verdictInDialysis !== 'not-reviewed') add(s, `${s.id} › verdictInDialysis`, 'an interactions-only substance must say "not-reviewed"');
    }
    checkRules(s, s.measure?.unit, s.rules);
    if (s.withinLimits) {
      const path = `${s.id} › withinLimits`;
      cite(s, path, s.withinLimits.references);
      placeholders(s, path, [s.withinLimits.title], []);
      placeholders(s, path, textsOf(s.withinLimits), s.rules.some(hasDoseCondition) ? ['dose'] : []);
    }
  }

  for (const p of data.products) {
    claim(p, 'product', p.id);
    dated(p, `${p.id} › reviewedOn`, p.reviewedOn);
    cite(p, `${p.id} › references`, p.references);
    p.ingredients.forEach((ing, i) => {
      const path = `${p.id} › ingredients.${i}`;
      const s = substances.get(ing.substance);
      if (!s) return add(p, path, `substance "${ing.substance}" does not exist`);
      if (ing.form && !s.forms.some((f) => f.id === ing.form)) add(p, path, `"${s.id}" has no form "${ing.form}"`);
      if (ing.amount && ing.amount.unit !== s.measure?.unit) {
        add(p, path, `amount is in ${ing.amount.unit}, but ${s.id} is counted in ${s.measure?.unit ?? 'nothing (no measure)'}`);
      }
    });
    checkRules(p, undefined, p.rules);
  }

  for (const c of data.classes) {
    claim(c, 'class', c.id);
    dated(c, `${c.id} › reviewedOn`, c.reviewedOn);
    cite(c, `${c.id} › references`, c.references);
    for (const m of c.members) if (!substances.has(m)) add(c, `${c.id} › members`, `member "${m}" is not a substance in the knowledge base`);
    if (new Set(c.members).size !== c.members.length) add(c, `${c.id} › members`, 'lists a member twice');
  }

  for (const x of data.interactions) {
    const path = x.code;
    claimCode(x, path, x.code);
    dated(x, `${path} › reviewedOn`, x.reviewedOn);
    cite(x, path, x.references);
    for (const party of x.between) {
      if ('substance' in party && !substances.has(party.substance)) add(x, path, `substance "${party.substance}" does not exist`);
      if ('class' in party && !classes.has(party.class)) add(x, path, `class "${party.class}" does not exist`);
    }
    placeholders(x, path, [x.title], []);
    placeholders(x, path, textsOf(x), ['a', 'b']);
  }

  for (const c of data.contextRules) {
    const path = c.code;
    claimCode(c, path, c.code);
    dated(c, `${path} › reviewedOn`, c.reviewedOn);
    cite(c, path, c.references);
    const list = c.when.list;
    if (list?.substance && !substances.has(list.substance)) add(c, path, `substance "${list.substance}" does not exist`);
    if (list?.class && !classes.has(list.class)) add(c, path, `class "${list.class}" does not exist`);
    const allowed = [...new Set([...(c.when.metrics ?? []).flatMap((m) => METRIC_PLACEHOLDERS[m.metric]), ...(list ? ['lines'] : [])])];
    placeholders(c, path, [c.title], []);
    placeholders(c, path, textsOf(c), allowed);
  }

  const owners = new Map<string, string>();
  for (const entry of [...data.substances, ...data.products]) {
    for (const { name, formId } of namesOf(entry)) {
      const key = nameKey(name);
      const target = formId ? `${entry.id} (form ${formId})` : entry.id;
      if (!key) {
        add(entry, `${entry.id} › names`, `name "${name}" has no letters or digits`);
        continue;
      }
      const other = owners.get(key);
      if (other && other !== target) add(entry, `${entry.id} › names`, `name "${name}" is already claimed by ${other}`);
      else owners.set(key, target);
    }
  }
  return problems;
}
