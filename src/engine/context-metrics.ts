/**
 * Numbers worked out from the dialysis context. These are definitions, not clinical judgements:
 * ultrafiltration rate = fluid to remove ÷ session hours (÷ target weight), weight gain as a
 * share of target weight. Whether a value is too high is for the knowledge base to say.
 */
import type { MetricName } from '../kb/schema.js';
import { DEFAULT_MODALITY, type Patient } from '../patient.js';

export type ContextMetrics = Partial<Record<MetricName, number>>;

/** Modalities where fluid is removed in sessions, so a session ultrafiltration rate means something. */
const SESSION_MODALITIES = new Set(['hd', 'nocturnal-hd']);

export function contextMetrics(patient: Patient): ContextMetrics {
  const m: ContextMetrics = {};
  const { weightGainKg: gain, sessionHours: hours, targetWeightKg: weight } = patient;
  const sessions = SESSION_MODALITIES.has(patient.modality ?? DEFAULT_MODALITY);
  if (gain !== undefined) m['weight-gain-kg'] = gain;
  if (gain !== undefined && weight) m['weight-gain-percent'] = (gain / weight) * 100;
  if (sessions && gain !== undefined && hours) {
    const perHour = (gain * 1000) / hours;
    m['ufr-ml-per-hour'] = perHour;
    if (weight) m['ufr-ml-per-kg-per-hour'] = perHour / weight;
  }
  if (patient.residualUrineMlPerDay !== undefined) m['residual-urine-ml-per-day'] = patient.residualUrineMlPerDay;
  return m;
}
