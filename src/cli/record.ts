/**
 * One list of the batch: the API's request with an `id` to find its report by. The API's schema
 * is extended, not loosened, so a record is refused for exactly what the API refuses.
 */
import { z } from 'zod';
import { checkRequest } from '../api/check-request.js';
import type { FieldIssue } from '../http/errors.js';

export const ID_MAX_LENGTH = 200;

const ID_ERROR = `id must be a string of 1 to ${ID_MAX_LENGTH} characters, or a number`;
const recordId = z.union([z.string().min(1, { error: ID_ERROR }).max(ID_MAX_LENGTH, { error: ID_ERROR }), z.number()], { error: ID_ERROR });

export const cliRecord = checkRequest.extend({ id: recordId.optional() });
export type CliRecord = z.infer<typeof cliRecord>;
export type RecordId = z.infer<typeof recordId>;

/** An issue of a record, with the input line it is on when that is known (a CSV row). */
export interface RecordIssue extends FieldIssue {
  line?: number;
}

/** What stands in the output in place of a list that was not checked. */
export interface ErrorRecord {
  id?: RecordId;
  /** The input line the record starts on (1-based). */
  line: number;
  error: string;
  issues: RecordIssue[];
}

/** The record's id if it is one, so an error can still be matched to its list. */
export function idOf(value: unknown): RecordId | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  const parsed = recordId.safeParse(value.id);
  return parsed.success ? parsed.data : undefined;
}
