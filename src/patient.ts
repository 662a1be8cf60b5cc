/** The dialysis context of the person whose list is checked; every field may be unknown. */
export interface Patient {
  modality?: 'hd' | 'nocturnal-hd' | 'pd' | 'none';
  targetWeightKg?: number;
  weightGainKg?: number;
  sessionHours?: number;
  sessionsPerWeek?: number;
  residualUrineMlPerDay?: number;
  anticoagulation?: 'lmwh' | 'heparin' | 'citrate' | 'none';
  diabetes?: boolean;
  belowTargetWeight?: boolean;
  /** Cramps that persist at home after a session, sometimes into the next day. */
  crampsAtHome?: boolean;
}

/** Sessions a week assumed for per-session dosing when the patient's own number is not given. */
export const DEFAULT_SESSIONS_PER_WEEK = 3;
