/** One list, in a worker: read it, validate it as the API does, check it, and write its output line. */
import { fieldIssues } from '../http/errors.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { runCheck } from '../run-check.js';
import { errorOutcome, type CheckOptions, type ListEntry, type Outcome } from './entries.js';
import { presentRecord } from './present.js';
import { cliRecord, idOf, type RecordIssue } from './record.js';

const NOT_CHECKED = 'the list was not checked';

const NOT_JSON = 'the line is not valid JSON';
/** A line that does not even begin as a JSON object is most often a CSV file read as NDJSON. */
const NOT_JSON_OBJECT = `${NOT_JSON}: NDJSON input has one JSON object per line; for CSV, give --input csv`;

function parse(entry: ListEntry): { value: unknown } | { error: string } {
  if (entry.kind === 'csv') return { value: entry.record };
  try {
    return { value: JSON.parse(entry.text) as unknown };
  } catch {
    // Not the parser's message: it may quote the line, and the line is the patient's list.
    return { error: entry.text.trimStart().startsWith('{') ? NOT_JSON : NOT_JSON_OBJECT };
  }
}

/** For a CSV list, the row each item came from, so an issue points at the line to fix. */
function withLines(issues: RecordIssue[], entry: ListEntry): RecordIssue[] {
  if (entry.kind !== 'csv') return issues;
  return issues.map((issue) => {
    const [field, index] = issue.path.split('.');
    const row = field === 'items' && index !== undefined ? entry.rows[Number(index)] : undefined;
    return { ...issue, line: row ?? entry.line };
  });
}

/** Where the code failed, without the message: a message may quote the list. */
function stackFrames(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  return [error instanceof Error ? error.name : 'error', ...stack.split('\n').filter((l) => /^\s+at /.test(l))].join('\n');
}

export function checkEntry(entry: ListEntry, kb: KnowledgeBase, options: CheckOptions): Outcome {
  const { line } = entry;
  const parsed = parse(entry);
  if ('error' in parsed) return errorOutcome({ line, error: `${NOT_CHECKED}: ${parsed.error}`, issues: [{ path: '', message: parsed.error }] });
  const value = parsed.value;
  const id = idOf(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const message = 'each line must be a JSON object with "items"';
    return errorOutcome({ line, error: `${NOT_CHECKED}: ${message}`, issues: [{ path: '', message }] });
  }
  const input = options.lang && !('lang' in value) ? { ...value, lang: options.lang } : value;
  const result = cliRecord.safeParse(input);
  if (!result.success) {
    return errorOutcome({ ...(id !== undefined ? { id } : {}), line, error: `${NOT_CHECKED}: the record is not valid`, issues: withLines(fieldIssues(result.error.issues), entry) });
  }
  const { items, patient, lang } = result.data;
  try {
    const report = runCheck(items, patient, kb, lang);
    return { text: JSON.stringify(presentRecord(report, { id: result.data.id, line }, options.format, options.baseUrl)), level: report.summary.verdict };
  } catch (error) {
    // A fault of ours must not stop the batch nor pass for a checked list.
    const outcome = errorOutcome({ ...(id !== undefined ? { id } : {}), line, error: `${NOT_CHECKED}: an internal error occurred while checking it`, issues: [] });
    return { ...outcome, fault: `the list at line ${line}: ${stackFrames(error)}` };
  }
}
