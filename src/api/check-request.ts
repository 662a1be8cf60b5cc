/** The request body of POST /api/v1/check (contract: docs/api.md). */
import { z } from 'zod';
import { LANGS } from '../kb/schema.js';
import { LIST_LIMITS, lineLength } from '../list-limits.js';
import { ANTICOAGULATIONS, MODALITIES, patientSchema, type PatientMessages } from '../patient.js';

const UNITS = { targetWeightKg: 'kilograms', weightGainKg: 'kilograms', sessionHours: 'hours', sessionsPerWeek: 'sessions', residualUrineMlPerDay: 'millilitres per day' } as const;

/** The API speaks to programs and their developers: its messages are English. */
export const apiPatientMessages: PatientMessages = {
  modality: `must be one of ${MODALITIES.join(', ')}`,
  number: (field, b) => `${field} must be a ${field === 'sessionsPerWeek' ? 'whole ' : ''}number of ${UNITS[field]} from ${b.min} to ${b.max}`,
  anticoagulation: `must be one of ${ANTICOAGULATIONS.join(', ')}`,
  yesNo: 'must be true or false',
  allergies: 'allergies must be a list of lines (strings)',
  allergyLength: (max) => `a previous reaction may be at most ${max} characters`,
  tooManyAllergies: (max) => `at most ${max} previous reactions can be given`,
  unknownFields: (keys) => `unknown field(s): ${keys.join(', ')}`,
  notAnObject: 'patient must be an object',
};

export const line = z
  .string({ error: 'each line must be a string' })
  .refine((s) => lineLength(s) <= LIST_LIMITS.lineLength, { error: `a line may be at most ${LIST_LIMITS.lineLength} characters` })
  .refine((s) => s.trim().length > 0, { error: 'a line must not be empty' });

export const checkRequest = z.strictObject(
  {
    lang: z.enum(LANGS, { error: `lang must be one of ${LANGS.join(', ')}` }).default('en'),
    patient: patientSchema(apiPatientMessages).default({}),
    items: z
      .array(line, { error: 'items must be a list of lines (strings)' })
      .min(1, { error: 'give at least one line' })
      .max(LIST_LIMITS.lines, { error: `at most ${LIST_LIMITS.lines} lines can be checked at once` }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'the body must be a JSON object with "items"') },
);

export type CheckRequest = z.infer<typeof checkRequest>;
