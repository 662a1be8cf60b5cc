/**
 * The patient's dialysis context as validated at the edge (JSON API and web form alike).
 * Messages are written for the person who typed the value.
 */
import { z } from 'zod';
import { MODALITIES } from './kb/schema.js';
import type { Patient } from './patient.js';

export const ANTICOAGULATION = ['lmwh', 'heparin', 'citrate', 'none'] as const;

export interface PatientMessages {
  modality: string;
  targetWeight: string;
  weightGain: string;
  sessionHours: string;
  sessionsPerWeek: string;
  residualUrine: string;
  anticoagulation: string;
  yesNo: string;
}

export const englishPatientMessages: PatientMessages = {
  modality: `must be one of ${MODALITIES.join(', ')}`,
  targetWeight: 'target weight must be a number of kilograms above 0 and at most 300',
  weightGain: 'weight gain must be a number of kilograms from 0 to 15',
  sessionHours: 'session length must be a number of hours above 0 and at most 24',
  sessionsPerWeek: 'sessions per week must be a whole number from 1 to 7',
  residualUrine: 'residual urine must be a number of millilitres per day from 0 to 5000',
  anticoagulation: `must be one of ${ANTICOAGULATION.join(', ')}`,
  yesNo: 'must be true or false',
};

export function patientSchema(m: PatientMessages) {
  return z.strictObject({
    modality: z.enum(MODALITIES, { error: m.modality }).optional(),
    targetWeightKg: z.number({ error: m.targetWeight }).gt(0, { error: m.targetWeight }).max(300, { error: m.targetWeight }).optional(),
    weightGainKg: z.number({ error: m.weightGain }).min(0, { error: m.weightGain }).max(15, { error: m.weightGain }).optional(),
    sessionHours: z.number({ error: m.sessionHours }).gt(0, { error: m.sessionHours }).max(24, { error: m.sessionHours }).optional(),
    sessionsPerWeek: z.number({ error: m.sessionsPerWeek }).int({ error: m.sessionsPerWeek }).min(1, { error: m.sessionsPerWeek }).max(7, { error: m.sessionsPerWeek }).optional(),
    residualUrineMlPerDay: z.number({ error: m.residualUrine }).min(0, { error: m.residualUrine }).max(5000, { error: m.residualUrine }).optional(),
    anticoagulation: z.enum(ANTICOAGULATION, { error: m.anticoagulation }).optional(),
    diabetes: z.boolean({ error: m.yesNo }).optional(),
    belowTargetWeight: z.boolean({ error: m.yesNo }).optional(),
    crampsAtHome: z.boolean({ error: m.yesNo }).optional(),
  }, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'patient must be an object'),
  }) satisfies z.ZodType<Patient>;
}
