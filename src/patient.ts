/**
 * The dialysis context of the person whose list is checked: its vocabulary, the physiological
 * bounds of each value, the defaults assumed when a value is not given, and the one schema that
 * validates it at every edge (JSON API, web form, FHIR), with messages in the caller's language.
 */
import { z } from 'zod';
import { LIST_LIMITS, lineLength } from './list-limits.js';

export const MODALITIES = ['hd', 'nocturnal-hd', 'pd', 'none'] as const;
export type Modality = (typeof MODALITIES)[number];
export const ANTICOAGULATIONS = ['lmwh', 'heparin', 'citrate', 'none'] as const;
export type Anticoagulation = (typeof ANTICOAGULATIONS)[number];

/** The modality assumed when none is given: in-centre haemodialysis. */
export const DEFAULT_MODALITY: Modality = 'hd';
/** Sessions a week assumed for per-session dosing when the patient's own number is not given. */
export const DEFAULT_SESSIONS_PER_WEEK = 3;

/** Values outside these bounds are not a patient on dialysis but a typing error (or a probe). */
export const BOUNDS = {
  targetWeightKg: { min: 20, max: 300 },
  weightGainKg: { min: 0, max: 15 },
  sessionHours: { min: 1, max: 12 },
  sessionsPerWeek: { min: 1, max: 7 },
  residualUrineMlPerDay: { min: 0, max: 5000 },
} as const;
export type Bounded = keyof typeof BOUNDS;

export interface Patient {
  modality?: Modality;
  /** Target ("dry") weight, kg. */
  targetWeightKg?: number;
  /** Weight gained since the last session: fluid to remove this session, kg. */
  weightGainKg?: number;
  sessionHours?: number;
  sessionsPerWeek?: number;
  residualUrineMlPerDay?: number;
  anticoagulation?: Anticoagulation;
  diabetes?: boolean;
  belowTargetWeight?: boolean;
  /** Cramps that persist at home after a session, sometimes into the next day. */
  crampsAtHome?: boolean;
  /** Previous reactions, as free-text lines ("kinine (trombocytopenie 2019)"), read like list lines. */
  allergies?: string[];
}

export const PATIENT_FIELDS = [
  'modality',
  'targetWeightKg',
  'weightGainKg',
  'sessionHours',
  'sessionsPerWeek',
  'residualUrineMlPerDay',
  'anticoagulation',
  'diabetes',
  'belowTargetWeight',
  'crampsAtHome',
  'allergies',
] as const satisfies readonly (keyof Patient)[];

/** What a person who typed a wrong value is told, per field, in their language. */
export interface PatientMessages {
  modality: string;
  number: (field: Bounded, bounds: { min: number; max: number }) => string;
  anticoagulation: string;
  yesNo: string;
  allergies: string;
  allergyLength: (max: number) => string;
  tooManyAllergies: (max: number) => string;
  unknownFields: (keys: string[]) => string;
  notAnObject: string;
}

function bounded(field: Bounded, m: PatientMessages) {
  const b = BOUNDS[field];
  const error = m.number(field, b);
  const n = z.number({ error }).min(b.min, { error }).max(b.max, { error });
  return (field === 'sessionsPerWeek' ? n.int({ error }) : n).optional();
}

/**
 * The schema for one set of messages, built at its first use and kept: a zod object compiles its
 * parser at the first parse, which built per request cost more than the parse itself.
 */
export function patientSchema(m: PatientMessages): PatientSchema {
  let schema = schemas.get(m);
  if (!schema) {
    schema = buildPatientSchema(m);
    schemas.set(m, schema);
  }
  return schema;
}

type PatientSchema = ReturnType<typeof buildPatientSchema>;
const schemas = new WeakMap<PatientMessages, PatientSchema>();

function buildPatientSchema(m: PatientMessages) {
  return z.strictObject(
    {
      modality: z.enum(MODALITIES, { error: m.modality }).optional(),
      targetWeightKg: bounded('targetWeightKg', m),
      weightGainKg: bounded('weightGainKg', m),
      sessionHours: bounded('sessionHours', m),
      sessionsPerWeek: bounded('sessionsPerWeek', m),
      residualUrineMlPerDay: bounded('residualUrineMlPerDay', m),
      anticoagulation: z.enum(ANTICOAGULATIONS, { error: m.anticoagulation }).optional(),
      diabetes: z.boolean({ error: m.yesNo }).optional(),
      belowTargetWeight: z.boolean({ error: m.yesNo }).optional(),
      crampsAtHome: z.boolean({ error: m.yesNo }).optional(),
      allergies: z
        .array(
          z.string({ error: m.allergies }).refine((s) => lineLength(s) <= LIST_LIMITS.lineLength, { error: m.allergyLength(LIST_LIMITS.lineLength) }),
          { error: m.allergies },
        )
        .max(LIST_LIMITS.allergies, { error: m.tooManyAllergies(LIST_LIMITS.allergies) })
        .transform((lines) => lines.map((l) => l.trim()).filter((l) => l.length > 0))
        .optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? m.unknownFields(issue.keys) : m.notAnObject) },
  ) satisfies z.ZodType<Patient>;
}
