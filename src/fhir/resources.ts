/**
 * The FHIR R4 shapes DialySafe reads, as lenient zod schemas. Nothing a client sends is trusted
 * before it is parsed, but fields DialySafe does not read pass through, and the sloppiness real
 * senders show is read rather than refused: one object where FHIR wants a list ("doseAndRate":
 * {…}), a number written as a string, STU3's `doseQuantity` directly on the dosage. The field
 * names are checked against the R4 types of @types/fhir when this file compiles.
 */
import type * as R4 from 'fhir/r4.js';
import { z } from 'zod';

/** The fields of an R4 type a schema may name; a misspelt field does not compile. */
type Fields<T> = { [K in keyof T]?: z.ZodType };

/** A list, or the one object a sloppy sender wrote in its place. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null ? undefined : Array.isArray(v) ? v : [v]), z.array(item)).optional();

/** A decimal, also when written as a string ("2"). */
const decimal = z.preprocess((v) => (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : v), z.number().finite());
const text = z.string();

export const coding = z.looseObject({ system: text.optional(), code: text.optional(), display: text.optional() } satisfies Fields<R4.Coding>);
export const codeableConcept = z.looseObject({ coding: list(coding), text: text.optional() } satisfies Fields<R4.CodeableConcept>);
export const reference = z.looseObject({ reference: text.optional(), display: text.optional() } satisfies Fields<R4.Reference>);
export const quantity = z.looseObject({
  value: decimal.optional(),
  unit: text.optional(),
  system: text.optional(),
  code: text.optional(),
} satisfies Fields<R4.Quantity>);
export const range = z.looseObject({ low: quantity.optional(), high: quantity.optional() } satisfies Fields<R4.Range>);
export const ratio = z.looseObject({ numerator: quantity.optional(), denominator: quantity.optional() } satisfies Fields<R4.Ratio>);

export const timingRepeat = z.looseObject({
  frequency: decimal.optional(),
  frequencyMax: decimal.optional(),
  period: decimal.optional(),
  periodMax: decimal.optional(),
  periodUnit: text.optional(),
  dayOfWeek: list(text),
  timeOfDay: list(text),
  when: list(text),
} satisfies Fields<R4.TimingRepeat>);
export const timing = z.looseObject({ repeat: timingRepeat.optional(), code: codeableConcept.optional() } satisfies Fields<R4.Timing>);

export const doseAndRate = z.looseObject({
  type: codeableConcept.optional(),
  doseQuantity: quantity.optional(),
  doseRange: range.optional(),
  rateQuantity: quantity.optional(),
  rateRange: range.optional(),
  rateRatio: ratio.optional(),
} satisfies Fields<R4.DosageDoseAndRate>);

export const dosage = z.looseObject({
  sequence: decimal.optional(),
  text: text.optional(),
  additionalInstruction: list(codeableConcept),
  patientInstruction: text.optional(),
  timing: timing.optional(),
  asNeededBoolean: z.boolean().optional(),
  asNeededCodeableConcept: codeableConcept.optional(),
  route: codeableConcept.optional(),
  doseAndRate: list(doseAndRate),
  maxDosePerPeriod: ratio.optional(),
  // STU3 and sloppy R4 senders put the dose on the dosage itself.
  doseQuantity: quantity.optional(),
  doseRange: range.optional(),
} satisfies Fields<R4.Dosage & { doseQuantity: unknown; doseRange: unknown }>);
export type Dosage = z.infer<typeof dosage>;

export const medicationIngredient = z.looseObject({
  itemCodeableConcept: codeableConcept.optional(),
  itemReference: reference.optional(),
  isActive: z.boolean().optional(),
  strength: ratio.optional(),
} satisfies Fields<R4.MedicationIngredient>);

export const medication = z.looseObject({
  resourceType: z.literal('Medication'),
  id: text.optional(),
  code: codeableConcept.optional(),
  form: codeableConcept.optional(),
  ingredient: list(medicationIngredient),
} satisfies Fields<R4.Medication>);
export type Medication = z.infer<typeof medication>;

/** What a MedicationRequest and a MedicationStatement share; each dosage is read on its own. */
const medicationResource = {
  id: text.optional(),
  status: text.optional(),
  medicationCodeableConcept: codeableConcept.optional(),
  medicationReference: reference.optional(),
  contained: list(z.unknown()),
};

export const medicationRequest = z.looseObject({
  resourceType: z.literal('MedicationRequest'),
  ...medicationResource,
  intent: text.optional(),
  dosageInstruction: list(z.unknown()),
} satisfies Fields<R4.MedicationRequest>);

export const medicationStatement = z.looseObject({
  resourceType: z.literal('MedicationStatement'),
  ...medicationResource,
  dosage: list(z.unknown()),
} satisfies Fields<R4.MedicationStatement>);

export const allergyIntolerance = z.looseObject({
  resourceType: z.literal('AllergyIntolerance'),
  id: text.optional(),
  clinicalStatus: codeableConcept.optional(),
  verificationStatus: codeableConcept.optional(),
  code: codeableConcept.optional(),
  reaction: list(z.looseObject({ substance: codeableConcept.optional(), manifestation: list(codeableConcept) } satisfies Fields<R4.AllergyIntoleranceReaction>)),
} satisfies Fields<R4.AllergyIntolerance>);

export const bundleEntry = z.looseObject({ fullUrl: text.optional(), resource: z.unknown().optional() } satisfies Fields<R4.BundleEntry>);
export const bundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  id: text.optional(),
  // Any type, or none: real senders leave it out.
  type: text.optional(),
  entry: list(bundleEntry),
} satisfies Fields<R4.Bundle>);

export const MEDICATION_TYPES = ['MedicationRequest', 'MedicationStatement'] as const;
export type MedicationType = (typeof MEDICATION_TYPES)[number];

/**
 * The body of POST /api/v1/check with `Content-Type: application/fhir+json`: a Bundle of
 * MedicationRequest / MedicationStatement (with Medication and AllergyIntolerance), or one such
 * resource. Only the envelope is checked here; each resource inside is read on its own, and one
 * that cannot be read becomes a line "not checked" with the reason.
 */
export const fhirCheckBody = z
  .looseObject(
    {
      resourceType: z.enum(['Bundle', ...MEDICATION_TYPES], {
        error: 'resourceType must be Bundle, MedicationRequest or MedicationStatement',
      }),
    },
    { error: 'the body must be a FHIR R4 resource: a Bundle, a MedicationRequest or a MedicationStatement' },
  )
  .describe('A FHIR R4 Bundle of MedicationRequest / MedicationStatement (with Medication and AllergyIntolerance), or one such resource');
