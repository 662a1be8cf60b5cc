/**
 * CSV input: a header row, then one row per medicine line; consecutive rows with the same `id`
 * form one list. Columns: `id` and `item` (required), `lang`, and the patient fields of the API
 * by their names (`targetWeightKg`, …, `allergies` with reactions separated by "|"). A list's
 * lang and patient cells may be repeated on each row or given once; rows that disagree fail it.
 *
 * Each physical line is one row, parsed by csv-parse: a cell cannot span lines (no medicine line
 * does), and in return a broken row — an unclosed quote — is only that row, where a multi-line
 * parser would read the rest of the file as one cell.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { LIST_LIMITS } from '../list-limits.js';
import { BOUNDS, PATIENT_FIELDS } from '../patient.js';
import type { BadEntry, Entry } from './entries.js';
import type { InputLine } from './lines.js';
import { lineProblem } from './ndjson-input.js';
import type { RecordIssue } from './record.js';

/** A problem with the file as a whole (its header): nothing can be read, the command stops. */
export class CsvHeaderError extends Error {}

const CONTEXT_COLUMNS = ['lang', ...PATIENT_FIELDS] as const;
type ContextColumn = (typeof CONTEXT_COLUMNS)[number];
export const CSV_COLUMNS = ['id', 'item', ...CONTEXT_COLUMNS] as const;
type Column = (typeof CSV_COLUMNS)[number];

const DELIMITERS = [',', ';', '\t'] as const;
const YES = new Set(['true', 'yes', 'ja', '1']);
const NO = new Set(['false', 'no', 'nee', '0']);
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const ALLERGY_SEPARATOR = '|';

interface Header {
  delimiter: string;
  columns: Column[];
}

