/** What intake reads from one line, before the knowledge base is consulted. */

/** A closed range; a single value has low === high. */
export interface Interval {
  low: number;
  high: number;
}

/** Units after normalisation: g and µg become mg, l and spoons become ml. */
export type AmountUnit = 'mg' | 'IU' | 'mmol' | 'ml';

export interface Amount extends Interval {
  unit: AmountUnit;
  /** The words on the line this was read from. */
  text: string;
  /** "20 mg/kg": the amount is per kilogram of body weight. */
  perKg?: boolean;
}

export interface Count extends Interval {
  text: string;
}

export type Frequency =
  /**
   * Times per day, averaged over the stated period (3× a week → 3/7); `perDosingDay` when the
   * line says how often on the days it is taken ("1dd1 om de andere dag", "2dd behalve zondag").
   */
  | {
      kind: 'regular';
      perDay: Interval;
      text: string;
      perDosingDay?: Interval;
      /** Each time at a dialysis session (after it, before it, on its day), the line giving how many a week ("3x per week na dialyse"). */
      atSessions?: true;
    }
  /** Times per dialysis session; per day depends on the patient's sessions per week. */
  | { kind: 'per-session'; perSession: Interval; text: string }
  /** Times per day on the days between sessions; how many such days depends on the sessions per week. */
  | { kind: 'non-session'; perOffDay: Interval; text: string }
  /** Different numbers of units at set times ("2 at dinner and 1 at bedtime"). */
  | { kind: 'schedule'; perDay: Interval; unitsPerDay: Interval; unitsPerTime: Interval; text: string }
  /** As needed, with the stated maximum per day when there is one. */
  | { kind: 'prn'; max?: PrnMaximum; text: string };

export type PrnMaximum =
  /** "max 3 per dag" (administrations) or "max 6 tabletten per dag" (units). */
  | { perDay: Interval; of: 'administrations' | 'units' }
  /** "max 60 ml per dag": an amount in the unit written. */
  | { amount: number; unit: AmountUnit };

/** The times of day a line may name; each counts once when no frequency is written. */
export type TimeOfDay = 'morning' | 'noon' | 'evening' | 'bedtime';

/** How a line is given. */
export const ROUTES = ['oral', 'iv', 'sc', 'im', 'topical', 'transdermal', 'inhaled', 'rectal'] as const;
export type Route = (typeof ROUTES)[number];

export interface Token {
  text: string;
  /** Lower case, accents removed. */
  norm: string;
  kind: 'word' | 'number' | 'punct';
  start: number;
  end: number;
  /** For numbers: the value read (see numbers.ts for separators). */
  value?: number;
  /** For numbers like "1,000": the other possible reading, not used. */
  alternative?: number;
}

/** Something intake could not read, or read with an assumption the user should see. */
export type IntakeNote =
  | { code: 'ambiguous-number'; text: string; read: number; other: number }
  | { code: 'several-strengths'; texts: string[] }
  | { code: 'several-frequencies'; texts: string[] }
  | { code: 'several-counts'; texts: string[] }
  | { code: 'prn-without-maximum' }
  | { code: 'prn-extra' }
  | { code: 'meals-assumed'; text: string }
  | { code: 'vague-frequency'; text: string }
  | { code: 'unknown-strength'; text: string }
  | { code: 'rate-per-hour'; text: string }
  | { code: 'unread-text'; text: string }
  | { code: 'as-directed'; text: string };

export interface ParsedLine {
  input: string;
  tokens: Token[];
  /** Runs of tokens not taken by a dose, count, frequency or route: where names are looked for. */
  nameRuns: Token[][];
  strength?: Amount;
  /** "50 mg/ml": the amount in one ml of a liquid, for a strength given as a volume. */
  concentration?: Amount;
  /** Units per administration ("2 tabletten"); when present the strength is per unit. */
  count?: Count;
  frequency?: Frequency;
  route?: { value: Route; text: string };
  /** Times of day named on the line ("a.n.", "'s avonds"), shown in the reading. */
  timing: { label: TimeOfDay; text: string }[];
  /** What the line's own words say about it: "voorgeschreven" → prescribed. */
  tags: string[];
  /** A dose given after each dialysis session on top of the regular one ("… + 250 mg na elke dialyse"). */
  supplement?: { strength: Amount; count?: Count; perSession: Interval; text: string };
  notes: IntakeNote[];
}
