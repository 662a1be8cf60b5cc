/**
 * The engine's own behaviour, on a small made-up knowledge base: it applies whatever the KB says,
 * so a new class member or a new limit needs no engine code.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/engine/check.js';
import { explain } from '../../../src/explain/explain.js';
import { indexKnowledgeBase } from '../../../src/kb/knowledge-base.js';
import type { KbData, Rule, Substance } from '../../../src/kb/schema.js';
import { resolveLines } from '../../../src/resolve/resolve.js';

const text = (s: string) => ({ en: s, nl: `NL ${s}` });
const texts = (s: string) => ({
  title: text(s),
  explanation: text(`${s} because`),
  advice: text(`${s} advice`),
  patient: text(`${s} plainly`),
  evidence: { level: 'rct' as const, certainty: 'established' as const, summary: text('a trial') },
  references: ['ref'],
});

function substance(id: string, rules: Rule[] = [], extra: Partial<Substance> = {}): Substance {
  return {
    id,
    name: text(id),
    names: [],
    review: 'full',
    reviewedOn: '2026-01-01',
    routes: ['oral'],
    codes: { atc: [], rxnorm: [], none: 'made up' },
    memberOf: [],
    crossReactsWith: [],
    readAs: [],
    measure: { unit: 'mg', of: text(id) },
    forms: [],
    verdictInDialysis: 'caution',
    summary: text(id),
    leafletVersusCurrent: [],
    rules,
    withinLimits: texts(`${id} fine`),
    references: ['ref'],
    ...extra,
  };
}

function miniKb(members: string[]) {
  const data: KbData = {
    meta: { title: 'mini', version: '2026.1.0', reviewedOn: '2026-01-01', coverage: { covers: text('x'), doesNotCover: text('y') }, tags: {} },
    references: [{ id: 'ref', title: 'A reference', url: 'https://example.org/ref' }],
    substances: [
      substance('alpha', [{ code: 'alpha.high', severity: 'avoid', when: { dailyDoseAbove: { amount: 100, unit: 'mg' } }, ...texts('alpha high') }]),
      substance('beta'),
      substance('gamma'),
      substance('delta', [], { review: 'interactions-only', verdictInDialysis: 'not-reviewed', withinLimits: undefined }),
    ],
    products: [],
    classes: [{ id: 'thinners', name: text('thinners'), description: text('d'), members, reviewedOn: '2026-01-01', references: ['ref'] }],
    contextRules: [],
    interactions: [{ code: 'alpha.thinners', severity: 'caution', between: [{ substance: 'alpha' }, { class: 'thinners' }], actOn: 'both', reviewedOn: '2026-01-01', ...texts('alpha with {b}') }],
  };
  return indexKnowledgeBase(data);
}

function run(lines: string[], members = ['beta']) {
  const kb = miniKb(members);
  return check(resolveLines(lines, kb, {}), {}, kb);
}

const verdicts = (a: ReturnType<typeof run>) => a.lines.map((l) => l.verdict);
const codes = (a: ReturnType<typeof run>, line: number) => a.lines[line]?.findings.map((f) => f.code);

describe('interactions are rules between substances and classes', () => {
  it('fire for a member of the class', () => {
    expect(run(['alpha 10 mg 1dd', 'beta 5 mg 1dd']).interactions.map((x) => x.code)).toEqual(['alpha.thinners']);
  });

  it('fire for a new member without any new rule', () => {
    expect(run(['alpha 10 mg 1dd', 'gamma 5 mg 1dd']).interactions).toHaveLength(0);
    expect(run(['alpha 10 mg 1dd', 'gamma 5 mg 1dd'], ['beta', 'gamma']).interactions.map((x) => x.items)).toEqual([[0, 1]]);
  });

  it('raise the verdict of the lines to act on, and point the lines there', () => {
    const a = run(['alpha 10 mg 1dd', 'beta 5 mg 1dd']);
    expect(verdicts(a)).toEqual(['caution', 'caution']);
    expect(a.interactions[0]).toMatchObject({ actOn: [0, 1], values: { partners: ['alpha', 'beta'] } });
    expect(a.lines[1]?.related).toEqual([{ kind: 'interaction', index: 0 }]);
  });
});

describe('dose limits', () => {
  it('apply to the worked-out daily dose', () => {
    expect(verdicts(run(['alpha 40 mg 2dd']))).toEqual(['ok']);
    const over = run(['alpha 60 mg 2dd']);
    expect(verdicts(over)).toEqual(['avoid']);
    expect(over.lines[0]?.findings[0]).toMatchObject({
      code: 'alpha.high',
      severity: 'avoid',
      basis: { kind: 'rule', owner: 'substance', id: 'alpha', code: 'alpha.high' },
      values: { substance: 'alpha', dose: { low: 120, high: 120, unit: 'mg', basis: 'daily' }, limit: { amount: 100, unit: 'mg' } },
    });
  });

  it('apply to the upper end of a range', () => {
    const a = run(['alpha 30 mg 2-4 x per dag']);
    expect(verdicts(a)).toEqual(['avoid']);
    expect(a.lines[0]?.findings[0]?.values.dose).toMatchObject({ low: 60, high: 120 });
  });

  it('apply to a total over several lines', () => {
    const a = run(['alpha 60 mg 1dd', 'alpha 60 mg 1dd']);
    expect(verdicts(a)).toEqual(['avoid', 'avoid']);
    expect(a.totals[0]).toMatchObject({ substance: 'alpha', amount: { high: 120, unit: 'mg' }, items: [0, 1], severity: 'avoid', complete: true });
    expect(a.totals[0]?.findings[0]).toMatchObject({ code: 'alpha.high', values: { lines: [0, 1], total: { high: 120 } } });
  });

  it('leave a line not checked when its dose cannot be read, and say which rules were not applied', () => {
    const a = run(['alpha 60 mg']);
    expect(verdicts(a)).toEqual(['unknown']);
    expect(a.lines[0]?.coverage).toBe('dose-not-read');
    expect(a.lines[0]?.findings).toEqual([expect.objectContaining({ code: 'dose.not-checked', values: expect.objectContaining({ gap: 'no-frequency', unchecked: ['alpha.high'] }) })]);
  });

  it('explain an ok line with its within-limits finding', () => {
    const a = run(['beta 5 mg 1dd']);
    expect(codes(a, 0)).toEqual(['beta.within-limits']);
    expect(a.lines[0]?.coverage).toBe('reviewed');
  });
});

describe('the summary', () => {
  it('counts lines per verdict and leads with what to act on: caution before the lines not checked', () => {
    const a = run(['alpha 10 mg 1dd', 'beta 5 mg 1dd', 'nonsense', 'delta 1 mg 1dd']);
    expect(a.summary).toEqual({ verdict: 'caution', counts: { avoid: 0, unknown: 2, caution: 2, ok: 0 }, lines: [0, 1] });
    expect(a.lines.map((l) => l.coverage)).toEqual(['reviewed', 'reviewed', 'not-recognised', 'interactions-only']);
  });

  it('is never ok with a line not checked', () => {
    expect(run(['beta 5 mg 1dd', 'nonsense']).summary.verdict).toBe('unknown');
  });

  it('is ok only when every line is recognised and acceptable', () => {
    expect(run(['beta 5 mg 1dd', 'gamma 5 mg 1dd']).summary).toMatchObject({ verdict: 'ok', lines: [] });
  });
});

describe('the engine does not speak', () => {
  it('gives codes and numbers only: no finding carries a sentence', () => {
    const a = run(['alpha 60 mg 2dd', 'beta 5 mg 1dd', 'nonsense']);
    const texts = JSON.stringify(a.lines.map((l) => l.findings));
    expect(texts).not.toMatch(/because|advice|plainly/);
  });
});

describe('explain puts the assessment into words', () => {
  const kb = miniKb(['beta']);
  const assessed = () => check(resolveLines(['alpha 60 mg 2dd', 'alpha 10 mg 1dd', 'nonsense'], kb, {}), {}, kb);

  it('in English', () => {
    const report = explain(assessed(), kb, 'en');
    expect(report.items[0]?.findings[0]).toMatchObject({ title: 'alpha high', explanation: 'alpha high because' });
    expect(report.totals[0]?.findings[0]?.explanation).toMatch(/^Added up over lines 1 and 2: 130 mg alpha per day\./);
    expect(report.items[2]?.findings[0]?.title).toBe('Not recognised — not checked, verify by hand');
  });

  it('in Dutch', () => {
    const report = explain(assessed(), kb, 'nl');
    expect(report.items[0]?.findings[0]).toMatchObject({ title: 'NL alpha high', explanation: 'NL alpha high because' });
    expect(report.totals[0]?.findings[0]?.explanation).toMatch(/^Opgeteld over regels 1 en 2: 130 mg NL alpha per dag\./);
    expect(report.items[2]?.findings[0]?.title).toBe('Niet herkend — niet gecontroleerd, controleer zelf');
  });
});
