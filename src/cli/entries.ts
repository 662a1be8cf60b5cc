/** What the input readers hand to the workers, and what comes back: the messages of the pool. */
import type { Verdict } from '../engine/assessment.js';
import type { Lang } from '../kb/schema.js';
import type { Format } from './present.js';
import type { ErrorRecord } from './record.js';

/** A list still to be validated and checked: an NDJSON line as read, or a list gathered from CSV rows. */
export type ListEntry =
  | { kind: 'ndjson'; line: number; text: string }
  | { kind: 'csv'; line: number; record: Record<string, unknown>; rows: number[] };

/** An input record that could not even become a list (a line too long, a CSV row that does not parse). */
export interface BadEntry {
  kind: 'error';
  record: ErrorRecord;
}

export type Entry = ListEntry | BadEntry;

/** A list's output line and the level it counts as for --fail-on: an error counts as not checked. */
export interface Outcome {
  text: string;
  level: Verdict | 'error';
  /** For an internal error: where it happened (stack frames, no message), for stderr. */
  fault?: string;
}

export interface CheckOptions {
  format: Format;
  /** Prefix for the links into the knowledge base; '' leaves them relative. */
  baseUrl: string;
  /** The language of a list that does not name one. */
  lang?: Lang;
}

export const errorOutcome = (record: ErrorRecord): Outcome => ({ text: JSON.stringify(record), level: 'error' });

/** A failure of the batch itself, not of a list (a worker that cannot start, an output that cannot be written): it stops. */
export class BatchError extends Error {}
