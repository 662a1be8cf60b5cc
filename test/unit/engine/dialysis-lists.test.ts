/**
 * Whole haemodialysis medication lists (test/fixtures/dialysis-lists.yaml), written as pharmacists in
 * the Netherlands, Belgium, the UK and the US write them, with per line the substances, coverage and
 * verdict a dialysis pharmacist expects — written by hand from the KB entries, not by running the
 * checker. Issue 11: at least 95 % of lines recognised, at least 75 % with a reviewed verdict.
 *
 * A line marked `known` is one the checker gets wrong because of intake or the engine (or a KB file
 * outside the formulary): its substances are still asserted, its coverage and verdict are printed but
 * not asserted, so the gap stays visible without failing the suite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Coverage, Verdict } from '../../../src/explain/report.js';
import type { Patient } from '../../../src/patient.js';
import { projectRoot } from '../../../src/paths.js';
import { checkLines } from '../../helpers/check.js';

interface ExpectedLine {
  line: string;
  substances: string[];
  coverage: Coverage;
  verdict: Verdict;
  why: string;
  suggestion?: string;
  known?: string;
}

interface List {
  id: string;
  country: 'nl' | 'be' | 'uk' | 'us';
  patient?: Patient;
  lines: ExpectedLine[];
}

const lists = parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'dialysis-lists.yaml'), 'utf8')) as List[];
const COUNTRIES = ['nl', 'be', 'uk', 'us'] as const;

/** Issue 11's thresholds, asserted over all lists together. */
const MIN_RECOGNISED = 0.95;
const MIN_REVIEWED = 0.75;

interface Outcome {
  list: List;
  expected: ExpectedLine;
  substances: string[];
  coverage: Coverage;
  verdict: Verdict;
  suggestions: string[];
}

function run(list: List): Outcome[] {
  const report = checkLines(
    list.lines.map((l) => l.line),
    { patient: list.patient ?? {} },
  );
  return list.lines.map((expected, i) => {
    const item = report.items[i];
    if (!item) throw new Error(`${list.id}: no report for line ${i}`);
    return { list, expected, substances: [...new Set(item.substances.map((s) => s.id))].sort(), coverage: item.coverage, verdict: item.verdict, suggestions: item.suggestions.map((s) => s.id) };
  });
}

const outcomes = new Map(lists.map((list) => [list.id, run(list)] as const));
const all = [...outcomes.values()].flat();

function shares(rows: Outcome[]) {
  const n = rows.length;
  const recognised = rows.filter((r) => r.coverage !== 'not-recognised').length;
  const reviewed = rows.filter((r) => r.coverage === 'reviewed').length;
  return { n, recognised: recognised / n, reviewed: reviewed / n };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

describe('whole dialysis medication lists', () => {
  it('has at least 15 full lists of 10–16 lines from all four countries', () => {
    expect(lists.length).toBeGreaterThanOrEqual(15);
    for (const list of lists) {
      expect(list.lines.length, list.id).toBeGreaterThanOrEqual(10);
      expect(list.lines.length, list.id).toBeLessThanOrEqual(16);
    }
    for (const c of COUNTRIES) expect(lists.filter((l) => l.country === c).length, c).toBeGreaterThanOrEqual(4);
    expect(new Set(lists.map((l) => l.id)).size).toBe(lists.length);
  });

  describe.each(lists.map((l) => [l.id, l] as const))('%s', (id, list) => {
    it.each(list.lines.map((l, i) => [i, l.line] as const))('line %i: %s', (i) => {
      const o = outcomes.get(id)?.[i];
      if (!o) throw new Error('no outcome');
      const { expected } = o;
      expect(o.substances, 'substances').toEqual([...new Set(expected.substances)].sort());
      if (expected.suggestion) expect(o.suggestions, 'suggestions').toContain(expected.suggestion);
      if (expected.known) {
        // Printed, not asserted: the checker is wrong here for a reason outside the knowledge base's formulary.
        const same = o.coverage === expected.coverage && o.verdict === expected.verdict;
        console.log(
          `${same ? 'known gap (now matches)' : 'known gap'} ${id}#${i} "${expected.line}": expected ${expected.coverage}/${expected.verdict}, got ${o.coverage}/${o.verdict} — ${expected.known}`,
        );
        return;
      }
      expect({ coverage: o.coverage, verdict: o.verdict }, expected.why).toEqual({ coverage: expected.coverage, verdict: expected.verdict });
    });
  });

  it(`recognises at least ${pct(MIN_RECOGNISED)} of lines and reviews at least ${pct(MIN_REVIEWED)}`, () => {
    const rows = COUNTRIES.map((c) => ({ country: c, ...shares(all.filter((o) => o.list.country === c)) }));
    const total = shares(all);
    const unrecognised = all.filter((o) => o.coverage === 'not-recognised').map((o) => `  ${o.list.id}: ${o.expected.line}`);
    console.log(
      [
        'Coverage of the dialysis lists (lines recognised / reviewed):',
        ...rows.map((r) => `  ${r.country}: ${r.n} lines, recognised ${pct(r.recognised)}, reviewed ${pct(r.reviewed)}`),
        `  all: ${total.n} lines, recognised ${pct(total.recognised)}, reviewed ${pct(total.reviewed)}`,
        `Lines not recognised (${unrecognised.length}):`,
        ...unrecognised,
      ].join('\n'),
    );
    expect(total.recognised).toBeGreaterThanOrEqual(MIN_RECOGNISED);
    expect(total.reviewed).toBeGreaterThanOrEqual(MIN_REVIEWED);
  });

  it('says for every line that is not reviewed why not', () => {
    const report = lists.flatMap((list) => checkLines(list.lines.map((l) => l.line), { patient: list.patient ?? {} }).items);
    const why: Record<Exclude<Coverage, 'reviewed'>, string> = {
      'not-recognised': 'input.not-recognised',
      'interactions-only': '',
      'dose-not-read': 'dose.not-checked',
    };
    for (const item of report.filter((i) => i.coverage !== 'reviewed')) {
      const codes = item.findings.map((f) => f.code);
      if (item.coverage === 'interactions-only') {
        expect(codes.some((c) => c === 'kb.interactions-only' || c === 'route.not-reviewed'), item.input).toBe(true);
      } else if (item.coverage !== 'reviewed') {
        expect(codes, item.input).toContain(why[item.coverage]);
      }
      expect(item.verdict === 'unknown' || item.verdict === 'avoid', item.input).toBe(true);
    }
  });
});
