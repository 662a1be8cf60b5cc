/**
 * The intake corpus (test/fixtures/intake-corpus.yaml): realistic lines with the reading a
 * pharmacist gives them, written by hand, not by running the parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../../src/paths.js';
import { DEFAULT_SESSIONS_PER_WEEK } from '../../../src/patient.js';
import { resolveLine } from '../../../src/resolve/resolve.js';
import type { LineReading } from '../../../src/resolve/types.js';
import { testKb } from '../../helpers/kb.js';

interface Range {
  low?: number;
  high?: number;
  amount?: number;
  unit?: string;
}

interface Entry {
  line: string;
  substances?: string[];
  suggestion?: string | null;
  strength?: Range | null;
  perDay?: number | Range | null;
  dailyAsWritten?: Range | null;
  route?: 'oral' | 'iv';
}

const corpus = parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'intake-corpus.yaml'), 'utf8')) as Entry[];

const TOLERANCE = 0.006;
function close(actual: number | undefined, expected: number | undefined): boolean {
  if (actual === undefined || expected === undefined) return actual === expected;
  return Math.abs(actual - expected) <= Math.max(Math.abs(expected) * TOLERANCE, 1e-9);
}
const bounds = (r: Range | number) => (typeof r === 'number' ? { low: r, high: r } : { low: r.low ?? r.amount, high: r.high ?? r.amount });

function perDayOf(p: LineReading): { low: number; high: number } | null {
  const f = p.frequency;
  if (!f) return null;
  if (f.kind === 'regular' || f.kind === 'schedule') return f.perDay;
  if (f.kind === 'non-session') return { low: (f.perOffDay.low * (7 - DEFAULT_SESSIONS_PER_WEEK)) / 7, high: (f.perOffDay.high * (7 - DEFAULT_SESSIONS_PER_WEEK)) / 7 };
  if (f.kind === 'per-session') return { low: (f.perSession.low * DEFAULT_SESSIONS_PER_WEEK) / 7, high: (f.perSession.high * DEFAULT_SESSIONS_PER_WEEK) / 7 };
  return f.max && 'perDay' in f.max ? { low: f.max.perDay.high, high: f.max.perDay.high } : null;
}

describe('intake corpus', () => {
  it('has at least 200 realistic lines, Dutch and English', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((e) => e.line)).size).toBe(corpus.length);
  });

  it.each(corpus.map((e) => [e.line, e] as const))('%s', (_line, entry) => {
    const item = resolveLine(0, entry.line, testKb(), {});
    const problems: string[] = [];

    if (entry.substances) {
      const got = [...new Set(item.ingredients.map((i) => i.substance.id))].sort();
      const want = [...new Set(entry.substances)].sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`substances ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    if (entry.suggestion !== undefined) {
      const ids = item.suggestions.map((s) => s.target.id);
      if (entry.suggestion === null ? ids.length > 0 : !ids.includes(entry.suggestion)) {
        problems.push(`suggestions ${JSON.stringify(ids)} ≠ ${JSON.stringify(entry.suggestion)}`);
      }
    }
    if (entry.strength !== undefined) {
      const s = item.parsed.strength;
      if (entry.strength === null) {
        if (s) problems.push(`strength ${s.low}-${s.high} ${s.unit} ≠ none`);
      } else {
        const want = bounds(entry.strength);
        if (!s || s.unit !== entry.strength.unit || !close(s.low, want.low) || !close(s.high, want.high)) {
          problems.push(`strength ${s ? `${s.low}-${s.high} ${s.unit}` : 'none'} ≠ ${want.low}-${want.high} ${entry.strength.unit}`);
        }
      }
    }
    if (entry.perDay !== undefined) {
      const got = perDayOf(item.parsed);
      if (entry.perDay === null) {
        if (got) problems.push(`perDay ${got.low}-${got.high} ≠ none`);
      } else {
        const want = bounds(entry.perDay);
        if (!got || !close(got.low, want.low) || !close(got.high, want.high)) problems.push(`perDay ${got ? `${got.low}-${got.high}` : 'none'} ≠ ${want.low}-${want.high}`);
      }
    }
    if (entry.dailyAsWritten !== undefined) {
      const got = item.ingredients.map((i) => i.dose.dailyAsWritten).find(Boolean);
      if (entry.dailyAsWritten === null) {
        if (got) problems.push(`daily ${got.low}-${got.high} ${got.unit} ≠ none`);
      } else {
        const want = bounds(entry.dailyAsWritten);
        const unitOk = got?.unit === entry.dailyAsWritten.unit;
        if (!got || !unitOk || !close(got.high, want.high) || (got.low !== 0 && !close(got.low, want.low))) {
          problems.push(`daily ${got ? `${got.low}-${got.high} ${got.unit}` : 'none'} ≠ ${want.low}-${want.high} ${entry.dailyAsWritten.unit}`);
        }
      }
    }
    if (entry.route) {
      const route = item.ingredients[0]?.route ?? item.parsed.route?.value;
      if (route !== entry.route) problems.push(`route ${route} ≠ ${entry.route}`);
    }
    expect(problems).toEqual([]);
  });
});
