/**
 * The clinical review of KB 2026.12.0, as a user of the report would notice it: each line goes through the
 * real engine and the real knowledge base in data/.
 */
import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src/patient.js';
import { checkLines, checkOne } from '../../helpers/check.js';
import { kbData } from '../../helpers/kb.js';

const finding = (line: string, code: string, lang: 'en' | 'nl' = 'en') =>
  checkOne(line, { lang }).item.findings.find((f) => f.code === code);
const contextCodes = (patient: Patient) => checkLines(['Vitamine C 50 mg 1dd'], { patient }).context.map((c) => c.code);

describe('low-sodium bouillon is a possible potassium salt substitute', () => {
  it.each([
    'natriumarme bouillon 1 kop per dag',
    'Zoutarme bouillon',
    'bouillon met minder zout',
    'low-sodium bouillon 250 ml daily',
    'low-sodium stock',
  ])('"%s" is avoided because of hyperkalaemia', (line) => {
    const { item, codes } = checkOne(line);
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain('potassium.salt-substitute');
    expect(codes).not.toContain('sodium-chloride.extra-salt-only-on-advice');
    expect(item.findings.find((f) => f.code === 'potassium.salt-substitute')?.explanation).toMatch(/hyperkalaemia/i);
  });

  it('says so in Dutch too', () => {
    expect(finding('natriumarme bouillon', 'potassium.salt-substitute', 'nl')?.patient).toMatch(/bouillon/);
  });

  it('leaves ordinary bouillon as salt and fluid, not as a potassium salt substitute', () => {
    const { item, codes } = checkOne('bouillon 1 kop per dag');
    expect(codes).toContain('bouillon.fluid-and-salt');
    expect(codes).not.toContain('potassium.salt-substitute');
    expect(item.verdict).toBe('caution');
  });

  it('warns when low-sodium bouillon is on the list of someone who left below target weight', () => {
    const report = checkLines(['natriumarme bouillon'], { patient: { belowTargetWeight: true } });
    expect(report.context.map((c) => c.code)).toContain('context.below-target-weight-salt-substitute');
  });
});

describe('quinine texts', () => {
  it('never calls a within-limits amount of quinine small or safe', () => {
    for (const lang of ['en', 'nl'] as const) {
      const f = checkOne('Tonic 0,5 l per dag', { lang }).item.findings.find((x) => x.code === 'quinine.within-limits');
      expect(f, lang).toBeDefined();
      expect(f?.patient, lang).not.toMatch(/\bsmall\b|\bklein\b/i);
      expect(f?.patient, lang).toMatch(lang === 'en' ? /does not make quinine safe/ : /niet\s+veilig/);
    }
  });

  it('quotes the boxed warning on chronic renal impairment with TTP correctly', () => {
    const en = finding('Kinine 250 mg 1dd a.n.', 'quinine.regulators-advise-against')?.explanation ?? '';
    expect(en).toMatch(/chronic renal\s+impairment associated with the development of TTP has been reported/);
    expect(en).not.toMatch(/TTP has been reported in\s+chronic renal impairment/);
    const nl = finding('Kinine 250 mg 1dd a.n.', 'quinine.regulators-advise-against', 'nl')?.explanation ?? '';
    expect(nl).toMatch(/chronische nierinsufficiëntie in samenhang met het ontstaan van TTP/);
  });

  it('gives one consistent ceiling above the cramp dose in both languages', () => {
    for (const lang of ['en', 'nl'] as const) {
      const f = finding('Quinine sulfate 300 mg twice daily', 'quinine.above-cramp-dose', lang);
      expect(f?.advice, lang).toMatch(/250 mg/);
      expect(f?.advice, lang).toMatch(/177 mg/);
      expect(f?.advice, lang).not.toMatch(/200 mg sulfate-equivalent/);
      expect(f?.explanation, lang).toMatch(/177 mg/);
    }
  });

  it('says the Zorginstituut found no clinically relevant effect of hydroquinine', () => {
    expect(finding('Hydrokinine 100 mg 3dd', 'hydroquinine.regulators-advise-against')?.title).toMatch(/no clinically relevant effect/);
    expect(finding('Hydrokinine 100 mg 3dd', 'hydroquinine.regulators-advise-against', 'nl')?.title).toMatch(/geen klinisch relevant effect/);
  });

  it.each(['cinchona', 'Kinabast 1 theelepel', 'china bark', 'cinchona bark'])('recognises "%s" as a quinine source', (line) => {
    const { item, codes } = checkOne(line);
    expect(item.substances.map((s) => s.id)).toContain('quinine');
    expect(codes).toContain('quinine.regulators-advise-against');
    expect(item.verdict).not.toBe('ok');
  });

  it('flags mefloquine with quinine for seizures', () => {
    const report = checkLines(['Kinine 250 mg 1dd a.n.', 'Lariam 250 mg 1x per week']);
    expect(report.items[1]?.substances.map((s) => s.id)).toEqual(['mefloquine']);
    const f = report.interactions.find((x) => x.code === 'quinine.mefloquine');
    expect(f?.severity).toBe('avoid');
    expect(f?.explanation).toMatch(/seizures/);
    expect(f?.references.length).toBeGreaterThan(0);
  });
});

