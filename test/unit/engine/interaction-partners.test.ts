/**
 * The line of an interaction that is not acted on: told to keep taking it, unless the line is to
 * be avoided (for what it is, for another interaction or for a total) or was not checked, when it
 * only points to the line the change belongs on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Patient } from '../../../src/patient.js';
import { projectRoot } from '../../../src/paths.js';
import { checkLines } from '../../helpers/check.js';

const POINTERS = new Set(['interaction.keep-taking', 'interaction.see-line']);

describe('the partner line of an interaction', () => {
  it.each([
    ['nl', ['Kaliumchloride 600 mg 2dd1', 'Ibuprofen 400 mg 3dd1'], /^Ibuprofen heeft een wisselwerking; de aanpassing staat op regel 1/, /^Dit geneesmiddel gaat niet goed samen/],
    ['en', ['Potassium chloride 600 mg BD', 'Ibuprofen 400 mg TDS'], /^Ibuprofen is in an interaction; the change belongs on line 1/, /^This medicine does not mix well/],
  ] as const)('is not told to keep taking a medicine it should avoid (%s)', (lang, lines, title, patient) => {
    const line = checkLines([...lines], { lang }).items[1];
    expect(line?.verdict).toBe('avoid');
    const codes = line?.findings.map((f) => f.code) ?? [];
    expect(codes).toContain('ibuprofen.avoid-in-dialysis');
    expect(codes).not.toContain('interaction.keep-taking');
    const pointer = line?.findings.find((f) => f.code === 'interaction.see-line');
    expect(pointer?.title).toMatch(title);
    expect(pointer?.patient).toMatch(patient);
    expect(pointer?.patient).not.toMatch(/keep taking|blijf/i);
  });

  it('is not told to keep taking a medicine that another interaction on the list says to avoid', () => {
    // Hydroxyzine is acted on by the QT interaction with citalopram, and is the partner of its interaction with quinine.
    const report = checkLines(['Hydroxyzine 25 mg 3dd1', 'Citalopram 20 mg 1dd1', 'Kinine 200 mg a.n.'], { lang: 'nl' });
    const line = report.items[0];
    expect(line?.verdict).toBe('avoid');
    const codes = line?.findings.map((f) => f.code) ?? [];
    expect(codes).toContain('qt-label-contraindicated.qt-prolonging');
    expect(codes).toContain('interaction.see-line');
    expect(codes).not.toContain('interaction.keep-taking');
  });

  it.each([
    ['nl', ['Kinine 200 mg a.n.', 'Sint-janskruid 300 mg 3dd1'], /^Sint-janskruid heeft een wisselwerking; de aanpassing staat op regel 1/],
    ['en', ['Quinine sulfate 200mg ON', "St John's wort 300 mg TDS"], /^St John's wort is in an interaction; the change belongs on line 1/],
  ] as const)('is not told to keep taking a medicine that was not checked (%s)', (lang, lines, title) => {
    const line = checkLines([...lines], { lang }).items[1];
    expect(line?.verdict).toBe('unknown');
    const codes = line?.findings.map((f) => f.code) ?? [];
    expect(codes).toContain('kb.interactions-only');
    expect(codes).not.toContain('interaction.keep-taking');
    expect(line?.findings.find((f) => f.code === 'interaction.see-line')?.title).toMatch(title);
    // The row leads with why the line was not checked, not with the pointer to the other line.
    expect(line?.headline?.title).toBe(line?.findings.find((f) => f.code === 'kb.interactions-only')?.title);
  });

  it('is told to keep taking a medicine that is fine on its own', () => {
    const line = checkLines(['Acenocoumarol 1 mg volgens schema', 'Vitamine E 400 IE 1dd1'], { lang: 'nl' }).items[0];
    expect(line?.findings.map((f) => f.code)).toContain('interaction.keep-taking');
    expect(line?.findings.map((f) => f.code)).not.toContain('interaction.see-line');
  });

  it('on the whole dialysis lists of the fixtures: "keep taking" never stands on a line to be avoided or not checked', () => {
    const lists = parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'dialysis-lists.yaml'), 'utf8')) as { patient?: Patient; lines: { line: string }[] }[];
    let pointers = 0;
    for (const list of lists) {
      const report = checkLines(list.lines.map((l) => l.line), { patient: list.patient ?? {} });
      for (const item of report.items) {
        // A pointer is a caution: a line to be avoided is so for what it is, another interaction or a total.
        const codes = item.findings.map((f) => f.code);
        pointers += codes.filter((c) => POINTERS.has(c)).length;
        if (item.verdict === 'avoid' || item.verdict === 'unknown') expect(codes, item.input).not.toContain('interaction.keep-taking');
        else expect(codes, item.input).not.toContain('interaction.see-line');
      }
    }
    // The lists hold interactions, so the property was put to the test.
    expect(pointers).toBeGreaterThan(0);
  });
});
