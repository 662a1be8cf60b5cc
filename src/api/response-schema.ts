/**
 * The JSON answers of the API, as zod schemas: what `presentJson` sends for a check (and what a
 * FHIR check adds to it), the error body of every 4xx and 5xx, and /healthz. They do not build answers: they publish them
 * (openapi.ts), the tests hold real answers to them, and the type checks at the end keep them and
 * the presenter in step.
 */
import { z } from 'zod';
import { COVERAGES, VERDICTS } from '../engine/assessment.js';
import { CERTAINTIES, EVIDENCE_LEVELS, MEASURE_UNITS, METRICS, PRODUCT_UNITS, SEVERITIES } from '../kb/schema.js';
import type { provenance } from '../fhir/check-fhir.js';
import type { Ignored } from '../fhir/read-body.js';
import type { UnreadableCode } from '../fhir/texts.js';
import type { DisplayUnit } from '../i18n/en.js';
import type { presentJson } from './present-json.js';

const DISPLAY_UNITS = [...new Set<DisplayUnit>([...MEASURE_UNITS, 'µg', ...PRODUCT_UNITS, 'ml/kg/h', 'ml/h', 'h', 'ml/day'])] as [DisplayUnit, ...DisplayUnit[]];
const displayUnit = z.enum(DISPLAY_UNITS);

const lineIndex = z.int().min(0).meta({ description: 'An input line, by its 0-based position in `items`.' });
const lineIndexes = z.array(lineIndex);
const text = z.string();
/** Links are absolute; only when the request's Host header is not a host name do KB links stay paths ("/kb/quinine"). */
const link = z.string().meta({ format: 'uri-reference' });

export const kbVersion = z.strictObject({
  version: text.meta({ description: 'Version of the knowledge base, e.g. 2026.11.0.', examples: ['2026.11.0'] }),
  reviewedOn: z.iso.date().meta({ description: 'Date its content was last reviewed.' }),
});

export const named = z.strictObject({
  id: text.meta({ description: 'Stable id of the substance in the knowledge base.' }),
  name: text.meta({ description: 'Its name in the language of the answer.' }),
});

const amountInUnit = z.strictObject({
  amount: z.number().meta({ description: 'The amount checked: the upper end when the dose is a range.' }),
  low: z.number().meta({ description: 'The lower end (equal to `amount` when the dose is exact).' }),
  unit: displayUnit,
});

export const dailyDose = z.strictObject({
  substance: named,
  ...amountInUnit.shape,
  of: text.meta({ description: 'What the amount is of, e.g. "elemental magnesium".' }),
  asWritten: amountInUnit.optional().meta({ description: 'The same per day in the unit the line was written in, when different.' }),
  onDosingDay: amountInUnit.optional().meta({ description: 'When it is not taken every day: the dose on a day it is taken, in the unit of `amount`.' }),
});

const findingFields = {
  code: text.meta({ description: 'Stable machine code of the rule or check.', examples: ['quinine.thrombocytopenia'] }),
  severity: z.enum(SEVERITIES),
  title: text.meta({ description: 'One line.' }),
  explanation: text.meta({ description: 'Why, with the numbers used (dose, limit, rate).' }),
  advice: text.meta({ description: 'What to do instead, or what to monitor.' }),
  evidence: text.meta({ description: 'The evidence level and its summary in words.' }),
  evidenceLevel: z.enum([...EVIDENCE_LEVELS, 'none']),
  certainty: z.enum(CERTAINTIES).optional().meta({ description: 'How sure the knowledge base is of the facts the rule rests on.' }),
  references: z.array(z.int().min(0)).meta({ description: 'Indexes into the top-level `references`.' }),
  patient: text.meta({ description: 'The same finding in plain language, for the patient.' }),
  kbUrl: link.meta({ description: 'The knowledge-base page the finding comes from.' }),
  items: lineIndexes.optional().meta({ description: 'The input lines the finding concerns, when more than one.' }),
};

export const finding = z.strictObject(findingFields);

export const interaction = z.strictObject({
  ...findingFields,
  items: lineIndexes.min(2).meta({ description: 'The input lines that interact.' }),
  actOn: lineIndexes.meta({ description: 'The lines to change, stop or separate in time; the others may be kept as they are.' }),
});

export const contextFinding = z.strictObject({
  ...findingFields,
  kind: z.enum(['cause', 'notice']).meta({ description: '`cause`: a non-drug cause of cramps to review; `notice`: a note on reading the report.' }),
});