/** The header names the delimiter: it is the one of , ; tab that separates the column names. */
function readHeader(text: string, line: number): Header {
  const counts = DELIMITERS.map((d) => text.split(d).length - 1);
  const best = Math.max(...counts);
  const delimiter = DELIMITERS[counts.indexOf(best)];
  if (best === 0 || delimiter === undefined) throw new CsvHeaderError(`line ${line}: the CSV header needs at least the columns id and item, separated by a comma, semicolon or tab`);
  let names: string[];
  try {
    names = (parse(text, { delimiter, trim: true }) as string[][])[0] ?? [];
  } catch {
    throw new CsvHeaderError(`line ${line}: the CSV header is not valid CSV`);
  }
  const byLowerCase = new Map<string, Column>(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const unknown = names.filter((n) => !byLowerCase.has(n.toLowerCase()));
  if (unknown.length > 0) {
    throw new CsvHeaderError(`line ${line}: unknown column(s) in the CSV header: ${unknown.join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}`);
  }
  const columns = names.map((n) => byLowerCase.get(n.toLowerCase()) as Column);
  const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (twice.length > 0) throw new CsvHeaderError(`line ${line}: column(s) given twice in the CSV header: ${[...new Set(twice)].join(', ')}`);
  const missing = (['id', 'item'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new CsvHeaderError(`line ${line}: the CSV header has no column ${missing.join(' and ')}`);
  return { delimiter, columns };
}

interface Row {
  line: number;
  id: string;
  item: string;
  context: Partial<Record<ContextColumn, string>>;
}

const PARSE_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is not closed (a cell cannot span lines)',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by other characters',
};

function readRow(text: string, line: number, header: Header): Row | { line: number; problem: string } {
  let cells: string[];
  try {
    cells = (parse(text, { delimiter: header.delimiter, trim: true, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch (error) {
    return { line, problem: (error instanceof CsvError && PARSE_PROBLEMS[error.code]) || 'the row is not valid CSV' };
  }
  // Too many cells means a delimiter inside an unquoted cell ("0,5 mg"): which cell is which is unknown.
  if (cells.length > header.columns.length) {
    const shown = header.delimiter === '\t' ? 'a tab' : `"${header.delimiter}"`;
    return { line, problem: `the row has ${cells.length} cells and the header ${header.columns.length}: a cell holding ${shown} must be in double quotes` };
  }
  const cell = (c: Column) => cells[header.columns.indexOf(c)] ?? '';
  const id = cell('id');
  if (id === '') return { line, problem: 'the row has no id' };
  const context: Row['context'] = {};
  for (const c of CONTEXT_COLUMNS) if (cell(c) !== '') context[c] = cell(c);
  return { line, id, item: cell('item'), context };
}

/** A cell as the API would receive the field; a value it cannot be is passed on as text, for the schema to refuse. */
function fieldValue(column: ContextColumn, text: string): unknown {
  if (column in BOUNDS) return NUMBER.test(text) ? Number(text.replace(',', '.')) : text;
  if (column === 'diabetes' || column === 'belowTargetWeight' || column === 'crampsAtHome') {
    const lower = text.toLowerCase();
    return YES.has(lower) ? true : NO.has(lower) ? false : text;
  }
  if (column === 'allergies') return text.split(ALLERGY_SEPARATOR).map((a) => a.trim()).filter((a) => a !== '');
  return text;
}

const pathOf = (c: ContextColumn) => (c === 'lang' ? 'lang' : `patient.${c}`);

class List {
  readonly id: string;
  readonly line: number;
  /** One more than a list may hold, so the schema still says the list is too long; the rest is only counted. */
  readonly items: string[] = [];
  readonly rows: number[] = [];
  readonly context: Partial<Record<ContextColumn, { text: string; line: number }>> = {};
  readonly issues: (RecordIssue & { line: number })[] = [];
  /** Unreadable rows next to this list: it may be missing one of its lines. */
  readonly unreadable: number[] = [];

  constructor(first: Row) {
    this.id = first.id;
    this.line = first.line;
    this.add(first);
  }

  add(row: Row) {
    if (this.items.length <= LIST_LIMITS.lines) {
      this.items.push(row.item);
      this.rows.push(row.line);
    }
    for (const c of CONTEXT_COLUMNS) {
      const text = row.context[c];
      if (text === undefined) continue;
      const given = this.context[c];
      if (!given) this.context[c] = { text, line: row.line };
      else if (given.text !== text) {
        this.issues.push({ path: pathOf(c), line: row.line, message: `${c} is "${text}" here but "${given.text}" on line ${given.line}: the rows of one list must agree` });
      }
    }
  }

  entry(): Entry {
    const notChecked = (error: string, issues: RecordIssue[]): BadEntry => ({
      kind: 'error',
      record: { id: this.id, line: this.line, error: `the list was not checked: ${error}`, issues },
    });
    if (this.unreadable.length > 0 || this.issues.length > 0) {
      const unreadable = this.unreadable.map((line) => ({ path: '', line, message: 'this row could not be read' }));
      const issues = [...unreadable, ...this.issues].sort((a, b) => a.line - b.line);
      return notChecked(unreadable.length > 0 ? 'a row next to it could not be read, and it may belong to this list' : 'its rows disagree', issues);
    }
    const patient: Record<string, unknown> = {};
    let lang: string | undefined;
    for (const c of CONTEXT_COLUMNS) {
      const given = this.context[c];
      if (!given) continue;
      if (c === 'lang') lang = given.text;
      else patient[c] = fieldValue(c, given.text);
    }
    const record = { id: this.id, ...(lang !== undefined ? { lang } : {}), patient, items: this.items };
    return { kind: 'csv', line: this.line, record, rows: this.rows };
  }
}

export async function* csvEntries(lines: AsyncIterable<InputLine>, maxBytes: number): AsyncGenerator<Entry> {
  let header: Header | undefined;
  let list: List | undefined;
  // Records of unreadable rows wait for the list before them, so the output keeps the input's order.
  let waiting: BadEntry[] = [];
  let after: number[] = [];

  for await (const input of lines) {
    if (!('problem' in input) && input.text.trim() === '') continue;
    if (!header) {
      if ('problem' in input) throw new CsvHeaderError(`line ${input.line}: ${lineProblem(input, maxBytes, 'row')}`);
      header = readHeader(input.text, input.line);
      continue;
    }
    const row = 'problem' in input ? { line: input.line, problem: lineProblem(input, maxBytes, 'row') } : readRow(input.text, input.line, header);
    if ('problem' in row) {
      const record: BadEntry = { kind: 'error', record: { line: row.line, error: 'the row could not be read', issues: [{ path: '', line: row.line, message: row.problem }] } };
      if (list) {
        list.unreadable.push(row.line);
        waiting.push(record);
      } else yield record;
      after.push(row.line);
      continue;
    }
    if (list?.id === row.id) list.add(row);
    else {
      if (list) yield list.entry();
      yield* waiting;
      waiting = [];
      list = new List(row);
      list.unreadable.push(...after);
    }
    after = [];
  }
  if (list) yield list.entry();
  yield* waiting;
}
