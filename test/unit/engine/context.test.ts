/** Dialysis context: the ultrafiltration rate and the non-drug causes of cramps. */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/kb/schema.js';
import type { Patient } from '../../../src/patient.js';
import { checkLines } from '../../helpers/check.js';

const contextCodes = (patient: Patient, lines = ['Vitamine C 50 mg 1dd'], lang: Lang = 'en') =>
  checkLines(lines, { patient, lang }).context.map((c) => c.code);

describe('ultrafiltration rate', () => {
  it('flags 3.2 kg in 4 h at 55 kg (14.5 ml/kg/h) although it is only 800 ml/h', () => {
    const report = checkLines(['Vitamine C 50 mg 1dd'], { patient: { targetWeightKg: 55, weightGainKg: 3.2, sessionHours: 4 } });
    expect(report.metrics['ufr-ml-per-hour']).toBe(800);
    expect(report.metrics['ufr-ml-per-kg-per-hour']).toBeCloseTo(14.5, 1);
    const f = report.context.find((c) => c.code === 'context.ufr-above-13');
    expect(f?.severity).toBe('caution');
    expect(f?.explanation).toContain('800 ml/h, or 14.5 ml/kg/h for a target weight of 55 kg');
    expect(f?.explanation).toMatch(/13\.3 ml\/kg\/h at 60 kg but only 8 ml\/kg\/h at 100 kg/);
    expect(f?.advice).toMatch(/longer session, an extra session, or nocturnal dialysis/);
    expect(report.summary.verdict).toBe('caution');
  });

  it('does not flag nocturnal dialysis of 2.4 kg over 8 h at 80 kg', () => {
    const codes = contextCodes({ modality: 'nocturnal-hd', targetWeightKg: 80, weightGainKg: 2.4, sessionHours: 8 });
    expect(codes.filter((c) => c.startsWith('context.ufr'))).toEqual([]);
  });

  it('uses the milder rule between 10 and 13 ml/kg/h', () => {
    expect(contextCodes({ targetWeightKg: 80, weightGainKg: 3.6, sessionHours: 4 })).toContain('context.ufr-above-10');
    expect(contextCodes({ targetWeightKg: 80, weightGainKg: 3.6, sessionHours: 4 })).not.toContain('context.ufr-above-13');
  });

  it('does not apply to peritoneal dialysis, and says so', () => {
    const codes = contextCodes({ modality: 'pd', targetWeightKg: 55, weightGainKg: 3.2, sessionHours: 4 });
    expect(codes.filter((c) => c.startsWith('context.ufr'))).toEqual([]);
    expect(codes).toContain('context.peritoneal-dialysis');
  });

  it('is not worked out without the numbers it needs', () => {
    const report = checkLines(['Vitamine C 50 mg 1dd'], { patient: { weightGainKg: 3.2 } });
    expect(report.metrics['ufr-ml-per-kg-per-hour']).toBeUndefined();
    expect(report.context).toEqual([]);
  });
});

describe('each context rule fires on its context and is silent without it', () => {
  const cases: [string, Patient, Patient, string[]?][] = [
    ['context.weight-gain-above-4-percent', { targetWeightKg: 60, weightGainKg: 3 }, { targetWeightKg: 60, weightGainKg: 2 }],
    ['context.citrate-low-calcium', { anticoagulation: 'citrate' }, { anticoagulation: 'lmwh' }],
    ['context.below-target-weight-extra-salt', { belowTargetWeight: true }, { belowTargetWeight: false }],
    ['context.diabetes-thirst', { diabetes: true, targetWeightKg: 60, weightGainKg: 3 }, { diabetes: false, targetWeightKg: 60, weightGainKg: 3 }],
    ['context.dialysate-sodium-trade-off', { targetWeightKg: 60, weightGainKg: 3 }, { targetWeightKg: 60, weightGainKg: 1 }],
    ['context.cramps-at-home-target-weight', { crampsAtHome: true }, { crampsAtHome: false }],
    ['context.residual-urine-tonicity', { residualUrineMlPerDay: 800, targetWeightKg: 70, weightGainKg: 0.8 }, { residualUrineMlPerDay: 800, targetWeightKg: 70, weightGainKg: 2.5 }],
    ['context.not-on-dialysis', { modality: 'none' }, { modality: 'hd' }],
  ];

  it.each(cases)('%s', (code, on, off) => {
    for (const lang of ['en', 'nl'] as const) {
      const report = checkLines(['Vitamine C 50 mg 1dd'], { patient: on, lang });
      const f = report.context.find((c) => c.code === code);
      expect(f, `${code} ${lang}`).toBeDefined();
      expect(f?.explanation).not.toMatch(/\{[a-z]+\}/i);
      expect(f?.references.length).toBeGreaterThan(0);
      expect(contextCodes(off, undefined, lang)).not.toContain(code);
    }
  });

  it('writes the numbers in Dutch with a decimal comma', () => {
    const report = checkLines(['Vitamine C 50 mg 1dd'], { patient: { targetWeightKg: 55, weightGainKg: 3.2, sessionHours: 4 }, lang: 'nl' });
    expect(report.context.find((c) => c.code === 'context.ufr-above-13')?.explanation).toContain('800 ml/u, of 14,5 ml/kg/u bij een streefgewicht van 55 kg');
  });

  it('lists the causes heaviest first', () => {
    const codes = contextCodes({ targetWeightKg: 55, weightGainKg: 3.2, sessionHours: 4, anticoagulation: 'citrate', crampsAtHome: true });
    expect(codes).toEqual([
      'context.ufr-above-13',
      'context.cramps-at-home-target-weight',
      'context.weight-gain-above-4-percent',
      'context.citrate-low-calcium',
      'context.dialysate-sodium-trade-off',
    ]);
  });
});
