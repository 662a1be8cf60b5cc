/**
 * The shape of the knowledge-base source files in data/, as zod schemas.
 *
 * A source file is one topic (a substance with its forms and products, a drug class, a group of
 * interactions, …). Every section is optional, so a file holds whatever belongs together.
 * Cross-file rules (ids exist, names are unique, …) live in integrity.ts.
 */
import { z } from 'zod';
import { ROUTES } from '../intake/types.js';
import { ANTICOAGULATIONS, MODALITIES } from '../patient.js';

export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens');
export const ruleCode = z
  .string()
  .regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'must look like "substance.rule-name"');
export const isoDate = z.iso.date('must be a date written as YYYY-MM-DD');

const text = z.string().trim().min(1, 'must not be empty');
export const localized = z.strictObject({ en: text, nl: text });
export type Localized = z.infer<typeof localized>;

/** Units a dose limit or an ingredient amount is expressed in (a substance's measure). */
export const MEASURE_UNITS = ['mg', 'IU', 'mmol', 'ml'] as const;
export const measureUnit = z.enum(MEASURE_UNITS);
export type MeasureUnit = z.infer<typeof measureUnit>;

/** Units a line may be written in, normalised by intake (g → mg, µg → mg, l → ml). */
export const WRITTEN_UNITS = ['mg', 'IU', 'mmol', 'ml'] as const;
export const writtenUnit = z.enum(WRITTEN_UNITS);

/**
 * Sources may write small limits in micrograms ("mcg"); they are stored in mg, the unit intake
 * reads µg lines into, and shown as µg again by the formatter.
 */
const sourceUnit = z.enum([...MEASURE_UNITS, 'mcg']);
const toMeasure = <T extends { unit: z.infer<typeof sourceUnit> }>(q: T, fields: (keyof T)[]) => {
  if (q.unit !== 'mcg') return q as T & { unit: MeasureUnit };
  const out = { ...q, unit: 'mg' as const };
  for (const f of fields) (out as Record<keyof T, unknown>)[f] = (q[f] as number) / 1000;
  return out as T & { unit: MeasureUnit };
};

export const quantity = z
  .strictObject({
    amount: z.number().positive('must be more than 0'),
    unit: sourceUnit,
  })
  .transform((q) => toMeasure(q, ['amount']));
export type Quantity = z.infer<typeof quantity>;

/** An amount that is known only within bounds (e.g. quinine in tonic water: at most 83 mg/l). */
export const amountRange = z
  .strictObject({
    low: z.number().nonnegative(),
    high: z.number().positive('must be more than 0'),
    unit: sourceUnit,
  })
  .refine((r) => r.low <= r.high, { message: 'low must not be more than high' })
  .transform((r) => toMeasure(r, ['low', 'high']));

export const SEVERITIES = ['avoid', 'caution', 'info'] as const;
export const severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severity>;

export const EVIDENCE_LEVELS = [
  'regulatory',
  'guideline',
  'systematic-review',
  'rct',
  'observational',
  'case-reports',
  'label',
  'pharmacology',
  'expert-opinion',
] as const;

/** How sure the KB is of the facts a rule rests on: the brief's [V], [S] and [U] tags. */
export const CERTAINTIES = ['established', 'probable', 'uncertain'] as const;

export const evidence = z.strictObject({
  level: z.enum(EVIDENCE_LEVELS),
  certainty: z.enum(CERTAINTIES),
  summary: localized,
});
export type Evidence = z.infer<typeof evidence>;

export { MODALITIES, ROUTES };
export const route = z.enum(ROUTES);
export type Route = z.infer<typeof route>;

export const modality = z.enum(MODALITIES);
export type Modality = z.infer<typeof modality>;

export const tag = id;

/** ATC code at any level from the 3rd ("C09A") to the 5th ("C09AA05"). */
export const atcCode = z.string().regex(/^[A-V]\d\d(?:[A-Z](?:[A-Z](?:\d\d)?)?)?$/, 'must be an ATC code such as C09AA05');
/** An RxNorm concept id (RXCUI), written as a string of digits. */
export const rxcui = z.string().regex(/^\d{1,8}$/, 'must be an RxNorm RXCUI such as "17767"');

/** Codes that identify the entry in other systems: FHIR and CDS Hooks clients send them. */
export const codes = z.strictObject({
  atc: z.array(atcCode).default([]),
  rxnorm: z.array(rxcui).default([]),
  /** Why there is no code at all (a food supplement without an ATC code, say). */
  none: z.string().trim().min(1).optional(),
});
export type Codes = z.infer<typeof codes>;

