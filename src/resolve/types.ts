/** A line after its names are recognised in the knowledge base and its doses worked out. */
import type { Form, MeasureUnit, Product, Substance } from '../kb/schema.js';
import type { NameTarget } from '../kb/knowledge-base.js';
import type { AmountUnit, ParsedLine, Route } from '../intake/types.js';

export interface Span {
  low: number;
  high: number;
  unit: MeasureUnit;
}

/** Why a dose could not be worked out; the engine turns it into "dose not checked". */
export type DoseGap =
  | 'no-strength'
  | 'no-volume'
  | 'no-frequency'
  | 'as-directed'
  | 'prn-without-maximum'
  | 'unit-not-convertible'
  | 'volume-without-concentration'
  | 'amount-unknown'
  | 'several-substances'
  | 'several-strengths'
  | 'several-counts'
  | 'several-frequencies'
  | 'vague-frequency'
  | 'prn-extra'
  | 'rate-per-hour'
  | 'per-kg-without-weight'
  | 'stray-number'
  | 'unread-words'
  | 'unclear-dose'
  /** Set by the engine: a line given only at sessions, and a limit on the maintenance dose with none per session beside it. */
  | 'no-session-limit';

/** An assumption or conversion behind a dose, shown next to it. */
export type DoseNote =
  | { code: 'form-assumed'; form: Form }
  | { code: 'form-not-stated'; forms: Form[] }
  | { code: 'compound-or-measure'; form: Form; factor: number }
  | { code: 'converted'; form: Form; factor: number; from: AmountUnit; to: NonNullable<Substance['measure']> }
  | { code: 'count-assumed'; per: Product['per'] }
  | { code: 'per-session'; sessionsPerWeek: number; assumed: boolean }
  | { code: 'non-session'; sessionsPerWeek: number; assumed: boolean }
  | { code: 'prn-maximum' }
  | { code: 'prn-maximum-administrations' }
  | { code: 'range' }
  | { code: 'per-kg'; perKg: number; unit: AmountUnit; weightKg: number }
  | { code: 'concentration'; text: string }
  | { code: 'ambiguous-number'; text: string; read: number; other: number };

export interface DoseReading {
  /** One administration, in the substance's measure. */
  single?: Span;
  /** Average per day, in the substance's measure. */
  daily?: Span;
  /**
   * The dose on a day it is taken, when the line is not taken every day ("after each dialysis",
   * "om de dag"): higher than the average. Absent when it is taken every day.
   */
  dosingDay?: Span;
  /**
   * The daily dose without the doses given for a dialysis session: zero for a line given only
   * after each session, the regular part of "200 mg daily + 250 mg after each dialysis".
   */
  maintenance?: Span;
  /** The dose given for one dialysis session, when the line gives one. */
  session?: Span;
  /** Average per day in the unit the line was written in (e.g. IU, mg of the salt, ml). */
  dailyAsWritten?: { low: number; high: number; unit: AmountUnit | Product['per'] };
  gap?: DoseGap;
  notes: DoseNote[];
}

export interface ResolvedIngredient {
  substance: Substance;
  form?: Form;
  product?: Product;
  tags: string[];
  route: Route;
  routeAssumed: boolean;
  dose: DoseReading;
}

export interface NameMatch {
  target: NameTarget;
  /** The words on the line that named it. */
  text: string;
  start: number;
  end: number;
}

export interface Suggestion {
  target: NameTarget;
  /** The words on the line that look like a misspelling, and where they stand. */
  text: string;
  start: number;
  end: number;
  /** The line with the words replaced by the suggested name. */
  correctedLine: string;
}

/**
 * What intake read on a line, without its tokens: they are spent once the names are found, and a
 * list keeps its items until the answer is sent (on a long list, most of what it would hold).
 */
export type LineReading = Omit<ParsedLine, 'tokens' | 'nameRuns'>;

export interface ResolvedItem {
  index: number;
  input: string;
  parsed: LineReading;
  matches: NameMatch[];
  ingredients: ResolvedIngredient[];
  suggestions: Suggestion[];
  /** Words on the line that were neither a name nor part of a dose. */
  unread: string[];
  /** Tags the line's own words give it ("voorgeschreven" → prescribed), added to each ingredient's. */
  tags: string[];
}