export const reading = z
  .strictObject({
    recognised: z.array(z.strictObject({ text, name: text, kind: z.enum(['substance', 'product']), id: text })),
    form: text.optional(),
    strength: text.optional(),
    count: text.optional(),
    frequency: text.optional(),
    route: text.optional(),
    timing: z.array(text).optional(),
    notes: z.array(text).meta({ description: 'Assumptions and conversions behind the dose.' }),
    unread: z.array(text).meta({ description: 'Words of the line that were not used.' }),
  })
  .meta({ description: 'How the line was read, in words, for a person to catch a wrong reading.' });

export const suggestion = z
  .strictObject({
    id: text.meta({ description: 'The knowledge-base entry it may be.' }),
    kind: z.enum(['substance', 'product']),
    name: text.meta({ description: 'The name of that entry it is close to, as the knowledge base writes it (in either language).' }),
    text: text.meta({ description: 'The words of the line that look like a misspelling of it.' }),
    correctedLine: text.meta({ description: 'The line with the name corrected, to check again.' }),
  })
  .meta({ description: 'A near miss of a name the knowledge base knows.' });

export const itemReport = z.strictObject({
  input: text.meta({ description: 'The line as received.' }),
  substances: z.array(named).meta({ description: 'Empty when nothing was recognised.' }),
  dailyDose: z.array(dailyDose),
  verdict: z.enum(VERDICTS).meta({ description: '`unknown`: not recognised, or the dose could not be read: not checked, verify by hand.' }),
  coverage: z.enum(COVERAGES).meta({
    description:
      '`reviewed`: the knowledge base reviewed this entry; `interactions-only`: known only for its interactions, its dose not reviewed; `not-recognised`: no name the knowledge base knows; `dose-not-read`: recognised, but the daily dose could not be worked out.',
  }),
  findings: z.array(finding).meta({ description: "The line's own findings. A line that is in an interaction acted on elsewhere has an `interaction.keep-taking` finding here, not a pointer (`interaction.see-line` when the line is itself to be avoided or was not checked: it points to the other line without saying to keep taking it)." }),
  interactions: z
    .array(z.int().min(0))
    .min(1)
    .optional()
    .meta({ description: 'Indexes into the top-level `interactions` (caution or avoid) that are acted on at this line: the line is in their `actOn`.' }),
  totals: z
    .array(z.int().min(0))
    .min(1)
    .optional()
    .meta({ description: "Indexes into the top-level `totals` this line adds to whose caution or avoid finding is not already the line's own." }),
  reading,
  suggestions: z.array(suggestion),
});

export const total = z
  .strictObject({
    substance: named,
    amount: z.number().nullable().meta({ description: 'The sum of the lines whose dose could be read; null when none could.' }),
    low: z.number().nullable(),
    unit: z.enum([...DISPLAY_UNITS, '']),
    of: text,
    items: lineIndexes.meta({ description: 'The lines that contain the substance.' }),
    complete: z.boolean().meta({ description: 'False when the dose of a line could not be read: `amount` is then the least taken.' }),
    counted: lineIndexes.meta({ description: 'The lines whose dose is in `amount`.' }),
    severity: z.enum(SEVERITIES),
    findings: z.array(finding),
  })
  .meta({ description: 'One ingredient summed over several lines.' });

export const reference = z.strictObject({ title: text, url: link });

export const allergyReport = z.strictObject({ input: text.meta({ description: 'The previous reaction as received.' }), substances: z.array(named) });

export const summary = z.strictObject({
  verdict: z.enum(VERDICTS).meta({ description: 'The worst of all findings; never `ok` when a line was not checked.' }),
  avoid: z.int().min(0),
  caution: z.int().min(0),
  ok: z.int().min(0),
  unknown: z.int().min(0),
  lines: lineIndexes.meta({ description: 'The lines behind the verdict, to act on first.' }),
});

const METRIC_DOCS: Record<(typeof METRICS)[number], string> = {
  'ufr-ml-per-kg-per-hour': 'Ultrafiltration rate, ml per kg target weight per hour.',
  'ufr-ml-per-hour': 'Ultrafiltration rate, ml per hour.',
  'weight-gain-percent': 'Interdialytic weight gain, % of target weight.',
  'weight-gain-kg': 'Interdialytic weight gain, kg.',
  'residual-urine-ml-per-day': 'Residual urine output, ml per day.',
};

