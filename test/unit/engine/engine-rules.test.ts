/**
 * The engine's own behaviour, on a small made-up knowledge base: it applies whatever the KB says,
 * so a new class member or a new limit needs no engine code.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/engine/check.js';
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
  return check(resolveLines(lines, kb, {}), {}, kb, { lang: 'en' });
}

describe('interactions are rules between substances and classes', () => {
  it('fire for a member of the class', () => {
    expect(run(['alpha 10 mg 1dd', 'beta 5 mg 1dd']).interactions.map((x) => x.code)).toEqual(['alpha.thinners']);
  });

  it('fire for a new member without any new rule', () => {
    expect(run(['alpha 10 mg 1dd', 'gamma 5 mg 1dd']).interactions).toHaveLength(0);
    expect(run(['alpha 10 mg 1dd', 'gamma 5 mg 1dd'], ['beta', 'gamma']).interactions.map((x) => x.items)).toEqual([[0, 1]]);
  });

  it('raise the verdict of both lines and explain it on each', () => {
    const report = run(['alpha 10 mg 1dd', 'beta 5 mg 1dd']);
    expect(report.items.map((i) => i.verdict)).toEqual(['caution', 'caution']);
    expect(report.items[1]?.findings.map((f) => f.code)).toContain('alpha.thinners');
  });
});

describe('dose limits', () => {
  it('apply to the worked-out daily dose', () => {
    expect(run(['alpha 40 mg 2dd']).items[0]?.verdict).toBe('ok');
    expect(run(['alpha 60 mg 2dd']).items[0]?.verdict).toBe('avoid');
  });

  it('apply to the upper end of a range', () => {
    expect(run(['alpha 30 mg 2-4 x per dag']).items[0]?.verdict).toBe('avoid');
  });

  it('apply to a total over several lines', () => {
    const report = run(['alpha 60 mg 1dd', 'alpha 60 mg 1dd']);
    expect(report.items.map((i) => i.verdict)).toEqual(['avoid', 'avoid']);
    expect(report.totals[0]).toMatchObject({ amount: 120, items: [0, 1], severity: 'avoid' });
    expect(report.totals[0]?.findings[0]?.explanation).toMatch(/^Added up over lines 1 and 2: 120 mg alpha per day\./);
  });

  it('leave a line not checked when its dose cannot be read', () => {
    const report = run(['alpha 60 mg']);
    expect(report.items[0]?.verdict).toBe('unknown');
    expect(report.items[0]?.findings.map((f) => f.code)).toEqual(['dose.not-checked']);
  });

  it('explain an ok line with its within-limits text and the dose', () => {
    const f = run(['beta 5 mg 1dd']).items[0]?.findings;
    expect(f?.map((x) => x.code)).toEqual(['beta.within-limits']);
  });
});

describe('the summary', () => {
  it('counts lines per verdict and takes the worst, ranking "not checked" above caution', () => {
    const report = run(['alpha 10 mg 1dd', 'beta 5 mg 1dd', 'nonsense', 'delta 1 mg 1dd']);
    expect(report.summary).toEqual({ verdict: 'unknown', avoid: 0, unknown: 2, caution: 2, ok: 0 });
  });

  it('is ok only when every line is recognised and acceptable', () => {
    expect(run(['beta 5 mg 1dd', 'gamma 5 mg 1dd']).summary.verdict).toBe('ok');
  });
});