/**
 * Words that, anywhere on a line naming this entry, mean another product: "zout" with "minder",
 * "light" or "dieet" is a potassium salt substitute, whatever the word order.
 */
export const readAs = z.strictObject({
  words: z.array(z.string().trim().min(1)).min(1),
  product: id,
});
export type ReadAs = z.infer<typeof readAs>;

/** The texts every finding carries, in both languages. */
const findingTexts = {
  title: localized,
  explanation: localized,
  advice: localized,
  /** Plain language (about B1) for the patient view, ending in what to do. */
  patient: localized,
  evidence,
  references: z.array(id).min(1, 'needs at least one reference'),
};

export const CRAMP_FREQUENCIES = ['very-common', 'common', 'uncommon', 'rare', 'not-known'] as const;
export type CrampFrequency = (typeof CRAMP_FREQUENCIES)[number];

export const ruleCondition = z.strictObject({
  /** Applies only to lines taken by this route. */
  route: route.optional(),
  /** Applies only when the line carries one of these tags (from its product or form). */
  tags: z.array(tag).min(1).optional(),
  /** Does not apply when the line carries one of these tags. */
  notTags: z.array(tag).min(1).optional(),
  /** Applies only for these dialysis modalities. */
  modality: z.array(modality).min(1).optional(),
  /** Applies when the worked-out daily dose is above this amount (in the substance's measure). */
  dailyDoseAbove: quantity.optional(),
  /**
   * Applies when the dose given for one dialysis session ("300 mg na elke dialyse", the
   * supplementary dose of a label's dialysis regimen) is above this amount.
   */
  sessionDoseAbove: quantity.optional(),
  /**
   * Which daily dose `dailyDoseAbove` is compared with when the line is not taken every day
   * ("500 mg after each dialysis", "om de dag"): `dosing-day`, the dose on a day it is taken (for
   * limits on exposure, such as quinine's cramp dose or a gabapentinoid cap), or `average`, the
   * dose spread over the week (for limits on build-up, such as vitamin C and oxalate). Without it,
   * `dosing-day`: the higher of the two, so the safer. `maintenance`: the daily dose without the
   * doses given for a session, for labels whose dialysis regimen is a daily maintenance dose plus
   * a supplementary dose after each session (gabapentin, pregabalin); `sessionDoseAbove` then
   * checks the supplement.
   */
  doseBasis: z.enum(['dosing-day', 'average', 'maintenance']).optional(),
  /** Applies when one administration is above this amount. */
  singleDoseAbove: quantity.optional(),
});
export type RuleCondition = z.infer<typeof ruleCondition>;

export const rule = z.strictObject({
  code: ruleCode,
  severity,
  when: ruleCondition.default({}),
  ...findingTexts,
});
export type Rule = z.infer<typeof rule>;

/** The finding shown when no caution or avoid rule applies: why the line is acceptable. */
export const withinLimits = z.strictObject(findingTexts);
export type WithinLimits = z.infer<typeof withinLimits>;

export const conversion = z.strictObject({
  /** The unit the line is written in. */
  from: writtenUnit,
  /** How many measure units one written unit of this form holds. */
  factor: z.number().positive(),
});

export const form = z.strictObject({
  id,
  name: localized,
  /** Names that identify this form on a line, e.g. "kininesulfaat", "quinine bisulphate". */
  names: z.array(text).default([]),
  /** Words anywhere on the line that select this form once the substance is known ("natural"). */
  qualifiers: z.array(text).default([]),
  /** How an amount written for this form converts into the substance's measure. */
  conversions: z.array(conversion).default([]),
  /**
   * Labels of some forms give the salt, others the element ("magnesium citrate 400 mg"):
   * "either" checks the amount both ways and uses the higher.
   */
  amountIs: z.enum(['compound', 'measure', 'either']).default('compound'),
  tags: z.array(tag).default([]),
  route: route.optional(),
  note: localized.optional(),
  references: z.array(id).default([]),
});
export type Form = z.infer<typeof form>;

export const leafletComparison = z.strictObject({
  leaflet: localized,
  current: localized,
  references: z.array(id).min(1),
});

/** A name inside a sentence, where it is not the name with its first letter in lower case (see i18n/name.ts). */
const inSentence = z.strictObject({ en: text.optional(), nl: text.optional() }).optional();

