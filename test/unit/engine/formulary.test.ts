/** The cramp-remedy formulary beyond the leaflet: the examples the knowledge base must get right. */
import { describe, expect, it } from 'vitest';
import { checkLines, checkOne } from '../../helpers/check.js';
import { testKb } from '../../helpers/kb.js';

describe('remedies people on dialysis take for cramps', () => {
  it('baclofen is avoided', () => {
    const { item, codes } = checkOne('Baclofen 10 mg three times daily');
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain('baclofen.avoid-in-dialysis');
    expect(item.findings.find((f) => f.code === 'baclofen.avoid-in-dialysis')?.explanation).toMatch(/encephalopathy/i);
  });

  it('gabapentin 300 mg three times a day is above the dialysis cap', () => {
    const { item, codes } = checkOne('Gabapentin 300 mg three times a day');
    expect(item.dailyDose[0]).toMatchObject({ amount: 900, unit: 'mg' });
    expect(codes).toContain('gabapentin.above-dialysis-cap');
    expect(item.findings.find((f) => f.code === 'gabapentin.above-dialysis-cap')?.explanation).toContain('900 mg');
  });

  it('gabapentin after each dialysis is averaged over the week and stays within the cap', () => {
    const { item, codes } = checkOne('Gabapentin 300 mg na elke dialyse');
    expect(item.dailyDose[0]?.amount).toBeCloseTo((300 * 3) / 7, 1);
    expect(codes).not.toContain('gabapentin.above-dialysis-cap');
  });

  it('potassium chloride is avoided for hyperkalaemia, with its dose in mmol', () => {
    const { item, codes } = checkOne('Kaliumchloride 600 mg 2dd1');
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain('potassium.hyperkalaemia');
    expect(item.dailyDose[0]).toMatchObject({ unit: 'mmol' });
    expect(item.dailyDose[0]?.amount).toBeCloseTo(16.1, 1);
  });

  it('a potassium salt substitute is avoided', () => {
    expect(checkOne('LoSalt').item.verdict).toBe('avoid');
  });

  it('tizanidine with ciprofloxacin is an interaction', () => {
    const report = checkLines(['Tizanidine 4 mg tid', 'Ciprofloxacin 500 mg bid']);
    expect(report.interactions.map((x) => [x.code, x.items])).toContainEqual(['tizanidine.cyp1a2-inhibitors', [0, 1]]);
  });

  it.each(['Clarithromycin 500 mg 2dd', 'Citalopram 20 mg 1dd'])('%s with quinine is a QT or level interaction', (line) => {
    const codes = checkLines(['Kinine 250 mg 1dd a.n.', line]).interactions.map((x) => x.code);
    expect(codes.some((c) => c === 'quinine.qt-prolonging' || c === 'quinine.cyp3a4-inhibitors')).toBe(true);
  });

  it('hydroquinine is treated as quinine: same warnings, same interactions', () => {
    const { item, codes } = checkOne('Hydrokinine 100 mg 3dd1');
    expect(item.verdict).toBe('caution');
    expect(codes).toContain('hydroquinine.regulators-advise-against');
    const report = checkLines(['Hydrokinine 100 mg 3dd1', 'Clarithromycin 500 mg 2dd', 'Kinine 250 mg a.n.']);
    expect(report.interactions.map((x) => x.code)).toEqual(expect.arrayContaining(['quinine.qt-prolonging', 'quinine.cyp3a4-inhibitors', 'quinine.hydroquinine-duplicate']));
  });

  it('gabapentinoids with an opioid warn about breathing', () => {
    const report = checkLines(['Pregabaline 75 mg 1dd', 'Oxycodon 5 mg 2dd']);
    expect(report.interactions.map((x) => x.code)).toContain('gabapentinoids.cns-depressants');
  });

  it('calcium from a binder and a supplement is added up against one limit', () => {
    const report = checkLines(['Calcium 500 mg 2dd', 'OsvaRen 3 tabletten 3dd']);
    const total = report.totals.find((t) => t.substance.id === 'calcium');
    expect(total?.amount).toBeCloseTo(1000 + 9 * 110, 0);
    expect(total?.findings.map((f) => f.code)).toContain('calcium.above-binder-limit');
  });

  it('magnesium and calcium salts lower the absorption of a quinolone', () => {
    const codes = checkLines(['Ciprofloxacin 500 mg bid', 'OsvaRen 2 tabletten 3dd']).interactions.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['magnesium.chelated-drugs', 'calcium.chelated-drugs']));
  });

  it('an effervescent tablet is recognised as the product even when the strength splits its name', () => {
    const { codes } = checkOne('Vitamine C 1000 mg bruistablet 1dd');
    expect(codes).toContain('vitamin-c-effervescent.sodium');
  });

  it('a general multivitamin resolves to its ingredients and says it is not a renal vitamin', () => {
    const { item } = checkOne('Centrum 1dd');
    expect(item.substances.map((s) => s.id)).toEqual(expect.arrayContaining(['vitamin-a', 'vitamin-c', 'vitamin-e']));
    expect(item.findings.map((f) => f.code)).toContain('centrum.not-a-renal-vitamin');
  });
});

describe('the knowledge base as a whole', () => {
  it('recognises every class member by its Dutch and its English name', () => {
    const kb = testKb();
    for (const c of kb.classes.values()) {
      for (const id of c.members) {
        const s = kb.substances.get(id);
        for (const lang of ['en', 'nl'] as const) {
          const report = checkLines([`${s?.name[lang]} 10 mg 1dd`]);
          expect(report.items[0]?.substances.map((x) => x.id), `${c.id}: ${s?.name[lang]}`).toContain(id);
        }
      }
    }
  });

  it('never calls a line without a dose ok when the substance has dose limits', () => {
    const kb = testKb();
    let checked = 0;
    for (const s of kb.substances.values()) {
      if (s.review !== 'full') continue;
      const item = checkLines([s.name.nl]).items[0];
      expect(item?.substances.map((x) => x.id), s.id).toContain(s.id);
      if (s.rules.some((r) => r.when.dailyDoseAbove || r.when.singleDoseAbove)) {
        checked++;
        expect(item?.verdict, s.id).not.toBe('ok');
      }
    }
    expect(checked).toBeGreaterThan(8);
  });
});