describe('names that were not recognised before', () => {
  it.each(['Melk van magnesia 15 ml 1dd', 'magnesiamelk 15 ml 1dd'])('reads "%s" as milk of magnesia', (line) => {
    const { item, codes } = checkOne(line);
    expect(item.reading.recognised.map((r) => r.id)).toEqual(['milk-of-magnesia']);
    expect(item.substances.map((s) => s.id)).toEqual(['magnesium']);
    expect(codes).toContain('magnesium.supplement-accumulates');
    expect(item.dailyDose[0]?.amount).toBeCloseTo(501, 0);
  });

  it.each(['Phoslo 667 mg 3dd', 'PhosLo 667 mg 3dd'])('reads "%s" as calcium acetate', (line) => {
    const { item } = checkOne(line);
    expect(item.substances.map((s) => s.id)).toEqual(['calcium']);
    expect(item.reading.form).toBe('calcium acetate');
    expect(item.dailyDose[0]).toMatchObject({ unit: 'mg', of: 'elemental calcium' });
    expect(item.dailyDose[0]?.amount).toBeCloseTo(3 * 667 * 0.253, 0);
  });

  it.each(['Vitamine B12 1000 µg 1dd', 'vitamin B12 1 mg daily', 'cyanocobalamine 1000 mcg', 'Cyanocobalamin', 'hydroxocobalamine 1 mg'])(
    'recognises "%s" as vitamin B12, not as B complex or vitamin E',
    (line) => {
      const { item } = checkOne(line);
      expect(item.substances.map((s) => s.id)).toEqual(['vitamin-b12']);
      expect(item.findings.some((f) => f.code === 'input.not-recognised')).toBe(false);
      expect(item.findings.map((f) => f.explanation).join(' ')).toMatch(/not checked/);
    },
  );

  it('still reads "Vitamine B1 B6 B12" as vitamin B complex', () => {
    expect(checkOne('Vitamine B1 B6 B12').item.substances.map((s) => s.id)).toEqual(['vitamin-b-complex']);
  });
});

describe('calcium salts whose labels may give the element', () => {
  it('checks calcium carbonate both ways and counts the higher, as for a Calcichew-type label', () => {
    const { item } = checkOne('calciumcarbonaat 500 mg 2dd');
    expect(item.dailyDose[0]).toMatchObject({ amount: 1000, low: 400, unit: 'mg' });
    expect(item.reading.notes.join(' ')).toMatch(/both ways/);
  });

  it('does the same for calcium citrate', () => {
    const { item } = checkOne('calcium citrate 500 mg 1dd');
    expect(item.dailyDose[0]).toMatchObject({ amount: 500, low: 105, unit: 'mg' });
  });

  it('still reads calcium acetate as the salt', () => {
    expect(checkOne('Calcium acetate 667 mg 1dd').item.dailyDose[0]?.amount).toBeCloseTo(168.8, 1);
  });
});