export const substance = z.strictObject({
  id,
  name: localized,
  /** "St John's wort" inside an English sentence, "ijzer (via de mond)" inside a Dutch one. */
  inSentence,
  /** Other names, synonyms, abbreviations and brand names in either language. */
  names: z.array(text).default([]),
  /** ATC and RxNorm ingredient codes; a fully reviewed substance needs at least one. */
  codes: codes.optional(),
  /** "full": the KB reviews its use in dialysis; "interactions-only": recognised for its interactions. */
  review: z.enum(['full', 'interactions-only']),
  reviewedOn: isoDate,
  /**
   * The routes its review covers. A line given by another route (magnesium in a foot bath, iron
   * given intravenously for an oral-only review) is not checked by its rules and says so.
   * Required for a fully reviewed substance.
   */
  routes: z.array(route).min(1).optional(),
  /** Classes it belongs to, besides those that list it as a member. */
  memberOf: z.array(id).default([]),
  /**
   * Classes whose members count as the same substance for a previous reaction: after a reaction to
   * quinine (or to tonic water), every cinchona alkaloid is contraindicated.
   */
  crossReactsWith: z.array(id).default([]),
  /**
   * When its label names muscle cramps or spasms as an adverse effect: listed among the causes of
   * cramps to review for a patient who has them.
   */
  causesCramps: z
    .strictObject({
      /** The label's frequency band: very common ≥ 1/10, common ≥ 1/100, uncommon ≥ 1/1000, rare < 1/1000. */
      frequency: z.enum(CRAMP_FREQUENCIES),
      /** How it causes them, in a sentence: "lowers serum calcium", "myopathy". */
      mechanism: localized,
      references: z.array(id).min(1, 'needs at least one reference'),
    })
    .optional(),
  readAs: z.array(readAs).default([]),
  /** What a daily dose is counted in (e.g. mg of elemental magnesium). */
  measure: z.strictObject({ unit: measureUnit, of: localized }).optional(),
  forms: z.array(form).default([]),
  /** The form assumed when a line names none; the reading says so. */
  defaultForm: id.optional(),
  /** Verdict for a typical self-chosen use in dialysis, shown in the KB index. */
  verdictInDialysis: z.enum(['avoid', 'caution', 'ok', 'not-reviewed']),
  summary: localized,
  leafletVersusCurrent: z.array(leafletComparison).default([]),
  rules: z.array(rule).default([]),
  withinLimits: withinLimits.optional(),
  references: z.array(id).default([]),
});
export type Substance = z.infer<typeof substance>;

export const ingredient = z.strictObject({
  substance: id,
  form: id.optional(),
  /** Amount per product unit, in the substance's measure; absent when it could not be sourced. */
  amount: z.union([quantity, amountRange]).optional(),
  amountNote: localized.optional(),
});

export const PRODUCT_UNITS = ['tablet', 'capsule', 'sachet', 'ml', 'l', 'dose'] as const;

export const product = z.strictObject({
  id,
  name: localized,
  names: z.array(text).default([]),
  reviewedOn: isoDate,
  /** What the ingredient amounts are given per. */
  per: z.enum(PRODUCT_UNITS),
  route: route.default('oral'),
  /** RxNorm (branded or clinical drug) and ATC codes of the product, when it has its own. */
  codes: codes.optional(),
  readAs: z.array(readAs).default([]),
  tags: z.array(tag).default([]),
  ingredients: z.array(ingredient).min(1, 'a product needs at least one ingredient'),
  summary: localized,
  rules: z.array(rule).default([]),
  references: z.array(id).min(1, 'needs at least one reference'),
});
export type Product = z.infer<typeof product>;

export const drugClass = z.strictObject({
  id,
  name: localized,
  inSentence,
  description: localized,
  members: z.array(id).min(1, 'a class needs at least one member'),
  reviewedOn: isoDate,
  references: z.array(id).min(1, 'needs at least one reference'),
});
export type DrugClass = z.infer<typeof drugClass>;

/** A substance or a class; `routes` restricts it ("iron by mouth": IV iron does not chelate). */
export const party = z.union([
  z.strictObject({ substance: id, routes: z.array(route).min(1).optional() }),
  z.strictObject({ class: id, routes: z.array(route).min(1).optional() }),
]);
export type Party = z.infer<typeof party>;

/**
 * What an interaction tells the lines it keeps (the other line, or with `actOn: both` both lines)
 * to keep taking them. It is added to the end of the advice and patient texts only when each of
 * those lines was checked and nothing else puts it at avoid (decision 017).
 */
const keepTexts = z
  .strictObject({ advice: localized.optional(), patient: localized.optional() })
  .refine((k) => k.advice !== undefined || k.patient !== undefined, { message: 'needs advice or patient' });

export const interaction = z.strictObject({
  code: ruleCode,
  severity,
  between: z.tuple([party, party]),
  /**
   * The line to act on, which carries the verdict: the supplement, not the anticoagulant it
   * interacts with. The other line is pointed here. `both` when either may change (two lines to
   * take apart in time, say).
   */
  actOn: z.enum(['first', 'second', 'both']),
  reviewedOn: isoDate,
  ...findingTexts,
  keep: keepTexts.optional(),
});
export type Interaction = z.infer<typeof interaction>;