export const metrics = z
  .strictObject(
    Object.fromEntries(METRICS.map((m) => [m, z.number().optional().meta({ description: METRIC_DOCS[m] })])) as Record<(typeof METRICS)[number], z.ZodOptional<z.ZodNumber>>,
  )
  .meta({ description: 'Numbers worked out from the dialysis context, when it gives what they need.' });

export const checkReport = z.strictObject({
  kb: kbVersion,
  items: z.array(itemReport).meta({ description: 'Exactly one per input line, in input order.' }),
  interactions: z.array(interaction),
  moreInteractions: z.int().min(1).optional().meta({ description: 'Interactions found beyond those listed, when there are too many to list.' }),
  totals: z.array(total),
  context: z.array(contextFinding).meta({ description: 'Findings from the dialysis context (ultrafiltration rate, citrate, …).' }),
  allergies: z.array(allergyReport).min(1).optional().meta({ description: 'The previous reactions given, as read; absent when none were.' }),
  references: z.array(reference).meta({ description: 'Every reference of the answer once; findings point to them by index.' }),
  metrics,
  summary,
});

const UNREADABLE = ['invalid', 'no-medication', 'medication-not-found', 'medication-without-name', 'too-long'] as const satisfies readonly UnreadableCode[];

const fhirProvenance = {
  source: z
    .strictObject({
      resourceType: z.enum(['MedicationRequest', 'MedicationStatement']),
      id: text.optional(),
      fullUrl: text.optional().meta({ description: "The bundle entry's fullUrl, when the resource has no id." }),
    })
    .meta({ description: 'The resource the item was read from.' }),
  read: z.enum(['structured', 'text', 'none']).meta({
    description: '`structured`: written from codes and structured fields only; `text`: some of it is the sender\'s free text (`textUsed` says which part); `none`: the resource could not be read (`unreadable` says why) and the item is not checked.',
  }),
  textUsed: z.array(z.enum(['medication', 'dosage'])).min(1).optional(),
  unreadable: z.strictObject({ code: z.enum(UNREADABLE), reason: text }).optional(),
};

export const fhirItemReport = itemReport.extend(fhirProvenance);

const ignored = z.strictObject({ resourceType: text, id: text.optional() });

export const fhirCheckReport = checkReport.extend({
  items: z.array(fhirItemReport).meta({ description: 'Exactly one per MedicationRequest or MedicationStatement, in bundle order.' }),
  ignored: z.array(ignored).meta({ description: 'Resources that are neither medications nor allergies, and Medication resources no line refers to.' }),
});

export const errorBody = z.strictObject({
  error: text.meta({ description: 'What went wrong, for a person.' }),
  issues: z
    .array(
      z.strictObject({
        path: text.meta({ description: 'The field, dot-separated ("items.3", "patient.targetWeightKg"); empty for the body as a whole.' }),
        message: text,
      }),
    )
    .meta({ description: 'One per field that was refused; empty when the problem is not with a field.' }),
});

export const health = z.strictObject({ status: z.literal('ok'), kb: kbVersion });

/**
 * The presenter and the schema must agree at compile time: every answer the presenter can build
 * fits the schema, and both have the same fields at every depth (a field the presenter adds must
 * be described here, and a field described here must be one it sends).
 */
type Presented = ReturnType<typeof presentJson>;
type Described = z.output<typeof checkReport>;
export type Fields<T> = T extends readonly (infer U)[] ? Fields<U>[] : T extends object ? { [K in keyof T]-?: Fields<Exclude<T[K], undefined>> } : 'value';
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const presenterFitsSchema: [Presented] extends [Described] ? true : false = true;
const sameFields: Same<Fields<Presented>, Fields<Described>> = true;
/** The same for what a FHIR check adds to an item and to the report. */
type Provenance = ReturnType<typeof provenance>;
type ProvenanceDescribed = z.output<z.ZodObject<typeof fhirProvenance>>;
const provenanceFitsSchema: [Provenance] extends [ProvenanceDescribed] ? true : false = true;
const sameProvenanceFields: Same<Fields<Provenance>, Fields<ProvenanceDescribed>> = true;
const sameIgnored: Same<Fields<Ignored>, Fields<z.output<typeof ignored>>> = true;
const sameUnreadable: Same<UnreadableCode, (typeof UNREADABLE)[number]> = true;
void [presenterFitsSchema, sameFields, provenanceFitsSchema, sameProvenanceFields, sameIgnored, sameUnreadable];