describe('dialysis context', () => {
  const gain5Percent = { targetWeightKg: 60, weightGainKg: 3, diabetes: true };

  it('flags weight gain above 4% only for haemodialysis', () => {
    for (const modality of ['pd', 'none'] as const) {
      const codes = contextCodes({ ...gain5Percent, modality });
      expect(codes, modality).not.toContain('context.weight-gain-above-4-percent');
      expect(codes, modality).not.toContain('context.diabetes-thirst');
    }
    for (const modality of ['hd', 'nocturnal-hd', undefined] as const) {
      expect(contextCodes({ ...gain5Percent, modality }), String(modality)).toContain('context.weight-gain-above-4-percent');
    }
  });

  it('says extra salt after leaving below target weight only on the team\'s word, with no invented amount', () => {
    const en = checkLines(['Vitamine C 50 mg 1dd'], { patient: { belowTargetWeight: true } }).context.find(
      (c) => c.code === 'context.below-target-weight-extra-salt',
    );
    expect(en?.patient).toMatch(/only if your dialysis team says so/i);
    expect(`${en?.patient} ${en?.advice} ${en?.explanation}`).not.toMatch(/one cup|a cup/i);
    const nl = checkLines(['Vitamine C 50 mg 1dd'], { patient: { belowTargetWeight: true }, lang: 'nl' }).context.find(
      (c) => c.code === 'context.below-target-weight-extra-salt',
    );
    expect(nl?.patient).toMatch(/alleen als uw dialyseteam dat zegt/i);
    expect(`${nl?.patient} ${nl?.advice} ${nl?.explanation}`).not.toMatch(/één kop|een kop/i);
    expect(nl?.title).toMatch(/kaliumhoudende zoutvervanger/);
  });

  it('uses the leaflet\'s word "toniciteit" in Dutch', () => {
    const f = checkLines(['Vitamine C 50 mg 1dd'], {
      patient: { residualUrineMlPerDay: 800, targetWeightKg: 70, weightGainKg: 0.8 },
      lang: 'nl',
    }).context.find((c) => c.code === 'context.residual-urine-tonicity');
    expect(`${f?.title} ${f?.explanation}`).toMatch(/toniciteit/);
    expect(`${f?.title} ${f?.explanation}`).not.toMatch(/tonus/);
  });
});

describe('other review fixes', () => {
  it('tells a Dutch patient to call for help with sedating combinations', () => {
    const report = checkLines(['Oxycodon 5 mg 2dd', 'Oxazepam 10 mg a.n.'], { lang: 'nl' });
    const f = report.interactions.find((x) => x.code === 'opioids.sedative-hypnotics');
    expect(f?.patient).toMatch(/Roep meteen hulp in of bel 112/);
  });

  it('does not quote an unsourced tizanidine blood-pressure figure', () => {
    const text = finding('Tizanidine 2 mg 1dd', 'tizanidine.renal-clearance-hypotension')?.explanation ?? '';
    expect(text).not.toMatch(/two\s+thirds|8 mg/);
  });

  it('rates the tizanidine–CYP1A2 interaction as probable, not established', () => {
    const f = checkLines(['Tizanidine 2 mg 1dd', 'Ciprofloxacine 500 mg 2dd']).interactions.find((x) => x.code === 'tizanidine.cyp1a2-inhibitors');
    expect(f?.evidence.certainty).toBe('probable');
    expect(f?.explanation).toMatch(/second-hand/);
  });

  it('says what mass of vitamin E is counted', () => {
    const { item } = checkOne('Vitamine E 400 IE synthetisch per dag');
    expect(item.dailyDose[0]).toMatchObject({ amount: 364, of: expect.stringMatching(/total mass/) });
  });

  it('keeps the baclofen summary to what was read, and compares it with no leaflet claim', () => {
    const baclofen = kbData().substances.find((s) => s.id === 'baclofen');
    expect(baclofen?.leafletVersusCurrent).toEqual([]);
    expect(baclofen?.summary.en).not.toMatch(/US label only speaks of a lower dose/);
    expect(baclofen?.summary.en).toMatch(/2\.3/);
  });

  it('describes the coverage of this knowledge base accurately', () => {
    const { coverage } = kbData().meta;
    for (const word of ['baclofen', 'gabapentin', 'muscle relaxants', 'salt substitutes', 'bouillon', 'creatine', 'B12', 'renal vitamins', 'vitamin A', 'calcium', 'ultrafiltration', 'phosphate and potassium binders', 'anticoagulants', 'insulins', 'previous reactions', 'can cause cramps']) {
      expect(coverage.covers.en, word).toContain(word);
    }
    // Since the formulary the common dialysis drugs are covered: the text must not say they are not.
    expect(coverage.doesNotCover.en).not.toMatch(/dosing of other medicines/);
    expect(coverage.doesNotCover.en).toMatch(/outside this formulary/);
  });
});