/** Numbers the engine works out from the patient's context (see engine/context-metrics.ts). */
export const METRICS = [
  'ufr-ml-per-kg-per-hour',
  'ufr-ml-per-hour',
  'weight-gain-percent',
  'weight-gain-kg',
  'residual-urine-ml-per-day',
] as const;
export const metricName = z.enum(METRICS);

/** Placeholders a context text may use once a condition names the metric (the values it is built from). */
export const METRIC_PLACEHOLDERS: Record<(typeof METRICS)[number], string[]> = {
  'ufr-ml-per-kg-per-hour': ['ufr', 'ufrPerHour', 'targetWeight', 'weightGain', 'sessionHours'],
  'ufr-ml-per-hour': ['ufrPerHour', 'weightGain', 'sessionHours'],
  'weight-gain-percent': ['weightGainPercent', 'targetWeight', 'weightGain'],
  'weight-gain-kg': ['weightGain'],
  'residual-urine-ml-per-day': ['residualUrine'],
};
export type MetricName = z.infer<typeof metricName>;

export const metricCondition = z
  .strictObject({
    metric: metricName,
    above: z.number().optional(),
    atLeast: z.number().optional(),
    below: z.number().optional(),
    atMost: z.number().optional(),
  })
  .refine((c) => [c.above, c.atLeast, c.below, c.atMost].some((v) => v !== undefined), {
    message: 'give at least one of above, atLeast, below, atMost',
  });

export const contextCondition = z.strictObject({
  /** Dialysis modalities it applies to; an unknown modality counts as in-centre haemodialysis. */
  modality: z.array(modality).min(1).optional(),
  /** Every metric condition must hold; a metric that cannot be worked out fails the condition. */
  metrics: z.array(metricCondition).min(1).optional(),
  anticoagulation: z.array(z.enum(ANTICOAGULATIONS)).min(1).optional(),
  diabetes: z.boolean().optional(),
  belowTargetWeight: z.boolean().optional(),
  crampsAtHome: z.boolean().optional(),
  /** At least one line of the list contains this substance, a member of this class, or carries this tag. */
  list: z
    .strictObject({ substance: id.optional(), class: id.optional(), tag: tag.optional() })
    .refine((l) => l.substance || l.class || l.tag, { message: 'name a substance, class or tag' })
    .optional(),
});
export type ContextCondition = z.infer<typeof contextCondition>;

export const contextRule = z.strictObject({
  code: ruleCode,
  severity,
  /** "cause": a non-drug cause of cramps to review; "notice": how to read the report. */
  kind: z.enum(['cause', 'notice']),
  /** Order in the list of causes to review: higher first. */
  weight: z.number().int().min(0).max(100),
  when: contextCondition,
  reviewedOn: isoDate,
  ...findingTexts,
});
export type ContextRule = z.infer<typeof contextRule>;

export const reference = z.strictObject({
  id,
  title: text,
  url: z.url({ protocol: /^https$/, message: 'must be an https:// address a clinician can open' }),
  year: z.number().int().min(1900).max(2100).optional(),
});
export type Reference = z.infer<typeof reference>;

export const topicFile = z.strictObject({
  /** References only this topic cites; shared ones live in data/references.yaml. */
  references: z.array(reference).default([]),
  substances: z.array(substance).default([]),
  products: z.array(product).default([]),
  classes: z.array(drugClass).default([]),
  interactions: z.array(interaction).default([]),
  contextRules: z.array(contextRule).default([]),
});
export type TopicFile = z.infer<typeof topicFile>;

export const referencesFile = z.strictObject({ references: z.array(reference).min(1) });

export const kbMeta = z.strictObject({
  title: text,
  /** What the KB covers and what it does not, so a user knows what "not checked" means. */
  coverage: z.strictObject({ covers: localized, doesNotCover: localized }),
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.0'),
  reviewedOn: isoDate,
  /** What each tag means, as words for the knowledge-base pages ("a phosphate binder"). */
  tags: z.record(id, localized).default({}),
});
export type KbMeta = z.infer<typeof kbMeta>;

/** Everything the knowledge base holds, after validation: what is compiled into SQLite. */
export const kbData = z.strictObject({
  meta: kbMeta,
  references: z.array(reference),
  substances: z.array(substance),
  products: z.array(product),
  classes: z.array(drugClass),
  interactions: z.array(interaction),
  contextRules: z.array(contextRule),
});
export type KbData = z.infer<typeof kbData>;
